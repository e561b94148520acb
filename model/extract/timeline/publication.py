"""The publication date of an article that gives none, inferred from its text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from model.lexicon.calendar import WEEKDAYS

from . import landmarks
from .candidates import Cand, candidates
from .context import Context
from .direction import LEAN_FORWARD, direction_of
from .interpret import Interp, interpret

Published = tuple[str, str, float]  # (YYYY-MM-DD, basis in words, confidence 0..1)


@dataclass
class Evidence:
    """What the text says about when it was written."""

    full: list[tuple[dt.date, str, float]] = field(default_factory=list)  # full dates, with basis and confidence
    months: list[tuple[dt.date, str]] = field(default_factory=list)  # months of a year (their first day)
    years: list[tuple[int, int]] = field(default_factory=list)  # (offset, year)
    month_days: list[tuple[Cand, dict, str]] = field(default_factory=list)  # month-days without a year
    low: landmarks.Clue | None = None  # the latest landmark the text refers to in the past
    estimate: landmarks.Clue | None = None  # the strongest landmark count


def _landmark_clues(ev: Evidence, text: str) -> None:
    found = landmarks.clues(text)
    bounds = [c for c in found if c.kind == "bound"]
    ev.low = max(bounds, key=lambda c: c.date) if bounds else None
    anchors = sorted((c for c in found if c.kind == "anchor"), key=lambda c: (-c.confidence, c.start))
    ev.estimate = anchors[0] if anchors else None


def _is_a_date(c: Cand, it: Interp) -> bool:
    """A full date, a month of a year or a month-day (not a weekday, a season, a relative date)."""
    return c.kind in ("mdy", "dmy", "iso", "numdate", "time_date", "my") or (it.spec or {}).get("kind") == "md"


def _add_date(ev: Evidence, c: Cand, it: Interp, surface: str) -> None:
    """A full date (its weekday, if given and right, raises confidence), a month, or a month-day for later."""
    if it.value and re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", it.value):
        d = dt.date.fromisoformat(it.value[:10])
        ok = c.data.get("dow") and WEEKDAYS.index(c.data["dow"].lower()) == d.weekday()
        basis = f"the latest explicit date in the text, '{surface}'" + ("; its weekday agrees" if ok else "")
        ev.full.append((d, basis, 0.7 if ok else 0.6))
    elif it.value and re.fullmatch(r"\d{4}-\d\d", it.value):
        y, m = map(int, it.value.split("-"))
        ev.months.append((dt.date(y, m, 1), surface))
    elif it.spec and it.spec.get("kind") == "md":
        ev.month_days.append((c, it.spec, surface))


def _dates_in_text(ev: Evidence, text: str, doc) -> None:
    """Explicit years, full dates, months and month-days, but none the text looks forward to."""
    ctx = Context(text, doc)
    for c in candidates(text):
        it = interpret(c, text, ctx)
        if it.drop:
            continue
        if it.value and re.fullmatch(r"\d{4}", it.value):
            ev.years.append((c.start, int(it.value)))
        if not _is_a_date(c, it):
            continue
        if direction_of(doc, c.start, c.end, text=text)[0] in (1, LEAN_FORWARD):
            continue  # a date the text looks forward to says nothing about when it was written
        _add_date(ev, c, it, text[c.start : c.end])


def _month_day_in_landmark_year(spec: dict, estimate: landmarks.Clue) -> dt.date | None:
    """The month-day nearest to the landmark count's date (in its year, the one before or the one after)."""
    ref_year = estimate.date.year
    cands = []
    for y in (ref_year - 1, ref_year, ref_year + 1):
        try:
            cands.append(dt.date(y, spec["m"], spec["d"]))
        except ValueError:
            pass
    return min(cands, key=lambda x: abs((x - estimate.date).days)) if cands else None


def _month_days_given_a_year(ev: Evidence) -> None:
    """Month-days given a year by a landmark count or, with none, by the nearest explicit year."""
    for c, spec, surface in ev.month_days:
        if ev.estimate is not None:
            why = f"the year of the landmark count ({ev.estimate.basis})"
            d = _month_day_in_landmark_year(spec, ev.estimate)
            if d is None:
                continue
        elif ev.years:
            y = min(ev.years, key=lambda oy: abs(oy[0] - c.start))[1]
            why = f"the nearest explicit year, {y}"
            try:
                d = dt.date(y, spec["m"], spec["d"])
            except ValueError:
                continue
        else:
            continue
        ev.full.append((d, f"'{surface}' in {d.year}, given by {why}", 0.5))


def _landmark_anniversary(ev: Evidence) -> Published | None:
    if ev.estimate is not None and ev.estimate.confidence >= 0.7:
        return ev.estimate.date.isoformat(), ev.estimate.basis, ev.estimate.confidence
    return None


def _latest_full_date(ev: Evidence) -> Published | None:
    if not ev.full:
        return None
    d, basis, conf = max(ev.full, key=lambda f: f[0])
    if ev.low and d >= ev.low.date:
        basis += f"; not before {ev.low.basis}"
    return d.isoformat(), basis, conf


def _landmark_count(ev: Evidence) -> Published | None:
    if ev.estimate is not None:
        return ev.estimate.date.isoformat(), ev.estimate.basis, ev.estimate.confidence
    return None


def _end_of_latest_month(ev: Evidence) -> Published | None:
    if not ev.months:
        return None
    d, surface = max(ev.months)
    last = dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return last.isoformat(), f"the end of the latest month named in the text, '{surface}'", 0.3


def _end_of_latest_year(ev: Evidence) -> Published | None:
    if not ev.years:
        return None
    y = max(y for _, y in ev.years)
    return f"{y}-12-31", f"the end of the latest year named in the text, {y}", 0.15


def _lower_bound(ev: Evidence) -> Published | None:
    if ev.low:
        return ev.low.date.isoformat(), f"no date in the text; not before {ev.low.basis}", 0.1
    return None


# The evidence, strongest first: the first rule that gives a date decides.
PUBLICATION_RULES: tuple[Callable[[Evidence], Published | None], ...] = (
    _landmark_anniversary,
    _latest_full_date,
    _landmark_count,
    _end_of_latest_month,
    _end_of_latest_year,
    _lower_bound,
)


def infer_published(text: str, doc) -> Published | None:
    """Publication date from the text alone: (YYYY-MM-DD, basis in words, confidence 0..1), or None.

    Evidence, strongest first: landmark anniversaries (`the first anniversary of the war`); the latest
    explicit full date not looking forward; month-days given a year by a landmark count
    (`about a year ago, just before Russia invaded Ukraine`) or by the nearest explicit year; a weekday
    that agrees with a date raises confidence. Landmarks the text refers to in the past bound the date
    from below (model/extract/timeline/landmarks.py).
    """
    ev = Evidence()
    _landmark_clues(ev, text)
    _dates_in_text(ev, text, doc)
    _month_days_given_a_year(ev)
    if ev.low:
        ev.full = [f for f in ev.full if f[0] >= ev.low.date] or ev.full
    for rule in PUBLICATION_RULES:
        found = rule(ev)
        if found is not None:
            return found
    return None
