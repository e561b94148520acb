"""Read inputs (txt, md, html, feeds, web archives, jsonl, csv; folders recursively) into Article records
(a web page through `web`).

Article text is hostile: everything read here is decoded defensively and
sanitised (C0/C1 controls but newline and tab, DEL, bidi overrides removed).
So are file names: a path (an origin in messages) and a file stem (an article's key) enter
through `name`, which shows such characters escaped.
A file or record that cannot be used becomes a `Skipped` with a one-line
reason; nothing here raises on bad input.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from model.ingest import clean
from model.ingest.decode import decode, is_plain_utf8
from model.ingest.exports import read_export
from model.ingest.fields import content_hash, finished, sanitise
from model.ingest.markup import markdown_to_text
from model.ingest.record_files import read_csv, read_jsonl, stream_jsonl
from model.ingest.walk import (
    ARCHIVE_SUFFIXES,
    ARTICLE_SUFFIXES,
    FEED_SUFFIXES,
    file_kind,
    input_suffix,
    iter_files,
    shown,
)
from model.records import Article, Skipped

__all__ = ["Skipped", "content_hash", "decode", "iter_files", "read_all", "read_path", "sanitise"]

MAX_FILE_BYTES = 10 * 1024 * 1024  # a plain article file larger than this is not an article
MAX_RECORDS_FILE_BYTES = 1024 * 1024 * 1024  # a .csv (or a .jsonl not in UTF-8) larger than this is not read
MAX_FEED_BYTES = 100 * 1024 * 1024  # a feed file larger than this is not read (feedparser holds it whole)
# A web archive has no size limit: it is streamed a record at a time (`warc.read_warc` limits each page).
WEB_PAGE_SUFFIXES = (".html", ".htm")  # read through `web.read_page`
STREAMED_SUFFIXES = (".jsonl", ".ndjson")  # streamed a record at a time when plain UTF-8 (`_streamed_records`)


def read_path(path: Path) -> Iterator[Article | Skipped]:
    """Articles from one file: one for an article file, one per good record for jsonl/csv, one per entry
    for a feed, one per HTML page for a web archive."""
    origin = shown(path)
    suffix = input_suffix(path)
    if suffix in ARCHIVE_SUFFIXES:
        yield from _read_archive(path, origin)
        return
    if suffix in STREAMED_SUFFIXES and (streamed := _streamed_records(path, origin)) is not None:
        yield from streamed
        return
    data = _read_bytes(path, origin, suffix)
    if isinstance(data, Skipped):
        yield data
        return
    if not data.strip():
        yield Skipped(origin, "empty file" if not data else "empty file (only whitespace)")
        return
    if (exported := read_export(data, path, origin)) is not None:  # a news-database export, a .docx, an .rtf
        yield from exported
        return
    if suffix in FEED_SUFFIXES:
        from model.ingest.feeds import read_feed  # feedparser: imported when a feed comes

        yield from read_feed(data, origin, shown(path.stem), by_content=suffix == ".xml")
        return
    if suffix in WEB_PAGE_SUFFIXES:
        from model.ingest.web import read_page  # trafilatura: imported when a web page comes (0.1 s)

        yield read_page(data, key=shown(path.stem), origin=origin)
        return
    try:
        text, note = decode(data)
    except ValueError as e:
        yield Skipped(origin, str(e))
        return
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(text, origin, shown(path.stem))
    elif suffix == ".csv":
        yield from read_csv(text, origin, shown(path.stem))
    else:
        yield _article_file(text, note, path, origin, suffix)


def _read_archive(path: Path, origin: str) -> Iterator[Article | Skipped]:
    """A web archive's articles, streamed from the open file."""
    f = _open_regular(path, origin)
    if isinstance(f, Skipped):
        yield f
        return
    with f:
        from model.ingest.warc import read_warc  # warcio and trafilatura: imported when an archive comes

        yield from read_warc(f, origin, shown(path.stem))


