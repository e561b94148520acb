"""Dated landmark events of the field, for dating articles that carry no date.

A small, documented table of widely reported events in China–Russia relations and
the wider context they are written in. `infer_published` (model/extract/timeline/publication.py) uses it
in two ways:

* **bounds**: an article that refers to an event in the past was written after it
  (`since the invasion`, `Russia invaded Ukraine`) — a lower bound;
* **anchors**: an article that counts from an event names a date
  (`the first anniversary of the war` → 2023-02-24; `about a year ago, just before
  Russia invaded Ukraine` → about 2023-02-24).

Each entry: key, what it is, its date (the first day for multi-day events), and a
regular expression for how news text refers to it. The list is general knowledge of
the field, not a list of any article's own date. Add entries with a source-able date.
Pure Python, no spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from model.lexicon.numbers import ANNIVERSARY_ORDINALS, YEAR_COUNTS


@dataclass(frozen=True)
class Landmark:
    key: str
    name: str
    date: dt.date
    pattern: str  # how news text refers to it (case-insensitive)
    anniversary_words: str = ""  # nouns that "the Nth anniversary of the …" uses for it


LANDMARKS = [
    Landmark(
        "ukraine-invasion",
        "the start of Russia's full-scale invasion of Ukraine",
        dt.date(2022, 2, 24),
        r"(?:full-scale\s+|Russian\s+|Russia['’]s\s+)?invasion\s+of\s+Ukraine|invaded\s+Ukraine|"
        r"sent\s+troops\s+into\s+Ukraine|special\s+military\s+operation|war\s+in\s+Ukraine|"
        r"Russia['’]s\s+war\s+(?:in|on|against)\s+Ukraine|Ukraine\s+war",
        r"(?:the\s+|Russia['’]s\s+)?(?:war|invasion|(?:full-scale\s+)?invasion\s+of\s+Ukraine|"
        r"war\s+in\s+Ukraine|conflict)",
    ),
    Landmark(
        "crimea-annexation",
        "Russia's annexation of Crimea",
        dt.date(2014, 3, 18),
        r"annex(?:ation\s+of|ed)\s+Crimea",
        r"(?:the\s+)?annexation(?:\s+of\s+Crimea)?",
    ),
    Landmark(
        "no-limits",
        "the China–Russia 'no limits' joint statement, Beijing",
        dt.date(2022, 2, 4),
        r"[“\"‘']?no[\s-]+limits?[”\"’']?\s+(?:partnership|friendship)",
        "",
    ),
    Landmark(
        "beijing-2022",
        "the opening of the Beijing Winter Olympics",
        dt.date(2022, 2, 4),
        r"Beijing\s+Winter\s+Olympics|Winter\s+Olympics\s+in\s+Beijing|Beijing\s+(?:2022\s+)?Olympics",
        "",
    ),
    Landmark(
        "covid-wuhan",
        "the first reported COVID-19 cases, Wuhan",
        dt.date(2019, 12, 31),
        r"COVID-19|coronavirus\s+pandemic",
        "",
    ),
    Landmark(
        "wagner-mutiny",
        "the Wagner mutiny",
        dt.date(2023, 6, 23),
        r"Wagner\s+(?:mutiny|rebellion|uprising)|Prigozhin['’]s\s+(?:mutiny|rebellion|march)",
        "",
    ),
    Landmark(
        "hamas-attack",
        "the Hamas attack on Israel",
        dt.date(2023, 10, 7),
        r"October\s+7\s+attack|Hamas\s+attack\s+on\s+Israel|war\s+in\s+Gaza|Gaza\s+war",
        "",
    ),
]


@dataclass
class Clue:
    kind: str  # "anchor" (names a date) | "bound" (published on or after `date`)
    date: dt.date
    basis: str
    start: int
    confidence: float


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def clues(text: str) -> list[Clue]:
    """Every landmark clue in `text`: anniversaries and `N years ago … <event>` anchors, and lower bounds."""
    out: list[Clue] = []
    for lm in LANDMARKS:
        # "the first anniversary of the war" counts from this landmark only if the text names it
        if lm.anniversary_words and re.search(lm.pattern, text, re.I):
            rx = re.compile(
                r"(?P<eve>(?:on\s+)?the\s+eve\s+of\s+)?the\s+(?P<ord>"
                + "|".join(ANNIVERSARY_ORDINALS)
                + r")\s+anniversary\s+of\s+"
                + lm.anniversary_words,
                re.I,
            )
            for m in rx.finditer(text):
                n = ANNIVERSARY_ORDINALS[m.group("ord").lower()]
                d = _add_years(lm.date, n)
                basis = (
                    f"'{m.group(0).strip()}': {lm.name} was {lm.date.isoformat()}, so its {m.group('ord')} "
                    f"anniversary is {d.isoformat()}"
                )
                if m.group("eve"):
                    d -= dt.timedelta(days=1)
                    basis += f"; its eve is {d.isoformat()}"
                out.append(Clue("anchor", d, basis, m.start(), 0.7))
        for m in re.finditer(lm.pattern, text, re.I):
            out.append(
                Clue(
                    "bound",
                    lm.date,
                    f"refers to {lm.name} ({lm.date.isoformat()}): '{m.group(0).strip()}'",
                    m.start(),
                    0.3,
                )
            )
            # "About a year ago, just before Russia invaded Ukraine" / "began almost a year ago"
            window = text[max(0, m.start() - 90) : m.end() + 60]
            mm = re.search(
                r"(?:about|almost|nearly|some|roughly|more\s+than|just\s+over|over)?\s*"
                r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago",
                window,
                re.I,
            )
            if mm:
                n = int(mm.group("n")) if mm.group("n").isdigit() else YEAR_COUNTS[mm.group("n").lower()]
                d = _add_years(lm.date, n)
                out.append(
                    Clue(
                        "anchor",
                        d,
                        f"'{mm.group(0).strip()}' counted from {lm.name} "
                        f"({lm.date.isoformat()}) gives about {d.isoformat()}",
                        m.start(),
                        0.45,
                    )
                )
    return out
