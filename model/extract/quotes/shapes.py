"""Content shapes: the token range a cue reports, trimmed and cut (`clean_range`), and the constructions around
a cue (commas, colons, interrupted sentences, apostrophe quotations)."""

from __future__ import annotations

from model.extract.datelines import inside
from model.extract.quotes.context import FINITE_TAGS, Frame
from model.extract.quotes.cues import coordinated_cue, cue_reports
from model.lexicon.grammar import MODAL_LEMMAS, OBJECT_PREPS, SUBORDINATORS
from model.lexicon.people import GROUP_NOUNS, PEOPLE_NOUNS
from model.lexicon.speech import (
    ASKING_VERBS,
    GATHERINGS,
    GLOSS_PARTICIPLES,
    REPORT_VERBS,
    TELLING_VERBS,
    UNTOLD_VERBS,
    VAGUE_OBJECTS,
)


def object_reach(ex, v, rng):
    """A stance's object with the phrases the parse hung on the verb right after it, which say what the
    stance is about: "criticized [Clinton for having ties to Wall Street]", "identify [unique hurdles in the
    way of immigrants …]", "backed [Ron Paul for the presidency]", "shows [Clinton with a lead …]"; not a
    date ("endorsed [her plan] on Tuesday")."""
    if rng is None or not ex.rules.object_reach:
        return rng
    a, b = rng
    for c in sorted((c for c in v.children if c.i >= b), key=lambda c: c.i):
        if c.left_edge.i != b or any(t.ent_type_ in ("DATE", "TIME") or ex.in_quote[t.i] for t in c.subtree):
            break
        if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
            b = c.right_edge.i + 1
        elif (
            ex.rules.object_clauses
            and c.pos_ in ("VERB", "AUX")
            and (
                c.dep_ in ("xcomp", "advcl")
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                or c.dep_ == "ccomp"
                and not any(x.dep_ == "mark" for x in c.children)
            )
        ):
            b = c.right_edge.i + 1  # "called for [women to wear …]", "cited [remarks Trump had made …]"
        else:
            break
    return clean_range(ex, a, b, ex.doc[a]) if b > rng[1] else rng


def nominal_object(ex, v):
    """What a speech verb reports when it takes a noun phrase: "stressed her support of the raid",
    "admitted using the tax code", "warned against potential hackers". Not a person or a pronoun (the
    addressee: "assured Patrushev"), not a bare noun ("said something")."""
    for c in v.children:
        if c.i < v.i or ex.in_quote[c.i]:
            continue
        obj = None
        if c.dep_ in ("dobj", "xcomp") and (c.pos_ == "NOUN" or c.tag_ == "VBG"):
            obj = c
        elif c.dep_ == "prep" and c.lower_ in ("about", "against", "on", "of", "for") and c.i == v.i + 1:
            obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if obj.right_edge.i - obj.left_edge.i < 2 or obj.lemma_.lower() in VAGUE_OBJECTS:
            continue
        return obj
    return None


def that_clause_in_pp(ex, v):
    """ "said in a statement that …": the parser hangs the that-clause on the noun; "said at the time that …" too,
    as a relative clause of "time" whose "that" it reads as the relative's adverb."""
    for prep in v.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for c in pobj.children:
                if c.dep_ not in ("acl", "ccomp", "relcl") or c.i < pobj.i:
                    continue
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or _at_the_time_that(prep, c):
                    return c
                if c.dep_ == "relcl" and stray_that(c):
                    return c
    return None


def stray_that(clause) -> bool:
    """ "told reporters on a conference call that preparations were under way": the parser made the clause a
    relative of "call" and its "that" a word of it (here a second object of "under", which has "way"; "told
    reporters after the talks that the sides had agreed to expand settlements": of "expand"); a clause
    with a subject of its own right after "that", whose "that" the tagger read as a conjunction or the parser hung
    where no relative pronoun can stand: a that-clause, not a relative ("a call that he made" stays one)."""
    that = clause.doc[clause.left_edge.i]
    subject = _subject_before(clause)
    if that.lower_ != "that" or subject is None or subject.left_edge.i != that.i + 1:
        return False
    if that.dep_ in ("dobj", "pobj"):  # a second object ("under [that] … way", "expand [that] … settlements")
        return any(o.dep_ == that.dep_ and o.i != that.i for o in that.head.children)
    return that.tag_ == "IN" and that.dep_ not in ("nsubj", "nsubjpass", "det")


