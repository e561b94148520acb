"""Calendar helpers shared by ingest, the timeline and the read API; a user's date override.

`value_range` turns a TIMEX3 value into the first and last day it covers, so
the timeline sorts and bands events by granularity (a month is a band, not
its 1st). `set_published` records a user's publication date apart from the
extracted data (re-ingest keeps it) and resolves the article's relative
expressions again without spaCy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def parse_iso_day(s: str) -> str | None:
    try:
        return dt.date.fromisoformat(s.strip()).isoformat() if re.fullmatch(r"\d{4}-\d\d-\d\d", s.strip()) else None
    except ValueError:
        return None


def value_range(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) covered by a calendar TIMEX3 value; None for durations, refs and the like."""
    if not value:
        return None
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d.isoformat(), d.isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1).isoformat(), dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", v):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if v.endswith("-WE"):
                start += dt.timedelta(days=5)
                return start.isoformat(), (start + dt.timedelta(days=1)).isoformat()
            return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            last = dt.date(y, q * 3, calendar.monthrange(y, q * 3)[1])
            return dt.date(y, q * 3 - 2, 1).isoformat(), last.isoformat()
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return dt.date(y, 1 if h == 1 else 7, 1).isoformat(), dt.date(
                y, 6 if h == 1 else 12, 30 if h == 1 else 31
            ).isoformat()
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, (a, b) = int(m[1]), _SEASONS[m[2]]
            end_y = y + 1 if b < a else y
            return dt.date(y, a, 1).isoformat(), dt.date(end_y, b, calendar.monthrange(end_y, b)[1]).isoformat()
        if m := re.fullmatch(r"(\d{4})", v):
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
        if m := re.fullmatch(r"(\d{3})X?", v):  # a decade: 199 → the 1990s
            return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
        if m := re.fullmatch(r"(\d{2})X{0,2}", v):  # a century: 19 → 1900-1999
            return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    except ValueError:
        return None
    return None


def granularity(value: str | None) -> str | None:
    """'day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century' or None."""
    if not value or value_range(value) is None:
        return None
    v = value.split("T")[0]
    for pat, g in (
        (r"\d{4}-\d\d-\d\d", "day"),
        (r"\d{4}-W\d\d(-WE)?", "week"),
        (r"\d{4}-\d\d", "month"),
        (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half-year"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"),
        (r"\d{4}", "year"),
        (r"\d{3}X?", "decade"),
        (r"\d{2}X{0,2}", "century"),
    ):
        if re.fullmatch(pat, v):
            return g
    return None


def set_published(conn: sqlite3.Connection, key: str, value: str | None) -> int:
    """Set (or with None, clear) a user's publication date for article `key`; re-resolve its relative
    expressions against it. Returns how many expressions were resolved again."""
    from . import store, timeline

    row = conn.execute("SELECT id, text, published, published_basis FROM article WHERE key=?", (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    aid, text, cur, cur_basis = row
    ov = store.overrides(conn, key)
    if value is not None:
        if "published" not in ov:  # remember what was detected, to restore on clear
            store.set_override(conn, key, "detected_published", cur or "")
            store.set_override(conn, key, "detected_basis", cur_basis or "")
        store.set_override(conn, key, "published", value)
        new, basis, uncertain = value, "set by user", False
    else:
        new = ov.get("detected_published") or None
        basis = ov.get("detected_basis") or None
        uncertain = True
        for f in ("published", "detected_published", "detected_basis"):
            store.set_override(conn, key, f, None)
    n = 0
    with conn:
        conn.execute("UPDATE article SET published=?, published_basis=? WHERE id=?", (new, basis, aid))
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
            val, vbasis = timeline.reanchor(text[s:e], spec, new)
            rng = value_range(val)
            conn.execute(
                "UPDATE timex SET value=?, anchor=?, basis=?, value_start=?, value_end=?, uncertain=? WHERE id=?",
                (val, new, vbasis, rng[0] if rng else None, rng[1] if rng else None, int(uncertain), tid),
            )
            n += 1
    return n
