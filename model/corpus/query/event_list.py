"""Events merged across articles (`event`): their list in date order, in pages, under the filters; where a date
falls in it; how many there are each month (the Timeline's density strip); one event's page.

An event's date is its value (YYYY, YYYY-MM or YYYY-MM-DD), so date order is the order of `idx_event_value`
(a year before its months, a month before its days), ties broken by rowid, which that index holds too.
Filters: an article (the events it reports), an entity (the events it takes part in or happens at, read from
its mentions in the reports' frames), a search (the events reported by the articles it finds).
A database older than the events (schema < 4, browsed as it is) has none.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import replace
from itertools import groupby

from model.corpus.query import reuse
from model.corpus.query.base import entity_counts, has_summary, pairs, run, schema_at_least, sql_where
from model.corpus.query.paging import window
from model.corpus.query.rows import TITLE, EventPage, EventReading, EventReport, EventRow, Filters
from model.corpus.query.search import article_query_clauses, columns, fts_only, has_fields, search_clauses, with_sources
from model.corpus.schema import EVENT_VALUE_BY_ID_INDEX, EVENT_VALUE_BY_ID_VERSION, EVENTS_VERSION

# Whether every report's date was counted from a publication date that is not known for certain (1), not (0),
# or no report's date is a stored expression (NULL): the least of the reports' flags (0 or 1), looked for as 0 first,
# which stops at the first certain report (a story carried by every outlet has hundreds: reading them all for a
# page of 9 such events cost ~7 ms at 100,000 articles); all of them read only when none is certain.
_REPORTS_DATES = (
    "FROM event_report r JOIN timex t ON t.article = r.article AND t.start = r.timex_start AND t.end = r.timex_end "
    "WHERE r.event = e.id"
)
_UNCERTAIN = (
    f"COALESCE((SELECT 0 {_REPORTS_DATES} AND t.uncertain = 0 LIMIT 1), (SELECT MIN(t.uncertain) {_REPORTS_DATES}))"
)
EVENT_COLS = f"e.id, e.value, e.summary, e.trigger, e.participants, e.place, e.reports, e.conflict, {_UNCERTAIN}"

# A search's events are those of the latest articles it finds, up to this many: a common word finds most of a
# large corpus, and reading every report of every article it finds took 0.1-0.2 s at 100,000 articles (the
# latest 500 cost ~30 ms CPU a search, these ~12, counted and paged).
SEARCH_ARTICLES = 200

# A report an entity takes part in (its mention at one of the frame's roles) or happens at (at the place), looked
# up on the mention index (article, entity, start) alone; the reports come from the entity's articles (the
# per-entity summary), so the cost follows how many articles name it.
_TAKES_PART = (
    "r.event IS NOT NULL AND ("
    "EXISTS (SELECT 1 FROM mention m WHERE m.article = r.article AND m.entity = ? AND m.start = r.place_start) "
    "OR EXISTS (SELECT 1 FROM event_role er CROSS JOIN mention m ON m.article = r.article AND m.entity = ? "
    "AND m.start = er.start WHERE er.report = r.id))"
)
_REPORTS_OF = "event_report r INDEXED BY idx_event_report_article_timex_start"
_ENTITY_EVENTS = (
    f"SELECT r.event FROM entity_article ea CROSS JOIN {_REPORTS_OF} ON r.article = ea.article "
    f"WHERE ea.entity = ? AND {_TAKES_PART}"
)


def has_events(conn: sqlite3.Connection) -> bool:
    """Whether the database has merged events (schema 4 on)."""
    return schema_at_least(conn, EVENTS_VERSION)


def merged_where(conn: sqlite3.Connection, f: Filters) -> tuple[str, list]:
    """Clauses on `event e` for the filters that apply to events (article, entity, search)."""
    clauses, params = [], []
    if f.article is not None:
        clauses.append("e.id IN (SELECT event FROM event_report WHERE article = ?)")
        params.append(f.article)
    if f.search and _by_its_articles(conn, f):  # the entity's events as its own filter finds them, in the search's
        sql, found_params = _searched_event_ids(conn, replace(f, article=None))
        clauses.append(f"e.id IN ({sql})")
        return sql_where(clauses), params + found_params
    if f.search:
        found, found_params = _searched_articles(conn, f.search, f.entity)
        clauses.append(f"e.id IN (SELECT r.event FROM event_report r WHERE r.article IN ({found}))")
        params += found_params
    if f.entity is not None:
        clause, entity_params = _entity_clause(conn, f.entity)
        clauses.append(clause)
        params += entity_params
    return sql_where(clauses), params


def _searched_articles(conn: sqlite3.Connection, search: str, entity: int | None = None) -> tuple[str, list]:
    """The latest `SEARCH_ARTICLES` articles a search finds (among those naming `entity`, under an entity filter:
    the Articles pane's list): off the full-text index in rowid order (a word found in few articles does not walk
    every article), each looked up among the entity's; with fields, the articles the Articles pane keeps for them
    (`kind:stance`: those with a stance); with CJK words (matched as substrings), by scan."""
    match = fts_only(Filters(search=search))
    if match and entity is None:
        return (
            "SELECT rowid AS article FROM article_fts WHERE article_fts MATCH ? "
            f"ORDER BY rowid DESC LIMIT {SEARCH_ARTICLES}",
            [match],
        )
    if match and has_summary(conn):
        return (
            "SELECT article_fts.rowid AS article FROM article_fts CROSS JOIN entity_article ea ON ea.entity = ? "
            f"AND ea.article = article_fts.rowid WHERE article_fts MATCH ? ORDER BY article_fts.rowid DESC "
            f"LIMIT {SEARCH_ARTICLES}",
            [entity, match],
        )
    if has_fields(search):
        found, params = article_query_clauses(search, with_sources(conn, columns(conn), search))
    else:
        found, params = search_clauses(search, "article_fts", "a.id", ("a.title", "a.text"))
    if entity is not None:
        table = "entity_article" if has_summary(conn) else "mention"
        found, params = [*found, f"a.id IN (SELECT article FROM {table} WHERE entity = ?)"], [*params, entity]
    if found and found[0] == _MATCHED:
        # words and fields: the words' matches read off the full-text index newest first, each checked against the
        # fields until enough are kept (gathered first, every match of a common word was read: ~20 ms at a million)
        rest = "".join(f" AND {c}" for c in found[1:])
        return (
            "SELECT a.id AS article FROM article_fts CROSS JOIN article a ON a.id = article_fts.rowid "
            f"WHERE article_fts MATCH ?{rest} ORDER BY article_fts.rowid DESC LIMIT {SEARCH_ARTICLES}",
            params,
        )
    where = " AND ".join(found)
    return f"SELECT a.id AS article FROM article a WHERE {where} ORDER BY a.id DESC LIMIT {SEARCH_ARTICLES}", params


_MATCHED = "a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"  # `word_clauses`'s, on the articles


# An entity found by its name with at least this many events has its pages read off the value index in order (a
# page fills within a few thousand rows); with fewer, the table is read once and its events sorted (in index
# order, the rows of a rare one cost a lookup each, ~0.3 s for the whole table at 100,000 articles).
DENSE_EVENTS = 5000


def paged_from(conn: sqlite3.Connection, f: Filters, counted: int | None = None) -> str:
    """The table events are paged from in date order: an entity found by its name with `counted` events, or
    more, reads the value index in order; with fewer (or not counted), the table in its order; any other
    filter gathers its events first and sorts them."""
    if f.entity is not None and f.article is None and not f.search and _by_name(conn, f.entity):
        dense = counted is not None and counted >= DENSE_EVENTS
        return "event e INDEXED BY idx_event_value" if dense else "event e NOT INDEXED"
    return "event e"


# An entity named in this many articles has its events found by its name in the events' participants and place
# (one pass over the events, ~45 ms CPU at 100,000 articles whatever the entity): from its articles they cost
# about that much at 5,000 articles, growing with them.
BY_NAME_ARTICLES = 5000


def _by_name(conn: sqlite3.Connection, entity_id: int) -> bool:
    return entity_counts(conn, entity_id)[1] >= BY_NAME_ARTICLES


def _by_its_articles(conn: sqlite3.Connection, f: Filters) -> bool:
    """Whether `f` has an entity whose events are found from its articles' reports (not by its name)."""
    return f.entity is not None and not _by_name(conn, f.entity)


