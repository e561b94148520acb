"""Read inputs (txt, md, html, jsonl, csv; folders recursively) into Article records (a web page through `web`).

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
from model.ingest.decode import decode
from model.ingest.fields import content_hash, sanitise
from model.ingest.markup import markdown_to_text
from model.ingest.record_files import read_csv, read_jsonl
from model.ingest.walk import ARTICLE_SUFFIXES, file_kind, iter_files, shown
from model.ingest.web import read_page
from model.records import Article, Skipped

__all__ = ["Skipped", "content_hash", "decode", "iter_files", "read_all", "read_path", "sanitise"]

MAX_FILE_BYTES = 10 * 1024 * 1024  # a plain article file larger than this is not an article
MAX_RECORDS_FILE_BYTES = 1024 * 1024 * 1024  # a .jsonl or .csv file larger than this is not read
WEB_PAGE_SUFFIXES = (".html", ".htm")  # read through `web.read_page`


def read_path(path: Path) -> Iterator[Article | Skipped]:
    """Articles from one file: one for an article file, one per good record for jsonl/csv."""
    origin = shown(path)
    data = _read_bytes(path, origin)
    if isinstance(data, Skipped):
        yield data
        return
    if not data.strip():
        yield Skipped(origin, "empty file" if not data else "empty file (only whitespace)")
        return
    suffix = path.suffix.lower()
    if suffix in WEB_PAGE_SUFFIXES:
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


def _read_bytes(path: Path, origin: str) -> bytes | Skipped:
    """The file's bytes, if it is a regular file within the size limit. Opened without blocking (a FIFO put
    in its place does not hang), checked on the open file, and the limit held on what is read: a file that
    says it is small (/proc, a file still growing) is read no further than the limit."""
    article = path.suffix.lower() in ARTICLE_SUFFIXES
    limit = MAX_FILE_BYTES if article else MAX_RECORDS_FILE_BYTES
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as f:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return Skipped(origin, f"not a regular file ({file_kind(st.st_mode)})")
            size = st.st_size
            data = f.read(limit + 1) if size <= limit else b""
    except OSError as e:
        return Skipped(origin, f"cannot read: {e.strerror or e}")
    if size > limit or len(data) > limit:
        size_text = f"{size / 1048576:.1f} MB" if size > limit else f"more than {limit // 1048576} MB read"
        what = "for one article" if article else "for a records file"
        return Skipped(origin, f"file too large ({size_text}; the limit is {limit // 1048576} MB {what})")
    return data


def _article_file(text: str, note: str | None, path: Path, origin: str, suffix: str) -> Article | Skipped:
    """One article from a .txt or .md file's decoded text."""
    text = sanitise(text)
    if not text.strip():
        return Skipped(origin, "empty file (only whitespace or control characters)")
    if suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    art = clean.clean_document(text, key=shown(path.stem))
    art.origin = origin if not note else f"{origin} ({note})"
    if not art.text.strip():
        return Skipped(origin, "no article text after removing boilerplate")
    art.sha256 = content_hash(art)
    return art


def read_all(paths: list[str], *, follow_links: bool = False) -> Iterator[Article | Skipped]:
    for item in iter_files(paths, follow_links=follow_links):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item)
