"""Small readers of an expression's words: numbers, month names, two-digit years, clock times, units,
the word before or after, the clause before; and ISO 8601 durations.
"""

from __future__ import annotations

import re

from model.lexicon.calendar import MONTH_ABBR, MONTHS
from model.lexicon.numbers import SMALL_NUMBERS, TENS, VAGUE_AMOUNTS


def _without_half(s: str) -> tuple[str, float]:
    if s.endswith(" and a half"):
        return s[: -len(" and a half")], 0.5
    return s, 0.0


def _without_multiplier(s: str) -> tuple[str, int]:
    mult = 1
    for w, k in ((" hundred", 100), (" thousand", 1000)):
        if s.endswith(w):
            s, mult = s[: -len(w)], k
    return s, mult


def _in_digits(s: str) -> float | None:
    """`12`, `2.5`, `12,000`, `5 1/2`."""
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?(?: (\d)/(\d))?", s)
    if not m:
        return None
    if m.group(2) and "," in s and len(m.group(2)) == 3:
        v = float(m.group(1) + m.group(2))
    else:
        v = float(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
    if m.group(3):
        v += int(m.group(3)) / int(m.group(4))
    return v


def _in_words(s: str) -> float | None:
    """`five`, `a dozen`, `twenty-one`."""
    if s in SMALL_NUMBERS:
        return SMALL_NUMBERS[s]
    parts = re.split(r"[\s-]", s)
    if parts[0] in TENS:
        return TENS[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def number(s: str):
    """Number phrase → int/float, 'X' for vague amounts, None if not a number."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in VAGUE_AMOUNTS or s.startswith("a number"):
        return "X"
    s, half = _without_half(s)
    s, mult = _without_multiplier(s)
    v = _in_digits(s)
    if v is None:
        v = _in_words(s)
    return None if v is None else _int((v + half) * mult)


def _int(v):
    return int(v) if float(v).is_integer() else v


def month_number(s: str) -> int:
    """`March`, `Sept.`, `sep` → 3, 9, 9."""
    s = s.lower().rstrip(".")
    if s in MONTHS:
        return MONTHS.index(s) + 1
    return MONTH_ABBR[s]


def full_year(y: str) -> int:
    """`89` → 1989, `07` → 2007 (two digits above 30 are the 1900s), `1989` → 1989."""
    y4 = int(y)
    if len(y) == 2:
        y4 += 1900 if y4 > 30 else 2000
    return y4


def prev_word(text: str, i: int) -> str:
    """The word before offset i, lower-cased ('' if none)."""
    m = re.search(r"([\w’'-]+)\W*$", text[max(0, i - 30) : i])
    return m.group(1).lower() if m else ""


def next_word(text: str, i: int) -> str:
    """The word after offset i, lower-cased ('' if none)."""
    m = re.match(r"\W*([\w’'-]+)", text[i : i + 30])
    return m.group(1).lower() if m else ""


def clock(s: str) -> str:
    """`9:30 a.m.`, `3 in the afternoon`, `noon` → `T09:30`, `T15:00`, `T12:00`; ValueError if unread."""
    s = s.lower().strip()
    if s in ("noon", "midday"):
        return "T12:00"
    if s == "midnight":
        return "T24:00"
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.?m|p\.?m)?", s)
    if m is None:
        # "midnight EST": a word with a zone is not read (yet); the expression is left out
        raise ValueError(f"no clock time in {s!r}")
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if re.search(r"in the (?:afternoon|evening)$", s) and h < 12:
        h += 12
    if m.group(3) and m.group(3).startswith("p") and h < 12:
        h += 12
    if m.group(3) and m.group(3).startswith("a") and h == 12:
        h = 0
    return "T%02d:%02d" % (h, mi)


def unit_name(u: str) -> str:
    """`weeks` → `week`, `centuries` → `century`."""
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def clause_before(text: str, i: int) -> str:
    """The sentence up to offset i (back to the last full stop or line break, at most 300 characters)."""
    w = text[max(0, i - 300) : i]
    return re.split(r"[.!?]\s|\n", w)[-1]


# a fraction of a unit in the next smaller one: 2 1/2 years → P2Y6M
_FRACTION_UNITS = {
    "year": ("M", 12),
    "month": ("D", 30),
    "day": ("H", 24),
    "hour": ("M", 60),
    "minute": ("S", 60),
    "week": ("D", 7),
}
_TIME_LETTERS = {"hour": "H", "minute": "M", "second": "S"}
_DATE_LETTERS = {"year": "Y", "month": "M", "week": "W", "day": "D"}


def _with_fraction(n: float, unit: str) -> str | None:
    """5 1/2 hours → PT5H30M; 2 1/2 years → P2Y6M; 1 1/2 days → P1DT12H (None for a unit with no smaller one)."""
    sub = _FRACTION_UNITS.get(unit)
    if not sub:
        return None
    whole, frac = int(n), n - int(n)
    extra = int(round(frac * sub[1]))
    head = duration_value(whole, unit)
    if unit == "day":
        return head + f"T{extra}H"
    return head + f"{extra}{sub[0]}"


def duration_value(n, unit: str) -> str:
    """An ISO 8601 duration: (2, 'week') → P2W, (5.5, 'hour') → PT5H30M, ('X', 'year') → PXY."""
    if isinstance(n, float) and (v := _with_fraction(n, unit)) is not None:
        return v
    if unit == "decade":
        return f"P{n * 10}Y" if n != "X" else "PXE"
    if unit == "century":
        return f"P{n * 100}Y" if n != "X" else "PXC"
    if unit == "quarter":
        return f"P{n}Q"
    if unit in ("hour", "minute", "second"):
        return f"PT{n}{_TIME_LETTERS[unit]}"
    return f"P{n}{_DATE_LETTERS[unit]}"
