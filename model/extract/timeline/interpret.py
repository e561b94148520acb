"""What a candidate means: one interpreter per pattern family (`INTERPRETERS`), giving an absolute
value, or a spec to resolve against the anchor, or nothing (the match is not a temporal expression).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from model.lexicon.calendar import DAY_PARTS, DECADE_WORDS, MONTHS, SEASONS, WEEKDAYS
from model.lexicon.numbers import QUARTER_ORDINALS, SMALL_NUMBERS, TENS
from model.lexicon.time_words import (
    EVENT_NOUNS,
    FREQUENCIES,
    FUTURE_REFS,
    MONTH_PREPS,
    NOT_CURRENT_NOUNS,
    NOT_TIMEX_REFS,
    PAST_PREPS,
    RELATIVE_STEPS,
    SEASON_PREPS,
)

from .candidates import Cand
from .context import Context
from .direction import direction_of, future_verb
from .holidays import HOLIDAYS
from .patterns import DAYNUM, DOW, MON
from .readers import (
    clause_before,
    clock,
    duration_value,
    full_year,
    month_number,
    next_word,
    number,
    prev_word,
    unit_name,
)
from .years import not_a_year


@dataclass
class Interp:
    type: str
    value: str | None = None  # absolute value (no anchor needed)
    spec: dict | None = None  # relative: resolved against the anchor
    basis: str = ""
    needs_dir: bool = False
    drop: bool = False


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
    """`until then`: the date last mentioned."""
    ref = (
        ctx.last_ref(c.start, "month")
        if prev_word(text, c.start) in ("until", "till", "by", "since", "before", "after", "from")
        else None
    )
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
        return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), 4 * sign))
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


def _earlier_in(c: Cand, text: str, ctx: Context) -> Interp:
    """`earlier in the week`, `later in the year`."""
    g = c.data
    unit = g["unit"].lower()
    return Interp("DATE", spec={"kind": "offset", "unit": unit, "n": 0, "gran": unit})


def _year_ago_adjective(c: Cand, text: str, ctx: Context) -> Interp:
    """`year-earlier`, `a year ago`: the year before, or in a results story the quarter a year back."""
    if ctx.fin_quarter(c.start) and not _LONG_PERIOD.search(clause_before(text, c.start)):
        return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), -4))
    return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": -1, "gran": "year"})


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
            and not _LONG_PERIOD.search(clause_before(text, c.start))
        ):
            return Interp("DATE", f"{pre}-Q{ref['spec']['q']}", basis="the quarter last mentioned, in that year")
        return Interp("DATE", pre, basis="explicit year")
    if pre in ("year-earlier", "year-ago", "year-before", "comparable", "corresponding"):
        return Interp("DATE", spec=_shift_quarter(ref, -4))
    return Interp("DATE", spec=_shift_quarter(ref, 0))


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


def _shift_quarter(ref: dict | None, n: int) -> dict:
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
            return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), 0))
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
        return Interp("DATE", spec=_shift_quarter(ctx.reported_quarter(c.start), 0))
    if r.rel in ("this", "the current", "the same") and not r.mod:
        return Interp("DATE", spec={"kind": "qrel", "n": 0})
    ref = ctx.reported_quarter(c.start) if r.rel in ("the latest",) else None
    if ref:
        return Interp("DATE", spec=_shift_quarter(ref, 0))
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
        and not _LONG_PERIOD.search(clause_before(text, c.start))
        and (
            _AMOUNT_BEFORE.search(text[max(0, c.start - 80) : c.start])
            or re.match(r"['’]s\s+(?:[\w-]+\s+)?[$#]?[\d.,]+\s+(?:million|billion)", text[c.end - 2 :])
        )
    ):
        # "compared with a loss of $3 million last year", "from last year's $1.55 billion": the amount
        # compared with is the quarter's, a year back
        return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), -4))
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


# a period longer than a quarter named earlier in the sentence: the comparison is of that period
_LONG_PERIOD = re.compile(r"\b(?:(?:six|nine|twelve|6|9|12)[\s-]+months|(?:the|fiscal)\s+year\b(?!['’-]))", re.I)


_AMOUNT_BEFORE = re.compile(
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


def _unnumbered_quarter(c: Cand, text: str, ctx: Context, low: str, years: list[str], yoff: int | None) -> Interp:
    """`the quarter`, `the year-ago quarter`, `the quarter ended July 31`, `next quarter`, `the latest quarter`."""
    # an apposition names one quarter twice: "the year-ago quarter, the second quarter ended Oct. 31, ..."
    if yoff == -1 and not years and (m := _QUARTER_APPOS.match(text, c.end)):
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
    return Interp("DATE", spec=_shift_quarter(ref, -4 if yoff == -1 else 0))


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


_QUARTER_APPOS = re.compile(
    r",\s+(?:the\s+|its\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter", re.I
)


def _season(c: Cand, text: str, ctx: Context) -> Interp:
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
        if s == "FA" and next_word(text, c.end) in ("in", "of", "from", "to"):
            return Interp("DATE", drop=True)
        return Interp("DATE", spec={"kind": "season", "s": s}, needs_dir=True)
    return Interp("DATE", drop=True)


def _year(c: Cand, text: str, ctx: Context) -> Interp:
    g = c.data
    y = int(g["y"]) if len(g["y"]) == 4 else full_year(g["y"])
    mod = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
    if c.kind == "fy":
        return Interp("DATE", str(y), basis="fiscal year")
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 12]
    if (
        "$" in before
        or re.match(r"\s*(?:%|percent|per\s+cent|[-–]\d|,\d|\.\d|\d)", after)
        or re.search(r"\d\s?$|[\d.,]$", before)
        or re.search(r"[#№]\s*$", before)
    ):
        # (a number glued to the one before it, "3.2020", "1,999", is not a year; one after ". " or ", " may be)
        return Interp("DATE", drop=True)
    if not mod and y > 2099:
        return Interp("DATE", drop=True)
    if not mod and len(g["y"]) == 4 and not_a_year(y, c, text, ctx):
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


def _duration(c: Cand, text: str, ctx: Context) -> Interp:
    """`the past two months`, `five years`, `a 10-year`, `5 1/2 hours`; `in five years` with a verb in the
    future is a date."""
    g = c.data
    unit = unit_name(g["unit"])
    adj = (g.get("adj") or "").lower()
    n = number(g["n"])
    if n is None:
        return Interp("DURATION", drop=True)
    nw = g["n"].lower()
    if _a_rate(c, text, nw, unit):
        return Interp("DURATION", drop=True)
    if g.get("long") == "-old" and unit in ("year",) and not adj:
        return Interp("DURATION", drop=True)
    if unit == "night":
        unit = "day"
    if nw == "a" and unit == "second":
        return Interp("DURATION", drop=True)
    if unit == "fortnight":
        unit, n = "week", (2 * n if n != "X" else "X")
    if adj in ("recent",) and n == "X":
        return Interp("DATE", "PAST_REF", basis="vague reference to the past")
    if (
        isinstance(n, int)
        and not adj
        and unit in ("year", "month")
        and prev_word(text, c.start) == "in"
        and future_verb(ctx.doc, c.start, c.end)
    ):
        # "the stock would be redeemed in five years": the time that many units ahead, not a stretch
        return Interp(
            "DATE", spec={"kind": "offset", "unit": unit, "n": n, "gran": unit, "why": "'in' with a verb in the future"}
        )
    return Interp("DURATION", duration_value(n, unit), basis=f"{g['n']} {g['unit']}")


def _set(c: Cand, text: str, ctx: Context) -> Interp:
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


def _ref(c: Cand, text: str, ctx: Context) -> Interp:
    g = c.data
    w = re.sub(r"\s+", " ", g["w"].lower())
    if w in NOT_TIMEX_REFS:
        return Interp("DATE", drop=True)
    if w in ("now", "right now"):
        # "now" as a discourse particle at the head of a sentence is not a time
        if next_word(text, c.end) in ("that",) and text[c.end : c.end + 1] == " ":
            return Interp("DATE", drop=True)
        return Interp("DATE", "PRESENT_REF", basis="'now': the time of writing")
    if w == "today's":
        return Interp("DATE", drop=True)
    if w == "current":
        nxt = next_word(text, c.end)
        if nxt in NOT_CURRENT_NOUNS or text[c.end : c.end + 1] in (",", "."):
            return Interp("DATE", drop=True)
        return Interp("DATE", "PRESENT_REF", basis="'current'")
    if w in ("currently", "at present", "nowadays", "these days"):
        return Interp("DATE", "PRESENT_REF", basis=f"'{w}'")
    if w in ("recently", "more recently", "lately", "the past", "the distant past") or w.startswith("in recent"):
        if w == "the past" and prev_word(text, c.start) not in PAST_PREPS:
            return Interp("DATE", drop=True)
        return Interp("DATE", "PAST_REF", basis=f"'{w}': before the time of writing")
    if w in FUTURE_REFS or w.startswith(("the coming", "future", "coming")):
        if w in ("the long term", "the short term", "the near term") and prev_word(text, c.start) not in (
            "in",
            "over",
            "for",
        ):
            return Interp("DATE", drop=True)
        return Interp("DATE", "FUTURE_REF", basis=f"'{w}': after the time of writing")
    return Interp("DATE", drop=True)


def _spelled(c: Cand, text: str, ctx: Context) -> Interp:
    """`nineteen ninety-four`: a year in words."""
    return spelled_year(text[c.start : c.end].lower())


# One interpreter per pattern family, in the order of the pattern table.
INTERPRETERS: dict[str, Callable[[Cand, str, Context], Interp]] = {
    "iso": _explicit_date,
    "numdate": _explicit_date,
    "mdy": _month_day,
    "dmy": _month_day,
    "time_date": _month_day,
    "my": _month_year,
    "mrel": _month_of_relative_year,
    "relm": _relative_month,
    "month": _bare_month,
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
    "ago": _ago,
    "relunit": _relunit,
    "theyear": _the_year,
    "yearend": _year_end,
    "holiday": _holiday,
    "nthday": _nth_day,
    "earlier_in": _earlier_in,
    "yearadj": _year_ago_adjective,
    "quarter": _quarter,
    "halfyear": _half_year,
    "qcode": _quarter_code,
    "period": _period,
    "season": _season,
    "year": _year,
    "fy": _year,
    "decade": _decade,
    "decadew": _decade,
    "century": _century,
    "spelled": _spelled,
    "dur": _duration,
    "dur_bare": _bare_duration,
    "dur_plain": _plain_duration,
    "set": _set,
    "ref": _ref,
}


def interpret(c: Cand, text: str, ctx: Context) -> Interp:
    """What candidate `c` means, by its pattern family's interpreter (a family without one is dropped)."""
    family = INTERPRETERS.get(c.kind)
    return family(c, text, ctx) if family else Interp("DATE", drop=True)
