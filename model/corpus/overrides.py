"""A user's corrections to an article, kept apart from what extraction found.

The `override` table is keyed by the article's key (not its id), so re-ingest never loses them;
`model.corrections` writes them, the ingest applies them (`model.ingest.pipeline`).
"""

from __future__ import annotations

import sqlite3

from model.corpus.write import utc_now


def overrides(conn: sqlite3.Connection, key: str) -> dict[str, str]:
    """field -> value of every override of article `key`."""
    return {r[0]: r[1] for r in conn.execute("SELECT field, value FROM override WHERE article_key=?", (key,))}


def set_override(conn: sqlite3.Connection, key: str, field: str, value: str | None) -> None:
    """Set one override of article `key` (with None, remove it), in the caller's transaction
    (`model.corrections` makes a whole correction one transaction)."""
    if value is None:
        conn.execute("DELETE FROM override WHERE article_key=? AND field=?", (key, field))
    else:
        conn.execute(
            "INSERT OR REPLACE INTO override(article_key, field, value, created) VALUES (?,?,?,?)",
            (key, field, value, utc_now()),
        )
