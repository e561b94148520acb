"""Days and their parts: weekdays, `today`, `the day before`, `that morning`, clock times."""

from __future__ import annotations

import re

from model.lexicon.calendar import DAY_PARTS, WEEKDAYS
from model.lexicon.time_words import EVENT_NOUNS

from ..candidates import Cand
from ..context import Context
from ..direction import direction_of
from ..patterns import DAYNUM, DOW, MON
from ..readers import clock, next_word, prev_word
from .interp import Interp


def _weekday(c: Cand, text: str, ctx: Context) -> Interp:
    """`Friday`, `last Friday's`, `9 a.m. Tuesday`: a weekday."""
    g = c.data
    dow = WEEKDAYS.index(g["dow"].lower())
    spec = {"kind": "weekday", "dow": dow}
    if g.get("time"):
        spec["time"] = clock(g["time"])
    elif g.get("part") and g["part"].lower() != "night":
        spec["part"] = DAY_PARTS[g["part"].lower()]
    rel = (g.get("rel") or "").lower()
    if rel in ("the previous", "the following") and (ref := ctx.last_ref(c.start, "day")) is not None:
        # "down 4.5% from the previous Friday": the Friday before the day last mentioned, not before today
        spec.update(dir=-1 if rel == "the previous" else 1, strict=True, base=ref, why=f"'{g['rel']}'")
        return Interp("DATE", spec=spec)
    if rel in ("last", "this past", "the previous"):
        spec.update(dir=-1, strict=True, why=f"'{g['rel']}'")
        return Interp("DATE", spec=spec)
    if rel in ("next", "this coming", "the following"):
        spec.update(dir=1, strict=True, why=f"'{g['rel']}'")
        return Interp("DATE", spec=spec)
    return Interp("TIME" if spec.get("time") else "DATE", spec=spec, needs_dir=True)


def _relative_day(c: Cand, text: str, ctx: Context) -> Interp:
    """`today`, `yesterday morning`, `the day after tomorrow`, `9 a.m. today`."""
    g = c.data
    w = g["w"].lower()
    n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(w.split()[0] if " " not in w else "", None)
    if n is None:
        n = -2 if "before" in w else 2
    if w in ("today's", "today’s") and next_word(text, c.end) not in EVENT_NOUNS:
        return Interp("DATE", drop=True)
    spec = {"kind": "offset", "unit": "day", "n": n, "gran": "day"}
    if g.get("time"):
        spec["time"] = clock(g["time"])
    elif w == "tonight" or (g.get("part") or "").lower() == "night":
        spec["part"] = "NI"
    elif g.get("part"):
        spec["part"] = DAY_PARTS[g["part"].lower()]
    return Interp("TIME" if "part" in spec or "time" in spec else "DATE", spec=spec)


def _a_day(c: Cand, text: str, ctx: Context) -> Interp:
    """`it was a great day for Poland`: the day the sentence is about."""
    be = re.search(
        r"\b(?:it|this|today)\s*(?P<be>is|was|['’]s)\s+[\"“'‘`]*a\s+$", text[max(0, c.start - 20) : c.start], re.I
    )
    if not be:
        return Interp("DATE", drop=True)
    ref = ctx.last_ref(c.start, "day") if be.group("be") == "was" else None
    if ref is not None:
        return Interp(
            "DATE",
            spec={
                "kind": "relref",
                "unit": "day",
                "n": 0,
                "base": ref,
                "why": "'it was a ... day': the day last mentioned",
            },
        )
    return Interp(
        "DATE",
        spec={
            "kind": "offset",
            "unit": "day",
            "n": 0,
            "gran": "day",
            "why": "'it is a ... day': the day of writing",
        },
    )


def _day_in_apposition(c: Cand, text: str, ctx: Context) -> Interp:
    """`Oct. 12, the day before the plunge`: an apposition naming the date just given."""
    ref = ctx.last_ref(c.start, "day", within=30)
    if ref is None or not re.search(rf"(?:{MON}\s*{DAYNUM}|{DOW}),\s$", text[max(0, c.start - 30) : c.start]):
        return Interp("DATE", drop=True)
    return Interp(
        "DATE",
        spec={
            "kind": "relref",
            "unit": "day",
            "n": 0,
            "base": ref,
            "near": True,
            "why": "an apposition to that date",
        },
    )


def _day_before_weekday(c: Cand, text: str, ctx: Context) -> Interp:
    """`the day before last Tuesday's hearing`."""
    g = c.data
    dow_at = c.start + re.search(DOW, text[c.start : c.end]).start()
    base = {"kind": "weekday", "dow": WEEKDAYS.index(g["dow"].lower())}
    wrel = (g.get("wrel") or "").lower()
    if wrel in ("last", "next"):
        base.update(dir=-1 if wrel == "last" else 1, strict=True, why=f"'{wrel}'")
    else:
        base["dir"], base["why"] = direction_of(ctx.doc, dow_at, c.end, "weekday", text)
        if not isinstance(base["dir"], int) or base["dir"] == 0:
            base["dir"] = -1
    return Interp(
        "DATE",
        spec={
            "kind": "relref",
            "unit": "day",
            "n": -1 if g["rel"].lower() == "before" else 1,
            "base": base,
            "near": True,
        },
    )


