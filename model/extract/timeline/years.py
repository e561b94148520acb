"""A bare four-digit number that is not a year: each rule names what the number is instead."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from model.lexicon.time_words import APPROX, DETERMINERS, FAR_YEAR_PREPS, LEVEL_NOUNS, NEAR_APPROX, YEAR_PREPS

from .candidates import Cand
from .readers import prev_word

_ZONE = r"(?:EST|EDT|GMT|UTC|CST|CDT|PST|PDT|MST|MDT|BST|CET|CEST|MSK|JST|HKT|SGT|AEST|IST|WIB|Z)"


# "1530 EST", "1500 hrs EST", "1805 local time", "1700 New York time", "from 1800 to 2100 local Chicago time",
# "until 1500 (1400 GMT)": a 24-hour clock, told by a zone, "hours" or "... time" after it (or after the
# other end of its range)
_CLOCK_AFTER = re.compile(
    r"(?:\s*(?:-|–|to|and|/)\s*\d{4})?\s*(?:(?:hrs|hours|h)\b\.?\s*)?"
    rf"(?:{_ZONE}\b|local\b(?=\s*(?:[(),.;]|$))|(?:(?:local|central|eastern|western|pacific|mountain|standard|"
    rf"summer|daylight|(?-i:[A-Z][A-Za-z.]*))\s+){{1,3}}time\b|\(\s*\d{{4}}\s*{_ZONE}\b)",
    re.I,
)


MIL_CLOCK = re.compile(
    rf"(?<![\d.,])((?:[01]\d|2[0-3])[0-5]\d)\s*(?:(?:hrs|hours)\b\.?\s*)?(?:{_ZONE}\b|local\s+time)", re.I
)


# "(XYJN 1519)", "(1500)": a wire code or a filing time in parentheses, not a year
_WIRE_CODE = re.compile(r"\((?-i:[A-Z]{2,6})\s+$")


# "1550 tonnes", "about 1700 lawsuits": a number that counts what follows
_COUNT_UNITS = (
    r"(?:people|persons|troops|soldiers|tons|tonnes|barrels|bbl|units|shares|workers|employees|cars|"
    r"vehicles|miles|km|kilometers|kilometres|feet|meters|metres|dollars|dlrs|yuan|rubles|roubles|"
    r"yen|francs|pounds|stg|kilos|kg|lbs|bags|bales|acres|hectares|ounces|ozs?|points|"
    r"pct|percent|mln|million|billion|companies|firms|jobs|lawsuits|users|members|cases|votes)"
)


_COUNTED = re.compile(rf"\s+(?:[a-z]+\s+)?{_COUNT_UNITS}\b")


# "at 1600 Pennsylvania Avenue": a street number
_STREET = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|"
    r"Dr|Place|Pl|Plaza|Square|Sq|Way|Highway|Parkway|Terrace|Court)\b"
)


# "Stad Rotterdam Anno 1720 N.V.", "Den Danske Bank af 1871 A/S": part of a company's name
_CORP_SUFFIX = re.compile(
    r"\s+(?:N\.?V\b|A/S\b|AG\b|S\.?A\b|SpA\b|Inc\b|Ltd\b|PLC\b|plc\b|Corp\b|GmbH\b|"
    r"Co\b|B\.?V\b|AB\b|ASA\b|Oy\b|KK\b|LLC\b)"
)


# "fell 508 points to 1738", "a new high of 1757", "Friday's 1753 finish", "the 1840 level": an index level
# (but "the index has risen 40 pct from 1986": from a year)
_LEVEL_AFTER = re.compile(r"\s+(?:level|mark|finish|close|barrier|area|points?)\b", re.I)


_MARKET = re.compile(r"\b(?:index|indices|indexes|average|dow|composite|nikkei|ftse|hang\s+seng|s&p|points)\b", re.I)


_FAR_YEARS = (50, 60)  # more than this many years before / after the publication year is far


@dataclass(frozen=True)
class Number:
    """A bare four-digit number and what is around it."""

    y: int
    c: Cand
    text: str
    ctx: object  # the document's Context
    before: str  # the 30 characters before it
    after: str  # the 60 characters after it
    prev: str  # the word before it
    sentence: str  # its sentence up to it (at most 200 characters)
    hhmm: bool  # it reads as a 24-hour clock time
    far: bool  # far from the publication year

    @classmethod
    def at(cls, y: int, c: Cand, text: str, ctx) -> Number:
        far = (
            (y < ctx.anchor_year - _FAR_YEARS[0] or y > ctx.anchor_year + _FAR_YEARS[1])
            if ctx.anchor_year
            else not 1900 <= y <= 2030
        )
        return cls(
            y=y,
            c=c,
            text=text,
            ctx=ctx,
            before=text[max(0, c.start - 30) : c.start],
            after=text[c.end : c.end + 60],
            prev=prev_word(text, c.start),
            sentence=re.split(r"[.!?]\s", text[max(0, c.start - 200) : c.start])[-1],
            hhmm=y % 100 < 60 and y // 100 < 24,
            far=far,
        )


# Each rule says what the number is instead of a year, or "" that it is a year, or None that it cannot tell.


def _owns_something(n: Number) -> str | None:
    if re.search(r"['’]s$", n.text[n.c.start : n.c.end]):
        return ""  # "1985's increase": a number that owns something is a year
    return None


def _clock_time(n: Number) -> str | None:
    if n.hhmm and (_CLOCK_AFTER.match(n.after) or str(n.y) in n.ctx.clock_numbers):
        return "a clock time"
    return None


def _wire_code(n: Number) -> str | None:
    if _WIRE_CODE.search(n.before) and re.match(r"\s*\)", n.after):
        return "a code in parentheses"
    return None


def _count_of_what_follows(n: Number) -> str | None:
    """`LEAD - 1550 tonnes`, `nearly 1950 suits`; but `its 1987 cars`, `model year 1987 cars` are years."""
    dated = n.prev in YEAR_PREPS or n.prev in DETERMINERS
    if (
        _COUNTED.match(n.after)
        and (n.far or not dated)
        and not re.match(r"\s+(?:[a-z]+\s+)?(?:sales|profits?|earnings|results)\b", n.after)
    ):
        return "a count of what follows"
    return None


def _count_of_noun(n: Number) -> str | None:
    if n.ctx.counts_noun(n.c.start, n.c.end) and n.prev in NEAR_APPROX:
        return "a count of the noun it goes with"
    return None


def _street_number(n: Number) -> str | None:
    """`at 1600 Pennsylvania Avenue`, but `the 1985 New York Plaza meeting`."""
    if _STREET.match(n.after) and (n.prev in ("at", "on", "near", "to") or re.search(r"(?:^|\n)\s*$", n.before)):
        return "a street number"
    return None


def _company_name(n: Number) -> str | None:
    if _CORP_SUFFIX.match(n.after) and n.prev not in YEAR_PREPS:  # but "in 1985 Apple Computer Inc ..."
        return "part of a company's name"
    return None


def _level(n: Number) -> str | None:
    """A level of an index, a price, a total: `fell 508 points to 1738`, `a high of 1757`."""
    if not (n.far or _MARKET.search(n.sentence)):
        return None
    of = re.search(r"([\w’'-]+)\s+of\s*$", n.before)
    if (
        _LEVEL_AFTER.match(n.after)
        and (n.prev in ("the", "its", "a") or re.search(r"['’]s\s*$", n.before))
        or of
        and of.group(1).lower() in LEVEL_NOUNS
    ):
        return "a level"
    if n.prev in ("to", "at") and _MARKET.search(n.sentence) and not re.match(r"\s+(?:levels|figures)\b", n.after):
        return "an index level"
    return None


def _far_from_publication(n: Number) -> str | None:
    """A number far from the publication year needs something that marks it as a year."""
    if not n.far:
        return None
    c, ctx = n.c, n.ctx
    if n.hhmm and ctx.clock_numbers:
        return "a clock time (the article gives times on a 24-hour clock)"
    if (
        n.prev in APPROX
        and not re.match(r"\s*(?:[,.;:)]|$)", n.after)
        or ctx.counts_noun(c.start, c.end)
        and n.prev not in FAR_YEAR_PREPS
    ):
        return "a count"  # "about 1700 lawsuits", but "built around 1850, ..." is a year
    if re.search(r"\d{4}\s*(?:,|to|and|or|-|–)\s*$", n.before) or ctx.opens_clause(c.start, c.end):
        return ""  # "from 1850 to 1900", "1689, 1727 and 1858"; "1689 was a turning point"
    if n.prev in ("a", "an", "the", "its", "their", "his", "her", "our") and ctx.dates_noun(c.start, c.end):
        return ""  # "a 1911 loan", "the 1860 Treaty", "the 1949 revolution": no count of one thing
    if n.prev not in FAR_YEAR_PREPS:
        return "far from the publication year with nothing that marks it as a year"
    return None


NOT_A_YEAR_RULES: tuple[Callable[[Number], str | None], ...] = (
    _owns_something,
    _clock_time,
    _wire_code,
    _count_of_what_follows,
    _count_of_noun,
    _street_number,
    _company_name,
    _level,
    _far_from_publication,
)


def not_a_year(y: int, c: Cand, text: str, ctx) -> str:
    """Why a bare four-digit number (no 'early', 'fiscal', ... before it) is not a year: '' if it may be one."""
    n = Number.at(y, c, text, ctx)
    for rule in NOT_A_YEAR_RULES:
        why = rule(n)
        if why is not None:
            return why
    return ""
