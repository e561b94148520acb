"""Step 3, resolve (pure: spec + anchor → value and basis). `reanchor` re-runs only this step, so a
user-set publication date re-resolves stored expressions without spaCy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable

from model.dates import covering_value
from model.lexicon.calendar import MONTHS, SEASON_NAMES, WEEKDAYS

from .holidays import HOLIDAYS

# A date with only a lean (`direction.LEAN_BACK` / `LEAN_FORWARD`) stays in the anchor's year unless that puts it
# more than LEAN_DAYS on the wrong side of the anchor.
LEAN_DAYS = 60


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s[:10])


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return "%d-W%02d" % (y, w)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def _dir_words(direction: int, unit: str) -> str:
    return {-1: f"the {unit} before", 1: f"the {unit} after", 0: f"the {unit} nearest to"}[direction]


def resolve(spec: dict, anchor: str) -> tuple[str | None, str]:
    """Value and basis (without the leading 'text →') of a relative expression against `anchor`."""
    a = _d(anchor)
    why = spec.get("why")
    tail = f"; {why}" if why else ""
    pd = f"the publication date {a.isoformat()}"
    resolver = RESOLVERS.get(spec["kind"])
    if resolver is None:
        return None, "unknown kind"
    return resolver(spec, anchor, a, pd, tail)


def _base_value(base: dict, anchor: str) -> tuple[str | None, str]:
    """The value of a reference date stored in a spec (an absolute value or a spec of its own), and why."""
    return (base["value"], "") if base.get("kind") == "abs" else resolve(base, anchor)


def _replace_year(d: dt.date, y: int) -> dt.date | None:
    try:
        return d.replace(year=y)
    except ValueError:
        return None


def _time_suffix(spec: dict) -> str:
    if spec.get("time"):
        return spec["time"]
    if spec.get("part"):
        return "T" + spec["part"]
    return ""


def _yoff_words(n: int) -> str:
    return {0: "this year", -1: "last year", 1: "next year"}.get(n, f"{n:+d} years")


def _n_words(n: int, unit: str) -> str:
    if n == 0:
        return f"the {unit}"
    if n == -1:
        return f"the {unit} before that"
    if n == 1:
        return f"the {unit} after that"
    return f"{abs(n)} {unit}s {'before' if n < 0 else 'after'}"


def _weekend_from(a: dt.date, n: int) -> dt.date:
    """The Saturday of the weekend `n` weekends from `a` (0: this weekend, or the last one from a weekday)."""
    sat = a + dt.timedelta(days=(5 - a.weekday()) % 7 - (7 if n <= 0 and a.weekday() < 5 else 0))
    if n < 0 and a.weekday() >= 5:
        sat = a - dt.timedelta(days=a.weekday() - 5)
    if n > 0 and a.weekday() >= 5:
        sat = a + dt.timedelta(days=12 - a.weekday())
    return sat


def _months_from(a: dt.date, n: int) -> dt.date:
    y, m = _add_months(a.year, a.month, n)
    return dt.date(y, m, min(a.day, calendar.monthrange(y, m)[1]))


def _years_from(a: dt.date, n: int) -> dt.date:
    y = a.year + n
    return dt.date(y, a.month, min(a.day, calendar.monthrange(y, a.month)[1]))


# unit → the day `n` of them from the anchor
_STEPS: dict[str, Callable[[dt.date, int], dt.date]] = {
    "day": lambda a, n: a + dt.timedelta(days=n),
    "week": lambda a, n: a + dt.timedelta(weeks=n),
    "weekend": _weekend_from,
    "month": _months_from,
    "quarter": lambda a, n: dt.date(*_add_months(a.year, a.month, 3 * n), 1),
    "year": _years_from,
    "decade": lambda a, n: dt.date(a.year + 10 * n, 1, 1),
    "century": lambda a, n: dt.date(max(1, a.year + 100 * n), 1, 1),
}
# granularity → the value of a day at it (a day itself takes the spec's time; any other granularity: the year)
_GRANULARITIES: dict[str, Callable[[dt.date], str]] = {
    "weekend": lambda d: _week(d) + "-WE",
    "week": _week,
    "month": lambda d: d.strftime("%Y-%m"),
    "quarter": lambda d: f"{d.year}-Q{(d.month - 1) // 3 + 1}",
    "decade": lambda d: str(d.year)[:3],
    "century": lambda d: str(d.year)[:2],
}


def _offset(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """`n` units (days, weeks, ... centuries) from the anchor, at the granularity `gran`."""
    unit, n = spec["unit"], spec["n"]
    gran = spec.get("gran", unit)
    approx = "about " if spec.get("approx") else ""
    step = _STEPS.get(unit)
    if step is None:
        return None, "unknown unit"
    d = step(a, n)
    if gran == "day":
        v = d.isoformat() + _time_suffix(spec)
    else:
        v = _GRANULARITIES.get(gran, lambda d: str(d.year))(d)
    if n == 0:
        rel = f"the {unit} of {pd}"
    else:
        rel = f"{approx}{abs(n)} {unit}{'s' if abs(n) != 1 else ''} {'before' if n < 0 else 'after'} {pd}"
    return v, f"{rel}{tail}"


def _weekday_from(spec: dict, a: dt.date, pd: str, direction: int) -> tuple[dt.date, str]:
    """The weekday on or after (`strict`: after) `a`, of its week (`this`), or before it (or `a` itself)."""
    dow, strict = spec["dow"], spec.get("strict")
    name = WEEKDAYS[dow].capitalize()
    if direction > 0:
        delta = (dow - a.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return a + dt.timedelta(days=delta), (
            f"the {name} on or after {pd}" if not strict else f"the {name} after {pd}"
        )
    if direction == 0 and spec.get("this"):
        return a + dt.timedelta(days=dow - a.weekday()), f"the {name} of the week of {pd}"
    delta = (a.weekday() - dow) % 7
    if strict and delta == 0:
        delta = 7
    return a - dt.timedelta(days=delta), (f"the {name} before {pd}" if delta else f"{pd} itself, a {name}")


def _weekday(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A weekday: the one before or after the anchor (or a reference date), or of its week."""
    direction = spec.get("dir", -1)
    if spec.get("base"):
        bv = _base_value(spec["base"], anchor)[0]
        if not bv or not re.match(r"\d{4}-\d\d-\d\d", bv):
            return None, "no reference date"
        a, pd = _d(bv), f"the date last mentioned, {bv[:10]}"
    d, rel = _weekday_from(spec, a, pd, direction)
    if direction > 0 and spec.get("part") and not spec.get("time"):
        # a part of a day still ahead ("is to leave Tuesday morning") is a plan for that day
        return d.isoformat(), f"{rel}{tail}; a plan is dated to the day"
    return d.isoformat() + _time_suffix(spec), f"{rel}{tail}"


