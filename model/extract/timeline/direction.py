"""Step 2, direction: on which side of the anchor an expression lies, from the tense and the words
of the clause that governs it in spaCy's dependency parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from model.lexicon.tense import (
    BACKWARD_PREP,
    DEADLINE_PREP,
    EXTEND_VERBS,
    FORWARD_MODAL,
    FORWARD_PREP,
    FUTURE_AUX,
    FUTURE_GOV,
    HEADLINE_REPORTS,
    MODAL_AUX,
    SAME_FORM_PAST,
    TERM_WORDS,
)

OBJECT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd"}


# A weaker cue than a direct modifier's tense (the clause around "the Oct. 23 slaying" is past): the date
# stays in the anchor's year unless that puts it more than `resolve.LEAN_DAYS` on the wrong side of the anchor.
LEAN_BACK, LEAN_FORWARD = "lean-", "lean+"


@dataclass
class Gov:
    """What governs an expression in the parse."""

    verb: object = None  # the governing verb token
    prep: str | None = None  # the preposition heading the expression, if any
    direct: bool = True  # the expression modifies the verb itself, not a noun on the way
    role: str = ""  # the dependency of the expression's root
    participle: object = None  # a participle on the way that modifies a noun ("shares issued July 1")


def governor(doc, start: int, end: int) -> Gov:
    """The verb that governs the expression at start..end, the preposition heading it, and whether the
    expression modifies the verb itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Gov()
    root = span.root
    g = Gov(role=root.dep_)
    tok = root
    for _ in range(10):
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "pcomp") and g.prep is None:
            g.prep = tok.head.lower_
        nxt = tok.head
        if nxt is tok:
            break
        if nxt.pos_ in ("VERB", "AUX"):
            g.verb = nxt
            # a participle modifying a noun ("the service planned for Saturday was cancelled"): the clause's verb
            if not (nxt.dep_ == "acl" and nxt.tag_ in ("VBN", "VBG")):
                return g
            g.direct = False
            if g.participle is None:
                g.participle = nxt
        if nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and nxt not in span:
            g.direct = False
        tok = nxt
    return g


Direction = tuple[int | str, str]  # (-1, +1, 0, LEAN_BACK or LEAN_FORWARD; the reason in words)


@dataclass(frozen=True)
class Clause:
    """What the direction rules read: where the expression is, and the verb that governs it."""

    text: str
    start: int
    end: int
    kind: str  # the spec's kind: a bare weekday follows rules of its own
    gov: Gov
    past: bool  # the governing verb is in a past tense
    why_past: str
    aux: tuple  # the governing verb's auxiliaries

    @property
    def verb(self):
        return self.gov.verb

    @property
    def weekday(self) -> bool:
        return self.kind == "weekday"


def _words_before(cl: Clause) -> Direction | None:
    """`as soon as Friday`, `effective March 1`."""
    before = cl.text[max(0, cl.start - 20) : cl.start].lower()
    if re.search(r"as (?:soon|early) as\s+$", before):
        return 1, "'as soon as' looks forward"
    if re.search(r"\beffective(?: on| from)?\s+$", before) and cl.kind != "weekday":
        return 1, "'effective' looks forward"
    return None


def _preposition(cl: Clause) -> Direction | None:
    """`extended to Nov. 16`, `until Friday` (but `had run until May`, `rose through August`), `since March`."""
    g, past = cl.gov, cl.past
    if g.verb is not None and g.prep in FORWARD_PREP | {"to"} and g.verb.lemma_.lower() in EXTEND_VERBS:
        return 1, f"'{g.verb.text} {g.prep}' moves a date forward"
    if g.prep in FORWARD_PREP:
        if past and g.verb is not None and any(a.lower_ == "had" for a in g.verb.children if a.dep_ == "aux"):
            return -1, f"'{g.prep}' with the past perfect of '{g.verb.text}'"
        if past and g.prep in ("through", "thru") and g.verb.tag_ == "VBD":
            return -1, f"'{g.prep}' with the past tense of '{g.verb.text}': a stretch that has ended"
        return 1, f"'{g.prep}' looks forward"
    if g.prep in BACKWARD_PREP:
        return -1, f"'{g.prep}' looks back"
    return None


