"""Everything extracted from one parsed article, each extractor guarded on its own.

Runs in the worker processes, next to spaCy. `extract` is the one place an extractor's failure
is caught: it costs that extractor's records for the article, and is reported with it.
"""

from __future__ import annotations

from model.extract import entities

# model.extract.quotes.extractor and model.extract.timeline (about a second of regex compiling) are
# imported where extraction runs, in the workers: a re-ingest of an unchanged corpus never needs them.
from model.ingest.clean import PAGE_HEADER
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
    published, interval, uncertain = _publication(art, text, doc, ext, step)
    ext.timexes = step(
        "dates", timeline.extract_timexes, text, doc, published, uncertain=uncertain, interval=interval, default=[]
    )
    ext.events = step("events", events.event_reports, text, doc, ext.mentions, ext.timexes, default=[])
    return ext


def _publication(art: Article, text: str, doc, ext: Extraction, step) -> tuple[str | None, tuple | None, bool]:
    """The date relative dates are resolved against: (day, interval, uncertain). The article's own date is
    taken as given, but a page-header date the text contradicts gives way to what the text allows; with no
    date, what the text allows is kept in `ext` (a day, or no day and the interval in the basis)."""
    header = bool(art.published and (art.published_basis or "").startswith(PAGE_HEADER))
    if art.published and not header:
        return art.published, None, (art.published_confidence or 0) < 1
    from model.extract import timeline

    dating = step("publication date inference", timeline.infer_published, text, doc)
    if art.published and not _contradicts(dating, art.published):
        return art.published, None, True
    if dating is None:
        if art.published:  # contradicted, and the text allows nothing: no date at all
            ext.published_basis = f"{art.published_basis}; contradicted by the text"
        return None, None, True
    ext.published, ext.published_basis, ext.published_confidence = dating.day, dating.basis, dating.confidence
    if art.published:
        ext.published_basis = f"{dating.basis}; the {art.published_basis} is contradicted by the text"
        ext.published_confidence = dating.confidence
    return dating.day, dating.interval, True


def _contradicts(dating, day: str) -> bool:
    """Whether the text's dating leaves `day` out."""
    if dating is None:
        return False
    if dating.day is not None:
        return dating.day != day
    return bool(dating.earliest and day < dating.earliest or dating.latest and day > dating.latest)
