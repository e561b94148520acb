"""Event frames: for each date anchored on an event word, the event's trigger, participants and place.

A report is a timex whose anchoring (`timeline.anchoring`) reached a verb or event noun and whose value is a
calendar year, month or day: undated event sentences are not events. Participants are the entity mentions in
the trigger's agent and patient roles (joint subjects through their conjuncts, appositions through their
heads), never beneath another clause; the place is a place mention in a locative phrase of the trigger (or the
object of a verb of travel), else the article's dateline. A date that names a weekday its day of month does not
fall on is read both ways (`weekday_value`).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from model.dates import granularity, named_weekday, value_range
from model.extract.datelines import dateline_spans, inside
from model.lexicon.event_frames import (
    AGENT_DEPS,
    ATTENDING_VERBS,
    CALL_MEANS,
    CLAUSE_DEPS,
    FORCE_NOUNS,
    GATHERING_NOUNS,
    LOCATIVE_PREPS,
    MODIFIER_DEPS,
    NOUN_AGENT_DEPS,
    NOUN_VERBS,
    PAIR_SENTENCES,
    PARTICIPANT_LABELS,
    PARTICIPANT_PREPS,
    PATIENT_DEPS,
    PLACE_LABELS,
    PLACE_OBJECT_TRIGGERS,
    PLAN_WORDS,
    TALKING_VERBS,
    TO_PLACE_TRIGGERS,
    TOPIC_PREPS,
)
from model.lexicon.events import (
    BASELINE_WORDS,
    CHANGE_VERBS,
    COMPARING_WORDS,
    LIGHT_VERBS,
    MEASURE_NOUNS,
    RANGE_ENDS,
    SAME_PERIOD_WORDS,
    SPAN_BOUNDS,
    TIME_UNITS,
)
from model.lexicon.people import BODY_NOUNS, PAIR_NOUNS, PAIR_WORDS, PEOPLE_NOUNS
from model.records import EventReport, Mention, Timex

EVENT_GRANULARITIES = ("year", "month", "day")
ACTORS = frozenset(PEOPLE_NOUNS | BODY_NOUNS | FORCE_NOUNS)
MAX_PATH = 10
MAX_BORROW = 3  # phrases climbed to borrow a frame
APPOSED_DEPS = frozenset({"npadvmod", "appos", "prep", "dep", "conj", "nsubj", "dobj", "pobj"})
# "MOSCOW, Feb 22 (Reuters) -", "BEIJING (AP) —": a place in capitals opening the article.
DATELINE = re.compile(r"\s*([A-Z][A-Z.'\- ]{1,40}[A-Z])\s*(?:,|\(|—|–|-)")


def event_reports(text: str, doc, mentions: list[Mention], timexes: list[Timex]) -> list[EventReport]:
    """The dated event reports of one article."""
    if doc is None:
        return []
    dateline = _dateline(text, mentions)
    filed = dateline_spans(text)  # where the copy was filed: a place, never a participant ("KAZAN, Russia (…) -")
    mentions = [m for m in mentions if not inside(filed, m.start) and not _speaker_label(text, m)]
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    out = []
    for t in timexes:
        value = _calendar_value(t)
        if value is None or t.event_start is None:
            continue
        trigger = doc.char_span(t.event_start, t.event_end, alignment_mode="expand")
        if trigger is None or len(trigger) == 0 or not trigger.root.is_alpha:  # a bullet ("• MENU Wednesday")
            continue
        if _not_when_it_happened(doc, t, trigger.root):
            continue
        report = _frame(doc, trigger.root, mentions, t, value)
        report.start, report.end = _sentence_of(sentences, t.start)
        if report.place is None and dateline is not None:
            report.place = dateline
        out.append(report)
    return _finest_of_each_frame(out)


def _speaker_label(text: str, m: Mention) -> bool:
    """ "TASS: Will President Xi travel to Moscow …": the name that opens a transcript's turn, no participant."""
    line = text.rfind("\n", 0, m.start) + 1
    return not text[line : m.start].strip() and text[m.end : m.end + 1] == ":"


