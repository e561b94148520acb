"""Step 1, recognise: the candidate expressions of a text, overlaps resolved (the longest wins)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import PATTERNS, SECOND_DAY, TRIGGERS


@dataclass
class Cand:
    """A candidate expression: its span, its pattern family (`kind`), the pattern's named groups and priority."""

    start: int
    end: int
    kind: str
    data: dict = field(default_factory=dict)
    prio: int = 0


def _trim(text: str, s: int, e: int) -> int:
    """The end of a match without trailing spaces, commas, full stops and hyphens (but `a.m.`, `Sept.`)."""
    while e > s and text[e - 1] in " ,.-":
        if text[e - 1] == "." and re.search(r"(?:a\.m|p\.m|[A-Z][a-z]{2,3})\.$", text[s:e]):
            break
        e -= 1
    return e


def _matches(text: str, triggers: dict[str, frozenset]) -> list[Cand]:
    """Every match of every pattern whose trigger words are in the text, overlapping."""
    out = []
    words = set(re.findall(r"[a-z]+", text.lower()))
    for kind, rx, prio in PATTERNS:
        need = triggers.get(kind)
        if need is not None and words.isdisjoint(need):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            e = _trim(text, s, e)
            out.append(Cand(s, e, kind, {k: v for k, v in m.groupdict().items() if v is not None}, prio))
    return out


def _longest(out: list[Cand]) -> list[Cand]:
    """Longest first, then higher priority, then leftmost; keep the non-overlapping."""
    out.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[Cand] = []
    for c in out:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return taken


def _second_days(text: str, taken: list[Cand]) -> None:
    """`April 24 and 25`, `March 3-4, 2022`: the second day is a date of its own, in the same month."""
    for c in [t for t in taken if t.kind == "mdy" and "y" not in t.data and "time" not in t.data]:
        m = SECOND_DAY.match(text, c.end)
        if m and all(m.end("d") <= t.start or m.start("d") >= t.end for t in taken):
            data = {"mon": c.data["mon"], "d": m.group("d")}
            if m.group("y"):
                data["y"] = c.data["y"] = m.group("y")
            taken.append(Cand(m.start("d"), m.end("d"), "mdy", data, c.prio))


def candidates(text: str, triggers: dict[str, frozenset] = TRIGGERS) -> list[Cand]:
    """The candidate expressions of `text`, in text order. `triggers` (pattern kind → words) lets a pattern
    be skipped when none of its words is in the text; an empty table runs every pattern."""
    taken = _longest(_matches(text, triggers))
    _second_days(text, taken)
    return sorted(taken, key=lambda c: c.start)
