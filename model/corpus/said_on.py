"""When a quote was said: the date its attribution gives ("said on Wednesday", "told reporters Tuesday", "in a
statement on 3 March"), else its article's date, with the basis.

Read from stored records only, no parse: the quote's cue, the article's dated expressions as the timeline resolved
them (each with the event word it dates, `model.extract.timeline.anchoring`), its sentences and its publication
date. So an ingest, the schema upgrade and a user's new publication date (`model.corrections`) derive it alike.
The rules that find the attribution's date are a table (`ATTRIBUTION_RULES`), tried in order.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from model.dates import allowed_interval, value_range
from model.lexicon.records import OCCASIONS

ATTRIBUTION = "attribution clause"
ARTICLE_DATE = "article date"
NOT_STATED = "not stated"
CALENDAR_TYPES = ("DATE", "TIME")


@dataclass(frozen=True)
class SaidOn:
    """A TIMEX3 value (a day, or as wide as the attribution says: "last week" → 2023-W08; an article known only
    to lie in an interval: "2023-02-20/2023-02-25"), the first and last day it covers, and how it was found."""

    value: str | None
    start: str | None
    end: str | None
    basis: str


class QuoteSpan(Protocol):
    start: int
    end: int
    cue_start: int | None
    cue_end: int | None


class DatedWords(Protocol):
    """A dated expression as the timeline stored it (`model.records.Timex`, or its row)."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    event_start: int | None
    event_end: int | None
    uncertain: bool


@dataclass(frozen=True)
class Attribution:
    """What the rules read: the quote, its cue's sentence (start, end) and the article's text."""

    quote: QuoteSpan
    sentence: tuple[int, int]
    text: str


def _outside_the_words(a: Attribution, t: DatedWords) -> bool:
    """In the cue's sentence, not among the reported words (a date there dates what was said, not the saying)."""
    q = a.quote
    inside_sentence = a.sentence[0] <= t.start and t.end <= a.sentence[1]
    return inside_sentence and (t.end <= q.start or t.start >= q.end)


def dates_the_cue(a: Attribution, t: DatedWords) -> bool:
    """ "X said on Wednesday", "told reporters Tuesday", "said in a statement on 3 March", "said on Tuesday they
    had …": the date's event word is the cue."""
    return t.event_start is not None and t.event_start == a.quote.cue_start


def dates_the_occasion(a: Attribution, t: DatedWords) -> bool:
    """ "said at a news conference on Friday", "in an interview on Monday, X said": the date's event word is an
    occasion of speech (`OCCASIONS`) in the attribution."""
    if t.event_start is None or t.event_end is None:
        return False
    q = a.quote
    word = a.text[t.event_start : t.event_end].lower()
    outside = t.event_end <= q.start or t.event_start >= q.end
    return word in OCCASIONS and outside and a.sentence[0] <= t.event_start < a.sentence[1]


ATTRIBUTION_RULES: tuple[Callable[[Attribution, DatedWords], bool], ...] = (dates_the_cue, dates_the_occasion)


def said_on(
    quote: QuoteSpan,
    dated: Sequence[DatedWords],
    sentences: Sequence[tuple[int, int]],
    text: str,
    published: str | None,
    published_basis: str | None,
) -> SaidOn:
    """When `quote` was said: the date of its attribution, else its article's date (or the interval the article's
    date is known to lie in), else not stated."""
    found = attribution_date(quote, dated, sentences, text)
    if found is not None:
        t, rng = found
        word = text[t.event_start : t.event_end]
        basis = f"{ATTRIBUTION}: “{t.text}” dates “{word}”"
        if t.uncertain:
            basis += "; the publication date is not known for certain, so this date is uncertain"
        return SaidOn(_day_part(t.value), rng[0], rng[1], basis)
    return article_date(published, published_basis)


def article_date(published: str | None, published_basis: str | None) -> SaidOn:
    """The article's date, or the interval its text allows, or nothing."""
    if published:
        day = published[:10]
        return SaidOn(day, day, day, ARTICLE_DATE)
    interval = allowed_interval(published_basis)
    if interval:
        first, last = interval
        value = f"{first or '..'}/{last or '..'}"
        return SaidOn(value, first, last, f"{ARTICLE_DATE}: not stated; the text allows {first or ''}..{last or ''}")
    return SaidOn(None, None, None, NOT_STATED)


