"""The publication date of an article that gives none, as far as its text allows.

A day is taken only on strong evidence: a dateline that dates the copy (`MOSCOW, Feb 22 (Reuters) –`),
or bounds that leave one day. Otherwise the text gives an interval: no earlier than the latest date
it reports as past (`met on 3 March 2023`, `in 2021`, a landmark referred to in the past), no later
than the earliest date it speaks of as still to come (`will meet on 9 March`, `next April`; a deadline
`by 2027` bounds it too, weakly, and is never taken as the date). Counts from a landmark (`about a year
ago, just before Russia invaded Ukraine`, `the first anniversary of the war`) bound it on both sides.
An interval is no date: ingest stores no day, keeps the interval in the basis, and every relative
date resolved against it is marked uncertain.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from model.dates import ALLOWS
from model.lexicon.calendar import MONTHS
from model.lexicon.page_dates import REVISION_NOTE_WORDS

from . import landmarks
from .candidates import Cand, candidates
from .context import Context
from .direction import LEAN_BACK, LEAN_FORWARD, direction_of, side_of_writing
from .interpret import Interp, interpret

COUNT_WINDOW = dt.timedelta(days=92)  # "about a year ago" counted from a landmark: within three months of it
ANNIVERSARY_WINDOW = dt.timedelta(days=7)  # "the first anniversary of the war": within a week of it
DATELINE_CONFIDENCE = 0.9
BOUNDED_DAY_CONFIDENCE = 0.6

# "MOSCOW, Feb 22 (Reuters) –", "WASHINGTON, March 3, 2023 /PRNewswire/ --": a place in capitals, a date, the
# agency, a dash, at the start of a line.
_MON = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*[A-Z][A-Z .'/\-]{{1,60}}?(?:,[ \t]*[A-Z][A-Za-z .]{{1,30}}?)?,[ \t]*{_MON}[ \t]+(?P<day>\d{{1,2}})"
    r"(?:,[ \t]*(?P<year>(?:19|20)\d\d))?[ \t]*(?:\([A-Z][A-Za-z&. ]{1,30}\)|/[A-Za-z ]{2,30}/)?[ \t]*(?:[-–—]{1,2}|:)"
)
_MONTH_NUMBERS = {m[:3]: i for i, m in enumerate(MONTHS, 1)}
_POST_SIGNATURE = re.compile(r"[—–-][^\n]{1,80}\(@\w{1,15}\)[ \t]*$")  # "— Jane Doe (@jdoe) November 19, 2019"
_REVISION_NOTE = re.compile(rf"(?:^|\n)[ \t*(\[]*(?:{'|'.join(REVISION_NOTE_WORDS)})\b[^\n]*$", re.I)


@dataclass(frozen=True)
class Bound:
    """One side of the interval: the date, why, and how fine the evidence is (day 3, month 2, year 1;
    when bounds contradict each other, the coarsest go first)."""

    date: dt.date
    why: str
    fineness: int


@dataclass
class Dating:
    """What the text says about when it was written: one day, or an interval (either end may be open)."""

    day: str | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: str = ""
    confidence: float | None = None  # None for an interval: no date to be confident in

    @property
    def interval(self) -> tuple[str, str] | None:
        """Both ends of the interval, when both are known and it is longer than a day."""
        return (self.earliest, self.latest) if self.day is None and self.earliest and self.latest else None


@dataclass
class Evidence:
    low: list[Bound] = field(default_factory=list)  # published on or after
    high: list[Bound] = field(default_factory=list)  # published on or before
    month_days: list[tuple[dict, str, int]] = field(default_factory=list)  # (spec, surface, side)
    past_weekdays: dict[int, str] = field(default_factory=dict)  # bare weekdays reported as past: day of week → words


# ---------------------------------------------------------------- a dateline


def _dateline(text: str) -> tuple[dt.date | None, tuple[int, int] | None, str] | None:
    """The dateline's date: (the day, if it has a year; else (month, day); its words), or None."""
    m = _DATELINE.search(text[:2000])
    if not m:
        return None
    month = _MONTH_NUMBERS.get(m.group("mon").lower()[:3])
    if month is None:
        return None
    words = " ".join(m.group(0).split())
    try:
        if m.group("year"):
            return dt.date(int(m.group("year")), month, int(m.group("day"))), None, words
        dt.date(2000, month, int(m.group("day")))  # a leap year: 29 February may exist
    except ValueError:
        return None
    return None, (month, int(m.group("day"))), words


# ---------------------------------------------------------------- bounds from the text's own dates


