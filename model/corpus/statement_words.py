"""The statements' wordings in a full-text index of their own (schema 14).

A search of words finds its statements there without reading each matching quote (a common word's 166,000 quotes at
a million articles, for 1,500 statements). One row a distinct wording: its words, and the statement's speaker as the
Quotes pane shows it. Its rowid is the statement's rowid times `WORDING_SLOTS` plus the wording's slot, so
`rowid / WORDING_SLOTS` is the statement, read off the index alone. A statement with more distinct wordings than slots
has the rest in its last slot, joined. Kept by `model.corpus.statement_refresh`, the only writer of statements, and
made for a whole corpus by the upgrade to 14 (`model.corpus.schema`).
"""

from __future__ import annotations

import sqlite3

STATEMENT_FTS = "statement_fts"
WORDING_SLOTS = 256


def create_statement_fts(conn: sqlite3.Connection, tokenize: str) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {STATEMENT_FTS} USING fts5(text, speaker, tokenize='{tokenize}')")


def wording_rows(rowid: int, speaker: str | None, texts: list[str]) -> list[tuple[int, str, str | None]]:
    """The full-text rows of the statement at `rowid`: one a distinct wording of `texts` (in their order), the
    wordings past the last slot joined into it."""
    distinct = list(dict.fromkeys(t for t in texts if t))
    if len(distinct) > WORDING_SLOTS:
        distinct = [*distinct[: WORDING_SLOTS - 1], " … ".join(distinct[WORDING_SLOTS - 1 :])]
    return [(rowid * WORDING_SLOTS + slot, text, speaker) for slot, text in enumerate(distinct)]


def index_wordings(conn: sqlite3.Connection, rowid: int, speaker: str | None, texts: list[str]) -> None:
    """The statement at `rowid`'s wordings (`texts`, in page order) into the index (`wording_rows`)."""
    conn.executemany(
        f"INSERT INTO {STATEMENT_FTS}(rowid, text, speaker) VALUES (?, ?, ?)", wording_rows(rowid, speaker, texts)
    )
