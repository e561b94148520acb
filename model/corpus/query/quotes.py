"""Quotes: their list, filtered by article, entity, speaker, when said or search, sorted by date, when said or
speaker."""

from __future__ import annotations

import sqlite3

from model.corpus.query import reuse
from model.corpus.query.base import QueryError, capped, fts_count, has_summary, quote_cols, run, sql_where
from model.corpus.query.paging import window
from model.corpus.query.rows import Filters, QuoteRow, quote_row
from model.corpus.query.search import (
    PLAIN,
    Columns,
    columns,
    fts_only,
    has_fields,
    is_common,
    keeps_many,
    quote_query_clauses,
    quotes_need_article,
    with_sources,
)
from model.dates import value_range

# ---------------------------------------------------------------- quotes

QUOTE_SORTS = ("date", "said", "speaker")
# Each order ends on the quote's id, so that it is total and a page reads the same read from either end
# (`paging`).
_QUOTE_ORDER = {
    "date": "a.published DESC, a.id DESC, q.start, q.id",  # a.id: q.article, as the date index orders it
    # when it was said, newest first (a span by its last day), then as the date sort
    "said": "q.said_on_end DESC, q.said_on_start DESC, a.published DESC, a.id DESC, q.start, q.id",  # undated last
    # by speaker, each one's newest said first: the columns of the quote alone, as `schema.ORDER_INDEXES` has them
    "speaker": "q.speaker_name IS NULL, q.speaker_name COLLATE NOCASE, q.said_on_end DESC, q.said_on_start DESC, "
    "q.article DESC, q.start, q.id",
}
# A database older than the quotes' dates (schema 5) groups by speaker, then the articles' dates.
_SPEAKER_BEFORE_SAID_ON = (
    "q.speaker_name IS NULL, q.speaker_name COLLATE NOCASE, a.published DESC, a.id DESC, q.start, q.id"
)


QUOTES_MENTIONING = (
    "SELECT q2.id FROM mention m JOIN quote q2 ON q2.article = m.article AND q2.start <= m.start "
    "AND m.end <= q2.end WHERE m.entity = ?"
)


