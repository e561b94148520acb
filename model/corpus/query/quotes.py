"""Quotes: their list, filtered by article, entity, speaker or search, sorted by date or speaker."""

from __future__ import annotations

import sqlite3

from model.corpus.query.base import has_summary, run, sql_where
from model.corpus.query.rows import QUOTE_COLS, Filters, QuoteRow, quote_row
from model.corpus.query.search import fts_only, is_common, search_clauses

# ---------------------------------------------------------------- quotes

QUOTE_SORTS = ("date", "speaker")
_QUOTE_ORDER = {
    "date": "a.published DESC, q.article DESC, q.start",
    "speaker": "q.speaker_name IS NULL, q.speaker_name COLLATE NOCASE, a.published DESC, q.start",
}


QUOTES_MENTIONING = (
    "SELECT q2.id FROM mention m JOIN quote q2 ON q2.article = m.article AND q2.start <= m.start "
    "AND m.end <= q2.end WHERE m.entity = ?"
)


# What a quote says, as the Quotes pane filters it: words (quoted or reported), or a position with no words.
QUOTE_SAID_KINDS = {"speech": ("direct", "partial", "indirect"), "stance": ("stance",)}


def quote_where(f: Filters, summed: bool = False) -> tuple[str, list]:
    """With `summed` (the database has the summary), the quotes of an entity are read from it."""
    clauses, params = [], []
    kinds = QUOTE_SAID_KINDS.get(f.said or "")
    if kinds:
        clauses.append(f"q.kind IN ({', '.join('?' * len(kinds))})")
        params += kinds
    if f.article is not None:
        clauses.append("q.article = ?")
        params.append(f.article)
    if f.entity is not None and summed:
        clauses.append("q.id IN (SELECT quote FROM entity_quote WHERE entity = ?)")
        params.append(f.entity)
    elif f.entity is not None:
        clauses.append(
            "(q.id IN (SELECT quote FROM quote_speaker WHERE entity = ?) OR q.speaker_entity = ? OR "
            f"q.id IN ({QUOTES_MENTIONING}))"
        )
        params += [f.entity] * 3
    if f.speaker is not None:
        clauses.append("(q.id IN (SELECT quote FROM quote_speaker WHERE entity = ?) OR q.speaker_entity = ?)")
        params += [f.speaker] * 2
    if f.search:
        c, p = search_clauses(f.search, "quote_fts", "q.id", ("q.text", "q.speaker_name"))
        clauses += c
        params += p
    return sql_where(clauses), params


def entity_quotes(conn: sqlite3.Connection, f: Filters) -> tuple[str, list] | None:
    """With the summary, the quotes of one entity (`f.entity`: spoken by it or mentioning it) or
    of one speaker (`f.speaker`), and no other filter, are a range of `entity_quote e`: its WHERE
    clause and parameters; None otherwise."""
    if (
        f.article is not None
        or f.search
        or f.said
        or (f.entity is None) == (f.speaker is None)
        or not has_summary(conn)
    ):
        return None
    if f.entity is not None:
        return " WHERE e.entity = ?", [f.entity]
    return " WHERE e.entity = ? AND e.speaks = 1", [f.speaker]


def summed_quotes(conn: sqlite3.Connection, where: str, params: list, offset: int, limit: int) -> list[QuoteRow]:
    """A page of `entity_quote e` rows (newest first, as the date sort), read as quotes."""
    order = "e.published DESC, e.article DESC, e.start, e.quote"
    rows = run(
        conn,
        f"WITH page AS (SELECT e.quote, row_number() OVER (ORDER BY {order}) AS n "
        f"FROM entity_quote e{where} ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT {QUOTE_COLS} FROM page JOIN quote q ON q.id = page.quote "
        "JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, limit, offset],
    )
    return [quote_row(r) for r in rows]


def count_quotes(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    match = fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker, said=f.said)
    if match:
        return run(conn, "SELECT COUNT(*) FROM quote_fts WHERE quote_fts MATCH ?", (match,))[0][0]
    summed = entity_quotes(conn, f)
    if summed:
        return run(conn, f"SELECT COUNT(*) FROM entity_quote e{summed[0]}", summed[1])[0][0]
    where, params = quote_where(f, has_summary(conn))
    return run(conn, f"SELECT COUNT(*) FROM quote q{where}", params)[0][0]  # every quote has its article (FK)


def quotes(
    conn: sqlite3.Connection, f: Filters = Filters(), sort: str = "date", offset: int = 0, limit: int = 100
) -> list[QuoteRow]:
    summed = entity_quotes(conn, f) if sort != "speaker" else None
    if summed:
        return summed_quotes(conn, *summed, offset, limit)
    where, params = quote_where(f, has_summary(conn))
    order = _QUOTE_ORDER.get(sort, _QUOTE_ORDER["date"])
    source = "quote q JOIN article a ON a.id = q.article"
    match = fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker, said=f.said)
    if match and sort == "date" and is_common(conn, "quote_fts", match):
        # a common word: walk the articles newest first and keep their matching quotes
        source = (
            "article a INDEXED BY idx_article_published CROSS JOIN quote q INDEXED BY idx_quote_article_start "
            "ON q.article = a.id"
        )
    rows = run(
        conn,
        f"WITH page AS (SELECT q.id, row_number() OVER (ORDER BY {order}) AS n FROM {source}"
        f"{where} ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT {QUOTE_COLS} FROM page JOIN quote q ON q.id = page.id "
        "JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, limit, offset],
    )
    return [quote_row(r) for r in rows]
