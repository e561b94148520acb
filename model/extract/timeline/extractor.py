"""Temporal expressions → TIMEX3 values, anchored on the publication date, tense-aware.

Pure rules, standard library only (see TIMELINE.md for the measurements behind that
choice). Three steps:

1. *Recognise*: regular expressions over the raw text find candidate expressions
   (absolute dates, month-days, weekdays, relative units, quarters, seasons, decades,
   durations, sets, times of day, vague references). Overlaps keep the longest.
2. *Direction*: for expressions that need one (a bare weekday, a month-day without a
   year, a bare month, season or quarter), the governing verb in spaCy's dependency
   parse decides: past tense → the one before the anchor; `will`, `is expected to`,
   `scheduled to`, `until` → the one after.
   A bare four-digit number is a year only when nothing says it is something else
   (`_not_a_year`): a 24-hour clock ("at 1530 EST", or the same number so used elsewhere
   in the article), a wire code in parentheses, a count of what follows, an index or price
   level, a street number, part of a company's name; and a year far from the publication
   date needs a preposition, a singular noun it dates ("a 1911 loan") or a sentence it opens.
3. *Resolve*: a JSON-able `spec` (what the expression means, without the anchor) plus
   the anchor gives the value. `reanchor` re-runs only this step, so a user-set
   publication date re-resolves stored expressions without spaCy.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, field

from model.dates import value_range
from model.lexicon.calendar import DAY_PARTS, DECADE_WORDS, MONTH_ABBR, MONTHS, SEASON_NAMES, SEASONS, WEEKDAYS
from model.lexicon.numbers import QUARTER_ORDINALS, SMALL_NUMBERS, TENS, VAGUE_AMOUNTS
from model.lexicon.tense import (
    BACKWARD_PREP,
    EXTEND_VERBS,
    FORWARD_MODAL,
    FORWARD_PREP,
    FUTURE_AUX,
    FUTURE_GOV,
    MODAL_AUX,
    SAME_FORM_PAST,
)
from model.lexicon.time_words import (
    APPROX,
    DATED_NOUNS,
    DAY_PART_WORDS,
    DETERMINERS,
    EVENT_NOUNS,
    FAR_YEAR_PREPS,
    FREQUENCIES,
    FUTURE_REFS,
    LEVEL_NOUNS,
    MONTH_PREPS,
    NEAR_APPROX,
    NOT_CURRENT_NOUNS,
    NOT_TIMEX_REFS,
    PAST_PREPS,
    RELATIVE_STEPS,
    SEASON_PREPS,
    UNIT_WORDS,
    YEAR_PREPS,
)
from model.records import Timex

# ---------------------------------------------------------------- vocabulary


# Case-sensitive names inside case-insensitive patterns: `(?-i:...)`.
_MFULL = "(?-i:" + "|".join(m.capitalize() for m in MONTHS) + ")"
_MABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
MON = rf"(?:{_MFULL}|{_MABBR})"
DOW = "(?-i:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
POSS = r"(?:['’]s)?"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_NUMW = "|".join(sorted(list(SMALL_NUMBERS) + list(TENS), key=len, reverse=True))
NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:{'|'.join(TENS)})[\s-](?:one|two|three|four|five|six|seven|eight|nine)"
    rf"|{_NUMW}|several|a\s+few|few|many|a\s+number\s+of|a\s+couple(?:\s+of)?|couple\s+of|numerous)"
    rf"(?:\s+(?:and\s+a\s+half|hundred|thousand))?"
)
UNIT = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?|fortnights?|nights?)"
)
PART = r"(?:morning|afternoon|evening|night)"
TIME = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|(?:o['’]clock\s+)?in\s+the\s+(?:morning|afternoon|evening))|\d{1,2}:\d\d(?!\d)|noon|midnight|midday)"
    r"(?:\s+(?-i:EST|EDT|GMT|UTC|CST|CDT|PST|PDT|MST|MDT|BST|CET|MSK)\b|\s+local\s+time)?"
)

F = re.I
# a year in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand and one"
_UNITW = "one|two|three|four|five|six|seven|eight|nine"
_TEENW = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SPELLED_YEAR = (
    rf"(?:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{_UNITW}))?"
    rf"|{_TEENW}|hundred(?:\s+and)?[\s-]+(?:{_UNITW}))"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_UNITW}|{_TEENW}))?)"
)


def _rx(s: str) -> re.Pattern:
    return re.compile(r"(?<![\w’'-])" + s + r"(?![\w-])", F)


# ---------------------------------------------------------------- candidates


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    data: dict = field(default_factory=dict)
    prio: int = 0


PATTERNS: list[tuple[str, re.Pattern, int]] = [
    ("iso", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>\d\d:\d\d))?(?![\d-])"), 5),
    ("numdate", re.compile(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\d/])"), 5),
    # (Friday,) (the) February 4(th)(, (February) 2022)
    (
        "mdy",
        _rx(
            rf"(?:(?P<dow>{DOW}){POSS},?\s+)?(?:the\s+)?(?P<mon>{MON})\s*(?P<d>{DAYNUM})"
            rf"(?:,?\s+(?:{MON}\s+)?(?P<y>{YEAR}))?(?:,?\s+(?P<time>{TIME}))?"
        ),
        4,
    ),
    # (Friday,) (the) 4(th) (of) February (2022)
    (
        "dmy",
        _rx(
            rf"(?:(?P<dow>{DOW}){POSS},?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})"
            rf"(?:,?\s+(?P<y>{YEAR}))?"
        ),
        4,
    ),
    (
        "time_date",
        _rx(rf"(?P<time>{TIME})(?:,\s*|\s+)(?:on\s+)?(?P<mon>{MON})\s*(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?"),
        4,
    ),
    # (early/late/the end of) February (of) 2022
    (
        "my",
        _rx(
            rf"(?:(?P<mod>early|mid-?|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)"
            rf"\s+of)[\s-]*)?(?P<mon>{MON})(?:\s+of)?,?\s+(?:(?P<y>{YEAR})|(?P<ys>{SPELLED_YEAR})(?![\s-]+(?:{_UNITW}|"
            rf"hundred|thousand|million|percent)\b))"
        ),
        3,
    ),
    # March last year, March of next year, January this year
    (
        "mrel",
        _rx(rf"(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<mon>{_MFULL})(?:\s+of)?\s+(?P<rel>last|this|next)\s+year"),
        3,
    ),
    # last March, this September, next May
    (
        "relm",
        _rx(rf"(?P<rel>last|this|next|this\s+past|this\s+coming|early\s+last|late\s+last)\s+(?P<mon>{_MFULL})"),
        3,
    ),
    (
        "month",
        _rx(
            rf"(?:(?P<mod>early|mid-?|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?(?P<mon>{_MFULL})"
            r"(?!\s*\d)"
        ),
        1,
    ),
    # 9 a.m. Tuesday, noon Saturday
    ("time_dow", _rx(rf"(?P<time>{TIME})(?:,\s*|\s+)(?:on\s+)?(?P<dow>{DOW})(?:\s+(?P<part>{PART}))?"), 4),
    ("time_rel", _rx(rf"(?P<time>{TIME})(?:,\s*|\s+)(?P<w>today|yesterday|tomorrow|tonight)"), 4),
    (
        "time",
        _rx(rf"(?:(?:about|around|at|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<time>{TIME})"),
        2,
    ),
    # (last/next/this) Friday('s) (morning/night)
    (
        "dow",
        _rx(
            rf"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|"
            rf"early|late|earlier|later)\s+)?(?P<dow>{DOW}){POSS}(?:\s+(?P<part>{PART}))?"
        ),
        2,
    ),
    # reference time: the day (or month) of the date last mentioned, not the publication date
    (
        "refday",
        _rx(
            rf"(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?:that|the\s+same|that\s+same)\s+"
            rf"(?P<u1>day|{PART})|the\s+(?P<rel>next|following|previous|prior)\s+(?P<u2>day|{PART})|"
            rf"the\s+(?P<u3>day|night)\s+(?P<rel2>before|after)(?!\s+(?:yesterday|tomorrow|last|next|the)\b))"
        ),
        3,
    ),
    # the day before / after a weekday: "the day before last Tuesday's hearing"
    (
        "daybefore",
        _rx(rf"(?:the\s+)?day\s+(?P<rel>before|after)\s+(?:(?P<wrel>last|next|this)\s+)?(?P<dow>{DOW})" + POSS),
        4,
    ),
    # "it was a great day for Poland": the day the sentence is about
    (
        "aday",
        _rx(
            r"(?<=\ba\s)(?:(?:very|truly|really|most)\s+)?(?:great|historic|good|bad|sad|black|dark|big|"
            r"special|proud|happy|tragic|momentous|memorable|terrible|important|joyful|glorious)\s+day"
            r"(?=\s+(?:for|of|in)\b)"
        ),
        3,
    ),
    # "Oct. 12, the day before the plunge": an apposition naming the date just given
    ("dayappos", re.compile(r"(?<=,\s)the\s+day(?=\s+(?:before|after|of|when)\b)"), 4),
    ("refthen", _rx(r"then"), 0),
    (
        "refpart",
        _rx(
            r"(?:(?P<the>the)\s+)?(?P<mid>mid[\s-]?)?(?P<part>morning|afternoon|evening)"
            r"(?![\w-])(?!\s+(?:of|paper|papers|session|shows?|news|edition|hours?|rush|prayers?|star|line)\b)"
        ),
        0,
    ),
    ("refmonth", _rx(r"(?:that|the\s+same|the\s+(?P<rel>following|previous|prior))\s+month"), 3),
    (
        "relday",
        _rx(
            rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|"
            rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow){POSS}"
            rf"(?:\s+(?P<part>{PART}))?"
        ),
        2,
    ),
    ("partday", _rx(rf"(?:later\s+|earlier\s+)?(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>{PART})"), 3),
    ("partday2", _rx(rf"(?:(?:early|late|mid)[\s-]*)?(?P<part>{PART})\s+(?P<rel>yesterday|today|tomorrow)"), 3),
    # N units ago / earlier / later / from now
    (
        "ago",
        _rx(
            rf"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|roughly|around|just|only|over|"
            rf"fully|barely|exactly|precisely|approximately)\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
            rf"(?P<dir>ago|earlier|before|later|from\s+now|hence)(?!\s+than)"
        ),
        4,
    ),
    # (earlier/later) last/this/next/past/coming week|month|year|quarter|decade
    (
        "relunit",
        _rx(
            r"(?:(?P<mod>earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
            r"the\s+middle\s+of|mid-?|the\s+rest\s+of|the\s+remainder\s+of)[\s-]*)?"
            r"(?P<rel>last|this|next|the\s+coming|the\s+past|this\s+past|the\s+current|the\s+previous|"
            r"the\s+following|the\s+next|the\s+last|the\s+latest|the\s+same|that|the\s+prior)\s+"
            r"(?:(?:fiscal|calendar)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)" + POSS
        ),
        2,
    ),
    (
        "theyear",
        _rx(
            r"(?:(?P<mod>the\s+end\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+start\s+of|"
            r"the\s+beginning\s+of|earlier\s+in|later\s+in)\s+)?the\s+(?P<adj>full\s+|fiscal\s+|calendar\s+)?"
            r"(?P<unit>year|weekend)(?!['’-])(?:\s+(?P<ended>ended|ending|to\s+date))?"
        ),
        1,
    ),
    ("yearend", _rx(r"(?:around\s+)?(?:year[\s-]end|year['’]s\s+end)"), 1),
    (
        "holiday",
        _rx(
            r"(?:(?P<rel>last|next|this)\s+)?(?P<h>(?-i:Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s(?:\s+Day|\s+Eve)|"
            r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Election\s+Day|Independence\s+Day|Labor\s+Day|"
            r"Memorial\s+Day|Victory\s+Day))"
        ),
        2,
    ),
    ("earlier_in", _rx(r"(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year|day)"), 3),
    # "today is the eighth day of Desert Shield", "it's the second day of an offensive": the day itself
    (
        "nthday",
        _rx(
            r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|"
            r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|successive\s+)?"
            r"day(?=\s+of\b)"
        ),
        3,
    ),
    ("yearadj", _rx(r"(?P<w>year-earlier|year-ago|year-before|a\s+year\s+ago|a\s+year\s+earlier)"), 1),
    (
        "quarter",
        _rx(
            r"(?:(?:the|its|this|last|next|that|a|each|every)\s+)?"
            r"(?:(?P<pre>(?:(?:company|group|bank)['’]s|latest|current|recent|most\s+recent|comparable|"
            r"corresponding|same|year-ago|year-earlier|year-before|fiscal|calendar|flat|strong|weak|"
            r"(?:19|20)\d\d|(?:last|this|next)\s+year['’]s|year['’]s|first|second|third|fourth|final|"
            r"1st|2nd|3rd|4th|1st-|2nd-|3rd-|4th-)[\s-]+)*)"
            r"(?P<q>quarters?|half|Q[1-4])(?!-to)"
            r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>(?:19|20)\d\d|last\s+year|this\s+year|next\s+year))?"
            r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?"
        ),
        2,
    ),
    ("halfyear", _rx(r"(?:the\s+)?(?P<o>first|second|last)\s+(?:half|two\s+quarters)\s+of\s+(?P<y>(?:19|20)\d\d)"), 3),
    ("qcode", re.compile(r"(?<![\w-])(?:(?P<q1>[1-4])Q|Q(?P<q2>[1-4]))[\s-]?(?P<y>(?:19|20)?\d\d)?(?![\w-])"), 3),
    (
        "period",
        _rx(
            r"(?:the|that)\s+(?P<pre>latest|year-earlier|year-ago|year-before|comparable|corresponding|"
            r"same|(?:19|20)\d\d)\s+period"
        ),
        2,
    ),
    (
        "season",
        _rx(
            rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late|mid-?|the|the\s+early|"
            r"the\s+late)[\s-]+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|"
            rf"(?P<ys>{SPELLED_YEAR})))?"
        ),
        1,
    ),
    (
        "year",
        _rx(
            r"(?:(?P<mod>early|mid-?|late|fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|post-|pre-|"
            r"the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|last\s+half|rest|remainder)\s+of|"
            r"year-end|the\s+summer\s+of)[\s-]*)?(?P<y>" + YEAR + ")" + POSS
        ),
        1,
    ),
    ("fy", re.compile(r"(?<![\w-])FY[\s-]?(?P<y>\d{4}|\d\d)(?![\w-])"), 3),
    (
        "decade",
        _rx(r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s"),
        2,
    ),
    (
        "decadew",
        _rx(
            r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<w>twenties|thirties|forties|fifties|sixties|"
            r"seventies|eighties|nineties)"
        ),
        1,
    ),
    ("century", _rx(r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century"), 3),
    (
        "spelled",
        _rx(
            r"(?:the\s+year\s+)?(?:nineteen(?:\s+hundred(?:\s+and)?)?|two\s+thousand(?:\s+and)?)"
            r"(?:[\s-]+(?P<t>" + "|".join(TENS) + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            r"seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)"
            r"(?:[\s-]+(?P<u>one|two|three|four|five|six|seven|eight|nine))?)?"
        ),
        1,
    ),
    # the past two months, five years, a 10-year, two-day, 5 1/2 hours
    (
        "dur",
        _rx(
            r"(?:(?:the|a|an|another|over|about|nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to|"
            r"roughly|around|just|only|within|all|approximately|some|no\s+more\s+than|upwards\s+of|"
            r"each\s+of\s+the)\s+)*(?:(?P<adj>past|last|next|first|previous|coming|final|latest|initial|"
            r"remaining|following|recent|year-earlier|year-ago|same|prior|early|late|closing|opening)\s+)?"
            rf"(?P<n>{NUM})(?:\s+more|\s+additional|\s+straight|\s+consecutive)?[\s-]+"
            r"(?:(?:fiscal|calendar|trading|business|working|full)\s+)?(?P<unit>" + UNIT + r")"
            r"(?:\s+(?:and\s+a\s+half|or\s+so|to\s+come|running|in\s+a\s+row))?(?P<long>-long|-old)?"
        ),
        2,
    ),
    (
        "dur_bare",
        _rx(
            r"(?:(?P<adj>recent|the\s+coming|coming|the\s+past|past|the\s+next|the\s+last|the\s+early|"
            r"the\s+ensuing|the\s+intervening|(?<=for\s)|(?<=within\s)|(?<=in\sthe\s)(?=years|weeks))\s*)(?P<unit>years|months|weeks|days|decades|hours)"
        ),
        1,
    ),
    ("dur_plain", _rx(r"(?P<unit>decades|centuries)(?:-long|-old)?"), 1),
    (
        "set",
        _rx(
            r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|"
            r"(?:every|each|per)\s+(?:other\s+)?(?:day|week|month|year|quarter|morning|evening|night|"
            + DOW
            + r"|(?:"
            + _MFULL
            + r")|summer|winter|spring|fall))"
        ),
        2,
    ),
    (
        "ref",
        _rx(
            r"(?P<w>right\s+now|now|currently|at\s+present|nowadays|these\s+days|today['’]s|recently|"
            r"more\s+recently|lately|in\s+recent\s+years|the\s+past|the\s+future|"
            r"the\s+near\s+future|the\s+distant\s+past|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|"
            r"the\s+immediate\s+future|current|once\s+again|former|so\s+far|to\s+date|any\s+time\s+soon|"
            r"as\s+soon\s+as\s+possible|the\s+foreseeable\s+future|the\s+coming\s+(?:days|weeks|months|years)|"
            r"future\s+(?:quarters|years|months)|coming\s+(?:quarters|months))"
        ),
        1,
    ),
]


_MONTHW = set(MONTHS) | set(MONTH_ABBR)
# A pattern can only match if one of these lower-case words (runs of [a-z]) is in the text: a set lookup
# per pattern instead of a regex scan of the whole text (patterns with no entry are always run).
TRIGGERS: dict[str, frozenset] = {
    k: frozenset(v)
    for k, v in {
        "mdy": _MONTHW,
        "dmy": _MONTHW,
        "time_date": _MONTHW,
        "my": _MONTHW,
        "mrel": _MONTHW,
        "relm": _MONTHW,
        "month": _MONTHW,
        "time_dow": WEEKDAYS,
        "dow": WEEKDAYS,
        "relday": {"today", "tonight", "yesterday", "tomorrow", "day"},
        "partday": DAY_PART_WORDS,
        "partday2": DAY_PART_WORDS,
        "refpart": DAY_PART_WORDS,
        "refday": DAY_PART_WORDS | {"day"},
        "refmonth": {"month"},
        "refthen": {"then"},
        "time_rel": {"today", "tonight", "yesterday", "tomorrow"},
        "ago": {"ago", "earlier", "before", "later", "now", "hence"},
        "dur": UNIT_WORDS,
        "dur_plain": {"decades", "centuries"},
        "dur_bare": {"years", "months", "weeks", "days", "decades", "hours"},
        "relunit": {"week", "weekend", "month", "year", "quarter", "decade", "century"},
        "theyear": {"year", "weekend"},
        "yearend": {"year"},
        "earlier_in": {"earlier", "later"},
        "yearadj": {"year"},
        "nthday": {"day"},
        "daybefore": {"day"},
        "dayappos": {"day"},
        "aday": {"day"},
        "holiday": {
            "christmas",
            "new",
            "thanksgiving",
            "easter",
            "election",
            "independence",
            "labor",
            "memorial",
            "victory",
        },
        "quarter": {"quarter", "quarters", "half", "q"},
        "halfyear": {"half", "quarters"},
        "period": {"period"},
        "season": set(SEASONS),
        "decadew": set(DECADE_WORDS),
        "century": {"century"},
        "spelled": {"nineteen", "thousand"},
        "fy": {"fy"},
        "set": {
            "daily",
            "weekly",
            "monthly",
            "annually",
            "yearly",
            "hourly",
            "nightly",
            "biweekly",
            "semiannually",
            "every",
            "each",
            "per",
        },
    }.items()
}


def _num(s: str):
    """Number phrase → int/float, 'X' for vague amounts, None if not a number."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in VAGUE_AMOUNTS or s.startswith("a number"):
        return "X"
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    mult = 1
    for w, k in ((" hundred", 100), (" thousand", 1000)):
        if s.endswith(w):
            s, mult = s[: -len(w)], k
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?(?: (\d)/(\d))?", s)
    if m:
        if m.group(2) and "," in s and len(m.group(2)) == 3:
            v = float(m.group(1) + m.group(2))
        else:
            v = float(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            v += int(m.group(3)) / int(m.group(4))
        return _int((v + half) * mult)
    if s in SMALL_NUMBERS:
        return _int((SMALL_NUMBERS[s] + half) * mult)
    parts = re.split(r"[\s-]", s)
    if parts[0] in TENS:
        v = TENS[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
        return _int((v + half) * mult)
    return None


def _int(v):
    return int(v) if float(v).is_integer() else v


def _month(s: str) -> int:
    s = s.lower().rstrip(".")
    if s in MONTHS:
        return MONTHS.index(s) + 1
    return MONTH_ABBR[s]


def _year2(y: str) -> int:
    y4 = int(y)
    if len(y) == 2:
        y4 += 1900 if y4 > 30 else 2000
    return y4


def _candidates(text: str) -> list[Cand]:
    out = []
    words = set(re.findall(r"[a-z]+", text.lower()))
    for kind, rx, prio in PATTERNS:
        need = TRIGGERS.get(kind)
        if need is not None and words.isdisjoint(need):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " ,.-":
                if text[e - 1] == "." and re.search(r"(?:a\.m|p\.m|[A-Z][a-z]{2,3})\.$", text[s:e]):
                    break
                e -= 1
            out.append(Cand(s, e, kind, {k: v for k, v in m.groupdict().items() if v is not None}, prio))
    # longest first, then higher priority, then leftmost; keep non-overlapping
    out.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[Cand] = []
    for c in out:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    # "April 24 and 25", "March 3-4, 2022": the second day is a date of its own, in the same month
    for c in [t for t in taken if t.kind == "mdy" and "y" not in t.data and "time" not in t.data]:
        m = _SECOND_DAY.match(text, c.end)
        if m and all(m.end("d") <= t.start or m.start("d") >= t.end for t in taken):
            data = {"mon": c.data["mon"], "d": m.group("d")}
            if m.group("y"):
                data["y"] = c.data["y"] = m.group("y")
            taken.append(Cand(m.start("d"), m.end("d"), "mdy", data, c.prio))
    return sorted(taken, key=lambda c: c.start)


_SECOND_DAY = re.compile(
    rf"\s*(?:and|or|to|through|-|–)\s*(?P<d>{DAYNUM})(?![\d.,]\d|\s*(?:%|percent|{MON}|a\.m|p\.m))"
    rf"(?:,\s+(?P<y>{YEAR}))?(?=\s*(?:[,.;:)\n]|$)|\s+(?:in|at|for|when|as|and|to)\b)",
    F,
)


# ---------------------------------------------------------------- direction from the parse

OBJECT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd"}


# A weaker cue than a direct modifier's tense (the clause around "the Oct. 23 slaying" is past): the date
# stays in the anchor's year unless that puts it more than LEAN_DAYS on the wrong side of the anchor.
LEAN_BACK, LEAN_FORWARD = "lean-", "lean+"
LEAN_DAYS = 60


@dataclass
class Gov:
    verb: object = None  # the governing verb token
    prep: str | None = None  # the preposition heading the expression, if any
    direct: bool = True  # the expression modifies the verb itself, not a noun on the way
    role: str = ""  # the dependency of the expression's root
    participle: object = None  # a participle on the way that modifies a noun ("shares issued July 1")


def _governor(doc, start: int, end: int) -> Gov:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Gov()
    root = span.root
    g = Gov(role=root.dep_)
    tok = root
    for _ in range(10):
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "pcomp") and g.prep is None:
            g.prep = tok.head.lower_
        nxt = tok.head
        if nxt is tok:
            break
        if nxt.pos_ in ("VERB", "AUX"):
            g.verb = nxt
            # a participle modifying a noun ("the service planned for Saturday was cancelled"): the clause's verb
            if not (nxt.dep_ == "acl" and nxt.tag_ in ("VBN", "VBG")):
                return g
            g.direct = False
            if g.participle is None:
                g.participle = nxt
        if nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and nxt not in span:
            g.direct = False
        tok = nxt
    return g


def _direction(doc, start: int, end: int, kind: str = "", text: str | None = None) -> tuple[int | str, str]:
    """-1 (before the anchor), +1 (after), 0 (no cue) or a weaker LEAN_BACK / LEAN_FORWARD, with the reason.

    Pass `text` (the doc's text): spaCy rebuilds `doc.text` from the tokens on every access."""
    if doc is None:
        return 0, "no parse"
    g = _governor(doc, start, end)
    if text is None:
        text = doc.text
    before = text[max(0, start - 20) : start].lower()
    if re.search(r"as (?:soon|early) as\s+$", before):
        return 1, "'as soon as' looks forward"
    if re.search(r"\beffective(?: on| from)?\s+$", before) and kind != "weekday":
        return 1, "'effective' looks forward"
    past, why_past = _past(g.verb)
    if g.verb is not None and g.prep in FORWARD_PREP | {"to"} and g.verb.lemma_.lower() in EXTEND_VERBS:
        return 1, f"'{g.verb.text} {g.prep}' moves a date forward"
    if g.prep in FORWARD_PREP:
        if past and g.verb is not None and any(a.lower_ == "had" for a in g.verb.children if a.dep_ == "aux"):
            return -1, f"'{g.prep}' with the past perfect of '{g.verb.text}'"
        if past and g.prep in ("through", "thru") and g.verb.tag_ == "VBD":
            return -1, f"'{g.prep}' with the past tense of '{g.verb.text}': a stretch that has ended"
        return 1, f"'{g.prep}' looks forward"
    if g.prep in BACKWARD_PREP:
        return -1, f"'{g.prep}' looks back"
    verb = g.verb
    if verb is None:
        return 0, "no governing verb"
    if _as_soon_as_ahead(verb):
        return 1, f"'as soon as {verb.text}' after a clause about what lies ahead"
    weekday = kind == "weekday"
    if not weekday and (not g.direct or g.role in OBJECT_DEPS):
        # not a modifier of the verb ("the Oct. 23 slaying", "the October attack"): the clause's tense
        # still says on which side of the anchor it lies
        if g.participle is not None and g.participle.tag_ == "VBN":
            return LEAN_BACK, f"'{g.participle.text}', a past participle"
        if past:
            return LEAN_BACK, f"in a clause in the {why_past.split(' of ')[0]} ('{verb.text}')"
        if any(a.lower_ in FUTURE_AUX or a.lemma_ == "will" for a in verb.children if a.dep_ == "aux"):
            return LEAN_FORWARD, f"in a clause in the future tense ('{verb.text}')"
        return 0, f"not a modifier of '{verb.text}'"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for a in aux:
        if a.lower_ in FUTURE_AUX or a.lemma_ == "will":
            return 1, f"future tense ('{a.text} {verb.text}')"
    # is expected / scheduled / due / set / planned to meet ...; is to meet
    v = verb
    for _ in range(4):
        lem = v.lemma_.lower()
        if lem in FUTURE_GOV and (v is not verb or lem in ("plan", "schedule", "slate") and v.tag_ != "VBD"):
            if _had(v):  # a weekday then lies behind; a month-day or month may still be ahead: the nearest
                return (-1 if weekday else 0), f"'had {v.text}': a plan made in the past"
            return 1, f"'{v.text}' looks forward"
        if v is not verb and lem == "be" and v.tag_ in ("VBZ", "VBP", "VBD"):
            return 1, f"'{v.text} to' looks forward"
        if v.dep_ == "xcomp" and v.head is not v:
            v = v.head
            continue
        break
    if v is not verb:
        for a in v.children:
            if a.dep_ == "aux" and (a.lower_ in FUTURE_AUX or a.lemma_ == "will"):
                return 1, f"future tense ('{a.text} {v.text}')"
    for a in aux:
        if a.lower_ in MODAL_AUX:
            if verb.tag_ == "VBN" and any(b.lemma_ == "have" for b in aux):
                return -1, f"'{a.text} have {verb.text}' looks back"
            return (1 if weekday and a.lower_ in FORWARD_MODAL else 0), f"'{a.text} {verb.text}'"
    if past and not weekday and why_past.startswith("perfect") and not _had(verb):
        # the present perfect ties a past act to the present ("has set Nov. 10 as the deadline"): it only leans
        return LEAN_BACK, why_past
    if past:
        return -1, why_past
    if weekday and g.participle is not None and g.participle.tag_ == "VBN":
        return -1, f"'{g.participle.text}', a past participle"
    if weekday and re.match(r"\w+['’]s\b", text[start : end + 2]) and verb.tag_ in ("VBZ", "VBP"):
        return -1, "a weekday's event in a present-tense clause has already happened"
    tag = verb.tag_
    if tag == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return 1, f"present progressive '{verb.text}'"
    if tag in ("VBZ", "VBP") or (tag == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in aux)):
        return (1 if weekday else 0), f"present tense of '{verb.text}'"
    return 0, f"'{verb.text}' gives no tense"


