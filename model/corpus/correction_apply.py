"""Applying a user's corrections to the extracted rows, replaying them after every extraction, and undoing them.

The extracted rows are changed in place, so browsing and exports read corrected values at no cost; each
correction keeps what it replaced (`original`), and undoing one puts that back. What a correction of an article's
span replaced is a snapshot of the row (a quote with its speakers' names; a date with the event reports it
anchors), taken from the rows as extracted the first time it is applied after a (re-)extraction. What an entity
correction moved is marked on the rows it moved (` ⟨#ID⟩` at the end of a mention's or quote's basis), so undoing
it moves exactly those back, whichever ingest moved them.

Replay (`replay`): an article written again marks its corrections pending (`model.corpus.write`); after the
ingest's entity refresh, the pending ones and every entity correction are applied again, in the order they were
made. One whose target is gone is marked orphaned (and listed), never dropped. Event corrections take effect
in the merge itself (`model.corpus.event_refresh`); here they are only checked. A date's correction merges again
only the events its reports' merge can touch (`event_refresh.around`, `remerge`), not their years. Everything runs inside the
caller's transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from model.corpus import correction_store as store
from model.corpus.correction_store import APPLIED, KINDS, ORPHANED, PENDING, Correction
from model.corpus.entity_refresh import recount_entities
from model.corpus.event_refresh import around, remerge
from model.corpus.statement_refresh import repart, unlink_quote
from model.corpus.summary import summarise
from model.dates import granularity, value_range

EVENT_GRANULARITIES = ("year", "month", "day")  # the dates an event report is kept for (`model.extract.events`)
USER_BASIS = "set by you"


def mark_of(cid: int) -> str:
    """What an entity correction appends to the basis of the rows it moved."""
    return f" ⟨#{cid}⟩"


@dataclass
class Work:
    """What a run of corrections changed, finished once at its end (`finish`)."""

    entities: set[int] = field(default_factory=set)  # entities to recount (aliases, counts, labels, orphans)
    articles: set[int] = field(default_factory=set)  # articles whose summary rows to redo
    events: set[int] = field(default_factory=set)  # articles whose event years to merge again (participants renamed)
    applied: int = 0
    orphaned: int = 0


def replay(conn: sqlite3.Connection) -> Work:
    """Apply again every pending correction of an article and every entity correction, oldest first."""
    work = Work()
    if not store.has_table(conn):
        return work
    for c in store.every(conn, "status=? OR article_key IS NULL", (PENDING,)):
        apply(conn, c, work)
    finish(conn, work)
    return work


def apply(conn: sqlite3.Connection, c: Correction, work: Work) -> str:
    """Apply one correction; record and return its status (applied, or orphaned when its target is gone)."""
    status, original = APPLY[c.kind](conn, c, work)
    if c.original is not None and KINDS[c.kind][0] in ("entity", "article"):
        original = None  # an entity's or an article's original is what it was before the first application
    store.mark(conn, c, status, original)
    if status == APPLIED:
        work.applied += 1
    else:
        work.orphaned += 1
    return status


def finish(conn: sqlite3.Connection, work: Work) -> None:
    """Recount the entities the corrections touched, redo the summaries of their articles, and mark the event
    years of the articles whose entities moved behind (their participants' names changed). A date's correction
    marks its own years; a quote's touches no event."""
    if work.entities:
        recount_entities(conn, work.entities)
    if work.articles:
        ids = sorted(work.articles)
        summarise(conn, f"SELECT id FROM article WHERE id IN ({','.join('?' * len(ids))})", tuple(ids))
        quotes = f"SELECT id FROM quote WHERE article IN ({','.join('?' * len(ids))})"
        repart(conn, [r[0] for r in conn.execute(quotes, tuple(ids)).fetchall()])  # their statements: behind
    if work.events:
        ids = sorted(work.events)
        conn.execute(
            "INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report "
            f"WHERE article IN ({','.join('?' * len(ids))})",
            tuple(ids),
        )
    work.entities.clear()
    work.articles.clear()
    work.events.clear()


# ---------------------------------------------------------------- entities


def _entity(conn: sqlite3.Connection, name: str | None):
    """(id, canonical, label, family) of the entity named `name` (case aside), or None."""
    if not name:
        return None
    return conn.execute(
        "SELECT id, canonical, label, family FROM entity WHERE canonical = ? COLLATE NOCASE", (name,)
    ).fetchone()


def _entity_or_new(conn: sqlite3.Connection, name: str, label: str | None, family: str | None) -> int:
    row = _entity(conn, name)
    if row:
        return row[0]
    return conn.execute(
        "INSERT INTO entity(canonical, label, family, mentions, articles) VALUES (?,?,?,0,0)", (name, label, family)
    ).lastrowid


def _snapshot(row) -> dict:
    return {"canonical": row[1], "label": row[2], "family": row[3]}


def _merge(conn: sqlite3.Connection, c: Correction, work: Work):
    src, dst = _entity(conn, c.target["entity"]), _entity(conn, c.value["into"])
    if dst is None:
        return ORPHANED, None
    if src is None or src[0] == dst[0]:
        return APPLIED, None  # nothing (more) to move: the state holds
    _move(conn, c, src[0], dst[0], work)
    return APPLIED, _snapshot(src)


def _rename(conn: sqlite3.Connection, c: Correction, work: Work):
    """A new canonical name: the entity's rows move to an entity of that name (made like it, or one that has it)."""
    src, name = _entity(conn, c.target["entity"]), c.value["name"]
    if src is None:
        return (APPLIED if _entity(conn, name) else ORPHANED), None
    dst = _entity(conn, name)
    if dst is not None and dst[0] == src[0]:  # only the case of its letters changes
        work.events.update(r[0] for r in conn.execute("SELECT DISTINCT article FROM mention WHERE entity=?", (src[0],)))
        conn.execute("UPDATE entity SET canonical=? WHERE id=?", (name, src[0]))
        _rename_speakers(conn, src[1], name, "speaker_entity=?", (src[0],))
        work.articles.update(
            r[0] for r in conn.execute("SELECT DISTINCT article FROM quote WHERE speaker_entity=?", (src[0],))
        )
        return APPLIED, _snapshot(src)
    did = dst[0] if dst else _entity_or_new(conn, name, src[2], src[3])
    _move(conn, c, src[0], did, work)
    return APPLIED, _snapshot(src)


def _split(conn: sqlite3.Connection, c: Correction, work: Work):
    """The mentions that name the entity by one alias become another entity's (a new one, or one that exists)."""
    alias, into = c.target["alias"], c.value["into"]
    src = _entity(conn, c.target["entity"])
    moved = 0
    if src is not None:
        label = c.value.get("label") or src[2]
        did = _entity_or_new(conn, into, label, None)
        if did != src[0]:
            moved = _move(conn, c, src[0], did, work, alias)
        work.entities.add(did)
    dst = _entity(conn, into)
    holds = (
        dst is not None
        and conn.execute(
            "SELECT 1 FROM mention WHERE entity=? AND text=? COLLATE NOCASE LIMIT 1", (dst[0], alias)
        ).fetchone()
    )
    if not moved and not holds:
        return ORPHANED, None
    return APPLIED, _snapshot(src) if src else None


def _set_type(conn: sqlite3.Connection, c: Correction, work: Work):
    row = _entity(conn, c.target["entity"])
    if row is None:
        return ORPHANED, None
    conn.execute("UPDATE entity SET label=? WHERE id=?", (c.value["label"], row[0]))
    return APPLIED, _snapshot(row)


_ALIAS_MATCH = "(text = ? COLLATE NOCASE OR (title IS NOT NULL AND title || ' ' || text = ? COLLATE NOCASE))"


def _move(conn: sqlite3.Connection, c: Correction, src: int, dst: int, work: Work, alias: str | None = None) -> int:
    """Entity `src`'s mentions (only those naming it by `alias`, when given) and the quotes it speaks become
    entity `dst`'s, each marked with the correction. Returns how many mentions moved."""
    mark = mark_of(c.id)
    which, params = ("entity=?", (src,)) if alias is None else (f"entity=? AND {_ALIAS_MATCH}", (src, alias, alias))
    moving = {r[0] for r in conn.execute(f"SELECT DISTINCT article FROM mention WHERE {which}", params)}
    work.articles.update(moving)
    work.events.update(moving)
    moved = conn.execute(
        f"UPDATE mention SET entity=?, basis=COALESCE(basis, '') || ? WHERE {which}", (dst, mark, *params)
    ).rowcount
    if alias is None:
        quotes = "SELECT id FROM quote WHERE speaker_entity=? UNION SELECT quote FROM quote_speaker WHERE entity=?"
        qparams: tuple = (src, src)
    else:  # the quotes whose speaker was read from a mention that moved
        quotes = (
            "SELECT q.id FROM quote q WHERE q.speaker_entity=? AND EXISTS (SELECT 1 FROM mention m WHERE "
            "m.article = q.article AND m.start = q.speaker_start AND m.end = q.speaker_end AND m.entity=?)"
        )
        qparams = (src, dst)
    qids = [r[0] for r in conn.execute(quotes, qparams)]
    _move_speakers(conn, qids, src, dst, mark)
    work.entities.update((src, dst))
    work.articles.update(r[0] for r in _quote_articles(conn, qids))
    return moved


def _quote_articles(conn: sqlite3.Connection, qids: list[int]):
    if not qids:
        return []
    return conn.execute(f"SELECT DISTINCT article FROM quote WHERE id IN ({','.join('?' * len(qids))})", qids)


def _move_speakers(conn: sqlite3.Connection, qids: list[int], src: int, dst: int, mark: str) -> None:
    """The quotes `qids` spoken by `src` are spoken by `dst` (a joint speaker's name names the member again)."""
    if not qids:
        return
    old = conn.execute("SELECT canonical FROM entity WHERE id=?", (src,)).fetchone()[0]
    new = conn.execute("SELECT canonical FROM entity WHERE id=?", (dst,)).fetchone()[0]
    for qid in qids:
        conn.execute(
            "UPDATE quote SET speaker_entity = CASE WHEN speaker_entity=? THEN ? ELSE speaker_entity END, "
            "basis = COALESCE(basis, '') || ? WHERE id=?",
            (src, dst, mark, qid),
        )
        conn.execute("UPDATE OR IGNORE quote_speaker SET entity=? WHERE quote=? AND entity=?", (dst, qid, src))
        conn.execute("DELETE FROM quote_speaker WHERE quote=? AND entity=?", (qid, src))
    _rename_speakers(conn, old, new, f"id IN ({','.join('?' * len(qids))})", tuple(qids))


def _rename_speakers(conn: sqlite3.Connection, old: str, new: str, which: str, params: tuple) -> None:
    """In the quotes `which` selects, the speaker's name (or a joint speaker's member) `old` becomes `new`."""
    for qid, name in conn.execute(f"SELECT id, speaker_name FROM quote WHERE {which}", params).fetchall():
        parts = [new if p.casefold() == old.casefold() else p for p in (name or "").split("; ")]
        conn.execute("UPDATE quote SET speaker_name=? WHERE id=?", ("; ".join(dict.fromkeys(parts)) or None, qid))


def undo_entity(conn: sqlite3.Connection, c: Correction, work: Work) -> None:
    """Undo an entity correction: the rows it moved go back to the entity it took them from (made again if it
    went), without its mark; a type goes back to the one most mentions carry."""
    before = c.original or {}
    name = before.get("canonical") or c.target["entity"]
    if c.kind == "entity_type":
        row = _entity(conn, name)
        if row:
            work.entities.add(row[0])
        return
    mark = mark_of(c.id)
    like = f"%{mark}%"
    moved = conn.execute("SELECT COUNT(*) FROM mention WHERE basis LIKE ?", (like,)).fetchone()[0]
    quotes = [r[0] for r in conn.execute("SELECT id FROM quote WHERE basis LIKE ?", (like,))]
    if c.kind == "entity_rename" and not moved and not quotes:  # only the case of its letters had changed
        row = _entity(conn, c.value["name"])
        if row:
            work.events.update(
                r[0] for r in conn.execute("SELECT DISTINCT article FROM mention WHERE entity=?", (row[0],))
            )
            conn.execute("UPDATE entity SET canonical=? WHERE id=?", (name, row[0]))
            _rename_speakers(conn, row[1], name, "speaker_entity=?", (row[0],))
        return
    if not moved and not quotes:
        return
    src = _entity_or_new(conn, name, before.get("label"), before.get("family"))
    moving = {r[0] for r in conn.execute("SELECT DISTINCT article FROM mention WHERE basis LIKE ?", (like,))}
    work.articles.update(moving)
    work.events.update(moving)
    work.entities.update(r[0] for r in conn.execute("SELECT DISTINCT entity FROM mention WHERE basis LIKE ?", (like,)))
    conn.execute(
        "UPDATE mention SET entity=?, basis=NULLIF(replace(basis, ?, ''), '') WHERE basis LIKE ?", (src, mark, like)
    )
    for qid in quotes:
        holders = [r[0] for r in conn.execute("SELECT entity FROM quote_speaker WHERE quote=?", (qid,))]
        current = conn.execute("SELECT speaker_entity FROM quote WHERE id=?", (qid,)).fetchone()[0]
        holder = current if current is not None else (holders[0] if holders else None)
        if holder is not None and holder != src:
            _move_speakers(conn, [qid], holder, src, "")
            work.entities.add(holder)
        conn.execute("UPDATE quote SET basis=NULLIF(replace(basis, ?, ''), '') WHERE id=?", (mark, qid))
    work.entities.add(src)
    work.articles.update(r[0] for r in _quote_articles(conn, quotes))


# ---------------------------------------------------------------- an article's spans: quotes and dates

_QUOTE_COLUMNS = (
    "article, start, end, text, kind, cue, cue_start, cue_end, speaker_name, speaker_entity, speaker_start, "
    "speaker_end, basis, confidence, said_on, said_on_start, said_on_end, said_on_basis"
)
_TIMEX_COLUMNS = (
    "article, start, end, text, type, value, anchor, basis, sentence, value_start, value_end, uncertain, spec, "
    "event_start, event_end"
)
_REPORT_COLUMNS = (
    "article, start, end, timex_start, timex_end, event_start, event_end, trigger, trigger_pos, value, "
    "weekday_value, basis, place_start, place_end, part"
)


def find_span(conn: sqlite3.Connection, table: str, c: Correction) -> tuple[int, int] | None:
    """(article id, row id) of the quote or date `c` names: at its span, or, when the article changed, the one
    row of the article with the same text (the correction's target follows it there); None when it is gone."""
    t = c.target
    art = conn.execute("SELECT id FROM article WHERE key=?", (t["article"],)).fetchone()
    if art is None:
        return None
    aid = art[0]
    row = conn.execute(
        f"SELECT id, text FROM {table} WHERE article=? AND start=? AND end=? ORDER BY id LIMIT 1",
        (aid, t["start"], t["end"]),
    ).fetchone()
    if row and (t.get("text") is None or row[1] == t["text"]):
        return aid, row[0]
    if t.get("text") is None:
        return None
    same = conn.execute(f"SELECT id, start, end FROM {table} WHERE article=? AND text=?", (aid, t["text"])).fetchall()
    if len(same) != 1:
        return None
    t["start"], t["end"] = same[0][1], same[0][2]
    return aid, same[0][0]


def _quote_snapshot(conn: sqlite3.Connection, qid: int) -> dict:
    cols = [c.strip() for c in _QUOTE_COLUMNS.split(",")]
    row = dict(zip(cols, conn.execute(f"SELECT {_QUOTE_COLUMNS} FROM quote WHERE id=?", (qid,)).fetchone()))
    row["speaker_entity"] = _name_of(conn, row["speaker_entity"])
    row["speakers"] = [
        r[0]
        for r in conn.execute(
            "SELECT e.canonical FROM quote_speaker qs JOIN entity e ON e.id = qs.entity WHERE qs.quote=? ORDER BY e.id",
            (qid,),
        )
    ]
    return row


def _name_of(conn: sqlite3.Connection, eid: int | None) -> str | None:
    if eid is None:
        return None
    row = conn.execute("SELECT canonical FROM entity WHERE id=?", (eid,)).fetchone()
    return row[0] if row else None


def _quote_speakers(conn: sqlite3.Connection, qid: int) -> set[int]:
    ids = {r[0] for r in conn.execute("SELECT entity FROM quote_speaker WHERE quote=?", (qid,))}
    one = conn.execute("SELECT speaker_entity FROM quote WHERE id=?", (qid,)).fetchone()
    return ids | ({one[0]} if one and one[0] is not None else set())


def _quote(conn: sqlite3.Connection, c: Correction, work: Work):
    found = find_span(conn, "quote", c)
    if found is None:
        return ORPHANED, None
    aid, qid = found
    original = _quote_snapshot(conn, qid)
    work.articles.add(aid)
    work.entities.update(_quote_speakers(conn, qid))
    if c.kind == "quote_reject":
        unlink_quote(conn, qid)
        conn.execute("DELETE FROM quote_speaker WHERE quote=?", (qid,))
        conn.execute("DELETE FROM quote WHERE id=?", (qid,))
    elif c.kind == "quote_kind":
        conn.execute("UPDATE quote SET kind=? WHERE id=?", (c.value["kind"], qid))
    else:
        name = c.value.get("speaker") or None
        row = _entity(conn, name)
        conn.execute(
            "UPDATE quote SET speaker_name=?, speaker_entity=?, speaker_start=NULL, speaker_end=NULL WHERE id=?",
            (row[1] if row else name, row[0] if row else None, qid),
        )
        conn.execute("DELETE FROM quote_speaker WHERE quote=?", (qid,))
        if row:
            conn.execute("INSERT INTO quote_speaker(quote, entity) VALUES (?,?)", (qid, row[0]))
            work.entities.add(row[0])
    return APPLIED, original


def _restore_quote(conn: sqlite3.Connection, c: Correction, original: dict, work: Work) -> None:
    """The quote at `c`'s span as extracted (`original`), in place of what is there now."""
    aid = conn.execute("SELECT id FROM article WHERE key=?", (c.target["article"],)).fetchone()[0]
    for (qid,) in conn.execute(
        "SELECT id FROM quote WHERE article=? AND start=? AND end=?", (aid, c.target["start"], c.target["end"])
    ).fetchall():
        work.entities.update(_quote_speakers(conn, qid))
        unlink_quote(conn, qid)
        conn.execute("DELETE FROM quote_speaker WHERE quote=?", (qid,))
        conn.execute("DELETE FROM quote WHERE id=?", (qid,))
    row = dict(original, article=aid)
    speaker = _entity(conn, row.pop("speaker_entity"))
    speakers = [e for e in (_entity(conn, n) for n in row.pop("speakers", [])) if e]
    row["speaker_entity"] = speaker[0] if speaker else None
    cols = [c.strip() for c in _QUOTE_COLUMNS.split(",")]
    qid = conn.execute(
        f"INSERT INTO quote({_QUOTE_COLUMNS}) VALUES ({','.join('?' * len(cols))})", [row.get(k) for k in cols]
    ).lastrowid
    conn.executemany("INSERT OR IGNORE INTO quote_speaker(quote, entity) VALUES (?,?)", [(qid, e[0]) for e in speakers])
    work.entities.update(e[0] for e in speakers)
    work.articles.add(aid)


def _timex_snapshot(conn: sqlite3.Connection, aid: int, tid: int) -> dict:
    cols = [c.strip() for c in _TIMEX_COLUMNS.split(",")]
    row = dict(zip(cols, conn.execute(f"SELECT {_TIMEX_COLUMNS} FROM timex WHERE id=?", (tid,)).fetchone()))
    rcols = [c.strip() for c in _REPORT_COLUMNS.split(",")]
    row["reports"] = []
    for rid, *values in conn.execute(
        f"SELECT id, {_REPORT_COLUMNS} FROM event_report WHERE article=? AND timex_start=? AND timex_end=? ORDER BY id",
        (aid, row["start"], row["end"]),
    ).fetchall():
        report = dict(zip(rcols, values))
        report["roles"] = [
            list(r) for r in conn.execute("SELECT role, start, end FROM event_role WHERE report=?", (rid,))
        ]
        row["reports"].append(report)
    return row


def _reports_at(conn: sqlite3.Connection, aid: int, start: int, end: int) -> list[int]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM event_report WHERE article=? AND timex_start=? AND timex_end=?", (aid, start, end)
        )
    ]


