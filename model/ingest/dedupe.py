"""What an ingest need not parse: articles stored unchanged, and keys met earlier in the same run.

Both are looked up on disk, a record at a time, so that the memory of an ingest does not grow with the
corpus or the input: the stored articles by their key's index, the keys of this run in a private
temporary SQLite database (`sqlite3.connect("")`: on disk, deleted when closed).
"""

from __future__ import annotations

import sqlite3
from enum import Enum

from model.corpus import write


class Verdict(Enum):
    PARSE = "parse"  # new, or changed since it was stored (or stored by an older pipeline)
    UNCHANGED = "unchanged"  # stored with the same text by this pipeline
    REPEAT = "repeat"  # its key came earlier in this run, with the same text: left out silently
    CONFLICT = "conflict"  # its key came earlier in this run with another text: the first is kept


class RunKeys:
    """The keys an ingest has met, and what the database holds for them."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.seen = sqlite3.connect("", isolation_level=None)
        self.seen.execute("PRAGMA journal_mode=OFF")
        self.seen.execute("PRAGMA synchronous=OFF")
        self.seen.execute("CREATE TABLE seen(key TEXT PRIMARY KEY, sha256 TEXT) WITHOUT ROWID")

    def judge(self, key: str, sha256: str | None) -> Verdict:
        """What to do with a record read of `key` and content hash `sha256`."""
        first = self.seen.execute("SELECT sha256 FROM seen WHERE key=?", (key,)).fetchone()
        if first is not None:
            return Verdict.REPEAT if first[0] == sha256 else Verdict.CONFLICT
        self.seen.execute("INSERT INTO seen(key, sha256) VALUES (?,?)", (key, sha256))
        if write.stored_version(self.conn, key) == (sha256, write.PIPELINE_VERSION):
            return Verdict.UNCHANGED
        return Verdict.PARSE

    def close(self) -> None:
        self.seen.close()

    def __enter__(self) -> RunKeys:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
