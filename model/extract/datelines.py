"""Wire datelines ("BEIJING (Reuters) –", "MOSCOW, March 3 (Reuters) -", "WASHINGTON —") opening a paragraph: where
and by whom the copy was filed, never who speaks nor part of what was said."""

from __future__ import annotations

import re
from functools import lru_cache

from model.lexicon.places import CAPITALS

# A place in capitals (maybe ", Region"; maybe two, "BEIJING/MOSCOW"), maybe a date, maybe the agency in brackets or
# between slashes, a dash.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+){0,3}(?:/[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+){0,2})?"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)?)"
    r"(?P<date>,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"[ \t]*(?P<agency>\([A-Z][A-Za-z&. ]{1,30}\)|/[A-Za-z ]{2,30}/)?[ \t]*(?P<dash>[-–—]{1,2})[ \t]*"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each dateline opening a line of `text`, its dash and the spaces after it included. The
    place must have two capitals running ("BEIJING", "U.S."), so a sentence's first word and a dash ("A —") is
    none; a hyphen needs a date, an agency or a place that is one ("MOSCOW - …", "HONG KONG - …", "SALEM, Ore. -
    …": a capital, two words, a region): "NATO - …" is no dateline."""
    return list(_found_in(text))


@lru_cache(maxsize=4)  # one article's text is read for them by the entities, quotes, dates and events in turn
def _found_in(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(
        (m.start(), m.end())
        for m in _DATELINE.finditer(text)
        if re.search(r"[A-Z]{2}|[A-Z]\.[A-Z]", m.group())
        and m.end() < len(text)
        and (m["dash"] not in ("-", "--") or m["date"] or m["agency"] or _names_a_place(m["place"]))
    )


def dateline_places(text: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """For each dateline in `text`: the (start, end) of its place's first part ("KAZAN" of "KAZAN, Russia"), and of
    its date (", Oct 2"), or None."""
    out = []
    for a, _b in _found_in(text):
        m = _DATELINE.match(text, a)
        if m is not None:
            start = m.start("place")
            place = (start, start + len(re.split(r"[,/]", m["place"])[0].rstrip()))  # "KAZAN, Russia", "BEIJING/MOSCOW"
            out.append((place, m.span("date") if m["date"] else None))
    return out


def _names_a_place(place: str) -> bool:
    """A dateline's place before a bare hyphen: a capital city, or more than one word (a city and its region)."""
    return place.strip().casefold() in CAPITALS or len(place.split()) > 1 or "," in place


def inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The dateline span holding character `pos`, or None."""
    return next(((a, b) for a, b in spans if a <= pos < b), None)