def _days_around(a: dt.date, m: int, day: int) -> list[dt.date]:
    """Month `m`, day `day` in the year before the anchor's, its year and the year after (where it exists)."""
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            cands.append(dt.date(y, m, day))
        except ValueError:
            continue
    return cands


def _month_day_by_direction(direction: int, a: dt.date, pd: str, day: int, cands: list) -> tuple[dt.date, str]:
    """The latest not after the anchor, or the first not before it (unless that is more than half a year
    away: the nearest)."""
    if direction < 0:
        pick = max((c for c in cands if c <= a), default=cands[0])
        return pick, f"the latest {pick.strftime('%B')} {day} not after {pd}"
    pick = min((c for c in cands if c >= a), default=cands[-1])
    nearest = min(cands, key=lambda c: abs((c - a).days))
    if abs((pick - a).days) > 183 and pick != nearest:
        # a month-day said to lie ahead is rarely more than half a year away: nearest wins
        return (
            nearest,
            f"the {nearest.strftime('%B')} {day} nearest to {pd} (the tense points further than half a year)",
        )
    return pick, f"the first {pick.strftime('%B')} {day} not before {pd}"


def _month_day_nearest(spec: dict, a: dt.date, pd: str, day: int, cands: list) -> tuple[dt.date, str]:
    """In the anchor's year if within half a year of it, else the nearest; a lean may move it a year."""
    same = [c for c in cands if c.year == a.year]
    pick = same[0] if same and abs((same[0] - a).days) <= 183 else min(cands, key=lambda c: abs((c - a).days))
    rel = (
        f"the {pick.strftime('%B')} {day} of the year of {pd}"
        if pick.year == a.year
        else f"the {pick.strftime('%B')} {day} nearest to {pd}"
    )
    lean = spec.get("lean", 0)
    if lean and lean * (pick - a).days < -LEAN_DAYS:
        pick = _replace_year(pick, pick.year + lean) or pick
        rel = f"the {pick.strftime('%B')} {day} {'before' if lean < 0 else 'after'} {pd}"
    return pick, rel


