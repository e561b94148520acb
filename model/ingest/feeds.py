"""Feeds (RSS 0.9x and 2.0, RSS 1.0/RDF, Atom) → one Article per entry, through feedparser.

Nothing is fetched and no entity is resolved from outside: feedparser is handed the file's bytes as a
stream (a string it might take for an address or a file name), it drops the DOCTYPE but for plain
internal entities, and its XML parser reads no external entity. An entry's text is its full content
(`content:encoded`, Atom `<content>`) when that has text, else its summary (`<description>`,
`<summary>`); HTML becomes text through `markup.html_to_text`, and the text is cleaned like any other
document (`clean.clean_document`: boilerplate lines out, with their reasons). The entry's title, link
and date and the feed's title (the source) are metadata, taken as given. A malformed feed is read as
far as feedparser gets, with a one-line warning; an entry without text is skipped with a reason.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import feedparser

from model.ingest import clean
from model.ingest.decode import decode
from model.ingest.fields import address_key, content_hash, sanitise, sanitise_field
from model.ingest.markup import html_to_text
from model.records import Article, ReadWarning, Skipped
from model.unsafe import one_line

FEED_ROOTS = {"rss", "feed", "rdf"}  # root elements (local names) of RSS 0.9x/2.0, Atom and RSS 1.0
_PROLOG_ITEM = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.S | re.I)
_GLOBAL_ID = re.compile(r"(?:[a-z][a-z0-9+.-]*://|tag:|urn:)", re.I)  # an id that names its own domain
_ROOT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
# An entry's date fields, in the order taken, with the basis each gives the article's date.
_DATE_FIELDS = (
    ("published", "feed entry"),
    ("updated", "feed entry (last updated)"),
    ("created", "feed entry (created)"),
)


def feed_root(data: bytes) -> str | None:
    """The name of an XML document's root element (`rss`, `rdf:RDF`, `html`), or None if none is found."""
    try:
        text, _ = decode(data[:65536])
    except ValueError:
        return None
    text, pos = text.lstrip("\ufeff"), 0
    while m := _PROLOG_ITEM.match(text, pos):
        pos = m.end()
    root = _ROOT.match(text, pos)
    return root.group(1) if root else None


def read_feed(data: bytes, origin: str, stem: str, *, by_content: bool = False) -> Iterator[Article | Skipped]:
    """The articles of a feed file's bytes. With `by_content` (an .xml file), only a document whose root
    is a feed's is read as one; another is skipped."""
    if by_content:
        root = feed_root(data)
        if root is None or root.split(":")[-1].lower() not in FEED_ROOTS:
            shown_root = f"its root element is <{root}>" if root else "no root element found"
            yield Skipped(origin, f"XML file but not a feed ({shown_root}; RSS, Atom or RDF expected)")
            return
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as e:  # feedparser is lenient; whatever it still fails on costs this file only
        yield Skipped(origin, f"feed could not be read ({type(e).__name__})")
        return
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        yield Skipped(origin, f"not a feed ({_bozo_reason(parsed)})" if parsed.get("bozo") else "not a feed")
        return
    if parsed.get("bozo"):
        yield ReadWarning(
            origin, f"malformed feed ({_bozo_reason(parsed)}); read as far as it goes: {len(entries)} entries"
        )
    if not entries:
        yield Skipped(origin, "feed has no entries")
        return
    source = _text_field(parsed.get("feed") or {}, "title")
    for n, entry in enumerate(entries, 1):
        yield _entry_article(entry, n, source, origin, stem)


def _bozo_reason(parsed) -> str:
    """What feedparser found wrong, on one line: the parser's message and where."""
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "not well-formed"
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    if hasattr(exc, "getLineNumber"):
        message = f"{message} at line {exc.getLineNumber()}"
    message = sanitise_field(message) or type(exc).__name__
    return one_line(message[:200])


def _text_field(item, name: str) -> str | None:
    """A title (the entry's or the feed's) as plain text: HTML titles lose their tags and entities."""
    value = item.get(name)
    if not isinstance(value, str):
        return None
    detail = item.get(f"{name}_detail") or {}
    if "html" in (detail.get("type") or ""):
        value, _ = html_to_text(sanitise(value))
    return sanitise_field(value)


def _entry_article(entry, n: int, source: str | None, origin: str, stem: str) -> Article | Skipped:
    key = _entry_key(entry, stem, n)
    where = f"{origin} entry {n} ({key})"
    text, part = _entry_text(entry)
    if not text.strip():
        return Skipped(where, "feed entry has no text (neither content nor summary)")
    title, url = _text_field(entry, "title"), sanitise_field(entry.get("link"))
    meta = {k: v for k, v in (("title", title), ("url", url), ("source", source)) if v}
    art = clean.clean_document(text, key=key, meta=meta)
    if not art.text.strip():
        return Skipped(where, "no article text after removing boilerplate")
    art.origin = where if part == "content" else f"{where} (summary only)"
    if title:
        art.title_basis = "feed entry"
    if source:
        art.source_basis = "feed title"
    _set_published(art, entry)
    art.sha256 = content_hash(art)
    return art


def _entry_key(entry, stem: str, n: int) -> str:
    """The entry's id when it is an address or a tag (unique beyond this feed), else its link, else its id
    or position within this file (`wire:123`, `wire:4`): a bare guid like `123` repeats across feeds."""
    entry_id, link = entry.get("id"), entry.get("link")
    entry_id = entry_id if isinstance(entry_id, str) else None
    if entry_id and _GLOBAL_ID.match(entry_id.strip()):
        return address_key(entry_id) or f"{stem}:{n}"
    if isinstance(link, str) and address_key(link):
        return address_key(link)
    return f"{stem}:{address_key(entry_id or '') or n}"


def _entry_text(entry) -> tuple[str, str]:
    """(text, 'content' or 'summary'): the longest full content that has text, else the summary."""
    contents = [_as_text(c) for c in entry.get("content") or [] if isinstance(c, dict)]
    best = max(contents, key=len, default="")
    if best.strip():
        return best, "content"
    return _as_text(entry.get("summary_detail") or {"value": entry.get("summary")}), "summary"


def _as_text(detail: dict) -> str:
    """A content or summary element's text: plain text as it is, anything else read as HTML."""
    value = detail.get("value")
    if not isinstance(value, str) or not value.strip():
        return ""
    value = sanitise(value)
    if (detail.get("type") or "text/html") == "text/plain":
        return value.strip()
    text, _ = html_to_text(value)
    return text


def _set_published(art: Article, entry) -> None:
    """The entry's date, as the feed gives it (the day written, in the feed's own time zone); feedparser's
    reading in UTC only where the written form is not understood. Else the document's own evidence stays."""
    for name, basis in _DATE_FIELDS:
        raw = entry.get(name)
        if not isinstance(raw, str) or not raw.strip():
            continue
        day, detail = clean.normalise_date(raw)
        parsed = entry.get(f"{name}_parsed")
        if not day and parsed:
            day, detail = dt.date(*parsed[:3]).isoformat(), " (read in UTC)"
        if day:
            art.published, art.published_basis, art.published_confidence = day, f"{basis}{detail}", 1.0
            return
        if art.published is None:
            art.published_basis = f"feed entry date '{sanitise_field(raw)}' not understood"