def attribution_date(
    quote: QuoteSpan, dated: Sequence[DatedWords], sentences: Sequence[tuple[int, int]], text: str
) -> tuple[DatedWords, tuple[str, str]] | None:
    """The dated expression of the quote's attribution nearest its cue, and the days it covers; None without one."""
    if quote.cue_start is None:
        return None
    attribution = Attribution(quote, _sentence_of(quote.cue_start, sentences), text)
    for rule in ATTRIBUTION_RULES:
        found = [
            (t, rng)
            for t in dated
            if t.type in CALENDAR_TYPES
            and (rng := value_range(t.value)) is not None
            and _outside_the_words(attribution, t)
            and rule(attribution, t)
        ]
        if found:
            return min(found, key=lambda f: _distance(f[0], quote.cue_start))
    return None


def _distance(t: DatedWords, at: int) -> int:
    return min(abs(t.start - at), abs(t.end - at))


def _day_part(value: str | None) -> str | None:
    return value.split("T")[0] if value else value


def _sentence_of(offset: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The sentence holding `offset`; without sentences, the whole text."""
    starts = [s for s, _ in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return (0, 1 << 62)
    return sentences[i]


# ---------------------------------------------------------------- stored rows


@dataclass(frozen=True)
class _QuoteRow:
    id: int
    start: int
    end: int
    cue_start: int | None
    cue_end: int | None


@dataclass(frozen=True)
class _TimexRow:
    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    event_start: int | None
    event_end: int | None
    uncertain: bool


_UPDATE = "UPDATE quote SET said_on=?, said_on_start=?, said_on_end=?, said_on_basis=? WHERE id=?"
# What the rules read of the articles `{which}` names (SQL over `article`), article by article.
_ARTICLES = "SELECT id, text, published, published_basis FROM article WHERE id IN ({which})"
_QUOTES = "SELECT article, id, start, end, cue_start, cue_end FROM quote WHERE article IN ({which})"
_TIMEXES = (
    "SELECT article, start, end, text, type, value, event_start, event_end, uncertain FROM timex "
    "WHERE article IN ({which}) AND type IN ('DATE', 'TIME') AND value_start IS NOT NULL"
)
_SENTENCES = "SELECT article, start, end FROM sentence WHERE article IN ({which}) ORDER BY article, idx"
BATCH = 500  # articles derived at a time by `refresh_all`


def refresh_article(conn: sqlite3.Connection, article: int) -> int:
    """Derive the said_on of every quote of one stored article again (after its publication date or its dates
    changed), inside the caller's transaction. Returns how many quotes."""
    return _refresh(conn, "?", (article,))


def refresh_all(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> int:
    """Derive every quote's said_on again (the upgrade that added it), `BATCH` articles at a time, inside the
    caller's transaction, reporting `progress(done, total)` in articles. Returns how many quotes."""
    ids = [r[0] for r in conn.execute("SELECT DISTINCT article FROM quote ORDER BY article")]
    n = 0
    for i in range(0, len(ids), BATCH):
        chunk = ids[i : i + BATCH]
        n += _refresh(conn, "SELECT DISTINCT article FROM quote WHERE article BETWEEN ? AND ?", (chunk[0], chunk[-1]))
        if progress:
            progress(i + len(chunk), len(ids))
    return n


def _refresh(conn: sqlite3.Connection, which: str, params: tuple) -> int:
    """The said_on of the quotes of the articles `which` selects, derived and stored."""
    dated: dict[int, list[_TimexRow]] = {}
    for r in conn.execute(_TIMEXES.format(which=which), params):
        dated.setdefault(r[0], []).append(_TimexRow(*r[1:8], bool(r[8])))
    sentences: dict[int, list[tuple[int, int]]] = {}
    for article, start, end in conn.execute(_SENTENCES.format(which=which), params):
        sentences.setdefault(article, []).append((start, end))
    quotes: dict[int, list[_QuoteRow]] = {}
    for r in conn.execute(_QUOTES.format(which=which), params):
        quotes.setdefault(r[0], []).append(_QuoteRow(*r[1:]))
    values = []
    for article, text, published, basis in conn.execute(_ARTICLES.format(which=which), params):
        for q in quotes.get(article, ()):
            s = said_on(q, dated.get(article, ()), sentences.get(article, ()), text, published, basis)
            values.append((s.value, s.start, s.end, s.basis, q.id))
    conn.executemany(_UPDATE, values)
    return len(values)
