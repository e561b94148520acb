"""The read API the UI uses: small functions returning plain dataclasses.

Every list comes in pages (`count_*` and `*(conn, filters, offset, limit)`), so a
corpus of 100,000 articles never sits in memory. Plain `sqlite3` only (no
sqlite-utils: it is slow to import), and never textual or rich. Each thread opens
its own connection with `connect`.

One module per thing read: `articles`, `entities`, `timeline` (dated expressions), `event_list` (events
merged across articles, and one event's page), `quotes`, `statements`, `entity_page`; `rows` holds what they
return, `language` the search language a user types, `search` its clauses in SQL, `base` the shared helpers.
The UI reads them all from here (`from model.corpus import query as q`).
"""

from model.corpus.query.articles import (
    ARTICLE_SORTS,
    article_row,
    articles,
    count_articles,
    find_articles,
    get_article,
    page_apart_from_count,
)
from model.corpus.query.base import FREQUENT, FREQUENT_EVENTS, AtLeast, QueryError, connect, has_summary
from model.corpus.query.entities import ENTITY_SORTS, count_entities, entities, entity, labels
from model.corpus.query.entity_page import (
    COOCCUR_ARTICLES,
    PAGE_COUNT_CAP,
    entity_page,
    entity_page_head,
    entity_page_rest,
)
from model.corpus.query.event_list import (
    EVENT_SORTS,
    PAGE_ARTICLES,
    SEARCH_ARTICLES,
    count_merged_events,
    counts_by_month,
    counts_position,
    counts_total,
    event_density,
    event_page,
    has_events,
    merged_event_position,
    merged_events,
    value_counts,
)
from model.corpus.query.language import FIELDS, Query, QuerySyntaxError, Term, parse
from model.corpus.query.quotes import QUOTE_SORTS, count_quotes, quotes
from model.corpus.query.rows import (
    ArticleDoc,
    ArticleRow,
    EntityPage,
    EntityRow,
    EventPage,
    EventReading,
    EventReport,
    EventRow,
    Filters,
    Kwic,
    MentionSpan,
    QuoteRow,
    StatementPage,
    StatementRow,
    TimexRow,
    granularity,
)
from model.corpus.query.search import fts_escape, search_terms
from model.corpus.query.statements import (
    HEAD_WORDINGS,
    count_statements,
    has_statements,
    statement_page,
    statement_page_head,
    statement_page_rest,
    statements,
)
from model.corpus.query.timeline import count_events, event_position, events

__all__ = [
    "page_apart_from_count",
    "ARTICLE_SORTS",
    "ENTITY_SORTS",
    "AtLeast",
    "COOCCUR_ARTICLES",
    "FIELDS",
    "FREQUENT",
    "FREQUENT_EVENTS",
    "PAGE_ARTICLES",
    "PAGE_COUNT_CAP",
    "QUOTE_SORTS",
    "SEARCH_ARTICLES",
    "ArticleDoc",
    "ArticleRow",
    "EntityPage",
    "EntityRow",
    "EventPage",
    "EventReading",
    "EventReport",
    "EventRow",
    "Filters",
    "Kwic",
    "MentionSpan",
    "Query",
    "QueryError",
    "QuerySyntaxError",
    "QuoteRow",
    "StatementPage",
    "StatementRow",
    "Term",
    "TimexRow",
    "article_row",
    "articles",
    "connect",
    "count_articles",
    "count_entities",
    "count_events",
    "EVENT_SORTS",
    "count_merged_events",
    "counts_by_month",
    "counts_position",
    "counts_total",
    "count_quotes",
    "count_statements",
    "entities",
    "entity",
    "entity_page",
    "entity_page_head",
    "entity_page_rest",
    "event_density",
    "event_page",
    "event_position",
    "events",
    "find_articles",
    "fts_escape",
    "get_article",
    "granularity",
    "has_events",
    "has_statements",
    "has_summary",
    "labels",
    "merged_event_position",
    "merged_events",
    "parse",
    "quotes",
    "search_terms",
    "HEAD_WORDINGS",
    "statement_page",
    "statement_page_head",
    "statement_page_rest",
    "statements",
    "value_counts",
]
