"""Reported speech without quotation marks: a frame's content as an indirect quote, and a person's claim as a
noun with a that-clause."""

from __future__ import annotations

from model.extract.quotes.context import FINITE_TAGS, Frame, is_document, is_people
from model.extract.quotes.cues import irrealis
from model.extract.quotes.shapes import apostrophe_run, asked_set_off, clean_range
from model.extract.quotes.speakers import Speaker, group_of_a_member
from model.extract.quotes.stance import claim_kind
from model.lexicon.events import EVENT_NOUNS
from model.lexicon.grammar import UNNAMED_PRONOUNS
from model.lexicon.people import BODY_NOUNS, PEOPLE_QUANTIFIERS, THING_NOUNS
from model.lexicon.records import DOCUMENT_NOUNS, WRITINGS
from model.lexicon.speech import (
    ADDRESSEE_VERBS,
    ATTRIB_FOR,
    CLAIM_NOUNS,
    DEMAND_VERBS,
    REPORT_VERBS,
    SHOWING_VERBS,
    STANCES,
)
from model.records import Quote


def claim_quotes(ex) -> list[Quote]:
    """A person's claim as a noun with its that-clause: "Trump's claim that [he opposed the war]", "her
    belief that […]" (`CLAIM_NOUNS`); the owner a person named, or his/her for one."""
    claims = (_claim_quote(ex, t) for t in ex.doc if t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_NOUNS)
    return [q for q in claims if q is not None]


