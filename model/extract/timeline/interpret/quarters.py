"""Quarters and halves: `the third quarter`, `Q3 1990`, `the year-ago period`, `the first half of 1990`;
in a results story, the quarter it reports on."""

from __future__ import annotations

import re

from model.lexicon.numbers import QUARTER_ORDINALS

from ..candidates import Cand
from ..context import Context
from ..patterns import MON
from ..readers import clause_before, full_year, month_number
from .interp import Interp


def _half_year(c: Cand, text: str, ctx: Context) -> Interp:
    """`the first half of 1990`."""
    g = c.data
    h = 1 if g["o"].lower() == "first" else 2
    return Interp("DATE", f"{g['y']}-H{h}", basis="explicit half year")


def _quarter_code(c: Cand, text: str, ctx: Context) -> Interp:
    """`Q3`, `3Q 1990`: a quarter in code."""
    g = c.data
    q = int(g.get("q1") or g.get("q2"))
    if g.get("y"):
        return Interp("DATE", f"{full_year(g['y'])}-Q{q}", basis="explicit quarter")
    return Interp("DATE", spec={"kind": "quarter", "q": q}, needs_dir=True)


def _period(c: Cand, text: str, ctx: Context) -> Interp:
    """`the year-ago period`, `the 1988 period`: the quarter a results story reports on."""
    g = c.data
    if not ctx.earnings:
        return Interp("DATE", drop=True)
    pre = g["pre"].lower()
    ref = ctx.reported_quarter(c.start)  # "the 1988 / year-ago / latest period": the quarter reported on
    if re.fullmatch(r"\d{4}", pre):
        if (
            ref
            and "spec" in ref
            and ref["spec"].get("kind") == "quarter"
            and not LONG_PERIOD.search(clause_before(text, c.start))
        ):
            return Interp("DATE", f"{pre}-Q{ref['spec']['q']}", basis="the quarter last mentioned, in that year")
        return Interp("DATE", pre, basis="explicit year")
    if pre in ("year-earlier", "year-ago", "year-before", "comparable", "corresponding"):
        return Interp("DATE", spec=shift_quarter(ref, -4))
    return Interp("DATE", spec=shift_quarter(ref, 0))


def shift_quarter(ref: dict | None, n: int) -> dict:
    """A spec for the quarter `n` quarters from the last one mentioned (or from the last completed one)."""
    if ref and ref.get("spec") and ref["spec"].get("kind") in ("quarter", "qrel"):
        s = dict(ref["spec"])
        if s["kind"] == "qrel":
            s["n"] += n
        else:
            s["shift"] = s.get("shift", 0) + n
        return s
    if ref and ref.get("value") and re.fullmatch(r"\d{4}-Q[1-4]", ref["value"]):
        y, q = int(ref["value"][:4]), int(ref["value"][-1])
        k = y * 4 + q - 1 + n
        return {"kind": "abs", "value": f"{k // 4}-Q{k % 4 + 1}"}
    return {"kind": "qrel", "n": -1 + n}


# a period longer than a quarter named earlier in the sentence: the comparison is of that period
LONG_PERIOD = re.compile(r"\b(?:(?:six|nine|twelve|6|9|12)[\s-]+months|(?:the|fiscal)\s+year\b(?!['’-]))", re.I)


AMOUNT_BEFORE = re.compile(
    r"\b(?:compared\s+with|from)\s+(?:(?:a\s+)?(?:loss|profit|earnings|net|income)\s+of\s+)?"
    r"[A-Z]*[$#][\d.,]+(?:\s+(?:million|billion))?(?:,\s+or\s+[^,]{1,30},)?\s*$"
)


def _halves_and_sets(qw: str, low: str, years: list[str]) -> Interp | None:
    """`quarters`, `each quarter`, `the first half of 1990` (a half without a year is dropped)."""
    if qw == "quarters" or (qw == "half" and not re.search(r"first|second|last", low)):
        return Interp("DATE", drop=True)
    if low.startswith(("each", "every")):
        return Interp("SET", "P3M" if qw == "quarter" else "P6M", basis="every " + qw)
    if qw == "half":
        if not years:
            return Interp("DATE", drop=True)
        return Interp("DATE", f"{years[-1]}-H{1 if 'first' in low else 2}", basis="explicit half year")
    return None


def _quarter_number(qw: str, head: str) -> int | None:
    """`Q3`, `the third quarter`, `the fiscal-second quarter`, `the final quarter`: which quarter, if said."""
    q = int(qw[1]) if re.fullmatch(r"q[1-4]", qw) else None
    for w, n in QUARTER_ORDINALS.items():
        if re.search(rf"(?:(?<![\w-])|(?<=fiscal-)){w}\b", head):
            q = n
    if re.search(r"\bfinal\b|\blast (?!year)", head) and not head.startswith("last quarter"):
        q = 4
    return q


