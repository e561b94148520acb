"""Corrections a user makes to the corpus, applied on top of what extraction found.

Every correction is kept apart from the extracted rows (the `correction` table, `model.corpus.correction_store`),
applied to them (`model.corpus.correction_apply`), and applied again after every extraction, so re-ingest never
loses it. This module is what the browser and the command line call: `correct` makes one, `undo` takes one back,
`import_records` shares them between copies of a corpus, and `set_published` sets an article's publication date,
resolving its relative dates again against it without spaCy. It sits above both the extractors and the corpus: it
re-runs an extraction step (`timeline.reanchor`) and writes the result. A change is one transaction: when any part
of it fails, nothing is changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from model.corpus import correction_apply, correction_store, said_on
from model.corpus.correction_store import APPLIED, ORPHANED, BadCorrection, Correction
from model.corpus.event_refresh import around, refresh_events, remerge
from model.corpus.statement_refresh import MARK_ARTICLE_DIRTY, refresh_statements
from model.dates import allowed_interval, granularity, parse_iso_day, value_range
from model.extract import timeline
from model.extract.events import EVENT_GRANULARITIES, weekday_reading
from model.records import QUOTE_KINDS


class CorrectionError(ValueError):
    """A correction that cannot be made as asked: one line for the user; nothing was changed."""


def _transaction(conn: sqlite3.Connection, change):
    """`change()` in one transaction begun before its first read; then the event years it marked merged again."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = change()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a failed COMMIT may have ended it already
            conn.execute("ROLLBACK")
        raise
    refresh_events(conn)  # the years its event reports left and joined (marked in the change: never lost)
    refresh_statements(conn)  # the dates of its quotes' statements (marked in the change)
    return result


def correct(conn: sqlite3.Connection, kind: str, target: dict, value: dict | None = None) -> Correction:
    """Make one correction (`correction_store.KINDS`) and apply it. A target not in the corpus, or a value that
    cannot be, is a CorrectionError and changes nothing."""
    try:
        c = correction_store.from_record({"kind": kind, "target": target, "value": value or {}})
    except BadCorrection as e:
        raise CorrectionError(str(e)) from None
    check(c)
    if kind == "article_date":
        set_published(conn, c.target["article"], c.value["published"])
        return correction_store.every(conn, "kind='article_date' AND article_key=?", (c.target["article"],))[-1]

    def change() -> Correction:
        _with_text(conn, c)
        correction_store.add(conn, c)
        work = correction_apply.Work()
        if correction_apply.apply(conn, c, work) == ORPHANED:
            raise CorrectionError(f"nothing to correct: {c.describe()} is not in the corpus; nothing was changed")
        correction_apply.finish(conn, work)
        return c

    return _transaction(conn, change)


def check(c: Correction) -> None:
    """A value that cannot be is refused before anything is stored."""
    v = c.value
    if c.kind == "quote_kind" and v["kind"] not in QUOTE_KINDS:
        raise CorrectionError(f"'{v['kind']}' is not a kind of quote ({', '.join(QUOTE_KINDS)})")
    if c.kind == "entity_type" and v["label"] not in correction_store.ENTITY_LABELS:
        raise CorrectionError(f"'{v['label']}' is not an entity type ({', '.join(correction_store.ENTITY_LABELS)})")
    if c.kind == "date_value" and value_range(v["value"]) is None:
        raise CorrectionError(f"'{v['value']}' is not a calendar date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn)")
    if c.kind == "article_date" and (not v["published"] or parse_iso_day(v["published"]) is None):
        raise CorrectionError(f"'{v['published']}' is not a date; give YYYY-MM-DD")
    if c.kind in ("entity_merge", "entity_split", "entity_rename"):
        new = v.get("into") or v.get("name")
        if not (new or "").strip():
            raise CorrectionError("give the name of the entity")
        if c.kind == "entity_merge" and new.casefold() == c.target["entity"].casefold():
            raise CorrectionError("an entity cannot be merged into itself")


def _with_text(conn: sqlite3.Connection, c: Correction) -> None:
    """A quote's or a date's target carries its text, to find it again when its article changes."""
    table = {"quote": "quote", "date": "timex", "statement": "quote"}.get(correction_store.KINDS[c.kind][0])
    if table is None or "text" in c.target:
        return
    row = conn.execute(
        f"SELECT t.text FROM {table} t JOIN article a ON a.id = t.article WHERE a.key=? AND t.start=? AND t.end=?",
        (c.target["article"], c.target["start"], c.target["end"]),
    ).fetchone()
    if row:
        c.target["text"] = row[0]