def quote_where(f: Filters, cols: Columns = PLAIN, each: bool = False) -> tuple[str, list]:
    """With `cols.summed` (the database has the summary), the quotes of an entity, or those a speaker speaks, are
    read from it; without `cols.said_on` (a database older than it), the quotes said in a period are those of
    the articles published in it. `each`: for quotes checked one at a time (a statement's, until one is kept),
    the entity's and the words' looked up by quote, not gathered (`search.quote_query_clauses`)."""
    summed, said_on = cols.summed, cols.said_on
    clauses, params = [], []
    days = value_range(f.said) if f.said else None
    if f.said and days is None:
        raise QueryError(f"not a date: {f.said!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    if days and said_on:
        clauses.append("q.said_on_end >= ? AND q.said_on_start <= ?")
        params += days
    elif days:
        clauses.append("q.article IN (SELECT id FROM article WHERE published BETWEEN ? AND ?)")
        params += days
    if f.article is not None:
        clauses.append("q.article = ?")
        params.append(f.article)
    if f.entity is not None and summed and each:
        clauses.append("EXISTS (SELECT 1 FROM entity_quote WHERE quote = q.id AND entity = ?)")
        params.append(f.entity)
    elif f.entity is not None and summed:
        clauses.append("q.id IN (SELECT quote FROM entity_quote WHERE entity = ?)")
        params.append(f.entity)
    elif f.entity is not None:
        clauses.append(
            "(q.id IN (SELECT quote FROM quote_speaker WHERE entity = ?) OR q.speaker_entity = ? OR "
            f"q.id IN ({QUOTES_MENTIONING}))"
        )
        params += [f.entity] * 3
    if f.speaker is not None and summed:
        # the summary's rows of the quotes the speaker speaks: one range of its index, no quote's own row read
        clauses.append("q.id IN (SELECT quote FROM entity_quote WHERE entity = ? AND speaks = 1)")
        params.append(f.speaker)
    elif f.speaker is not None:
        clauses.append("(q.id IN (SELECT quote FROM quote_speaker WHERE entity = ?) OR q.speaker_entity = ?)")
        params += [f.speaker] * 2
    if f.search:
        c, p = quote_query_clauses(f.search, cols, each)
        clauses += c
        params += p
    return sql_where(clauses), params


def entity_quotes(conn: sqlite3.Connection, f: Filters) -> tuple[str, list] | None:
    """With the summary, the quotes of one entity (`f.entity`: spoken by it or mentioning it) or
    of one speaker (`f.speaker`), with no other filter than words searched, are a range of `entity_quote e`
    (each row looked up among the words' matches): its WHERE clause and parameters; None otherwise."""
    alone = f.article is None and not f.said
    if not alone or (f.entity is None) == (f.speaker is None) or not has_summary(conn):
        return None
    match = fts_only(Filters(search=f.search)) if f.search else None
    if f.search and not match:
        return None
    if f.entity is not None:
        where, params = " WHERE e.entity = ?", [f.entity]
    else:
        where, params = " WHERE e.entity = ? AND e.speaks = 1", [f.speaker]
    if match:
        where += " AND e.quote IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"
        params.append(match)
    return where, params


def summed_quotes(
    conn: sqlite3.Connection, where: str, params: list, offset: int, limit: int, total: int | None = None
) -> list[QuoteRow]:
    """A page of `entity_quote e` rows (newest first, as the date sort), read as quotes."""
    w = window("e.published DESC, e.article DESC, e.start, e.quote", offset, limit, total)
    rows = run(
        conn,
        f"WITH page AS (SELECT e.quote, row_number() OVER (ORDER BY {w.order}) AS n "
        f"FROM entity_quote e{where} ORDER BY {w.order} LIMIT ? OFFSET ?) "
        f"SELECT {quote_cols(conn)} FROM page JOIN quote q ON q.id = page.quote "
        "JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, w.limit, w.offset],
    )
    return [quote_row(r) for r in w.rows(rows)]


def count_quotes(conn: sqlite3.Connection, f: Filters = Filters(), cap: int | None = None) -> int:
    """The quotes `f` keeps; with `cap`, a search of words alone stops counting past it (`AtLeast`)."""
    match = fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker, said=f.said)
    if match:
        return fts_count(conn, "quote_fts", match, cap)
    summed = entity_quotes(conn, f)
    if summed and f.search and cap is not None:
        # words in one entity's quotes: its range of the summary, each row looked up among the words'
        # matches, up to the cap (reading each quote's own row as well cost 8 times more)
        return capped(conn, f"SELECT 1 FROM entity_quote e{summed[0]}", summed[1], cap)
    if summed:
        return run(conn, f"SELECT COUNT(*) FROM entity_quote e{summed[0]}", summed[1])[0][0]
    cols = with_sources(conn, columns(conn), f.search)
    where, params = quote_where(f, cols)
    source = "quote q JOIN article a ON a.id = q.article" if quotes_need_article(f.search, cols) else "quote q"
    sql = f"SELECT COUNT(*) FROM {source}{where}"  # every quote has its article (FK)
    if f == Filters():  # every quote (18 ms at a million articles): counted once while the database is as it was,
        # not again for each sort of the list (`reuse`)
        return reuse.reused(conn, ("every quote counted",), lambda: run(conn, sql, params)[0][0])
    return run(conn, sql, params)[0][0]


def quotes(
    conn: sqlite3.Connection,
    f: Filters = Filters(),
    sort: str = "date",
    offset: int = 0,
    limit: int = 100,
    total: int | None = None,
) -> list[QuoteRow]:
    """A page of quotes; `total`, when the caller counted them already (`count_quotes`), picks the plan of a
    fielded search."""
    summed = entity_quotes(conn, f) if sort == "date" else None
    if summed:
        return summed_quotes(conn, *summed, offset, limit, total)
    cols = with_sources(conn, columns(conn), f.search)
    where, params = quote_where(f, cols)
    order = _QUOTE_ORDER.get(sort if cols.said_on or sort != "said" else "date", _QUOTE_ORDER["date"])
    if sort == "speaker" and not cols.said_on:
        order = _SPEAKER_BEFORE_SAID_ON
    source = "quote q JOIN article a ON a.id = q.article"
    match = fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker, said=f.said)
    many = sort == "date" and (
        is_common(conn, "quote_fts", match)
        if match
        else has_fields(f.search) and keeps_many(conn, source, where, params, total)
    )
    if many:
        # a common word: walk the articles newest first and keep their matching quotes
        source = (
            "article a INDEXED BY idx_article_published CROSS JOIN quote q INDEXED BY idx_quote_article_start "
            "ON q.article = a.id"
        )
    w = window(order, offset, limit, total)
    rows = run(
        conn,
        f"WITH page AS (SELECT q.id, row_number() OVER (ORDER BY {w.order}) AS n FROM {source}"
        f"{where} ORDER BY {w.order} LIMIT ? OFFSET ?) "
        f"SELECT {quote_cols(conn)} FROM page JOIN quote q ON q.id = page.id "
        "JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, w.limit, w.offset],
    )
    return [quote_row(r) for r in w.rows(rows)]
