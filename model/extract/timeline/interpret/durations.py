"""Stretches and frequencies: `five years`, `recent months`, `decades`, `daily`, `every Monday`."""

from __future__ import annotations

import re

from model.lexicon.calendar import DAY_PARTS, MONTHS, SEASONS, WEEKDAYS
from model.lexicon.time_words import FREQUENCIES

from ..candidates import Cand
from ..context import Context
from ..direction import future_verb
from ..readers import duration_value, number, prev_word, unit_name
from .interp import Interp


def _plain_duration(c: Cand, text: str, ctx: Context) -> Interp:
    """`decades`, `centuries-long`: an unspecified number of them (`centuries-old` is not a duration)."""
    g = c.data
    unit = unit_name(g["unit"])
    if text[c.start : c.end].lower().endswith("-old"):
        return Interp("DURATION", drop=True)
    return Interp(
        "DURATION",
        "P" + ("XE" if unit == "decade" else "XC"),
        basis="an unspecified number of " + g["unit"].lower(),
    )


def _bare_duration(c: Cand, text: str, ctx: Context) -> Interp:
    """`recent years`, `the past weeks`, `for months`; `the coming months` is a future reference."""
    g = c.data
    unit = unit_name(g["unit"])
    adj = (g.get("adj") or "").lower()
    if adj in ("the coming", "coming") and unit in ("month",):
        return Interp("DATE", "FUTURE_REF" if "coming" in adj else "PAST_REF", basis="vague reference")
    return Interp("DURATION", duration_value("X", unit), basis=f"an unspecified number of {g['unit'].lower()}")


def _a_rate(c: Cand, text: str, nw: str, unit: str) -> bool:
    """`$5 a year`, `twice a day`: a rate, which TimeML leaves unmarked."""
    if nw not in ("a", "an", "one") or c.data.get("long") or unit not in ("year", "month", "week", "day", "quarter"):
        return False
    return (
        nw in ("a", "an")
        and text[c.start : c.end].lower().startswith(("a ", "an "))
        and bool(
            re.search(
                r"(?:\d|percent|%|times|twice|once|thrice|billion|million|dollars|tons|barrels|shares)\W*$",
                text[max(0, c.start - 25) : c.start],
            )
            or prev_word(text, c.start) in ("per", "in", "of")
        )
    )


def _not_a_duration(c: Cand, text: str, n, nw: str, unit: str, adj: str) -> bool:
    """No number; a rate (`$5 a year`); an age (`a 20-year-old`); `a second` (an ordinal)."""
    return (
        n is None
        or _a_rate(c, text, nw, unit)
        or c.data.get("long") == "-old"
        and unit in ("year",)
        and not adj
        or nw == "a"
        and unit == "second"
    )


def _common_unit(unit: str, n):
    """Nights count days; fortnights count two weeks."""
    if unit == "night":
        return "day", n
    if unit == "fortnight":
        return "week", (2 * n if n != "X" else "X")
    return unit, n


def _in_units_ahead(c: Cand, text: str, ctx: Context, n, unit: str, adj: str) -> bool:
    """`the stock would be redeemed in five years`: the time that many units ahead, not a stretch."""
    return bool(
        isinstance(n, int)
        and not adj
        and unit in ("year", "month")
        and prev_word(text, c.start) == "in"
        and future_verb(ctx.doc, c.start, c.end)
    )


def _duration(c: Cand, text: str, ctx: Context) -> Interp:
    """`the past two months`, `five years`, `a 10-year`, `5 1/2 hours`; `in five years` with a verb in the
    future is a date."""
    g = c.data
    unit = unit_name(g["unit"])
    adj = (g.get("adj") or "").lower()
    n = number(g["n"])
    if _not_a_duration(c, text, n, g["n"].lower(), unit, adj):
        return Interp("DURATION", drop=True)
    unit, n = _common_unit(unit, n)
    if adj in ("recent",) and n == "X":
        return Interp("DATE", "PAST_REF", basis="vague reference to the past")
    if _in_units_ahead(c, text, ctx, n, unit, adj):
        return Interp(
            "DATE", spec={"kind": "offset", "unit": unit, "n": n, "gran": unit, "why": "'in' with a verb in the future"}
        )
    return Interp("DURATION", duration_value(n, unit), basis=f"{g['n']} {g['unit']}")


def _set(c: Cand, text: str, ctx: Context) -> Interp:
    """`daily`, `every Monday`, `each quarter`: a frequency (TIMEX3 SET)."""
    g = c.data
    w = re.sub(r"\s+", " ", g["w"].lower())
    if w in FREQUENCIES:
        if w in ("annually", "yearly") and re.search(r"[\d%]", text[max(0, c.start - 40) : c.start]):
            return Interp("SET", drop=True)
        return Interp("SET", FREQUENCIES[w], basis="a frequency")
    last = w.split()[-1]
    if last in WEEKDAYS:
        return Interp("SET", f"XXXX-WXX-{WEEKDAYS.index(last) + 1}", basis="every " + last)
    if last in MONTHS:
        return Interp("SET", "XXXX-%02d" % (MONTHS.index(last) + 1), basis="every " + last)
    if last in SEASONS:
        return Interp("SET", f"XXXX-{SEASONS[last]}", basis="every " + last)
    if last in DAY_PARTS:
        return Interp("SET", "P1D", basis="every " + last)
    n = 2 if "other" in w else 1
    return Interp("SET", duration_value(n, last), basis="every " + last)


# pattern kind → its interpreter
FAMILIES = {
    "dur": _duration,
    "dur_bare": _bare_duration,
    "dur_plain": _plain_duration,
    "set": _set,
}