def _no_verb(cl: Clause) -> Direction | None:
    return (0, "no governing verb") if cl.verb is None else None


def _as_soon_as_clause(cl: Clause) -> Direction | None:
    if _as_soon_as_ahead(cl.verb):
        return 1, f"'as soon as {cl.verb.text}' after a clause about what lies ahead"
    return None


def _not_a_modifier(cl: Clause) -> Direction | None:
    """Not a modifier of the verb ("the Oct. 23 slaying", "the October attack"): the clause's tense still
    says on which side of the anchor it lies, as a lean."""
    g, verb = cl.gov, cl.verb
    if cl.weekday or (g.direct and g.role not in OBJECT_DEPS):
        return None
    if g.participle is not None and g.participle.tag_ == "VBN":
        return LEAN_BACK, f"'{g.participle.text}', a past participle"
    if cl.past:
        return LEAN_BACK, f"in a clause in the {cl.why_past.split(' of ')[0]} ('{verb.text}')"
    if any(_is_future_aux(a) for a in verb.children if a.dep_ == "aux"):
        return LEAN_FORWARD, f"in a clause in the future tense ('{verb.text}')"
    return 0, f"not a modifier of '{verb.text}'"


def _future(cl: Clause) -> Direction | None:
    for a in cl.aux:
        if _is_future_aux(a):
            return 1, f"future tense ('{a.text} {cl.verb.text}')"
    return None


def _is_future_aux(a) -> bool:
    return a.lower_ in FUTURE_AUX or a.lemma_ == "will"


def _plan_word(v, verb, weekday: bool) -> Direction | None:
    """`v`, the verb or one it is the complement of, names a plan (`expected`, `scheduled`) or is `is to`."""
    lem = v.lemma_.lower()
    if lem in FUTURE_GOV and (v is not verb or lem in ("plan", "schedule", "slate") and v.tag_ != "VBD"):
        if _had(v):  # a weekday then lies behind; a month-day or month may still be ahead: the nearest
            return (-1 if weekday else 0), f"'had {v.text}': a plan made in the past"
        return 1, f"'{v.text}' looks forward"
    if v is not verb and lem == "be" and v.tag_ in ("VBZ", "VBP", "VBD"):
        return 1, f"'{v.text} to' looks forward"
    return None


def _plan(cl: Clause) -> Direction | None:
    """`is expected / scheduled / due / set / planned to meet ...`, `is to meet`, `will be expected to`."""
    verb = v = cl.verb
    for _ in range(4):
        found = _plan_word(v, verb, cl.weekday)
        if found is not None:
            return found
        if v.dep_ == "xcomp" and v.head is not v:
            v = v.head
            continue
        break
    if v is not verb:
        for a in v.children:
            if a.dep_ == "aux" and _is_future_aux(a):
                return 1, f"future tense ('{a.text} {v.text}')"
    return None


def _subject_to_verb(cl: Clause) -> Direction | None:
    """ "Putin, Xi to talk by video link on Tuesday": a subject with a to-infinitive and no finite verb (a
    headline's future)."""
    verb = cl.verb
    aux = [a for a in verb.children if a.dep_ == "aux"]
    if (
        verb.tag_ == "VB"
        and cl.gov.participle is None
        and [a.tag_ for a in aux] == ["TO"]
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ == "mark" for c in verb.children)
        and (verb.dep_ == "ROOT" or verb.head.lemma_.lower() in HEADLINE_REPORTS)  # not "wants the court to rule"
    ):
        return 1, f"'to {verb.text}' with a subject of its own: still to come"
    return None


def _modal(cl: Clause) -> Direction | None:
    """`could have met` looks back; `would meet Friday` puts a weekday ahead; other modals say nothing."""
    verb = cl.verb
    for a in cl.aux:
        if a.lower_ in MODAL_AUX:
            if verb.tag_ == "VBN" and any(b.lemma_ == "have" for b in cl.aux):
                return -1, f"'{a.text} have {verb.text}' looks back"
            return (1 if cl.weekday and a.lower_ in FORWARD_MODAL else 0), f"'{a.text} {verb.text}'"
    return None


