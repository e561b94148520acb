"""Whether the corpus-wide entity state is behind the articles, recorded in the database itself.

The corpus-wide state (`model.corpus.entity_refresh`: family names merged across articles,
every entity's counts, aliases and label, orphans dropped) is derived from the articles' own rows
after an ingest has written them. An ingest marks it stale before its first article write and the
refresh clears the mark in the transaction that commits it, so an ingest that died between the
two (killed, a full disk, a crash) leaves the mark, and the next writer rebuilds it all.

Two marks, because the two parts differ: counts, aliases and labels (`COUNTS`) are a function of
the stored rows and may be redone at any time (a reader does, before it reads); merging a family
name into the one full name of that family (`MERGES`) rewrites rows and depends on which full
names are stored, so it waits for the interrupted ingest to be run to its end (or `repair`): merged
over part of the corpus, it could not be undone when the rest brings a second full name.
"""

from __future__ import annotations

import sqlite3

STATE_TABLE = "CREATE TABLE IF NOT EXISTS corpus_stale (what TEXT PRIMARY KEY, since TEXT NOT NULL) WITHOUT ROWID"
COUNTS = "entity counts"  # every entity's mentions, articles, aliases and label
MERGES = "family names"  # family names merged into the one full name of the family
ALL = (COUNTS, MERGES)


def mark(conn: sqlite3.Connection) -> None:
    """Record, in a transaction of its own, that the corpus-wide state is about to fall behind."""
    from model.corpus.write import utc_now  # the writer side: not for the browser, which only asks `stale`

    with conn:
        conn.execute(STATE_TABLE)
        conn.executemany(
            "INSERT OR IGNORE INTO corpus_stale(what, since) VALUES (?, ?)", [(what, utc_now()) for what in ALL]
        )


def clear(conn: sqlite3.Connection, parts: tuple[str, ...] = ALL) -> None:
    """Inside the caller's transaction (the one that commits the rebuilt state): these `parts` are whole."""
    if _has_table(conn):
        conn.executemany("DELETE FROM corpus_stale WHERE what=?", [(what,) for what in parts])


def stale(conn: sqlite3.Connection) -> dict[str, str]:
    """The parts of the corpus-wide state that are behind, with when they fell behind (UTC, ISO); empty when
    it is whole. Read-only connections may ask (a database older than the marks has no table: never marked)."""
    if not _has_table(conn):
        return {}
    return dict(conn.execute("SELECT what, since FROM corpus_stale").fetchall())


def stale_since(conn: sqlite3.Connection) -> str | None:
    """When the corpus-wide state (any part of it) fell behind, or None when it is whole."""
    return min(stale(conn).values(), default=None)


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='corpus_stale'").fetchone() is not None
