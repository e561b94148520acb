"""Cues and frames: a speech verb, "according to" or a record, with its speaker token and what it reports
(`verb_frame` and friends)."""

from __future__ import annotations

from dataclasses import dataclass

from model.extract.quotes.context import FINITE_TAGS, Frame, is_document, is_people
from model.extract.quotes.cues import LEARNED_CUES, NAME_LABELS, coordinated_cue
from model.extract.quotes.cues import lemma as _lemma
from model.extract.quotes.shapes import (
    apostrophe_before,
    asked_set_off,
    clause_after_an_adjunct,
    clause_of,
    clean_range,
    colon_between,
    comma_after,
    comma_before,
    interrupted,
    minus,
    nominal_object,
    object_reach,
    reported_clause_start,
    stray_that,
    that_clause_in_pp,
    that_clause_on_the_addressee,
)
from model.extract.quotes.stance import attribution_kind
from model.lexicon.people import BODY_NOUNS
from model.lexicon.records import DOCUMENT_NOUNS
from model.lexicon.speech import (
    ACT_CUES,
    ATTRIB_ABOUT,
    ATTRIB_CLAUSE,
    ATTRIB_CUES,
    ATTRIB_FOR,
    ATTRIB_INFINITIVE,
    ATTRIB_OBJECT,
    COMMITMENTS,
    DEMAND_VERBS,
    FINDING_VERBS,
    FRAME_VERBS,
    NAMING_CUES,
    OBJECT_CONTROL_PREPS,
    ON_ABOUT_VERBS,
    QUOTING_VERBS,
    REPORT_VERBS,
    STANCES,
    SUBJECT_CONTROL,
)


def find_frames(ex) -> list[Frame]:
    doc = ex.doc
    frames = []
    for t in doc:
        if ex.in_quote[t.i]:
            continue
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            f = according_frame(ex, t)
        elif t.pos_ == "VERB" and (_lemma(t) in FRAME_VERBS or puts_it(t)):
            f = verb_frame(ex, t)
        elif t.pos_ == "VERB" and casts_as_a_quote(ex, t):
            f = _with_cue_words(verb_frame(ex, t), "as")
        elif t.pos_ == "VERB" and talks_on_about(t):
            f = _with_cue_words(verb_frame(ex, t), "on about")
        elif ex.rules.in_record and in_record(ex, t):
            f = according_frame(ex, t, t)
            if f is None or f.content is None:
                continue
            f.attrib = True
        elif ex.rules.attrib and t.pos_ == "VERB" and (_lemma(t) in ATTRIB_CUES or _lemma(t) in LEARNED_CUES):
            f = verb_frame(ex, t)
            if f is None or f.content is None:
                continue
            f.attrib = True
        else:
            continue
        if f is not None:
            clamp(ex, f)
            frames.append(f)
    return frames


def puts_it(v) -> bool:
    """ "as one aide put it", "As the memo puts it, …": "put it" in an as-clause reports the words of the clause it
    hangs on, like "as X said"."""
    kids = {(c.dep_, c.lower_) for c in v.children}
    return _lemma(v) == "put" and ("dobj", "it") in kids and ("mark", "as") in kids


def casts_as_a_quote(ex, v) -> bool:
    """ "has gone after Lane as a “greedy landlord”", "kept pounding him as a “fraud”": a verb with someone as its
    object (or its preposition's) and "as" + a quotation after it: the subject's words for them, like "described
    as"."""
    objects = [c for c in v.children if c.dep_ == "dobj"]
    objects += [o for c in v.children if c.dep_ == "prep" and c.lower_ != "as" for o in c.children if o.dep_ == "pobj"]
    if not any(o.ent_type_ == "PERSON" or o.lower_ in ("him", "her", "them") for o in objects):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(ex.in_quote[t.i] for t in c.subtree) for c in v.children
    ) and any(c.dep_ == "nsubj" for c in v.children)


def talks_on_about(v) -> bool:
    """ "went on about “…”", "harped on about": a verb of `ON_ABOUT_VERBS` with the particle "on" and "about" after
    it frames what it is about as someone's words."""
    kids = {(c.dep_, c.lower_) for c in v.children}
    return _lemma(v) in ON_ABOUT_VERBS and ("prt", "on") in kids and ("prep", "about") in kids


def clamp(ex, f: Frame) -> None:
    """A frame never reaches outside its cue's paragraph (the parser sometimes runs a headline or a
    boilerplate line into the next sentence)."""
    p = ex.para_of(f.cue.idx)
    p0, p1 = ex.paras[p] if p < len(ex.paras) else (0, len(ex.text))
    a, b = ex.tok_range(p0, p1)
    f.scope = (max(f.scope[0], a), min(f.scope[1], b))
    if f.content is not None:
        c0, c1 = max(f.content[0], a), min(f.content[1], b)
        f.content = (c0, c1) if c1 > c0 else None
    if f.subject is not None and not (a <= f.subject.i < b):
        # the subject the parser found lies in another paragraph: take the last name before the cue instead
        f.subject = None
        for i in range(f.cue.i - 1, a - 1, -1):
            m = ex.resolver.mention_at.get(i) if hasattr(ex, "resolver") else None
            if m is not None and m.label in ("PERSON", "ORG", "GPE", "NORP") and not ex.in_quote[i]:
                f.subject = ex.doc[i]
                f.subject_rule = "nsubj"
                break


