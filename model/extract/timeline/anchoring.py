"""Anchoring: the event a temporal expression dates, the verb or event noun it modifies in the parse.

From the expression's syntactic head, climb the parse (through prep/pobj, npadvmod, nmod, poss, …) to the
first verb, adjective taking the date, or event noun (`model.lexicon.events`) it modifies; a `when` clause that
describes the date comes first. Then `CORRECTIONS`, in order, replace the word reached where the construction
says it is not the event (a copula, a phase verb, a participle completing a verb, an amount that changes, a date
the parser hung on the wrong word). `events_of` reads the sentence's other dates: two dates on one verb date
different events. The parse alone decides: no spaCy, no event (`None`).
"""

from __future__ import annotations

from model.lexicon.events import (
    ASPECTUAL_VERBS,
    CHANGE_VERBS,
    DURATIVE_PREPS,
    EVENT_NOUN_ENDINGS,
    EVENT_NOUNS,
    LENGTH_WORDS,
    LIMIT_PREPS,
    LIMIT_VERBS,
    NOT_EVENT_NOUNS,
    OCCURRENCE_VERBS,
    OTHER_EVENT_PREPS,
    PAST_DATE_WORDS,
    PAST_STRETCH,
    PERIOD_VERBS,
    PLACING_PARTICIPLES,
    PUBLICATION_NOUNS,
    QUANTITY_NOUNS,
    SESSION_NOUNS,
    TIME_NOUNS,
    TIME_UNITS,
    UNREALISED_COMPLEMENT_VERBS,
    VERBS_ABOUT_EVENTS,
)
from model.lexicon.speech import REPORT_VERBS
from model.lexicon.time_words import FREQUENCIES

MAX_CLIMB = 12
PREDICATE_DEPS = {"acomp", "attr", "oprd"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def is_event_noun(tok) -> bool:
    """A noun naming something that happens: in the lexicon, or made from a verb (-tion, -sion, -ment, -ing)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in EVENT_NOUNS or tok.lower_ in EVENT_NOUNS or lemma in QUANTITY_NOUNS or tok.lower_ in QUANTITY_NOUNS:
        return True
    return tok.pos_ == "NOUN" and lemma.endswith(EVENT_NOUN_ENDINGS) and lemma not in NOT_EVENT_NOUNS


def _is_time_noun(tok) -> bool:
    return tok.lemma_.lower() in TIME_NOUNS or tok.ent_type_ in ("DATE", "TIME")


def _names_a_period(verb) -> bool:
    """`net income for the quarter ended Sept. 30 rose`: a participle saying when a period ends is part of the
    date "the quarter" (climbing from it); the date it takes itself ("Sept. 30") dates the ending."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in PERIOD_VERBS and _is_time_noun(verb.head)


def _climb(root, span):
    """The first verb, adjective taking the date, or event noun above the date's head."""
    tok = root
    for _ in range(MAX_CLIMB):
        nxt = tok.head
        if nxt.i == tok.i:  # the sentence's root is inside the date: a date with no event
            return None
        if nxt not in span:
            if nxt.pos_ in ("VERB", "AUX") and (tok.i == root.i or not _names_a_period(nxt)):
                return nxt
            if nxt.pos_ == "ADJ" and tok.dep_ in ("npadvmod", "prep", "pobj", "advmod"):
                return nxt
            if is_event_noun(nxt) and not _is_time_noun(nxt):
                return nxt
        tok = nxt
    return None


def _when_clause(root, span):
    """`since November, when he was found …`, `the following year he was appointed …`: a date a `when` clause (or
    a clause with no relative word) right after it describes anchors on that clause. (A `when` clause of the verb, "was killed Thursday when robbers fired", leaves the date to the verb.)"""
    for tok in (*span, root.head):
        for child in tok.children:
            if child.dep_ == "relcl" and child.i >= span.end and _opens_with_when(child, span):
                return child
    return _when_after(span)


def _when_after(span):
    """`in 1979 when the army invaded`, `from a year ago, when demand was strong`: a `when` right after the date,
    set off by a comma or after a date that is a preposition's object, opens a clause about the date, wherever the
    parser hung it. (A bare date with no comma, "was killed Thursday when robbers fired", is the verb's; a `when`
    clause of a state, "when she was 4", says nothing happened.)"""
    doc = span.doc
    i = span.end
    comma = i < len(doc) and doc[i].text == ","
    i += comma
    if i >= len(doc) or doc[i].lower_ != "when" or doc[i].dep_ != "advmod":
        return None
    verb = doc[i].head
    if verb.i <= i or verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.lemma_.lower() == "be":
        return None  # `left in 1962 when she was 4`: a state of someone, no event
    if not comma and span.root.dep_ != "pobj":
        return None
    if _of_an_event(span):
        return None  # `the protests of early May, when …`: the date already names the protests' time
    return verb


def _of_an_event(span) -> bool:
    """The date is the object of an `of` that hangs on an event noun (`the riots of May 1968`)."""
    prep = span.root.head
    return (
        span.root.dep_ == "pobj" and prep.lower_ == "of" and is_event_noun(prep.head) and not _is_time_noun(prep.head)
    )


def _opens_with_when(clause, span) -> bool:
    """The clause starts with `when`, right after the date (a comma between them allowed), or with its subject
    right after it (`the year he was appointed`)."""
    doc = span.doc
    first = clause.left_edge
    if first.lower_ != "when":
        return first.i == span.end and first.dep_ in SUBJECT_DEPS and clause.head in span
    between = [t for t in doc[span.end : first.i] if not t.is_punct]
    return not between


# ---------------------------------------------------------------- corrections of the word reached


def _copula(tok, span):
    """`was weak during the quarter`, `is payable Jan. 2`, `was down 25 cents`: the predicate, not the copula; then an event noun that
    is its subject (`the visit will be a defining moment in the coming months`, `the vote was on Sunday`); then
    a nominal predicate, a state (`was ambassador until 2019`)."""
    if tok.lemma_.lower() != "be" or tok.pos_ not in ("AUX", "VERB"):
        return None
    predicates = [c for c in tok.children if c.dep_ in PREDICATE_DEPS and c not in span]
    predicates += [c for c in tok.children if c.dep_ == "advmod" and _measures_a_change(c) and c not in span]
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c not in span]
    return next(
        (c for c in predicates if c.pos_ in ("ADJ", "ADV") or is_event_noun(c)),
        next(
            (c for c in subjects if is_event_noun(c)),
            next((c for c in predicates if c.pos_ in ("NOUN", "PROPN")), None),
        ),
    )


