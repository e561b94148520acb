"""Factiva exports. Every article ends with its accession number ("Document XXXX000020230224ej2o0001x").
In the field-code layout ("Full Article/Report plus Indexing") each field follows its code at the start
of a line: HD headline, BY byline, WC word count, PD date, SN source, SC source code, LA language, CY
copyright, LP lead paragraph, TD text, then the index codes and "AN Document …". In the article layout
(rich HTML or RTF) the same fields are unlabelled lines: headline, byline, "523 words", date, time, source,
source code, language, copyright, then the paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from model.ingest.exports.pieces import Broken, Found, body_text, is_copyright_line, is_date_line
from model.lexicon.export_layouts import (
    FACTIVA_AFTER_BODY_CODES,
    FACTIVA_BODY_CODES,
    FACTIVA_DOCUMENT_LINE,
    FACTIVA_FIELD_CODES,
    FACTIVA_SUMMARY_LINE,
    FACTIVA_TIME_LINE,
    FACTIVA_WORDS_LINE,
    LANGUAGE_NAMES,
)

_DOCUMENT_LINE = re.compile(FACTIVA_DOCUMENT_LINE)
_CODE_LINE = re.compile(rf"^({'|'.join(sorted(FACTIVA_FIELD_CODES, key=len, reverse=True))})(?:[ \t]+(.*))?$")
_WORDS_LINE = re.compile(FACTIVA_WORDS_LINE, re.I)
_TIME_LINE = re.compile(FACTIVA_TIME_LINE)
_SOURCE_CODE_LINE = re.compile(r"^[A-Z0-9]{2,10}$")
_INDEX_VALUE = re.compile(r"\S\s:\s\S")  # "gpol : Domestic Politics": how index codes read
_HEADER = "export header"
_HEADER_LINES = 12  # the word count line comes this early in an article layout's header, or it is none


def is_export(lines: list[str]) -> bool:
    """An accession-number line ("Document XXXX000020230224ej2o0001x", or with "AN" before it), or, in an
    export without them, two headline fields (HD) with a date (PD) and a text field (LP or TD)."""
    if any(map(_DOCUMENT_LINE.match, lines)):
        return True
    codes = {m[1] for m in (_CODE_LINE.match(line.strip()) for line in lines) if m}
    return len(_headline_fields(lines)) >= 2 and "PD" in codes and bool({"LP", "TD"} & codes)


def split(lines: list[str]) -> Iterator[Found | Broken]:
    ends = [i for i, line in enumerate(lines) if _DOCUMENT_LINE.match(line)]
    if not ends:
        yield from _split_at_headlines(lines)
        return
    n = 0
    for a, b in zip([-1, *ends], ends):
        parts = _at_headlines(lines[a + 1 : b])
        for k, part in enumerate(parts, 1):
            n += 1
            article = _article(n, part)
            if isinstance(article, Found) and k == len(parts):
                article.key = _DOCUMENT_LINE.match(lines[b])[1]
                article.removed.append((lines[b].strip(), _HEADER))
            yield article
    rest = _before_summary(lines[ends[-1] + 1 :])
    if _field_layout(rest) or any(_WORDS_LINE.match(line) for line in rest):
        yield Broken(n + 1, "the export ends inside this article (no 'Document …' line; truncated?)")


def _split_at_headlines(lines: list[str]) -> Iterator[Found | Broken]:
    """A field-code export without accession numbers: each article starts at its headline field."""
    for n, part in enumerate(_at_headlines(lines), 1):
        yield _field_article(n, _before_summary(part))


def _at_headlines(block: list[str]) -> list[list[str]]:
    """A block of the field-code layout cut before each headline field after the first (two articles whose
    'Document' line between them was lost stay two); a block of the article layout whole."""
    starts = _headline_fields(block)
    if len(starts) < 2:
        return [block]
    cuts = [0, *starts[1:], len(block)]
    return [block[a:b] for a, b in zip(cuts, cuts[1:])]


def _headline_fields(block: list[str]) -> list[int]:
    """Where a headline field opens an article: an HD line with a WC, PD or SN field in the lines after it
    (a paragraph "HD cameras were …" is text)."""
    starts = []
    for i, line in enumerate(block):
        m = _CODE_LINE.match(line.strip())
        if m and m[1] == "HD" and any(map(_opens_header, block[i + 1 : i + 1 + _HEADER_LINES])):
            starts.append(i)
    return starts


def _opens_header(line: str) -> bool:
    m = _CODE_LINE.match(line.strip())
    return bool(m) and m[1] in ("WC", "PD", "SN")


def _before_summary(lines: list[str]) -> list[str]:
    at = next((i for i, line in enumerate(lines) if line.strip().lower() == FACTIVA_SUMMARY_LINE), len(lines))
    return lines[:at]


def _article(n: int, block: list[str]) -> Found | Broken:
    return _field_article(n, block) if _field_layout(block) else _rich_article(n, block)


def _field_layout(block: list[str]) -> bool:
    return bool(_headline_fields(block))


# ---------------------------------------------------------------- field codes


def _field_article(n: int, block: list[str]) -> Found | Broken:
    fields = _fields(block)
    title = " ".join(line.strip() for line in fields.get("HD", []) if line.strip())
    lead, text = body_text(fields.get("LP", [])), body_text(fields.get("TD", []))
    body = "\n\n".join(part for part in (lead, text) if part)
    if not title:
        return Broken(n, "no headline (an empty HD field)")
    if not body:
        return Broken(n, "no text (no LP or TD field)")
    found = Found(number=n, body=body, title=title, source=_first(fields, "SN"), date_line=_first(fields, "PD"))
    for code, values in fields.items():
        if code not in FACTIVA_BODY_CODES:
            found.removed += [
                (f"{code} {v.strip()}", f"{_HEADER} ({FACTIVA_FIELD_CODES[code]})") for v in values if v.strip()
            ]
    return found


def _fields(block: list[str]) -> dict[str, list[str]]:
    """Each field's lines under its code; inside the body (LP, TD) only a code that may follow it (with an
    index code's value, "gpol : Domestic Politics", where it takes one) starts a new field."""
    fields: dict[str, list[str]] = {}
    code = None
    for line in block:
        m = _CODE_LINE.match(line.strip())
        if m and _starts_field(code, m[1], m[2] or ""):
            code = m[1]
            fields.setdefault(code, []).extend([m[2]] if m[2] else [])
        elif code:
            fields[code].append(line)
    return fields


