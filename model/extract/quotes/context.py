"""The per-article state the quote rules share: the text, its parse, quotation spans and paragraphs, the
frames found, the speaker resolver and the rules switched on (`ArticleContext`); the frame and quote records."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from model.extract.quotes.marks import QuoteSpan, find_quote_spans, paragraphs
from model.extract.quotes.settings import QuoteRules
from model.extract.quotes.speakers import Resolver, Speaker
from model.lexicon.people import NOT_PEOPLE, PEOPLE_NOUNS
from model.lexicon.records import DOCUMENT_NOUNS, SHARE_WORDS
from model.records import Mention

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


@dataclass
class Frame:
    cue: object  # the cue token ("said", or "according")
    cue_lemma: str
    cue_span: tuple[int, int]
    subject: object  # the speaker token (or None)
    subject_rule: str  # how the subject was found
    scope: tuple[int, int]  # token range whose quotes this frame may claim
    content: tuple[int, int] | None = None  # token range of the reported clause (indirect speech)
    nominal: bool = False  # the content is a noun phrase ("stressed her support of the raid")
    attrib: bool = False  # a cue of belief, finding or intention, not of speech (indirect only)
    belief: bool = False  # the content is what a cue of belief or intention attributes (`attributed_content`)
    speaker: Speaker | None = None
    claimed: bool = False
    named_object: bool = False  # the content is a name, object of a stance ("endorsed [Hillary Clinton]")
    kind: str = "indirect"  # or "stance": a position attributed with no words reported (`stance.attribution_kind`)
    cue_words: str | None = None  # the cue with the preposition its content follows ("call for"), when not the lemma


@dataclass
class Quoted:
    span: QuoteSpan
    toks: tuple[int, int]  # token range [a, b) of the quoted text
    kind: str = "direct"
    frame: Frame | None = None
    speaker: Speaker | None = None
    basis: str = ""
    confidence: float = 0.5
    drop: bool = False
    continued: bool = False  # its speaker is the previous quote's (`attribution.continuation`), none of its own


class ArticleContext:
    def __init__(self, text: str, doc, mentions: list[Mention], title: str | None, rules: QuoteRules, candidates=None):
        self.text, self.doc, self.title, self.rules = text, doc, title, rules
        self.candidates: list[tuple] | None = candidates  # when a list: every learned candidate, scored (training)
        self.spans = find_quote_spans(text)
        self.paras = paragraphs(text)
        self._para_starts = [p[0] for p in self.paras]
        self.in_quote = [False] * len(doc)
        self.quote_of_tok: dict[int, int] = {}
        self.qs: list[Quoted] = []
        for k, sp in enumerate(self.spans):
            a, b = self.tok_range(sp.open, sp.close + 1)
            for i in range(a, b):
                self.in_quote[i] = True
            ia, ib = self.tok_range(sp.start, sp.end)
            for i in range(ia, ib):
                self.quote_of_tok[i] = k
            self.qs.append(Quoted(sp, (ia, ib)))
        self.resolver = Resolver(doc, mentions, self.in_quote, self.para_of)
        self.reporters: list[tuple[int, int]] = []  # characters of "…, Interfax reported" after a speaker's words

    # ------------------------------------------------------------ helpers
    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def tok_range(self, a: int, b: int) -> tuple[int, int]:
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return (0, 0)
        return span.start, span.end

    def next_quote_tok(self, i: int) -> int:
        for j in range(i, len(self.doc)):
            if self.in_quote[j]:
                return j
        return len(self.doc)

    def prev_quote_tok(self, i: int) -> int:
        for j in range(i - 1, -1, -1):
            if self.in_quote[j]:
                return j
        return -1

    def double_marked(self, i: int) -> bool:
        """Token i lies in a span of double marks (or guillemets), not single ones: a clause with a word in
        single marks ("said the NFL has gone ‘soft’") stays reported speech."""
        pos = self.doc[i].idx
        return any(sp.open <= pos <= sp.close and sp.style != "single" for sp in self.spans)


def is_document(tok, rules: QuoteRules) -> bool:
    """An unnamed source that is a record, not people: "a new poll shows …", "according to the report, …";
    or a poll's share of its respondents: "47 percent said …", "half of Vermont Democrats say …"."""
    if not rules.documents or tok is None:
        return False
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
        return True
    return tok.lemma_.lower() in SHARE_WORDS or tok.ent_type_ == "PERCENT" and tok.pos_ in ("NOUN", "NUM")


def is_people(tok) -> bool:
    """A common-noun subject that denotes people ("officials", "a senior official", "many experts")."""
    if tok is None or tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in NOT_PEOPLE:
        return False
    return lemma in PEOPLE_NOUNS or lemma.endswith(("ist", "ian")) and len(lemma) > 5