def _streamed_records(path: Path, origin: str) -> Iterator[Article | Skipped] | None:
    """A JSONL file's records, streamed a line at a time, when it is plain UTF-8 (with no size limit); None
    when it is not (it is read whole, decoded as any file is, within `MAX_RECORDS_FILE_BYTES`)."""
    f = _open_regular(path, origin)
    if isinstance(f, Skipped):
        return iter([f])
    try:
        plain = is_plain_utf8(f)
    except OSError:
        plain = False
    if not plain:
        f.close()
        return None
    return _stream_open_records(f, origin, shown(path.stem))


def stream_records_range(path: Path, start: int, end: int | None, first_line: int) -> Iterator[Article | Skipped]:
    """The records of bytes `start` to `end` of a plain UTF-8 JSONL file (`start` a line's start, that of line
    `first_line`): a piece of the file, as `read_path` reads them from the whole."""
    origin = shown(path)
    f = _open_regular(path, origin)
    if isinstance(f, Skipped):
        yield f
        return
    with f:
        f.seek(start)
        yield from stream_jsonl(f, origin, shown(path.stem), end=end, first_line=first_line)


def _stream_open_records(f, origin: str, stem: str) -> Iterator[Article | Skipped]:
    with f:
        found = False
        try:
            for item in stream_jsonl(f, origin, stem):
                found = True
                yield item
        except OSError as e:
            yield Skipped(origin, f"cannot read: {e.strerror or e}")
            return
        if not found and (why := _empty(f)):
            yield Skipped(origin, why)


def _empty(f) -> str | None:
    """Why a file that gave no record is skipped as empty (as a file read whole would be), or None."""
    f.seek(0)
    if not (block := f.read(1 << 20)):
        return "empty file"
    while block:
        if block.strip():
            return None
        block = f.read(1 << 20)
    return "empty file (only whitespace)"


def _open_regular(path: Path, origin: str):
    """The file opened for reading, if it is a regular file; else why not. Opened without blocking (a FIFO
    put in its place does not hang) and checked on the open file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        return Skipped(origin, f"cannot read: {e.strerror or e}")
    f = open(fd, "rb")
    try:
        mode = os.fstat(fd).st_mode
    except OSError as e:
        f.close()
        return Skipped(origin, f"cannot read: {e.strerror or e}")
    if not stat.S_ISREG(mode):
        f.close()
        return Skipped(origin, f"not a regular file ({file_kind(mode)})")
    return f


def _read_bytes(path: Path, origin: str, suffix: str) -> bytes | Skipped:
    """The file's bytes, if it is a regular file within the size limit of its kind. The limit is held on
    what is read: a file that says it is small (/proc, a file still growing) is read no further than it."""
    limit, what = _size_limit(suffix)
    f = _open_regular(path, origin)
    if isinstance(f, Skipped):
        return f
    try:
        with f:
            size = os.fstat(f.fileno()).st_size
            data = f.read(limit + 1) if size <= limit else b""
    except OSError as e:
        return Skipped(origin, f"cannot read: {e.strerror or e}")
    if size > limit or len(data) > limit:
        size_text = f"{size / 1048576:.1f} MB" if size > limit else f"more than {limit // 1048576} MB read"
        return Skipped(origin, f"file too large ({size_text}; the limit is {limit // 1048576} MB {what})")
    return data


def _size_limit(suffix: str) -> tuple[int, str]:
    if suffix in ARTICLE_SUFFIXES:
        return MAX_FILE_BYTES, "for one article"
    if suffix in FEED_SUFFIXES:
        return MAX_FEED_BYTES, "for a feed"
    return MAX_RECORDS_FILE_BYTES, "for a records file"


def _article_file(text: str, note: str | None, path: Path, origin: str, suffix: str) -> Article | Skipped:
    """One article from a .txt or .md file's decoded text."""
    text = sanitise(text)
    if not text.strip():
        return Skipped(origin, "empty file (only whitespace or control characters)")
    if suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    art = clean.clean_document(text, key=shown(path.stem))
    return finished(art, origin, note)


def read_all(paths: list[str], *, follow_links: bool = False) -> Iterator[Article | Skipped]:
    for item in iter_files(paths, follow_links=follow_links):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item)
