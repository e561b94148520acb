"""Corpus-wide events after an ingest: the reports of the years an ingest touched, merged again.

Reports are merged within their year (`event_report.part`: reports of one event share it, as their dates
must be compatible). Writing or removing an article marks its reports' years behind (`event_dirty`, in the
article's own transaction: the mark cannot be lost); so does a family name merged into a full name
(`entity_refresh`). `refresh_events` merges those years again from their reports, in one transaction that
clears their marks, so an ingest that died before it leaves them marked and the next one redoes them; an
ingest that wrote nothing has nothing to do. A year merged again gives what a merge of the whole corpus does.

A user's correction of a few reports' dates re-merges less than their years (`around`, then `remerge`): only
the reports whose merge can depend on them, their neighbourhood (`neighbourhood`). Two reports are compared only
when they share a participant (every join of `model.corpus.event_merge.cluster` asks for one) or a user merged
their events, so the reports of a year fall into sets closed under both, whose merges do not depend on each
other: merging the sets that hold the changed reports, before and after the change, gives what a merge of the
year does (`tests/model/corpus/test_event_remerge.py` compares the two).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from model.corpus.event_merge import Event, Report, cluster, event_of
from model.records import DATELINE_PLACE_BASIS

_REPORTS = (
    "SELECT r.id, a.key, r.timex_start, r.trigger, r.value, r.weekday_value, r.basis, pe.canonical, r.event_start, "
    "r.trigger_pos, t.text, "
    f"CASE WHEN pe.label = 'GPE' AND r.place_start >= r.start AND pm.basis <> '{DATELINE_PLACE_BASIS}' "
    "THEN pe.canonical END "
    "FROM event_report r JOIN article a ON a.id = r.article "
    "LEFT JOIN timex t ON t.article = r.article AND t.start = r.timex_start "  # (the date as written, off its index)
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


def _merge_part(conn: sqlite3.Connection, part: str, only: set[int] | None = None) -> None:
    """Merge the reports of year `part` (or `only` those of its reports: a set closed under `neighbourhood`)."""
    among = "" if only is None else " AND r.id IN (SELECT value FROM json_each(?))"
    params = (part,) if only is None else (part, json.dumps(sorted(only)))
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
            timex_text=said or "",
            place_named=named,
        )
        for rid, key, ts, trigger, value, weekday, basis, place, at, pos, said, named in conn.execute(
            _REPORTS.replace(" ORDER BY", among + " ORDER BY"), params
        )
    }
    for rid, role, name in conn.execute(_ROLES.replace(" ORDER BY", among + " ORDER BY"), params):
        (reports[rid].agents if role == "agent" else reports[rid].patients).append(name)
    for group in corrected(conn, part, cluster(list(reports.values()))):
        _store(conn, part, event_of(group))


# ---------------------------------------------------------------- a few reports merged again

_IDS = "SELECT value FROM json_each(?)"
_PARTICIPANTS_OF = (
    "SELECT DISTINCT m.entity FROM event_role er JOIN mention m ON m.article = er.article AND m.start = er.start "
    f"AND m.end = er.end WHERE er.report IN ({_IDS}) AND m.entity IS NOT NULL"
)
_REPORTS_WITH = (  # the reports of a year in whose frames one of these entities takes part
    "SELECT DISTINCT er.report FROM mention m JOIN event_role er ON er.article = m.article AND er.start = m.start "
    f"AND er.end = m.end JOIN event_report r ON r.id = er.report WHERE m.entity IN ({_IDS}) AND r.part = ?"
)


def _ids(ids: Iterable) -> str:
    return json.dumps(sorted(ids))


def _merged_by_user(conn: sqlite3.Connection, part: str) -> list[set[int]]:
    """The reports of `part` each event_merge correction joins (both its sides), as sets."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='correction'").fetchone():
        return []
    out = []
    for target, value in conn.execute("SELECT target, value FROM correction WHERE kind='event_merge'").fetchall():
        t, v = json.loads(target), json.loads(value or "{}")
        ids = _report_ids(conn, part, t.get("article"), t.get("timex_start"))
        ids |= _report_ids(conn, part, v.get("article"), v.get("timex_start"))
        if ids:
            out.append(ids)
    return out


