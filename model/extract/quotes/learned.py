"""Attributions found by a small learned model (logistic regression over parse features).

Candidates: every head word (verb, adjective, noun) outside quotation marks and one of its dependents that can
hold attributed content: a clause (`ccomp`), a to-infinitive (`xcomp`), an object (`dobj`) or a
preposition's object (`prep:about`, …). Each candidate is described by a handful of parse features
(`features`); `score` is a logistic regression whose weights (`quotes_weights.WEIGHTS`) were fitted on
PolNeAR train by `tests/tools/train_indirect.py` (see docs/rules/quotes.md, "Learned attributions"). The extractor keeps the
candidates that score at least the threshold and overlap no quote it already has.
"""

from __future__ import annotations

import math

from model.lexicon.grammar import MODAL_WORDS, PRONOUN_KINDS

ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "NORP": "norp"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj"}


def lemma(tok) -> str:
    """A verb's lemma, with the small model's slips mended ("hoped" → "hop"); the rules use it too."""
    low = tok.lower_
    return "hope" if low in ("hoped", "hopes", "hoping") else tok.lemma_.lower()


def subject_kind(subj, mention_at, people, document) -> str:
    """What kind of source the subject is: a person's name, a pronoun, people, an organisation, a record …"""
    if subj is None:
        return "none"
    m = mention_at.get(subj.i)
    if m is not None:
        return ENTITY_KINDS.get(m.label, "ent")
    low = subj.lower_
    if low in PRONOUN_KINDS:
        return PRONOUN_KINDS[low]
    if subj.pos_ == "PROPN":
        return "propn"
    if document(subj):
        return "doc"
    if people(subj):
        return "people"
    if subj.pos_ == "NOUN":
        return "noun"
    return "other"


def candidates(doc, in_quote):
    """(head, dependent, relation) for every head word with a dependent that may hold attributed content."""
    for v in doc:
        if in_quote[v.i] or v.pos_ not in ("VERB", "ADJ", "NOUN"):
            continue
        for c in v.children:
            if c.i < v.i or in_quote[c.i]:
                continue
            if c.dep_ in CONTENT_DEPS:
                if c.dep_ == "xcomp" and not any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                    continue
                if c.dep_ == "dobj" and c.pos_ == "PRON":
                    continue
                yield v, c, c.dep_
            elif c.dep_ == "acl" and v.pos_ == "NOUN" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                yield v, c, "acl"
            elif c.dep_ == "prep":
                node = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if node is not None and node.pos_ != "PRON":
                    yield v, node, "prep:" + c.lower_


def cue_key(v, rel: str) -> str:
    """The candidate's head word and relation, its `LR=` feature: the model fires only on those train attests
    (`quotes_weights.CUES`)."""
    return f"LR={lemma(v)}|{rel}"


def features(v, node, rel, subj_kind, sent_has_speech: bool) -> list[str]:
    """The candidate's features: the head's lemma with the relation, the source's kind, negation, modality,
    the head's place in the sentence and the content's shape."""
    lem = lemma(v)
    neg = any(c.dep_ == "neg" for c in v.children)
    modal = any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in v.children)
    n = node.right_edge.i - node.left_edge.i + 1
    size = "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-12" if n <= 12 else "13+"
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in node.subtree)
    first = (
        node.left_edge.lower_ if node.left_edge.lower_ in ("that", "to", "if", "whether", "how", "what", "why") else "x"
    )
    ent = node.ent_type_ or "-"
    return [
        "bias",
        f"L={lem}",
        cue_key(v, rel),
        f"R={rel}",
        f"P={v.pos_}",
        f"PR={v.pos_}|{rel}",
        f"S={subj_kind}",
        f"SR={subj_kind}|{rel}",
        f"SL={subj_kind}|{lem}",
        f"T={v.tag_}",
        f"D={v.dep_}",
        f"DR={v.dep_}|{rel}",
        f"neg={neg}",
        f"modal={modal}",
        f"size={size}",
        f"RS={rel}|{size}",
        f"fin={finite}",
        f"RF={rel}|{finite}",
        f"first={first}",
        f"NP={node.pos_}",
        f"NE={ent}",
        f"RNP={rel}|{node.pos_}",
        f"speech={sent_has_speech}",
        f"head_in_first={v.i == v.sent.start}",
    ]


def cue(feats: list[str]) -> str:
    """The `cue_key` among a candidate's features (training reads it off the dumped rows)."""
    return feats[2]


def score(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
