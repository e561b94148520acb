"""Cue words: lemmas, the learned cue table, and whether a cue reports on its own or is irrealis."""

from __future__ import annotations

from model.lexicon.grammar import MODAL_LEMMAS
from model.lexicon.speech import ATTRIB_CUES, FRAME_VERBS, LEARNED, REPORT_VERBS

OPENING_MARKS = {'"', "“", "‘", "«", "„"}  # a quotation opens (a straight mark: the first of its pair, after the cue)


def _cue_table(*tables) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for table in tables:
        for rel, lemmas in table.items():
            for word in lemmas.split():
                out.setdefault(word, set()).add(rel)
    return out


def coordinated_cue(c):
    """A cue verb the parse coordinated with the head of another cue's reported clause, though its form is the
    outer cue's and not the clause's: "said [he would order a review] and warned against …", "said [the country
    would declare …] and suggested that …" (warned, suggested: past, like said; declare under a modal), "said
    [Washington was to blame] and described …" (coordinated with the clause's infinitive). In the clause's own
    tense too when it goes on to words in quotation marks ("said [Moscow was open to talks] but warned against
    “any attempt …”": the quoted words are the speaker's). Its subject is the outer cue's, and its report is its
    own. The outer cue verb, or None."""
    head = c.head
    if c.pos_ != "VERB" or any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
        return None
    clause = head.head if head.dep_ == "xcomp" and c.dep_ == "conj" else head
    if clause.dep_ != "ccomp":
        return None
    outer = clause.head
    if outer.pos_ != "VERB" or lemma(outer) not in REPORT_VERBS or outer.tag_ not in ("VBD", "VBZ"):
        return None
    if c.dep_ == "conj" and (c.tag_ != outer.tag_ or head.tag_ == c.tag_ and not _goes_on_to_quoted_words(c)):
        return None
    if c.dep_ != "conj" and not (c.dep_ in ("advcl", "xcomp") and gloss_participle(c)):
        return None
    return outer if cue_reports(c) else None


def _goes_on_to_quoted_words(c) -> bool:
    """A speech verb whose own phrase, after it, opens a quotation: "warned against “any attempt …”"."""
    return lemma(c) in REPORT_VERBS and any(t.i > c.i and t.text in OPENING_MARKS for t in c.subtree)


def gloss_participle(t) -> bool:
    """A participle after a comma ending a clause: "…, citing …", "…, adding that …"."""
    return t.tag_ == "VBG" and t.i > 0 and t.doc[t.left_edge.i - 1].text == "," and t.left_edge.i == t.i


def cue_reports(t) -> bool:
    """A cue verb that reports on its own: speech, belief or intention, or a learned cue."""
    lem = lemma(t)
    return lem in REPORT_VERBS or lem in ATTRIB_CUES or lem in LEARNED_CUES


LEARNED_CUES = _cue_table(LEARNED)
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _american_spellings(*tables) -> dict[str, str]:
    """British spellings of the cues written -ize/-yze in the tables ("criticise" → "criticize", "analyse" →
    "analyze"), so that a cue reads the same in copy of either spelling."""
    known = set().union(*tables)
    endings = (("ize", "ise"), ("yze", "yse"))
    return {w[: -len(us)] + uk: w for w in known for us, uk in endings if w.endswith(us)}


AMERICAN = _american_spellings(REPORT_VERBS, ATTRIB_CUES, FRAME_VERBS, LEARNED_CUES)


def lemma(tok) -> str:
    """A verb's lemma, with the small model's slips mended ("hoped" → "hop") and British spellings read as the
    lexicons write them ("criticised" → "criticize"); the rules use it too."""
    low = tok.lower_
    if low in ("hoped", "hopes", "hoping"):
        return "hope"
    lem = tok.lemma_.lower()
    return AMERICAN.get(lem, lem)


def irrealis(v) -> bool:
    """Not a report of something said: "must answer whether", "did not say", "refused to say", "said:"
    (a colon introduces what follows, not the clause before)."""
    if v.lower_ == "according":
        return False
    for c in v.children:
        if c.dep_ == "neg" or c.dep_ == "aux" and c.lemma_.lower() in MODAL_LEMMAS:
            return True
    if v.dep_ == "xcomp" and v.head.lemma_.lower() not in ("go", "continue", "proceed"):
        return True
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    return nxt is not None and nxt.text == ":"