def _finest_of_each_frame(reports: list[EventReport]) -> list[EventReport]:
    """Two dates of one sentence on one frame (the same trigger, participants and place: "Last year, the navies
    held drills near Vladivostok in September") date one event: the finer of the two when it lies inside the
    coarser (2024-09 in 2024), else both."""
    kept = []
    for r in reports:
        inside_another = any(
            o is not r and _same_frame(o, r) and o.value != r.value and _contains(r.value, o.value) for o in reports
        )
        if not inside_another:
            kept.append(r)
    return kept


def _same_frame(a: EventReport, b: EventReport) -> bool:
    return (a.start, a.trigger, a.agents, a.patients, a.place) == (b.start, b.trigger, b.agents, b.patients, b.place)


def _contains(coarse: str, fine: str) -> bool:
    """The calendar value `coarse` holds every day of `fine`."""
    c, f = value_range(coarse), value_range(fine)
    return c is not None and f is not None and c[0] <= f[0] and f[1] <= c[1]


def _calendar_value(t: Timex) -> str | None:
    """The date's value as a year, month or day (a time of day cut to its day; a quarter or half to the month or
    year that holds it all, a week to its month: "in the first half of 2025" dates its event to 2025), or
    None."""
    if t.type not in ("DATE", "TIME") or not t.value:
        return None
    value = t.value.split("T")[0]
    if granularity(value) in EVENT_GRANULARITIES:
        return value
    if granularity(value) not in ("week", "quarter", "half-year"):
        return None  # (a season is no part of a year's calendar: "the fall" is as often a decline)
    first, last = value_range(value)
    if first[:7] == last[:7]:
        return first[:7]
    return first[:4] if first[:4] == last[:4] and granularity(value) != "week" else None  # (a week: its month)