def _as_soon_as_ahead(verb) -> bool:
    """`likely to buy as soon as trading opened Monday`: a temporal clause takes the time of its main clause,
    here one that lies ahead (future, modal or 'likely / expected to'), whatever the reported tense."""
    if (
        verb.dep_ != "advcl"
        or verb.head.lower_ not in ("soon", "early")
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        return False
    main = verb.head.head
    for _ in range(3):
        if any(a.dep_ == "aux" and (a.lower_ in FUTURE_AUX | MODAL_AUX or a.lemma_ == "will") for a in main.children):
            return True
        if main.lemma_.lower() in FUTURE_GOV:
            return True
        if main.head is main:
            break
        main = main.head
    return False


def _had(v) -> bool:
    """`had been due / scheduled / expected to`: the past perfect of a plan."""
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if v.lemma_.lower() in ("due", "likely", "ready", "set") and v.head is not v and v.head.lemma_ == "be":
        aux = aux + [c for c in v.head.children if c.dep_ in ("aux", "auxpass")] + [v.head]
    return any(a.lower_ == "had" for a in aux)


def _past(verb) -> tuple[bool, str]:
    if verb is None:
        return False, ""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODAL_AUX | FUTURE_AUX for a in aux):
        return False, ""
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return True, f"past tense of '{verb.text}'"
    if (
        verb.tag_ == "VBP"
        and not aux
        and verb.lower_ in SAME_FORM_PAST
        and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") and not any(x.dep_ == "conj" for x in c.children)
            for c in verb.children
        )
    ):
        # "Weakness hurt the composite": 'hurt' with a singular subject is not a present, so it is the past
        return True, f"past tense of '{verb.text}' (a singular subject)"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return True, f"perfect tense of '{verb.text}'"
    if verb.tag_ == "VBG" and any(a.lemma_ == "have" for a in aux) and any(a.lower_ == "been" for a in aux):
        return True, f"perfect tense of '{verb.text}'"  # "have been searching since ...": begun in the past
    if verb.tag_ == "VBG" and not aux and verb.dep_ == "advcl" and verb.head is not verb:
        # a participle clause takes its main clause's tense ("the stock has fluctuated, rising ... in March")
        past, why = _past(verb.head)
        return past, why and f"{why}, whose clause '{verb.text}' is part of"
    return False, ""