def _drop_report(conn: sqlite3.Connection, rid: int) -> None:
    conn.execute("DELETE FROM event_role WHERE report=?", (rid,))
    conn.execute("DELETE FROM event_report WHERE id=?", (rid,))


def _date(conn: sqlite3.Connection, c: Correction, work: Work):
    found = find_span(conn, "timex", c)
    if found is None:
        return ORPHANED, None
    aid, tid = found
    original = _timex_snapshot(conn, aid, tid)
    start, end = original["start"], original["end"]
    work.articles.add(aid)
    reports = _reports_at(conn, aid, start, end)
    before = around(conn, reports)  # what the merge of their events may change: merged again, not their years
    if c.kind == "date_reject":
        for rid in reports:
            _drop_report(conn, rid)
        conn.execute("DELETE FROM timex WHERE id=?", (tid,))
        remerge(conn, before, [])
        return APPLIED, original
    value = c.value["value"]
    rng = value_range(value)
    conn.execute(
        "UPDATE timex SET value=?, value_start=?, value_end=?, basis=?, uncertain=0 WHERE id=?",
        (value, rng[0] if rng else None, rng[1] if rng else None, USER_BASIS, tid),
    )
    day = value.split("T")[0]
    kept = []
    for rid in reports:
        if granularity(day) not in EVENT_GRANULARITIES:
            _drop_report(conn, rid)
            continue
        conn.execute(
            "UPDATE event_report SET value=?, weekday_value=NULL, basis=?, part=? WHERE id=?",
            (day, USER_BASIS, day[:4], rid),
        )
        kept.append(rid)
    remerge(conn, before, kept)
    return APPLIED, original


