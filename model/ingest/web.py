"""A web page's bytes → one Article: the page path every reader of web pages shares (WARC records today).

Today's HTML path: the bytes decoded defensively, the page's text and metadata read by
`markup.html_to_text`, its boilerplate, title, source and date found by `clean.clean_document`.
"""

from __future__ import annotations

from model.ingest import clean
from model.ingest.decode import decode
from model.ingest.fields import content_hash, sanitise, sanitise_field
from model.ingest.markup import html_to_text
from model.records import Article, Skipped


def read_page(data: bytes, key: str, origin: str, url: str | None = None) -> Article | Skipped:
    """One article from a web page's bytes, keyed `key`; `url`, when given, is the address the page was
    fetched from (it wins over the page's own canonical link). Bad input is a `Skipped`, never an error."""
    if not data.strip():
        return Skipped(origin, "empty page")
    try:
        text, note = decode(data)
    except ValueError as e:
        return Skipped(origin, str(e))
    text = sanitise(text)
    if not text.strip():
        return Skipped(origin, "empty page (only whitespace or control characters)")
    text, meta = html_to_text(text)
    if sanitise_field(url):
        meta["url"] = sanitise_field(url)
    art = clean.clean_document(text, key=key, meta=meta)
    art.origin = origin if not note else f"{origin} ({note})"
    if not art.text.strip():
        return Skipped(origin, "no article text after removing boilerplate")
    art.sha256 = content_hash(art)
    return art