def neighbourhood(conn: sqlite3.Connection, part: str, seeds: set[int]) -> set[int]:
    """The reports of year `part` reached from `seeds` through shared participants and a user's event merges:
    the only ones whose merge can depend on the seeds."""
    found, frontier, entities = set(seeds), set(seeds), set()
    joined = _merged_by_user(conn, part)
    while frontier:
        new_entities = {r[0] for r in conn.execute(_PARTICIPANTS_OF, (_ids(frontier),))} - entities
        entities |= new_entities
        reached = {r[0] for r in conn.execute(_REPORTS_WITH, (_ids(new_entities), part))} if new_entities else set()
        for ids in joined:
            if ids & (found | reached):
                reached |= ids
        frontier = reached - found
        found |= frontier
    return found


def _parts_of(conn: sqlite3.Connection, reports: Iterable[int]) -> dict[str, set[int]]:
    by_part: dict[str, set[int]] = {}
    for rid, part in conn.execute(f"SELECT id, part FROM event_report WHERE id IN ({_IDS})", (_ids(reports),)):
        by_part.setdefault(part, set()).add(rid)
    return by_part


def _behind(conn: sqlite3.Connection, parts: Iterable[str]) -> bool:
    """Whether a year of `parts` is marked to be merged whole anyway."""
    return any(conn.execute("SELECT 1 FROM event_dirty WHERE part=?", (p,)).fetchone() for p in parts)


@dataclass
class Around:
    """Before a change of some reports' dates: the reports whose merge may depend on them, by year, and the
    events those are in (`around`); `remerge` after the change. `whole`: their years are to be merged whole."""

    parts: dict[str, set[int]] = field(default_factory=dict)
    events: set[str] = field(default_factory=set)
    whole: bool = False


def around(conn: sqlite3.Connection, reports: Iterable[int]) -> Around:
    """What a change of `reports`' dates may alter, taken before the change (inside the caller's transaction)."""
    by_part = _parts_of(conn, reports)
    if _behind(conn, by_part):
        return Around(by_part, whole=True)
    parts = {p: neighbourhood(conn, p, ids) for p, ids in by_part.items()}
    every = set().union(*parts.values()) if parts else set()
    events = {
        r[0] for r in conn.execute(f"SELECT DISTINCT event FROM event_report WHERE id IN ({_IDS})", (_ids(every),))
    }
    return Around(parts, events - {None})


def remerge(conn: sqlite3.Connection, before: Around, reports: Iterable[int]) -> int:
    """After the change (inside the caller's transaction): merge again the reports `before` named that are still
    there and the changed `reports` as they are now (ids of rows written again included), with their
    neighbourhoods, in place of the events they were in. A year already marked behind is marked, not merged
    here. Returns the number of reports merged again."""
    old = set().union(*before.parts.values()) if before.parts else set()
    seeds = _parts_of(conn, old | set(reports))
    if before.whole or _behind(conn, seeds):
        _mark_behind(conn, {*before.parts, *seeds})
        return 0
    parts = {p: neighbourhood(conn, p, ids) for p, ids in seeds.items()}
    every = set().union(*parts.values()) if parts else set()
    events = before.events | {
        r[0] for r in conn.execute(f"SELECT DISTINCT event FROM event_report WHERE id IN ({_IDS})", (_ids(every),))
    }
    conn.execute(f"DELETE FROM event WHERE id IN ({_IDS})", (_ids(events - {None}),))
    for part in sorted(parts):
        _merge_part(conn, part, parts[part])
    return len(every)


def _mark_behind(conn: sqlite3.Connection, parts: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO event_dirty(part) VALUES (?)", [(p,) for p in parts])


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
