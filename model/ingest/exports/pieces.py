"""What a splitter finds in an export: an article's header fields and body, or why a part is no article;
and the line tests every layout shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from model.ingest.clean import find_dates
from model.lexicon.export_layouts import COPYRIGHT_STARTS


@dataclass
class Found:
    """One article of an export, as its header block gives it."""

    number: int  # its place in the export, from 1
    body: str
    title: str | None = None
    source: str | None = None
    date_line: str | None = None  # the header line that gives its date
    key: str | None = None  # the database's own id for it (Factiva's accession number), if any
    removed: list[tuple[str, str]] = field(default_factory=list)  # header and trailer lines, with why


@dataclass
class Broken:
    """A part of an export that should have been an article and is not, and why."""

    number: int
    reason: str


_BLANKS = re.compile(r"\n{3,}")


def body_text(lines: list[str]) -> str:
    """Body lines as the stored text: trailing spaces gone, at most one blank line in a row."""
    return _BLANKS.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip()


def is_date_line(line: str) -> bool:
    """A header line that gives a date and little else: 'February 24, 2023 Friday', '24 February 2023',
    'Friday, February 24, 2023 10:30 AM GMT'."""
    s = line.strip()
    if not s or len(s) > 80:
        return False
    found = next(find_dates(s), None)
    return found is not None and found[1] <= 12


def is_copyright_line(line: str) -> bool:
    return line.strip().lower().startswith(COPYRIGHT_STARTS)


def labelled(line: str, labels, *, upper: bool) -> tuple[str, str] | None:
    """(label, value) of a line 'LABEL: value' whose label is one of `labels` (upper case; a title-case
    label too unless `upper`), else None."""
    head, colon, value = line.strip().partition(":")
    if not colon or not head or len(head) > 24:
        return None
    if upper and head != head.upper():
        return None
    if head.upper() not in labels:
        return None
    return head.upper(), value.strip()
