"""The statements' wordings in a full-text index of their own (schema 14).

A search of words finds its statements there without reading each matching quote (a common word's 166,000 quotes at
a million articles, for 1,500 statements). One row a distinct wording: its words, and the statement's speaker as the
Quotes pane shows it. Its rowid is the statement's rowid times `WORDING_SLOTS` plus the wording's slot, so
`rowid / WORDING_SLOTS` is the statement, read off the index alone. A statement with more distinct wordings than slots
has the rest in its last slot, joined. Kept by `model.corpus.statement_refresh`, the only writer of statements, and
made for a whole corpus by the upgrade to 14 (`model.corpus.schema`).

Schema 16: each wording's entities (`ENTITY_WORDING`), the summary's entities of the quotes that give it (who speaks
them or is named inside: `model.corpus.summary`'s `entity_quote`). An entity's statements with words searched are its
wordings looked up among the words' matches here, both sides counted in distinct wordings: at a million articles an
entity's 167,000 quotes and a word's 95,000 were read to find 10 statements. Kept with the wordings (a grouping, the
only writer of statements) and with the summary (`summarise` redoes the wordings of the articles it redoes).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

STATEMENT_FTS = "statement_fts"
WORDING_SLOTS = 256
ENTITY_WORDING = "entity_wording"
ENTITY_WORDING_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {ENTITY_WORDING} (entity INTEGER NOT NULL, wording INTEGER NOT NULL, "
    "PRIMARY KEY (entity, wording)) WITHOUT ROWID",
    f"CREATE INDEX IF NOT EXISTS idx_{ENTITY_WORDING}_wording ON {ENTITY_WORDING}(wording)",
)
# A statement's quotes in page order, each with the entities the summary gives it (none: one row, entity NULL).
_QUOTES_AND_ENTITIES = (
    "SELECT s.rowid, q.text, e.entity FROM statement s JOIN quote_statement qs ON qs.statement = s.id "
    "JOIN quote q ON q.id = qs.quote LEFT JOIN entity_quote e ON e.quote = q.id"
)
_IN_PAGE_ORDER = " ORDER BY s.rowid, qs.place, q.id"


def create_statement_fts(conn: sqlite3.Connection, tokenize: str) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {STATEMENT_FTS} USING fts5(text, speaker, tokenize='{tokenize}')")


def wording_rows(rowid: int, speaker: str | None, texts: list[str]) -> list[tuple[int, str, str | None]]:
    """The full-text rows of the statement at `rowid`: one a distinct wording of `texts` (in their order), the
    wordings past the last slot joined into it."""
    distinct = list(dict.fromkeys(t for t in texts if t))
    if len(distinct) > WORDING_SLOTS:
        distinct = [*distinct[: WORDING_SLOTS - 1], " … ".join(distinct[WORDING_SLOTS - 1 :])]
    return [(rowid * WORDING_SLOTS + slot, text, speaker) for slot, text in enumerate(distinct)]


def wording_slots(texts: Iterable[str]) -> dict[str, int]:
    """Each distinct wording of `texts` (in their order) -> its slot, as `wording_rows` places it (those past the
    last slot in it)."""
    slots: dict[str, int] = {}
    for text in texts:
        if text and text not in slots:
            slots[text] = min(len(slots), WORDING_SLOTS - 1)
    return slots


def entity_wording_rows(rowid: int, quotes: Iterable[tuple[str, int | None]]) -> set[tuple[int, int]]:
    """The (entity, wording) rows of the statement at `rowid`, from its quotes as (text, an entity of the quote or
    None) in page order: each wording has the entities of every quote that gives it."""
    quotes = list(quotes)
    slots = wording_slots(text for text, _ in quotes)
    return {
        (entity, rowid * WORDING_SLOTS + slots[text]) for text, entity in quotes if entity is not None and text in slots
    }


def has_entity_wordings(conn: sqlite3.Connection) -> bool:
    """Whether the wordings' entities are kept (`ENTITY_WORDING`, schema 16)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (ENTITY_WORDING,)).fetchone() is not None


def unindex_entity_wordings(conn: sqlite3.Connection, rowids: Iterable[int]) -> None:
    """The entities of the wordings of the statements at `rowids` (about to be grouped again, or redone)."""
    conn.executemany(
        f"DELETE FROM {ENTITY_WORDING} WHERE wording BETWEEN ? AND ?",
        [(r * WORDING_SLOTS, r * WORDING_SLOTS + WORDING_SLOTS - 1) for r in rowids],
    )


def index_entity_wordings(conn: sqlite3.Connection, rowids: Iterable[int]) -> None:
    """The entities of the wordings of the statements at `rowids`, made again from their quotes and the summary."""
    rowids = list(rowids)
    unindex_entity_wordings(conn, rowids)
    for rowid in rowids:
        rows = conn.execute(f"{_QUOTES_AND_ENTITIES} WHERE s.rowid = ?{_IN_PAGE_ORDER}", (rowid,)).fetchall()
        _insert_entity_wordings(conn, entity_wording_rows(rowid, ((text, e) for _, text, e in rows)))


def index_grouped_entities(conn: sqlite3.Connection, rowid: int, quotes: list[tuple[int, str]]) -> None:
    """A statement just grouped at `rowid`: its wordings' entities, from its quotes as (id, words) in page order (as
    the grouping holds them) and the summary's entities of those quotes."""
    entities: dict[int, list[int]] = {}
    for quote, entity in conn.execute(
        "SELECT quote, entity FROM entity_quote WHERE quote IN (SELECT value FROM json_each(?))",
        (json.dumps([q for q, _ in quotes]),),
    ):
        entities.setdefault(quote, []).append(entity)
    pairs = ((text, entity) for quote, text in quotes for entity in entities.get(quote, [None]))
    _insert_entity_wordings(conn, entity_wording_rows(rowid, pairs))


def fill_entity_wordings(conn: sqlite3.Connection) -> None:
    """Every statement's wordings' entities, from the stored rows (the upgrade to 16; a whole summary redone)."""
    conn.execute(f"DELETE FROM {ENTITY_WORDING}")
    current, quotes = None, []
    for rowid, text, entity in conn.execute(_QUOTES_AND_ENTITIES + _IN_PAGE_ORDER):
        if rowid != current:
            if current is not None:
                _insert_entity_wordings(conn, entity_wording_rows(current, quotes))
            current, quotes = rowid, []
        quotes.append((text, entity))
    if current is not None:
        _insert_entity_wordings(conn, entity_wording_rows(current, quotes))


def statements_of_articles(conn: sqlite3.Connection, articles: str, params: tuple = ()) -> list[int]:
    """The rowids of the statements of the quotes of the articles `articles` selects (SQL giving article ids)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT s.rowid FROM quote q JOIN quote_statement qs ON qs.quote = q.id "
            f"JOIN statement s ON s.id = qs.statement WHERE q.article IN ({articles})",
            params,
        )
    ]


def _insert_entity_wordings(conn: sqlite3.Connection, rows: set[tuple[int, int]]) -> None:
    conn.executemany(f"INSERT OR IGNORE INTO {ENTITY_WORDING}(entity, wording) VALUES (?, ?)", sorted(rows))


def index_wordings(conn: sqlite3.Connection, rowid: int, speaker: str | None, texts: list[str]) -> None:
    """The statement at `rowid`'s wordings (`texts`, in page order) into the index (`wording_rows`)."""
    conn.executemany(
        f"INSERT INTO {STATEMENT_FTS}(rowid, text, speaker) VALUES (?, ?, ?)", wording_rows(rowid, speaker, texts)
    )