def _measures_a_change(adverb) -> bool:
    """`the shares were up 2 pence`, `was down 25 cents`: an adverb with an amount is what the copula says."""
    return adverb.pos_ == "ADV" and any(c.dep_ == "npadvmod" for c in adverb.children)


def _cleft(tok, span):
    """`It was not until Tuesday that the minister revealed …`, `it's not tonight we're worried about`: a date
    put forward by "it is" dates the clause that follows it."""
    if tok.lemma_.lower() != "be" or span.start < tok.i:  # the date follows "it is": "By now it is clear" is none
        return None
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" and c.i < tok.i for c in tok.children):
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "relcl", "advcl") and c.i >= span.end and c.pos_ in ("VERB", "AUX", "ADJ")
        ),
        None,
    )


def _phase(tok, span):
    """`will begin withdrawing on Friday`: the phase verb the date's verb completes."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ASPECTUAL_VERBS:
        return tok.head
    return None


def _before_the_clause(tok, span):
    """`said on Tuesday they had arrested …`: a date before a reported clause's subject belongs to the verb
    that reports it."""
    if tok.dep_ != "ccomp" or tok.head.i > span.start:
        return None
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if (
        subjects
        and span.end <= subjects[0].left_edge.i
        and not any(c.dep_ == "mark" and c.i < span.start for c in tok.children)
    ):
        return tok.head
    return None


def _noun_before(tok, span):
    """`spoke at a news conference Friday`, `soared on the announcement yesterday`: a date the parser hung on
    the verb, right after an event noun in a prepositional phrase of that verb, dates the noun. (Right after
    the verb's object, it dates the verb: "attended a rally Thursday".) So too before the verb, in a phrase put
    first: "At the close of business Thursday, the bank said …" — but not a market's session ("In composite
    trading Friday, the shares fell": the date is the fall's), nor an amount."""
    if tok.pos_ not in ("VERB", "AUX") or span.start <= tok.i < span.end:
        return None
    fronted = tok.i >= span.end
    first = span.start
    doc = span.doc
    if span.root.dep_ == "pobj" and span.root.head.i == first - 1:
        first -= 1  # the date's own preposition
    if first == 0 or (not fronted and first - 1 <= tok.i):
        return None
    t = doc[first - 1]
    for _ in range(MAX_CLIMB):
        if t.i == tok.i or t.dep_ in SUBJECT_DEPS or t.head.i == t.i:
            return None
        if t.dep_ == "pobj" and _names_a_happening(t) and (not fronted or _names_an_occurrence(t)):
            return t if t.head.lower_ not in OTHER_EVENT_PREPS else None
        t = t.head
    return None


def _names_a_happening(noun) -> bool:
    """An event noun that is not a market's session: "fell 20 cents in composite trading Friday" is where the fall
    happened, and the date is the fall's."""
    lemma = noun.lemma_.lower()
    return lemma in EVENT_NOUNS and lemma not in SESSION_NOUNS


def _names_an_occurrence(noun) -> bool:
    """An event noun put first that names the occurrence itself: not a name, a market's session or an amount."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and lemma not in SESSION_NOUNS and lemma not in QUANTITY_NOUNS


def _changing_amount(tok, span):
    """`third-quarter net income fell 5%`: an amount that is the subject of a verb yields to the verb."""
    amount = tok.lemma_.lower() in QUANTITY_NOUNS or tok.lower_ in QUANTITY_NOUNS
    if amount and tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in CHANGE_VERBS:
        return tok.head
    return None


def _participle(tok, span):
    """`was found clinging to a raft on Friday`, `was found Friday clinging to a raft`: a participle that completes
    a verb yields to it (one after the date only when it has no subject, auxiliary or conjunction of its own)."""
    if tok.tag_ != "VBG" or tok.head.pos_ != "VERB":
        return None
    if tok.dep_ in ("xcomp", "oprd"):
        return tok.head
    bare = not any(c.dep_ in ("aux", "auxpass", "mark", *SUBJECT_DEPS) and c not in span for c in tok.children)
    unbroken = not any(t.is_punct for t in span.doc[tok.head.i : tok.i])  # `…, now saying …` is a clause apart
    if tok.dep_ in ("ccomp", "advcl") and bare and unbroken and tok.head.i < span.start < tok.i:
        return tok.head
    return None


def _unrealised_complement(tok, span):
    """`refused to sign … through two days of talks`, `voted to support it Friday`: an infinitive that has not
    happened when its verb does (refuse, fail, try, vote, invite) gives the date to that verb."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in UNREALISED_COMPLEMENT_VERBS:
        return tok.head
    return None


def _object_event(tok, span):
    """`reported a net loss … for the third quarter`, `planned a demonstration on Saturday`: a verb about another
    event (report, plan, follow, extend…) leaves a date after its event-noun object to that object."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i > span.start or tok.lemma_.lower() not in VERBS_ABOUT_EVENTS:
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "dobj" and c.i < span.start and is_event_noun(c) and not _is_time_noun(c)
        ),
        None,
    )


def _placing_participle(tok, span):
    """`remarks made last week`, `a summit set for Washington in April`: a participle that only places an event
    noun in time gives the date to the noun."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in PLACING_PARTICIPLES:
        noun = tok.head
        if is_event_noun(noun) and not _is_time_noun(noun):
            return noun
    return None


def _inside_the_subject(tok, span):
    """`a list of names issued by the government Thursday included …`, `whose rescue off the coast two months ago
    set off …`, `people who remain in the funds now could get hit`: a date right after the words that follow a verb's
    subject, before the verb, is the subject's: the participle or relative clause that describes it, or the subject
    itself when it names an event."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i < span.end:
        return None
    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < span.start), None)
    if subject is None or subject.right_edge.i != span.start - 1 or subject.right_edge.i == subject.i:
        return None
    if any(t.is_punct for t in span.doc[subject.i : span.start]):
        return None
    described = [
        t
        for t in subject.subtree
        if (t.dep_ == "acl" and t.tag_ == "VBN" or t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX")) and t.i > subject.i
    ]
    if described:
        return described[-1]
    if is_event_noun(subject) and not _is_time_noun(subject) and subject.lemma_.lower() not in QUANTITY_NOUNS:
        return subject
    return None


def _says_it_happens(tok, span):
    """`the recapitalization that took place in 1988`, `the vote happened on Sunday`: a verb that only says an
    event noun's event happened gives the date to the noun (its subject, or the noun its clause describes)."""
    lemma = tok.lemma_.lower()
    if lemma not in OCCURRENCE_VERBS and not (lemma == "take" and any(c.lower_ == "place" for c in tok.children)):
        return None
    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.tag_ != "WDT"), None)
    noun = subject if subject is not None else tok.head if tok.dep_ == "relcl" else None
    if noun is not None and is_event_noun(noun) and not _is_time_noun(noun):
        return noun
    return None