def _entity_clause(conn: sqlite3.Connection, entity_id: int) -> tuple[str, list]:
    """An entity's events: from its articles' reports (the cost follows how many articles name it); for one named
    in very many, by its name among the events' participants and place."""
    if not _by_name(conn, entity_id):
        return f"e.id IN ({_ENTITY_EVENTS})", [entity_id, entity_id, entity_id]
    names = run(conn, "SELECT canonical FROM entity WHERE id = ?", (entity_id,))
    name = names[0][0] if names else ""
    return "(instr(e.participants, ?) > 0 OR e.place = ?)", [json.dumps(name, ensure_ascii=False), name]


def _searched_events(conn: sqlite3.Connection, f: Filters) -> list[tuple[str | None, int]] | None:
    """(value, rowid) of each event a search keeps (under its other filters), in date order; None without a
    search. Read once (`reuse`) for the Timeline's count, its density strip and its pages, which each evaluated
    the search and its joins again (the events of `SEARCH_ARTICLES` articles at most: a few thousand)."""
    if not f.search:
        return None

    def read() -> list[tuple[str | None, int]]:
        if _by_its_articles(conn, f):
            return _entitys_among_searched(conn, f)
        where, params = merged_where(conn, f)
        return sorted(
            pairs(conn, f"SELECT e.value, e.rowid FROM {_events_by_id(conn)}{where}", params), key=_in_date_order
        )

    return reuse.reused(conn, ("events", f.article, f.entity, f.search), read)