def _past_tense(cl: Clause) -> Direction | None:
    verb, weekday = cl.verb, cl.weekday
    if cl.past and not weekday and cl.why_past.startswith("perfect") and not _had(verb):
        # the present perfect ties a past act to the present ("has set Nov. 10 as the deadline"): it only leans
        return LEAN_BACK, cl.why_past
    if cl.past:
        return -1, cl.why_past
    if weekday and cl.gov.participle is not None and cl.gov.participle.tag_ == "VBN":
        return -1, f"'{cl.gov.participle.text}', a past participle"
    if weekday and re.match(r"\w+['’]s\b", cl.text[cl.start : cl.end + 2]) and verb.tag_ in ("VBZ", "VBP"):
        return -1, "a weekday's event in a present-tense clause has already happened"
    return None


def _present_tense(cl: Clause) -> Direction | None:
    verb = cl.verb
    tag = verb.tag_
    if tag == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in cl.aux):
        return 1, f"present progressive '{verb.text}'"
    if tag in ("VBZ", "VBP") or (tag == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in cl.aux)):
        return (1 if cl.weekday else 0), f"present tense of '{verb.text}'"
    return None


# The direction rules, in order: the first that gives a direction decides.
DIRECTION_RULES: tuple[Callable[[Clause], Direction | None], ...] = (
    _words_before,
    _preposition,
    _no_verb,
    _as_soon_as_clause,
    _not_a_modifier,
    _future,
    _plan,
    _subject_to_verb,
    _modal,
    _past_tense,
    _present_tense,
)


def direction_of(doc, start: int, end: int, kind: str = "", text: str | None = None) -> Direction:
    """-1 (before the anchor), +1 (after), 0 (no cue) or a weaker LEAN_BACK / LEAN_FORWARD, with the reason.

    Pass `text` (the doc's text): spaCy rebuilds `doc.text` from the tokens on every access."""
    if doc is None:
        return 0, "no parse"
    g = governor(doc, start, end)
    if text is None:
        text = doc.text
    past, why_past = _past(g.verb)
    aux = tuple(c for c in g.verb.children if c.dep_ in ("aux", "auxpass")) if g.verb is not None else ()
    clause = Clause(text, start, end, kind, g, past, why_past, aux)
    for rule in DIRECTION_RULES:
        found = rule(clause)
        if found is not None:
            return found
    return 0, f"'{clause.verb.text}' gives no tense"


def side_of_writing(doc, start: int, end: int, text: str) -> Direction:
    """On which side of the time of writing an absolute date lies, for bounding an undated article's
    publication date: -1 reported as past, +1 spoken of as still to come, LEAN_BACK / LEAN_FORWARD when only the
    clause's tense says so (`the Oct. 23 slaying was solved`), 0 not said.

    Stricter than `direction_of`, which places relative dates: a term's date (`payable May 28`, `effective
    June 1`, `the year ending March 31`) and a deadline in the past tense (`had until 1991 to pay`, `called for
    an end by April`) may lie on either side; a deadline in any other tense still lies ahead (`runs until 2030`)."""
    if doc is None:
        return 0, "no parse"
    before = re.findall(r"[a-z]+", text[max(0, start - 24) : start].lower())
    if before and (before[-1] in TERM_WORDS or before[-1] in ("on", "from") and set(before[-2:-1]) & TERM_WORDS):
        return 0, f"'{before[-1]}': the date of a term, on either side of the time of writing"
    if re.match(r"/\d\d", text[end : end + 3]):
        return 0, "a split year ('1986/87'): not one year"
    if re.search(r"\d\s*(?:to|-|–)\s*$", text[max(0, start - 8) : start]):
        return 0, "the end of a range ('1984 to 1986'): the clause may speak of the range's start"
    g = governor(doc, start, end)
    prep = g.prep if g.prep in DEADLINE_PREP else before[-1] if before and before[-1] in DEADLINE_PREP else None
    if prep and g.verb is None:
        return 0, f"'{prep}': a deadline"
    if prep:
        past, why = _past(g.verb)
        return (
            (0, f"'{g.prep}' with the {why}: a deadline set in the past") if past else (1, f"'{g.prep}' looks forward")
        )
    if g.verb is not None and g.verb.lemma_.lower() in FUTURE_GOV and _past(g.verb)[0]:
        return 0, f"the target of a plan made in the past ('{g.verb.text}'), on either side of the time of writing"
    if g.participle is not None and g.participle.tag_ == "VBG":
        return 0, f"'{g.participle.text}', a present participle: on either side of the time of writing"
    direction, why = direction_of(doc, start, end, text=text)
    leans = {LEAN_BACK: LEAN_BACK, LEAN_FORWARD: LEAN_FORWARD}
    return (direction, why) if direction in (-1, 1) else (leans.get(direction, 0), why)