def in_record(ex, t) -> bool:
    """ "In the poll, [Clinton leads …]", "In a statement, [the company denied …]": a record leading the
    clause it reports."""
    if t.lower_ != "in" or t.dep_ != "prep" or t.head.pos_ not in ("VERB", "AUX") or t.i > t.head.i:
        return False
    if _lemma(t.head) in REPORT_VERBS | ATTRIB_CLAUSE:
        return False  # "In the survey, 47 percent said …": the clause has its own source
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in DOCUMENT_NOUNS


def according_frame(ex, t, to=None) -> Frame | None:
    to = to if to is not None else ex.doc[t.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = t.head if t.head.i != t.i else None
    source_end = t.right_edge.i + 1
    name = _name_after_description(ex, pobj)
    if name is not None:  # "according to the state news agency Xinhua, …": the name the parse hung elsewhere
        pobj, source_end = name, max(source_end, name.i + 1)
    frame = Frame(t, "according", (t.idx, to.idx + len(to.text)), pobj, "according", (t.i, t.i + 1))
    if head is not None:
        a, b = head.left_edge.i, head.right_edge.i + 1
        frame.scope = (a, b)
        frame.content = minus(ex, a, b, t.left_edge.i, source_end, head)
    return frame


def _name_after_description(ex, pobj):
    """The last token of an organisation's or a person's name right after a description ("the state news agency
    [Xinhua]"), that the parse did not make the description's apposition; or None."""
    mention_at = ex.resolver.mention_at
    k = pobj.i + 1
    m = mention_at.get(k)
    if pobj.pos_ != "NOUN" or m is None or m.label not in ("ORG", "PERSON") or ex.in_quote[k] or pobj.i in mention_at:
        return None
    if ex.doc[k].head.i == pobj.i:
        return None  # the parse has it (an apposition or a compound): `Resolver.resolve` reads it
    while k + 1 < len(ex.doc) and mention_at.get(k + 1) is m:
        k += 1
    return ex.doc[k]


@dataclass
class ReportCue:
    """A report verb's parse around it, read once and shared by the rules of what it reports."""

    v: object  # the cue verb
    a: int  # its clause's token range [a, b)
    b: int
    subj: object  # its speaker token
    before: tuple | None  # a name before it, when the parse lost its subject (`name_before`)
    ccomp: object  # its reported clause, if the parse has one
    whole: tuple | None  # the sentence it interrupts, and its first clause (`interrupted`)
    frame: Frame


def _with_cue_words(f: Frame | None, words: str) -> Frame | None:
    if f is not None:
        f.cue_words = f"{f.cue_lemma} {words}"
    return f


def verb_frame(ex, v) -> Frame | None:
    """A frame for a cue verb: its speaker token and, for a report verb, what it reports: the first rule of
    `REPORT_CONTENT_RULES` that applies; for another cue, what it attributes (`attributed_content`)."""
    lemma = _lemma(v)
    subj, rule, before = _speaker_token(ex, v)
    if rule == "object" and lemma not in REPORT_VERBS:
        return None  # "accused Washington of [supporting the coup]": an act the accusation holds, no one's stance
    a, b = v.left_edge.i, v.right_edge.i + 1  # scope: the verb's clause without its subject
    frame = Frame(v, lemma, _cue_span(v), subj, rule, (a, b))
    if lemma not in REPORT_VERBS and not puts_it(v):
        if ex.rules.attrib:
            attributed_content(ex, frame)
        return frame
    whole = interrupted(ex, v, subj) if ex.rules.interrupted else None  # "A, he said, B": the sentence, and A
    cue = ReportCue(v, a, b, subj, before, _reported_clause(ex, v), whole, frame)
    for content_rule in REPORT_CONTENT_RULES:  # the first that applies decides
        if content_rule(ex, cue):
            break
    if (
        frame.content is None
        and ex.rules.attrib
        and (any(c.dep_ == "dobj" for c in v.children) or commits(ex, lemma) or lemma in ACT_CUES)
    ):
        attributed_content(ex, frame)  # "urged Congress to act": what someone was told to do; "pledged to act"
    elif frame.content is None and ex.rules.attrib and lemma in LEARNED_CUES:
        learned_content(ex, frame)
    return frame


def commits(ex, lemma: str) -> bool:
    """A cue of commitment ("pledged", "vowed"): its infinitive is what is attributed (`stance.attribution_kind`)."""
    return ex.rules.commitments and lemma in COMMITMENTS


def _speaker_token(ex, v):
    """The cue's speaker token, the rule that found it, and a name before the cue when the parse lost its subject."""
    subj, rule = subject_of(ex, v)
    outer = coordinated_cue(v) if ex.rules.coordinated_cues else None
    if outer is not None:  # "X said [he would order a review] and warned against …": X warned
        subj, rule = subject_of(ex, outer)[0], "inherited"
    before = None
    if v.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        before = name_before(ex, v)  # the parser lost the subject: "…, Daniel X, the agency's head, said"
        if before is not None:
            subj, rule = before[0], "nsubj"
    return subj, rule, before


def _cue_span(v) -> tuple[int, int]:
    """The cue's characters, with its particle right after it ("pointed out")."""
    prt = next((c for c in v.children if c.dep_ == "prt"), None)
    if prt is not None and prt.i == v.i + 1:
        return (v.idx, prt.idx + len(prt.text))
    return (v.idx, v.idx + len(v.text))


def _reported_clause(ex, v):
    """The clause a report verb takes: a ccomp outside the quotes first (not one before a colon that precedes the
    cue), else one in them, else a that-clause the parser hung on a noun ("said in a statement that …")."""
    asked = asked_set_off(v)  # "Mao Ning, [asked about …], said …": what she was asked, not what she said
    clauses = [
        c
        for c in v.children
        if c.dep_ == "ccomp"
        and not (ex.rules.colon_before_cue and colon_between(ex, c, v))
        and (asked is None or c.i != asked[0].i)
    ]
    ccomp = next((c for c in clauses if not ex.in_quote[c.i]), None)
    if ccomp is None:
        ccomp = next(iter(clauses), None)
    if ccomp is None:
        ccomp = that_clause_in_pp(ex, v)
    if ccomp is None:
        ccomp = that_clause_on_the_addressee(v)
    if ccomp is None and v.lemma_.lower() in REPORT_VERBS:
        ccomp = clause_after_an_adjunct(v)
    return ccomp


# What a report verb reports: each rule tells whether it applies to the cue (and then sets the frame's content and
# scope); the first that applies decides.


def interrupted_with_clauses(ex, cue: ReportCue) -> bool:
    """ "there is a risk, some Democrats said, that Mr. Sanders would push …": a clause on either side."""
    if cue.whole is None or cue.ccomp is None or cue.ccomp.i >= cue.v.i:
        return False
    cue.frame.scope = (min(cue.a, cue.whole[0]), max(cue.b, cue.whole[1]))
    cue.frame.content = clean_range(ex, *cue.whole)  # trimmed as the first clause: the second is no aside
    return True


def complement_clause(ex, cue: ReportCue) -> bool:
    """ "X said [that …]": the reported clause."""
    if cue.ccomp is None:
        return False
    ccomp = cue.ccomp
    start = reported_clause_start(ccomp)
    first = ex.doc[start]
    if first.lower_ == "that" and (first.dep_ in ("dobj", "advmod") and first.head.i == ccomp.i or stray_that(ccomp)):
        start += 1  # the clause's "that" parsed as an object or an adverb (`that_clause_on_the_addressee`, "at the
        # time that …") or as a word inside it ("on a conference call that …"): no word of the report
    aside = _opening_aside(ccomp, start)
    if aside is not None:
        start = aside.right_edge.i + 1  # "told journalists, [as quoted by Interfax,] that …": where it was read
    cue.frame.content = clean_range(ex, start, ccomp.right_edge.i + 1, ccomp)
    return True


def _opening_aside(clause, start: int):
    """An "as quoted by X" or "as reported by X" clause the reported clause opens with, or None."""
    return next(
        (
            c
            for c in clause.children
            if c.dep_ == "advcl"
            and c.left_edge.i == start
            and _lemma(c) in QUOTING_VERBS | REPORT_VERBS
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
        ),
        None,
    )


def inverted_attribution(ex, cue: ReportCue) -> bool:
    """Inverted or parenthetical: "S, X said" / "S, said X" with S as the head."""
    v, head, frame = cue.v, cue.v.head, cue.frame
    if not (
        v.dep_ in ("parataxis", "ccomp", "conj")
        and head.i < v.i
        and head.pos_ in ("VERB", "AUX")
        and comma_before(ex, v)
    ):
        return False
    a2 = head.left_edge.i
    frame.scope = (a2, max(cue.b, head.right_edge.i + 1))
    frame.content = minus(ex, a2, head.right_edge.i + 1, v.left_edge.i, v.right_edge.i + 1, head)
    after = (
        clean_range(ex, v.right_edge.i + 1, head.right_edge.i + 1, head)
        if v.right_edge.i + 1 < head.right_edge.i
        else None
    )
    if (
        ex.rules.interrupted
        and after is not None
        and frame.content is not None
        and comma_after(ex, v)
        and not any(ex.in_quote[i] for i in range(*after))
    ):
        # "It was, he said, one of the bitterest failures": the attribution interrupts one sentence,
        # reported whole (the attribution included, as in the parenthetical rule below)
        frame.content = clean_range(ex, a2, head.right_edge.i + 1, head)
    elif _longer_side(ex, frame.content, after):
        frame.content = after  # "Back in Virginia, Mr. Clarke said, he decided …": the longer side
    return True


def _longer_side(ex, content, after) -> bool:
    """The clause after an inverted attribution is a finite clause more than twice as long as the one before."""
    return (
        after is not None
        and content is not None
        and after[0] > content[0]
        and after[1] - after[0] > 2 * (content[1] - content[0])
        and any(t.tag_ in FINITE_TAGS for t in ex.doc[after[0] : after[1]])
    )


def interrupting_a_word(ex, cue: ReportCue) -> bool:
    """ "It was, he said, one of the bitterest failures": the cue hangs on a word of the clause it interrupts."""
    v, head = cue.v, cue.v.head
    if not (
        ex.rules.interrupted
        and v.dep_ == "parataxis"
        and head.i > v.i
        and head.pos_ not in ("VERB", "AUX")
        and (clause := clause_of(head)) is not None
        and clause.left_edge.i < v.left_edge.i
        and comma_before(ex, v)
        and comma_after(ex, v)
    ):
        return False
    cue.frame.scope = (min(cue.a, clause.left_edge.i), max(cue.b, clause.right_edge.i + 1))
    cue.frame.content = clean_range(ex, clause.left_edge.i, clause.right_edge.i + 1, clause)
    return True


def parenthetical_attribution(ex, cue: ReportCue) -> bool:
    """A parenthetical attribution inside the reported sentence: "Climate change, Mr. Obama often says, is the
    greatest threat": the whole sentence, the attribution included."""
    v, head = cue.v, cue.v.head
    if not (
        v.dep_ == "parataxis"
        and head.i > v.i
        and head.pos_ in ("VERB", "AUX")
        and comma_before(ex, v)
        and any(ex.doc[i].text in (",", "—", "–") for i in (v.right_edge.i, min(v.right_edge.i + 1, head.i)))
        and head.left_edge.i < v.left_edge.i
    ):
        return False
    a2, b2 = head.left_edge.i, head.right_edge.i + 1
    cue.frame.scope = (min(cue.a, a2), max(cue.b, b2))
    cue.frame.content = clean_range(ex, a2, b2, head)
    return True


def interrupted_elsewhere(ex, cue: ReportCue) -> bool:
    """The parse hangs the clauses of the sentence the cue interrupts elsewhere (see `interrupted`)."""
    if cue.whole is None:
        return False
    cue.frame.scope = (min(cue.a, cue.whole[0]), max(cue.b, cue.whole[1]))
    cue.frame.content = clean_range(ex, *cue.whole)  # trimmed as the first clause: the second is no aside
    return True


def clause_before_the_name(ex, cue: ReportCue) -> bool:
    """ "S, Daniel X, the agency's head, said": the sentence up to the comma that opens the attribution."""
    before, v = cue.before, cue.v
    if before is None or before[1] <= v.sent.start:
        return False
    cue.frame.content = clean_range(ex, v.sent.start, before[1], ex.doc[before[1] - 1])
    return True


def trailing_attribution_on_a_noun(ex, cue: ReportCue) -> bool:
    """ "The two sides will expand trade, Russia's state news agency TASS reported": the parse made the closing
    attribution a relative clause of the description before it; the sentence up to the comma that opens it."""
    v = cue.v
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    head = v.head
    if v.dep_ not in ("relcl", "acl") or subject is None or not head.i < v.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    comma = head.left_edge.i - 1
    if (
        comma <= v.sent.start
        or ex.doc[comma].text != ","
        or any(not (t.is_punct or t.is_space) for t in ex.doc[v.i + 1 : v.sent.end])
        or not any(t.tag_ in FINITE_TAGS for t in ex.doc[v.sent.start : comma])
    ):
        return False
    cue.frame.scope = (v.sent.start, cue.b)
    cue.frame.content = clean_range(ex, v.sent.start, comma, ex.doc[v.sent.start : comma].root)
    return True


def apostrophe_quotation(ex, cue: ReportCue) -> bool:
    """ "''Jobs, jobs, jobs,'' Mrs. Clinton said": the quotation in two apostrophes right before."""
    if cue.v.tag_ not in ("VBD", "VBZ", "VBP") or (marked := apostrophe_before(ex, cue.v, cue.subj)) is None:
        return False
    cue.frame.content = marked
    cue.frame.nominal = True  # the marks say these are the words, verb or not
    return True


def as_clause(ex, cue: ReportCue) -> bool:
    """ "As President Xi said in a statement, S": the clause the as-clause hangs on, without it."""
    v, head = cue.v, cue.v.head
    if not (
        v.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
        and head.pos_ in ("VERB", "AUX")
    ):
        return False
    a2, b2 = head.left_edge.i, head.right_edge.i + 1
    cue.frame.scope = (min(cue.a, a2), max(cue.b, b2))
    cue.frame.content = minus(ex, a2, b2, v.left_edge.i, v.right_edge.i + 1, head)
    return True


REPORT_CONTENT_RULES = (
    interrupted_with_clauses,
    complement_clause,
    inverted_attribution,
    interrupting_a_word,
    parenthetical_attribution,
    interrupted_elsewhere,
    clause_before_the_name,
    trailing_attribution_on_a_noun,
    apostrophe_quotation,
    as_clause,
)


def attributed_content(ex, f: Frame) -> None:
    """What a cue of belief or intention attributes: "believes [that …]", "wants [to …]", "called for […]": the first
    dependent after the cue that a rule of `ATTRIBUTED_RULES` takes (the first rule that applies to it decides);
    else what the learned table names (`learned_content`), or the clause a belief interrupts."""
    v = f.cue
    for c in v.children:
        if c.i < v.i or ex.in_quote[c.i]:
            continue
        if any(attributed_rule(ex, f, c) for attributed_rule in ATTRIBUTED_RULES):
            if c.dep_ == "dobj" or c.dep_ == "prep" and ex.rules.object_clauses:
                f.content = object_reach(ex, v, f.content)
            f.belief = f.content is not None
            f.kind = attribution_kind(ex, f.cue_lemma, c.dep_, f.subject)
            return
    if f.cue_lemma in LEARNED_CUES:
        learned_content(ex, f)
    if f.content is None:
        belief_interrupting(ex, f)


def _content(ex, f: Frame, node, nominal: bool = True, start=None) -> bool:
    f.content = clean_range(ex, node.left_edge.i if start is None else start, node.right_edge.i + 1, node)
    f.nominal = f.nominal or nominal
    return True


def belief_clause(ex, f: Frame, c) -> bool:
    """ "believes [that …]": the clause of a cue of belief."""
    return c.dep_ == "ccomp" and f.cue_lemma in ATTRIB_CLAUSE and _content(ex, f, c, nominal=False)


def intention_infinitive(ex, f: Frame, c) -> bool:
    """ "wants [to …]": the to-infinitive of a cue of intention."""
    return (
        c.dep_ == "xcomp"
        and f.cue_lemma in ATTRIB_INFINITIVE
        and c.pos_ in ("VERB", "AUX")
        and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
        and _content(ex, f, c)
    )


def demanded_object(ex, f: Frame, c) -> bool:
    """ "urged [restraint]", "urged [calm on both sides]": what a demand is for, an object that is no one (not with
    an infinitive after it: "urged Kyiv [to negotiate]", whom it is addressed to)."""
    v = f.cue
    return (
        c.dep_ == "dobj"
        and f.cue_lemma in DEMAND_VERBS
        and c.pos_ == "NOUN"
        and not c.ent_type_
        and not is_people(c)
        and c.lemma_.lower() not in BODY_NOUNS
        and not any(x.dep_ in ("xcomp", "ccomp") for x in v.children)
        and _content(ex, f, c)
    )


def naming_object(ex, f: Frame, c) -> bool:
    """ "called [the plan a disaster]": the object and what it is called."""
    v = f.cue
    if c.dep_ != "oprd" or f.cue_lemma not in NAMING_CUES or not any(x.dep_ == "dobj" for x in v.children):
        return False
    obj = next(x for x in v.children if x.dep_ == "dobj")
    return _content(ex, f, c, start=obj.left_edge.i)


def act_admitted_or_denied(ex, f: Frame, c) -> bool:
    """ "denied [providing weapons to Moscow]", "admitted [having misled the panel]": the act a cue of denial or
    admission takes as a gerund (a stance: no words reported, `stance.attribution_kind`)."""
    gerund = c.tag_ == "VBG" or c.tag_ == "VBN" and any(x.lower_ == "having" for x in c.children)
    acts_on = any(x.dep_ in ("dobj", "dative", "prep", "attr", "ccomp", "xcomp") for x in c.children)  # not "doing"
    return c.dep_ == "xcomp" and gerund and acts_on and f.cue_lemma in ACT_CUES and _content(ex, f, c)


def stance_object(ex, f: Frame, c) -> bool:
    """ "endorsed [her tax plan]": the object of a stance, no person."""
    return (
        c.dep_ == "dobj"
        and f.cue_lemma in ATTRIB_OBJECT
        and getattr(nominal_object(ex, f.cue), "i", -1) == c.i
        and _content(ex, f, c)
    )


def finding_object(ex, f: Frame, c) -> bool:
    """ "the poll shows [Clinton …]": what a record finds."""
    return (
        c.dep_ == "dobj"
        and f.cue_lemma in FINDING_VERBS
        and is_document(f.subject, ex.rules)
        and c.right_edge.i - c.left_edge.i >= 2
        and _content(ex, f, c)
    )


def spoken_about(ex, f: Frame, c) -> bool:
    """ "spoke about […]", "accused X of […]": the object of the cue's preposition (`ATTRIB_ABOUT`), no pronoun
    nor name; the rule applies even when there is none."""
    if c.dep_ != "prep" or c.lower_ not in ATTRIB_ABOUT.get(f.cue_lemma, ()):
        return False
    obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
    whom = next((x for x in f.cue.children if x.dep_ == "dobj" and f.cue.i < x.i < c.i), None)
    # one word is enough with someone it is against: "accused [Washington of hypocrisy]"
    if obj is not None and obj.pos_ not in ("PRON", "PROPN") and (whom or obj.right_edge.i - obj.left_edge.i >= 1):
        if whom is not None:  # "accused [Washington of …]": whom the stance is against, and what of
            _content(ex, f, obj, start=whom.left_edge.i)
            f.content = (f.content[0], max(f.content[1], obj.right_edge.i + 1)) if f.content else None
        else:
            _content(ex, f, obj)
            f.cue_words = f"{f.cue_lemma} {c.lower_}"
    return True


def accused_of_on_the_object(ex, f: Frame, c) -> bool:
    """ "accused [the United States of gross hypocrisy]": the parse hung the preposition on whom the stance is
    against, not on the cue; the same content as when it hangs on the cue (`spoken_about`)."""
    if c.dep_ != "dobj" or c.pos_ == "PRON":
        return False
    prep = next((x for x in c.children if x.dep_ == "prep" and x.lower_ in ATTRIB_ABOUT.get(f.cue_lemma, ())), None)
    obj = next((x for x in prep.children if x.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or obj.pos_ in ("PRON", "PROPN"):
        return False
    return _content(ex, f, c)


def called_for(ex, f: Frame, c) -> bool:
    """ "called for […]": what a demand is for, right after the cue; the rule applies even when there is none."""
    if c.dep_ != "prep" or c.lower_ != "for" or c.i != f.cue.i + 1 or f.cue_lemma not in ATTRIB_FOR:
        return False
    obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
    if obj is not None:
        _content(ex, f, obj)
        f.cue_words = f"{f.cue_lemma} for"
    return True


ATTRIBUTED_RULES = (
    belief_clause,
    intention_infinitive,
    act_admitted_or_denied,
    naming_object,
    stance_object,
    demanded_object,
    finding_object,
    spoken_about,
    accused_of_on_the_object,
    called_for,
)


def belief_interrupting(ex, f: Frame) -> None:
    """ "Ryan's endorsement, many think, is only a matter of time": a belief interrupting what is believed."""
    v = f.cue
    if not (
        ex.rules.interrupted
        and f.cue_lemma in ATTRIB_CLAUSE
        and v.dep_ == "parataxis"
        and v.tag_ in ("VBD", "VBZ", "VBP")
        and comma_before(ex, v)
        and comma_after(ex, v)
    ):
        return
    clause = clause_of(v.head)
    if clause is not None and clause.left_edge.i < v.left_edge.i < v.i < clause.right_edge.i:
        f.content = clean_range(ex, clause.left_edge.i, clause.right_edge.i + 1, clause)
        f.belief = f.content is not None
        f.kind = attribution_kind(ex, f.cue_lemma, "parataxis", f.subject)


def learned_content(ex, f: Frame) -> None:
    """The content of a cue of the learned table (`LEARNED`): the first dependent after the cue whose relation the
    table names for it, read by the first of `LEARNED_NODE_RULES` that finds a node."""
    v, rels = f.cue, LEARNED_CUES[f.cue_lemma]
    for c in v.children:
        if c.i < v.i or ex.in_quote[c.i]:
            continue
        node = next((n for rule in LEARNED_NODE_RULES if (n := rule(ex, f, c, rels)) is not None), None)
        if node is None:
            continue
        f.content = clean_range(ex, node.left_edge.i, node.right_edge.i + 1, node)
        if node.dep_ == "dobj" or node.dep_ in ("pobj", "pcomp") and ex.rules.object_clauses:
            f.content = object_reach(ex, v, f.content)
        f.nominal = node.dep_ != "ccomp"
        f.belief = f.content is not None
        f.kind = attribution_kind(ex, f.cue_lemma, node.dep_, f.subject)
        if node.dep_ in ("pobj", "pcomp"):
            f.cue_words = f"{f.cue_lemma} {node.head.lower_}"
        return


def learned_clause(ex, f: Frame, c, rels):
    return c if c.dep_ == "ccomp" and "ccomp" in rels else None


def learned_object(ex, f: Frame, c, rels):
    """ "discussed [the tax plan]"; a name only as the object of a stance ("endorsed [Clinton]")."""
    if (
        c.dep_ == "dobj"
        and "dobj" in rels
        and c.pos_ != "PRON"
        and (c.pos_ != "PROPN" and c.ent_type_ not in NAME_LABELS or ex.rules.name_objects and f.cue_lemma in STANCES)
    ):
        f.named_object = c.pos_ == "PROPN" or c.ent_type_ in NAME_LABELS
        return c
    return None


def learned_infinitive(ex, f: Frame, c, rels):
    if (
        c.dep_ == "xcomp"
        and "xcomp" in rels
        and c.pos_ in ("VERB", "AUX")
        and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
    ):
        return c
    return None


def learned_preposition(ex, f: Frame, c, rels):
    """ "see X as [Y]", "talk about [Y]": the object of the preposition the table names; not a verb of saying after
    it ("was cited by CCTV as [saying] …": the saying frames the report, `quoted_in_the_passive`)."""
    if c.dep_ == "prep" and c.lower_ in rels:
        node = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
        if node is not None and node.tag_ == "VBG" and node.lemma_.lower() in REPORT_VERBS:
            return None
        return node
    return None


LEARNED_NODE_RULES = (learned_clause, learned_object, learned_infinitive, learned_preposition)


def name_before(ex, v):
    """A name right before a finite speech verb that has no subject in the parse ("…, Price said"), or
    before an apposition between commas ("…, Daniel X, the agency's top diplomat, said"):
    (name token, index of the comma that opens the attribution, or -1) or None."""
    doc = ex.doc
    mention_at = ex.resolver.mention_at

    def named(i):
        m = mention_at.get(i)
        return m if m is not None and m.label in ("PERSON", "ORG") and not ex.in_quote[i] else None

    def opening(i, m):
        while i - 1 >= 0 and mention_at.get(i - 1) is m:
            i -= 1
        j = i - 1
        while j >= 0 and (doc[j].lower_ in ("the", "a") or doc[j].dep_ == "compound"):
            j -= 1
        return j if j >= 0 and doc[j].text in (",", "—", "–") else -1

    k = v.i - 1
    if k > 0 and doc[k].text == ")":  # "Rep. Elijah E. Cummings (D-Md.) said"
        while k > max(0, v.i - 8) and doc[k].text != "(":
            k -= 1
        k = k - 1 if doc[k].text == "(" else v.i - 1
    if k >= 0 and named(k):
        return doc[k], opening(k, named(k))
    if v.i + 1 < len(doc) and named(v.i + 1) and named(v.i + 1).label == "PERSON":
        return doc[v.i + 1], -1  # "Said Ellis: …", "…, said Daniel Russell"
    limit = max(v.sent.start, v.i - 25)
    for i in range(v.i - 1, limit, -1):
        t = doc[i]
        if ex.in_quote[i] or t.tag_ in FINITE_TAGS or t.text in (".", ";", ":", "\n"):
            return None
        if t.text == "," and named(i - 1):
            return doc[i - 1], opening(i - 1, named(i - 1))
    return None


def name_after_quote(ex, v):
    """A speech verb right after a quote whose speaker the parse lost in the attribution: a name opening it
    ("“…” Trump, the 2016 GOP front-runner …, said", "“…” Nate Silver, the polling guru who founded
    fivethirtyeight.com tweeted") or right after the verb ("“…” said retired neurosurgeon Ben Carson",
    "said Oversight ranking Democrat Elijah Cummings (D-Md.)"). The name token, or None."""
    doc = ex.doc
    close = ex.prev_quote_tok(v.i)
    if close < 0 or ex.para_of(doc[close].idx) != ex.para_of(v.idx):
        return None
    k = close + 1
    while k < v.i and (doc[k].is_punct and not ex.in_quote[k]):
        k += 1  # the closing mark and a comma
    between = doc[k : v.i]
    if len(between) > 30 or any(
        t.text in (".", ";", ":", "?", "!") or "\n" in t.text or ex.in_quote[t.i] for t in between
    ):
        return None
    return _name_opening_attribution(ex, k, v) if k < v.i else _name_after_verb(ex, v)


def _name_opening_attribution(ex, k: int, v):
    """ "“…” Trump, the 2016 GOP front-runner …, said": the last token of a person's name at k (not a possessive)."""
    doc, mention_at = ex.doc, ex.resolver.mention_at
    m = mention_at.get(k)
    if m is None or m.label != "PERSON" or doc[k].text[:1].islower():
        return None
    j = k
    while j + 1 < v.i and mention_at.get(j + 1) is m:
        j += 1
    if j + 1 < len(doc) and doc[j + 1].tag_ == "POS":
        return None  # "“…” Trump's aide said": not Trump
    return doc[j]


def _name_after_verb(ex, v):
    """ "“…” said retired neurosurgeon Ben Carson": the last token of the first person named right after the verb,
    not a modifier ("a Trump supporter")."""
    doc, mention_at = ex.doc, ex.resolver.mention_at
    for t in doc[v.i + 1 : v.i + 8]:
        if t.is_punct and t.text not in ("-", "."):
            return None
        m = mention_at.get(t.i)
        if m is not None and m.label == "PERSON" and not ex.in_quote[t.i]:
            while t.i + 1 < len(doc) and mention_at.get(t.i + 1) is m:
                t = doc[t.i + 1]
            return t if t.dep_ not in ("compound", "poss", "amod", "nmod") else None
    return None


def subject_of(ex, v):
    """The speaker token of a speech verb, and the rule that found it: the first of `SUBJECT_RULES` that finds one
    (the last always answers, maybe with no token)."""
    for subject_rule in SUBJECT_RULES:
        found = subject_rule(ex, v)
        if found is not None:
            return found
    return None, "nsubj"


def footage_of_a_name(ex, v):
    """ "footage of Hillary Clinton asking, “…”", "a clip of Trump saying": the name the participle hangs on."""
    prev = ex.doc[v.i - 1] if v.i > 0 else None
    if (
        v.tag_ == "VBG"
        and prev is not None
        and prev.pos_ == "PROPN"
        and prev.dep_ == "pobj"
        and prev.head.lower_ == "of"
        and not ex.in_quote[prev.i]
    ):
        return prev, "nsubj"
    return None


def quoted_as_saying(ex, v):
    """ "X quoted Y as saying": the one quoted speaks."""
    if v.tag_ == "VBG" and v.head.lower_ == "as" and v.head.head.lemma_.lower() in QUOTING_VERBS:
        obj = next((c for c in v.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj, "quoted-as"
    return None


def quoted_in_the_passive(ex, v):
    """ "“…,” X was quoted as saying by Interfax", "X was quoted by Reuters as saying": the one quoted speaks, never
    the agency that quotes them."""
    if _lemma(v) in QUOTING_VERBS:
        subj = next((c for c in v.children if c.dep_ == "nsubjpass" and not ex.in_quote[c.i]), None)
        if subj is not None:
            return subj, "quoted-as"
    return None


def quoted_in_a_clause(ex, v):
    """ "X quoted Y, saying …" parsed as a clause of the quoting verb: the one quoted speaks."""
    if v.dep_ == "advcl" and v.head.lemma_.lower() in QUOTING_VERBS:
        obj = next((c for c in v.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj, "quoted-as"
    return None


def asked_by_someone(ex, v):
    """ "Rubio was asked by moderator Gerard Baker whether …": who asks a person speaks (not "the email, which was
    first reported by The Associated Press")."""
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if (
        by is not None
        and not ex.in_quote[by.i]
        and any(c.dep_ == "nsubjpass" and (c.pos_ == "PROPN" or c.lower_ in ("he", "she", "they")) for c in v.children)
    ):
        return by, "nsubj"
    return None


def subject_up_the_clauses(ex, v):
    """The verb's own subject, else that of the clauses it depends on, up to five (`CLAUSE_SUBJECT_RULES`), the
    rule "inherited" once above the verb."""
    cur, rule = v, "nsubj"
    for _ in range(5):
        for clause_rule in CLAUSE_SUBJECT_RULES:
            found = clause_rule(ex, v, cur, rule)
            if found is not None:
                return found
        if not _inherits_subject(v, cur):
            break
        if cur.dep_ == "ccomp" and cur.tag_ not in ("VBG", "VB"):
            return None, rule
        doer = _object_controls(cur)
        if doer is not None:  # "scolded Romney for suggesting …": Romney suggests
            return doer, "object"
        cur = cur.head
        rule = "inherited"
    return None, rule


def _object_controls(clause):
    """ "accused Washington of [supporting the coup]", "scolded Romney for [suggesting …]", "criticized him for
    [saying …]": a gerund after of/against/for/from/on/with whose verb has someone for its object (a name or a
    pronoun) is what that someone does, not the verb's subject ("told Reuters in commenting on …", "by saying that
    …" are the subject's; "took the step of announcing", "used the question to demand" too): that object, or None."""
    if clause.dep_ != "pcomp" or clause.head.dep_ != "prep" or clause.head.lower_ not in OBJECT_CONTROL_PREPS:
        return None
    verb = clause.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SUBJECT_CONTROL:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in NAME_LABELS) else None


def _inherits_subject(v, cur) -> bool:
    """A clause that takes the subject of the one it hangs on (a conjunct, a participle, an infinitive …)."""
    return (
        cur.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "dep")
        or cur.dep_ == "advmod"
        and cur.pos_ == "ADV"
        and cur is not v
    ) and cur.head.i != cur.i


def explicit_subject(ex, v, cur, rule):
    """The clause's subject (a passive one only above the verb); the parse may hang the quote's own subject on the
    verb too ("“My reaction …,” Obama's strategist said"): the one outside the quote speaks. A relative pronoun
    stands for the noun its clause hangs on."""
    deps = ("nsubj",) if cur is v else ("nsubj", "nsubjpass")
    subjs = [c for c in cur.children if c.dep_ in deps]
    subj = next((c for c in subjs if not ex.in_quote[c.i]), subjs[0] if subjs else None)
    if subj is None:
        return None
    if subj.lower_ in ("who", "that", "which") and cur.dep_ == "relcl":
        return cur.head, rule
    return subj, rule


def relative_clause_noun(ex, v, cur, rule):
    """A relative clause with no subject of its own: the noun it hangs on."""
    if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
        return cur.head, rule
    return None


def participle_noun(ex, v, cur, rule):
    """ "officials saying …": the noun a participle hangs on."""
    if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.tag_ == "VBG":
        return cur.head, "inherited"
    return None


def name_of_a_lost_root(ex, v, cur, rule):
    """ "Aaron Kall, the director of debate at …, compared": the parse lost the root, hanging it on the name; "The
    Chinese leader, for his part, called on …": on a description it made the root of a sentence with no verb."""
    if not (cur.dep_ == "acl" and cur.head.i < cur.i and cur.i > 0 and ex.doc[cur.i - 1].text == ","):
        return None
    head = cur.head
    if cur is v and head.pos_ == "PROPN" and lost_root(ex, cur):
        return head, rule
    if head.pos_ == "NOUN" and head.dep_ == "ROOT" and cur.tag_ in ("VBD", "VBN"):
        return head, rule
    return None


def subject_set_off_by_a_question(ex, v):
    """ "Mao Ning, asked about the exchange, said …": the subject the parse gave the participle set off before the
    verb (`asked_set_off`)."""
    found = asked_set_off(v)
    return (found[1], "nsubj") if found is not None and not ex.in_quote[found[1].i] else None


SUBJECT_RULES = (
    footage_of_a_name,
    subject_set_off_by_a_question,
    quoted_as_saying,
    quoted_in_the_passive,
    quoted_in_a_clause,
    asked_by_someone,
    subject_up_the_clauses,
)
CLAUSE_SUBJECT_RULES = (explicit_subject, relative_clause_noun, participle_noun, name_of_a_lost_root)


def lost_root(ex, v) -> bool:
    """A verb the parse hung on the name before it as a participle ("Aaron Kall, the director …, compared
    Trump to …") is that name's finite verb: past or present, or a past participle that is no passive
    (no "by" agent, no preposition right after: not "Clinton, criticized by many," nor "X, quoted in …")."""
    if v.tag_ in ("VBD", "VBZ"):
        return True
    nxt = ex.doc[v.i + 1] if v.i + 1 < len(ex.doc) else None
    return (
        v.tag_ == "VBN"
        and not any(c.dep_ == "agent" for c in v.children)
        and nxt is not None
        and nxt.pos_ != "ADP"
        and not nxt.is_punct
    )