def _lasts_past_the_report(tok, span):
    """`Until then, the company said, the stock remains convertible`, `In the past 20 months, he said, sales have
    doubled`: a saying (in the simple past or present) is a moment, so a stretch of time put before it dates what
    is said. (`has said for forty years` is a habit, which lasts; `not until Tuesday did he say` is a moment.)"""
    if tok.lemma_.lower() not in REPORT_VERBS or tok.i < span.end or tok.tag_ not in ("VBD", "VBZ"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None
    before = span.doc[span.start - 1] if span.start else None
    first = before if before is not None and before.dep_ == "prep" else span[0]
    negated = first.i > 0 and span.doc[first.i - 1].dep_ == "neg"
    stretch = first.lower_ in DURATIVE_PREPS or (first.lower_ == "in" and any(t.lower_ in PAST_STRETCH for t in span))
    if negated or not stretch:
        return None
    return next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)


def _tense_mismatch(tok, span):
    """`is still considering a request last week`, `owes its growth in recent years to …`: a past date cannot date
    a verb in the present (simple or progressive) or the future; the event noun between them takes it."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i > span.start or not any(t.lower_ in PAST_DATE_WORDS for t in span):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    simple_present = tok.tag_ in ("VBZ", "VBP") and not auxes
    progressive = tok.tag_ == "VBG" and auxes and all(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    future = any(a.lower_ in ("will", "'ll") for a in auxes)
    return _noun_between(tok, span) if simple_present or progressive or future else None


def _adverb_on_an_amount(tok, span):
    """`had net income of $132,000, or three cents a share, a year ago`: a date the parser hung as an adverb on an
    amount (a number, or a noun counted by one) says when the clause happened: the event noun reached by
    climbing from it, the verb's subject or object, yields to the verb. ("versus net income of $5.3 million, or
    $1.61 a share, a year earlier": a noun in a phrase of comparison keeps its date.)"""
    root = span.root
    if tok.pos_ not in ("NOUN", "PROPN") or root.dep_ not in ("advmod", "npadvmod"):
        return None
    if tok.dep_ not in ("dobj", *SUBJECT_DEPS) or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    amount = root.head
    if not (amount.like_num or amount.pos_ == "NUM" or any(c.dep_ == "nummod" for c in amount.children)):
        return None
    return tok.head if tok.is_ancestor(amount) else None


