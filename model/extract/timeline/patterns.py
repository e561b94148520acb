"""The pattern table: regular expressions that find candidate temporal expressions, in the order
they are tried, and the words without which a pattern cannot match.
"""

from __future__ import annotations

import re

from model.lexicon.calendar import DECADE_WORDS, MONTH_ABBR, MONTHS, SEASONS, WEEKDAYS
from model.lexicon.numbers import SMALL_NUMBERS, TENS
from model.lexicon.time_words import DAY_PART_WORDS, UNIT_WORDS

# Case-sensitive names inside case-insensitive patterns: `(?-i:...)`.
MONTH_NAME = "(?-i:" + "|".join(m.capitalize() for m in MONTHS) + ")"


_MABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"


MON = rf"(?:{MONTH_NAME}|{_MABBR})"


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
UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"


TEEN_WORD = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


SPELLED_YEAR = (
    rf"(?:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{UNIT_WORD}))?"
    rf"|{TEEN_WORD}|hundred(?:\s+and)?[\s-]+(?:{UNIT_WORD}))"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{UNIT_WORD}|{TEEN_WORD}))?)"
)


def word_pattern(s: str) -> re.Pattern:
    """A case-insensitive pattern that matches whole words only."""
    return re.compile(r"(?<![\w’'-])" + s + r"(?![\w-])", F)