def _restore_date(conn: sqlite3.Connection, c: Correction, original: dict, work: Work) -> None:
    """The date at `c`'s span, and the event reports it anchored, as extracted (`original`)."""
    aid = conn.execute("SELECT id FROM article WHERE key=?", (c.target["article"],)).fetchone()[0]
    start, end = c.target["start"], c.target["end"]
    there = _reports_at(conn, aid, start, end)
    before = around(conn, there)
    for rid in there:
        _drop_report(conn, rid)
    conn.execute("DELETE FROM timex WHERE article=? AND start=? AND end=?", (aid, start, end))
    row = dict(original, article=aid)
    reports = row.pop("reports", [])
    cols = [c.strip() for c in _TIMEX_COLUMNS.split(",")]
    conn.execute(f"INSERT INTO timex({_TIMEX_COLUMNS}) VALUES ({','.join('?' * len(cols))})", [row[k] for k in cols])
    rcols = [c.strip() for c in _REPORT_COLUMNS.split(",")]
    back = []
    for report in reports:
        report = dict(report, article=aid)
        roles = report.pop("roles", [])
        rid = conn.execute(
            f"INSERT INTO event_report({_REPORT_COLUMNS}) VALUES ({','.join('?' * len(rcols))})",
            [report[k] for k in rcols],
        ).lastrowid
        conn.executemany(
            "INSERT OR IGNORE INTO event_role(report, role, article, start, end) VALUES (?,?,?,?,?)",
            [(rid, role, aid, s, e) for role, s, e in roles],
        )
        back.append(rid)
    remerge(conn, before, back)
    work.articles.add(aid)