def _as_soon_as_ahead(verb) -> bool:
    """`likely to buy as soon as trading opened Monday`: a temporal clause takes the time of its main clause,
    here one that lies ahead (future, modal or 'likely / expected to'), whatever the reported tense."""
    if (
        verb.dep_ != "advcl"
        or verb.head.lower_ not in ("soon", "early")
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        return False
    main = verb.head.head
    for _ in range(3):
        if any(a.dep_ == "aux" and (a.lower_ in FUTURE_AUX | MODAL_AUX or a.lemma_ == "will") for a in main.children):
            return True
        if main.lemma_.lower() in FUTURE_GOV:
            return True
        if main.head is main:
            break
        main = main.head
    return False


def _had(v) -> bool:
    """`had been due / scheduled / expected to`: the past perfect of a plan."""
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if v.lemma_.lower() in ("due", "likely", "ready", "set") and v.head is not v and v.head.lemma_ == "be":
        aux = aux + [c for c in v.head.children if c.dep_ in ("aux", "auxpass")] + [v.head]
    return any(a.lower_ == "had" for a in aux)


def _same_form_past(verb, aux: list) -> bool:
    """`Weakness hurt the composite`: 'hurt' with a singular subject is not a present, so it is the past."""
    return (
        verb.tag_ == "VBP"
        and not aux
        and verb.lower_ in SAME_FORM_PAST
        and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") and not any(x.dep_ == "conj" for x in c.children)
            for c in verb.children
        )
    )


def _perfect(verb, aux: list) -> bool:
    """`has risen`; `have been searching since ...` (begun in the past)."""
    have = any(a.lemma_ == "have" for a in aux)
    return (verb.tag_ == "VBN" and have) or (verb.tag_ == "VBG" and have and any(a.lower_ == "been" for a in aux))


def _past(verb) -> tuple[bool, str]:
    """Whether `verb` is in a past tense (the simple past, the perfect), and that in words."""
    if verb is None:
        return False, ""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODAL_AUX | FUTURE_AUX for a in aux):
        return False, ""
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return True, f"past tense of '{verb.text}'"
    if _same_form_past(verb, aux):
        return True, f"past tense of '{verb.text}' (a singular subject)"
    if _perfect(verb, aux):
        return True, f"perfect tense of '{verb.text}'"
    if verb.tag_ == "VBG" and not aux and verb.dep_ == "advcl" and verb.head is not verb:
        # a participle clause takes its main clause's tense ("the stock has fluctuated, rising ... in March")
        past, why = _past(verb.head)
        return past, why and f"{why}, whose clause '{verb.text}' is part of"
    return False, ""


def future_verb(doc, start: int, end: int) -> bool:
    """The expression's governing verb is in the future ('will', 'would', 'is to' + verb)."""
    verb = governor(doc, start, end).verb if doc is not None else None
    return verb is not None and any(
        a.lower_ in FUTURE_AUX | {"would"} or a.lemma_ == "will" for a in verb.children if a.dep_ in ("aux", "auxpass")
    )
