"""Everything extracted from one parsed article, each extractor guarded on its own.

Runs in the worker processes, next to spaCy. `extract` is the one place an extractor's failure
is caught: it costs that extractor's records for the article, and is reported with it.
"""

from __future__ import annotations

from model.extract import entities

# model.extract.quotes.extractor and model.extract.timeline (about a second of regex compiling) are
# imported where extraction runs, in the workers: a re-ingest of an unchanged corpus never needs them.
from model.records import Article, Extraction


def extract(art: Article, doc) -> Extraction:
    """Everything we extract from one parsed article. Pure: (text, doc, metadata) → records."""
    from model.extract import events, timeline
    from model.extract.quotes import extractor as quotes

    text = doc.text  # the article's text as parsed: soft newlines and degenerate runs are spaces (`layout.parse_text`)
    ext = Extraction(sentences=[(s.start_char, s.end_char) for s in doc.sents])

    def step(what, fn, *args, default=None, **kw):
        # One extractor's failure costs that extractor's records for this article, never the article.
        try:
            return fn(*args, **kw)
        except Exception as e:
            ext.problems.append(f"{what} failed ({type(e).__name__}: {e})"[:200])
            return default

    ext.mentions = step("entities", entities.resolve_mentions, doc, default=[])
    step("acronyms", entities.acronym_aliases, doc, ext.mentions)
    ext.quotes = step("quotes", quotes.extract_quotes, text, doc, ext.mentions, title=art.title, default=[])
    published, uncertain = art.published, bool(art.published and (art.published_confidence or 0) < 1)
    if not published:
        inferred = step("publication date inference", timeline.infer_published, text, doc)
        if inferred:
            published, basis, conf = inferred
            ext.published, ext.published_basis, ext.published_confidence = published, basis, conf
            uncertain = True
    ext.timexes = step("dates", timeline.extract_timexes, text, doc, published, uncertain=uncertain, default=[])
    ext.events = step("events", events.event_reports, text, doc, ext.mentions, ext.timexes, default=[])
    return ext