def _going_to(tok, span):
    """`now we're going to go back to New York`, `is going to raise rates next year`: "be going to" says only that
    an event will come; the event is the verb it takes."""
    if tok.lemma_.lower() != "go" or tok.tag_ != "VBG" or not any(c.lemma_ == "be" for c in tok.children):
        return None
    return next(
        (c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i and any(a.lower_ == "to" for a in c.children)),
        None,
    )


def _time_given_for(tok, span):
    """`took three months to complete`, `gave them until mid-November to submit`, `picked Saturday night as the time
    to start`, `set Friday as the deadline for his return`: a date the verb takes, gives or sets (its object, the
    `until` it gives, or named `as` a time) is not when that verb happens: it dates the event it is for, the
    infinitive after it or the event noun the `as` phrase names with `for`."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i > span.start:
        return None
    root = span.root
    named_as = [c for c in (*tok.children, *root.children) if c.dep_ == "prep" and c.lower_ == "as" and c.i == span.end]
    if not _given_as_a_time(tok, root, named_as):
        return None
    holders = {tok.i, *(t.i for t in span)}
    for noun in (c for prep in named_as for c in prep.children if c.dep_ == "pobj" and _is_time_noun(c)):
        holders.add(noun.i)
        event = next((e for p in noun.children if p.lower_ == "for" for e in p.children if is_event_noun(e)), None)
        if event is not None:
            return event
    return next((t for t in span.doc[span.end : tok.sent.end] if t.head.i in holders and _is_infinitive(t)), None)


def _given_as_a_time(verb, root, named_as) -> bool:
    """The date (its head `root`) is the verb's object, a limit the verb gives or has (`until`), or a date named `as`
    a time."""
    if root.head.i == verb.i:
        return root.dep_ == "dobj" or (root.dep_ == "npadvmod" and bool(named_as))
    limit = root.dep_ == "pobj" and root.head.lower_ in LIMIT_PREPS and root.head.head.i == verb.i
    return limit and verb.lemma_.lower() in LIMIT_VERBS


def _is_infinitive(tok) -> bool:
    """A verb with its own `to`: "to complete", "to start"."""
    return tok.pos_ == "VERB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)


CORRECTIONS = (
    _going_to,
    _adverb_on_an_amount,
    _participle,
    _noun_before,
    _changing_amount,
    _phase,
    _unrealised_complement,
    _before_the_clause,
    _cleft,
    _copula,
    _object_event,
    _placing_participle,
    _inside_the_subject,
    _says_it_happens,
    _lasts_past_the_report,
    _tense_mismatch,
    _time_given_for,
)


def _measured_from(span):
    """`a week after the anniversary`, `a month after the carrier suspended flights`, `within two weeks of the
    killing`: a length of time measured from an event dates that event, not the clause it sits in."""
    doc = span.doc
    measure = (
        next((c for c in span.root.children if c.dep_ == "pobj"), None) if span.root.lower_ == "within" else span.root
    )
    if span.end >= len(doc) or measure is None or not _is_a_length(measure, span):
        return None
    after = doc[span.end]
    if after.lower_ == "of" and span[0].lower_ == "within" and after.dep_ == "prep":
        return _object_of(after)
    if after.lower_ in ("after", "before") and span.root.dep_ in ("npadvmod", "advmod"):
        return _object_of(after) if after.dep_ == "prep" else after.head if after.dep_ == "mark" else None
    return None


def _is_a_length(noun, span) -> bool:
    """`a week`, `less than a decade`, `two days`: a unit of time with a number or article."""
    if noun.lemma_.lower() not in TIME_UNITS:
        return False
    return any(c.dep_ in ("nummod", "quantmod") or c.lower_ in LENGTH_WORDS for c in noun.subtree if c in span)


def _object_of(prep):
    """The event a preposition introduces: its noun (not a time noun) or its verb."""
    for c in prep.children:
        if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and not _is_time_noun(c):
            return c
        if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX"):
            return c
    return None


PRENOMINAL_DEPS = {"compound", "nmod", "amod", "poss", "nummod"}


def _noun_it_describes(span):
    """`the 1959 trade embargo`, `his Aug. 2 power grab`, `today's quiz`, `a two-year strategy`: a date put before
    a noun, as its modifier, dates that noun, whatever the noun (a time noun passes the date on: `a Jan. 14 return
    date` dates the return)."""
    root = next((t for t in span if t.head.i >= span.end and t.dep_ != "det"), None)  # `the 1959`: the year's
    if root is None or root.dep_ not in PRENOMINAL_DEPS or root.head.pos_ not in ("NOUN", "PROPN"):
        return _event_noun_after_a_determiner(span)
    noun = root.head
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):  # the third-quarter GNP growth
        noun = noun.head
    if noun.dep_ in SUBJECT_DEPS or span.text.lower() in FREQUENCIES or noun.lemma_.lower() in PUBLICATION_NOUNS:
        return None
    if any(t.dep_ in ("cc", "punct") and t.tag_ != "HYPH" for t in span.doc[span.end : noun.i]):
        return None  # a date coordinated with the noun phrase, not its modifier
    if not _is_time_noun(noun):
        return noun
    return next(
        (c for c in noun.children if c.dep_ == "compound" and c.i >= span.end and not _is_time_noun(c)),
        None,
    )


def _event_noun_after_a_determiner(span):
    """`in the October 1998 shooting`, `the Dec. 21, 1988, bombing`: a date between a determiner and an event noun
    is that noun's modifier even when the parser made the date the phrase's head and left the noun outside it."""
    doc = span.doc
    det = doc[span.start - 1] if span.start and span[0].dep_ != "det" else span[0]
    if det.dep_ not in ("det", "poss") or det.head not in span or det.lower_ in ("a", "an"):
        return None
    i = span.end
    if i < len(doc) and doc[i].text == "," and any(t.text == "," for t in span):
        i += 1  # the comma that closes a year set off by commas
    while i < len(doc) and (doc[i].pos_ in ("NOUN", "PROPN") or doc[i].tag_ == "HYPH"):
        if is_event_noun(doc[i]) and not _is_time_noun(doc[i]):
            return doc[i] if not _heads_a_subject(doc[i]) else None  # `in the past week talks resumed`
        i += 1
    return None


def _heads_a_subject(noun) -> bool:
    while noun.dep_ == "compound":
        noun = noun.head
    return noun.dep_ in SUBJECT_DEPS


def traced_event_token(doc, start: int, end: int) -> tuple[object | None, object | None, str]:
    """The token of the event the date at start..end anchors (or None), the word the parse reached before the
    corrections, and the name of the last rule that decided (`measured_from`, `when_clause`, `noun_it_describes`,
    `climb`, or a correction's name)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None, "none"
    measured = _measured_from(span)
    if measured is not None:
        return measured, measured, "measured_from"
    root = span.root
    stage, tok = "when_clause", _when_clause(root, span)
    if tok is None:
        stage, tok = "noun_it_describes", _noun_it_describes(span)
    if tok is None:
        stage, tok = "climb", _climb(root, span)
    if tok is None:
        return None, None, "none"
    base = tok
    for rule in CORRECTIONS:
        better = rule(tok, span)
        if better is not None:
            tok, stage = better, rule.__name__.lstrip("_")
    return tok, base, stage


def event_token(doc, start: int, end: int):
    """The token of the event the date at start..end anchors, or None."""
    return traced_event_token(doc, start, end)[0]


def _noun_between(verb, span):
    """The event noun nearest before the date among the verb's dependents between them, if any."""
    for t in reversed(span.doc[verb.i + 1 : span.start]):
        if is_event_noun(t) and not _is_time_noun(t) and verb in t.ancestors and t.dep_ not in SUBJECT_DEPS:
            return t
    return None


def rule_picks(doc, spans: list[tuple[int, int]]) -> list[tuple[object | None, object | None, str]]:
    """(token, word reached before the corrections, deciding rule) for each date at `spans` (character offsets)
    in one parsed document. Two dates that reach the same verb date different events ("condemned on Saturday the
    attacks of Friday"): the one farther from the verb moves to the event noun between them, when there is one."""
    picks = [traced_event_token(doc, s, e) for s, e in spans]
    toks = [p[0] for p in picks]
    for i, (s, e) in enumerate(spans):
        tok = toks[i]
        if tok is None or tok.pos_ not in ("VERB", "AUX"):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        nearer = [
            j
            for j, (s2, e2) in enumerate(spans)
            if j != i and toks[j] is not None and toks[j].i == tok.i and s2 < tok.idx
        ]
        if span is not None and nearer and tok.i < span.start:
            between = _noun_between(tok, span)
            if between is not None:
                toks[i] = between
                picks[i] = (between, picks[i][1], "two_dates")
    return picks


def events_of(doc, spans: list[tuple[int, int]]) -> list[tuple[int | None, int | None]]:
    """The event words of the dates at `spans` (character offsets) in one document (`rule_picks`)."""
    toks = [p[0] for p in rule_picks(doc, spans)] if doc is not None else [None] * len(spans)
    return [(t.idx, t.idx + len(t.text)) if t is not None else (None, None) for t in toks]


def event_of(doc, start: int, end: int) -> tuple[int | None, int | None]:
    """The character span of the event word the date at start..end anchors, or (None, None)."""
    tok = event_token(doc, start, end) if doc is not None else None
    if tok is None:
        return None, None
    return tok.idx, tok.idx + len(tok.text)
