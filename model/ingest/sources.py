"""Read inputs (txt, md, html, jsonl, csv; folders recursively) into Article records.

Article text is hostile: everything read here is decoded defensively and
sanitised (C0/C1 controls but newline and tab, DEL, bidi overrides removed).
So are file names: a path (an origin in messages) and a file stem (an article's key) enter
through `name`, which shows such characters escaped.
A file or record that cannot be used becomes a `Skipped` with a one-line
reason; nothing here raises on bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from model.ingest import clean
from model.ingest.decode import decode
from model.ingest.fields import content_hash, sanitise
from model.ingest.markup import html_to_text, markdown_to_text
from model.ingest.record_files import read_csv, read_jsonl
from model.records import Article, Skipped
from model.unsafe import one_line

__all__ = ["Skipped", "content_hash", "decode", "iter_files", "read_all", "read_path", "sanitise"]

MAX_FILE_BYTES = 10 * 1024 * 1024  # a plain article file larger than this is not an article
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUFFIXES = ARTICLE_SUFFIXES | RECORD_SUFFIXES


# ---------------------------------------------------------------- files and folders


def name(path: Path | str) -> str:
    """A path or a file stem as it may be shown and stored: one line, every control, bidi or
    separator character escaped (`\\x1b`, `\\n`, `\\u202e`), so a file name can neither drive
    a terminal nor forge a line of a report."""
    return one_line(str(path))


def iter_files(paths: list[str]) -> Iterator[Path | Skipped]:
    """Files to read under `paths` (folders recursively, sorted); Skipped for what cannot be read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _files_in_folder(path)
        elif path.is_file():
            yield _file_to_read(path)
        elif path.exists():
            yield Skipped(name(path), "not a regular file")
        else:
            yield Skipped(name(path), "no such file or folder")


def _files_in_folder(path: Path) -> Iterator[Path | Skipped]:
    found = False
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for fn in sorted(files):
            f = Path(root) / fn
            if f.suffix.lower() in SUFFIXES and not fn.startswith("."):
                found = True
                yield f
    if not found:
        yield Skipped(name(path), "folder has no .txt, .md, .html, .jsonl or .csv files")


def _file_to_read(path: Path) -> Path | Skipped:
    if path.suffix.lower() in SUFFIXES:
        return path
    return Skipped(
        name(path),
        f"unsupported file type '{name(path.suffix) or '(none)'}' (use .txt, .md, .html, .jsonl or .csv)",
    )


def read_path(path: Path) -> Iterator[Article | Skipped]:
    """Articles from one file: one for an article file, one per good record for jsonl/csv."""
    origin = name(path)
    data = _read_bytes(path, origin)
    if isinstance(data, Skipped):
        yield data
        return
    if not data.strip():
        yield Skipped(origin, "empty file" if not data else "empty file (only whitespace)")
        return
    try:
        text, note = decode(data)
    except ValueError as e:
        yield Skipped(origin, str(e))
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(text, origin, name(path.stem))
    elif suffix == ".csv":
        yield from read_csv(text, origin, name(path.stem))
    else:
        yield _article_file(text, note, path, origin, suffix)


def _read_bytes(path: Path, origin: str) -> bytes | Skipped:
    try:
        size = path.stat().st_size
        if path.suffix.lower() in ARTICLE_SUFFIXES and size > MAX_FILE_BYTES:
            return Skipped(
                origin,
                f"file too large ({size / 1048576:.1f} MB; the limit is "
                f"{MAX_FILE_BYTES // 1048576} MB for one article)",
            )
        return path.read_bytes()
    except OSError as e:
        return Skipped(origin, f"cannot read: {e.strerror or e}")


def _article_file(text: str, note: str | None, path: Path, origin: str, suffix: str) -> Article | Skipped:
    """One article from a .txt, .md or .html file's decoded text."""
    text = sanitise(text)
    if not text.strip():
        return Skipped(origin, "empty file (only whitespace or control characters)")
    meta = {}
    if suffix in (".html", ".htm"):
        text, meta = html_to_text(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    art = clean.clean_document(text, key=name(path.stem), meta=meta)
    art.origin = origin if not note else f"{origin} ({note})"
    if not art.text.strip():
        return Skipped(origin, "no article text after removing boilerplate")
    art.sha256 = content_hash(art)
    return art


def read_all(paths: list[str]) -> Iterator[Article | Skipped]:
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item)