def _at_the_time_that(prep, clause) -> bool:
    """ "at the time that the talks had failed": the fixed phrase "at the time", then a clause opened by "that"."""
    first = clause.doc[clause.left_edge.i]
    return (
        prep.lower_ == "at"
        and clause.dep_ == "relcl"
        and clause.head.lower_ == "time"
        and first.lower_ == "that"
        and first.dep_ in ("advmod", "mark")
        and first.i == clause.head.i + 1
    )


def that_clause_on_the_addressee(v):
    """ "told a daily briefing that China had never provided weapons": the parser read the that-clause as a relative
    clause on the verb's object. Taken as the report when "that" cannot be the relative's pronoun: a "that" marking
    the clause, or an object of a verb that has an object of its own ("told a story that he had heard" stays a
    story)."""
    if v.lemma_ not in TELLING_VERBS:
        return None
    for obj in v.children:
        if obj.dep_ not in ("dobj", "dative") or not _people_told(obj):
            continue
        for c in obj.children:
            if c.dep_ not in ("relcl", "acl") or c.i < obj.i:
                continue
            that = c.doc[c.left_edge.i]
            if that.lower_ != "that" or that.head.i != c.i:
                continue
            other_object = any(x.dep_ in ("dobj", "attr") and x.i != that.i for x in c.children)
            if that.dep_ == "mark" or that.dep_ == "dobj" and other_object:
                return c
    return None


def clause_after_an_adjunct(v):
    """ "said after the hearing she would not accept …": the parser hangs the reported clause on the verb as an
    adverbial clause when a phrase of the saying's stands between them. Taken as the report when it has its own
    subject before its verb, a finite verb, and no conjunction of its own ("if", "because", "as": a real adverbial
    clause); the phrase before its subject is the saying's (`reported_clause_start`)."""
    for c in v.children:
        if c.dep_ != "advcl" or c.i < v.i or any(m.dep_ == "mark" for m in c.children):
            continue
        subject = _subject_before(c)
        finite = c.tag_ in FINITE_TAGS or any(
            a.dep_ in ("aux", "auxpass") and a.tag_ in FINITE_TAGS for a in c.children
        )
        if subject is not None and finite and _phrases_of_the_saying(v, subject):
            return c
    return None


def _phrases_of_the_saying(v, subject) -> bool:
    """Whether the words between the verb and the clause's subject are phrases of the saying ("after the hearing",
    "on Tuesday", "last week"), not a clause's opening word ("when", "after polls closed")."""
    for t in v.doc[v.i + 1 : subject.left_edge.i]:
        if t.lower_ in SUBORDINATORS and not (t.dep_ == "prep" and any(c.dep_ == "pobj" for c in t.children)):
            return False
        if t.pos_ in ("VERB", "AUX"):
            return False
    return True


def reported_clause_start(clause) -> int:
    """Where a reported clause's words start: at its subject when the parser hung the saying's own phrase on an
    adverbial clause before it (`clause_after_an_adjunct`), else at its left edge."""
    subject = _subject_before(clause) if clause.dep_ == "advcl" else None
    return subject.left_edge.i if subject is not None else clause.left_edge.i


def _subject_before(clause):
    """The clause's own subject, before its verb, or None."""
    return next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < clause.i), None)


def _people_told(obj) -> bool:
    """An object that is people, or a gathering of them ("reporters", "a daily briefing", "Congress")."""
    lemma = obj.lemma_.lower()
    return obj.ent_type_ in ("PERSON", "ORG", "NORP") or any(lemma in words for words in _TOLD)


_TOLD = (PEOPLE_NOUNS, GROUP_NOUNS, GATHERINGS)  # the nouns of people, or of a gathering of them, one may tell


def colon_between(ex, c, v) -> bool:
    """A clause ending before a colon (or a semicolon) that precedes the cue: "The mood has shifted: Republicans
    said [they're convinced …]" — what comes before the colon is not what the cue after it reports."""
    return c.i < v.i and any(t.text in (":", ";") for t in ex.doc[c.right_edge.i + 1 : v.i])