def undo(conn: sqlite3.Connection, cid: int) -> Correction:
    """Take back correction `cid`: what extraction found comes back (other corrections of the same thing stay)."""

    def change() -> Correction:
        c = correction_store.get(conn, cid)
        if c is None:
            raise CorrectionError(f"no correction #{cid}")
        _undo(conn, c)
        return c

    return _transaction(conn, change)


def _undo(conn: sqlite3.Connection, c: Correction) -> None:
    if c.kind == "article_date":
        if conn.execute("SELECT 1 FROM article WHERE key=?", (c.target["article"],)).fetchone():
            _set_published(conn, c.target["article"], None)
        correction_store.remove(conn, c.id)
        return
    work = correction_apply.Work()
    correction_apply.undo(conn, c, work)
    correction_apply.finish(conn, work)


def undo_all(conn: sqlite3.Connection) -> int:
    """Take back every correction, newest first (the uncorrected extraction, e.g. on a copy for an export)."""
    ids = [c.id for c in correction_store.every(conn)]

    def change() -> int:
        for cid in reversed(ids):
            c = correction_store.get(conn, cid)
            if c is not None:
                _undo(conn, c)
        return len(ids)

    return _transaction(conn, change)


@dataclass
class Imported:
    applied: int = 0
    orphaned: int = 0
    present: int = 0
    bad: list[str] = field(default_factory=list)  # one line each: the record's line number and why


def import_records(conn: sqlite3.Connection, records: Iterable[tuple[int, object]]) -> Imported:
    """Corrections shared from another copy of a corpus ((line number, parsed JSON) pairs): each one new is
    applied (or kept as orphaned, when its target is not in this corpus); one already here is counted."""
    done = Imported()

    def change() -> Imported:
        work = correction_apply.Work()
        for n, record in records:
            if isinstance(record, ValueError):  # a line the reader could not parse
                done.bad.append(f"line {n}: {record}")
                continue
            try:
                c = correction_store.from_record(record)
                check(c)
            except (BadCorrection, CorrectionError) as e:
                done.bad.append(f"line {n}: {e}")
                continue
            if correction_store.same(conn, c):
                done.present += 1
                continue
            status = _import_one(conn, c, work)
            if status == APPLIED:
                done.applied += 1
            else:
                done.orphaned += 1
        correction_apply.finish(conn, work)
        return done

    return _transaction(conn, change)


def _import_one(conn: sqlite3.Connection, c: Correction, work) -> str:
    key = c.target.get("article")
    if c.kind == "article_date" and conn.execute("SELECT 1 FROM article WHERE key=?", (key,)).fetchone():
        _set_published(conn, key, c.value["published"], created=c.created)
        return APPLIED
    correction_store.add(conn, c)
    return correction_apply.apply(conn, c, work)


def set_published(conn: sqlite3.Connection, key: str, value: str | None) -> int:
    """Set (or with None, clear) a user's publication date for article `key` (an `article_date` correction);
    re-resolve its relative expressions against it. Returns how many expressions were resolved again.

    One transaction, begun before the first read: a lock another writer holds, a missing table, a
    date whose relative expressions leave the calendar (CorrectionError) or ctrl+c changes nothing; then the
    years its event reports left and joined (marked in the change: never lost) are merged again."""
    return _transaction(conn, lambda: _set_published(conn, key, value))


