"""Counted from the time of writing: `two weeks ago`, `last month`, `the coming year`, `the year`,
`year-end`, `earlier in the week`, `year-earlier`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.lexicon.time_words import RELATIVE_STEPS

from ..candidates import Cand
from ..context import Context
from ..readers import clause_before, duration_value, number, prev_word, unit_name
from .interp import Interp
from .quarters import AMOUNT_BEFORE, LONG_PERIOD, shift_quarter


def _not_counted(g: dict, n, unit: str, sign: int) -> Interp | None:
    """`hours ago` (not a date), `12,000 week ago` (not a count), `several years ago` (a vague reference)."""
    if n is None or unit in ("hour", "minute", "second"):
        return Interp("DATE", drop=True)
    if n != "X" and n > 1 and not g["unit"].lower().endswith("s"):
        # "versus 12,000 week ago": a number with a singular unit does not count it (12,000 [a] week ago)
        return Interp("DATE", drop=True)
    if n == "X":
        return Interp("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", basis="vague amount of time")
    return None


def _a_year_ago(c: Cand, text: str, ctx: Context, spec: dict, sign: int) -> Interp | None:
    """In a results story, the quarter a year back; after `from` or `than`, the month a year back."""
    if ctx.fin_quarter(c.start):
        return Interp("DATE", spec=shift_quarter(ctx.last_quarter(c.start), 4 * sign))
    if c.data["dir"].lower() == "ago" and re.search(
        r"(?:\bfrom|\bthan|compared\s+with|(?:up|down)\s+from\s+[\w$#.,%]+)\s+$",
        text[max(0, c.start - 40) : c.start],
        re.I,
    ):
        # "production fell 8.4% from a year ago", "up from seven a year ago": a level compared with the
        # same point of last year, the month a year back
        spec.update(gran="month", why="a level compared with the same point a year back")
    return None


def _ago(c: Cand, text: str, ctx: Context) -> Interp:
    """`two weeks ago`, `five years earlier`, `a month from now`."""
    g = c.data
    n = number(g["n"])
    unit = unit_name(g["unit"])
    sign = 1 if g["dir"].lower() in ("later", "from now", "hence") else -1
    not_counted = _not_counted(g, n, unit, sign)
    if not_counted is not None:
        return not_counted
    if unit in ("night", "fortnight"):
        unit, n = ("day", n) if unit == "night" else ("week", 2 * n)
    if not float(n).is_integer():
        return Interp("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", basis="fractional amount of time")
    # "two weeks ago" names a day about 14 days back (it lies inside the ISO week TimeML may give)
    spec = {
        "kind": "offset",
        "unit": unit,
        "n": sign * int(n),
        "gran": "day" if unit == "week" else unit,
        "approx": True,
    }
    if unit == "year" and n == 1 and (it := _a_year_ago(c, text, ctx, spec, sign)) is not None:
        return it
    year = _year_of_the_sentence(c, text, ctx) if unit == "year" and g["dir"].lower() != "ago" else None
    if year is not None and g["dir"].lower() in ("earlier", "later", "before"):
        return Interp(
            "DATE", str(year + sign * int(n)), basis=f"{g['n']} {g['unit']} {g['dir']} than {year}, named before it"
        )
    if g["dir"].lower() in ("earlier", "later", "before") and unit != "year":
        return Interp("DURATION", duration_value(n, unit), basis=f"{g['n']} {g['unit']}, counted from another event")
    return Interp("DATE", spec=spec)


def _the_year(c: Cand, text: str, ctx: Context) -> Interp:
    """`the year`, `the fiscal year ended`, `over the weekend`."""
    g = c.data
    unit = g["unit"].lower()
    prev = prev_word(text, c.start)
    if unit == "weekend":
        if prev not in ("over", "during", "on", "at", "this", "the", "through", "throughout", "for", "by", "until"):
            return Interp("DATE", drop=True)
        return Interp("DATE", spec={"kind": "weekend"}, needs_dir=True)
    if g.get("ended"):
        return Interp("DURATION", "P1Y", basis="a (fiscal) year")
    # "the first nine months of the year", "the second half of the year": part of the current year
    part_of = prev == "of" and re.search(
        r"\b(?:months|weeks|half|quarter|part)\s+of\s+$", text[max(0, c.start - 20) : c.start]
    )
    if g.get("mod") or prev in ("for", "during", "throughout", "in", "over") or g.get("adj") or part_of:
        return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": 0, "gran": "year"})
    return Interp("DATE", drop=True)


def _year_end(c: Cand, text: str, ctx: Context) -> Interp:
    """`year-end`, `since year's end`."""
    if prev_word(text, c.start) == "since":
        return Interp(
            "DATE",
            spec={"kind": "md", "m": 12, "d": 31, "dir": -1, "why": "'since year-end': the last end of a year"},
        )
    return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": 0, "gran": "year"})


def _earlier_in(c: Cand, text: str, ctx: Context) -> Interp:
    """`earlier in the week`, `later in the year`."""
    g = c.data
    unit = g["unit"].lower()
    return Interp("DATE", spec={"kind": "offset", "unit": unit, "n": 0, "gran": unit})


def _year_ago_adjective(c: Cand, text: str, ctx: Context) -> Interp:
    """`year-earlier`, `a year ago`: the year before, or in a results story the quarter a year back."""
    if ctx.fin_quarter(c.start) and not LONG_PERIOD.search(clause_before(text, c.start)):
        return Interp("DATE", spec=shift_quarter(ctx.last_quarter(c.start), -4))
    year = _year_of_the_sentence(c, text, ctx)
    if year is not None and "ago" not in text[c.start : c.end].lower():
        return Interp("DATE", str(year - 1), basis=f"the year before {year}, named before it")
    return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": -1, "gran": "year"})


def _year_of_the_sentence(c: Cand, text: str, ctx: Context) -> int | None:
    """The year a date named before it in its sentence holds ("hit a record in 2023, up 26% from a year earlier":
    2023), or None. "Earlier" and "later" count from the time the text is at, as TimeML anchors them on the last
    date mentioned; "ago" from the time of writing. Not across sentences: a date the rules do not read may come
    between (Reuters 2,000: of 10 values changed, 8 right, 1 as wrong as before, 1 either; across sentences 2 of
    4 more were wrong)."""
    mention = ctx.last_year_mention(c.start)
    if mention is None or re.search(r"[.!?][\"”’']?\s", text[mention[0] : c.start]):
        return None  # (in the sentence before: "… of 1985/86. Stocks at end-January were … a year earlier")
    if any(mention[0] < offset < c.start for offset, _, _ in ctx.refs):
        return None  # a date named since ("… in February 1986. In January prices had fallen … a year earlier")
    return mention[1]


@dataclass(frozen=True)
class RelUnit:
    """`(mod) rel unit`: `the end of | this | year`."""

    rel: str  # "last", "the coming", "that", ...
    unit: str  # "week", "weekend", "month", "year", "quarter", "decade", "century"
    mod: str  # "earlier", "the end of", ...
    n: int  # units from now: RELATIVE_STEPS[rel]
    surface: str  # the expression, lower-cased


def _same_as_mentioned(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    """`the same quarter`, `that year`: the one last mentioned (of any other unit: not a date)."""
    if r.rel in ("the same", "that"):
        if r.unit == "quarter" and ctx.last_quarter(c.start):
            return Interp("DATE", spec=shift_quarter(ctx.last_quarter(c.start), 0))
        if r.unit != "year" or not ctx.last_year(c.start):
            return Interp("DATE", drop=True)
    return None


def _year_from_mentioned(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    """`that year`, `the following year`: counted from the year last mentioned."""
    if r.rel in ("the same", "that", "the following", "the previous", "the prior") and r.unit == "year":
        ref = ctx.last_year(c.start)
        if ref:
            y = ref + (r.n if r.rel not in ("the same", "that") else 0)
            return Interp("DATE", str(y), basis=f"{ref}, the year last mentioned")
    return None


def _decade_or_century_stretch(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    """`the past decade`, `the next century`: a stretch of time."""
    if r.unit in ("decade", "century") and r.rel in ("the past", "the last", "the coming", "the next") and not r.mod:
        return Interp("DURATION", duration_value(1, r.unit), basis="one " + r.unit)
    return None


def _relative_quarter(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    """`this quarter`, `last quarter`, `the latest quarter`."""
    if r.unit != "quarter":
        return None
    if (
        r.rel == "this"
        and ctx.financial
        and ctx.reported_quarter(c.start)
        and re.match(
            r"['’]s\s+(?:\w+\s+)?(?:loss|losses|results|earnings|profit|net|sales|revenue)\b", text[c.end - 2 :]
        )
    ):
        # "This quarter's loss includes charges": results already reported are the quarter the story reports
        return Interp("DATE", spec=shift_quarter(ctx.reported_quarter(c.start), 0))
    if r.rel in ("this", "the current", "the same") and not r.mod:
        return Interp("DATE", spec={"kind": "qrel", "n": 0})
    ref = ctx.reported_quarter(c.start) if r.rel in ("the latest",) else None
    if ref:
        return Interp("DATE", spec=shift_quarter(ref, 0))
    return Interp("DATE", spec={"kind": "qrel", "n": r.n})


def _relative_weekend(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    if r.unit == "weekend":
        return Interp("DATE", spec={"kind": "offset", "unit": "weekend", "n": r.n if r.n else 0, "gran": "weekend"})
    return None


def _past_week(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    """`for the last week`: the seven days up to the anchor, as the ISO week holding most of them (their middle)."""
    if r.unit == "week" and r.rel in ("the past", "the last") and not r.mod:
        return Interp(
            "DATE",
            spec={
                "kind": "offset",
                "unit": "day",
                "n": -3,
                "gran": "week",
                "why": "the seven days to it, in the week holding most of them",
            },
        )
    return None


def _end_of_this_year(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp | None:
    if r.unit == "year" and r.mod in ("the end of",) and r.n == 0:
        return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": 0, "gran": "year"})
    return None


def _units_from_now(c: Cand, text: str, ctx: Context, r: RelUnit) -> Interp:
    """`last month`, `next year`; in a results story `last year's quarter` and `a loss of $3 million last
    year` are the quarter a year back."""
    spec = {"kind": "offset", "unit": r.unit, "n": r.n, "gran": r.unit}
    last_year_in_results = r.unit == "year" and r.n == -1 and r.rel == "last" and ctx.fin_quarter(c.start)
    if last_year_in_results and re.match(
        r"\s*['’]s\s+(?:\w+\s+)?(?:quarter|period)", text[c.end - 2 if r.surface.endswith("'s") else c.end :]
    ):
        spec["gran"] = "quarter"
    elif (
        last_year_in_results
        and not LONG_PERIOD.search(clause_before(text, c.start))
        and (
            AMOUNT_BEFORE.search(text[max(0, c.start - 80) : c.start])
            or re.match(r"['’]s\s+(?:[\w-]+\s+)?[$#]?[\d.,]+\s+(?:million|billion)", text[c.end - 2 :])
        )
    ):
        # "compared with a loss of $3 million last year", "from last year's $1.55 billion": the amount
        # compared with is the quarter's, a year back
        return Interp("DATE", spec=shift_quarter(ctx.last_quarter(c.start), -4))
    return Interp("DATE", spec=spec)


# The rules for `(mod) rel unit`, in order: the first that gives an interpretation decides.
_RELUNIT_RULES = (
    _same_as_mentioned,
    _year_from_mentioned,
    _decade_or_century_stretch,
    _relative_quarter,
    _relative_weekend,
    _past_week,
    _end_of_this_year,
)


def _relunit(c: Cand, text: str, ctx: Context) -> Interp:
    """`last week`, `the coming month`, `this quarter's loss`, `the same year`, `the end of this year`."""
    g = c.data
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    r = RelUnit(
        rel, g["unit"].lower(), (g.get("mod") or "").lower(), RELATIVE_STEPS[rel], text[c.start : c.end].lower()
    )
    for rule in _RELUNIT_RULES:
        it = rule(c, text, ctx, r)
        if it is not None:
            return it
    return _units_from_now(c, text, ctx, r)


# pattern kind → its interpreter
FAMILIES = {
    "ago": _ago,
    "relunit": _relunit,
    "theyear": _the_year,
    "yearend": _year_end,
    "earlier_in": _earlier_in,
    "yearadj": _year_ago_adjective,
}