def comma_after(ex, v) -> bool:
    """The attribution ends with a comma or a dash ("…, he said, …", "…, the agency said in a report, …"):
    past the cue only its own short modifiers (a time, a place, a manner: no clause), then the comma."""
    doc = ex.doc
    for j in range(v.i + 1, min(len(doc), v.i + 10)):
        if doc[j].text in (",", "—", "–", "-", "--"):
            return True
        top = doc[j]
        while top.head.i != v.i and top.head.i != top.i and top.i != v.i:
            top = top.head
        if top.head.i != v.i or top.dep_ not in (
            "npadvmod",
            "advmod",
            "prep",
            "prt",
            "pobj",
            "det",
            "amod",
            "compound",
            "nummod",
        ):
            return False
    return False


def clause_of(t):
    """The verb whose clause a word belongs to (the nearest verb among its heads), or None."""
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def interrupted(ex, v, subj) -> tuple[int, int, object] | None:
    """A finite cue that heads its sentence in the parse but stands between commas inside what it reports:
    "Though that transition was seamless, he said, replacing Clinton would be much more acrimonious" (the
    clauses on either side hang on "said"; or the second is the head the cue hangs on, or a clause coordinated
    with the first: "The middle fifth paid 8.9 percent, the agency said in a June report, and those in the
    bottom fifth paid 0.8 percent"). The whole sentence, the attribution included, and the first clause; or
    None."""
    if (
        v.dep_ not in ("ROOT", "parataxis")
        or v.tag_ not in ("VBD", "VBZ", "VBP")
        or subj is None
        or subj.i > v.i
        or not comma_before(ex, subj)
        or not comma_after(ex, v)
    ):
        return None
    sent = v.sent
    left = [c for c in v.children if c.i < subj.left_edge.i and c.dep_ in ("advcl", "ccomp", "parataxis")]
    right = [c for c in v.children if c.i > v.i and c.dep_ in ("advcl", "ccomp", "xcomp", "parataxis", "conj")]
    if v.dep_ == "parataxis" and v.head.i > v.i:
        right.append(v.head)
    right = [c for c in right if any(t.tag_ in FINITE_TAGS for t in c.subtree)]
    if not left or not right or any(ex.in_quote[i] for i in range(sent.start, sent.end)):
        return None
    return sent.start, sent.end, left[0]


def comma_before(ex, v) -> bool:
    i = v.left_edge.i
    if ex.doc[i].text not in (",", "—", "–", "-", "--"):
        i -= 1
    return i >= 0 and ex.doc[i].text in (",", "—", "–", "-", "--")


def minus(ex, a: int, b: int, ca: int, cb: int, head):
    """Range [a, b) without the cue's own span [ca, cb): the side that holds the head."""
    if ca <= head.i < cb:
        return None
    if head.i < ca:
        sent = ex.doc[ca].sent
        end = sent.end
        while end > cb and (ex.doc[end - 1].is_punct or ex.doc[end - 1].is_space):
            end -= 1
        if (
            ex.rules.closing_attribution
            and a > sent.start
            and cb >= end
            and ca > 0
            and ex.doc[ca - 1].text == ","
            and not any(ex.in_quote[i] for i in range(sent.start, a))
        ):
            a = sent.start  # "A, while B, according to X": the attribution closing the sentence covers it all
        return clean_range(ex, a, ca, head)
    return clean_range(ex, cb, b, head)


def clean_range(ex, a: int, b: int, head) -> tuple[int, int] | None:
    """Trim a reported clause [a, b) whose head is `head`, by each of `RANGE_TRIMS` in turn: a coordinated clause
    with its own subject ("…, and both sides have agreed …"), an apposition with a relative clause, the writer's
    gloss, leading 'that'/conjunctions/punctuation and trailing punctuation. None when nothing is left."""
    for trim in RANGE_TRIMS:
        a, b = trim(ex, a, b, head)
    return (a, b) if b > a else None


def cut_coordinated_clauses(ex, a: int, b: int, head) -> tuple[int, int]:
    """A clause coordinated with the head that has its own subject (or is a second predicate, or a cue of its own) is
    cut off ("…, and both sides have agreed …"), unless its "that" keeps it under the same cue ("said [A, but that
    B]")."""
    doc = ex.doc
    for c in _conjuncts(head):
        if a <= c.i < b and _own_clause(ex, c.head, c):
            cut = c.left_edge.i
            while cut > a and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].is_punct):
                cut -= 1
            if cut > head.i:
                b = min(b, cut)
    return a, b


