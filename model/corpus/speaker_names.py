"""The distinct names quotes are credited to, in a full-text index of their own (schema 17).

A search's `speaker:` field keeps the quotes whose speaker's name holds its words. Matched in the quotes' own
full-text index, that read every quote of the name and then each quote's row for its kind and article: at a million
articles `speaker:"Dilson Funaro" kind:direct` read 57,353 matches, ~45 ms in each of the three panes. Here the
words are matched among the distinct names (a few rows), and the quotes of those names are a range each of an
index that holds what the fields and the panes ask of them (`SPEAKER_FACTS`: kind, article, the days said), read
without a row. The same quotes: the same tokenizer, and a name holds the words for every quote it names.

Kept by triggers on `quote` (a name is added when a quote first names it, by ingest, a correction or a merge); a
name no quote has any more stays, and finds nothing. Made for a whole corpus by the upgrade to 17.
"""

from __future__ import annotations

import sqlite3

SPEAKER_NAME = "speaker_name"
SPEAKER_NAME_FTS = "speaker_name_fts"
SPEAKER_FACTS_INDEX = "idx_quote_speaker_facts"
SPEAKER_FACTS = ("speaker_name", "kind", "article", "said_on_start", "said_on_end")


def speaker_name_schema(tokenize: str) -> tuple[str, ...]:
    """The table of names, its full-text index (`tokenize`: the quotes' own), the triggers that keep both, and the
    quotes' index by name."""
    add = f"INSERT OR IGNORE INTO {SPEAKER_NAME}(name) SELECT new.speaker_name WHERE new.speaker_name IS NOT NULL;"
    return (
        f"CREATE TABLE IF NOT EXISTS {SPEAKER_NAME} (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {SPEAKER_NAME_FTS} USING fts5(name, content='{SPEAKER_NAME}', "
        f"content_rowid='id', tokenize='{tokenize}')",
        f"CREATE TRIGGER IF NOT EXISTS {SPEAKER_NAME}_ai AFTER INSERT ON {SPEAKER_NAME} BEGIN "
        f"INSERT INTO {SPEAKER_NAME_FTS}(rowid, name) VALUES (new.id, new.name); END",
        f"CREATE TRIGGER IF NOT EXISTS quote_{SPEAKER_NAME}_ai AFTER INSERT ON quote BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS quote_{SPEAKER_NAME}_au AFTER UPDATE OF speaker_name ON quote BEGIN {add} END",
        f"CREATE INDEX IF NOT EXISTS {SPEAKER_FACTS_INDEX} ON quote({', '.join(SPEAKER_FACTS)})",
    )


def create_speaker_names(conn: sqlite3.Connection, tokenize: str) -> None:
    for sql in speaker_name_schema(tokenize):
        conn.execute(sql)


def fill_speaker_names(conn: sqlite3.Connection) -> None:
    """Every name the stored quotes are credited to (the upgrade: off the new index, each name once)."""
    conn.execute(
        f"INSERT OR IGNORE INTO {SPEAKER_NAME}(name) SELECT DISTINCT speaker_name FROM quote "
        f"INDEXED BY {SPEAKER_FACTS_INDEX} WHERE speaker_name IS NOT NULL"
    )


# The quotes whose speaker's name matches an FTS5 query (of the names' one column: `name : …`), as a clause on
# `quote q`: each name's quotes a range of `SPEAKER_FACTS_INDEX`.
QUOTES_OF_NAMES = (
    f"q.speaker_name IN (SELECT name FROM {SPEAKER_NAME} WHERE id IN "
    f"(SELECT rowid FROM {SPEAKER_NAME_FTS} WHERE {SPEAKER_NAME_FTS} MATCH ?))"
)
