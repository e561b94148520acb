"""A user's corrections of one fact, for its provenance: when, what they changed, and what extraction had found."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from model.corpus.correction_store import SAYS
from model.corpus.query.base import run

_SPAN_KINDS = {
    "quote": ("quote_speaker", "quote_kind", "quote_reject", "statement_wrong"),
    "date": ("date_value", "date_reject"),
}


@dataclass
class CorrectionNote:
    id: int
    created: str  # when (UTC, ISO)
    says: str  # what it changed
    original: str | None  # what extraction had found, in words
    status: str


def _note(row) -> CorrectionNote:
    cid, kind, target, value, original, status, created = row
    value = json.loads(value or "{}")
    says = SAYS[kind].format(**{k: ("nobody" if v is None else v) for k, v in value.items()})
    if kind == "entity_split":
        says = f"alias '{json.loads(target).get('alias')}' " + says.removeprefix("alias ")
    return CorrectionNote(cid, created, says, _original(kind, json.loads(original) if original else None), status)


def _original(kind: str, o: dict | None) -> str | None:
    if not o:
        return None
    if kind.startswith("quote") or kind == "statement_wrong":
        return f"speaker {o.get('speaker_name') or 'none'}, {o.get('kind')}"
    if kind.startswith("date"):
        return f"“{o.get('text')}” → {o.get('value') or 'no value'} ({o.get('basis')})"
    if kind == "article_date":
        return f"published {o.get('published') or 'undated'} ({o.get('published_basis') or 'no basis'})"
    return f"{o.get('canonical')} ({o.get('label')})"


_COLUMNS = "id, kind, target, value, original, status, created"


def _has_table(conn: sqlite3.Connection) -> bool:
    return bool(run(conn, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='correction'"))


def span_notes(conn: sqlite3.Connection, what: str, article_id: int, start: int, end: int) -> list[CorrectionNote]:
    """The corrections of a quote or a date (`what`) at a span of an article."""
    if not _has_table(conn):
        return []
    kinds = _SPAN_KINDS[what]
    rows = run(
        conn,
        f"SELECT {_COLUMNS} FROM correction WHERE article_key = (SELECT key FROM article WHERE id=?) "
        f"AND kind IN ({','.join('?' * len(kinds))}) AND json_extract(target, '$.start')=? "
        "AND json_extract(target, '$.end')=? ORDER BY id",
        (article_id, *kinds, start, end),
    )
    return [_note(r) for r in rows]


def entity_notes(conn: sqlite3.Connection, name: str) -> list[CorrectionNote]:
    """The corrections that made an entity what it is: of it, or merging, splitting or renaming into it."""
    if not _has_table(conn):
        return []
    rows = run(
        conn,
        f"SELECT {_COLUMNS} FROM correction WHERE kind LIKE 'entity_%' AND ("
        "json_extract(target, '$.entity') = ? COLLATE NOCASE OR json_extract(value, '$.into') = ? COLLATE NOCASE "
        "OR json_extract(value, '$.name') = ? COLLATE NOCASE) ORDER BY id",
        (name, name, name),
    )
    return [_note(r) for r in rows]


def article_notes(conn: sqlite3.Connection, key: str) -> list[CorrectionNote]:
    if not _has_table(conn):
        return []
    rows = run(conn, f"SELECT {_COLUMNS} FROM correction WHERE kind='article_date' AND article_key=?", (key,))
    return [_note(r) for r in rows]


def latest(conn: sqlite3.Connection) -> CorrectionNote | None:
    """The newest correction (what `u` undoes)."""
    if not _has_table(conn):
        return None
    rows = run(conn, f"SELECT {_COLUMNS} FROM correction ORDER BY id DESC LIMIT 1")
    return _note(rows[0]) if rows else None
