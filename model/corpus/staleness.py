"""Whether the corpus-wide entity state is behind the articles, recorded in the database itself.

The corpus-wide state (`model.corpus.entity_refresh`: family names merged across articles,
every entity's counts, aliases and label, orphans dropped) is derived from the articles' own rows
after an ingest has written them. An ingest marks it stale before its first article write and the
refresh clears the mark in the transaction that commits it, so an ingest that died between the
two (killed, a full disk, a crash) leaves the mark, and the next writer rebuilds it all.
"""

from __future__ import annotations

import sqlite3

from model.corpus.write import utc_now

STATE_TABLE = "CREATE TABLE IF NOT EXISTS corpus_stale (what TEXT PRIMARY KEY, since TEXT NOT NULL) WITHOUT ROWID"
ENTITIES = "entities"  # the one kind of corpus-wide state there is


def mark(conn: sqlite3.Connection) -> None:
    """Record, in a transaction of its own, that the corpus-wide state is about to fall behind."""
    with conn:
        conn.execute(STATE_TABLE)
        conn.execute("INSERT OR IGNORE INTO corpus_stale(what, since) VALUES (?, ?)", (ENTITIES, utc_now()))


def clear(conn: sqlite3.Connection) -> None:
    """Inside the caller's transaction (the one that commits the rebuilt state): no longer stale."""
    if _has_table(conn):
        conn.execute("DELETE FROM corpus_stale WHERE what=?", (ENTITIES,))


def stale_since(conn: sqlite3.Connection) -> str | None:
    """When the corpus-wide state fell behind (UTC, ISO), or None when it is whole. Read-only connections
    may ask (a database older than the mark has no table for it: never marked)."""
    if not _has_table(conn):
        return None
    row = conn.execute("SELECT since FROM corpus_stale WHERE what=?", (ENTITIES,)).fetchone()
    return row[0] if row else None


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='corpus_stale'").fetchone() is not None