def _not_when_it_happened(doc, t: Timex, trigger) -> bool:
    """ "fell 8% from a year earlier", "higher than a year ago", "compared with 2023": the date an amount is
    measured against, not the date of the change (TimeML links it to the change, but the change did not happen
    then); "will run until July 19", "has grown since 2014": where the event ends or begins, not its date."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1].lower_
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in BASELINE_WORDS or before in SPAN_BOUNDS and span.root.head.lower_ in SPAN_BOUNDS:
        return True  # (not "since the February 22 accord": that date is the accord's)
    if trigger.lemma_.lower() == "compare" or _inside_a_comparison(span.root, trigger):
        return True  # "compared with 6.7 billion in the previous quarter"
    if trigger.lemma_.lower() in CHANGE_VERBS and _the_same_period_before(span):
        return True  # "dropped 65 pct … in the same period a year ago", "from year-ago 1.8 billion dlrs"
    if before in ("from", "on", "over") and after not in RANGE_ENDS and trigger.lemma_.lower() in CHANGE_VERBS:
        return before == "from" or any(w in span.text.lower() for w in ("earlier", "ago", "before", "previous"))
    return False


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= offset < e:
            return s, e
    return offset, offset


@dataclass
class _Roles:
    agents: list[tuple[int, int]] = field(default_factory=list)
    patients: list[tuple[int, int]] = field(default_factory=list)
    place: tuple[int, int] | None = None

    def __bool__(self) -> bool:
        return bool(self.agents or self.patients)


def _frame(doc, trigger, mentions: list[Mention], t: Timex, value: str) -> EventReport:
    """The report of the date `t` anchored on `trigger`. A trigger naming no participant takes the frame of the
    verb reporting its clause when that one has a subject ("X and Y noted that … were forbidden in 2022"),
    else borrows the participants of the word it completes (`_borrowed`)."""
    skip = (t.start, t.end)
    word = trigger  # the report's event word: the date's own (a light verb's noun frames it, and stays apart)
    trigger, roles = _light_verbs_noun(doc, _what_is_planned(trigger), mentions, skip)
    if not roles.agents:  # "the two leaders held talks …", "Russian and Chinese warships began …"
        roles.agents = _pair_named_before(doc, trigger, mentions) or _nations_of_the_subject(doc, trigger, mentions)
    if not roles and trigger.dep_ == "ccomp" and trigger.head.pos_ == "VERB":
        reporting = _roles(doc, trigger.head, mentions, skip)
        if reporting.agents:
            trigger, roles = trigger.head, _Roles(reporting.agents, reporting.patients, roles.place or reporting.place)
            word = trigger
    clause = _clause_verb(trigger)  # ("… as he began his state visit Thursday": the visit's clause is "began")
    if not roles.agents and clause.dep_ in ("relcl", "advcl", "conj") and _pronoun_subject(clause):
        roles.agents = _roles(doc, _clause_it_hangs_on(clause), mentions, skip).agents
    roles.place = roles.place or _where_place(doc, trigger, mentions)
    if not roles:
        borrowed = _borrowed(doc, trigger, mentions, skip)
        roles.agents, roles.patients = borrowed.agents, borrowed.patients
        roles.place = roles.place or borrowed.place
    elif not roles.agents and trigger.pos_ in ("VERB", "AUX"):
        roles.agents = _borrowed(doc, trigger, mentions, skip, agents_only=True).agents  # "Xi is due to leave Moscow"
    return EventReport(
        start=0,
        end=0,
        timex_start=t.start,
        timex_end=t.end,
        event_start=word.idx,
        event_end=word.idx + len(word.text),
        trigger=_kind_of_talking(trigger) or trigger.lemma_.lower(),
        trigger_pos=trigger.pos_,
        value=value,
        agents=roles.agents,
        patients=roles.patients,
        place=roles.place,
        basis=t.basis,
        weekday_value=weekday_reading(t.text, value),
    )


def _kind_of_talking(trigger) -> str | None:
    """ "spoke by telephone", "talked over the phone", "spoke via video link": a call (`CALL_MEANS`), told as the
    trigger "phone"; None for any other speaking ("spoke to reporters")."""
    if trigger.lemma_.lower() not in TALKING_VERBS:
        return None
    for prep in trigger.children:
        if prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in CALL_MEANS for o in prep.children):
            return "phone"
    return None


def _pair_named_before(doc, trigger, mentions: list[Mention]) -> list[tuple[int, int]]:
    """ "The two leaders held talks …", "both countries signed …": a subject describing a pair stands for the last
    pair of that kind (people for leaders, places for countries) named together ("Xi and Putin", "between Helsinki
    and Moscow") in its sentence or the `PAIR_SENTENCES` before; none when there is no such pair."""
    subject = next((c for c in _subjects_of(trigger) if c.lemma_.lower() in PAIR_NOUNS), None)
    if subject is None:
        return []
    if not any(c.lower_ in PAIR_WORDS for c in subject.children if c.dep_ in ("nummod", "det", "predet")):
        return []
    label, since = PAIR_NOUNS[subject.lemma_.lower()], _sentences_back(doc, subject, PAIR_SENTENCES)
    named = {
        span.root.i: m
        for m, span in _mention_spans(doc, mentions, (subject.idx, subject.idx))
        if m.label == label and since <= m.start and m.end <= subject.idx
    }
    for i in sorted(named, reverse=True):
        tok = doc[i]
        other = named.get(tok.head.i) if tok.dep_ == "conj" else None
        if other is not None and other.canonical != named[i].canonical:
            return [(other.start, other.end), (named[i].start, named[i].end)]
    return []


def _what_is_planned(trigger):
    """The event a date on a word of a plan dates: the verb it takes ("On Thursday, Putin is expected to meet Li":
    the meeting; its subject the passive's, `_borrowed`); else the trigger."""
    if trigger.lemma_.lower() not in PLAN_WORDS:
        return trigger
    return next((c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), trigger)


def _clause_verb(trigger):
    """The verb of the trigger's clause: itself, or the light verb whose object it is ("… held talks")."""
    return trigger.head if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in LIGHT_VERBS else trigger


def _subjects_of(trigger) -> list:
    """The subjects of the trigger's clause (`_clause_verb`); a dateline the parse made a second subject
    ("BEIJING, July 15 (Xinhua) -- Chinese … forces kicked off …") too."""
    return [c for c in _clause_verb(trigger).children if c.dep_ in ("nsubj", "nsubjpass")]


def _nations_of_the_subject(doc, trigger, mentions: list[Mention]) -> list[tuple[int, int]]:
    """ "Russian and Chinese warships began …": the nations a subject that names no one is described by (its
    adjectives of nationality, joined) act together, when it is one that acts (`ACTORS`: people, bodies, forces; not
    "Thai and Malaysian rubber exports rose"). One nation alone ("Japanese importers bought …") is too little to
    tell one event from another across articles: no one."""
    for subject in _subjects_of(trigger):
        if subject.ent_type_ or subject.lemma_.lower() not in ACTORS:
            continue
        adjectives = [c for c in subject.children if c.dep_ == "amod"]
        adjectives += [c for a in adjectives for c in a.children if c.dep_ == "conj"]
        at = {tok.idx for tok in adjectives}
        nations = sorted((m.start, m.end) for m in mentions if m.label == "NORP" and m.start in at)
        if len(nations) >= 2:
            return nations
    return []


def _sentences_back(doc, tok, sentences: int) -> int:
    """Where the sentence `sentences` before the one holding `tok` starts (its own, with 0)."""
    sent = tok.sent
    for _ in range(sentences):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start_char


def _light_verbs_noun(doc, trigger, mentions: list[Mention], skip: tuple[int, int]):
    """(the word whose frame the report takes, its roles). A light verb's event-noun object is the event ("held
    talks with Vladimir Putin in Kazan": talks, with Putin, in Kazan), its subject the verb's, whichever of the two
    the date is on; else the trigger."""
    roles = _roles(doc, trigger, mentions, skip)
    light = _clause_verb(trigger)
    if light.i != trigger.i and trigger.lemma_.lower() in NOUN_VERBS:
        held = _roles(doc, light, mentions, skip)
        if not roles.agents:  # the date on the noun ("held talks … on Tuesday"): who held them
            roles.agents = held.agents
        roles.place = roles.place or held.place  # ("held drills near Vladivostok in September"): where
        return trigger, roles
    if trigger.lemma_.lower() not in LIGHT_VERBS:
        return trigger, roles
    noun = next((c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in NOUN_VERBS), None)
    if noun is None:
        return trigger, roles
    own = _roles(doc, noun, mentions, skip)
    return noun, _Roles(roles.agents, own.patients, own.place or roles.place)


def _roles(doc, trigger, mentions: list[Mention], skip: tuple[int, int]) -> _Roles:
    """The mentions in the trigger's agent and patient roles, and its place. A mention the parser left
    unattached right after a participant and a comma ("China's top diplomat, Wang Yi,") is in apposition to
    it: it takes that role."""
    roles = _Roles()
    lemma = trigger.lemma_.lower()
    for m, span in _mention_spans(doc, mentions, skip):
        role = _role(span.root, trigger, lemma) or _apposed(doc, span, trigger, lemma)
        if m.label in PLACE_LABELS and role != "place" and _where_its_object_happens(span.root, trigger):
            roles.place = roles.place or (m.start, m.end)
            continue
        if role in ("agent", "patient") and m.label in PLACE_LABELS and _located_by(span.root, trigger):
            continue  # "the Chinese embassy in Moscow said": where the embassy is, no one who speaks
        if role == "place" and m.label in PLACE_LABELS:
            roles.place = roles.place or (m.start, m.end)
        elif role == "agent" and m.label in PARTICIPANT_LABELS:
            roles.agents.append((m.start, m.end))
        elif role == "patient" and m.label in PARTICIPANT_LABELS:
            roles.patients.append((m.start, m.end))
    return roles


def _apposed(doc, span, trigger, lemma: str) -> str | None:
    """The role of the participant right before a comma that this mention stands in apposition to."""
    if span.start < 2 or doc[span.start - 1].text != "," or span.root.dep_ not in APPOSED_DEPS:
        return None
    role = _role(doc[span.start - 2], trigger, lemma)
    return role if role in ("agent", "patient") else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _role(tok, trigger, lemma: str) -> str | None:
    """The role of the mention headed by `tok` in the trigger's frame: agent, patient, place or None (a mention
    modifying a noun on the way is none: "his Russian counterpart")."""
    path = []  # the tokens climbed, from the mention up to the trigger's own dependent
    for _ in range(MAX_PATH):
        if tok.i == trigger.i:
            if any(p.dep_ in MODIFIER_DEPS for p in path[:-1]):
                return None
            if any(p.dep_ == "prep" and p.lower_ in TOPIC_PREPS for p in path[:-1]):
                return None  # "welcomed a proposal for talks on Ukraine": what the talks are about
            role = _role_of_path(path, trigger, lemma)
            if role in ("agent", "patient") and _under_another_phrase(path):
                return None  # "arrived for a visit to Russia at the invitation of Putin": the visit's, the invitation's
            return role
        if tok.dep_ in CLAUSE_DEPS or tok.head.i == tok.i:
            return None
        path.append(tok)
        tok = tok.head
    return None


def _located_by(tok, trigger) -> bool:
    """The mention is the object of a locative preposition below the trigger's own dependent."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS and prep.head.i != trigger.i


def _where_its_object_happens(tok, trigger) -> bool:
    """The place is where the trigger's object, a gathering it attends, takes place ("attended a summit … in
    Tianjin", "watched a parade in Moscow"): where the trigger happens too."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
        return False
    noun = tok.head.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
        noun = noun.head.head  # "a summit of the Shanghai Cooperation Organization in Tianjin"
    return (
        noun.dep_ == "dobj"
        and noun.head.i == trigger.i
        and trigger.lemma_.lower() in ATTENDING_VERBS
        and noun.lemma_.lower() in GATHERING_NOUNS
    )


def _under_another_phrase(path: list) -> bool:
    """The mention is reached through two prepositional phrases or more, none of them about people ("for a visit to
    Russia"; but "a meeting of ministers from the Group of Five": the ministers are the Group's)."""
    preps = [p for p in path if p.dep_ == "prep"]
    people = any(p.dep_ == "pobj" and p.lemma_.lower() in PEOPLE_NOUNS for p in path[1:])
    return len(preps) >= 2 and not people


def _role_of_path(path: list, trigger, lemma: str) -> str | None:
    if not path:
        return None
    first = path[-1]  # the trigger's own dependent on the way
    dep = first.dep_
    if dep == "prep":
        prep = first.lower_
        if prep in LOCATIVE_PREPS or (prep == "to" and lemma in TO_PLACE_TRIGGERS):
            return "place"
        if prep == "by":
            return "agent"
        return "patient" if prep in PARTICIPANT_PREPS else None
    if dep in AGENT_DEPS:
        return "agent"
    if dep in PATIENT_DEPS:
        return "place" if lemma in PLACE_OBJECT_TRIGGERS and dep == "dobj" else "patient"
    if trigger.pos_ in ("NOUN", "PROPN") and dep in NOUN_AGENT_DEPS:
        return "agent"
    return None


def _borrowed(doc, trigger, mentions: list[Mention], skip: tuple[int, int], agents_only: bool = False) -> _Roles:
    """A trigger naming no participant of its own borrows them: the subject of the verb it completes, is joined
    to or is the object of ("agreed to meet", "arrived and met", "held talks"), or whose clause it is in with a
    pronoun for subject ("… as he began"); the frame of the word whose
    phrase it sits in ("during talks …, with Wang Yi, he welcomed", "Putin's participation in the opening").
    `agents_only`: for a trigger with participants but no agent, only the ways that lend it a subject."""
    if trigger.dep_ in ("xcomp", "conj", "dobj") and trigger.head.pos_ in ("VERB", "AUX"):
        head = _roles(doc, trigger.head, mentions, skip)
        if head.agents or trigger.dep_ != "xcomp":
            return _Roles(agents=head.agents)
        # "Putin is expected to arrive …", "Xi is scheduled to visit …": the passive's subject does what it completes
        return _Roles(agents=_passive_subjects(doc, trigger.head, mentions, skip))
    if trigger.dep_ == "xcomp" and trigger.head.dep_ == "acomp" and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "Xi … is due to leave Moscow on Wednesday": the subject of "is"
        return _Roles(agents=_roles(doc, trigger.head.head, mentions, skip).agents)
    held = _object_of_a_measure(trigger)
    if held is not None:  # "signed a series of agreements on Tuesday": who signed them
        return _Roles(agents=_roles(doc, held.head, mentions, skip).agents)
    if trigger.dep_ in ("advcl", "conj") and any(c.dep_ in AGENT_DEPS and c.pos_ == "PRON" for c in trigger.children):
        # "Putin touted … as he began his visit": the pronoun is the subject of the clause it depends on
        return _Roles(agents=_roles(doc, trigger.head, mentions, skip).agents)
    if agents_only:
        return _Roles()  # (the frame of a phrase it sits in is another event's)
    tok = trigger
    for _ in range(MAX_BORROW):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.i == tok.head.i:
            break
        tok = tok.head.head
        roles = _roles(doc, tok, mentions, skip)
        if roles:
            return roles
    return _Roles()


def _mention_spans(doc, mentions: list[Mention], skip: tuple[int, int]):
    """Each mention outside `skip` (the date's own characters) with its tokens."""
    for m in mentions:
        if _overlaps((m.start, m.end), skip):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            yield m, span


def _passive_subjects(doc, verb, mentions: list[Mention], skip: tuple[int, int]) -> list[tuple[int, int]]:
    """The participants that are the subject of the passive `verb`."""
    return [
        (m.start, m.end)
        for m, span in _mention_spans(doc, mentions, skip)
        if m.label in PARTICIPANT_LABELS and span.root.dep_ == "nsubjpass" and span.root.head.i == verb.i
    ]


def _inside_a_comparison(tok, trigger) -> bool:
    """The date sits in a phrase of comparison on its way up to the trigger ("sales of 105.9 mln dlrs compared to
    sales in the comparable quarter last year", "higher than in 2019", a change's "from" amount)."""
    for _ in range(MAX_PATH):
        if tok.i == trigger.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ in COMPARING_WORDS or _measured_from(tok):
            return True
    return False


def _the_same_period_before(span) -> bool:
    """The date is, or hangs on, the period a change is measured against ("the same period a year ago", "the
    corresponding period last year", "year-ago")."""
    words = {t.lower_ for t in span}
    head = span.root.head
    if head.i < span.start and head.pos_ == "NOUN":
        words |= {t.lower_ for t in head.subtree if t.i < span.start}
    return bool(words & SAME_PERIOD_WORDS)


def _measured_from(tok) -> bool:
    """ "dropped 65 pct to 926 cars from 2,672 cars in the same period a year ago": the "from" of a change's
    starting amount."""
    return tok.lower_ == "from" and tok.dep_ == "prep" and tok.head.lemma_.lower() in CHANGE_VERBS


def _object_of_a_measure(noun):
    """ "a series of agreements", "a number of deals", "four hours of talks": the measure noun (or length of time)
    that is a verb's object, for the event noun after its "of"; or None."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.dep_ != "dobj" or of.head.head.pos_ not in ("VERB", "AUX"):
        return None
    measure = of.head.lemma_.lower()
    return of.head if measure in MEASURE_NOUNS or measure in TIME_UNITS else None


def _pronoun_subject(trigger) -> bool:
    """The trigger's subject is a pronoun ("…, where he met Sergei Lavrov")."""
    return any(c.dep_ in AGENT_DEPS and c.pos_ == "PRON" for c in trigger.children)


def _clause_it_hangs_on(trigger):
    """The verb of the clause a dependent clause hangs on: its head, or for a relative clause the verb its noun
    depends on ("Wang Yi visited Moscow, where he met …": visited)."""
    head = trigger.head
    if trigger.dep_ == "relcl":
        for _ in range(MAX_BORROW):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
    return head


def _where_place(doc, trigger, mentions: list[Mention]) -> tuple[int, int] | None:
    """ "Wang Yi visited Moscow, where he met …": the place a relative "where" clause describes."""
    if trigger.dep_ != "relcl" or not any(c.lower_ == "where" for c in trigger.children):
        return None
    head = trigger.head
    return next(
        ((m.start, m.end) for m in mentions if m.label in PLACE_LABELS and m.start <= head.idx < m.end),
        None,
    )


def _dateline(text: str, mentions: list[Mention]) -> tuple[int, int] | None:
    """The place mention of the article's dateline, if it opens with one."""
    m = DATELINE.match(text)
    if m is None:
        return None
    for mention in mentions:
        if mention.label in PLACE_LABELS and m.start(1) <= mention.start and mention.end <= m.end(1):
            return mention.start, mention.end
    return None


def weekday_reading(text: str, value: str) -> str | None:
    """When a date names a weekday its day of month does not fall on ("Wednesday, February 24th" in 2023, a
    Friday): the nearest day that is that weekday (the 22nd); else None."""
    named = named_weekday(text)
    if granularity(value) != "day" or named is None:
        return None
    try:
        day = _dt.date.fromisoformat(value)
    except ValueError:
        return None
    shift = (named - day.weekday()) % 7
    if shift == 0:
        return None
    try:
        nearest = day + _dt.timedelta(days=shift if shift <= 3 else shift - 7)
    except OverflowError:  # past the calendar's ends
        return None
    return nearest.isoformat()