def _then(c: Cand, text: str, ctx: Context) -> Interp:
    """`until then`, `since then`: the date last mentioned — a bare year when that came last."""
    if prev_word(text, c.start) not in ("until", "till", "by", "since", "before", "after", "from"):
        return Interp("DATE", drop=True)
    year = ctx.last_year_mention(c.start)
    ref_at = ctx.last_ref_offset(c.start, "month")
    if year is not None and (ref_at is None or year[0] > ref_at):
        return Interp("DATE", value=str(year[1]), basis="the year last mentioned")
    ref = ctx.last_ref(c.start, "month")
    if ref is None:
        return Interp("DATE", drop=True)
    return Interp("DATE", spec={"kind": "relref", "unit": ctx.last_ref_gran(c.start), "n": 0, "base": ref})


def _part_of_day_mentioned(c: Cand, text: str, ctx: Context) -> Interp:
    """`in the morning`, `by mid afternoon`: the part of the day last mentioned."""
    g = c.data
    # "dealers placed orders in the morning", "by mid afternoon": the part of the day last mentioned
    prev = prev_word(text, c.start)
    if not (g.get("mid") and prev in ("by", "at", "in", "until", "around", "about") or g.get("the") and prev == "in"):
        return Interp("TIME", drop=True)
    ref = ctx.last_ref(c.start, "day", within=400)
    if ref is None and not g.get("mid"):
        return Interp("TIME", drop=True)
    return Interp(
        "TIME",
        spec={
            "kind": "relref",
            "unit": "day",
            "n": 0,
            "part": DAY_PARTS[g["part"].lower()],
            "base": ref or {"kind": "offset", "unit": "day", "n": 0, "gran": "day"},
        },
    )


def _part_of_relative_day(c: Cand, text: str, ctx: Context) -> Interp:
    """`morning yesterday`, `late evening today`."""
    g = c.data
    n = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel"].lower()]
    return Interp(
        "TIME", spec={"kind": "offset", "unit": "day", "n": n, "gran": "day", "part": DAY_PARTS[g["part"].lower()]}
    )


def _relative_part_of_day(c: Cand, text: str, ctx: Context) -> Interp:
    """`this morning`, `last night`, `tomorrow evening`."""
    g = c.data
    rel = g["rel"].lower()
    n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    part = DAY_PARTS[g["part"].lower()]
    if rel == "last" and part != "NI":
        n = -1
    return Interp("TIME", spec={"kind": "offset", "unit": "day", "n": n, "gran": "day", "part": part})


def _clock_time(c: Cand, text: str, ctx: Context) -> Interp:
    """`at 9 a.m.`, `noon`: a clock time (a day is given later, from its sentence)."""
    g = c.data
    low = text[c.start : c.end].lower()
    if low in ("noon", "midnight", "midday") and not ctx.ent_time(c.start, c.end):
        return Interp("TIME", drop=True)
    return Interp("TIME", spec={"kind": "time", "t": clock(g["time"])})


def _nth_day(c: Cand, text: str, ctx: Context) -> Interp:
    """`today is the eighth day of the strike`: the day of writing."""
    if not re.search(r"\b(?:today|it|this)\s*(?:is|['’]s)\s+$", text[max(0, c.start - 20) : c.start], re.I):
        return Interp("DATE", drop=True)
    return Interp(
        "DATE",
        spec={
            "kind": "offset",
            "unit": "day",
            "n": 0,
            "gran": "day",
            "why": "'is the ... day of': the day of writing",
        },
    )


def _ref_time(c: Cand, text: str, ctx: Context) -> Interp:
    """`earlier that day`, `the next morning`, `the day before`, `the following month`: counted from the
    date last mentioned (its spec, so re-anchoring follows); with none, from the publication date."""
    g = c.data
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    n = {"next": 1, "following": 1, "after": 1, "previous": -1, "prior": -1, "before": -1}.get(rel, 0)
    if c.kind == "refmonth":
        unit, ref = "month", ctx.last_ref(c.start, "month")
        if ref is None:
            return (
                Interp("DATE", drop=True)
                if not n
                else Interp("DATE", spec={"kind": "offset", "unit": "month", "n": n, "gran": "month"})
            )
    else:
        unit, ref = "day", ctx.last_ref(c.start, "day")
    word = (g.get("u1") or g.get("u2") or g.get("u3") or "day").lower()
    spec = {
        "kind": "relref",
        "unit": unit,
        "n": n,
        "base": ref if ref is not None else {"kind": "offset", "unit": "day", "n": 0, "gran": "day"},
    }
    if word in DAY_PARTS and word != "night" or (word == "night" and g.get("u1")):
        spec["part"] = DAY_PARTS[word]
    return Interp("TIME" if "part" in spec else "DATE", spec=spec)


# pattern kind → its interpreter
FAMILIES = {
    "time_dow": _weekday,
    "dow": _weekday,
    "relday": _relative_day,
    "time_rel": _relative_day,
    "aday": _a_day,
    "dayappos": _day_in_apposition,
    "daybefore": _day_before_weekday,
    "refthen": _then,
    "refpart": _part_of_day_mentioned,
    "refday": _ref_time,
    "refmonth": _ref_time,
    "partday2": _part_of_relative_day,
    "partday": _relative_part_of_day,
    "time": _clock_time,
    "nthday": _nth_day,
}