def _events_by_id(conn: sqlite3.Connection) -> str:
    """The events of a search, each found by the id its reports name: its value read off the index by id (schema
    14; SQLite would take the primary key's, then the table's row)."""
    if schema_at_least(conn, EVENT_VALUE_BY_ID_VERSION):
        return f"event e INDEXED BY {EVENT_VALUE_BY_ID_INDEX}"
    return "event e"


def _in_date_order(event: tuple[str | None, int]) -> tuple:
    """(value, rowid) as SQLite orders them: no value first."""
    return event[0] is not None, event[0] or "", event[1]


_AMONG = "SELECT value FROM json_each(?)"


def _entitys_among_searched(conn: sqlite3.Connection, f: Filters) -> list[tuple[str | None, int]]:
    """(value, rowid) of the events in which `f.entity` takes part, as the reports of the search's latest articles
    that name it give them (under its article filter), in date order: the events its own filter finds, among
    those articles. Found by their ids alone, off those articles' reports; only the events kept are read from
    `event`."""
    kept = list(dict.fromkeys(ident for (ident,) in run(conn, *_searched_event_ids(conn, f))))  # (a report each)
    if not kept:
        return []
    rows = pairs(conn, f"SELECT e.value, e.rowid FROM event e WHERE e.id IN ({_AMONG})", [json.dumps(kept)])
    return sorted(rows, key=_in_date_order)