def _year_offset(low: str) -> int | None:
    """`year-ago`, `last year's` → -1; `next year` → +1; `this year` → 0; None if not said."""
    if re.search(r"year-ago|year-earlier|year-before|a year (?:ago|earlier)|last year", low):
        return -1
    if "next year" in low:
        return 1
    if "this year" in low:
        return 0
    return None


def _quarter_named_after(c: Cand, text: str, ctx: Context, years: list[str], yoff: int | None) -> Interp | None:
    """`the year-ago quarter, the second quarter ...`, `the quarter ended July 31`: named by what follows."""
    # an apposition names one quarter twice: "the year-ago quarter, the second quarter ended Oct. 31, ..."
    if yoff == -1 and not years and (m := QUARTER_APPOS.match(text, c.end)):
        return Interp(
            "DATE",
            spec={
                "kind": "quarter",
                "q": QUARTER_ORDINALS[m.group(1).lower()],
                "yoff": -1,
                "why": "the quarter named in apposition",
            },
        )
    ended = re.match(rf"\s+end(?:ed|ing)\s+(?P<mon>{MON})\s*\d", text[c.end : c.end + 20])
    if ended and not years and yoff is None and ctx.last_quarter(c.start) is None:
        # "the quarter ended July 31", with no quarter named before (a company's fiscal quarters keep the
        # names it gives them): the calendar quarter holding most of the three months to that date
        q = (month_number(ended.group("mon")) - 2) % 12 // 3 + 1
        return Interp(
            "DATE", spec={"kind": "quarter", "q": q, "dir": -1, "why": f"the quarter ended in {ended.group('mon')}"}
        )
    return None


def _unnumbered_quarter(c: Cand, text: str, ctx: Context, low: str, years: list[str], yoff: int | None) -> Interp:
    """`the quarter`, `the year-ago quarter`, `the quarter ended July 31`, `next quarter`, `the latest quarter`."""
    named = _quarter_named_after(c, text, ctx, years, yoff)
    if named is not None:
        return named
    if low.startswith(("a ", "an ")):
        return Interp("DURATION", "P3M", basis="one quarter")
    if not ctx.financial and low in ("quarter", "the quarter"):
        return Interp("DATE", drop=True)
    if low.startswith("next"):
        return Interp("DATE", spec={"kind": "qrel", "n": 1})
    if low.startswith("last") and yoff is None:
        return Interp("DATE", spec={"kind": "qrel", "n": -1})
    if re.search(r"\bcurrent\b", low):
        return Interp("DATE", spec={"kind": "qrel", "n": 0})
    ref = ctx.reported_quarter(c.start) if re.search(r"\b(?:latest|recent)\b", low) else ctx.last_quarter(c.start)
    if years and ref and ref.get("q"):
        return Interp("DATE", f"{years[0]}-Q{ref['q']}", basis="the quarter last mentioned, in that year")
    return Interp("DATE", spec=shift_quarter(ref, -4 if yoff == -1 else 0))


def _numbered_quarter(c: Cand, text: str, q: int, years: list[str], yoff: int | None) -> Interp:
    """`the third quarter (of 1990)`; after `the year-ago quarter, ` the same quarter a year back."""
    if (
        yoff is None
        and not years
        and re.search(
            r"(?:year-ago|year-earlier|year-before|a\s+year\s+(?:ago|earlier)|last\s+year['’]s)\s+quarter,\s+$",
            text[max(0, c.start - 40) : c.start],
            re.I,
        )
    ):
        yoff = -1
    if years:
        return Interp("DATE", f"{years[0]}-Q{q}", basis="explicit quarter and year")
    spec = {"kind": "quarter", "q": q}
    if yoff is not None:
        spec["yoff"] = yoff
        return Interp("DATE", spec=spec)
    return Interp("DATE", spec=spec, needs_dir=True)


def _quarter(c: Cand, text: str, ctx: Context) -> Interp:
    """`the third quarter`, `Q3`, `the year-ago quarter`, `the first half of 1990`, `each quarter`."""
    low = re.sub(r"\s+", " ", text[c.start : c.end].lower())
    qw = c.data["q"].lower()
    years = re.findall(r"(?:19|20)\d\d", low)
    early = _halves_and_sets(qw, low, years)
    if early is not None:
        return early
    q = _quarter_number(qw, low.split(" of ")[0])  # "the third quarter" of "the third quarter of 1990"
    yoff = _year_offset(low)
    if q is None:
        return _unnumbered_quarter(c, text, ctx, low, years, yoff)
    return _numbered_quarter(c, text, q, years, yoff)


QUARTER_APPOS = re.compile(
    r",\s+(?:the\s+|its\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter", re.I
)


# pattern kind → its interpreter
FAMILIES = {
    "quarter": _quarter,
    "halfyear": _half_year,
    "qcode": _quarter_code,
    "period": _period,
}