def _conjuncts(head):
    """The head's conjuncts, and those of its infinitive ("[was to blame] and described …": the parse hangs the
    second verb on "blame")."""
    for x in (head, *(x for x in head.children if x.dep_ == "xcomp")):
        yield from (c for c in x.children if c.dep_ == "conj")


def _own_clause(ex, head, c) -> bool:
    return (
        any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        or ex.rules.split_predicates
        and second_predicate(head, c)
        or ex.rules.coordinated_cues
        and coordinated_cue(c) is not None
    ) and not (ex.rules.keep_that_clauses and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children))


def cut_relative_appositions(ex, a: int, b: int, head) -> tuple[int, int]:
    """ "…, a move that would escalate the conflict": a gloss on the clause after a comma, cut off."""
    doc = ex.doc
    for t in doc[a:b]:
        if (
            t.dep_ in ("appos", "npadvmod", "dobj")
            and t.head.i == head.i
            and t.i > head.i
            and t.i - 1 >= a
            and doc[t.left_edge.i - 1].text == ","
            and any(c.dep_ == "relcl" for c in t.children)
        ):
            b = min(b, t.left_edge.i - 1)
    return a, b


def cut_glosses(ex, a: int, b: int, head) -> tuple[int, int]:
    """The writer's gloss after a comma ("…, up from $185 billion", "…, indicating …") or a new speech act of the
    speaker's ("…, calling …", "…, adding …"), its own quote: cut off at the first."""
    doc = ex.doc
    for i in range(a + 2, b - 1):
        t = doc[i]
        if (
            doc[i - 1].text == ","
            and (
                t.lower_ in ("up", "down")
                and doc[i + 1].lower_ == "from"
                or t.tag_ == "VBG"
                and (
                    t.lower_ in GLOSS_PARTICIPLES
                    or t.lemma_.lower() in REPORT_VERBS
                    or ex.rules.coordinated_cues
                    and cue_reports(t)
                )
            )
            or _without_telling(doc, i, b)
        ):
            return a, min(b, i - 1)
    return a, b


def _without_telling(doc, i: int, b: int) -> bool:
    """ "…, without giving a date", "…, without elaborating": what the speaker did not tell, the writer's remark."""
    return (
        doc[i].lower_ == "without"
        and i + 1 < b
        and doc[i + 1].tag_ == "VBG"
        and (doc[i + 1].lemma_.lower() in UNTOLD_VERBS or doc[i + 1].lemma_.lower() in REPORT_VERBS)
    )


def trim_edges(ex, a: int, b: int, head) -> tuple[int, int]:
    """Leading 'that', conjunctions and punctuation (not a question word: "whether …"), trailing punctuation."""
    doc = ex.doc
    while (
        a < b
        and (doc[a].dep_ in ("mark", "cc", "punct") or doc[a].is_punct or doc[a].is_space)
        and doc[a].lower_ not in ("if", "whether", "why", "how", "what", "when", "where")
    ):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return a, b


def cut_dateline(ex, a: int, b: int, head) -> tuple[int, int]:
    """ "BEIJING (Reuters) – [China will …], the ministry said": the dateline opening the paragraph is not said."""
    line = inside(ex.resolver.datelines, ex.doc[a].idx) if a < b else None
    while line is not None and a < b and ex.doc[a].idx < line[1]:
        a += 1
    return a, b


MAX_DANGLING_OBJECT = 6  # words after a dangling preposition taken as its object


def past_a_dangling_preposition(ex, a: int, b: int, head) -> tuple[int, int]:
    """ "said the two countries would step up coordination at [the U.N.]": the parse ended the sentence at "at" (an
    abbreviation's full stop read as the sentence's); the words after it, to the paragraph's end, are its object
    when they hold no verb."""
    doc = ex.doc
    if not (a < b < len(doc)) or doc[b - 1].dep_ != "prep" or any(c.dep_ == "pobj" for c in doc[b - 1].children):
        return a, b
    if doc[b].is_punct or doc[b].is_space:
        return a, b  # "something to think about.": the sentence ends there
    end = b
    while end < len(doc) and "\n" not in doc[end].text and doc[end].pos_ not in ("VERB", "AUX"):
        end += 1
    if end == b or end - b > MAX_DANGLING_OBJECT or (end < len(doc) and "\n" not in doc[end].text):
        return a, b
    return a, end


