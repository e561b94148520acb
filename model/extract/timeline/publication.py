"""The publication date of an article that gives none, inferred from its text."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from model.lexicon.calendar import WEEKDAYS

from . import landmarks
from .candidates import candidates
from .context import Context
from .direction import LEAN_FORWARD, direction_of
from .interpret import interpret


def infer_published(text: str, doc) -> tuple[str, str, float] | None:
    """Publication date from the text alone: (YYYY-MM-DD, basis in words, confidence 0..1), or None.

    Evidence, strongest first: landmark anniversaries (`the first anniversary of the war`); the latest
    explicit full date not looking forward; month-days given a year by a landmark count
    (`about a year ago, just before Russia invaded Ukraine`) or by the nearest explicit year; a weekday
    that agrees with a date raises confidence. Landmarks the text refers to in the past bound the date
    from below (model/extract/timeline/landmarks.py).
    """
    ctx = Context(text, doc)
    found = landmarks.clues(text)
    bounds = [c for c in found if c.kind == "bound"]
    low = max(bounds, key=lambda c: c.date) if bounds else None
    anchors = sorted((c for c in found if c.kind == "anchor"), key=lambda c: (-c.confidence, c.start))
    estimate = anchors[0] if anchors else None
    full: list[tuple[dt.date, str, float]] = []
    months: list[tuple[dt.date, str]] = []
    years: list[tuple[int, int]] = []  # (offset, year)
    mds = []
    for c in candidates(text):
        it = interpret(c, text, ctx)
        if it.drop:
            continue
        surface = text[c.start : c.end]
        if it.value and re.fullmatch(r"\d{4}", it.value):
            years.append((c.start, int(it.value)))
        if c.kind in ("mdy", "dmy", "iso", "numdate", "time_date", "my") or (it.spec or {}).get("kind") == "md":
            if direction_of(doc, c.start, c.end, text=text)[0] in (1, LEAN_FORWARD):
                continue  # a date the text looks forward to says nothing about when it was written
            if it.value and re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", it.value):
                d = dt.date.fromisoformat(it.value[:10])
                ok = c.data.get("dow") and WEEKDAYS.index(c.data["dow"].lower()) == d.weekday()
                full.append(
                    (
                        d,
                        f"the latest explicit date in the text, '{surface}'" + ("; its weekday agrees" if ok else ""),
                        0.7 if ok else 0.6,
                    )
                )
            elif it.value and re.fullmatch(r"\d{4}-\d\d", it.value):
                y, m = map(int, it.value.split("-"))
                months.append((dt.date(y, m, 1), surface))
            elif it.spec and it.spec.get("kind") == "md":
                mds.append((c, it.spec, surface))
    for c, spec, surface in mds:
        if estimate is not None:
            ref_year, why = estimate.date.year, f"the year of the landmark count ({estimate.basis})"
            cands = []
            for y in (ref_year - 1, ref_year, ref_year + 1):
                try:
                    cands.append(dt.date(y, spec["m"], spec["d"]))
                except ValueError:
                    pass
            if not cands:
                continue
            d = min(cands, key=lambda x: abs((x - estimate.date).days))
        elif years:
            y = min(years, key=lambda oy: abs(oy[0] - c.start))[1]
            why = f"the nearest explicit year, {y}"
            try:
                d = dt.date(y, spec["m"], spec["d"])
            except ValueError:
                continue
        else:
            continue
        full.append((d, f"'{surface}' in {d.year}, given by {why}", 0.5))
    if low:
        full = [f for f in full if f[0] >= low.date] or full
    if estimate is not None and estimate.confidence >= 0.7:
        return estimate.date.isoformat(), estimate.basis, estimate.confidence
    if full:
        d, basis, conf = max(full, key=lambda f: f[0])
        if low and d >= low.date:
            basis += f"; not before {low.basis}"
        return d.isoformat(), basis, conf
    if estimate is not None:
        return estimate.date.isoformat(), estimate.basis, estimate.confidence
    if months:
        d, surface = max(months)
        last = dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        return last.isoformat(), f"the end of the latest month named in the text, '{surface}'", 0.3
    if years:
        y = max(y for _, y in years)
        return f"{y}-12-31", f"the end of the latest year named in the text, {y}", 0.15
    if low:
        return low.date.isoformat(), f"no date in the text; not before {low.basis}", 0.1
    return None
