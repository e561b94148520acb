"""A bare four-digit number that is not a year: each rule names what the number is instead."""

from __future__ import annotations

import re

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


def not_a_year(y: int, c: Cand, text: str, ctx) -> str:
    """Why a bare four-digit number (no 'early', 'fiscal', ... before it) is not a year: '' if it may be one."""
    after = text[c.end : c.end + 60]
    before = text[max(0, c.start - 30) : c.start]
    prev = prev_word(text, c.start)
    if re.search(r"['’]s$", text[c.start : c.end]):
        return ""  # "1985's increase": a number that owns something is a year
    hhmm = y % 100 < 60 and y // 100 < 24
    if hhmm and (_CLOCK_AFTER.match(after) or str(y) in ctx.clock_numbers):
        return "a clock time"
    if _WIRE_CODE.search(before) and re.match(r"\s*\)", after):
        return "a code in parentheses"
    far = (
        (y < ctx.anchor_year - _FAR_YEARS[0] or y > ctx.anchor_year + _FAR_YEARS[1])
        if ctx.anchor_year
        else not 1900 <= y <= 2030
    )
    # a count: "LEAD - 1550 tonnes", "nearly 1950 suits"; but "its 1987 cars", "model year 1987 cars" are years
    dated = prev in YEAR_PREPS or prev in DETERMINERS
    if (
        _COUNTED.match(after)
        and (far or not dated)
        and not re.match(r"\s+(?:[a-z]+\s+)?(?:sales|profits?|earnings|results)\b", after)
    ):
        return "a count of what follows"
    if ctx.counts_noun(c.start, c.end) and prev in NEAR_APPROX:
        return "a count of the noun it goes with"
    if _STREET.match(after) and (prev in ("at", "on", "near", "to") or re.search(r"(?:^|\n)\s*$", before)):
        return "a street number"  # "at 1600 Pennsylvania Avenue", but "the 1985 New York Plaza meeting"
    if _CORP_SUFFIX.match(after) and prev not in YEAR_PREPS:  # but "in 1985 Apple Computer Inc ..."
        return "part of a company's name"
    sentence = re.split(r"[.!?]\s", text[max(0, c.start - 200) : c.start])[-1]
    if far or _MARKET.search(sentence):  # a level: of an index, a price, a total
        of = re.search(r"([\w’'-]+)\s+of\s*$", before)
        if (
            _LEVEL_AFTER.match(after)
            and (prev in ("the", "its", "a") or re.search(r"['’]s\s*$", before))
            or of
            and of.group(1).lower() in LEVEL_NOUNS
        ):
            return "a level"
        if prev in ("to", "at") and _MARKET.search(sentence) and not re.match(r"\s+(?:levels|figures)\b", after):
            return "an index level"
    if far:
        if hhmm and ctx.clock_numbers:
            return "a clock time (the article gives times on a 24-hour clock)"
        if (
            prev in APPROX
            and not re.match(r"\s*(?:[,.;:)]|$)", after)
            or ctx.counts_noun(c.start, c.end)
            and prev not in FAR_YEAR_PREPS
        ):
            return "a count"  # "about 1700 lawsuits", but "built around 1850, ..." is a year
        if re.search(r"\d{4}\s*(?:,|to|and|or|-|–)\s*$", before) or ctx.opens_clause(c.start, c.end):
            return ""  # "from 1850 to 1900", "1689, 1727 and 1858"; "1689 was a turning point"
        if prev in ("a", "an", "the", "its", "their", "his", "her", "our") and ctx.dates_noun(c.start, c.end):
            return ""  # "a 1911 loan", "the 1860 Treaty", "the 1949 revolution": no count of one thing
        if prev not in FAR_YEAR_PREPS:
            return "far from the publication year with nothing that marks it as a year"
    return ""
