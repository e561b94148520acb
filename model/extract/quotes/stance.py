"""Stances: an attributed position with no reported words ("accused Washington of …", "criticised the sanctions",
"called for talks", "expressed opposition to …", "believes the deal is dead", "wants to run"), told apart from
reported speech ("said [that …]", "urged them [to leave]"): a reader must not take a stance for someone's words."""

from __future__ import annotations

from model.extract.quotes.context import is_document
from model.lexicon.speech import ACT_CUES, COMMITMENTS, REPORT_VERBS, STANCE_CLAIM_NOUNS

# The dependents of a speech verb that report what was said: its clause, its infinitive ("told them to leave").
WORDS_DEPS = ("ccomp", "xcomp")


def attribution_kind(ex, cue_lemma: str, dep: str, subject) -> str:
    """ "indirect" when a cue of attribution reports words: a speech verb's clause or infinitive, or what a record
    (a poll, a report) finds, its words in other words; else "stance": a belief, a wish, an object or a
    preposition's object ("criticised [the sanctions]", "accused [X of …]", "called for [talks]"), and what someone
    pledged, vowed, promised or threatened to do ("pledged [to cut taxes]": a commitment, no words reported)."""
    if is_document(subject, ex.rules):
        return "indirect"
    if ex.rules.commitments and cue_lemma in COMMITMENTS and dep == "xcomp":
        return "stance"
    if cue_lemma in ACT_CUES and dep == "xcomp":  # "denied [providing weapons]": an act denied, no words
        return "stance"
    if cue_lemma in REPORT_VERBS and dep in WORDS_DEPS or cue_lemma == "say":
        return "indirect"  # (what is said is words, in a headline's clause without a verb too: "Putin says [ties …]")
    return "stance"


def claim_kind(noun_lemma: str) -> str:
    """A claim noun's that-clause: a stance for a belief, a hope, a fear ("her belief that …"), reported speech for
    a claim, a warning, a promise ("his claim that …")."""
    return "stance" if noun_lemma in STANCE_CLAIM_NOUNS else "indirect"