def _side(doc, c: Cand, text: str, year: bool) -> int:
    """-1 reported as past, +1 spoken of as still to come, 0 neither (no bound). A lean (only the clause's
    tense says it) is enough for a day or a month, not for a bare year (`the 2020 class has ...`)."""
    side = side_of_writing(doc, c.start, c.end, text)[0]
    if side in (LEAN_BACK, LEAN_FORWARD):
        return 0 if year else -1 if side == LEAN_BACK else 1
    return side


def _add_post_date(ev: Evidence, value: str | None, surface: str) -> None:
    """A quoted social-media post's date (`— Jane Doe (@jdoe) November 19, 2019`): the post came before the
    article, give or take a day of time zones. A bound as coarse as a month: it says nothing of the week."""
    if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        d = dt.date.fromisoformat(value) - dt.timedelta(days=1)
        ev.low.append(Bound(d, f"a quoted post is dated '{surface}' (less a day for time zones)", 2))


def _in_revision_note(text: str, start: int) -> bool:
    """`Correction added Nov. 18, 2019: …`: the date of a revision, not of the publication."""
    return bool(_REVISION_NOTE.search(text[max(0, start - 200) : start]))


def _add_value(ev: Evidence, value: str, side: int, surface: str) -> None:
    """A day, a month or a year the text reports as past (a lower bound) or looks forward to (an upper one)."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", value):
        first = last = dt.date.fromisoformat(value[:10])
        fineness = 3
    elif re.fullmatch(r"\d{4}-\d\d", value):
        y, m = map(int, value.split("-"))
        first, last, fineness = dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), 2
    elif re.fullmatch(r"\d{4}", value):
        first, last, fineness = dt.date(int(value), 1, 1), dt.date(int(value), 12, 31), 1
    else:
        return
    if side < 0:
        ev.low.append(Bound(first, f"'{surface}' is reported as past", fineness))
    else:
        ev.high.append(Bound(last, f"'{surface}' is spoken of as still to come", fineness))


def _dates_in_text(ev: Evidence, text: str, doc) -> None:
    """Explicit days, months and years the text reports as past or looks forward to; month-days for later."""
    ctx = Context(text, doc)
    for c in candidates(text):
        it: Interp = interpret(c, text, ctx)
        if it.drop or it.type != "DATE":
            continue
        if _is_bare_weekday(it.spec) and _said_in_past_tense(doc, c, text):
            ev.past_weekdays.setdefault(it.spec["dow"], " ".join(text[c.start : c.end].split()))
        is_md = (it.spec or {}).get("kind") == "md"
        if not (it.value and re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?(T.*)?", it.value)) and not is_md:
            continue
        if _POST_SIGNATURE.search(text[max(0, c.start - 120) : c.start]):
            _add_post_date(ev, it.value, " ".join(text[c.start : c.end].split()))
            continue
        side = _side(doc, c, text, year=bool(it.value and len(it.value) == 4))
        if side == 0 or _in_revision_note(text, c.start):
            continue
        surface = " ".join(text[c.start : c.end].split())
        if is_md:
            ev.month_days.append((it.spec, surface, side))
        else:
            _add_value(ev, it.value, side, surface)


def _landmark_bounds(ev: Evidence, text: str) -> None:
    """Landmarks referred to in the past bound from below; counts from a landmark bound on both sides."""
    for clue in landmarks.clues(text):
        if clue.kind == "bound":
            ev.low.append(Bound(clue.date, clue.basis, 3))
            continue
        window = ANNIVERSARY_WINDOW if "anniversary" in clue.basis else COUNT_WINDOW
        ev.low.append(Bound(clue.date - window, f"{clue.basis} (give or take {window.days} days)", 2))
        ev.high.append(Bound(clue.date + window, f"{clue.basis} (give or take {window.days} days)", 2))


# ---------------------------------------------------------------- the interval


def _ends(ev: Evidence) -> tuple[Bound | None, Bound | None]:
    """The latest lower bound and the earliest upper bound that agree: when they contradict each other,
    the coarsest bounds are dropped first (a year before a month before a day); None where nothing is left."""
    low, high = list(ev.low), list(ev.high)
    for fineness in (1, 2, 3):
        lo = max(low, key=lambda b: b.date, default=None)
        hi = min(high, key=lambda b: b.date, default=None)
        if lo is None or hi is None or lo.date <= hi.date:
            return lo, hi
        low = [b for b in low if b.fineness > fineness]
        high = [b for b in high if b.fineness > fineness]
    return None, None


def _month_days_in(ev: Evidence, lo: Bound | None, hi: Bound | None) -> tuple[Bound | None, Bound | None]:
    """The interval narrowed by the month-days without a year that it holds exactly once: those reported as past
    first, then those still to come, each only if it leaves the interval non-empty (a text that says both
    `will be in Beijing on February 28` and `on March 7 ... stated` contradicts itself, and the past wins)."""
    if lo is None or hi is None:
        return lo, hi
    first, last = lo.date, hi.date
    for spec, surface, side in sorted(ev.month_days, key=lambda m: m[2]):
        days = _month_day_between(spec["m"], spec["d"], first, last)
        if len(days) != 1:
            continue
        d = days[0]
        what = "reported as past" if side < 0 else "spoken of as still to come"
        bound = Bound(d, f"'{surface}' ({d.isoformat()}, the only one between {first} and {last}) is {what}", 3)
        if side < 0 and d > lo.date and d <= hi.date:
            lo = bound
        elif side > 0 and d < hi.date and d >= lo.date:
            hi = bound
    return lo, hi


def _said_in_past_tense(doc, c: Cand, text: str) -> bool:
    """`hosted Putin on Friday`, not `Monday's best deals include` (a weekday's event read as past)."""
    direction, why = direction_of(doc, c.start, c.end, "weekday", text)
    return direction == -1 and why.startswith("past tense")


def _is_bare_weekday(spec: dict | None) -> bool:
    return bool(spec) and spec.get("kind") == "weekday" and set(spec) <= {"kind", "dow"}


def _week_of_weekday(ev: Evidence, lo: Bound | None, hi: Bound | None) -> Bound | None:
    """`hosted Putin on Friday` in a text whose latest past day, `Friday, February 4`, is a Friday: news names
    the days of the week just gone by their weekday, so that Friday is the one, and the text was written
    within six days of it. The upper bound, narrowed so."""
    if lo is None or lo.fineness < 3:
        return hi
    words = ev.past_weekdays.get(lo.date.weekday())
    end = lo.date + dt.timedelta(days=6)
    if words is None or hi is not None and hi.date <= end:
        return hi
    return Bound(end, f"'{words}' is reported as past and names the weekday of {lo.date}: within six days of it", 3)


def _month_day_between(month: int, day: int, first: dt.date, last: dt.date) -> list[dt.date]:
    out = []
    for year in range(first.year, last.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if first <= d <= last:
            out.append(d)
    return out


def _with_dateline(md: tuple[int, int], words: str, lo: Bound | None, hi: Bound | None) -> tuple:
    """A dateline without a year: the publication date is that month-day in some year within the interval."""
    if lo is None:
        return lo, hi, None
    last = hi.date if hi else dt.date(lo.date.year + 1, 12, 31)
    days = _month_day_between(md[0], md[1], lo.date, last)
    if not days:
        return lo, hi, None
    why = f"the dateline '{words}' in the first year the text allows"
    if hi is not None and len(days) == 1:
        return Bound(days[0], why, 3), Bound(days[0], why, 3), days[0]
    return Bound(days[0], why, 3), hi, None


def _interval_basis(lo: Bound | None, hi: Bound | None) -> str:
    span = f"{lo.date.isoformat() if lo else ''}..{hi.date.isoformat() if hi else ''}"
    parts = [f"not stated; {ALLOWS} {span}"]
    if lo:
        parts.append(f"not before {lo.date}: {lo.why}")
    if hi:
        parts.append(f"not after {hi.date}: {hi.why}")
    return "; ".join(parts)


def infer_published(text: str, doc) -> Dating | None:
    """What the text alone says about its publication date (a `Dating`), or None when it says nothing.

    A dateline with a year gives the day; otherwise the bounds (see the module's docstring) give an
    interval, and a day only when the interval is one day long (a dateline's month-day may pick it).
    """
    line = _dateline(text)
    if line and line[0]:
        return Dating(line[0].isoformat(), None, None, f"dateline: '{line[2]}'", DATELINE_CONFIDENCE)
    ev = Evidence()
    _landmark_bounds(ev, text)
    _dates_in_text(ev, text, doc)
    lo, hi = _month_days_in(ev, *_ends(ev))
    hi = _week_of_weekday(ev, lo, hi)
    if line and line[1]:
        lo, hi, day = _with_dateline(line[1], line[2], lo, hi)
        if day is not None:
            return Dating(day.isoformat(), None, None, lo.why, DATELINE_CONFIDENCE)
    if lo is None and hi is None:
        return None
    if lo is not None and hi is not None and lo.date == hi.date:
        basis = f"the text allows one day, {lo.date}: {lo.why}; {hi.why}"
        return Dating(lo.date.isoformat(), None, None, basis, BOUNDED_DAY_CONFIDENCE)
    return Dating(
        None,
        lo.date.isoformat() if lo else None,
        hi.date.isoformat() if hi else None,
        _interval_basis(lo, hi),
        None,
    )