def _searched_event_ids(conn: sqlite3.Connection, f: Filters) -> tuple[str, list]:
    """The SQL of the ids of the events reported by a search's articles (`_searched_articles`; under an entity
    filter, those naming it, and the reports in which it takes part), under its article filter, and its
    parameters: off the reports' article index, no event read; an id for each report."""
    found, params = _searched_articles(conn, f.search, f.entity)
    sql = f"SELECT r.event FROM ({found}) a CROSS JOIN {_REPORTS_OF} ON r.article = a.article WHERE r.event IS NOT NULL"
    if f.entity is not None:  # the reports it takes part in
        sql += f" AND {_TAKES_PART}"
        params = [*params, f.entity, f.entity]
    if f.article is not None:
        sql += " AND r.event IN (SELECT event FROM event_report WHERE article = ?)"
        params = [*params, f.article]
    return sql, params


def _events_by_rowid(conn: sqlite3.Connection, rowids: list[int]) -> list[EventRow]:
    rows = run(
        conn,
        f"SELECT {EVENT_COLS} FROM event e WHERE e.rowid IN (SELECT value FROM json_each(?)) ORDER BY e.value, e.rowid",
        [json.dumps(rowids)],
    )
    return [event_row(r) for r in rows]


def count_merged_events(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    if not has_events(conn):
        return 0
    searched = _searched_events(conn, f)
    if searched is not None:
        return len(searched)
    where, params = merged_where(conn, f)
    return run(conn, f"SELECT COUNT(*) FROM event e{where}", params)[0][0]


# The Timeline's sorts of events: by date (the value order, `idx_event_value`), or by how many reports an event
# has, most first, ties in date order (`idx_event_reports_order`, schema 12): each order ends on the rowid.
EVENT_SORTS = ("date", "reports")
_BY_REPORTS = "e.reports DESC, e.value, e.rowid"


def merged_events(
    conn: sqlite3.Connection,
    f: Filters = Filters(),
    offset: int = 0,
    limit: int = 100,
    counts: list[tuple[str, int]] | None = None,
    sort: str = "date",
) -> list[EventRow]:
    """Events in date order (or by reports, `sort`). The page is found on the value index (or the filtered set)
    first; the reports' dates are looked up for that page's events only. With the filters' `counts`
    (`value_counts`), a page far down starts at its first date's value instead of counting every event before
    it; by reports, a page past the middle is read from the end (`paging.window`)."""
    if not has_events(conn):
        return []
    searched = _searched_events(conn, f)
    if searched is not None:
        if counts and offset:  # as a page read from its first date's value: the dated events alone
            searched = [x for x in searched if x[0] is not None]
        return _events_by_rowid(conn, [rowid for _, rowid in searched[offset : offset + limit]])
    where, params = merged_where(conn, f)
    if sort == "reports":
        return _by_reports(conn, where, params, offset, limit, counts_total(counts) if counts is not None else None)
    table = paged_from(conn, f, counts_total(counts) if counts is not None else None)
    if counts and offset:
        value, before = start_of(counts, offset)
        where = (where + " AND" if where else " WHERE") + " e.value >= ?"
        params, offset = [*params, value], offset - before
    rows = run(
        conn,
        f"WITH page AS (SELECT e.rowid AS rid, e.value, e.rowid AS n FROM {table}{where} "
        "ORDER BY e.value, e.rowid LIMIT ? OFFSET ?) "
        f"SELECT {EVENT_COLS} FROM page CROSS JOIN event e ON e.rowid = page.rid ORDER BY page.value, page.n",
        [*params, limit, offset],
    )
    return [event_row(r) for r in rows]


def _by_reports(
    conn: sqlite3.Connection, where: str, params: list, offset: int, limit: int, total: int | None
) -> list[EventRow]:
    """A page of events most reported first: a range of the reports index, from the nearer end when `total` is
    known; the page's rows then read in full and put in the list's order."""
    w = window(_BY_REPORTS, offset, limit, total)
    rows = run(
        conn,
        f"WITH page AS (SELECT e.rowid AS rid FROM event e{where} ORDER BY {w.order} LIMIT ? OFFSET ?) "
        f"SELECT {EVENT_COLS} FROM page CROSS JOIN event e ON e.rowid = page.rid ORDER BY {_BY_REPORTS}",
        [*params, w.limit, w.offset],
    )
    return [event_row(r) for r in rows]


def merged_event_position(conn: sqlite3.Connection, f: Filters, date: str) -> int:
    """Index in `merged_events(f)` of the first event on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD): a year
    or a month that contains `date` counts as before it, as it sorts."""
    if not has_events(conn):
        return 0
    searched = _searched_events(conn, f)
    if searched is not None:
        return sum(1 for value, _ in searched if value is not None and value < date)
    where, params = merged_where(conn, f)
    where = (where + " AND" if where else " WHERE") + " e.value < ?"
    return run(conn, f"SELECT COUNT(*) FROM event e{where}", [*params, date])[0][0]


def value_counts(conn: sqlite3.Connection, f: Filters = Filters()) -> list[tuple[str, int]]:
    """(value, events) for each date value with events under the filters, in date order: one GROUP BY, over
    the value index unfiltered (a few hundred distinct values at 100,000 articles). The count, the density
    by month, a date's place and where a page starts all follow from it (`counts_total`, `counts_by_month`,
    `counts_position`, `start_of`), so a caller that keeps it asks SQLite once."""
    if not has_events(conn):
        return []
    searched = _searched_events(conn, f)
    if searched is not None:
        return [(value, len(list(same))) for value, same in groupby(searched, key=lambda x: x[0]) if value is not None]
    where, params = merged_where(conn, f)
    table = paged_from(conn, f)  # by name, in table order (in value order, each row would be a lookup)
    return [
        (value, n)
        for value, n in run(conn, f"SELECT e.value, COUNT(*) FROM {table}{where} GROUP BY e.value", params)
        if value is not None
    ]


def counts_total(counts: list[tuple[str, int]]) -> int:
    return sum(n for _, n in counts)


def counts_by_month(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(YYYY-MM, events) for each month with events, in order. Events dated only to the year are left out:
    they belong to no month."""
    by_month: Counter[str] = Counter()
    for value, n in counts:
        if len(value) >= 7 and value[4] == "-":
            by_month[value[:7]] += n
    return sorted(by_month.items())


def counts_position(counts: list[tuple[str, int]], date: str) -> int:
    """The index of the first event on or after `date`, as `merged_event_position` counts it."""
    return sum(n for value, n in counts if value < date)


def start_of(counts: list[tuple[str, int]], offset: int) -> tuple[str, int]:
    """The value of the event at `offset` in date order and how many events come before that value (past
    the end: the last value)."""
    before = 0
    for value, n in counts:
        if before + n > offset:
            return value, before
        before += n
    return counts[-1][0], before - counts[-1][1]


def event_density(conn: sqlite3.Connection, f: Filters = Filters()) -> list[tuple[str, int]]:
    """(YYYY-MM, events) for each month with events under the filters, in order (`value_counts`, `counts_by_month`)."""
    return counts_by_month(value_counts(conn, f))


# ---------------------------------------------------------------- an entity's events (its page)


# An entity's page lists the events of its latest articles only (like its co-occurrences): reading the events
# of all the mentions of one named in thousands of articles took 50 ms and more at 100,000 articles, and the
# reports of its latest 500 up to ~50 ms with a cold cache (~10 warm).
PAGE_ARTICLES = 200

# The events of an entity's latest articles in which it takes part or happens.
_LATEST_EVENTS = (
    "WITH arts AS (SELECT article FROM entity_article WHERE entity = ? ORDER BY article DESC LIMIT ?) "
    f"SELECT DISTINCT r.event FROM arts CROSS JOIN {_REPORTS_OF} ON r.article = arts.article WHERE {_TAKES_PART}"
)


def entity_merged_events(conn: sqlite3.Connection, entity_id: int, limit: int, cap: int) -> tuple[list[EventRow], int]:
    """An entity's first `limit` events in date order among those of its latest `PAGE_ARTICLES` articles, and
    how many those are, counted up to `cap`."""
    if not has_events(conn):
        return [], 0
    found = run(
        conn,
        f"WITH ev AS ({_LATEST_EVENTS}) SELECT e.rowid FROM ev CROSS JOIN event e ON e.id = ev.event "
        "ORDER BY e.value, e.rowid",
        (entity_id, PAGE_ARTICLES, entity_id, entity_id),
    )
    first = [rid for (rid,) in found[:limit]]
    rows = run(
        conn,
        f"SELECT {EVENT_COLS} FROM event e WHERE e.rowid IN ({','.join('?' * len(first))}) ORDER BY e.value, e.rowid",
        first,
    )
    return [event_row(r) for r in rows], min(len(found), cap)


# ---------------------------------------------------------------- one event


_REPORT_COLS = (
    "r.id, r.article, a.key, " + TITLE + ", a.source, a.published, r.start, r.end, "
    "substr(a.text, r.start + 1, min(r.end - r.start, 600)), r.timex_start, r.timex_end, r.value, "
    "r.weekday_value, r.basis, COALESCE(t.uncertain, 0)"
)


def event_page(conn: sqlite3.Connection, event_id: str, limit: int = 200) -> EventPage | None:
    """One event: its readings, its first `limit` reports (oldest article first), its participants and place
    with the entities they name. None when there is no such event (merged again since, or gone)."""
    if not has_events(conn):
        return None
    rows = run(conn, f"SELECT {EVENT_COLS}, e.readings FROM event e WHERE e.id = ?", (event_id,))
    if not rows:
        return None
    event = event_row(rows[0][:-1])
    reports = [
        _report(r)
        for r in run(
            conn,
            f"SELECT {_REPORT_COLS} FROM event_report r JOIN article a ON a.id = r.article "
            "LEFT JOIN timex t ON t.article = r.article AND t.start = r.timex_start AND t.end = r.timex_end "
            "WHERE r.event = ? ORDER BY a.published, a.key, r.start LIMIT ?",
            (event_id, limit),
        )
    ]
    total = run(conn, "SELECT COUNT(*) FROM event_report WHERE event = ?", (event_id,))[0][0]
    names = [*event.participants, *([event.place] if event.place else [])]
    ids = _entity_ids(conn, names)
    return EventPage(
        event=event,
        readings=_readings(rows[0][-1]),
        reports=reports,
        reports_total=total,
        participants=[(n, ids.get(n)) for n in event.participants],
        place=(event.place, ids.get(event.place)) if event.place else None,
    )


def _entity_ids(conn: sqlite3.Connection, names: list[str]) -> dict[str, int]:
    if not names:
        return {}
    marks = ",".join("?" * len(names))
    return dict(run(conn, f"SELECT canonical, id FROM entity WHERE canonical IN ({marks})", names))


def _json_list(text: str | None) -> list:
    """A stored JSON list, or an empty one when it is not one (a damaged row is shown without it)."""
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _readings(text: str | None) -> list[EventReading]:
    out = []
    for d in _json_list(text):
        if not isinstance(d, dict):
            continue
        basis = d.get("basis")
        out.append(
            EventReading(
                str(d.get("value") or "?"),
                [str(a) for a in d.get("articles") or []],
                [str(b) for b in basis] if isinstance(basis, list) else [str(basis)] if basis else [],
            )
        )
    return out


def event_row(r: tuple) -> EventRow:
    ident, value, summary, trigger, participants, place, reports, conflict, uncertain = r
    names = [str(n) for n in _json_list(participants)]
    return EventRow(ident, value, summary, trigger, names, place, reports or 0, bool(conflict), bool(uncertain))


def _report(r: tuple) -> EventReport:
    r = list(r)
    r[-1] = bool(r[-1])
    return EventReport(*r)