RANGE_TRIMS = (
    past_a_dangling_preposition,
    cut_dateline,
    cut_coordinated_clauses,
    cut_relative_appositions,
    cut_glosses,
    trim_edges,
)


def second_predicate(head, c) -> bool:
    """A forecast coordinated with an assessment, each its own claim: "[trade is better than expected]
    and could soon reach $200 billion" (a copula, then a modal predicate); not two events ("it had met her
    and would meet her": one report)."""
    return (
        c.pos_ in ("VERB", "AUX")
        and head.lemma_.lower() == "be"
        and any(x.dep_ in ("acomp", "attr") for x in head.children)
        and any(x.dep_ in ("nsubj", "nsubjpass") for x in head.children)
        and any(x.dep_ == "aux" and x.lemma_.lower() in MODAL_LEMMAS for x in c.children)
    )


def apostrophe_run(ex, start: int, end: int, f: Frame) -> tuple[int, int]:
    """Quotation in two apostrophes (''…'', left unpaired: see marks) around its attribution, in one
    paragraph. A clause that closes such a quotation reaches back to where it opened ("''A. B,'' X said":
    A and B); one that follows its opening mark runs on into the quotation reopened after the attribution,
    to the paragraph's last closing mark ("''A,'' Mr. X said. ''B.''": A and B), and so does one whose quotation
    opened inside it ("Still, A ''B,'' Mr. X said. ''C.''": from A to C; `QuoteRules.split_apostrophes`)."""
    text = ex.text
    p0, p1 = ex.paras[ex.para_of(start)]
    if f.cue_span[0] < end:
        return start, end
    closes = text[end : end + 4].lstrip(",.?!").startswith("''")
    if closes and text.count("''", p0, start) % 2 == 1:
        start = text.rfind("''", p0, start) + 2  # the opening mark of the quotation this clause closes
        while start < end and text[start].isspace():
            start += 1
    elif closes and ex.rules.split_apostrophes and text.count("''", start, end) % 2 == 1:
        pass  # "Still, sales are ''just flat,'' X said. ''B.''": the quotation opened inside the clause runs on
    elif not text[max(p0, start - 3) : start].strip().endswith("''"):
        return start, end
    last = text.rfind("''", f.cue_span[1], p1)
    if last >= 0 and text.count("''", f.cue_span[1], last) % 2 == 1:
        end = last  # the quotation reopened after the attribution, to its last closing mark
    return start, end


def apostrophe_before(ex, v, subj) -> tuple[int, int] | None:
    """ "''Jobs, jobs, jobs,'' Mrs. Clinton said": the quotation that ends right before the attribution."""
    left = min(v.i, subj.left_edge.i if subj is not None else v.i)
    p0 = ex.paras[ex.para_of(v.idx)][0]
    head = ex.text[p0 : ex.doc[left].idx].rstrip()
    if not head.endswith("''") or head.count("''") % 2 or not head.lstrip().startswith("''"):
        return None
    a, b = ex.tok_range(p0 + head.index("''") + 2, p0 + len(head) - 2)
    return clean_range(ex, a, b, ex.doc[a]) if b > a else None


def asked_set_off(verb):
    """ "Mao Ning, asked about the exchange at a briefing, said …" parsed with "asked" as the finite verb of a clause
    of "said" and Mao Ning its subject: the participle set off between a subject and its verb, a clause before `verb`
    (a verb with no subject of its own); (the participle, its subject) or None."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    for c in verb.children:
        if c.i > verb.i or c.dep_ not in ("ccomp", "advcl") or c.lemma_.lower() not in ASKING_VERBS:
            continue
        subj = next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)
        if subj is None or c.tag_ not in ("VBD", "VBN") or any(a.dep_ in ("aux", "auxpass") for a in c.children):
            continue
        if doc[c.i - 1].text == "," and doc[c.right_edge.i + 1].text == "," and c.right_edge.i + 2 == verb.i:
            return c, subj
    return None
