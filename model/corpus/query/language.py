"""The search language: a line typed in `/` (or the command palette) read into a `Query`, a plain value.

    query  := term*                          every term must hold (AND)
    term   := ["-"] (field ":" value | value)  "-" leaves out what the term matches
    value  := '"' text '"'                    a phrase: these words, in this order
            | bare                            up to the next space or '"'; a trailing * matches a prefix (PREFIX_MIN characters at least)
    field  := speaker | entity | kind | source | outlet | date | said
    dates  := DAY | DAY ".." DAY | DAY ".." | ".." DAY,   DAY := YYYY | YYYY-MM | YYYY-MM-DD

A word followed by a colon is a field only when it is all letters ("10:30" stays words). Bad input is a
`QuerySyntaxError` whose message is one line for the user; nothing here touches SQL (`search` compiles it).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from model.corpus.query.base import QueryError
from model.unsafe import one_line

# What each field matches (the help screen shows this table).
FIELDS = {
    "speaker": 'who said it: a name or any of its words (speaker:Putin, speaker:"Wang Yi")',
    "entity": 'an entity named in it, by name or alias (entity:"Wang Yi"); a whole name first, else its words',
    "kind": "the quote's kind: direct, partial, indirect or stance; several with commas (kind:direct,partial)",
    "source": "the article's source (source:Reuters)",
    "outlet": "the same as source",
    "date": "the article's date: YYYY, YYYY-MM, YYYY-MM-DD or a range A..B (date:2023-02..2023-03)",
    "said": "when the words were said (said:2023); the article's date where that is not known",
}
DATE_FIELDS = ("date", "said")
NAME_FIELDS = ("speaker", "entity")
SOURCE_FIELDS = ("source", "outlet")
KINDS = ("direct", "partial", "indirect", "stance")
PREFIX_MIN = 3  # the characters a prefix search (`sta*`) needs: a shorter one matches most of a large corpus

_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_FIELD = re.compile(r"([A-Za-z_]+):")
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*", re.UNICODE)  # the words of a value, as the full-text index splits them


# Chinese, Japanese and Korean runs have no spaces: FTS5's unicode61 tokenizer indexes a whole run as one
# token, so a word inside it ("关系" in "中俄关系") is matched as a substring instead (a scan; rare).
# (Ranges compared in code: the equivalent character class takes ~5 ms to compile, at every start-up.)
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xAC00, 0xD7AF))


def is_cjk(word: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in word for lo, hi in _CJK_RANGES)


class QuerySyntaxError(QueryError):
    """A query that cannot be read, with the reason in one line (what it quotes of the query escaped)."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


@dataclass(frozen=True)
class Term:
    """One term of a query: words (`field` None) or a field's value, maybe a phrase, maybe left out."""

    field: str | None
    value: str
    phrase: bool = False
    negated: bool = False
    first: str | None = None  # date fields: the first day of the range (YYYY-MM-DD), None when open
    last: str | None = None  # and the last day, included

    @property
    def text(self) -> str:
        """The term as it would be typed."""
        value = f'"{self.value}"' if self.phrase or (self.field and not _bare(self.value)) else self.value
        return ("-" if self.negated else "") + (f"{self.field}:" if self.field else "") + value

    @property
    def label(self) -> str:
        """How a chip shows it: `speaker: Wang Yi`, `not kind: indirect`, `"no limits"`."""
        value = f'"{self.value}"' if self.phrase and not self.field else self.value
        return ("not " if self.negated else "") + (f"{self.field}: " if self.field else "") + value


@dataclass(frozen=True)
class Query:
    """A parsed search line: its terms, in the order typed."""

    terms: tuple[Term, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.terms)

    @property
    def words(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.field is None)

    @property
    def fields(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.field is not None)

    def without(self, index: int) -> Query:
        return Query(self.terms[:index] + self.terms[index + 1 :])

    def highlights(self) -> list[str]:
        """What to mark in a text shown for this query: its words and phrases, not those left out."""
        out: list[str] = []
        for t in self.words:
            if not t.negated:
                out += [t.value] if t.phrase else [m.group() for m in _WORD.finditer(t.value)]
        return out


def _bare(value: str) -> bool:
    return bool(value) and not any(c.isspace() or c == '"' for c in value)


# ---------------------------------------------------------------- parsing


@lru_cache(maxsize=256)
def parse(line: str) -> Query:
    """The query typed in `line`; `QuerySyntaxError` says what is wrong with it."""
    terms, i, n = [], 0, len(line)
    while i < n:
        if line[i].isspace():
            i += 1
            continue
        term, i = _term(line, i)
        if term is not None:
            terms.append(term)
    return Query(tuple(terms))