def _starts_field(current: str | None, code: str, value: str) -> bool:
    if current not in FACTIVA_BODY_CODES:
        return True
    if code not in FACTIVA_AFTER_BODY_CODES:
        return False
    return code in ("TD", "AN", "CT", "RF", "ART", "CX", "PUB") or not value or bool(_INDEX_VALUE.search(value))


def _first(fields: dict[str, list[str]], code: str) -> str | None:
    return next((line.strip() for line in fields.get(code, []) if line.strip()), None)


# ---------------------------------------------------------------- article layout


def _rich_article(n: int, block: list[str]) -> Found | Broken:
    at = [i for i, line in enumerate(block) if line.strip()]
    words = next((k for k, i in enumerate(at[:_HEADER_LINES]) if _WORDS_LINE.match(block[i])), None)
    if words is None:
        return Broken(n, "no word count line ('523 words') in its header")
    if words == 0:
        return Broken(n, "no headline above its word count line")
    found = Found(number=n, body="", title=block[at[0]].strip())
    k = words + 1
    if k < len(at) and is_date_line(block[at[k]]):
        found.date_line = block[at[k]].strip()
        k += 1
    if k < len(at) and _TIME_LINE.match(block[at[k]]):
        k += 1
    if k < len(at):
        found.source = block[at[k]].strip()
        k += 1
    k = _end_of_header(block, at, k)
    found.removed = [(block[i].strip(), "title" if j == 0 else _HEADER) for j, i in enumerate(at[:k])]
    found.body = body_text(block[at[k] :]) if k < len(at) else ""
    if not found.body:
        return Broken(n, "no text after its header")
    return found


def _end_of_header(block: list[str], at: list[int], k: int) -> int:
    """Where the body starts after the source line (index `k` into the non-blank lines `at`): after the
    last copyright or language line of the few that follow, else after a source code, else at once."""
    ahead = range(k, min(k + 6, len(at)))
    last = [j for j in ahead if is_copyright_line(block[at[j]]) or block[at[j]].strip().lower() in LANGUAGE_NAMES]
    if not last:
        last = [j for j in ahead[:1] if _SOURCE_CODE_LINE.match(block[at[j]].strip())]
    return last[-1] + 1 if last else k
