"""Calendar helpers shared by ingest, the timeline and the read API.

`value_range` turns a TIMEX3 value into the first and last day it covers, so
the timeline sorts and bands events by granularity (a month is a band, not
its 1st); `granularity` names how wide a value is. Pure functions: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re

from model.lexicon.calendar import WEEKDAYS

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def parse_iso_day(s: str) -> str | None:
    try:
        return dt.date.fromisoformat(s.strip()).isoformat() if re.fullmatch(r"\d{4}-\d\d-\d\d", s.strip()) else None
    except ValueError:
        return None


def _days_in(year: int, month: int) -> int:
    import calendar  # when first needed: the browser's first screen reads no month's length

    return calendar.monthrange(year, month)[1]


def _day(m: re.Match) -> tuple[str, str]:
    d = dt.date(int(m[1]), int(m[2]), int(m[3]))
    return d.isoformat(), d.isoformat()


def _month(m: re.Match) -> tuple[str, str]:
    y, mo = int(m[1]), int(m[2])
    return dt.date(y, mo, 1).isoformat(), dt.date(y, mo, _days_in(y, mo)).isoformat()


def _week(m: re.Match) -> tuple[str, str]:
    start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m[0].endswith("-WE"):  # its weekend
        start += dt.timedelta(days=5)
        return start.isoformat(), (start + dt.timedelta(days=1)).isoformat()
    return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()


def _quarter(m: re.Match) -> tuple[str, str]:
    y, q = int(m[1]), int(m[2])
    last = dt.date(y, q * 3, _days_in(y, q * 3))
    return dt.date(y, q * 3 - 2, 1).isoformat(), last.isoformat()


def _half_year(m: re.Match) -> tuple[str, str]:
    y, h = int(m[1]), int(m[2])
    return dt.date(y, 1 if h == 1 else 7, 1).isoformat(), dt.date(
        y, 6 if h == 1 else 12, 30 if h == 1 else 31
    ).isoformat()


def _season(m: re.Match) -> tuple[str, str]:
    y, (a, b) = int(m[1]), _SEASONS[m[2]]
    end_y = y + 1 if b < a else y
    return dt.date(y, a, 1).isoformat(), dt.date(end_y, b, _days_in(end_y, b)).isoformat()


def _year(m: re.Match) -> tuple[str, str]:
    return f"{m[1]}-01-01", f"{m[1]}-12-31"


def _decade(m: re.Match) -> tuple[str, str]:
    return f"{m[1]}0-01-01", f"{m[1]}9-12-31"


def _century(m: re.Match) -> tuple[str, str]:
    return f"{m[1]}00-01-01", f"{m[1]}99-12-31"


# The calendar values a TIMEX3 value may be (its date part), in order, each with the days it covers.
_RANGES = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), _day),
    (re.compile(r"(\d{4})-(\d\d)"), _month),
    (re.compile(r"(\d{4})-W(\d\d)(?:-WE)?"), _week),
    (re.compile(r"(\d{4})-Q([1-4])"), _quarter),
    (re.compile(r"(\d{4})-H([12])"), _half_year),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), _season),
    (re.compile(r"(\d{4})"), _year),
    (re.compile(r"(\d{3})X?"), _decade),  # a decade: 199 → the 1990s
    (re.compile(r"(\d{2})X{0,2}"), _century),  # a century: 19 → 1900-1999
)


def value_range(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) covered by a calendar TIMEX3 value; None for durations, refs and the like."""
    if not value:
        return None
    v = value.split("T")[0]
    for pattern, days in _RANGES:
        m = pattern.fullmatch(v)
        if m:
            try:
                return days(m)
            except ValueError:  # no such day (2023-02-30, week 54)
                return None
    return None


def named_weekday(text: str) -> int | None:
    """The weekday (0 Monday … 6 Sunday) a date as written names beside its day of month ("Wednesday, February
    24th"); None when it names none, two, or no day of month (a weekday alone is where its day came from)."""
    named = [WEEKDAYS.index(w) for w in re.findall(r"[a-z]+", text.lower()) if w in WEEKDAYS]
    return named[0] if len(named) == 1 and re.search(r"\d", text) else None


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


def covering_value(a: str | None, b: str | None) -> str | None:
    """The narrowest TIMEX3 value (the same value, an ISO week, a month, a year, a decade) that covers both calendar
    values `a` and `b`: what a relative date resolved against both ends of an interval is known to be; None when
    either is no calendar value or nothing narrower than a century holds both."""
    if a == b:
        return a
    ra, rb = value_range(a), value_range(b)
    if ra is None or rb is None:
        return None
    first, last = dt.date.fromisoformat(min(ra[0], rb[0])), dt.date.fromisoformat(max(ra[1], rb[1]))
    (y1, w1, _), (y2, w2, _) = first.isocalendar(), last.isocalendar()
    for same, value in (
        ((y1, w1) == (y2, w2), "%d-W%02d" % (y1, w1)),
        ((first.year, first.month) == (last.year, last.month), f"{first.year:04d}-{first.month:02d}"),
        (first.year == last.year, f"{first.year:04d}"),
        (first.year // 10 == last.year // 10, f"{first.year // 10:03d}"),
    ):
        if same:
            return value
    return None


ALLOWS = "the text allows"  # how a publication basis words the interval the text allows: "the text allows A..B"
_ALLOWS_RX = re.compile(re.escape(ALLOWS) + r" (\d{4}-\d\d-\d\d)?\.\.(\d{4}-\d\d-\d\d)?")


def allowed_interval(basis: str | None) -> tuple[str | None, str | None] | None:
    """(earliest, latest) from a publication basis that words an interval (`ALLOWS`), either end None when open;
    None when the basis words none."""
    m = _ALLOWS_RX.search(basis or "")
    return (m.group(1), m.group(2)) if m and (m.group(1) or m.group(2)) else None