def _term(line: str, i: int) -> tuple[Term | None, int]:
    start = i
    negated = line[i] == "-" and i + 1 < len(line) and not line[i + 1].isspace()
    if negated:
        i += 1
    field = None
    m = _FIELD.match(line, i)
    if m:
        field = _field_name(m.group(1))
        i = m.end()
    if i < len(line) and line[i] == '"':
        value, i = _phrase(line, i)
        phrase = True
    else:  # a bare value runs to the next space or quotation mark (which opens a phrase)
        end = i
        while end < len(line) and not line[end].isspace() and line[end] != '"':
            end += 1
        value, phrase, i = line[i:end], False, end
    if field is None:
        if not _WORD.search(value):  # punctuation alone ("-", "…"): nothing to search for
            return None, i
        if not phrase:
            _refuse_short_prefix(value)
        return Term(None, value, phrase=phrase, negated=negated), i
    return _field_term(field, value.strip(), negated, line[start:i]), i


def _refuse_short_prefix(value: str) -> None:
    """A bare word ending in `*` (a prefix search) needs `PREFIX_MIN` characters before the star."""
    words = _WORD.findall(value)
    short = len(words) == 1 and len(words[0]) < PREFIX_MIN and not is_cjk(words[0])  # CJK: a substring match
    if value.rstrip().endswith("*") and short:
        raise QuerySyntaxError(
            f"“{value}”: a prefix search needs at least {PREFIX_MIN} characters before the * (e.g. {words[0]}…*)"
        )


def _phrase(line: str, i: int) -> tuple[str, int]:
    end = line.find('"', i + 1)
    if end < 0:
        raise QuerySyntaxError(f'the quote at character {i + 1} is not closed: add a " after “{line[i + 1 :]}”')
    return line[i + 1 : end], end + 1


def _field_name(name: str) -> str:
    key = name.lower()
    if key in FIELDS:
        return key
    import difflib  # only for a field name that is wrong: ~20 ms of every start-up otherwise

    close = difflib.get_close_matches(key, FIELDS, n=1, cutoff=0.75)
    hint = f"did you mean {close[0]}:? " if close else ""
    raise QuerySyntaxError(
        f'unknown field “{name}:”: {hint}fields are {", ".join(FIELDS)} (to search for a colon, quote it: "{name}:")'
    )


def _field_term(field: str, value: str, negated: bool, typed: str) -> Term:
    if not value or (field in (*NAME_FIELDS, *SOURCE_FIELDS) and not _WORD.search(value)):
        raise QuerySyntaxError(f"{field}: needs a value, e.g. {_EXAMPLES[field]}")
    term = Term(field, value, negated=negated)
    if field == "kind":
        kinds = [k.strip().lower() for k in value.split(",") if k.strip()]
        wrong = [k for k in kinds if k not in KINDS]
        if wrong or not kinds:
            raise QuerySyntaxError(f"“{typed}”: kind is one of {', '.join(KINDS)} (or several: kind:direct,partial)")
        return replace(term, value=",".join(kinds))
    if field in DATE_FIELDS:
        first, last = date_range(value, field)
        return replace(term, first=first, last=last)
    return term


_EXAMPLES = {
    "speaker": 'speaker:Putin or speaker:"Wang Yi"',
    "entity": 'entity:NATO or entity:"Wang Yi"',
    "kind": "kind:direct",
    "source": "source:Reuters",
    "outlet": "outlet:Reuters",
    "date": "date:2023-02 or date:2023-02..2023-03",
    "said": "said:2023",
}


def date_range(value: str, field: str = "date") -> tuple[str | None, str | None]:
    """(first day, last day) of `YYYY[-MM[-DD]]` or a range `A..B` (either end may be left open)."""
    lo, dots, hi = value.partition("..")
    if dots and not lo and not hi:
        raise QuerySyntaxError(f"{field}:{value}: give at least one end of the range, e.g. {field}:2023-02..")
    first = _day(lo, field, value, last=False) if lo else None
    last = _day(hi if dots else lo, field, value, last=True) if (hi or not dots) else None
    if first and last and last < first:
        raise QuerySyntaxError(f"{field}:{value}: the range ends before it starts")
    return first, last


def _day(text: str, field: str, value: str, *, last: bool) -> str:
    m = _DAY.fullmatch(text)
    if not m:
        raise QuerySyntaxError(f"{field}:{value}: “{text}” is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, or A..B")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return datetime.date(year, int(month), int(day)).isoformat()
        if month:
            first = datetime.date(year, int(month), 1)
            if not last:
                return first.isoformat()
            following = datetime.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return (following - datetime.timedelta(days=1)).isoformat()
        return datetime.date(year, 12 if last else 1, 31 if last else 1).isoformat()
    except ValueError as e:  # month 13, 30 February, year 0
        raise QuerySyntaxError(f"{field}:{value}: “{text}” is not a date ({e})") from None
