"""Web archives (WARC and WARC.gz, ARC too) → one Article per archived HTML page, through warcio.

The archive is streamed a record at a time, never read whole: its size has no limit, each page's
payload is read no further than MAX_PAGE_BYTES. A response with HTTP status 200 and an HTML content
type goes through the web-page path (`web.read_page`), keyed by its target URI shortened
(`fields.address_key`), its URL the target URI. Repeat captures of a page with the same content have
the same key and content hash, so the ingest keeps one (as for any input). Every other record
(requests, metadata, images and scripts, redirects and errors, revisits) is passed over and counted,
one line a kind for the archive. An archive that ends inside a record (a truncated download) or
cannot be read on ends there with a reason; what was read before stays.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from model.ingest.fields import address_key, sanitise_field
from model.ingest.web import read_page
from model.records import Article, ReadWarning, Skipped
from model.unsafe import one_line

MAX_PAGE_BYTES = 10 * 1024 * 1024  # a page larger than this is not an article (as for an article file)
HTML_TYPES = {"text/html", "application/xhtml+xml"}
_DRAIN_BYTES = 1024 * 1024


class _Passed:
    """The records passed over, by kind and detail: what one line a kind reports."""

    KINDS = {
        "revisit": "revisit records (repeat captures that hold no page)",
        "not a response": "records that are not responses",
        "not HTML": "responses that are not HTML pages",
        "status": "HTML responses with an HTTP status other than 200",
    }

    def __init__(self):
        self.counts: dict[str, Counter] = {kind: Counter() for kind in self.KINDS}

    def add(self, kind: str, detail: str) -> None:
        self.counts[kind][one_line(sanitise_field(detail) or "none")[:60]] += 1

    def lines(self, origin: str) -> Iterator[Skipped]:
        for kind, counter in self.counts.items():
            total = sum(counter.values())
            if not total:
                continue
            details = ", ".join(f"{d} {c}" for d, c in counter.most_common(5))
            more = ", …" if len(counter) > 5 else ""
            plural = "s" if total != 1 else ""
            yield Skipped(origin, f"{total} record{plural} passed over: {self.KINDS[kind]} ({details}{more})")

    def __bool__(self) -> bool:
        return any(self.counts.values())


def read_warc(stream: BinaryIO, origin: str, stem: str) -> Iterator[Article | Skipped]:
    """The articles of a web archive read from `stream`, then one line for each kind of record passed over."""
    passed, pages, n = _Passed(), 0, 0
    warned = io.StringIO()  # warcio writes its warnings to stderr: they are kept, and told in one line
    source = _uncompressed(stream)
    records = ArchiveIterator(source)
    ended = None  # why the archive was read no further, if it was not read to its end
    while ended is None:
        try:
            with contextlib.redirect_stderr(warned):
                record = next(records, None)
                if record is None:
                    break
                n += 1
                item = _record(record, n, origin, stem, passed)
                truncated = _ends_early(record)
        except Exception as e:  # a bad archive costs what is left of it, never a traceback
            ended = Skipped(origin, f"archive damaged or truncated after record {n} ({_what_went_wrong(e)})")
            break
        if truncated:
            ended = Skipped(f"{origin} record {n}", "archive ends inside this record (truncated)")
        elif item is not None:
            pages += isinstance(item, Article)
            yield item
    if ended is None and (getattr(source, "cut_short", False) or _bytes_after_last_record(records)):
        ended = Skipped(origin, f"archive ends inside the record after record {n} (truncated)")
    if ended is None and getattr(source, "damaged", False):
        ended = Skipped(origin, f"archive damaged after record {n} (what follows is not gzip)")
    if ended is not None:
        ended.reason += f"; {pages} page{'s' if pages != 1 else ''} read before it"
        yield ended
    yield from passed.lines(origin)
    if n == 0:
        yield Skipped(origin, "no records (an empty archive, or not a WARC file)")
    if warned.getvalue().strip():
        yield ReadWarning(origin, f"warcio: {_first_line(warned.getvalue())}")


class _Gunzip:
    """A gzip file's bytes, decompressed as they are read, member after member: a WARC.gz holds a member a
    record, a WARC gzipped after the crawl one member in all (warcio refuses those; this reads both). Where
    the file ends inside a member, what came before is returned and `cut_short` is set; where the bytes
    stop being gzip, `damaged` is. Memory stays bounded: at most `size` bytes come out of a read."""

    def __init__(self, f: BinaryIO):
        self.f, self.member, self.tail = f, zlib.decompressobj(16 + zlib.MAX_WBITS), b""
        self.in_member = self.done = self.cut_short = self.damaged = False

    def read(self, size: int = -1) -> bytes:
        limit = size if size and size > 0 else _DRAIN_BYTES
        while not self.done:
            data, self.tail = self.tail or self.f.read(_DRAIN_BYTES), b""
            if not data:
                self.done, self.cut_short = True, self.in_member
                return self.member.flush() if self.in_member else b""
            try:
                out = self.member.decompress(data, limit)
            except zlib.error:
                self.done = self.damaged = True
                return b""
            self.in_member, self.tail = True, self.member.unconsumed_tail
            if self.member.eof:
                self.tail, self.in_member = self.member.unused_data, False
                self.member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if out:
                return out
        return b""


def _uncompressed(stream: BinaryIO) -> BinaryIO | _Gunzip:
    """The archive's WARC bytes: a gzip file through `_Gunzip`, another as it is."""
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else stream.read(2)
    if not hasattr(stream, "peek"):
        stream.seek(0)
    return _Gunzip(stream) if head == b"\x1f\x8b" else stream


def _what_went_wrong(e: Exception) -> str:
    if isinstance(e, ArchiveLoadFailed | OSError | zlib.error):
        return _first_line(e)
    return f"a malformed record ({type(e).__name__})"


def _record(record, n: int, origin: str, stem: str, passed: _Passed) -> Article | Skipped | None:
    """A page's article (or why the page could not be read), or None for a record passed over."""
    if record.rec_type == "revisit":
        passed.add("revisit", "revisit")
        return None
    if record.rec_type != "response" or record.http_headers is None:
        passed.add("not a response", record.rec_type or "no type")
        return None
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        passed.add("not HTML", media or "no content type")
        return None
    status = record.http_headers.get_statuscode()
    if status != "200":
        passed.add("status", status or "no status")
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri")
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    key = address_key(uri or rid) or f"{stem}:{n}"
    where = f"{origin} record {n} ({key})"
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        return Skipped(where, f"page too large (more than {MAX_PAGE_BYTES // 1048576} MB; the limit for one article)")
    return read_page(data, key, where, url=uri)


def _ends_early(record) -> bool:
    """Whether the archive ends before the record does: its block is read to the end (as warcio would),
    and bytes its length promised are missing."""
    if record.format == "warc" and record.length is None:  # the header was cut before its Content-Length
        return True
    raw = record.raw_stream
    while raw.read(_DRAIN_BYTES):
        pass
    return getattr(raw, "limit", 0) > 0


def _bytes_after_last_record(records: ArchiveIterator) -> int:
    """Bytes read past the end of the last whole record: the start of a record the archive cuts short
    (warcio ends the archive there quietly). Blank lines after the last record are part of it."""
    try:
        return max(0, records.fh.tell() - records.offset)
    except (AttributeError, OSError, TypeError, ValueError):
        return 0


def _first_line(what) -> str:
    lines = [ln.strip() for ln in str(what).splitlines() if ln.strip()]
    text = lines[0] if lines else type(what).__name__
    return one_line(sanitise_field(text) or "")[:200]