# ---------------------------------------------------------------- resolution (pure: spec + anchor)


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s[:10])


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return "%d-W%02d" % (y, w)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def _dir_words(direction: int, unit: str) -> str:
    return {-1: f"the {unit} before", 1: f"the {unit} after", 0: f"the {unit} nearest to"}[direction]


def resolve(spec: dict, anchor: str) -> tuple[str | None, str]:
    """Value and basis (without the leading 'text →') of a relative expression against `anchor`."""
    a = _d(anchor)
    kind = spec["kind"]
    why = spec.get("why")
    tail = f"; {why}" if why else ""
    pd = f"the publication date {a.isoformat()}"
    if kind == "weekday":
        dow, direction = spec["dow"], spec.get("dir", -1)
        name = WEEKDAYS[dow].capitalize()
        if spec.get("base"):
            bv = _base_value(spec["base"], anchor)[0]
            if not bv or not re.match(r"\d{4}-\d\d-\d\d", bv):
                return None, "no reference date"
            a, pd = _d(bv), f"the date last mentioned, {bv[:10]}"
        if direction > 0:
            delta = (dow - a.weekday()) % 7
            if spec.get("strict") and delta == 0:
                delta = 7
            d = a + dt.timedelta(days=delta)
            rel = f"the {name} on or after {pd}" if not spec.get("strict") else f"the {name} after {pd}"
        elif direction == 0 and spec.get("this"):
            d = a + dt.timedelta(days=dow - a.weekday())
            rel = f"the {name} of the week of {pd}"
        else:
            delta = (a.weekday() - dow) % 7
            if spec.get("strict") and delta == 0:
                delta = 7
            d = a - dt.timedelta(days=delta)
            rel = f"the {name} before {pd}" if delta else f"{pd} itself, a {name}"
        if direction > 0 and spec.get("part") and not spec.get("time"):
            # a part of a day still ahead ("is to leave Tuesday morning") is a plan for that day
            return d.isoformat(), f"{rel}{tail}; a plan is dated to the day"
        v = d.isoformat() + _time_suffix(spec)
        return v, f"{rel}{tail}"
    if kind == "md":
        m, day, direction = spec["m"], spec["d"], spec.get("dir", 0)
        cands = []
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                cands.append(dt.date(y, m, day))
            except ValueError:
                continue
        if not cands:
            return None, "no such day"
        same = [c for c in cands if c.year == a.year]
        if "dow" in spec and any(c.weekday() == spec["dow"] for c in cands):
            pick = min((c for c in cands if c.weekday() == spec["dow"]), key=lambda c: abs((c - a).days))
            rel = f"the {pick.strftime('%B')} {day} near {pd} that falls on a {WEEKDAYS[spec['dow']].capitalize()}"
            return pick.isoformat() + _time_suffix(spec), f"{rel}{tail}"
        nearest = min(cands, key=lambda c: abs((c - a).days))
        if direction < 0:
            pick = max((c for c in cands if c <= a), default=cands[0])
            rel = f"the latest {pick.strftime('%B')} {day} not after {pd}"
        elif direction > 0:
            pick = min((c for c in cands if c >= a), default=cands[-1])
            rel = f"the first {pick.strftime('%B')} {day} not before {pd}"
        if direction > 0 and abs((pick - a).days) > 183 and pick != nearest:
            # a month-day said to lie ahead is rarely more than half a year away: nearest wins
            pick = nearest
            rel = f"the {pick.strftime('%B')} {day} nearest to {pd} (the tense points further than half a year)"
        elif not direction:
            pick = same[0] if same and abs((same[0] - a).days) <= 183 else min(cands, key=lambda c: abs((c - a).days))
            rel = (
                f"the {pick.strftime('%B')} {day} of the year of {pd}"
                if pick.year == a.year
                else f"the {pick.strftime('%B')} {day} nearest to {pd}"
            )
            lean = spec.get("lean", 0)
            if lean and lean * (pick - a).days < -LEAN_DAYS:
                pick = _replace_year(pick, pick.year + lean) or pick
                rel = f"the {pick.strftime('%B')} {day} {'before' if lean < 0 else 'after'} {pd}"
        return pick.isoformat() + _time_suffix(spec), f"{rel}{tail}"
    if kind == "month":
        m = spec["m"]
        if "yoff" in spec:
            y = a.year + spec["yoff"]
            return "%04d-%02d" % (
                y,
                m,
            ), f"{MONTHS[m - 1].capitalize()} of {_yoff_words(spec['yoff'])} ({y}), counted from {pd}{tail}"
        direction = spec.get("dir", 0)
        strict = spec.get("strict")
        if direction < 0:
            y = a.year if (m < a.month or (m == a.month and not strict)) else a.year - 1
            rel = f"the latest {MONTHS[m - 1].capitalize()} {'before' if strict else 'up to'} {pd}"
            if spec.get("last") and (a.year * 12 + a.month) - (y * 12 + m) == 1:
                # the month just ended is 'last month': 'last February' said in March is the year before's
                y -= 1
                rel = f"the {MONTHS[m - 1].capitalize()} a year before the one just ended at {pd}"
        elif direction > 0:
            y = a.year if (m > a.month or (m == a.month and not strict)) else a.year + 1
            rel = f"the first {MONTHS[m - 1].capitalize()} {'after' if strict else 'from'} {pd}"
        else:
            y = a.year
            if m - a.month > 6:
                y -= 1
            elif a.month - m > 6:
                y += 1
            lean = spec.get("lean", 0)
            if lean and lean * ((y - a.year) * 12 + m - a.month) < -(LEAN_DAYS // 30):
                y += lean
            rel = (
                f"the {MONTHS[m - 1].capitalize()} of the year of {pd}"
                if y == a.year
                else f"the {MONTHS[m - 1].capitalize()} nearest to {pd}"
            )
        return "%04d-%02d" % (y, m), f"{rel}{tail}"
    if kind == "offset":
        return _resolve_offset(spec, a, pd, tail)
    if kind == "season":
        s = spec["s"]
        cy, cs = _season_of(a)
        order = ["SP", "SU", "FA", "WI"]
        if "yoff" in spec:
            y = a.year + spec["yoff"]
            rel = f"the {SEASON_NAMES[s]} of {y}, counted from {pd}"
        else:
            direction = spec.get("dir", 0)
            # season index on a linear scale: year*4 + position
            cur = cy * 4 + order.index(cs)
            base = cy * 4 + order.index(s)
            if direction < 0:
                k = base if base < cur or (base == cur and not spec.get("strict")) else base - 4
                if spec.get("strict") and k == cur:
                    k -= 4
            elif direction > 0:
                k = base if base > cur or (base == cur and not spec.get("strict")) else base + 4
            else:
                k = base
            y = k // 4
            rel = f"{_dir_words(direction, SEASON_NAMES[s])} {pd}"
        return f"{y:04d}-{s}", f"{rel}{tail}"
    if kind == "quarter":
        q = spec["q"]
        aq = (a.month - 1) // 3 + 1
        if "yoff" in spec:
            y = a.year + spec["yoff"]
            rel = f"quarter {q} of {_yoff_words(spec['yoff'])} ({y}), counted from {pd}"
        else:
            y = a.year
            if spec.get("dir", -1) <= 0 and q > aq:
                y -= 1
            rel = f"the latest quarter {q} up to {pd}"
        if spec.get("shift"):
            k = y * 4 + q - 1 + spec["shift"]
            y, q = k // 4, k % 4 + 1
            rel += f", shifted by {spec['shift']} quarters"
        return f"{y:04d}-Q{q}", f"{rel}{tail}"
    if kind == "qrel":
        aq = (a.month - 1) // 3 + 1
        k = a.year * 4 + aq - 1 + spec["n"]
        y, q = k // 4, k % 4 + 1
        return f"{y:04d}-Q{q}", f"{_n_words(spec['n'], 'quarter')} of {pd}{tail}"
    if kind == "half":
        y = a.year + spec.get("yoff", 0)
        return f"{y:04d}-H{spec['h']}", f"half {spec['h']} of {y}, counted from {pd}{tail}"
    if kind == "time":
        return a.isoformat() + spec["t"], f"on {pd}{tail}"
    if kind == "holiday":
        fn, direction = HOLIDAYS[spec["h"]], spec.get("dir", 0)
        cands = [fn(y) for y in (a.year - 1, a.year, a.year + 1)]
        if direction < 0:
            pick = max(x for x in cands if x < a or (x == a and not spec.get("strict")))
        elif direction > 0:
            pick = min(x for x in cands if x >= a)
        else:
            pick = min(cands, key=lambda x: abs((x - a).days))
        return pick.isoformat(), f"{_dir_words(direction, spec['h'].title())} {pd}{tail}"
    if kind == "relref":
        base = spec["base"]
        bv, bwhy = _base_value(base, anchor)
        if not bv or not re.match(r"\d{4}-\d\d", bv):
            return None, "no reference date"
        if spec["unit"] == "month":
            y, m = _add_months(int(bv[:4]), int(bv[5:7]), spec["n"])
            v = "%04d-%02d" % (y, m)
        else:
            if not re.match(r"\d{4}-\d\d-\d\d", bv):
                return None, "the reference date has no day"
            v = (_d(bv) + dt.timedelta(days=spec["n"])).isoformat() + _time_suffix(spec)
        what = {
            0: "the same " + spec["unit"] + " as",
            1: "the " + spec["unit"] + " after",
            -1: "the " + spec["unit"] + " before",
        }.get(spec["n"], f"{spec['n']:+d} {spec['unit']}s from")
        src = "the day named in the same sentence" if spec.get("near") else "the date last mentioned"
        return v, f"{what} {src}, {bv[:10]}" + (f" ({bwhy.split(' (')[0]})" if bwhy else "") + tail
    if kind == "weekend":
        direction = spec.get("dir", -1)
        sat = a + dt.timedelta(days=5 - a.weekday())  # the Saturday of the anchor's week
        if direction < 0 and sat > a:
            sat -= dt.timedelta(days=7)
        return _week(sat) + "-WE", f"{_dir_words(direction if direction else -1, 'weekend')} {pd}{tail}"
    return None, "unknown kind"


def _base_value(base: dict, anchor: str) -> tuple[str | None, str]:
    """The value of a reference date stored in a spec (an absolute value or a spec of its own), and why."""
    return (base["value"], "") if base.get("kind") == "abs" else resolve(base, anchor)


def _replace_year(d: dt.date, y: int) -> dt.date | None:
    try:
        return d.replace(year=y)
    except ValueError:
        return None


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _nth_weekday(y: int, m: int, dow: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) weekday `dow` of month m."""
    if n > 0:
        d = dt.date(y, m, 1)
        return d + dt.timedelta(days=(dow - d.weekday()) % 7 + 7 * (n - 1))
    d = dt.date(y, m, calendar.monthrange(y, m)[1])
    return d - dt.timedelta(days=(d.weekday() - dow) % 7)


# Fixed and movable feasts the news dates things by (US, Russian and Chinese usage).
HOLIDAYS = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "easter": _easter,
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "victory day": lambda y: dt.date(y, 5, 9),
}


def _time_suffix(spec: dict) -> str:
    if spec.get("time"):
        return spec["time"]
    if spec.get("part"):
        return "T" + spec["part"]
    return ""


def _yoff_words(n: int) -> str:
    return {0: "this year", -1: "last year", 1: "next year"}.get(n, f"{n:+d} years")


def _n_words(n: int, unit: str) -> str:
    if n == 0:
        return f"the {unit}"
    if n == -1:
        return f"the {unit} before that"
    if n == 1:
        return f"the {unit} after that"
    return f"{abs(n)} {unit}s {'before' if n < 0 else 'after'}"


def _resolve_offset(spec: dict, a: dt.date, pd: str, tail: str) -> tuple[str | None, str]:
    unit, n = spec["unit"], spec["n"]
    gran = spec.get("gran", unit)
    approx = "about " if spec.get("approx") else ""
    if unit == "day":
        d = a + dt.timedelta(days=n)
    elif unit == "week":
        d = a + dt.timedelta(weeks=n)
    elif unit == "weekend":
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7 - (7 if n <= 0 and a.weekday() < 5 else 0))
        if n < 0 and a.weekday() >= 5:
            sat = a - dt.timedelta(days=a.weekday() - 5)
        if n > 0 and a.weekday() >= 5:
            sat = a + dt.timedelta(days=12 - a.weekday())
        d = sat
    elif unit == "month":
        y, m = _add_months(a.year, a.month, n)
        d = dt.date(y, m, min(a.day, calendar.monthrange(y, m)[1]))
    elif unit == "quarter":
        y, m = _add_months(a.year, a.month, 3 * n)
        d = dt.date(y, m, 1)
    elif unit == "year":
        y = a.year + n
        d = dt.date(y, a.month, min(a.day, calendar.monthrange(y, a.month)[1]))
    elif unit == "decade":
        d = dt.date(a.year + 10 * n, 1, 1)
    elif unit == "century":
        d = dt.date(max(1, a.year + 100 * n), 1, 1)
    else:
        return None, "unknown unit"
    if gran == "day":
        v = d.isoformat() + _time_suffix(spec)
    elif gran == "weekend":
        v = _week(d) + "-WE"
    elif gran == "week":
        v = _week(d)
    elif gran == "month":
        v = d.strftime("%Y-%m")
    elif gran == "quarter":
        v = f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    elif gran == "decade":
        v = str(d.year)[:3]
    elif gran == "century":
        v = str(d.year)[:2]
    else:
        v = str(d.year)
    if n == 0:
        rel = f"the {unit} of {pd}"
    else:
        rel = f"{approx}{abs(n)} {unit}{'s' if abs(n) != 1 else ''} {'before' if n < 0 else 'after'} {pd}"
    return v, f"{rel}{tail}"


def reanchor(timex_text: str, spec: str, anchor: str) -> tuple[str | None, str]:
    """Resolve a stored expression again against a new anchor (e.g. a user-set publication date)."""
    s = json.loads(spec)
    value, basis = resolve(s, anchor)
    return value, f"{timex_text} → {value}: {basis}"


# ---------------------------------------------------------------- interpretation of candidates


@dataclass
class Interp:
    type: str
    value: str | None = None  # absolute value (no anchor needed)
    spec: dict | None = None  # relative: resolved against the anchor
    basis: str = ""
    needs_dir: bool = False
    drop: bool = False


def _interpret(c: Cand, text: str, ctx: Context) -> Interp:  # noqa: C901 - one branch per pattern family
    g = c.data
    surface = text[c.start : c.end]
    low = surface.lower()
    k = c.kind
    if k in ("iso", "numdate"):
        try:
            d = dt.date(_year2(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return Interp("DATE", drop=True)
        v = d.isoformat() + ("T" + g["t"] if g.get("t") else "")
        return Interp("TIME" if g.get("t") else "DATE", v, basis="explicit date")
    if k in ("mdy", "dmy", "time_date"):
        m, day = _month(g["mon"]), int(re.match(r"\d+", g["d"]).group())
        t = _clock(g["time"]) if g.get("time") else ""
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
    if k == "my":
        if g.get("ys"):
            g = dict(g, y=_interpret_spelled(g["ys"].lower()).value)
        m = _month(g["mon"])
        mod = (g.get("mod") or "").lower()
        if "half" in mod:
            return Interp("DATE", g["y"], basis="explicit year")
        return Interp("DATE", "%s-%02d" % (g["y"], m), basis="explicit month and year")
    if k == "mrel":
        return Interp(
            "DATE",
            spec={"kind": "month", "m": _month(g["mon"]), "yoff": {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]},
        )
    if k == "relm":
        rel = g["rel"].lower()
        m = _month(g["mon"])
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
    if k == "month":
        if g["mon"] == "May" and not g.get("mod") and _prev_word(text, c.start) not in MONTH_PREPS:
            return Interp("DATE", drop=True)
        if not g.get("mod") and _prev_word(text, c.start) not in MONTH_PREPS | {"of", "and", "or", "to", "through"}:
            if not ctx.ent_date(c.start, c.end):
                return Interp("DATE", drop=True)
        return Interp("DATE", spec={"kind": "month", "m": _month(g["mon"])}, needs_dir=True)
    if k in ("time_dow", "dow"):
        dow = WEEKDAYS.index(g["dow"].lower())
        spec = {"kind": "weekday", "dow": dow}
        if g.get("time"):
            spec["time"] = _clock(g["time"])
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
    if k in ("relday", "time_rel"):
        w = g["w"].lower()
        n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(w.split()[0] if " " not in w else "", None)
        if n is None:
            n = -2 if "before" in w else 2
        if w in ("today's", "today’s") and _next_word(text, c.end) not in EVENT_NOUNS:
            return Interp("DATE", drop=True)
        spec = {"kind": "offset", "unit": "day", "n": n, "gran": "day"}
        if g.get("time"):
            spec["time"] = _clock(g["time"])
        elif w == "tonight" or (g.get("part") or "").lower() == "night":
            spec["part"] = "NI"
        elif g.get("part"):
            spec["part"] = DAY_PARTS[g["part"].lower()]
        return Interp("TIME" if "part" in spec or "time" in spec else "DATE", spec=spec)
    if k == "aday":
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
    if k == "dayappos":
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
    if k == "daybefore":
        dow_at = c.start + re.search(DOW, text[c.start : c.end]).start()
        base = {"kind": "weekday", "dow": WEEKDAYS.index(g["dow"].lower())}
        wrel = (g.get("wrel") or "").lower()
        if wrel in ("last", "next"):
            base.update(dir=-1 if wrel == "last" else 1, strict=True, why=f"'{wrel}'")
        else:
            base["dir"], base["why"] = _direction(ctx.doc, dow_at, c.end, "weekday", text)
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
    if k == "refthen":
        ref = (
            ctx.last_ref(c.start, "month")
            if _prev_word(text, c.start) in ("until", "till", "by", "since", "before", "after", "from")
            else None
        )
        if ref is None:
            return Interp("DATE", drop=True)
        return Interp("DATE", spec={"kind": "relref", "unit": ctx.last_ref_gran(c.start), "n": 0, "base": ref})
    if k == "refpart":
        # "dealers placed orders in the morning", "by mid afternoon": the part of the day last mentioned
        prev = _prev_word(text, c.start)
        if not (
            g.get("mid") and prev in ("by", "at", "in", "until", "around", "about") or g.get("the") and prev == "in"
        ):
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
    if k in ("refday", "refmonth"):
        return _interpret_ref_time(g, c, ctx)
    if k == "partday2":
        n = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel"].lower()]
        return Interp(
            "TIME", spec={"kind": "offset", "unit": "day", "n": n, "gran": "day", "part": DAY_PARTS[g["part"].lower()]}
        )
    if k == "partday":
        rel = g["rel"].lower()
        n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
        part = DAY_PARTS[g["part"].lower()]
        if rel == "last" and part != "NI":
            n = -1
        return Interp("TIME", spec={"kind": "offset", "unit": "day", "n": n, "gran": "day", "part": part})
    if k == "time":
        if low in ("noon", "midnight", "midday") and not ctx.ent_time(c.start, c.end):
            return Interp("TIME", drop=True)
        return Interp("TIME", spec={"kind": "time", "t": _clock(g["time"])})
    if k == "ago":
        n = _num(g["n"])
        unit = _unit(g["unit"])
        if n is None or unit in ("hour", "minute", "second"):
            return Interp("DATE", drop=True)
        if n != "X" and n > 1 and not g["unit"].lower().endswith("s"):
            # "versus 12,000 week ago": a number with a singular unit does not count it (12,000 [a] week ago)
            return Interp("DATE", drop=True)
        sign = 1 if g["dir"].lower() in ("later", "from now", "hence") else -1
        if n == "X":
            return Interp("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", basis="vague amount of time")
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
        if unit == "year" and n == 1 and ctx.fin_quarter(c.start):
            return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), 4 * sign))
        if (
            unit == "year"
            and n == 1
            and g["dir"].lower() == "ago"
            and re.search(
                r"(?:\bfrom|\bthan|compared\s+with|(?:up|down)\s+from\s+[\w$#.,%]+)\s+$",
                text[max(0, c.start - 40) : c.start],
                re.I,
            )
        ):
            # "production fell 8.4% from a year ago", "up from seven a year ago": a level compared with the
            # same point of last year, the month a year back
            spec.update(gran="month", why="a level compared with the same point a year back")
        if g["dir"].lower() in ("earlier", "later", "before") and unit != "year":
            return Interp("DURATION", _pvalue(n, unit), basis=f"{g['n']} {g['unit']}, counted from another event")
        return Interp("DATE", spec=spec)
    if k == "relunit":
        return _interpret_relunit(g, c, text, ctx)
    if k == "theyear":
        unit = g["unit"].lower()
        prev = _prev_word(text, c.start)
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
    if k == "yearend":
        if _prev_word(text, c.start) == "since":
            return Interp(
                "DATE",
                spec={"kind": "md", "m": 12, "d": 31, "dir": -1, "why": "'since year-end': the last end of a year"},
            )
        return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": 0, "gran": "year"})
    if k == "holiday":
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
    if k == "nthday":
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
    if k == "earlier_in":
        unit = g["unit"].lower()
        return Interp("DATE", spec={"kind": "offset", "unit": unit, "n": 0, "gran": unit})
    if k == "yearadj":
        if ctx.fin_quarter(c.start) and not _LONG_PERIOD.search(_clause_before(text, c.start)):
            return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), -4))
        return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": -1, "gran": "year"})
    if k == "quarter":
        return _interpret_quarter(g, c, text, ctx)
    if k == "halfyear":
        h = 1 if g["o"].lower() == "first" else 2
        return Interp("DATE", f"{g['y']}-H{h}", basis="explicit half year")
    if k == "qcode":
        q = int(g.get("q1") or g.get("q2"))
        if g.get("y"):
            return Interp("DATE", f"{_year2(g['y'])}-Q{q}", basis="explicit quarter")
        return Interp("DATE", spec={"kind": "quarter", "q": q}, needs_dir=True)
    if k == "period":
        if not ctx.earnings:
            return Interp("DATE", drop=True)
        pre = g["pre"].lower()
        ref = ctx.reported_quarter(c.start)  # "the 1988 / year-ago / latest period": the quarter reported on
        if re.fullmatch(r"\d{4}", pre):
            if (
                ref
                and "spec" in ref
                and ref["spec"].get("kind") == "quarter"
                and not _LONG_PERIOD.search(_clause_before(text, c.start))
            ):
                return Interp("DATE", f"{pre}-Q{ref['spec']['q']}", basis="the quarter last mentioned, in that year")
            return Interp("DATE", pre, basis="explicit year")
        if pre in ("year-earlier", "year-ago", "year-before", "comparable", "corresponding"):
            return Interp("DATE", spec=_shift_quarter(ref, -4))
        return Interp("DATE", spec=_shift_quarter(ref, 0))
    if k == "season":
        return _interpret_season(g, c, text)
    if k in ("year", "fy"):
        return _interpret_year(g, c, text, ctx)
    if k in ("decade", "decadew"):
        if g.get("w"):
            if not low.startswith("the"):
                return Interp("DATE", drop=True)
            d = DECADE_WORDS.index(g["w"].lower()) + 2
            return Interp("DATE", f"19{d}", basis="a decade")
        cent = g.get("c") or "19"
        return Interp("DATE", f"{cent}{g.get('d') or g.get('d2')}", basis="a decade")
    if k == "century":
        return Interp("DATE", "%02d" % (int(g["n"]) - 1), basis="a century")
    if k == "spelled":
        return _interpret_spelled(low)
    if k in ("dur", "dur_bare", "dur_plain"):
        return _interpret_duration(g, c, text, ctx)
    if k == "set":
        return _interpret_set(g, text, c)
    if k == "ref":
        return _interpret_ref(g, c, text, ctx)
    return Interp("DATE", drop=True)


def _prev_word(text: str, i: int) -> str:
    m = re.search(r"([\w’'-]+)\W*$", text[max(0, i - 30) : i])
    return m.group(1).lower() if m else ""


def _next_word(text: str, i: int) -> str:
    m = re.match(r"\W*([\w’'-]+)", text[i : i + 30])
    return m.group(1).lower() if m else ""


def _clock(s: str) -> str:
    s = s.lower().strip()
    if s in ("noon", "midday"):
        return "T12:00"
    if s == "midnight":
        return "T24:00"
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.?m|p\.?m)?", s)
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if re.search(r"in the (?:afternoon|evening)$", s) and h < 12:
        h += 12
    if m.group(3) and m.group(3).startswith("p") and h < 12:
        h += 12
    if m.group(3) and m.group(3).startswith("a") and h == 12:
        h = 0
    return "T%02d:%02d" % (h, mi)


def _unit(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


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


def _interpret_ref_time(g, c, ctx) -> Interp:
    """`earlier that day`, `the next morning`, `the day before`, `the following month`: counted from the
    date last mentioned (its spec, so re-anchoring follows); with none, from the publication date."""
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


def _interpret_relunit(g, c, text, ctx) -> Interp:
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["unit"].lower()
    mod = (g.get("mod") or "").lower()
    surface = text[c.start : c.end].lower()
    n = RELATIVE_STEPS[rel]
    if rel in ("the same", "that") and unit == "quarter" and ctx.last_quarter(c.start):
        return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), 0))
    if rel in ("the same", "that") and unit != "year" or rel in ("the same", "that") and not ctx.last_year(c.start):
        return Interp("DATE", drop=True)
    if rel in ("the same", "that", "the following", "the previous", "the prior") and unit == "year":
        ref = ctx.last_year(c.start)
        if ref:
            y = ref + (n if rel not in ("the same", "that") else 0)
            return Interp("DATE", str(y), basis=f"{ref}, the year last mentioned")
    if unit in ("decade", "century") and rel in ("the past", "the last", "the coming", "the next") and not mod:
        return Interp("DURATION", _pvalue(1, unit), basis="one " + unit)
    if unit == "quarter":
        if (
            rel == "this"
            and ctx.financial
            and ctx.reported_quarter(c.start)
            and re.match(
                r"['’]s\s+(?:\w+\s+)?(?:loss|losses|results|earnings|profit|net|sales|revenue)\b", text[c.end - 2 :]
            )
        ):
            # "This quarter's loss includes charges": results already reported are the quarter the story reports
            return Interp("DATE", spec=_shift_quarter(ctx.reported_quarter(c.start), 0))
        if rel in ("this", "the current", "the same") and not mod:
            return Interp("DATE", spec={"kind": "qrel", "n": 0})
        ref = ctx.reported_quarter(c.start) if rel in ("the latest",) else None
        if ref:
            return Interp("DATE", spec=_shift_quarter(ref, 0))
        return Interp("DATE", spec={"kind": "qrel", "n": n})
    if unit == "weekend":
        return Interp("DATE", spec={"kind": "offset", "unit": "weekend", "n": n if n else 0, "gran": "weekend"})
    if unit == "week" and rel in ("the past", "the last") and not mod:
        # "for the last week": the seven days up to the anchor, as the ISO week holding most of them (their middle)
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
    gran = unit
    if unit == "year" and mod in ("the end of",) and n == 0:
        return Interp("DATE", spec={"kind": "offset", "unit": "year", "n": 0, "gran": "year"})
    if rel == "the past" and unit == "year" and "'" not in surface:
        pass
    spec = {"kind": "offset", "unit": unit, "n": n, "gran": gran}
    if (
        unit == "year"
        and n == -1
        and ctx.fin_quarter(c.start)
        and rel == "last"
        and re.match(
            r"\s*['’]s\s+(?:\w+\s+)?(?:quarter|period)", text[c.end - 2 if surface.endswith("'s") else c.end :]
        )
    ):
        spec["gran"] = "quarter"
    elif (
        unit == "year"
        and n == -1
        and rel == "last"
        and ctx.fin_quarter(c.start)
        and not _LONG_PERIOD.search(_clause_before(text, c.start))
        and (
            _AMOUNT_BEFORE.search(text[max(0, c.start - 80) : c.start])
            or re.match(r"['’]s\s+(?:[\w-]+\s+)?[$#]?[\d.,]+\s+(?:million|billion)", text[c.end - 2 :])
        )
    ):
        # "compared with a loss of $3 million last year", "from last year's $1.55 billion": the amount
        # compared with is the quarter's, a year back
        return Interp("DATE", spec=_shift_quarter(ctx.last_quarter(c.start), -4))
    return Interp("DATE", spec=spec)


# a period longer than a quarter named earlier in the sentence: the comparison is of that period
_LONG_PERIOD = re.compile(r"\b(?:(?:six|nine|twelve|6|9|12)[\s-]+months|(?:the|fiscal)\s+year\b(?!['’-]))", re.I)


def _clause_before(text: str, i: int) -> str:
    """The sentence up to offset i (back to the last full stop or line break, at most 300 characters)."""
    w = text[max(0, i - 300) : i]
    return re.split(r"[.!?]\s|\n", w)[-1]


_AMOUNT_BEFORE = re.compile(
    r"\b(?:compared\s+with|from)\s+(?:(?:a\s+)?(?:loss|profit|earnings|net|income)\s+of\s+)?"
    r"[A-Z]*[$#][\d.,]+(?:\s+(?:million|billion))?(?:,\s+or\s+[^,]{1,30},)?\s*$"
)


def _interpret_quarter(g, c, text, ctx) -> Interp:
    low = re.sub(r"\s+", " ", text[c.start : c.end].lower())
    head = low.split(" of ")[0]  # "the third quarter" of "the third quarter of 1990"
    qw = g["q"].lower()
    if qw == "quarters" or (qw == "half" and not re.search(r"first|second|last", low)):
        return Interp("DATE", drop=True)
    if low.startswith(("each", "every")):
        return Interp("SET", "P3M" if qw == "quarter" else "P6M", basis="every " + qw)
    years = re.findall(r"(?:19|20)\d\d", low)
    if qw == "half":
        if not years:
            return Interp("DATE", drop=True)
        return Interp("DATE", f"{years[-1]}-H{1 if 'first' in low else 2}", basis="explicit half year")
    q = int(qw[1]) if re.fullmatch(r"q[1-4]", qw) else None
    for w, n in QUARTER_ORDINALS.items():
        if re.search(rf"(?:(?<![\w-])|(?<=fiscal-)){w}\b", head):
            q = n
    if re.search(r"\bfinal\b|\blast (?!year)", head) and not head.startswith("last quarter"):
        q = 4
    yoff = None
    if re.search(r"year-ago|year-earlier|year-before|a year (?:ago|earlier)|last year", low):
        yoff = -1
    elif "next year" in low:
        yoff = 1
    elif "this year" in low:
        yoff = 0
    # an apposition names one quarter twice: "the year-ago quarter, the second quarter ended Oct. 31, ..."
    if q is None and yoff == -1 and not years and (m := _QUARTER_APPOS.match(text, c.end)):
        return Interp(
            "DATE",
            spec={
                "kind": "quarter",
                "q": QUARTER_ORDINALS[m.group(1).lower()],
                "yoff": -1,
                "why": "the quarter named in apposition",
            },
        )
    if (
        q is not None
        and yoff is None
        and not years
        and re.search(
            r"(?:year-ago|year-earlier|year-before|a\s+year\s+(?:ago|earlier)|last\s+year['’]s)\s+quarter,\s+$",
            text[max(0, c.start - 40) : c.start],
            re.I,
        )
    ):
        yoff = -1
    ended = re.match(rf"\s+end(?:ed|ing)\s+(?P<mon>{MON})\s*\d", text[c.end : c.end + 20])
    if q is None and ended and not years and yoff is None and ctx.last_quarter(c.start) is None:
        # "the quarter ended July 31", with no quarter named before (a company's fiscal quarters keep the
        # names it gives them): the calendar quarter holding most of the three months to that date
        q = (_month(ended.group("mon")) - 2) % 12 // 3 + 1
        return Interp(
            "DATE", spec={"kind": "quarter", "q": q, "dir": -1, "why": f"the quarter ended in {ended.group('mon')}"}
        )
    if q is None:
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
    if years:
        return Interp("DATE", f"{years[0]}-Q{q}", basis="explicit quarter and year")
    spec = {"kind": "quarter", "q": q}
    if yoff is not None:
        spec["yoff"] = yoff
        return Interp("DATE", spec=spec)
    return Interp("DATE", spec=spec, needs_dir=True)


_QUARTER_APPOS = re.compile(
    r",\s+(?:the\s+|its\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter", re.I
)


def _interpret_season(g, c, text) -> Interp:
    s = SEASONS[g["s"].lower()]
    if g.get("ys"):
        g = dict(g, y=_interpret_spelled(g["ys"].lower()).value)
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if g.get("y"):
        return Interp("DATE", f"{g['y']}-{s}", basis="explicit season and year")
    prev = _prev_word(text, c.start)
    if rel in ("last", "this past"):
        return Interp("DATE", spec={"kind": "season", "s": s, "dir": -1, "strict": True, "why": f"'{g['rel']}'"})
    if rel in ("next", "this coming"):
        return Interp("DATE", spec={"kind": "season", "s": s, "dir": 1, "strict": True, "why": f"'{g['rel']}'"})
    if rel == "this":
        return Interp("DATE", spec={"kind": "season", "s": s, "dir": 0, "why": "'this'"})
    if rel in ("the", "early", "late", "mid", "mid-", "the early", "the late") and prev in SEASON_PREPS:
        if s == "FA" and _next_word(text, c.end) in ("in", "of", "from", "to"):
            return Interp("DATE", drop=True)
        return Interp("DATE", spec={"kind": "season", "s": s}, needs_dir=True)
    return Interp("DATE", drop=True)


# ---- a bare four-digit number that is not a year (each rule names what the number is instead)
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
_MIL_CLOCK = re.compile(
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


def _not_a_year(y: int, c: Cand, text: str, ctx) -> str:
    """Why a bare four-digit number (no 'early', 'fiscal', ... before it) is not a year: '' if it may be one."""
    after = text[c.end : c.end + 60]
    before = text[max(0, c.start - 30) : c.start]
    prev = _prev_word(text, c.start)
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


def _interpret_year(g, c, text, ctx) -> Interp:
    y = int(g["y"]) if len(g["y"]) == 4 else _year2(g["y"])
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
    if not mod and len(g["y"]) == 4 and _not_a_year(y, c, text, ctx):
        return Interp("DATE", drop=True)
    if "half" in mod:
        return Interp("DATE", f"{y}-H{1 if 'first' in mod else 2}", basis="explicit half year")
    if mod == "year-end":
        return Interp("DATE", f"{y}-12-31", basis="the end of the year")
    return Interp("DATE", str(y), basis="explicit year")


def _interpret_spelled(low: str) -> Interp:
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


def _interpret_duration(g, c, text, ctx) -> Interp:
    unit = _unit(g["unit"])
    low = text[c.start : c.end].lower()
    adj = (g.get("adj") or "").lower()
    if c.kind == "dur_plain":
        if low.endswith("-old"):
            return Interp("DURATION", drop=True)
        return Interp(
            "DURATION",
            "P" + ("XE" if unit == "decade" else "XC"),
            basis="an unspecified number of " + g["unit"].lower(),
        )
    if c.kind == "dur_bare":
        if adj in ("the coming", "coming") and unit in ("month",):
            return Interp("DATE", "FUTURE_REF" if "coming" in adj else "PAST_REF", basis="vague reference")
        return Interp("DURATION", _pvalue("X", unit), basis=f"an unspecified number of {g['unit'].lower()}")
    n = _num(g["n"])
    if n is None:
        return Interp("DURATION", drop=True)
    nw = g["n"].lower()
    if nw in ("a", "an", "one") and not g.get("long") and unit in ("year", "month", "week", "day", "quarter"):
        prev = _prev_word(text, c.start)
        # "$5 a year", "twice a day": a frequency
        # "$5 a year", "twice a day": a rate, which TimeML leaves unmarked
        if (
            nw in ("a", "an")
            and low.startswith(("a ", "an "))
            and (
                re.search(
                    r"(?:\d|percent|%|times|twice|once|thrice|billion|million|dollars|tons|barrels|shares)\W*$",
                    text[max(0, c.start - 25) : c.start],
                )
                or prev in ("per", "in", "of")
            )
        ):
            return Interp("DURATION", drop=True)
    if g.get("long") == "-old" and unit in ("year",) and not adj:
        return Interp("DURATION", drop=True)
    if unit == "night":
        unit = "day"
    if nw == "a" and unit == "second":
        return Interp("DURATION", drop=True)
    if unit == "fortnight":
        unit, n = "week", (2 * n if n != "X" else "X")
    if re.search(r"\b(?:nine|six|three|twelve)\s+months|\d+\s+months", low) and adj in (
        "first",
        "latest",
        "year-earlier",
        "same",
    ):
        pass
    if adj in ("recent",) and n == "X":
        return Interp("DATE", "PAST_REF", basis="vague reference to the past")
    if (
        isinstance(n, int)
        and not adj
        and unit in ("year", "month")
        and _prev_word(text, c.start) == "in"
        and _future_verb(ctx.doc, c.start, c.end)
    ):
        # "the stock would be redeemed in five years": the time that many units ahead, not a stretch
        return Interp(
            "DATE", spec={"kind": "offset", "unit": unit, "n": n, "gran": unit, "why": "'in' with a verb in the future"}
        )
    return Interp("DURATION", _pvalue(n, unit), basis=f"{g['n']} {g['unit']}")


def _future_verb(doc, start: int, end: int) -> bool:
    """The expression's governing verb is in the future ('will', 'would', 'is to' + verb)."""
    verb = _governor(doc, start, end).verb if doc is not None else None
    return verb is not None and any(
        a.lower_ in FUTURE_AUX | {"would"} or a.lemma_ == "will" for a in verb.children if a.dep_ in ("aux", "auxpass")
    )


def _pvalue(n, unit: str) -> str:
    if isinstance(n, float) and n != "X":
        # 5 1/2 hours → PT5H30M; 2 1/2 years → P2Y6M
        whole, frac = int(n), n - int(n)
        sub = {
            "year": ("M", 12),
            "month": ("D", 30),
            "day": ("H", 24),
            "hour": ("M", 60),
            "minute": ("S", 60),
            "week": ("D", 7),
        }.get(unit)
        if sub:
            extra = int(round(frac * sub[1]))
            head = _pvalue(whole, unit)
            if unit in ("hour", "minute") or unit == "day":
                return head + (f"{extra}{sub[0]}" if unit != "day" else f"T{extra}H")
            return head + f"{extra}{sub[0]}"
    if unit == "decade":
        return f"P{n * 10 if n != 'X' else 'X'}{'Y' if n != 'X' else 'E'}" if n != "X" else "PXE"
    if unit == "century":
        return f"P{n * 100}Y" if n != "X" else "PXC"
    if unit == "quarter":
        return f"P{n}Q"
    if unit in ("hour", "minute", "second"):
        return f"PT{n}{ {'hour': 'H', 'minute': 'M', 'second': 'S'}[unit] }"
    return f"P{n}{ {'year': 'Y', 'month': 'M', 'week': 'W', 'day': 'D'}[unit] }"


def _interpret_set(g, text, c) -> Interp:
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
    return Interp("SET", _pvalue(n, last), basis="every " + last)


def _interpret_ref(g, c, text, ctx) -> Interp:
    w = re.sub(r"\s+", " ", g["w"].lower())
    if w in NOT_TIMEX_REFS:
        return Interp("DATE", drop=True)
    if w in ("now", "right now"):
        # "now" as a discourse particle at the head of a sentence is not a time
        if _next_word(text, c.end) in ("that",) and text[c.end : c.end + 1] == " ":
            return Interp("DATE", drop=True)
        return Interp("DATE", "PRESENT_REF", basis="'now': the time of writing")
    if w == "today's":
        return Interp("DATE", drop=True)
    if w == "current":
        nxt = _next_word(text, c.end)
        if nxt in NOT_CURRENT_NOUNS or text[c.end : c.end + 1] in (",", "."):
            return Interp("DATE", drop=True)
        return Interp("DATE", "PRESENT_REF", basis="'current'")
    if w in ("currently", "at present", "nowadays", "these days"):
        return Interp("DATE", "PRESENT_REF", basis=f"'{w}'")
    if w in ("recently", "more recently", "lately", "the past", "the distant past") or w.startswith("in recent"):
        if w == "the past" and _prev_word(text, c.start) not in PAST_PREPS:
            return Interp("DATE", drop=True)
        return Interp("DATE", "PAST_REF", basis=f"'{w}': before the time of writing")
    if w in FUTURE_REFS or w.startswith(("the coming", "future", "coming")):
        if w in ("the long term", "the short term", "the near term") and _prev_word(text, c.start) not in (
            "in",
            "over",
            "for",
        ):
            return Interp("DATE", drop=True)
        return Interp("DATE", "FUTURE_REF", basis=f"'{w}': after the time of writing")
    return Interp("DATE", drop=True)


# ---------------------------------------------------------------- document context

FIN_WINDOW = 400  # characters after a quarter within which 'a year ago' means that quarter a year back


class Context:
    """What the rules may look up in the rest of the document (spaCy entities, earlier mentions)."""

    def __init__(self, text: str, doc):
        self.text = text
        self.doc = doc
        # an earnings story: results words, and (for 'the quarter' and 'a year ago') a quarter named
        self.earnings = bool(
            re.search(r"\b(?:earnings|profit|net income|net|revenue|sales|per share|a share|loss)\b", text, re.I)
        )
        self.financial = self.earnings and bool(re.search(r"\bquarter\b", text, re.I))
        self.date_ents = []
        self.time_ents = []
        if doc is not None:
            for e in doc.ents:
                if e.label_ == "DATE":
                    self.date_ents.append((e.start_char, e.end_char))
                elif e.label_ == "TIME":
                    self.time_ents.append((e.start_char, e.end_char))
        self.anchor_year: int | None = None  # the publication year, set by extract_timexes
        # four-digit numbers the article uses as 24-hour clock times ("1530 EST"): the same number elsewhere is one too
        self.clock_numbers = {m.group(1) for m in _MIL_CLOCK.finditer(text)}
        self.quarters: list[tuple[int, dict]] = []  # (offset, {"spec":..} or {"value":..})
        self.years: list[tuple[int, int]] = []
        self.refs: list[tuple[int, str, dict]] = []  # (offset, "day" | "month", spec or {"kind": "abs", ...})

    def last_ref(self, pos: int, gran: str, within: int | None = None) -> dict | None:
        """The date last mentioned before `pos` at day (or, for "month", day or month) granularity."""
        for o, g, spec in reversed(self.refs):
            if o < pos and (g == "day" or gran == "month"):
                return spec if within is None or pos - o <= within else None
        return None

    def last_ref_gran(self, pos: int) -> str:
        prev = [g for o, g, _ in self.refs if o < pos]
        return prev[-1] if prev else "day"

    def counts_noun(self, s: int, e: int) -> bool:
        """The number at s..e counts a plural noun after it ("1500 campus computer users"), not a thing a year dates."""
        span = self.doc.char_span(s, e) if self.doc is not None else None
        if span is None or len(span) != 1:
            return False
        t = span[0]
        return (
            t.dep_ == "nummod"
            and t.head.i > t.i
            and t.head.tag_ in ("NNS", "NNPS")
            and t.head.lemma_.lower() not in DATED_NOUNS
        )

    def _number_and_next(self, s: int, e: int):
        """The one token at s..e and the next token that is not a line break (None, None if there is none)."""
        span = self.doc.char_span(s, e) if self.doc is not None else None
        if span is None or len(span) != 1:
            return None, None
        nxt = next((t for t in self.doc[span[0].i + 1 : span[0].i + 4] if not t.is_space), None)
        return span[0], nxt

    def dates_noun(self, s: int, e: int) -> bool:
        """The number at s..e goes with the singular noun right after it, which it cannot count ("a 1911 loan")."""
        t, nxt = self._number_and_next(s, e)
        return nxt is not None and nxt.tag_ in ("NN", "NNP") and t.head.i >= nxt.i

    def opens_clause(self, s: int, e: int) -> bool:
        """The number at s..e opens its sentence and a verb or a comma follows ("1689 saw ...", "1689, when ...")."""
        t, nxt = self._number_and_next(s, e)
        return nxt is not None and t.is_sent_start and (nxt.pos_ in ("VERB", "AUX") or nxt.text == ",")

    def ent_date(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.date_ents)

    def ent_time(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.time_ents + self.date_ents)

    def fin_quarter(self, pos: int) -> bool:
        """Financial report context: a quarter was mentioned in the last ~400 characters."""
        return self.financial and any(0 <= pos - o < FIN_WINDOW for o, _ in self.quarters)

    def last_quarter(self, pos: int) -> dict | None:
        prev = [q for o, q in self.quarters if o < pos]
        return prev[-1] if prev else None

    def reported_quarter(self, pos: int) -> dict | None:
        """The quarter a results story is about: the first one it names (later ones are often forecasts)."""
        prev = [q for o, q in self.quarters if o < pos]
        return prev[0] if prev else None

    def last_year(self, pos: int) -> int | None:
        prev = [y for o, y in self.years if o < pos]
        return prev[-1] if prev else None


# ---------------------------------------------------------------- public API


def _sentence_index(doc):
    if doc is None:
        return lambda i: None
    starts = [s.start_char for s in doc.sents]

    def find(i: int) -> int | None:
        return max(0, bisect.bisect_right(starts, i) - 1) if starts else None

    return find


def extract_timexes(text: str, doc, published: str | None, *, uncertain: bool = False) -> list[Timex]:
    """Temporal expressions in `text`, TIMEX3-normalised against `published` (YYYY-MM-DD or None)."""
    ctx = Context(text, doc)
    sent_of = _sentence_index(doc)
    anchor = published[:10] if published else None
    ctx.anchor_year = int(anchor[:4]) if anchor and anchor[:4].isdigit() else None
    out: list[Timex] = []
    bare: list[tuple[int, Cand]] = []  # clock times with no day of their own

    def _extract_one(c: Cand) -> None:
        it = _interpret(c, text, ctx)
        if it.drop:
            return
        surface = text[c.start : c.end]
        spec = it.spec
        value, basis = it.value, it.basis
        if spec is not None and spec.get("kind") == "abs":
            value, basis, spec = spec["value"], "the quarter last mentioned", None
        if spec is not None:
            if it.needs_dir and "dir" not in spec:
                direction, why = _direction(doc, c.start, c.end, spec["kind"], text)
                if isinstance(direction, str):
                    spec["lean"] = -1 if direction == LEAN_BACK else 1
                    direction = 0
                if direction == 0 and spec["kind"] == "weekday":
                    direction, why = -1, (why + "; news reports a bare weekday as past by default")
                spec["dir"] = direction
                spec["why"] = why
        t = _timex(c, surface, it.type, spec, value, basis, anchor, uncertain, sent_of(c.start))
        value = t.value
        if c.kind == "time":
            bare.append((len(out), c))
        out.append(t)
        # a quarter named ('the third quarter', 'the latest quarter', 'the 1989 period'), not one a year back
        named = (
            c.kind in ("quarter", "qcode", "relunit") or c.kind == "period" and (value or "-")[:4] == (anchor or "")[:4]
        )
        if (
            named
            and it.type == "DATE"
            and value
            and re.fullmatch(r"\d{4}-Q[1-4]", value)
            and not re.search(r"year-ago|year-earlier|year-before|a year|last year", surface, re.I)
        ):
            ctx.quarters.append((c.start, {"spec": spec, "value": value, "q": int(value[-1])}))
        if (
            it.type in ("DATE", "TIME")
            and value
            and re.match(r"\d{4}-\d\d(?:-\d\d)?(?:T|$)", value)
            and c.kind not in ("time", "refmonth")
        ):
            ctx.refs.append(
                (
                    c.start,
                    "day" if re.match(r"\d{4}-\d\d-\d\d", value) else "month",
                    dict(spec) if spec is not None else {"kind": "abs", "value": value},
                )
            )
        if c.kind in ("year", "my", "mdy", "dmy", "iso") and spec is None and value and value[:4].isdigit():
            ctx.years.append((c.start, int(value[:4])))

    for c in _candidates(text):
        try:
            _extract_one(c)
        except (ArithmeticError, ValueError, TypeError, AttributeError, KeyError, IndexError):
            continue  # an expression we cannot resolve (a date out of range, an odd form) is left out, never the article
    # "at about 10:35 a.m. (0735 GMT) Friday": a bare clock time takes the day named nearest to it in its sentence
    for i, c in bare:
        t = out[i]
        days = [
            u
            for u in out
            if u is not t
            and u.sentence == t.sentence
            and u.type in ("DATE", "TIME")
            and u.value
            and re.match(r"\d{4}-\d\d-\d\d", u.value)
        ]
        if not days or t.sentence is None:
            continue
        u = min(days, key=lambda u: min(abs(u.start - t.end), abs(t.start - u.end)))
        base = json.loads(u.spec) if u.spec else {"kind": "abs", "value": u.value}
        spec = {"kind": "relref", "unit": "day", "n": 0, "base": base, "time": json.loads(t.spec)["t"], "near": True}
        out[i] = _timex(c, t.text, t.type, spec, None, "", anchor, uncertain, t.sentence)
    return out


def _timex(
    c: Cand, surface: str, typ: str, spec: dict | None, value, basis: str, anchor, uncertain: bool, sentence
) -> Timex:
    """The stored record: relative expressions resolved against the anchor, with the basis in words."""
    if spec is not None:
        if anchor:
            value, b = resolve(spec, anchor)
            basis = f"{surface} → {value}: {b}"
            if uncertain:
                basis += "; the publication date was inferred, so this value is uncertain"
        else:
            value, basis = None, f"{surface}: relative, and the publication date is unknown"
    else:
        basis = f"{surface} → {value}: {basis}"
    vs, ve = (value_range(value) or (None, None)) if typ in ("DATE", "TIME") else (None, None)
    return Timex(
        start=c.start,
        end=c.end,
        text=surface,
        type=typ,
        value=value,
        anchor=anchor if spec is not None else None,
        basis=basis,
        sentence=sentence,
        value_start=vs,
        value_end=ve,
        uncertain=bool(uncertain and spec is not None),
        spec=json.dumps(spec, ensure_ascii=False, sort_keys=True) if spec is not None else None,
    )


def infer_published(text: str, doc) -> tuple[str, str, float] | None:
    """Publication date from the text alone: (YYYY-MM-DD, basis in words, confidence 0..1), or None.

    Evidence, strongest first: landmark anniversaries (`the first anniversary of the war`); the latest
    explicit full date not looking forward; month-days given a year by a landmark count
    (`about a year ago, just before Russia invaded Ukraine`) or by the nearest explicit year; a weekday
    that agrees with a date raises confidence. Landmarks the text refers to in the past bound the date
    from below (model/extract/timeline/landmarks.py).
    """
    from model.extract.timeline import landmarks

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
    for c in _candidates(text):
        it = _interpret(c, text, ctx)
        if it.drop:
            continue
        surface = text[c.start : c.end]
        if it.value and re.fullmatch(r"\d{4}", it.value):
            years.append((c.start, int(it.value)))
        if c.kind in ("mdy", "dmy", "iso", "numdate", "time_date", "my") or (it.spec or {}).get("kind") == "md":
            if _direction(doc, c.start, c.end, text=text)[0] in (1, LEAN_FORWARD):
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