def _claim_quote(ex, t) -> Quote | None:
    """The claim noun t's that-clause as an indirect quote of its owner, a person named; or None."""
    if ex.in_quote[t.i]:
        return None
    clause = next(
        (
            c
            for c in t.children
            if c.dep_ in ("acl", "ccomp")
            and c.i > t.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    if clause is None or owner is None:
        return None
    if owner.lower_ in ("his", "her"):
        sp = ex.resolver.pronoun(owner, t.text, "he" if owner.lower_ == "his" else "she")
    else:
        sp = ex.resolver.resolve(owner, t.text)
    if sp is None or sp.label != "PERSON" or not sp.named:
        return None
    rng = clean_range(ex, clause.left_edge.i, clause.right_edge.i + 1, clause)
    if rng is None or rng[1] - rng[0] < 3 or any(ex.in_quote[i] for i in range(*rng)):
        return None
    a, b = ex.doc[rng[0]].idx, ex.doc[rng[1] - 1].idx + len(ex.doc[rng[1] - 1].text)
    return Quote(
        start=a,
        end=b,
        text=ex.text[a:b],
        kind=claim_kind(t.lemma_.lower()),
        cue=t.lemma_.lower(),
        cue_start=t.idx,
        cue_end=t.idx + len(t.text),
        speaker=sp.name,
        speakers=list(sp.names),
        speaker_start=sp.start,
        speaker_end=sp.end,
        basis=f"speaker: the one whose '{t.text}' it is ({sp.name})",
        confidence=0.6,
    )


def asked_of_the_subject(ex, q: Quote) -> bool:
    """A report or stance whose cue is a passive verb of addressing with no agent: "When asked whether [the city
    should …], the mayor said …", "Asked about [the plan], she …", "He was told that […]": the words are the asker's
    or the teller's, whom the sentence does not name, not the subject's, who was asked or told."""
    if q.kind not in ("indirect", "stance") or q.cue_start is None or q.cue_end is None:
        return False
    span = ex.doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    v = span[0]
    # (the tagger's "Asked whether …, X …"; "X, asked about …, said": a participle on the name)
    participle = v.tag_ == "VBN" or v.tag_ == "VBD" and v.dep_ in ("advcl", "acl")
    if asked_set_off(v.head) is not None and asked_set_off(v.head)[0].i == v.i:
        return True  # "Mao Ning, asked about the exchange, said …"
    if v.lemma_.lower() not in ADDRESSEE_VERBS or not participle or any(c.dep_ == "agent" for c in v.children):
        return False
    deps = {c.dep_ for c in v.children}
    return bool(deps & {"auxpass", "nsubjpass"}) or "nsubj" not in deps


def unnamed_source(ex, f: Frame) -> bool:
    """Reported in a clause by a source we cannot name: people or a body described by a common noun
    ("officials said …", "a source said …", "the campaign says …", "according to the union, …",
    "environmentalists worry that …") or a pronoun we cannot resolve ("they say …", "It says …"). The
    source must be the explicit subject of a finite cue (or the object of "according to"), never I/we/you
    (the writer, the reader), and what it reports a clause, not a noun phrase."""
    if not _may_be_unnamed(ex, f) or not _explicit_subject(f):
        return False
    subj = group_of_a_member(f.subject) or f.subject  # "one of the aides said …": the aides
    for rule in UNNAMED_SOURCE_RULES:
        decided = rule(ex, f, subj)
        if decided is not None:
            return decided
    return False


def _may_be_unnamed(ex, f: Frame) -> bool:
    """Unnamed sources are on, there is a subject, and a noun phrase is reported only by an unresolved pronoun or a
    body ("They want to …", "The campaign wants to …")."""
    subj = f.subject
    return not (
        not ex.rules.unnamed_indirect
        or subj is None
        or f.nominal
        and not (ex.rules.unnamed_pronoun_nominal and subj.lower_ in UNNAMED_PRONOUNS)
        and not (ex.rules.body_nominal and (is_body(subj) or is_people(subj)))
    )


def is_body(tok) -> bool:
    """A common noun for a body that speaks ("the ministry", "the Chinese government", "state media"); also one the
    tagger took for a name though written in lower case ("The Chinese foreign ministry")."""
    common = tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_lower
    return common and (tok.lemma_.lower() in BODY_NOUNS or tok.lower_ in BODY_NOUNS)


def _explicit_subject(f: Frame) -> bool:
    """The explicit subject of a finite cue (a perfect too, with its clause after it, "officials have warned that
    …", or closing the sentence as its main clause, "…, the ambassador has said", not "…, as some exporters had
    suggested"), or the object of "according to"."""
    subj = f.subject
    return f.cue_lemma == "according" or (
        (
            f.cue.tag_ in ("VBD", "VBZ", "VBP")
            or _present_tagged_bare(f.cue)
            or _perfect(f.cue)
            and f.content is not None
            and (f.content[0] > f.cue.i or _closing_main_clause(f.cue))
        )
        and f.subject_rule == "nsubj"
        and subj.dep_ == "nsubj"
        and subj.head.i == f.cue.i
    )


def _present_tagged_bare(verb) -> bool:
    """ "…, aides to Ms. Varga say, …": a present the tagger took for a bare verb after a name. With a subject of its
    own and no auxiliary (a modal's "would say", an infinitive's "to say"), it is finite."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _closing_main_clause(verb) -> bool:
    """ "Trade is settled in roubles, the ambassador has said.": the cue is the sentence's root, after what it
    reports, with no conjunction of its own ("as")."""
    return verb.dep_ == "ROOT" and not any(c.dep_ == "mark" for c in verb.children)


def _perfect(verb) -> bool:
    """ "have warned", "has said": a participle with the auxiliary "have" (not a passive)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        verb.tag_ == "VBN"
        and any(a.dep_ == "aux" and a.lemma_ == "have" for a in auxes)
        and not any(a.dep_ == "auxpass" for a in auxes)
    )


def unresolved_pronoun(ex, f: Frame, subj) -> bool | None:
    """ "they say …", "some say …": a pronoun we cannot resolve, or a quantifier of people (not "according to")."""
    if subj.lower_ in UNNAMED_PRONOUNS or subj.lower_ in PEOPLE_QUANTIFIERS:
        return f.cue_lemma != "according"
    return None


def missed_name(ex, f: Frame, subj) -> bool | None:
    """A name the recogniser missed or mislabelled ("Trump says …" with Trump as no entity)."""
    return True if subj.pos_ == "PROPN" and f.cue_lemma != "according" and ex.rules.untagged_names else None


def any_noun_that_speaks(ex, f: Frame, subj) -> bool | None:
    """ "cement makers argue that …", "the story noted that …", "according to the ad tracker, …"
    (`QuoteRules.according_any_noun`; in lower case: not a title the recogniser missed, "according to Small's No
    Limits"): a common noun reporting a clause, not evidence."""
    if (
        ex.rules.any_noun_speaks
        and subj.pos_ == "NOUN"
        and (f.cue_lemma in REPORT_VERBS or f.attrib or ex.rules.according_any_noun and _according(f) and subj.is_lower)
        and not f.nominal
        and subj.lemma_.lower() not in THING_NOUNS
        and not a_happening_that_shows(f, subj)
    ):
        return True
    return None


def a_happening_that_shows(f: Frame, subj) -> bool:
    """ "the visit underlined how dependent Moscow had become", "the talks showed that …": a happening (an event noun,
    not a writing: "the report showed" is the report's) as the subject of a verb of showing speaks no words."""
    lemma = subj.lemma_.lower()
    return f.cue_lemma in SHOWING_VERBS and lemma in EVENT_NOUNS and lemma not in WRITINGS | DOCUMENT_NOUNS


def people_or_body(ex, f: Frame, subj) -> bool:
    """ "officials said …", "the campaign says …": people or a body described by a common noun."""
    return is_people(subj) or is_body(subj)


UNNAMED_SOURCE_RULES = (unresolved_pronoun, missed_name, any_noun_that_speaks, people_or_body)


def _according(f: Frame) -> bool:
    return f.cue_lemma == "according" and f.cue.lower_ == "according"


def _speech_with_speaker(f: Frame) -> bool:
    return f.cue_lemma in REPORT_VERBS and not f.attrib and f.speaker is not None and bool(f.speaker.name)


def reports_a_speaker(f: Frame, frames: list[Frame]) -> bool:
    """ "X said the talks failed, according to the reports": an "according to" whose clause holds a speech verb with
    a speaker of its own, or that ends such a verb's clause (the parse may hang it on the reported verb: "X said
    the talks were “frank” and that Y, according to the reports"); the words are X's (the report is where the
    writer read them), one record, X's. Not a speech verb that reports nothing yet ("X will propose a plan,
    according to aides": the aides' report of what X is to say)."""
    if not _according(f) or f.content is None:
        return False
    a, b = f.content
    return any(
        g is not f and _speech_with_speaker(g) and not irrealis(g.cue) and (a <= g.cue.i < b or _trails(g, f))
        for g in frames
    )


def trailing_reporters(ex, frames: list[Frame]) -> set[int]:
    """ "The ministry said the drills would end on Friday, Interfax reported": "reported" closing the sentence, its
    subject after a comma, joined by the parse to an earlier speech verb with a speaker of its own (its clause, its
    head, or its sibling). The words are that speaker's (the reporter is where the writer read them; "…, the
    spokesman said" is the speaker of what comes before, not this): the earlier verb's clauses end before the
    reporter (in place; one that is the reporter is none), and no later rule takes the reporter for a clause
    (`ex.reporters`). The ids of the reporters' frames (to leave out)."""
    found = set()
    for g in frames:
        outer = _reported_by(g, frames)
        if outer is None:
            continue
        found.add(id(g))
        cut = g.subject.left_edge.i - 1  # the comma
        ex.reporters.append((g.subject.left_edge.idx, g.cue.idx + len(g.cue.text)))
        for f in frames:
            if f is g or f.cue.i != outer.i or f.content is None:
                continue
            a, b = f.content
            f.content = None if a >= cut else (a, _before_punctuation(g.cue.doc, a, min(b, cut)))
    return found


def _in_a_document(cue) -> bool:
    """ "…, the Kremlin said in a readout of the call.": the cue closes its sentence with the document it was said
    in (where the writer read the words it reports)."""
    words = [t for t in cue.doc[cue.i + 1 : cue.sent.end] if not (t.is_punct or t.is_space)]
    return (
        len(words) >= 2
        and words[0].lower_ == "in"
        and words[0].head.i == cue.i
        and any(t.lemma_.lower() in DOCUMENT_NOUNS and t.head.i == words[0].i for t in words[1:])
        and all(words[0].is_ancestor(t) for t in words[1:])
    )


def reports_anothers_words(g: Frame, frames: list[Frame]) -> bool:
    """ "Putin said C, the Kremlin said in a readout", "…, Interfax reported": `g` is where the writer read an earlier
    speaker's words, not a speaker of them."""
    return _reported_by(g, frames) is not None


def _reported_by(g: Frame, frames: list[Frame]):
    """The cue of the earlier speech verb whose words `g` reports after them (`trailing_reporters`), or None."""
    if g.cue_lemma not in ("report", "say") or g.subject is None or not g.subject.i < g.cue.i:
        return None
    doc, start = g.cue.doc, g.subject.left_edge.i
    after = range(g.cue.i + 1, g.cue.sent.end)
    if start == 0 or doc[start - 1].text != ",":
        return None
    if g.cue_lemma == "say" and not _in_a_document(g.cue):
        return None  # "…, the spokesman said": the speaker of what comes before
    if g.cue_lemma == "report" and any(doc[i].is_alpha for i in after):
        return None
    joined = (g.cue.head, *(c for c in g.cue.children if c.dep_ in ("ccomp", "parataxis")))
    joined = (*joined, *(c for j in joined for c in j.children if c.dep_ == "conj"))  # "X conveyed … and said …"
    return next(
        (
            f.cue
            for f in frames
            if f is not g and f.cue.i < start and _speech_with_speaker(f) and any(t.i == f.cue.i for t in joined)
        ),
        None,
    )


def _before_punctuation(doc, a: int, b: int) -> int:
    while b > a and doc[b - 1].is_punct:
        b -= 1
    return b


def _trails(f: Frame, according: Frame) -> bool:
    """Whether the "according to" phrase of `according` ends the clause `f` reports (nothing but punctuation
    after it there)."""
    if f.content is None:
        return False
    a, b = f.content
    cue = according.cue
    if not a < cue.i < b or cue.right_edge.i + 1 < b:
        return False
    return not any(cue.doc[i].is_alpha for i in range(cue.right_edge.i + 1, b))


def without_trailing_according(ex, f: Frame, frames: list[Frame]) -> None:
    """A speech verb's clause ending in ", according to …" that names where the writer read it: the clause without
    it (in place)."""
    if f.content is None or not _speech_with_speaker(f):
        return
    a = f.content[0]
    for g in frames:
        if not _according(g) or not _trails(f, g):
            continue
        cut = _before_punctuation(ex.doc, a, g.cue.left_edge.i)
        if cut > a:
            f.content = (a, cut)


def indirect_quote(ex, f: Frame) -> Quote | None:
    """A frame's content as an indirect quote, unless a rule of `NOT_REPORTED` says it is none."""
    if f.content is None:
        return None
    if quoted_inside(ex, f, False):
        f.content = clause_outside_quotes(ex, f)  # "said it was “a mistake” and that [they would appeal]"
        if f.content is None:
            return None
    unnamed = (f.speaker is None or not f.speaker.name or not f.speaker.named) and not is_document(f.subject, ex.rules)
    if any(rule(ex, f, unnamed) for rule in NOT_REPORTED):
        return None
    toks = ex.doc[f.content[0] : f.content[1]]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return _indirect_record(ex, f, *apostrophe_run(ex, start, end, f))


def no_source(ex, f: Frame, unnamed: bool) -> bool:
    """Reported speech needs someone we can name, or an unnamed source we can describe."""
    return unnamed and not unnamed_source(ex, f)


def not_said(ex, f: Frame, unnamed: bool) -> bool:
    """ "must answer whether", "did not say", "said:" (`irrealis`)."""
    return irrealis(f.cue)


def a_policy(ex, f: Frame, unnamed: bool) -> bool:
    """ "China fears …", "both sides agreed …": a policy the writer describes, not a claim (but a person's campaign
    plans what the person plans); shown as a stance, it is the body's position (`QuoteRules.body_stances`: "the
    union opposed [the merger]", "Beijing vowed [to retaliate]"), never its words."""
    return (
        f.belief
        and ex.rules.attrib_people_only
        and not (ex.rules.body_stances and f.kind == "stance")
        and not unnamed
        and f.speaker.label != "PERSON"
        and not is_document(f.subject, ex.rules)
        and "speaking for" not in f.speaker.basis
    )


def quoted_inside(ex, f: Frame, unnamed: bool) -> bool:
    """The quoted words inside are the quote (words in single marks stay reported: `double_marked`)."""
    a, b = f.content
    return any(ex.in_quote[i] and (not ex.rules.single_marks_indirect or ex.double_marked(i)) for i in range(a, b))


def too_short(ex, f: Frame, unnamed: bool) -> bool:
    """ "endorsed [Clinton]", "cited [disparaging remarks]"; not "[the countries]", but a stance's object may be
    one noun ("opposed [the measure]", `QuoteRules.short_stance_objects`), and so may a demand's ("called for
    [restraint]", "called for [a ceasefire]")."""
    toks = ex.doc[f.content[0] : f.content[1]]
    stance = ex.rules.short_stance_objects and f.kind == "stance"
    demand = _a_demand(f) and any(t.pos_ == "NOUN" for t in toks)  # not "called for [him]"
    one_word = f.named_object or stance and (f.cue_lemma in STANCES or demand)
    return sum(1 for t in toks if t.is_alpha) < (1 if one_word else 3) and not (
        f.nominal and sum(1 for t in toks if t.is_alpha and t.pos_ not in ("DET", "PRON")) >= 2
    )


def _a_demand(f: Frame) -> bool:
    """ "called for […]", "pushed for […]", "urged […]", "demanded […]": what a demand is for (`frames.called_for`,
    `frames.demanded_object`)."""
    return f.cue_lemma in DEMAND_VERBS or f.cue_lemma in ATTRIB_FOR and f.cue_words == f"{f.cue_lemma} for"


def no_clause(ex, f: Frame, unnamed: bool) -> bool:
    """A clause needs a finite verb (a noun phrase may not), "according to" a verb; not words in two apostrophes
    (`in_apostrophes`: "''Get a grip,'' he said": the marks say these are the words, verb or not)."""
    toks = ex.doc[f.content[0] : f.content[1]]
    if (
        not any(t.tag_ in FINITE_TAGS or _past_tagged_participle(t) for t in toks)
        and f.cue_lemma != "according"
        and not f.nominal
    ):
        return not (ex.rules.apostrophe_words and in_apostrophes(ex, toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return f.cue_lemma == "according" and not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _past_tagged_participle(t) -> bool:
    """ "said Moscow highly valued Beijing's position": a past tense the tagger took for a participle, with a name or
    a pronoun of its own for subject and no auxiliary (not "said that claim smacked of …", whose "that" may be the
    conjunction the parse lost: a first version took it, cut short, on PolNeAR dev)."""
    return (
        t.tag_ == "VBN"
        and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in t.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
    )


def in_apostrophes(ex, start: int, end: int) -> bool:
    """The characters start..end are all a quotation in two apostrophes: "''[Get a grip],''"."""
    before = ex.text[max(0, start - 3) : start].rstrip()
    after = ex.text[end : end + 4].lstrip(",.?!")
    return before.endswith("''") and after.startswith("''") and "''" not in ex.text[start:end]


def across_paragraphs(ex, f: Frame, unnamed: bool) -> bool:
    toks = ex.doc[f.content[0] : f.content[1]]
    return ex.para_of(toks[0].idx) != ex.para_of(toks[-1].idx + len(toks[-1].text) - 1)


NOT_REPORTED = (no_source, not_said, a_policy, quoted_inside, too_short, no_clause, across_paragraphs)


def clause_outside_quotes(ex, f: Frame) -> tuple[int, int] | None:
    """A reported clause mixing a quoted fragment and words of the writer's: the clause coordinated after the
    fragment's ("said the plan was “a mistake” and that [the court would overturn it]"), with a "that" or a
    subject of its own and no quotation marks, as a token range; or None."""
    a, b = f.content
    head = ex.doc[a:b].root
    for c in head.children:
        if c.dep_ != "conj" or c.i < a or c.i >= b:
            continue
        if not any(x.dep_ in ("mark", "nsubj", "nsubjpass") for x in c.children):
            continue
        # the clause to the content's end: a trailing "according to …" cut off it may hang on the clause's verb
        rng = clean_range(ex, c.left_edge.i, min(c.right_edge.i + 1, b), c)
        if rng is not None and not _quoted_between(ex, *rng):
            return rng
    return _clause_before_the_fragment(ex, head, a, b)


def _clause_before_the_fragment(ex, head, a: int, b: int) -> tuple[int, int] | None:
    """ "said [Beijing was not a party to the conflict] and rejected what it called “groundless accusations”": the
    reported clause with a subject of its own and no marks, before the coordinated predicate that holds the
    fragment, as a token range; or None."""
    if not any(x.dep_ in ("nsubj", "nsubjpass") for x in head.children):
        return None
    quoted = [
        c
        for c in head.children
        if c.dep_ == "conj" and a <= c.i < b and _quoted_between(ex, c.left_edge.i, c.right_edge.i + 1)
    ]
    if not quoted:
        return None
    end = quoted[0].left_edge.i
    while end > a and (ex.doc[end - 1].dep_ == "cc" or ex.doc[end - 1].is_punct):
        end -= 1
    rng = clean_range(ex, a, end, head) if end > head.i else None
    return rng if rng is not None and not _quoted_between(ex, *rng) else None


def _quoted_between(ex, a: int, b: int) -> bool:
    """Some token of [a, b) is inside quotation marks."""
    return any(ex.in_quote[i] for i in range(a, b))


def _indirect_record(ex, f: Frame, start: int, end: int) -> Quote:
    sp = (
        f.speaker
        if f.speaker is not None and f.speaker.name
        else Speaker(
            None,
            [],
            f.subject.idx,
            f.subject.idx + len(f.subject.text),
            f"speaker: unnamed ('{f.subject.text}' resolves to no one)",
            0.3,
        )
    )
    cue = f.cue_lemma if f.cue_lemma != "according" else "according to" if f.cue.lower_ == "according" else "in"
    conf = sp.confidence * 0.85
    return Quote(
        start=start,
        end=end,
        text=ex.text[start:end],
        kind=f.kind,
        cue=f.cue_words or cue,
        cue_start=f.cue_span[0],
        cue_end=f.cue_span[1],
        speaker=sp.name,
        speakers=list(sp.names),
        speaker_start=sp.start,
        speaker_end=sp.end,
        basis=sp.basis,
        confidence=round(conf, 2),
    )