PATTERNS: list[tuple[str, re.Pattern, int]] = [
    ("iso", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>\d\d:\d\d))?(?![\d-])"), 5),
    ("numdate", re.compile(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\d/])"), 5),
    # (Friday,) (the) February 4(th)(, (February) 2022)
    (
        "mdy",
        word_pattern(
            rf"(?:(?P<dow>{DOW}){POSS},?\s+)?(?:the\s+)?(?P<mon>{MON})\s*(?P<d>{DAYNUM})"
            rf"(?:,?\s+(?:{MON}\s+)?(?P<y>{YEAR}))?(?:,?\s+(?P<time>{TIME}))?"
        ),
        4,
    ),
    # (Friday,) (the) 4(th) (of) February (2022)
    (
        "dmy",
        word_pattern(
            rf"(?:(?P<dow>{DOW}){POSS},?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})"
            rf"(?:,?\s+(?P<y>{YEAR}))?"
        ),
        4,
    ),
    (
        "time_date",
        word_pattern(rf"(?P<time>{TIME})(?:,\s*|\s+)(?:on\s+)?(?P<mon>{MON})\s*(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?"),
        4,
    ),
    # (early/late/the end of) February (of) 2022
    (
        "my",
        word_pattern(
            rf"(?:(?P<mod>early|mid-?|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)"
            rf"\s+of)[\s-]*)?(?P<mon>{MON})(?:\s+of)?,?\s+(?:(?P<y>{YEAR})|(?P<ys>{SPELLED_YEAR})(?![\s-]+(?:{UNIT_WORD}|"
            rf"hundred|thousand|million|percent)\b))"
        ),
        3,
    ),
    # March last year, March of next year, January this year
    (
        "mrel",
        word_pattern(
            rf"(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<mon>{MONTH_NAME})(?:\s+of)?\s+(?P<rel>last|this|next)\s+year"
        ),
        3,
    ),
    # last March, this September, next May
    (
        "relm",
        word_pattern(
            rf"(?P<rel>last|this|next|this\s+past|this\s+coming|early\s+last|late\s+last)\s+(?P<mon>{MONTH_NAME})"
        ),
        3,
    ),
    (
        "month",
        word_pattern(
            rf"(?:(?P<mod>early|mid-?|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?(?P<mon>{MONTH_NAME})"
            r"(?!\s*\d)"
        ),
        1,
    ),
    # 9 a.m. Tuesday, noon Saturday
    ("time_dow", word_pattern(rf"(?P<time>{TIME})(?:,\s*|\s+)(?:on\s+)?(?P<dow>{DOW})(?:\s+(?P<part>{PART}))?"), 4),
    ("time_rel", word_pattern(rf"(?P<time>{TIME})(?:,\s*|\s+)(?P<w>today|yesterday|tomorrow|tonight)"), 4),
    (
        "time",
        word_pattern(
            rf"(?:(?:about|around|at|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<time>{TIME})"
        ),
        2,
    ),
    # (last/next/this) Friday('s) (morning/night)
    (
        "dow",
        word_pattern(
            rf"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|"
            rf"early|late|earlier|later)\s+)?(?P<dow>{DOW}){POSS}(?:\s+(?P<part>{PART}))?"
        ),
        2,
    ),
    # reference time: the day (or month) of the date last mentioned, not the publication date
    (
        "refday",
        word_pattern(
            rf"(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?:that|the\s+same|that\s+same)\s+"
            rf"(?P<u1>day|{PART})|the\s+(?P<rel>next|following|previous|prior)\s+(?P<u2>day|{PART})|"
            rf"the\s+(?P<u3>day|night)\s+(?P<rel2>before|after)(?!\s+(?:yesterday|tomorrow|last|next|the)\b))"
        ),
        3,
    ),
    # the day before / after a weekday: "the day before last Tuesday's hearing"
    (
        "daybefore",
        word_pattern(
            rf"(?:the\s+)?day\s+(?P<rel>before|after)\s+(?:(?P<wrel>last|next|this)\s+)?(?P<dow>{DOW})" + POSS
        ),
        4,
    ),
    # "it was a great day for Poland": the day the sentence is about
    (
        "aday",
        word_pattern(
            r"(?<=\ba\s)(?:(?:very|truly|really|most)\s+)?(?:great|historic|good|bad|sad|black|dark|big|"
            r"special|proud|happy|tragic|momentous|memorable|terrible|important|joyful|glorious)\s+day"
            r"(?=\s+(?:for|of|in)\b)"
        ),
        3,
    ),
    # "Oct. 12, the day before the plunge": an apposition naming the date just given
    ("dayappos", re.compile(r"(?<=,\s)the\s+day(?=\s+(?:before|after|of|when)\b)"), 4),
    ("refthen", word_pattern(r"then"), 0),
    (
        "refpart",
        word_pattern(
            r"(?:(?P<the>the)\s+)?(?P<mid>mid[\s-]?)?(?P<part>morning|afternoon|evening)"
            r"(?![\w-])(?!\s+(?:of|paper|papers|session|shows?|news|edition|hours?|rush|prayers?|star|line)\b)"
        ),
        0,
    ),
    ("refmonth", word_pattern(r"(?:that|the\s+same|the\s+(?P<rel>following|previous|prior))\s+month"), 3),
    (
        "relday",
        word_pattern(
            rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|"
            rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow){POSS}"
            rf"(?:\s+(?P<part>{PART}))?"
        ),
        2,
    ),
    ("partday", word_pattern(rf"(?:later\s+|earlier\s+)?(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>{PART})"), 3),
    (
        "partday2",
        word_pattern(rf"(?:(?:early|late|mid)[\s-]*)?(?P<part>{PART})\s+(?P<rel>yesterday|today|tomorrow)"),
        3,
    ),
    # N units ago / earlier / later / from now
    (
        "ago",
        word_pattern(
            rf"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|roughly|around|just|only|over|"
            rf"fully|barely|exactly|precisely|approximately)\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
            rf"(?P<dir>ago|earlier|before|later|from\s+now|hence)(?!\s+than)"
        ),
        4,
    ),
    # (earlier/later) last/this/next/past/coming week|month|year|quarter|decade
    (
        "relunit",
        word_pattern(
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
        word_pattern(
            r"(?:(?P<mod>the\s+end\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+start\s+of|"
            r"the\s+beginning\s+of|earlier\s+in|later\s+in)\s+)?the\s+(?P<adj>full\s+|fiscal\s+|calendar\s+)?"
            r"(?P<unit>year|weekend)(?!['’-])(?:\s+(?P<ended>ended|ending|to\s+date))?"
        ),
        1,
    ),
    ("yearend", word_pattern(r"(?:around\s+)?(?:year[\s-]end|year['’]s\s+end)"), 1),
    (
        "holiday",
        word_pattern(
            r"(?:(?P<rel>last|next|this)\s+)?(?P<h>(?-i:Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s(?:\s+Day|\s+Eve)|"
            r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Election\s+Day|Independence\s+Day|Labor\s+Day|"
            r"Memorial\s+Day|Victory\s+Day))"
        ),
        2,
    ),
    ("earlier_in", word_pattern(r"(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year|day)"), 3),
    # "today is the eighth day of Desert Shield", "it's the second day of an offensive": the day itself
    (
        "nthday",
        word_pattern(
            r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|"
            r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|successive\s+)?"
            r"day(?=\s+of\b)"
        ),
        3,
    ),
    ("yearadj", word_pattern(r"(?P<w>year-earlier|year-ago|year-before|a\s+year\s+ago|a\s+year\s+earlier)"), 1),
    (
        "quarter",
        word_pattern(
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
    (
        "halfyear",
        word_pattern(r"(?:the\s+)?(?P<o>first|second|last)\s+(?:half|two\s+quarters)\s+of\s+(?P<y>(?:19|20)\d\d)"),
        3,
    ),
    ("qcode", re.compile(r"(?<![\w-])(?:(?P<q1>[1-4])Q|Q(?P<q2>[1-4]))[\s-]?(?P<y>(?:19|20)?\d\d)?(?![\w-])"), 3),
    (
        "period",
        word_pattern(
            r"(?:the|that)\s+(?P<pre>latest|year-earlier|year-ago|year-before|comparable|corresponding|"
            r"same|(?:19|20)\d\d)\s+period"
        ),
        2,
    ),
    (
        "season",
        word_pattern(
            rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late|mid-?|the|the\s+early|"
            r"the\s+late)[\s-]+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|"
            rf"(?P<ys>{SPELLED_YEAR})))?"
        ),
        1,
    ),
    (
        "year",
        word_pattern(
            r"(?:(?P<mod>early|mid-?|late|fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|post-|pre-|"
            r"the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|last\s+half|rest|remainder)\s+of|"
            r"year-end|the\s+summer\s+of)[\s-]*)?(?P<y>" + YEAR + ")" + POSS
        ),
        1,
    ),
    ("fy", re.compile(r"(?<![\w-])FY[\s-]?(?P<y>\d{4}|\d\d)(?![\w-])"), 3),
    (
        "decade",
        word_pattern(
            r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s"
        ),
        2,
    ),
    (
        "decadew",
        word_pattern(
            r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<w>twenties|thirties|forties|fifties|sixties|"
            r"seventies|eighties|nineties)"
        ),
        1,
    ),
    (
        "century",
        word_pattern(r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century"),
        3,
    ),
    (
        "spelled",
        word_pattern(
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
        word_pattern(
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
        word_pattern(
            r"(?:(?P<adj>recent|the\s+coming|coming|the\s+past|past|the\s+next|the\s+last|the\s+early|"
            r"the\s+ensuing|the\s+intervening|(?<=for\s)|(?<=within\s)|(?<=in\sthe\s)(?=years|weeks))\s*)(?P<unit>years|months|weeks|days|decades|hours)"
        ),
        1,
    ),
    ("dur_plain", word_pattern(r"(?P<unit>decades|centuries)(?:-long|-old)?"), 1),
    (
        "set",
        word_pattern(
            r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|"
            r"(?:every|each|per)\s+(?:other\s+)?(?:day|week|month|year|quarter|morning|evening|night|"
            + DOW
            + r"|(?:"
            + MONTH_NAME
            + r")|summer|winter|spring|fall))"
        ),
        2,
    ),
    (
        "ref",
        word_pattern(
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


SECOND_DAY = re.compile(
    rf"\s*(?:and|or|to|through|-|–)\s*(?P<d>{DAYNUM})(?![\d.,]\d|\s*(?:%|percent|{MON}|a\.m|p\.m))"
    rf"(?:,\s+(?P<y>{YEAR}))?(?=\s*(?:[,.;:)\n]|$)|\s+(?:in|at|for|when|as|and|to)\b)",
    F,
)
