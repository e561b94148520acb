"""What a candidate means: one interpreter per pattern family (`INTERPRETERS`), giving an absolute
value, or a spec to resolve against the anchor, or nothing (the match is not a temporal expression).

The families live by subject: `dates`, `days`, `relative`, `quarters`, `durations`, `references`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..candidates import Cand
from ..context import Context
from ..patterns import PATTERNS
from . import dates, days, durations, quarters, references, relative
from .interp import Interp

_FAMILIES = {
    **dates.FAMILIES,
    **days.FAMILIES,
    **relative.FAMILIES,
    **quarters.FAMILIES,
    **durations.FAMILIES,
    **references.FAMILIES,
}
# One interpreter per pattern family, in the order of the pattern table (a pattern without one fails here).
INTERPRETERS: dict[str, Callable[[Cand, str, Context], Interp]] = {kind: _FAMILIES[kind] for kind, _, _ in PATTERNS}


def interpret(c: Cand, text: str, ctx: Context) -> Interp:
    """What candidate `c` means, by its pattern family's interpreter."""
    return INTERPRETERS[c.kind](c, text, ctx)


__all__ = ["INTERPRETERS", "Interp", "interpret"]
