"""Vague references to the time of writing: `now`, `currently`, `recently`, `the near future`."""

from __future__ import annotations

import re

from model.lexicon.time_words import FUTURE_REFS, NOT_CURRENT_NOUNS, NOT_TIMEX_REFS, PAST_PREPS

from ..candidates import Cand
from ..context import Context
from ..readers import next_word, prev_word
from .interp import Interp


def _present(w: str, c: Cand, text: str) -> Interp | None:
    """`now` (but not the particle `now that`), `current` (but not `the current account`), `currently`."""
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
    return None


def _past(w: str, c: Cand, text: str) -> Interp | None:
    """`recently`, `lately`, `in recent years`, `in the past` (a bare `the past` is not a time)."""
    if w in ("recently", "more recently", "lately", "the past", "the distant past") or w.startswith("in recent"):
        if w == "the past" and prev_word(text, c.start) not in PAST_PREPS:
            return Interp("DATE", drop=True)
        return Interp("DATE", "PAST_REF", basis=f"'{w}': before the time of writing")
    return None


def _future(w: str, c: Cand, text: str) -> Interp | None:
    """`the near future`, `the coming weeks`, `in the long term` (a bare `the long term` is not a time)."""
    if w in FUTURE_REFS or w.startswith(("the coming", "future", "coming")):
        if w in ("the long term", "the short term", "the near term") and prev_word(text, c.start) not in (
            "in",
            "over",
            "for",
        ):
            return Interp("DATE", drop=True)
        return Interp("DATE", "FUTURE_REF", basis=f"'{w}': after the time of writing")
    return None


def _ref(c: Cand, text: str, ctx: Context) -> Interp:
    """A vague reference to the present, the past or the future; `once again`, `former`, `so far`: none."""
    w = re.sub(r"\s+", " ", c.data["w"].lower())
    if w in NOT_TIMEX_REFS:
        return Interp("DATE", drop=True)
    for when in (_present, _past, _future):
        it = when(w, c, text)
        if it is not None:
            return it
    return Interp("DATE", drop=True)


# pattern kind → its interpreter
FAMILIES = {
    "ref": _ref,
}
