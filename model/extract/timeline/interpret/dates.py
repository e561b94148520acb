"""Calendar dates: explicit dates, month-days, months, seasons, holidays, years, decades, centuries."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from model.lexicon.calendar import DECADE_WORDS, SEASONS, WEEKDAYS
from model.lexicon.numbers import SMALL_NUMBERS, TENS
from model.lexicon.time_words import MONTH_PREPS, SEASON_PREPS

from ..candidates import Cand
from ..context import Context
from ..holidays import HOLIDAYS
from ..readers import clock, full_year, month_number, next_word, prev_word
from ..years import not_a_year
from .interp import Interp


def _explicit_date(c: Cand, text: str, ctx: Context) -> Interp:
    """`2022-02-04`, `2/4/2022`: an explicit date."""
    g = c.data
    try:
        d = dt.date(full_year(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return Interp("DATE", drop=True)
    v = d.isoformat() + ("T" + g["t"] if g.get("t") else "")
    return Interp("TIME" if g.get("t") else "DATE", v, basis="explicit date")


def _month_day(c: Cand, text: str, ctx: Context) -> Interp:
    """`Feb. 4`, `the 4th of February 2022`, `9 a.m. Feb. 4`: a month-day, with its year if given."""
    g = c.data
    m, day = month_number(g["mon"]), int(re.match(r"\d+", g["d"]).group())
    t = clock(g["time"]) if g.get("time") else ""
    typ = "TIME" if t else "DATE"
    if g.get("y"):
        try:
            v = dt.date(int(g["y"]), m, day).isoformat()
        except ValueError:
            return Interp("DATE", drop=True)
        return Interp(typ, v + t, basis="explicit date")
    if day > calendar.monthrange(2000, m)[1]:
        return Interp("DATE", drop=True)
    spec = {"kind": "md", "m": m, "d": day}
    if g.get("dow"):
        spec["dow"] = WEEKDAYS.index(g["dow"].lower())
    if t:
        spec["time"] = t
    return Interp(typ, spec=spec, needs_dir=True)


def _month_year(c: Cand, text: str, ctx: Context) -> Interp:
    """`February 2022`, `late March of nineteen ninety-four`: a month of a year."""
    g = c.data
    if g.get("ys"):
        g = dict(g, y=spelled_year(g["ys"].lower()).value)
    m = month_number(g["mon"])
    mod = (g.get("mod") or "").lower()
    if "half" in mod:
        return Interp("DATE", g["y"], basis="explicit year")
    return Interp("DATE", "%s-%02d" % (g["y"], m), basis="explicit month and year")


def _month_of_relative_year(c: Cand, text: str, ctx: Context) -> Interp:
    """`March last year`, `January of next year`."""
    g = c.data
    return Interp(
        "DATE",
        spec={
            "kind": "month",
            "m": month_number(g["mon"]),
            "yoff": {"last": -1, "this": 0, "next": 1}[g["rel"].lower()],
        },
    )


def _relative_month(c: Cand, text: str, ctx: Context) -> Interp:
    """`last March`, `this September`, `next May`."""
    g = c.data
    rel = g["rel"].lower()
    m = month_number(g["mon"])
    if "last" in rel or "past" in rel:
        return Interp(
            "DATE",
            spec={
                "kind": "month",
                "m": m,
                "dir": -1,
                "strict": True,
                "why": f"'{g['rel']}'",
                **({"last": True} if rel == "last" else {}),
            },
        )
    if "next" in rel or "coming" in rel:
        return Interp("DATE", spec={"kind": "month", "m": m, "dir": 1, "strict": True, "why": f"'{g['rel']}'"})
    return Interp("DATE", spec={"kind": "month", "m": m, "yoff": 0})


def _bare_month(c: Cand, text: str, ctx: Context) -> Interp:
    """`in March`: a bare month name, a date only after a word that makes it one."""
    g = c.data
    if g["mon"] == "May" and not g.get("mod") and prev_word(text, c.start) not in MONTH_PREPS:
        return Interp("DATE", drop=True)
    if not g.get("mod") and prev_word(text, c.start) not in MONTH_PREPS | {"of", "and", "or", "to", "through"}:
        if not ctx.ent_date(c.start, c.end):
            return Interp("DATE", drop=True)
    return Interp("DATE", spec={"kind": "month", "m": month_number(g["mon"])}, needs_dir=True)


def _holiday(c: Cand, text: str, ctx: Context) -> Interp:
    """`Christmas`, `last Thanksgiving`, `Election Day`."""
    g = c.data
    name = re.sub(r"\s+", " ", g["h"]).replace("’", "'")
    key = next((h for h in HOLIDAYS if name.lower().startswith(h)), None)
    if key is None:
        return Interp("DATE", drop=True)
    rel = (g.get("rel") or "").lower()
    spec = {"kind": "holiday", "h": key}
    if rel:
        spec.update(dir={"last": -1, "next": 1, "this": 0}[rel], why=f"'{rel}'")
        return Interp("DATE", spec=spec)
    return Interp("DATE", spec=spec, needs_dir=True)


def _decade(c: Cand, text: str, ctx: Context) -> Interp:
    """`the 1980s`, `the '80s`, `the eighties`."""
    g = c.data
    low = text[c.start : c.end].lower()
    if g.get("w"):
        if not low.startswith("the"):
            return Interp("DATE", drop=True)
        d = DECADE_WORDS.index(g["w"].lower()) + 2
        return Interp("DATE", f"19{d}", basis="a decade")
    cent = g.get("c") or "19"
    return Interp("DATE", f"{cent}{g.get('d') or g.get('d2')}", basis="a decade")


def _century(c: Cand, text: str, ctx: Context) -> Interp:
    """`the 19th century`."""
    g = c.data
    return Interp("DATE", "%02d" % (int(g["n"]) - 1), basis="a century")


def _season(c: Cand, text: str, ctx: Context) -> Interp:
    """`last spring`, `the summer of 1990`, `in the fall` (a bare season needs a word before it)."""
    g = c.data
    s = SEASONS[g["s"].lower()]
    if g.get("ys"):
        g = dict(g, y=spelled_year(g["ys"].lower()).value)
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if g.get("y"):
        return Interp("DATE", f"{g['y']}-{s}", basis="explicit season and year")
    prev = prev_word(text, c.start)
    if rel in ("last", "this past"):
        return Interp("DATE", spec={"kind": "season", "s": s, "dir": -1, "strict": True, "why": f"'{g['rel']}'"})
    if rel in ("next", "this coming"):
        return Interp("DATE", spec={"kind": "season", "s": s, "dir": 1, "strict": True, "why": f"'{g['rel']}'"})
    if rel == "this":
        return Interp("DATE", spec={"kind": "season", "s": s, "dir": 0, "why": "'this'"})
    if rel in ("the", "early", "late", "mid", "mid-", "the early", "the late") and prev in SEASON_PREPS:
        if _names_something(g["s"], text, c.end):
            return Interp("DATE", drop=True)
        if s == "FA" and next_word(text, c.end) in ("in", "of", "from", "to"):
            return Interp("DATE", drop=True)
        return Interp("DATE", spec={"kind": "season", "s": s}, needs_dir=True)
    return Interp("DATE", drop=True)


def _names_something(season: str, text: str, end: int) -> bool:
    """`the Winter Olympics`, `the Summer Palace`, `the Spring Festival`: a capitalised season word right before
    another capitalised word is part of a name, not a season."""
    return season[:1].isupper() and re.match(r"[ \t]+[A-Z][a-z]", text[end : end + 4]) is not None


def _an_amount(c: Cand, text: str) -> bool:
    """`$1990`, `1990%`, `1,990`, `3.2020`, `#1990`: a number glued to a sign or another number is no year
    (one after ". " or ", " may be)."""
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 12]
    return bool(
        "$" in before
        or re.match(r"\s*(?:%|percent|per\s+cent|[-–]\d|,\d|\.\d|\d)", after)
        or re.search(r"\d\s?$|[\d.,]$", before)
        or re.search(r"[#№]\s*$", before)
    )


def _year(c: Cand, text: str, ctx: Context) -> Interp:
    """`1990`, `fiscal 1990`, `FY90`, `early 1990`, `the first half of 1990`, `year-end 1990`."""
    g = c.data
    y = int(g["y"]) if len(g["y"]) == 4 else full_year(g["y"])
    mod = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
    if c.kind == "fy":
        return Interp("DATE", str(y), basis="fiscal year")
    if _an_amount(c, text):
        return Interp("DATE", drop=True)
    if not mod and (y > 2099 or len(g["y"]) == 4 and not_a_year(y, c, text, ctx)):
        return Interp("DATE", drop=True)
    if "half" in mod:
        return Interp("DATE", f"{y}-H{1 if 'first' in mod else 2}", basis="explicit half year")
    if mod == "year-end":
        return Interp("DATE", f"{y}-12-31", basis="the end of the year")
    return Interp("DATE", str(y), basis="explicit year")


def spelled_year(low: str) -> Interp:
    """A year in words: 'nineteen ninety-four', 'the year two thousand'."""
    m = re.search(
        r"(nineteen|two thousand)(?:\s+hundred(?:\s+and)?|\s+and)?(?:[\s-]+([a-z]+)(?:[\s-]+([a-z]+))?)?", low
    )
    base = 1900 if m.group(1) == "nineteen" else 2000
    t, u = m.group(2), m.group(3)
    if base == 1900 and not t:
        return Interp("DATE", drop=True)
    n = 0
    if t:
        n = TENS.get(t, SMALL_NUMBERS.get(t, 0))
        if u:
            n += SMALL_NUMBERS.get(u, 0)
    if base == 2000 and not low.startswith("the year") and not t:
        return Interp("DATE", drop=True)
    return Interp("DATE", str(base + n), basis="year in words")


def _spelled(c: Cand, text: str, ctx: Context) -> Interp:
    """`nineteen ninety-four`: a year in words."""
    return spelled_year(text[c.start : c.end].lower())


# pattern kind → its interpreter
FAMILIES = {
    "iso": _explicit_date,
    "numdate": _explicit_date,
    "mdy": _month_day,
    "dmy": _month_day,
    "time_date": _month_day,
    "my": _month_year,
    "mrel": _month_of_relative_year,
    "relm": _relative_month,
    "month": _bare_month,
    "holiday": _holiday,
    "season": _season,
    "year": _year,
    "fy": _year,
    "decade": _decade,
    "decadew": _decade,
    "century": _century,
    "spelled": _spelled,
}
