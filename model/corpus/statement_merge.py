"""Quotes of one speaker grouped into statements: the same words, or nearly, across articles.

Pure functions over `Said` (no SQL). The caller gives the quotes of one speaker (`speaker_part`: one entity, one
set of entities for a joint speaker, one name without an entity); two speakers are never compared. Two quotes are
one statement when
- their words are the same once written alike (`wording`: case, apostrophes, contractions, an editor's
  [insertions], acronyms and spellings a translation gives either way, `model.lexicon.statements`); words with
  less content than `MIN_CONTAINED_CONTENT` ("disgusting") only within one article, or
- the words of one (a partial quote, a shorter excerpt; every piece between its ellipses) stand in a row in the
  other, and say something (`MIN_CONTAINED_CONTENT` content words; a report, `MIN_CONTAINED_REPORT`: a clause,
  not a name), or
- both are quoted words (direct or partial) sharing nearly all their words (`SAME_WORDS_OVERLAP` of the shorter,
  `SAME_WORDS_JACCARD` of both): one statement in two translations, or
- one is reported speech (indirect, stance) whose content words are nearly all in the other
  (`REPORT_CONTENT_OVERLAP`, at least `MIN_SHARED_CONTENT` of them): "we have not seen X" reported as "he had not
  seen X". Function words, which reported speech changes, do not count.
Groups are the connected sets of that relation; the result does not depend on the order of the quotes.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from model.lexicon.statements import ACRONYMS, CONTRACTIONS, FUNCTION_WORDS, NAME_VARIANTS, REPORT_WORDS
from model.records import QUOTED_KINDS

KIND_STRENGTH = {"direct": 0, "partial": 1, "indirect": 2, "stance": 3}  # a statement's kind: its strongest
MIN_CONTAINED_CONTENT = 2  # content words a contained wording needs ("new frontiers"; not "progressing")
MIN_CONTAINED_REPORT = 3  # a contained report needs a clause, not a name ("the Republican nominee")
SAME_WORDS_OVERLAP = 0.85  # share of the shorter wording's words the longer has, for two translations
SAME_WORDS_JACCARD = 0.6
SAME_WORDS_MIN = 5  # words the shorter wording needs for "nearly the same" to mean anything
REPORT_CONTENT_OVERLAP = 0.8  # share of a report's content words the other wording has
MIN_SHARED_CONTENT = 4
PROBE_SHARE = 0.5  # a quote looks for partners by its rarest words: enough that any partner shares one

_STEMMER = Stemmer.Stemmer("english")  # Snowball's English stemmer, in C (PyStemmer)
_BRACKETS = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.")
_APOSTROPHES = re.compile("[’‘ʼ`´]")
_WORD = re.compile(r"\w+")


def _alternation(keys, flags=0) -> re.Pattern:
    ordered = sorted(keys, key=len, reverse=True)  # the longest first: "united states of america" before "america"
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?![\w])", flags)


_ACRONYM = _alternation(ACRONYMS)
_VARIANT = _alternation(NAME_VARIANTS)
_CONTRACTION = re.compile("|".join(re.escape(k) for k in sorted(CONTRACTIONS, key=len, reverse=True)))


@dataclass
class Said:
    """One quote as the merge sees it."""

    id: int
    article: str  # the article's key
    start: int
    end: int
    text: str
    kind: str
    date: str | None = None  # when it was said (YYYY-MM-DD), or None
    source: str | None = None  # the article's outlet


@dataclass
class Statement:
    id: str
    kind: str
    text: str  # the fullest wording
    fullest: int  # the quote that has it
    first: str | None
    last: str | None
    articles: list[str]
    outlets: int  # see `outlets`
    members: list[Said] = field(default_factory=list)


@dataclass(frozen=True)
class Wording:
    """A quote's words written alike: its stems in order, each piece between ellipses, its content stems."""

    stems: tuple[str, ...]
    pieces: tuple[tuple[str, ...], ...]
    content: frozenset[str]


def speaker_part(entities: list[int], name: str | None, article: int) -> str:
    """Whose quotes are compared with each other: one entity or one set of them (a joint speaker, in any order);
    a name no mention made an entity; or, with no speaker at all, nobody else's (the article's own)."""
    members = [m for m in (name or "").split("; ") if m.strip()]
    if entities and len(entities) >= len(members):
        return "e:" + ",".join(str(e) for e in sorted(set(entities)))
    if members:
        return "n:" + "; ".join(sorted({m.strip().casefold() for m in members}))
    return f"a:{article}"


def written_alike(text: str) -> str:
    """`text` in the one form two wordings are compared in: lower case, plain apostrophes, no editor's
    [insertions], acronyms, contractions and spelling variants written out."""
    text = unicodedata.normalize("NFKC", text)
    text = _BRACKETS.sub(" ", text)
    text = _APOSTROPHES.sub("'", text)
    text = _ACRONYM.sub(lambda m: ACRONYMS[m.group()], text)
    text = text.lower()
    text = _CONTRACTION.sub(lambda m: CONTRACTIONS[m.group()], text)
    return _VARIANT.sub(lambda m: NAME_VARIANTS[m.group()], text)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return word if word.isdigit() else _STEMMER.stemWord(word)


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _WORD.findall(text.replace("'", " ")))


def wording(text: str) -> Wording:
    alike = written_alike(text)
    pieces = tuple(p for p in (_stems(piece) for piece in _ELLIPSIS.split(alike)) if p)
    stems = tuple(s for p in pieces for s in p)
    content = frozenset(
        _stem(w) for w in _WORD.findall(alike.replace("'", " ")) if w not in FUNCTION_WORDS and w not in REPORT_WORDS
    )
    return Wording(stems, pieces, content)