def undo_span(conn: sqlite3.Connection, c: Correction, work: Work) -> None:
    """Undo a correction of a quote or a date: the row as extracted comes back (the original of the first
    correction of that span still applied), then the span's other corrections are applied again."""
    kind_of_target = KINDS[c.kind][0]
    others = store.on_target(conn, kind_of_target, c.target)
    first = next((o for o in others if o.status == APPLIED and o.original is not None), None)
    store.remove(conn, c.id)
    if first is None or c.status != APPLIED:
        return
    (_restore_quote if kind_of_target == "quote" else _restore_date)(conn, c, first.original, work)
    for o in others:
        if o.id != c.id:
            apply(conn, o, work)


# ---------------------------------------------------------------- articles and events


def _article(conn: sqlite3.Connection, c: Correction, work: Work):
    """A publication date is applied before the article is extracted (`model.ingest.pipeline`) or by
    `model.corrections.set_published`; here it is only checked."""
    row = conn.execute("SELECT 1 FROM article WHERE key=?", (c.target["article"],)).fetchone()
    return (APPLIED if row else ORPHANED), None


def report_part(conn: sqlite3.Connection, key: str, timex_start: int) -> str | None:
    """The year of the event report of article `key` whose date starts at `timex_start`, or None."""
    row = conn.execute(
        "SELECT r.part FROM event_report r JOIN article a ON a.id = r.article WHERE a.key=? AND r.timex_start=? "
        "ORDER BY r.id LIMIT 1",
        (key, timex_start),
    ).fetchone()
    return row[0] if row else None


