"""The read API the UI uses: small functions returning plain dataclasses.

Every list comes in pages (`count_*` and `*(conn, filters, offset, limit)`), so a
corpus of 100,000 articles never sits in memory. Plain `sqlite3` only (no
sqlite-utils: it is slow to import), and never textual or rich. Each thread opens
its own connection with `connect`.

One module per thing read: `articles`, `entities`, `timeline`, `quotes`, `entity_page`;
`rows` holds what they return, `search` a user's search words, `base` the shared helpers.
The UI reads them all from here (`from model.corpus import query as q`).
"""

from model.corpus.query.articles import (
    ARTICLE_SORTS,
    article_row,
    articles,
    count_articles,
    find_articles,
    get_article,
)
from model.corpus.query.base import FREQUENT, FREQUENT_EVENTS, QueryError, connect, has_summary
from model.corpus.query.entities import count_entities, entities, entity, labels
from model.corpus.query.entity_page import COOCCUR_ARTICLES, PAGE_COUNT_CAP, entity_page
from model.corpus.query.quotes import QUOTE_SAID_KINDS, QUOTE_SORTS, count_quotes, quotes
from model.corpus.query.rows import (
    ArticleDoc,
    ArticleRow,
    EntityPage,
    EntityRow,
    Filters,
    Kwic,
    MentionSpan,
    QuoteRow,
    TimexRow,
    granularity,
)
from model.corpus.query.search import fts_escape, search_terms
from model.corpus.query.timeline import count_events, event_position, events

__all__ = [
    "ARTICLE_SORTS",
    "COOCCUR_ARTICLES",
    "FREQUENT",
    "FREQUENT_EVENTS",
    "PAGE_COUNT_CAP",
    "QUOTE_SAID_KINDS",
    "QUOTE_SORTS",
    "ArticleDoc",
    "ArticleRow",
    "EntityPage",
    "EntityRow",
    "Filters",
    "Kwic",
    "MentionSpan",
    "QueryError",
    "QuoteRow",
    "TimexRow",
    "article_row",
    "articles",
    "connect",
    "count_articles",
    "count_entities",
    "count_events",
    "count_quotes",
    "entities",
    "entity",
    "entity_page",
    "event_position",
    "events",
    "find_articles",
    "fts_escape",
    "get_article",
    "granularity",
    "has_summary",
    "labels",
    "quotes",
    "search_terms",
]
