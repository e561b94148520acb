"""What the corpus tests share."""

from __future__ import annotations

import sqlite3

from model.corpus import summary


def as_version_1(path) -> None:
    """Turn a database into what the version-1 schema made: no summary tables or triggers."""
    c = sqlite3.connect(path)
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
