"""Articles from record files: one JSON object a line (.jsonl), or a CSV with a header.

Each record needs a `text`; `id`, `title`, `published`, `source` and `url` are read when there.
A bad line or row becomes a `Skipped` with its line or row number; the others are still read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from model.ingest import clean
from model.ingest.fields import content_hash, sanitise, sanitise_field, without_surrogates
from model.records import Article, Skipped

MAX_TEXT_CHARS = 5_000_000  # a record's text larger than this is skipped
MAX_LINE_BYTES = 64 * 1024 * 1024  # a streamed JSONL line longer than this is skipped unread

RECORD_FIELDS = ("id", "title", "text", "published", "source", "url")


def record_to_article(rec: dict, origin: str, fallback_key: str) -> Article | Skipped:
    rec, origin = _repaired(rec, origin)
    text = _record_text(rec, origin)
    if isinstance(text, Skipped):
        return text
    art = Article(
        key=sanitise_field(rec.get("id")) or fallback_key,
        text=text,
        title=sanitise_field(rec.get("title")),
        url=sanitise_field(rec.get("url")),
        source=sanitise_field(rec.get("source")),
        origin=origin,
    )
    if art.title:
        art.title_basis = "metadata"
    if art.source:
        art.source_basis = "metadata"
    _record_published(art, rec)
    art.sha256 = content_hash(art)
    return art


def _repaired(rec, origin: str) -> tuple[object, str]:
    """A JSON record's lone surrogates (`\\ud800`: no text can hold them) become U+FFFD; the origin says where."""
    if not isinstance(rec, dict):
        return rec, origin
    fixed = {k: without_surrogates(v) if isinstance(v, str) else v for k, v in rec.items()}
    changed = [k for k in RECORD_FIELDS if fixed.get(k) != rec.get(k)]
    if not changed:
        return rec, origin
    return fixed, f"{origin} (lone surrogates replaced in {', '.join(changed)})"


def _record_text(rec: dict, origin: str) -> str | Skipped:
    """A record's text, sanitised, or why the record is skipped."""
    if not isinstance(rec, dict):
        return Skipped(origin, "record is not an object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(origin, "record has no text")
    if len(text) > MAX_TEXT_CHARS:
        return Skipped(origin, f"record text too large ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})")
    text = sanitise(text)
    if not text.strip():
        return Skipped(origin, "record has no text (only control characters)")
    return text


def _record_published(art: Article, rec: dict) -> None:
    published, pbasis = clean.normalise_date(rec.get("published"))
    if published:
        art.published, art.published_basis, art.published_confidence = published, f"metadata{pbasis}", 1.0
    elif rec.get("published"):
        art.published_basis = f"metadata date '{sanitise_field(rec.get('published'))}' not understood"


_LINE_END = re.compile(r"\r\n?|\n")


def read_jsonl(text: str, origin: str, stem: str) -> Iterator[Article | Skipped]:
    # Only CR/LF end a record: JSON strings may hold U+2028, U+0085 and the like raw, which str.splitlines splits on.
    for n, line in enumerate(_LINE_END.split(text), 1):
        if line.strip():
            yield _jsonl_record(line, f"{origin}:{n}", f"{stem}:{n}")


def stream_jsonl(
    f: BinaryIO, origin: str, stem: str, *, end: int | None = None, first_line: int = 1
) -> Iterator[Article | Skipped]:
    """The records of a UTF-8 JSONL file opened in binary, read a line at a time from where `f` stands (a
    line's start, line number `first_line`) to byte `end` (None: the end of the file). What `read_jsonl`
    makes of the whole file's text, in memory bounded by one line (`MAX_LINE_BYTES`)."""
    n = first_line - 1
    if f.tell() == 0 and f.read(3) != codecs.BOM_UTF8:
        f.seek(0)
    while end is None or f.tell() < end:
        raw = f.readline(MAX_LINE_BYTES)
        if not raw:
            return
        if len(raw) == MAX_LINE_BYTES and not raw.endswith(b"\n"):
            n += 1
            _skip_rest_of_line(f)
            yield Skipped(f"{origin}:{n}", f"record line too long (more than {MAX_LINE_BYTES // 1048576} MB)")
            continue
        lines = _LINE_END.split(raw.decode("utf-8", errors="replace"))
        if raw.endswith((b"\n", b"\r")):
            lines.pop()  # the empty rest after the line's end
        for line in lines:
            n += 1
            if line.strip():
                yield _jsonl_record(line, f"{origin}:{n}", f"{stem}:{n}")


def _skip_rest_of_line(f: BinaryIO) -> None:
    while (chunk := f.readline(MAX_LINE_BYTES)) and not chunk.endswith(b"\n"):
        pass


def _jsonl_record(line: str, where: str, fallback_key: str) -> Article | Skipped:
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        return Skipped(where, f"malformed JSON line ({getattr(e, 'msg', 'too deeply nested')})")
    return record_to_article(rec, where, fallback_key)


def _unclosed_quote(lines: list[str]) -> int | None:
    """The index of the line where a quoted field opens that never closes, or None. Such a
    field runs on into the next rows (up to EOF, or to the next quote, where strict parsing
    fails): left alone, it would swallow them."""
    reader = csv.reader(lines, strict=True)
    start = 0
    while True:
        try:
            next(reader)
        except StopIteration:
            return None
        except csv.Error as e:
            if reader.line_num - start > 1 or "unexpected end of data" in str(e):
                return start
        start = reader.line_num


def read_csv(text: str, origin: str, stem: str) -> Iterator[Article | Skipped]:
    csv.field_size_limit(MAX_TEXT_CHARS + 1)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as e:
        yield Skipped(origin, f"CSV has no readable header ({e})" if str(e) else "CSV has no header")
        return
    if "text" not in header:
        yield Skipped(origin, "CSV has no 'text' column")
        return
    n = 1
    rest = lines[reader.line_num :]
    while rest:
        bad = _unclosed_quote(rest)
        n = yield from _csv_rows(rest if bad is None else rest[:bad], header, origin, stem, n)
        if bad is None:
            break
        n += 1
        yield Skipped(f"{origin}:row {n}", "malformed CSV row (a quoted field is never closed); skipped its line")
        rest = rest[bad + 1 :]


def _csv_rows(lines: list[str], header: list[str], origin: str, stem: str, n: int):
    """The records of `lines` (rows after row `n`); returns the number of the last row read."""
    reader = csv.reader(lines)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return n
        except csv.Error as e:
            n += 1
            yield Skipped(f"{origin}:row {n}", f"malformed CSV row ({e})")
            continue
        n += 1
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield Skipped(f"{origin}:row {n}", f"CSV row has {len(row)} fields, the header {len(header)}")
            continue
        yield record_to_article(dict(zip(header, row)), f"{origin}:row {n}", f"{stem}:{n}")
