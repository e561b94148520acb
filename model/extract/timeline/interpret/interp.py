"""What an interpreter makes of a candidate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Interp:
    """An absolute value, or a spec to resolve against the anchor (with `needs_dir`: once the parse gave it a
    direction), or `drop`: the match is not a temporal expression."""

    type: str  # TIMEX3 type: DATE, TIME, DURATION, SET
    value: str | None = None  # absolute value (no anchor needed)
    spec: dict | None = None  # relative: resolved against the anchor
    basis: str = ""
    needs_dir: bool = False
    drop: bool = False
