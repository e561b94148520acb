"""Temporal expressions → TIMEX3 values, anchored on the publication date, tense-aware.

Pure rules, standard library only (see docs/rules/timeline.md for the measurements behind that
choice). Three steps, one module each (`candidates` over the `patterns` table, `interpret`,
`direction`, `resolve`; `timexes` runs them):

1. *Recognise*: regular expressions over the raw text find candidate expressions
   (absolute dates, month-days, weekdays, relative units, quarters, seasons, decades,
   durations, sets, times of day, vague references). Overlaps keep the longest.
2. *Direction*: for expressions that need one (a bare weekday, a month-day without a
   year, a bare month, season or quarter), the governing verb in spaCy's dependency
   parse decides: past tense → the one before the anchor; `will`, `is expected to`,
   `scheduled to`, `until` → the one after.
   A bare four-digit number is a year only when nothing says it is something else
   (`years.not_a_year`): a 24-hour clock ("at 1530 EST", or the same number so used elsewhere
   in the article), a wire code in parentheses, a count of what follows, an index or price
   level, a street number, part of a company's name; and a year far from the publication
   date needs a preposition, a singular noun it dates ("a 1911 loan") or a sentence it opens.
3. *Resolve*: a JSON-able `spec` (what the expression means, without the anchor) plus
   the anchor gives the value. `reanchor` re-runs only this step, so a user-set
   publication date re-resolves stored expressions without spaCy.
"""

from .publication import infer_published
from .resolve import reanchor, reanchor_between, resolve
from .timexes import extract_timexes

__all__ = ["extract_timexes", "infer_published", "reanchor", "reanchor_between", "resolve"]
