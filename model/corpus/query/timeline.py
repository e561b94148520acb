"""The timeline: dated events in date order, in pages, and the position of a date."""

from __future__ import annotations

import sqlite3

from model.corpus.query.base import FREQUENT_EVENTS, QueryError, entity_counts, has_summary, run, sql_where
from model.corpus.query.rows import TIMEX_COLS, TIMEX_FROM, Filters, TimexRow, timex_row

# ---------------------------------------------------------------- timeline


def event_where(f: Filters, frequent: bool = False) -> tuple[str, list]:
    """Clauses on `timex t` alone (no joins), so counting and paging stay on its indexes.
    With `frequent` (an entity in a good share of all sentences), the entity's articles are not
    gathered first: reading events in date order and keeping those that mention it finds a page sooner."""
    clauses, params = ["t.value_start IS NOT NULL"], []
    if f.article is not None:
        clauses.append("t.article = ?")
        params.append(f.article)
    if f.entity is not None:
        # events whose sentence mentions the entity
        if not frequent:
            clauses.append("t.article IN (SELECT article FROM mention WHERE entity = ?)")
            params.append(f.entity)
        clauses.append(
            "EXISTS (SELECT 1 FROM sentence s JOIN mention m ON m.article = s.article "
            "AND m.start >= s.start AND m.start < s.end "
            "WHERE s.article = t.article AND s.idx = t.sentence AND m.entity = ?)"
        )
        params.append(f.entity)
    return sql_where(clauses), params


def entity_events(conn: sqlite3.Connection, f: Filters) -> tuple[str, list] | None:
    """With the summary, an entity's events are a range of `entity_event` (keyed by date):
    its WHERE clause and parameters, on `entity_event t`; None without an entity or summary."""
    if f.entity is None or not has_summary(conn):
        return None
    clauses, params = ["t.entity = ?"], [f.entity]
    if f.article is not None:
        clauses.append("t.article = ?")
        params.append(f.article)
    return sql_where(clauses), params


def _by_day(conn: sqlite3.Connection, f: Filters) -> bool:
    """Whether the whole timeline is asked for and the database counts its events by day (`event_day`)."""
    return f.article is None and f.entity is None and has_summary(conn)


def count_events(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    if _by_day(conn, f):
        return run(conn, "SELECT COALESCE(SUM(events), 0) FROM event_day")[0][0]
    summed = entity_events(conn, f)
    if summed:
        return run(conn, f"SELECT COUNT(*) FROM entity_event t{summed[0]}", summed[1])[0][0]
    where, params = event_where(f)
    return run(conn, f"SELECT COUNT(*) FROM timex t{where}", params)[0][0]


def events(conn: sqlite3.Connection, f: Filters = Filters(), offset: int = 0, limit: int = 100) -> list[TimexRow]:
    """Dated events in date order. The page of ids is found first, on the index alone;
    article text is read for those rows only."""
    summed = entity_events(conn, f)
    if summed:
        where, params = summed
        select = f"SELECT t.timex AS id, t.value_start FROM entity_event t{where} ORDER BY t.value_start, t.timex"
    elif _by_day(conn, f) and offset:
        # from the day the page starts on (the first whose running count passes `offset`), not the first event;
        # the days are summed here as they are read (SQLite's window function over them took 3-4 ms, this ~1)
        day = _day_at(conn, offset)
        if day is None:
            return []
        select = "SELECT t.id, t.value_start FROM timex t WHERE t.value_start >= ? ORDER BY t.value_start, t.id"
        params, offset = [day[0]], offset - day[1]
    else:
        frequent = f.article is None and f.entity is not None and entity_counts(conn, f.entity)[0] >= FREQUENT_EVENTS
        where, params = event_where(f, frequent)
        table = "timex t INDEXED BY idx_timex_value_start" if frequent else "timex t"
        select = f"SELECT t.id, t.value_start FROM {table}{where} ORDER BY t.value_start, t.id"
    rows = run(
        conn,
        f"WITH page AS ({select} LIMIT ? OFFSET ?) "
        f"SELECT {TIMEX_COLS} FROM page CROSS JOIN {TIMEX_FROM} WHERE t.id = page.id "
        "ORDER BY page.value_start, page.id",
        [*params, limit, offset],
    )
    return [timex_row(r) for r in rows]


def _day_at(conn: sqlite3.Connection, offset: int) -> tuple[str, int] | None:
    """The day of the event at `offset` in date order, and how many events come before that day."""
    before = 0
    try:
        for value, events in conn.execute("SELECT value_start, events FROM event_day ORDER BY value_start"):
            if before + events > offset:
                return value, before
            before += events
    except sqlite3.DatabaseError as e:
        raise QueryError(str(e)) from None
    return None


def event_position(conn: sqlite3.Connection, f: Filters, date: str) -> int:
    """Index in `events(f)` of the first event on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if _by_day(conn, f):
        return run(conn, "SELECT COALESCE(SUM(events), 0) FROM event_day WHERE value_start < ?", (date,))[0][0]
    summed = entity_events(conn, f)
    where, params = summed or event_where(f)
    table = "entity_event t" if summed else "timex t"
    return run(conn, f"SELECT COUNT(*) FROM {table}{where} AND t.value_start < ?", [*params, date])[0][0]
