"""The kinds of quote: the speaker's own words (in quotation marks), then reported speech and stances.

Apart from `model.records` so that the browser's first screen can tell them without its dataclasses."""

QUOTED_KINDS = ("direct", "partial")
QUOTE_KINDS = (*QUOTED_KINDS, "indirect", "stance")
