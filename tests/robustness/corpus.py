"""What the fault tests read back from a corpus: every export, and how many articles are committed."""

from __future__ import annotations

import io
import sqlite3

from model.corpus import export, store


def exports(db) -> dict[str, str]:
    """Every kind of export of the database at `db`, as JSONL text."""
    conn = store.connect(db, readonly=True)
    out = {}
    for kind in export.KINDS:
        buf = io.StringIO()
        export.write(conn, kind, buf)
        out[kind] = buf.getvalue()
    conn.close()
    return out


def count_articles(db) -> int:
    """Committed articles, read the way the browser reads (0 while the file or schema is not there yet)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
