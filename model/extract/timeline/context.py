"""What the rules may look up in the rest of the document: spaCy's entities and earlier mentions."""

from __future__ import annotations

import re

from model.lexicon.time_words import DATED_NOUNS

from .years import MIL_CLOCK

FIN_WINDOW = 400  # characters after a quarter within which 'a year ago' means that quarter a year back


class Context:
    """What the rules may look up in the rest of the document (spaCy entities, earlier mentions)."""

    def __init__(self, text: str, doc, anchor_year: int | None = None):
        self.text = text
        self.doc = doc
        # an earnings story: results words, and (for 'the quarter' and 'a year ago') a quarter named
        self.earnings = bool(
            re.search(r"\b(?:earnings|profit|net income|net|revenue|sales|per share|a share|loss)\b", text, re.I)
        )
        self.financial = self.earnings and bool(re.search(r"\bquarter\b", text, re.I))
        self.date_ents = []
        self.time_ents = []
        if doc is not None:
            for e in doc.ents:
                if e.label_ == "DATE":
                    self.date_ents.append((e.start_char, e.end_char))
                elif e.label_ == "TIME":
                    self.time_ents.append((e.start_char, e.end_char))
        self.anchor_year = anchor_year  # the publication year (None: unknown)
        # four-digit numbers the article uses as 24-hour clock times ("1530 EST"): the same number elsewhere is one too
        self.clock_numbers = {m.group(1) for m in MIL_CLOCK.finditer(text)}
        self.quarters: list[tuple[int, dict]] = []  # (offset, {"spec":..} or {"value":..})
        self.years: list[tuple[int, int]] = []
        self.refs: list[tuple[int, str, dict]] = []  # (offset, "day" | "month", spec or {"kind": "abs", ...})

    def last_ref(self, pos: int, gran: str, within: int | None = None) -> dict | None:
        """The date last mentioned before `pos` at day (or, for "month", day or month) granularity."""
        for o, g, spec in reversed(self.refs):
            if o < pos and (g == "day" or gran == "month"):
                return spec if within is None or pos - o <= within else None
        return None

    def last_ref_offset(self, pos: int, gran: str) -> int | None:
        """Where the date `last_ref` would return was mentioned."""
        for o, g, _ in reversed(self.refs):
            if o < pos and (g == "day" or gran == "month"):
                return o
        return None

    def last_ref_gran(self, pos: int) -> str:
        prev = [g for o, g, _ in self.refs if o < pos]
        return prev[-1] if prev else "day"

    def counts_noun(self, s: int, e: int) -> bool:
        """The number at s..e counts a plural noun after it ("1500 campus computer users"), not a thing a year dates."""
        span = self.doc.char_span(s, e) if self.doc is not None else None
        if span is None or len(span) != 1:
            return False
        t = span[0]
        return (
            t.dep_ == "nummod"
            and t.head.i > t.i
            and t.head.tag_ in ("NNS", "NNPS")
            and t.head.lemma_.lower() not in DATED_NOUNS
        )

    def _number_and_next(self, s: int, e: int):
        """The one token at s..e and the next token that is not a line break (None, None if there is none)."""
        span = self.doc.char_span(s, e) if self.doc is not None else None
        if span is None or len(span) != 1:
            return None, None
        nxt = next((t for t in self.doc[span[0].i + 1 : span[0].i + 4] if not t.is_space), None)
        return span[0], nxt

    def dates_noun(self, s: int, e: int) -> bool:
        """The number at s..e goes with the singular noun right after it, which it cannot count ("a 1911 loan")."""
        t, nxt = self._number_and_next(s, e)
        return nxt is not None and nxt.tag_ in ("NN", "NNP") and t.head.i >= nxt.i

    def opens_clause(self, s: int, e: int) -> bool:
        """The number at s..e opens its sentence and a verb or a comma follows ("1689 saw ...", "1689, when ...")."""
        t, nxt = self._number_and_next(s, e)
        return nxt is not None and t.is_sent_start and (nxt.pos_ in ("VERB", "AUX") or nxt.text == ",")

    def ent_date(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.date_ents)

    def ent_time(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.time_ents + self.date_ents)

    def fin_quarter(self, pos: int) -> bool:
        """Financial report context: a quarter was mentioned in the last ~400 characters."""
        return self.financial and any(0 <= pos - o < FIN_WINDOW for o, _ in self.quarters)

    def last_quarter(self, pos: int) -> dict | None:
        prev = [q for o, q in self.quarters if o < pos]
        return prev[-1] if prev else None

    def reported_quarter(self, pos: int) -> dict | None:
        """The quarter a results story is about: the first one it names (later ones are often forecasts)."""
        prev = [q for o, q in self.quarters if o < pos]
        return prev[0] if prev else None

    def last_year_mention(self, pos: int) -> tuple[int, int] | None:
        """(offset, year) of the last date with a year mentioned before `pos`."""
        prev = [(o, y) for o, y in self.years if o < pos]
        return prev[-1] if prev else None

    def last_year(self, pos: int) -> int | None:
        prev = [y for o, y in self.years if o < pos]
        return prev[-1] if prev else None
