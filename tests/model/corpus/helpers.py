"""What the corpus tests share."""

from __future__ import annotations

import sqlite3

from model.corpus import summary
from model.corpus.schema import SAID_ON_COLUMNS


def as_version_1(path) -> None:
    """Turn a database into what the version-1 schema made: no summary tables or triggers, and quotes that do not
    say when they were said (version 5 added those columns, and the indexes on them)."""
    c = sqlite3.connect(path)
    indexes = c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quote'")
    for name, sql in indexes.fetchall():
        if sql and any(column in sql for column in SAID_ON_COLUMNS):
            c.execute(f"DROP INDEX {name}")
    for column in SAID_ON_COLUMNS:
        c.execute(f"ALTER TABLE quote DROP COLUMN {column}")
    for name, kind, sql in c.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'trigger')"
    ).fetchall():
        if (
            name in (*summary.SUMMARY_TABLES, "event_day")
            or kind == "trigger"
            and ("entity_" in sql or "event_day" in sql)
        ):
            c.execute(f"DROP {kind} {name}")
    c.execute("PRAGMA user_version=1")
    c.commit()
    c.close()
