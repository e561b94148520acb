"""Attributions found by a small learned model (logistic regression over parse features).

Candidates: every head word (verb, adjective, noun) outside quotation marks and one of its dependents that can
hold attributed content: a clause (`ccomp`), a to-infinitive (`xcomp`), an object (`dobj`) or a
preposition's object (`prep:about`, …). Each candidate is described by a handful of parse features
(`features`); `score` is a logistic regression whose weights (`weights.WEIGHTS`) were fitted on
PolNeAR train by `tests/tools/train_indirect.py` (see docs/rules/quotes.md, "Learned attributions"). The extractor keeps the
candidates that score at least the threshold and overlap no quote it already has.
"""

from __future__ import annotations

import math

from model.extract.quotes.context import is_document, is_people
from model.extract.quotes.cues import NAME_LABELS, irrealis, lemma
from model.extract.quotes.frames import subject_of
from model.extract.quotes.shapes import clean_range
from model.extract.quotes.speakers import Speaker
from model.extract.quotes.stance import attribution_kind
from model.lexicon.grammar import MODAL_WORDS, PRONOUN_KINDS
from model.lexicon.people import NOT_PEOPLE, THING_NOUNS
from model.lexicon.speech import COMPLIMENTS, DEEDS, QUOTING_VERBS, REFUSALS, STANCES
from model.records import Quote

ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "NORP": "norp"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj"}
CLAUSE_RELATIONS = {"ccomp", "xcomp", "acl"}  # a clause or a to-infinitive, not a noun phrase


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
    (`weights.CUES`)."""
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


def learned_quotes(ex, out: list[Quote]) -> list[Quote]:
    """Attributions of the learned model (`learned`): each candidate (a head and the dependent that
    would hold the content) outside the quotes found so far, best score first, none overlapping another."""
    from model.extract.quotes.weights import CUES, WEIGHTS

    taken = [(r.start, r.end) for r in out] + ex.reporters  # ("…, Interfax reported": where the words were read)
    scored = _scored_candidates(ex, taken, CUES, WEIGHTS)
    new = []
    for p, start, end, v, subj, rel in sorted(scored, key=lambda x: -x[0]):
        if p < min(ex.rules.learned_threshold, ex.rules.learned_stance_threshold, ex.rules.learned_unnamed_threshold):
            continue
        kind = attribution_kind(ex, lemma(v) if v.pos_ == "VERB" else "", rel, subj)
        sp = ex.resolver.resolve(subj, v.text) if subj is not None else None
        threshold = _threshold(ex.rules, kind, sp, lemma(v), rel)
        if p < threshold or any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        new.append(_learned_record(ex, p, start, end, v, sp, kind, rel.partition(":")[2]))
    return new


def _threshold(rules, kind: str, sp, lem: str, rel: str) -> float:
    """The score a candidate needs: reported speech its own (the seeds' gold, which annotates speech, holds it); a
    stance of someone named, or an unnamed source's belief or wish in a clause or an infinitive ("officials fear
    [that …]", "the ministry wants [to …]"), may score lower (stances are no speech; PolNeAR counts them). Never
    lower than speech: an unnamed source's noun phrase ("officials rejected [the claims]": a reaction the writer
    reports, as the rules have it), a compliment, a refusal or a deed."""
    if kind != "stance" or lem in COMPLIMENTS | REFUSALS | DEEDS:
        return rules.learned_threshold
    if sp is not None and sp.named and bool(sp.name):
        return rules.learned_stance_threshold
    return rules.learned_unnamed_threshold if rel in CLAUSE_RELATIONS else rules.learned_threshold


def _scored_candidates(ex, taken: list, cues, weights) -> list[tuple]:
    """(score, start, end, head, subject) of each candidate train attests (`cues`) within a paragraph, outside the
    quotes `taken`, that the rules' limits allow; every candidate so read also goes to `ex.candidates` when
    training collects them."""
    speech_sents = {f.cue.sent.start for f in ex.frames}
    scored = []
    for v, node, rel in candidates(ex.doc, ex.in_quote):
        attested = cue_key(v, rel) in cues  # a head word and relation train attests
        if not attested and ex.candidates is None:
            continue  # (training sees every candidate)
        rng = clean_range(ex, node.left_edge.i, node.right_edge.i + 1, node)
        if rng is None:
            continue
        toks = ex.doc[rng[0] : rng[1]]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if ex.para_of(start) != ex.para_of(end - 1) or any(a < end and start < b for a, b in taken):
            continue
        subj, _ = subject_of(ex, v) if v.pos_ == "VERB" else (adj_subject(v), "")
        kind = subject_kind(subj, ex.resolver.mention_at, is_people, lambda t: is_document(t, ex.rules))
        if not learned_allowed(ex, v, node, rel, subj, kind):
            continue
        feats = features(v, node, rel, kind, v.sent.start in speech_sents)
        p = score(feats, weights)
        if ex.candidates is not None:
            ex.candidates.append((feats, start, end, p, v.idx))
        if attested:
            scored.append((p, start, end, v, subj, rel))
    return scored


def _learned_record(ex, p: float, start: int, end: int, v, sp, kind: str, prep: str) -> Quote:
    """The record of a candidate the model kept, of `kind`: reported speech for a speech verb's clause, else a
    stance (`stance.attribution_kind`: "is critical of [the plan]", "has concerns about […]"), of speaker `sp`
    (maybe None); `prep`: the preposition its content is the object of ("call for"), or ""."""
    if sp is None or not sp.name:
        sp = Speaker(None, [], None, None, "speaker: unnamed (learned attribution)", 0.3)
    return Quote(
        start=start,
        end=end,
        text=ex.text[start:end],
        kind=kind,
        cue=f"{lemma(v)} {prep}" if prep else lemma(v),
        cue_start=v.idx,
        cue_end=v.idx + len(v.text),
        speaker=sp.name,
        speakers=list(sp.names),
        speaker_start=sp.start,
        speaker_end=sp.end,
        basis=sp.basis + f" (learned, p={p:.2f})",
        confidence=round(min(p, sp.confidence) * 0.85, 2),
    )


def learned_allowed(ex, v, node, rel: str, subj, kind: str) -> bool:
    """The rules' own limits hold for the learned model too: no modal, negated or colon-led cue
    (`irrealis`), no country's, party's or organisation's words (`QuoteRules.attrib_people_only`: "the two
    countries declared …"), only its stance (`QuoteRules.body_stances`: "the union opposed […]"), not the writer or the reader (I/we/you), no unnamed source when
    `QuoteRules.unnamed_indirect` is off, not evidence ("recent data
    suggests …", `THING_NOUNS`), a name as the object only of a stance (`STANCES`), and not the one quoted
    in "X quoted Y" (`QUOTING_VERBS`: the rules read "as saying")."""
    if (
        lemma(v) in QUOTING_VERBS
        or rel == "dobj"
        and (node.pos_ == "PROPN" or node.ent_type_ in NAME_LABELS)
        and lemma(v) not in STANCES
    ):
        return False
    if irrealis(v) or v.pos_ != "VERB" and v.head.pos_ in ("VERB", "AUX") and irrealis(v.head):
        return False
    if ex.rules.attrib_people_only and kind in ("gpe", "norp", "org"):
        stance = attribution_kind(ex, lemma(v) if v.pos_ == "VERB" else "", rel, subj) == "stance"
        if not (ex.rules.body_stances and stance):
            return False
    if kind in ("i", "you") or not ex.rules.unnamed_indirect and kind in ("people", "noun"):
        return False
    subj_lemma = subj.lemma_.lower() if subj is not None and subj.pos_ == "NOUN" else ""
    return subj_lemma not in THING_NOUNS and subj_lemma not in NOT_PEOPLE


def adj_subject(h):
    """The subject of an adjective's or a noun's clause ("X is critical of …", "X has concerns about …")."""
    cur = h
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