def _event(conn: sqlite3.Connection, c: Correction, work: Work):
    """Checked here, taken into account by the merge of its year (`model.corpus.event_refresh`)."""
    part = report_part(conn, c.target["article"], c.target["timex_start"])
    if part is None:
        return ORPHANED, None
    if c.kind == "event_merge":
        other = report_part(conn, c.value["article"], c.value["timex_start"])
        if other != part:
            return ORPHANED, None
    conn.execute("INSERT OR IGNORE INTO event_dirty(part) VALUES (?)", (part,))
    return APPLIED, None


def _statement(conn: sqlite3.Connection, c: Correction, work: Work):
    """Taken into account by the statement grouping (`model.corpus.statement_refresh.wrong_groupings`): here the
    quote's speaker is marked to be grouped again; held while its quote is there."""
    found = find_span(conn, "quote", c)
    if found is None:
        return ORPHANED, None
    _regroup_quote(conn, found[1])
    return APPLIED, None


def _regroup_quote(conn: sqlite3.Connection, qid: int) -> None:
    conn.execute("INSERT OR IGNORE INTO statement_dirty(part) SELECT part FROM quote_statement WHERE quote=?", (qid,))


APPLY = {
    "entity_merge": _merge,
    "entity_split": _split,
    "entity_rename": _rename,
    "entity_type": _set_type,
    "quote_speaker": _quote,
    "quote_kind": _quote,
    "quote_reject": _quote,
    "date_reject": _date,
    "date_value": _date,
    "article_date": _article,
    "event_merge": _event,
    "event_split": _event,
    "statement_wrong": _statement,
}


def undo(conn: sqlite3.Connection, c: Correction, work: Work) -> None:
    """Undo `c` (not a publication date: `model.corrections` resolves the article's dates again for that) and
    forget it, inside the caller's transaction; `finish(conn, work)` afterwards."""
    kind_of_target = KINDS[c.kind][0]
    if kind_of_target == "entity":
        undo_entity(conn, c, work)
        store.remove(conn, c.id)
    elif kind_of_target in ("quote", "date"):
        undo_span(conn, c, work)
    else:
        if kind_of_target == "statement":
            found = find_span(conn, "quote", c)
            if found is not None:
                _regroup_quote(conn, found[1])
        if kind_of_target == "event":
            for key, at in ((c.target["article"], c.target["timex_start"]), (c.value.get("article"), None)):
                part = report_part(conn, key, at if at is not None else c.value.get("timex_start", -1))
                if part:
                    conn.execute("INSERT OR IGNORE INTO event_dirty(part) VALUES (?)", (part,))
        store.remove(conn, c.id)
