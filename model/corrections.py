"""Corrections a user makes to the corpus, applied on top of what extraction found.

A user's publication date is kept apart from the detected one (the `override` table) and
survives re-ingest; setting or clearing it resolves the article's relative dates again
against it, without spaCy. This module sits above both the extractors and the corpus:
it re-runs an extraction step (`timeline.reanchor`) and writes the result. A change is one
transaction: when any part of it fails, nothing is changed.
"""

from __future__ import annotations

import sqlite3

from model.corpus import said_on
from model.corpus.event_refresh import refresh_events
from model.corpus.overrides import overrides, set_override
from model.corpus.statement_refresh import MARK_ARTICLE_DIRTY, refresh_statements
from model.dates import allowed_interval, granularity, value_range
from model.extract import timeline
from model.extract.events import EVENT_GRANULARITIES, weekday_reading


class CorrectionError(ValueError):
    """A correction that cannot be made as asked: one line for the user; nothing was changed."""


def set_published(conn: sqlite3.Connection, key: str, value: str | None) -> int:
    """Set (or with None, clear) a user's publication date for article `key`; re-resolve its relative
    expressions against it. Returns how many expressions were resolved again.

    One transaction, begun before the first read: a lock another writer holds, a missing table, a
    date whose relative expressions leave the calendar (CorrectionError) or ctrl+c changes nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        n = _set_published(conn, key, value)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a failed COMMIT may have ended it already
            conn.execute("ROLLBACK")
        raise
    refresh_events(conn)  # the years its event reports left and joined (marked in the change: never lost)
    refresh_statements(conn)  # the dates of its quotes' statements (marked in the change)
    return n


def _set_published(conn: sqlite3.Connection, key: str, value: str | None) -> int:
    row = conn.execute("SELECT id, text, published, published_basis FROM article WHERE key=?", (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    aid, text, cur, cur_basis = row
    if value is not None:
        new, basis, uncertain = _set(conn, key, value, cur, cur_basis)
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


def _set(conn: sqlite3.Connection, key: str, value: str, cur: str | None, cur_basis: str | None) -> tuple:
    """The user's date, remembering the detected one (the first time) to restore on clear."""
    if "published" not in overrides(conn, key):
        set_override(conn, key, "detected_published", cur or "")
        set_override(conn, key, "detected_basis", cur_basis or "")
    set_override(conn, key, "published", value)
    return value, "set by user", False


def _clear(conn: sqlite3.Connection, key: str) -> tuple:
    """The detected date again (uncertain), the user's overrides gone."""
    ov = overrides(conn, key)
    new = ov.get("detected_published") or None
    basis = ov.get("detected_basis") or None
    for f in ("published", "detected_published", "detected_basis"):
        set_override(conn, key, f, None)
    return new, basis, True


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
    month or day goes); the years they left and joined are marked for the merge."""
    conn.execute(
        "INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report WHERE article=?", (aid,)
    )
    rows = conn.execute(
        "SELECT r.id, t.text, t.value FROM event_report r JOIN timex t ON t.article = r.article "
        "AND t.start = r.timex_start AND t.end = r.timex_end WHERE r.article=?",
        (aid,),
    ).fetchall()
    for rid, text, value in rows:
        day = (value or "").split("T")[0]
        if granularity(day) not in EVENT_GRANULARITIES:
            conn.execute("DELETE FROM event_role WHERE report=?", (rid,))
            conn.execute("DELETE FROM event_report WHERE id=?", (rid,))
            continue
        conn.execute(
            "UPDATE event_report SET value=?, weekday_value=?, part=? WHERE id=?",
            (day, weekday_reading(text, day), day[:4], rid),
        )
    conn.execute(
        "INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report WHERE article=?", (aid,)
    )