def _month_day(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A month-day without a year: the one on its weekday if given, else the year the direction (or the
    nearest) gives."""
    m, day, direction = spec["m"], spec["d"], spec.get("dir", 0)
    cands = _days_around(a, m, day)
    if not cands:
        return None, "no such day"
    if "dow" in spec and any(c.weekday() == spec["dow"] for c in cands):
        pick = min((c for c in cands if c.weekday() == spec["dow"]), key=lambda c: abs((c - a).days))
        rel = f"the {pick.strftime('%B')} {day} near {pd} that falls on a {WEEKDAYS[spec['dow']].capitalize()}"
    elif direction:
        pick, rel = _month_day_by_direction(direction, a, pd, day, cands)
    else:
        pick, rel = _month_day_nearest(spec, a, pd, day, cands)
    return pick.isoformat() + _time_suffix(spec), f"{rel}{tail}"


def _month_before(spec: dict, a: dt.date, pd: str, m: int) -> tuple[int, str]:
    """The latest such month up to (or, `strict`, before) the anchor; `last February` said in March: the
    year before's."""
    strict = spec.get("strict")
    name = MONTHS[m - 1].capitalize()
    y = a.year if (m < a.month or (m == a.month and not strict)) else a.year - 1
    if spec.get("last") and (a.year * 12 + a.month) - (y * 12 + m) == 1:
        # the month just ended is 'last month': 'last February' said in March is the year before's
        return y - 1, f"the {name} a year before the one just ended at {pd}"
    return y, f"the latest {name} {'before' if strict else 'up to'} {pd}"


def _month_after(spec: dict, a: dt.date, pd: str, m: int) -> tuple[int, str]:
    """The first such month from (or, `strict`, after) the anchor."""
    strict = spec.get("strict")
    y = a.year if (m > a.month or (m == a.month and not strict)) else a.year + 1
    return y, f"the first {MONTHS[m - 1].capitalize()} {'after' if strict else 'from'} {pd}"


def _month_nearest(spec: dict, a: dt.date, pd: str, m: int) -> tuple[int, str]:
    """The month within six months of the anchor's; a lean may move it a year."""
    y = a.year
    if m - a.month > 6:
        y -= 1
    elif a.month - m > 6:
        y += 1
    lean = spec.get("lean", 0)
    if lean and lean * ((y - a.year) * 12 + m - a.month) < -(LEAN_DAYS // 30):
        y += lean
    name = MONTHS[m - 1].capitalize()
    return y, (f"the {name} of the year of {pd}" if y == a.year else f"the {name} nearest to {pd}")


def _month(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A month without a year: by a year offset, by the direction, or the nearest."""
    m = spec["m"]
    if "yoff" in spec:
        y = a.year + spec["yoff"]
        words = f"{MONTHS[m - 1].capitalize()} of {_yoff_words(spec['yoff'])} ({y}), counted from {pd}"
        return "%04d-%02d" % (y, m), f"{words}{tail}"
    direction = spec.get("dir", 0)
    if direction < 0:
        y, rel = _month_before(spec, a, pd, m)
    elif direction > 0:
        y, rel = _month_after(spec, a, pd, m)
    else:
        y, rel = _month_nearest(spec, a, pd, m)
    return "%04d-%02d" % (y, m), f"{rel}{tail}"


def _season(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A season without a year."""
    s = spec["s"]
    cy, cs = _season_of(a)
    order = ["SP", "SU", "FA", "WI"]
    if "yoff" in spec:
        y = a.year + spec["yoff"]
        rel = f"the {SEASON_NAMES[s]} of {y}, counted from {pd}"
    else:
        direction = spec.get("dir", 0)
        # season index on a linear scale: year*4 + position
        cur = cy * 4 + order.index(cs)
        base = cy * 4 + order.index(s)
        if direction < 0:
            k = base if base < cur or (base == cur and not spec.get("strict")) else base - 4
            if spec.get("strict") and k == cur:
                k -= 4
        elif direction > 0:
            k = base if base > cur or (base == cur and not spec.get("strict")) else base + 4
        else:
            k = base
        y = k // 4
        rel = f"{_dir_words(direction, SEASON_NAMES[s])} {pd}"
    return f"{y:04d}-{s}", f"{rel}{tail}"


def _quarter(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A quarter without a year (`shift`: quarters later or earlier)."""
    q = spec["q"]
    aq = (a.month - 1) // 3 + 1
    if "yoff" in spec:
        y = a.year + spec["yoff"]
        rel = f"quarter {q} of {_yoff_words(spec['yoff'])} ({y}), counted from {pd}"
    else:
        y = a.year
        if spec.get("dir", -1) <= 0 and q > aq:
            y -= 1
        rel = f"the latest quarter {q} up to {pd}"
    if spec.get("shift"):
        k = y * 4 + q - 1 + spec["shift"]
        y, q = k // 4, k % 4 + 1
        rel += f", shifted by {spec['shift']} quarters"
    return f"{y:04d}-Q{q}", f"{rel}{tail}"


def _quarter_from_now(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A quarter counted from the anchor's."""
    aq = (a.month - 1) // 3 + 1
    k = a.year * 4 + aq - 1 + spec["n"]
    y, q = k // 4, k % 4 + 1
    return f"{y:04d}-Q{q}", f"{_n_words(spec['n'], 'quarter')} of {pd}{tail}"


def _half(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A half year, counted from the anchor's year."""
    y = a.year + spec.get("yoff", 0)
    return f"{y:04d}-H{spec['h']}", f"half {spec['h']} of {y}, counted from {pd}{tail}"


def _time(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A clock time on the anchor's day."""
    return a.isoformat() + spec["t"], f"on {pd}{tail}"


def _holiday(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A feast: the one before, after or nearest to the anchor."""
    fn, direction = HOLIDAYS[spec["h"]], spec.get("dir", 0)
    cands = [fn(y) for y in (a.year - 1, a.year, a.year + 1)]
    if direction < 0:
        pick = max(x for x in cands if x < a or (x == a and not spec.get("strict")))
    elif direction > 0:
        pick = min(x for x in cands if x >= a)
    else:
        pick = min(cands, key=lambda x: abs((x - a).days))
    return pick.isoformat(), f"{_dir_words(direction, spec['h'].title())} {pd}{tail}"


def _from_reference(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """Counted from a reference date (the date last mentioned, or the day named in the same sentence)."""
    base = spec["base"]
    bv, bwhy = _base_value(base, anchor)
    if not bv or not re.match(r"\d{4}-\d\d", bv):
        return None, "no reference date"
    if spec["unit"] == "month":
        y, m = _add_months(int(bv[:4]), int(bv[5:7]), spec["n"])
        v = "%04d-%02d" % (y, m)
    else:
        if not re.match(r"\d{4}-\d\d-\d\d", bv):
            return None, "the reference date has no day"
        v = (_d(bv) + dt.timedelta(days=spec["n"])).isoformat() + _time_suffix(spec)
    what = {
        0: "the same " + spec["unit"] + " as",
        1: "the " + spec["unit"] + " after",
        -1: "the " + spec["unit"] + " before",
    }.get(spec["n"], f"{spec['n']:+d} {spec['unit']}s from")
    src = "the day named in the same sentence" if spec.get("near") else "the date last mentioned"
    return v, f"{what} {src}, {bv[:10]}" + (f" ({bwhy.split(' (')[0]})" if bwhy else "") + tail


def _weekend(spec: dict, anchor: str, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    """A weekend: the anchor's, or the one before it. With no direction of its own, the clause's lean ("began …
    over the weekend": the one before), else the one before, as the basis says."""
    direction = spec.get("dir", -1) or spec.get("lean", -1)
    sat = a + dt.timedelta(days=5 - a.weekday())  # the Saturday of the anchor's week
    if direction < 0 and sat > a:
        sat -= dt.timedelta(days=7)
    return _week(sat) + "-WE", f"{_dir_words(direction if direction else -1, 'weekend')} {pd}{tail}"


# One resolver per spec kind: (spec, anchor, the anchor's date, the anchor in words, the basis's tail)
# → (value, basis).
RESOLVERS: dict[str, Callable[[dict, str, dt.date, str, str], tuple[str | None, str]]] = {
    "weekday": _weekday,
    "md": _month_day,
    "month": _month,
    "offset": _offset,
    "season": _season,
    "quarter": _quarter,
    "qrel": _quarter_from_now,
    "half": _half,
    "time": _time,
    "holiday": _holiday,
    "relref": _from_reference,
    "weekend": _weekend,
}


def reanchor(timex_text: str, spec: str, anchor: str) -> tuple[str | None, str]:
    """Resolve a stored expression again against a new anchor (e.g. a user-set publication date)."""
    s = json.loads(spec)
    value, basis = resolve(s, anchor)
    return value, f"{timex_text} → {value}: {basis}"


def resolve_between(spec: dict, earliest: str, latest: str) -> tuple[str | None, str]:
    """Resolve against a publication date known only to lie between `earliest` and `latest`: the value both ends
    give, else the narrowest value covering both (`covering_value`), else None; with the basis in words."""
    first, why_first = resolve(spec, earliest)
    last, why_last = resolve(spec, latest)
    if first == last:
        return (
            first,
            f"the same counted from either end of the interval the publication date lies in ({earliest}..{latest}); from {earliest}: {why_first}",
        )
    value = covering_value(first, last)
    basis = f"{first} if published {earliest}, {last} if published {latest}"
    return value, (f"{basis}: somewhere in {value}" if value else f"{basis}: not known")


def reanchor_between(timex_text: str, spec: str, earliest: str, latest: str) -> tuple[str | None, str]:
    """`reanchor` against a publication date known only to lie in an interval."""
    value, basis = resolve_between(json.loads(spec), earliest, latest)
    return value, f"{timex_text} → {value}: {basis}"