def _set_published(conn: sqlite3.Connection, key: str, value: str | None, created: str | None = None) -> int:
    row = conn.execute("SELECT id, text, published, published_basis FROM article WHERE key=?", (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    aid, text, cur, cur_basis = row
    if value is not None:
        new, basis, uncertain = _set(conn, key, value, cur, cur_basis, created)
    else:
        new, basis, uncertain = _clear(conn, key)
    conn.execute("UPDATE article SET published=?, published_basis=? WHERE id=?", (new, basis, aid))
    conn.execute(MARK_ARTICLE_DIRTY, (aid,))
    interval = None if new else allowed_interval(basis)
    if interval and interval[0] and interval[1]:
        n = _resolve_between(conn, aid, text, interval)
    else:
        n = _resolve_again(conn, aid, text, new, uncertain)
    _reread_event_dates(conn, aid)
    said_on.refresh_article(conn, aid)  # its quotes' dates: from the dates just resolved, or the new date
    return n


def _date_corrections(conn: sqlite3.Connection, key: str) -> list[Correction]:
    return correction_store.every(conn, "kind='article_date' AND article_key=?", (key,))


def _set(conn, key: str, value: str, cur: str | None, cur_basis: str | None, created: str | None) -> tuple:
    """The user's date, remembering the detected one (the first time) to restore on clear."""
    stored = _date_corrections(conn, key)
    if stored:
        c = stored[-1]
        c.value = {"published": value}
        conn.execute("UPDATE correction SET value=? WHERE id=?", (correction_store.dumps(c.value), c.id))
    else:
        c = Correction(None, "article_date", {"article": key}, {"published": value}, created=created or "")
        correction_store.add(conn, c)
        correction_store.mark(conn, c, APPLIED, {"published": cur, "published_basis": cur_basis})
    return value, "set by user", False


def _clear(conn: sqlite3.Connection, key: str) -> tuple:
    """The detected date again (uncertain), the user's date gone."""
    stored = _date_corrections(conn, key)
    original = (stored[0].original if stored else None) or {}
    for c in stored:
        correction_store.remove(conn, c.id)
    published = original.get("published") or None
    # a day the extraction found is certain (it dates only on strong evidence); none at all leaves them uncertain
    return published, original.get("published_basis") or None, published is None


def _resolve_again(conn: sqlite3.Connection, aid: int, text: str, new: str | None, uncertain: bool) -> int:
    """Resolve the article's relative expressions against `new` (or unresolve them without a date)."""
    n = 0
    rows = conn.execute(
        "SELECT id, start, end, spec FROM timex WHERE article=? AND spec IS NOT NULL", (aid,)
    ).fetchall()
    for tid, s, e, spec in rows:
        if new is None:
            conn.execute(
                "UPDATE timex SET value=NULL, anchor=NULL, value_start=NULL, value_end=NULL, "
                "basis='no publication date to resolve against', uncertain=1 WHERE id=?",
                (tid,),
            )
            continue
        try:
            val, vbasis = timeline.reanchor(text[s:e], spec, new)
        except OverflowError:  # e.g. "next week" counted from 9999-12-31
            raise CorrectionError(
                f"'{text[s:e]}' counted from {new} falls outside the calendar (years 1 to 9999); nothing was changed"
            ) from None
        _store_value(conn, tid, val, new, vbasis, uncertain)
        n += 1
    return n


def _resolve_between(conn: sqlite3.Connection, aid: int, text: str, interval: tuple[str, str]) -> int:
    """Resolve the article's relative expressions against both ends of the interval its text allows (the
    detected dating, back after a user's date is cleared): every value uncertain."""
    rows = conn.execute(
        "SELECT id, start, end, spec FROM timex WHERE article=? AND spec IS NOT NULL", (aid,)
    ).fetchall()
    for tid, s, e, spec in rows:
        val, vbasis = timeline.reanchor_between(text[s:e], spec, *interval)
        vbasis += "; the publication date is not stated, so this value is uncertain"
        _store_value(conn, tid, val, "/".join(interval), vbasis, True)
    return len(rows)


def _store_value(conn: sqlite3.Connection, tid: int, value, anchor: str, basis: str, uncertain: bool) -> None:
    """A relative expression's new value, with the range it covers, its anchor and basis."""
    rng = value_range(value)
    conn.execute(
        "UPDATE timex SET value=?, anchor=?, basis=?, value_start=?, value_end=?, uncertain=? WHERE id=?",
        (value, anchor, basis, rng[0] if rng else None, rng[1] if rng else None, int(uncertain), tid),
    )


def _reread_event_dates(conn: sqlite3.Connection, aid: int) -> None:
    """The article's event reports take their dates' new values (a report whose date no longer names a year,
    month or day goes); the events they left and joined are merged again (`event_refresh.remerge`)."""
    before = around(conn, [r[0] for r in conn.execute("SELECT id FROM event_report WHERE article=?", (aid,))])
    rows = conn.execute(
        "SELECT r.id, t.text, t.value, t.basis FROM event_report r JOIN timex t ON t.article = r.article "
        "AND t.start = r.timex_start AND t.end = r.timex_end WHERE r.article=?",
        (aid,),
    ).fetchall()
    for rid, text, value, basis in rows:
        day = (value or "").split("T")[0]
        if granularity(day) not in EVENT_GRANULARITIES:
            conn.execute("DELETE FROM event_role WHERE report=?", (rid,))
            conn.execute("DELETE FROM event_report WHERE id=?", (rid,))
            continue
        conn.execute(
            "UPDATE event_report SET value=?, weekday_value=?, part=?, basis=? WHERE id=?",
            (day, weekday_reading(text, day), day[:4], basis, rid),  # the report's basis is its date's
        )
    remerge(conn, before, [r[0] for r in conn.execute("SELECT id FROM event_report WHERE article=?", (aid,))])
