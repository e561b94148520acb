"""A user's marks (bookmarks on an article, a quote or a dated event) and the articles they have read (schema 8).

Both are keyed by what survives a re-ingest: the article's key and, for a quote or an event, its span in the
article's text, never a row id (ids change when an article is extracted again). Like the user's corrections
(`overrides`), they are the user's and are kept apart from what extraction found. The browser writes them
through its own short connection (`open_for_marks`); reads go through the read connection it already has, and
a database older than schema 6 reads as having none.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

MARK_KINDS = ("article", "quote", "event")
TABLES_SQL = (
    "CREATE TABLE IF NOT EXISTS mark (kind TEXT NOT NULL, article_key TEXT NOT NULL, start INTEGER NOT NULL, "
    '"end" INTEGER NOT NULL, created TEXT, PRIMARY KEY (kind, article_key, start, "end"))',
    "CREATE TABLE IF NOT EXISTS seen (article_key TEXT PRIMARY KEY, at TEXT)",
)
BUSY_TIMEOUT_S = 5


class MarkError(Exception):
    """Marks that cannot be written (a read-only database, a lock held too long): one line for the user."""


@dataclass(frozen=True)
class Mark:
    """A bookmark: an article, or a quote or event by its span in the article."""

    kind: str  # article, quote or event
    article_key: str
    start: int  # the span in the article's text (0, 0 for the article itself)
    end: int
    created: str | None
    article: int | None  # the article's id now (None if it is gone from the corpus)
    title: str | None
    text: str  # the span's words (the title for an article)


def create_tables(conn: sqlite3.Connection) -> None:
    """The `mark` and `seen` tables, if they are not there yet (schema 6)."""
    for sql in TABLES_SQL:
        conn.execute(sql)


def open_for_marks(path: str | Path) -> sqlite3.Connection:
    """A short connection that writes marks (their tables made if missing); a MarkError if it cannot."""
    try:
        conn = sqlite3.connect(Path(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        with conn:
            create_tables(conn)
    except sqlite3.Error as e:
        raise MarkError(f"cannot write marks to {path}: {e}") from None
    return conn


def _has_tables(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name IN ('mark', 'seen')")
    return found.fetchone()[0] == 2


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def toggle_mark(conn: sqlite3.Connection, kind: str, article_id: int, start: int = 0, end: int = 0) -> bool:
    """Mark the span (`kind` of MARK_KINDS) of the article with id `article_id`, or unmark it if it was marked:
    whether it is marked now."""
    if kind not in MARK_KINDS:
        raise ValueError(f"no mark kind {kind!r}")
    try:
        with conn:
            key = conn.execute("SELECT key FROM article WHERE id = ?", (article_id,)).fetchone()
            if key is None:
                raise MarkError("that article is gone from the corpus")
            where = (kind, key[0], start, end)
            gone = conn.execute(
                'DELETE FROM mark WHERE kind = ? AND article_key = ? AND start = ? AND "end" = ?', where
            ).rowcount
            if not gone:
                conn.execute("INSERT INTO mark VALUES (?, ?, ?, ?, ?)", (*where, _now()))
    except sqlite3.Error as e:
        raise MarkError(f"cannot write marks: {e}") from None
    return not gone


def marks(conn: sqlite3.Connection) -> list[Mark]:
    """Every mark, newest first, with its article (if still there) and its words."""
    if not _has_tables(conn):
        return []
    rows = conn.execute(
        'SELECT m.kind, m.article_key, m.start, m."end", m.created, a.id, a.title, '
        "CASE WHEN m.kind = 'article' THEN COALESCE(a.title, m.article_key) "
        'ELSE substr(a.text, m.start + 1, m."end" - m.start) END '
        "FROM mark m LEFT JOIN article a ON a.key = m.article_key ORDER BY m.created DESC, m.rowid DESC"
    )
    return [Mark(*r[:7], r[7] or "") for r in rows]


def marked(conn: sqlite3.Connection) -> set[tuple[str, int, int, int]]:
    """(kind, article id, start, end) of every mark whose article is in the corpus (an article's: 0, 0): what the
    lists look a row up in to show it marked."""
    if not _has_tables(conn):
        return set()
    rows = conn.execute('SELECT m.kind, a.id, m.start, m."end" FROM mark m JOIN article a ON a.key = m.article_key')
    return {tuple(r) for r in rows}


def set_read(conn: sqlite3.Connection, article_id: int, read: bool = True) -> None:
    """Record the article as read (or unread)."""
    try:
        with conn:
            if read:
                conn.execute("INSERT OR IGNORE INTO seen SELECT key, ? FROM article WHERE id = ?", (_now(), article_id))
            else:
                conn.execute(
                    "DELETE FROM seen WHERE article_key = (SELECT key FROM article WHERE id = ?)", (article_id,)
                )
    except sqlite3.Error as e:
        raise MarkError(f"cannot write read state: {e}") from None


def read_articles(conn: sqlite3.Connection) -> set[int]:
    """The ids of the articles read."""
    if not _has_tables(conn):
        return set()
    return {r[0] for r in conn.execute("SELECT a.id FROM seen s JOIN article a ON a.key = s.article_key")}
