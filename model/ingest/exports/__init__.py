"""Multi-article exports from news databases (LexisNexis, Nexis Uni, Factiva), split into their articles.

A .txt, .html, .rtf or .docx file is an export when its content has a layout's signature (`LAYOUTS`):
two "N of M DOCUMENTS" lines, "End of Document" lines after a "Body" line and a "Length: N words" label,
or a Factiva accession-number line ("Document XXXX000020230224ej2o0001x"; without them, two HD fields with a
PD and a text field). Each article's title, source
and date come from its header block (basis "export header"); the header and trailer lines are kept as
removed lines, not in the body. Its key is the file stem and its place in the file ("herald:3"), or
Factiva's accession number; its origin "herald.txt:article 3". An article that cannot be read becomes a
`Skipped` with the reason; the others are still read. A .docx or .rtf file that is no export is read as one
article (no other reader takes them); any other file that is no export is left to the plain-article path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from model.ingest import clean
from model.ingest.decode import decode
from model.ingest.exports import factiva, lexis
from model.ingest.exports.documents import document_text, html_text
from model.ingest.exports.pieces import Broken, Found
from model.ingest.fields import content_hash, finished, sanitise, sanitise_field
from model.ingest.walk import shown
from model.records import Article, Skipped

EXPORT_SUFFIXES = {".txt", ".html", ".htm", ".rtf", ".docx"}
DOCUMENT_SUFFIXES = {".rtf", ".docx"}  # read here whether or not they are exports

Splitter = Callable[[list[str]], Iterable[Found | Broken]]
# (name, whether the lines are in this layout, the splitter), the first that matches wins.
LAYOUTS: tuple[tuple[str, Callable[[list[str]], bool], Splitter], ...] = (
    ("Factiva", factiva.is_export, factiva.split),
    ("LexisNexis", lexis.is_classic, lexis.split_classic),
    ("Nexis Uni", lexis.is_nexis_uni, lexis.split_nexis_uni),
)
_ACCESSION = re.compile(rb"Document\s+[A-Za-z0-9]*(?:19|20)\d{6}")  # Factiva's, loosely: the layout reads it


def _may_be_export(data: bytes) -> bool:
    """A cheap test on the bytes before anything is decoded or parsed (a web page passes it in a millisecond):
    no export lacks all of these ASCII words. UTF-16 and UTF-32 (NUL bytes) are let through to be decoded."""
    return (
        b"DOCUMENT" in data
        or b"End of Document" in data
        or data.startswith(b"HD")
        or b"\nHD" in data
        or b"\x00" in data[:4096]
        or bool(_ACCESSION.search(data))
    )


def read_export(data: bytes, path: Path, origin: str) -> Iterator[Article | Skipped] | None:
    """The articles of `path` (its bytes `data`) if it is an export (or a .docx/.rtf document); None when the
    plain-article path should read it."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        return None
    try:
        read = _export_text(data, suffix)
    except ValueError as e:
        return iter([Skipped(origin, str(e))]) if suffix in DOCUMENT_SUFFIXES else None
    if read is None:
        return None
    text, note = sanitise(read[0]), read[1]
    lines = text.split("\n")
    for name, matches, splitter in LAYOUTS:
        if matches(lines):
            return _articles(name, splitter(lines), path, origin, note)
    if suffix in DOCUMENT_SUFFIXES:
        return iter([_one_document(text, note, path, origin)])
    return None


def _export_text(data: bytes, suffix: str) -> tuple[str, str | None] | None:
    """(text, decoding note) of a file that may be an export; None for a text file without any hint of one
    (its HTML is then never parsed twice). Raises ValueError when the file cannot be read."""
    if suffix in DOCUMENT_SUFFIXES:
        return document_text(data, suffix)
    if not _may_be_export(data):
        return None
    text, note = decode(data)
    return (html_text(text) if suffix in (".html", ".htm") else text), note


def _articles(
    layout: str, parts: Iterable[Found | Broken], path: Path, origin: str, note: str | None
) -> Iterator[Article | Skipped]:
    stem, read = shown(path.stem), 0
    for part in parts:
        where = f"{origin}:article {part.number}"
        if isinstance(part, Broken):
            yield Skipped(where, f"{layout} export: {part.reason}")
            continue
        read += 1
        yield _article(part, layout, stem, where if not note else f"{where} ({note})")
    if not read:
        yield Skipped(origin, f"looks like a {layout} export, but no article in it could be read")


def _article(found: Found, layout: str, stem: str, origin: str) -> Article:
    title, source = sanitise_field(found.title), sanitise_field(found.source)
    art = Article(
        key=sanitise_field(found.key) or f"{stem}:{found.number}",
        text=found.body,
        title=title,
        title_basis="export header" if title else None,
        source=source,
        source_basis="export header" if source else None,
        origin=origin,
        removed=found.removed,
    )
    if found.date_line:
        published, detail = clean.normalise_date(found.date_line)
        shown_line = sanitise_field(found.date_line)
        if published:
            art.published, art.published_confidence = published, 1.0
            art.published_basis = f"export header ({layout}{detail}): '{shown_line}'"
        else:
            art.published_basis = f"export header date '{shown_line}' not understood"
    art.sha256 = content_hash(art)
    return art


def _one_document(text: str, note: str | None, path: Path, origin: str) -> Article | Skipped:
    """A .docx or .rtf file that is no export: one article, read like a plain text file."""
    if not text.strip():
        return Skipped(origin, "no text in the document")
    art = clean.clean_document(text, key=shown(path.stem))
    return finished(art, origin, note)
