"""The per-entity summary (schema 2): rows an entity page reads, kept with each article.

Its tables, indexes and triggers are data (`SUMMARY_SCHEMA`); `summarise` redoes the rows of some
articles inside the caller's transaction, `summarise_all` redoes them all (the upgrade from schema 1).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from model.corpus.statement_words import (
    fill_entity_wordings,
    has_entity_wordings,
    index_entity_wordings,
    statements_of_articles,
)

# What an entity page and the entity filters read, written with each article so that a page of
# a frequent entity is a range of one index instead of a join of mentions × articles × events:
#   entity_article  each article that mentions the entity, with its date (articles newest first)
#   entity_event    each dated event whose sentence mentions the entity (events in date order)
#   entity_quote    each quote the entity speaks (speaks=1) or is mentioned inside and does not
#                   speak (speaks=0), with its article's date (quotes newest first)
# Every row is a function of one article's rows: `summarise` redoes an article's, and triggers
# follow the two changes made in place, a new `article.published` and an event resolved again
# against it (`model.corrections.set_published`).
# And event_day: how many dated events start on each day, kept by triggers on `timex` (any write,
# in any order), so that the timeline finds the position of a date, or the page at a position,
# without counting through every event before it.
SUMMARY_TABLES = ("entity_article", "entity_event", "entity_quote")
_DAY_ADD = (
    "INSERT INTO event_day(value_start, events) SELECT new.value_start, 1 WHERE new.value_start IS NOT NULL "
    "ON CONFLICT (value_start) DO UPDATE SET events = events + 1"
)
_DAY_REMOVE = (
    "UPDATE event_day SET events = events - 1 WHERE value_start = old.value_start; "
    "DELETE FROM event_day WHERE value_start = old.value_start AND events <= 0"
)
# An event and the entities of its sentence, by the same test as the events filter: a mention starting inside it.
_EVENT_ENTITIES = (
    "SELECT DISTINCT m.entity, t.value_start, t.id, t.article FROM timex t JOIN sentence s ON "
    "s.article = t.article AND s.idx = t.sentence JOIN mention m ON m.article = t.article AND "
    "m.start >= s.start AND m.start < s.end WHERE {which} AND t.value_start IS NOT NULL "
    "AND m.entity IS NOT NULL"
)
SUMMARY_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entity_article (entity INTEGER NOT NULL, article INTEGER NOT NULL, published TEXT, "
    "PRIMARY KEY (entity, article)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS idx_entity_article_published ON entity_article(entity, published DESC, article DESC)",
    "CREATE INDEX IF NOT EXISTS idx_entity_article_article ON entity_article(article, entity)",
    "CREATE TABLE IF NOT EXISTS entity_event (entity INTEGER NOT NULL, value_start TEXT NOT NULL, "
    "timex INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (entity, value_start, timex)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS idx_entity_event_article ON entity_event(article)",
    # (a rowid table: a WITHOUT ROWID key may not hold the NULL date of an undated article)
    "CREATE TABLE IF NOT EXISTS entity_quote (entity INTEGER NOT NULL, speaks INTEGER NOT NULL, published TEXT, "
    "article INTEGER NOT NULL, start INTEGER NOT NULL, quote INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS idx_entity_quote_speaks ON entity_quote(entity, speaks, published DESC, "
    "article DESC, start, quote)",
    "CREATE INDEX IF NOT EXISTS idx_entity_quote_published ON entity_quote(entity, published DESC, article DESC, "
    "start, quote)",
    "CREATE INDEX IF NOT EXISTS idx_entity_quote_article ON entity_quote(article)",
    "CREATE TRIGGER IF NOT EXISTS article_published_summary AFTER UPDATE OF published ON article "
    "WHEN old.published IS NOT new.published BEGIN "
    "UPDATE entity_article SET published = new.published WHERE article = new.id; "
    "UPDATE entity_quote SET published = new.published WHERE article = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS timex_summary AFTER UPDATE OF value_start, sentence ON timex BEGIN "
    "DELETE FROM entity_event WHERE article = old.article AND timex = old.id; "
    "INSERT INTO entity_event(entity, value_start, timex, article) "
    + _EVENT_ENTITIES.format(which="t.id = new.id")
    + "; END",
    "CREATE TABLE IF NOT EXISTS event_day (value_start TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TRIGGER IF NOT EXISTS event_day_insert AFTER INSERT ON timex WHEN new.value_start IS NOT NULL BEGIN "
    f"{_DAY_ADD}; END",
    "CREATE TRIGGER IF NOT EXISTS event_day_delete AFTER DELETE ON timex WHEN old.value_start IS NOT NULL BEGIN "
    f"{_DAY_REMOVE}; END",
    "CREATE TRIGGER IF NOT EXISTS event_day_update AFTER UPDATE OF value_start ON timex "
    f"WHEN old.value_start IS NOT new.value_start BEGIN {_DAY_REMOVE}; {_DAY_ADD}; END",
    "CREATE TRIGGER IF NOT EXISTS article_deleted_summary AFTER DELETE ON article BEGIN "
    "DELETE FROM entity_article WHERE article = old.id; DELETE FROM entity_event WHERE article = old.id; "
    "DELETE FROM entity_quote WHERE article = old.id; END",
)


def create_summary(conn: sqlite3.Connection) -> None:
    for sql in SUMMARY_SCHEMA:
        conn.execute(sql)


def summarise(conn: sqlite3.Connection, articles: str, params: tuple = (), wordings: bool = True) -> None:
    """Redo the summary rows of the articles `articles` selects (SQL giving article ids), from
    their mentions, sentences, events and quotes, and (`wordings`) the entities of their quotes'
    statements' wordings (`statement_words.ENTITY_WORDING`). Inside the caller's transaction."""
    for table in SUMMARY_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article IN ({articles})", params)
    conn.execute(
        "INSERT INTO entity_article(entity, article, published) SELECT DISTINCT m.entity, m.article, "
        "a.published FROM mention m JOIN article a ON a.id = m.article "
        f"WHERE m.article IN ({articles}) AND m.entity IS NOT NULL",
        params,
    )
    conn.execute(
        "INSERT INTO entity_event(entity, value_start, timex, article) "
        + _EVENT_ENTITIES.format(which=f"t.article IN ({articles})"),
        params,
    )
    conn.execute(
        f"WITH q AS (SELECT id, article, start, end, speaker_entity FROM quote WHERE article IN ({articles})), "
        "speaker(entity, quote) AS (SELECT qs.entity, qs.quote FROM quote_speaker qs JOIN q ON q.id = qs.quote "
        "UNION SELECT speaker_entity, id FROM q WHERE speaker_entity IS NOT NULL), "
        "inside(entity, quote) AS (SELECT m.entity, q.id FROM q JOIN mention m ON m.article = q.article "
        "AND q.start <= m.start AND m.end <= q.end WHERE m.entity IS NOT NULL), "
        "every(entity, quote) AS (SELECT entity, quote FROM speaker UNION SELECT entity, quote FROM inside) "
        "INSERT INTO entity_quote(entity, speaks, published, article, start, quote) "
        "SELECT x.entity, EXISTS (SELECT 1 FROM speaker s WHERE s.entity = x.entity AND s.quote = x.quote), "
        "a.published, q.article, q.start, q.id FROM every x JOIN q ON q.id = x.quote "
        "JOIN article a ON a.id = q.article",
        params,
    )
    if wordings and has_entity_wordings(conn):
        index_entity_wordings(conn, statements_of_articles(conn, articles, params))


def summarise_all(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None, step: int = 5000
) -> None:
    """Redo the whole summary, `step` articles at a time, reporting `progress(done, total)`; the wordings'
    entities once, at the end."""
    total = conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    ids = [r[0] for r in conn.execute("SELECT id FROM article ORDER BY id")]
    if progress:
        progress(0, total)
    for i in range(0, len(ids), step):
        summarise(
            conn,
            "SELECT id FROM article WHERE id BETWEEN ? AND ?",
            (ids[i], ids[min(i + step, len(ids)) - 1]),
            wordings=False,
        )
        if progress:
            progress(min(i + step, total), total)
    if has_entity_wordings(conn):
        fill_entity_wordings(conn)
