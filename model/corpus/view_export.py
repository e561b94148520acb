"""A list as the browser shows it (its filters and sort), written with the export contract's fields and safety.

The browser's lists page their rows through the read API (`model.corpus.query`); the same pages, read to the
end, give the ids of every row the list shows, in its order, and `export.write` writes those rows as
`sinorus-tui export KIND` would (CSV formula neutralising, escaped controls): what a user saves is what the
list showed, with nothing the export would not write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from model.corpus import export
from model.corpus.query.rows import ArticleRow, EntityRow, EventRow, QuoteRow, StatementRow, TimexRow
from model.unsafe import one_line

# Which export each kind of row is written as.
KIND_OF_ROW = {
    ArticleRow: "articles",
    EntityRow: "entities",
    QuoteRow: "quotes",
    StatementRow: "statements",
    TimexRow: "timeline",
    EventRow: "events",
}
FORMATS = {".csv": "csv"}  # by the file's extension; anything else is JSONL
PAGE = 50000  # rows read at a time: each page of a sorted list sorts it again (OFFSET), so few and large

Page = Callable[[sqlite3.Connection, int, int], list]


class ViewError(ValueError):
    """A list that cannot be saved: one line for the user."""


def format_for(name: str) -> str:
    """csv for a `.csv` file, else jsonl."""
    dot = name.rfind(".")
    return FORMATS.get(name[dot:].lower(), "jsonl") if dot >= 0 else "jsonl"


def shown_rows(conn: sqlite3.Connection, page: Page) -> tuple[str | None, list[int]]:
    """The export kind of a list's rows and their ids, in the list's order (`page(conn, offset, limit)` is the
    list's own paging); (None, []) for an empty list."""
    kind, ids, offset = None, [], 0
    while True:
        rows = page(conn, offset, PAGE)
        for row in rows:
            found = KIND_OF_ROW.get(type(row))
            if found is None:
                raise ViewError(f"this list's rows ({type(row).__name__}) cannot be saved")
            kind = kind or found
            ids.append(row.id)
        if len(rows) < PAGE:
            return kind, ids
        offset += PAGE


def save_view(conn: sqlite3.Connection, page: Page, path: Path) -> tuple[str, int]:
    """Write the rows a list shows to a new file at `path` (CSV for `.csv`, else JSONL): (their export kind, how
    many). A ViewError, one line, when there is nothing to save, the file exists or cannot be written (a file
    half written is removed)."""
    kind, ids = shown_rows(conn, page)
    if kind is None:
        raise ViewError("nothing to save: the list is empty")
    shown = one_line(str(path))
    try:
        out = path.open("x", encoding="utf-8", newline="")
    except FileExistsError:
        raise ViewError(f"{shown} exists already: give another name") from None
    except OSError as e:
        raise ViewError(f"cannot write {shown}: {e.strerror or e}") from None
    try:
        with out:
            return kind, export.write(conn, kind, out, format_for(path.name), ids=ids)
    except (OSError, sqlite3.Error) as e:
        path.unlink(missing_ok=True)
        raise ViewError(f"cannot write {shown}: {getattr(e, 'strerror', None) or e}") from None
