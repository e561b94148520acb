"""Corpus-wide events after an ingest: the reports of the years an ingest touched, merged again.

Reports are merged within their year (`event_report.part`: reports of one event share it, as their dates
must be compatible). Writing or removing an article marks its reports' years behind (`event_dirty`, in the
article's own transaction: the mark cannot be lost); so does a family name merged into a full name
(`entity_refresh`). `refresh_events` merges those years again from their reports, in one transaction that
clears their marks, so an ingest that died before it leaves them marked and the next one redoes them; an
ingest that wrote nothing has nothing to do. A year merged again gives what a merge of the whole corpus does.
"""

from __future__ import annotations

import json
import sqlite3

from model.corpus.event_merge import Event, Report, cluster, event_of

_REPORTS = (
    "SELECT r.id, a.key, r.timex_start, r.trigger, r.value, r.weekday_value, r.basis, pe.canonical, r.event_start, "
    "r.trigger_pos "
    "FROM event_report r JOIN article a ON a.id = r.article "
    "LEFT JOIN mention pm ON pm.article = r.article AND pm.start = r.place_start AND pm.end = r.place_end "
    "LEFT JOIN entity pe ON pe.id = pm.entity WHERE r.part = ? ORDER BY r.id"
)
_ROLES = (
    "SELECT er.report, er.role, e.canonical FROM event_role er JOIN event_report r ON r.id = er.report "
    "JOIN mention m ON m.article = er.article AND m.start = er.start AND m.end = er.end "
    "JOIN entity e ON e.id = m.entity WHERE r.part = ? ORDER BY er.report, er.start"
)
_INSERT_EVENT = (
    "INSERT INTO event(id, part, value, summary, trigger, participants, place, readings, conflict, reports) "
    "VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def refresh_events(conn: sqlite3.Connection, everything: bool = False) -> int:
    """Merge the reports of every year marked behind (or, `everything`, of every year) into events again and
    clear the marks, in one transaction. Returns the number of years merged."""
    if not everything and conn.execute("SELECT 1 FROM event_dirty LIMIT 1").fetchone() is None:
        return 0  # nothing written since the last merge: no work
    with conn:
        if everything:
            conn.execute("INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report")
            conn.execute("DELETE FROM event")
        parts = [r[0] for r in conn.execute("SELECT part FROM event_dirty ORDER BY part")]
        # every dirty year's events go first: a report that moved years names its event again in the new one
        conn.execute("DELETE FROM event WHERE part IN (SELECT part FROM event_dirty)")
        for part in parts:
            _merge_part(conn, part)
        conn.execute("DELETE FROM event_dirty")
    return len(parts)


def _merge_part(conn: sqlite3.Connection, part: str) -> None:
    reports = {
        rid: Report(
            rid,
            key,
            ts,
            trigger,
            value,
            weekday,
            basis or "",
            place=place,
            trigger_at=at,
            noun=pos in ("NOUN", "PROPN"),
        )
        for rid, key, ts, trigger, value, weekday, basis, place, at, pos in conn.execute(_REPORTS, (part,))
    }
    for rid, role, name in conn.execute(_ROLES, (part,)):
        (reports[rid].agents if role == "agent" else reports[rid].patients).append(name)
    for group in corrected(conn, part, cluster(list(reports.values()))):
        _store(conn, part, event_of(group))


def _report_ids(conn: sqlite3.Connection, part: str, key: str | None, timex_start) -> set[int]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT r.id FROM event_report r JOIN article a ON a.id = r.article WHERE r.part=? AND a.key=? "
            "AND r.timex_start=?",
            (part, key, timex_start),
        )
    }


def corrected(conn: sqlite3.Connection, part: str, groups: list[list[Report]]) -> list[list[Report]]:
    """The merge's groups with a user's event corrections of the year applied, in the order they were made: a
    report split off its event is an event of its own; two events a user merged are one (`correction` rows of
    kinds event_split and event_merge, by a report of each: its article's key and the offset of its date)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='correction'").fetchone():
        return groups
    rows = conn.execute(
        "SELECT kind, target, value FROM correction WHERE kind IN ('event_split', 'event_merge') ORDER BY id"
    ).fetchall()
    for kind, target, value in rows:
        t, v = json.loads(target), json.loads(value or "{}")
        ids = _report_ids(conn, part, t.get("article"), t.get("timex_start"))
        if not ids:
            continue
        if kind == "event_split":
            groups = _split(groups, ids)
        else:
            groups = _join(groups, ids, _report_ids(conn, part, v.get("article"), v.get("timex_start")))
    return groups


def _split(groups: list[list[Report]], ids: set[int]) -> list[list[Report]]:
    out = []
    for g in groups:
        inside = [r for r in g if r.id in ids]
        if not inside or len(g) == 1:
            out.append(g)
            continue
        rest = [r for r in g if r.id not in ids]
        out += [[r] for r in inside] + ([rest] if rest else [])
    return out


def _join(groups: list[list[Report]], a: set[int], b: set[int]) -> list[list[Report]]:
    if not b:
        return groups
    together = [g for g in groups if any(r.id in a or r.id in b for r in g)]
    if len(together) < 2:
        return groups
    merged = sorted((r for g in together for r in g), key=lambda r: (r.article, r.timex_start))
    return [g for g in groups if not any(g is t for t in together)] + [merged]


def _store(conn: sqlite3.Connection, part: str, ev: Event) -> None:
    readings = [{"value": r.value, "articles": r.articles, "basis": r.basis} for r in ev.readings]
    conn.execute(
        _INSERT_EVENT,
        (
            ev.id,
            part,
            ev.value,
            ev.summary,
            ev.trigger,
            json.dumps(ev.participants, ensure_ascii=False),
            ev.place,
            json.dumps(readings, ensure_ascii=False),
            int(ev.conflict),
            len(ev.reports),
        ),
    )
    conn.executemany("UPDATE event_report SET event=? WHERE id=?", [(ev.id, r.id) for r in ev.reports])
