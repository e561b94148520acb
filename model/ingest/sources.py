"""Read inputs (txt, md, html, jsonl, csv; folders recursively) into Article records.

Article text is hostile: everything read here is decoded defensively and
sanitised (C0/C1 controls but newline and tab, DEL, bidi overrides removed).
A file or record that cannot be used becomes a `Skipped` with a one-line
reason; nothing here raises on bad input.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from model.ingest import clean
from model.lexicon.html_page import BLOCK_TAGS, META_PUBLISHED, META_SOURCE, META_TITLE, SKIPPED_TAGS
from model.records import Article
from model.unsafe import UNSAFE_CHARS

MAX_FILE_BYTES = 10 * 1024 * 1024  # a plain article file larger than this is not an article
MAX_TEXT_CHARS = 5_000_000  # a record's text larger than this is skipped
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUFFIXES = ARTICLE_SUFFIXES | RECORD_SUFFIXES

_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")


@dataclass
class Skipped:
    origin: str
    reason: str


def sanitise(text: str) -> str:
    """Strip what must never reach a terminal or a widget; line ends become \\n."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", text)


def sanitise_field(value) -> str | None:
    """A short metadata field: sanitised, one line, or None."""
    if value is None:
        return None
    s = " ".join(sanitise(str(value)).split())
    return s or None


def content_hash(art: Article) -> str:
    h = hashlib.sha256()
    for part in (art.text, art.title, art.source, art.url, art.published):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


# ---------------------------------------------------------------- decoding

_MAGIC = [
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
]


def decode(data: bytes) -> tuple[str, str | None]:
    """bytes → (text, note). Raises ValueError with a one-line reason for binary or undecodable data."""
    text, note = _decode(data)
    sample = text[:65536]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\x7f")
    if controls > 0.05 * len(sample):
        raise ValueError("binary file (mostly control bytes)")
    return text, note


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes) -> tuple[str, str | None]:
    decoded = _by_byte_order_mark(data)
    if decoded:
        return decoded
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file ({kind})")
    decoded = _with_nul_bytes(data[:65536], data)
    if decoded:
        return decoded
    return _utf8_else_cp1252(data)


def _by_byte_order_mark(data: bytes) -> tuple[str, str | None] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), (None if enc == "utf-8-sig" else f"decoded as {enc.upper()} (byte-order mark)")
            except UnicodeDecodeError:
                raise ValueError(f"invalid {enc.upper()} despite its byte-order mark") from None
    return None


def _with_nul_bytes(head: bytes, data: bytes) -> tuple[str, str | None] | None:
    """UTF-16 without a BOM (every other byte NUL); raises for binary data (many NULs); else None."""
    if b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 4 and max(even, odd) > 0.4 * len(head) / 2 and min(even, odd) < 0.05 * len(head) / 2:
        try:
            return data.decode("utf-16-le" if odd > even else "utf-16-be"), "decoded as UTF-16 (no byte-order mark)"
        except UnicodeDecodeError:
            pass
    if head.count(0) > len(head) // 100:  # a stray NUL in a text (or a CSV field) is stripped later
        raise ValueError("binary file (contains NUL bytes)")
    return None


def _utf8_else_cp1252(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        # UTF-8 with a few broken bytes (a cut multi-byte character, a stray byte) keeps its UTF-8 text.
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if sum(1 for c in text if c > "\x7f") - bad > bad:
            return text, f"not valid UTF-8: {bad} broken byte(s) replaced"
        # Not UTF-8. Legacy single-byte text (Latin-1 / Windows-1252) decodes to letters; binary decodes to controls.
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > 0.01 * len(text) + 2:
            raise ValueError(f"not valid UTF-8 (byte {e.start}) and not Windows-1252 text") from None
        return text, "decoded as Windows-1252 (not valid UTF-8)"


# ---------------------------------------------------------------- files and folders


def iter_files(paths: list[str]) -> Iterator[Path | Skipped]:
    """Files to read under `paths` (folders recursively, sorted); Skipped for what cannot be read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _files_in_folder(path)
        elif path.is_file():
            yield _file_to_read(path)
        elif path.exists():
            yield Skipped(str(path), "not a regular file")
        else:
            yield Skipped(str(path), "no such file or folder")


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
        yield Skipped(str(path), "folder has no .txt, .md, .html, .jsonl or .csv files")


def _file_to_read(path: Path) -> Path | Skipped:
    if path.suffix.lower() in SUFFIXES:
        return path
    return Skipped(
        str(path),
        f"unsupported file type '{path.suffix or '(none)'}' (use .txt, .md, .html, .jsonl or .csv)",
    )


def read_path(path: Path) -> Iterator[Article | Skipped]:
    """Articles from one file: one for an article file, one per good record for jsonl/csv."""
    origin = str(path)
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
        yield from read_jsonl(text, origin, path.stem)
    elif suffix == ".csv":
        yield from read_csv(text, origin, path.stem)
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
    art = clean.clean_document(text, key=path.stem, meta=meta)
    art.origin = origin if not note else f"{origin} ({note})"
    if not art.text.strip():
        return Skipped(origin, "no article text after removing boilerplate")
    art.sha256 = content_hash(art)
    return art


# ---------------------------------------------------------------- records

RECORD_FIELDS = ("id", "title", "text", "published", "source", "url")


def record_to_article(rec: dict, origin: str, fallback_key: str) -> Article | Skipped:
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
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            yield Skipped(where, f"malformed JSON line ({getattr(e, 'msg', 'too deeply nested')})")
            continue
        yield record_to_article(rec, where, f"{stem}:{n}")


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


# ---------------------------------------------------------------- html and markdown


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict = {}
        self.in_title = False
        self.in_h1 = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._metadata(tag, {k.lower(): (v or "") for k, v in attrs})
        if tag in SKIPPED_TAGS:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def _metadata(self, tag: str, a: dict[str, str]) -> None:
        """What a <meta>, a canonical <link> or a <time> says of the page."""
        if tag == "meta":
            self._meta(a)
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("url", a["href"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])

    def _meta(self, a: dict[str, str]) -> None:
        """A <meta> that gives the page's title, date, publisher or address (the first of each is kept)."""
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content", "")
        if not content:
            return
        if name in META_TITLE:
            self.meta.setdefault("title", content)
        elif name in META_PUBLISHED:
            self.meta.setdefault("published", content)
        elif name in META_SOURCE:
            self.meta.setdefault("source", content)
        elif name == "og:url":
            self.meta.setdefault("url", content)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        if self.skip:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.parts.append(data)


def html_to_text(html: str) -> tuple[str, dict]:
    p = _HTMLText()
    try:
        p.feed(html)
        p.close()
    except Exception:  # html.parser is lenient; anything it still chokes on leaves what it read so far
        pass
    text = "".join(p.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    meta = dict(p.meta)
    h1 = " ".join("".join(p.h1_parts).split())
    title = " ".join("".join(p.title_parts).split())
    if h1:
        meta["title"] = h1
    elif title and "title" not in meta:
        meta["title"] = title
    if "published" not in meta and "time" in meta:
        meta["published"] = meta["time"]
    meta.pop("time", None)
    return sanitise(text), {k: sanitise_field(v) for k, v in meta.items()}


def markdown_to_text(md: str) -> str:
    out = []
    for line in md.split("\n"):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"^\s{0,3}[-*+]\s+", "• ", line)
        out.append(line)
    return "\n".join(out)


def read_all(paths: list[str]) -> Iterator[Article | Skipped]:
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item)