def _in_a_row(piece: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    n = len(piece)
    first = piece[0]
    return any(whole[i] == first and whole[i : i + n] == piece for i in range(len(whole) - n + 1))


def contained(small: Wording, big: Wording, least: int = MIN_CONTAINED_CONTENT) -> bool:
    """Every piece of `small` stands in a row in `big`, and `small` says something (`least` content words)."""
    if len(small.content) < least or len(small.stems) > len(big.stems):
        return False
    return all(_in_a_row(piece, big.stems) for piece in small.pieces)


def nearly_same_words(a: Wording, b: Wording) -> bool:
    """Two quoted wordings sharing nearly all their words (translations of one sentence)."""
    sa, sb = set(a.stems), set(b.stems)
    if min(len(sa), len(sb)) < SAME_WORDS_MIN:
        return False
    shared = len(sa & sb)
    return shared >= SAME_WORDS_OVERLAP * min(len(sa), len(sb)) and shared >= SAME_WORDS_JACCARD * len(sa | sb)


def report_matches(report: Wording, other: Wording) -> bool:
    """Reported speech whose content words are nearly all in the other wording."""
    shared = len(report.content & other.content)
    return shared >= MIN_SHARED_CONTENT and shared >= REPORT_CONTENT_OVERLAP * len(report.content)


def one_statement(a: Said, wa: Wording, b: Said, wb: Wording) -> bool:
    """Whether two quotes of one speaker are one statement (see the module's docstring)."""
    if wa.stems == wb.stems and wa.stems:  # a word or two alone ("disgusting") are one statement in one article
        return len(wa.content) >= MIN_CONTAINED_CONTENT or a.article == b.article
    (s_small, small), big = ((a, wa), wb) if len(wa.stems) <= len(wb.stems) else ((b, wb), wa)
    if contained(small, big, MIN_CONTAINED_CONTENT if s_small.kind in QUOTED_KINDS else MIN_CONTAINED_REPORT):
        return True
    if a.kind in QUOTED_KINDS and b.kind in QUOTED_KINDS:
        return nearly_same_words(wa, wb)
    if a.kind not in QUOTED_KINDS and report_matches(wa, wb):
        return True
    return b.kind not in QUOTED_KINDS and report_matches(wb, wa)


def _candidates(wordings: list[Wording]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, worth comparing: the same stems, or a shared word among the rarest of one of them
    (any pair `one_statement` accepts shares one; a speaker's thousand quotes are not compared pairwise)."""
    pairs: set[tuple[int, int]] = set()
    same: dict[tuple[str, ...], list[int]] = defaultdict(list)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(wordings):
        same[w.stems].append(i)
        for s in w.content:
            postings[s].append(i)
    for members in same.values():  # in article order: the same words within an article are neighbours
        pairs.update(zip(members, members[1:]))
    for i, w in enumerate(wordings):
        rarest = sorted(w.content, key=lambda s: (len(postings[s]), s))
        for s in rarest[: len(rarest) - math.ceil(PROBE_SHARE * len(rarest)) + 1]:
            pairs.update((min(i, j), max(i, j)) for j in postings[s] if j != i)
    return pairs


def group(quotes: list[Said]) -> list[list[Said]]:
    """The quotes of one speaker, in statements (each sorted by article and place; the groups by their first)."""
    quotes = sorted(quotes, key=lambda s: (s.article, s.start, s.end, s.id))
    wordings = [wording(s.text or "") for s in quotes]
    parent = list(range(len(quotes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidates(wordings)):
        if root(i) != root(j) and one_statement(quotes[i], wordings[i], quotes[j], wordings[j]):
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Said]] = defaultdict(list)
    for i, s in enumerate(quotes):
        groups[root(i)].append(s)
    return [groups[k] for k in sorted(groups)]


def statement_id(first: Said) -> str:
    """A statement's id, from its first quote (by article key and place): the same in every database that
    holds that quote in that statement."""
    return "s" + hashlib.sha1(f"{first.article}\0{first.start}\0{first.end}".encode()).hexdigest()[:12]


def _fullest(members: list[Said]) -> Said:
    """The fullest wording: the longest quoted words, else the longest report."""
    quoted = [s for s in members if s.kind in QUOTED_KINDS] or members
    return max(quoted, key=lambda s: (len(s.text or ""), -KIND_STRENGTH.get(s.kind, 9), s.article, -s.start))


def outlets(members: list[Said]) -> int:
    """How many outlets carry the statement: its articles' sources, an article whose source is not known
    counted as one of its own (so a corpus without sources counts articles)."""
    known = {s.source.strip().casefold() for s in members if s.source and s.source.strip()}
    unknown = {s.article for s in members if not (s.source and s.source.strip())}
    return len(known) + len(unknown)


def statement_of(members: list[Said]) -> Statement:
    """The statement a group of quotes makes (`members` as `group` gives them)."""
    fullest = _fullest(members)
    dates = sorted(s.date for s in members if s.date)
    articles = sorted({s.article for s in members})
    kind = min((s.kind for s in members), key=lambda k: KIND_STRENGTH.get(k, 9))
    return Statement(
        statement_id(members[0]),
        kind,
        fullest.text or "",
        fullest.id,
        dates[0] if dates else None,
        dates[-1] if dates else None,
        articles,
        outlets(members),
        members,
    )
