"""LexisNexis exports: the classic layout ("1 of 3 DOCUMENTS" heads each article; source, date line,
headline, then "BYLINE:", "SECTION:", "LENGTH: N words", the body, "LOAD-DATE:", "LANGUAGE:" …) and the
Nexis Uni layout (title, source, date line, "Copyright", "Length: N words", "Byline:", a line "Body", the
body, "Classification", "Load-Date:", and a line "End of Document" closing each article)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from model.ingest.exports.pieces import Broken, Found, body_text, is_copyright_line, is_date_line, labelled
from model.lexicon.export_layouts import (
    LEXIS_DOCUMENT_LINE,
    LEXIS_HEADER_LABELS,
    LEXIS_TRAILER_LABELS,
    NEXIS_AFTER_BODY_LINES,
    NEXIS_BODY_LINE,
    NEXIS_COVER_LABELS,
    NEXIS_END_LINE,
    NEXIS_LENGTH_LINE,
)

_DOCUMENT_LINE = re.compile(LEXIS_DOCUMENT_LINE)
_NEXIS_LENGTH = re.compile(NEXIS_LENGTH_LINE, re.I)
_LABELS = set(LEXIS_HEADER_LABELS) | set(LEXIS_TRAILER_LABELS)
_TRAILER = set(LEXIS_TRAILER_LABELS)
_HEADER = "export header"
_TRAILER_REASON = "export trailer"

# ---------------------------------------------------------------- classic


def is_classic(lines: list[str]) -> bool:
    """Two or more "N of M DOCUMENTS" lines counting the same M, or one with a "LENGTH:" label."""
    totals = [m[2] for m in map(_DOCUMENT_LINE.match, lines) if m]
    if len(totals) >= 2:
        return max(totals.count(t) for t in set(totals)) >= 2
    return len(totals) == 1 and any(labelled(line, ("LENGTH",), upper=True) for line in lines)


def split_classic(lines: list[str]) -> Iterator[Found | Broken]:
    starts = [i for i, line in enumerate(lines) if _DOCUMENT_LINE.match(line)]
    for n, (a, b) in enumerate(zip(starts, [*starts[1:], len(lines)]), 1):
        yield _classic_article(n, lines[a], lines[a + 1 : b])


def _classic_article(n: int, head_line: str, block: list[str]) -> Found | Broken:
    first_label = next((i for i, line in enumerate(block) if labelled(line, _LABELS, upper=True)), None)
    if first_label is None:
        return Broken(n, "no 'LENGTH:' or 'BYLINE:' header labels after its 'N of M DOCUMENTS' line (truncated?)")
    found = Found(number=n, body="", removed=[(head_line.strip(), _HEADER)])
    _classic_header(block[:first_label], found)
    start, headline = _after_header_labels(block, first_label, found)
    if headline:
        found.title = headline
    end = next((i for i in range(start, len(block)) if labelled(block[i], _TRAILER, upper=True)), len(block))
    found.body = body_text(block[start:end])
    found.removed += [(line.strip(), _TRAILER_REASON) for line in block[end:] if line.strip()]
    if not found.body:
        return Broken(n, "no body text between its header and its trailer")
    return found


def _classic_header(header: list[str], found: Found) -> None:
    """Source, date line and headline from the lines above the first label: the source is the line before
    the date, an edition may follow the date in its group, and the headline is the last group."""
    kept = [(i, line.strip()) for i, line in enumerate(header) if line.strip()]
    for _, line in kept:
        if is_copyright_line(line):
            found.removed.append((line, _HEADER))
    kept = [(i, line) for i, line in kept if not is_copyright_line(line)]
    date_at = next((k for k, (_, line) in enumerate(kept) if is_date_line(line)), None)
    if date_at is None:
        groups = _groups(kept)
        found.title = " ".join(groups[-1]) if groups else None
        found.removed += [(line, _HEADER) for g in groups[:-1] for line in g]
        return
    found.date_line = kept[date_at][1]
    found.removed.append((found.date_line, _HEADER))
    if date_at:
        found.source = kept[date_at - 1][1]
        found.removed += [(line, _HEADER) for _, line in kept[:date_at]]
    groups = _groups(kept[date_at:])
    found.removed += [(line, _HEADER) for line in groups[0][1:]]  # the edition, in the date's group
    if len(groups) > 1:
        found.title = " ".join(groups[-1])
        found.removed += [(line, _HEADER) for g in groups[1:-1] for line in g]


def _groups(kept: list[tuple[int, str]]) -> list[list[str]]:
    """Non-blank lines (with their indexes) in runs that blank lines part."""
    groups: list[list[str]] = []
    last = None
    for i, line in kept:
        if last is None or i != last + 1:
            groups.append([])
        groups[-1].append(line)
        last = i
    return groups


def _after_header_labels(block: list[str], i: int, found: Found) -> tuple[int, str | None]:
    """Where the body starts after the run of header labels from line `i` (and a "HEADLINE:" if any);
    a "BODY:" label starts it at once."""
    headline = None
    while i < len(block):
        line = block[i].strip()
        label = labelled(line, _LABELS, upper=True) if line else None
        if line and (label is None or label[0] in _TRAILER):
            break
        i += 1
        if not label:
            continue
        if label[0] == "BODY":
            if label[1]:
                block[i - 1] = label[1]
                i -= 1
            break
        found.removed.append((line, _HEADER))
        if label[0] == "HEADLINE" and label[1]:
            headline = label[1]
    return i, headline


# ---------------------------------------------------------------- Nexis Uni


def _is_end(line: str) -> bool:
    return line.strip().lower() == NEXIS_END_LINE


def _is_body(line: str) -> bool:
    return line.strip().lower() == NEXIS_BODY_LINE


def is_nexis_uni(lines: list[str]) -> bool:
    """A line "End of Document", a line "Body" and a "Length: N words" label."""
    return any(map(_is_end, lines)) and any(map(_is_body, lines)) and any(map(_NEXIS_LENGTH.match, lines))


def split_nexis_uni(lines: list[str]) -> Iterator[Found | Broken]:
    ends = [i for i, line in enumerate(lines) if _is_end(line)]
    n = 0
    for a, b in zip([-1, *ends], ends):
        n += 1
        yield _nexis_article(n, lines[a + 1 : b])
    rest = lines[ends[-1] + 1 :] if ends else lines
    if any(map(_is_body, rest)):
        yield Broken(n + 1, "the export ends inside this article (no 'End of Document' line; truncated?)")


def _nexis_article(n: int, block: list[str]) -> Found | Broken:
    body_at = next((i for i, line in enumerate(block) if _is_body(line)), None)
    if body_at is None:
        return Broken(n, "no line 'Body' in its header")
    found = Found(number=n, body="")
    header = block[:body_at]
    meta_at = next((i for i, line in enumerate(header) if _is_meta(line)), len(header))
    _nexis_title_source_date(header[:meta_at], found)
    found.removed += [(line.strip(), _HEADER) for line in header[meta_at:] if line.strip()]
    end = next((i for i in range(body_at + 1, len(block)) if _ends_body(block[i])), len(block))
    found.body = body_text(block[body_at + 1 : end])
    found.removed += [(line.strip(), _TRAILER_REASON) for line in block[end:] if line.strip()]
    if not found.body:
        return Broken(n, "no body text after its line 'Body'")
    if not found.title:
        return Broken(n, "no title line above its source and date")
    return found


def _is_meta(line: str) -> bool:
    return bool(labelled(line, _LABELS, upper=False)) or is_copyright_line(line)


def _ends_body(line: str) -> bool:
    s = line.strip()
    return s.lower() in NEXIS_AFTER_BODY_LINES or bool(labelled(s, _TRAILER, upper=False))


def _nexis_title_source_date(pre: list[str], found: Found) -> None:
    """Title, source and date from the lines above the labels: the date line is the last one, the source
    the line above it, the title the run of lines above that (a cover page's lines are not the title)."""
    date_at = next((i for i in range(len(pre) - 1, -1, -1) if is_date_line(pre[i])), None)
    if date_at is None:
        return
    found.date_line = pre[date_at].strip()
    found.removed += [(line.strip(), _HEADER) for line in pre[date_at:] if line.strip()]
    above = [i for i in range(date_at) if pre[i].strip()]
    if not above:
        return
    found.source = pre[above[-1]].strip()
    found.removed.append((found.source, _HEADER))
    title = _title_lines(pre, above[-1])
    found.title = " ".join(title) or None
    found.removed += [(line, "title") for line in title]


def _title_lines(pre: list[str], source_at: int) -> list[str]:
    """The run of non-blank lines above the source (blank lines between them and the source skipped), at most
    three, stopping at a cover page's line."""
    i = source_at - 1
    while i >= 0 and not pre[i].strip():
        i -= 1
    lines: list[str] = []
    while i >= 0 and pre[i].strip() and len(lines) < 3 and not _is_cover(pre[i]):
        lines.insert(0, pre[i].strip())
        i -= 1
    return lines


_COVER_LINE = re.compile(rf"^(?:{'|'.join(map(re.escape, NEXIS_COVER_LABELS))})\s*[:(]|^\d+\.\s", re.I)


def _is_cover(line: str) -> bool:
    return bool(_COVER_LINE.match(line.strip()))
