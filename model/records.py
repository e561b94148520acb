"""Plain records passed between the model's stages.

Extraction functions return these; `store` writes them; nothing here knows
about spaCy, SQLite or the UI. Offsets are character offsets into the
article's stored `text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model.quote_kinds import QUOTE_KINDS, QUOTED_KINDS  # noqa: F401  (kept importable from here)


@dataclass
class Skipped:
    """An input file or record that could not be used, and why, in one line."""

    origin: str
    reason: str


@dataclass
class ReadWarning(Skipped):
    """An input whose articles were read, but not all of it could be (a malformed feed read as far as it
    goes): a one-line warning. The ingest summary lists it among its warnings, not its skipped inputs."""


@dataclass
class Article:
    """One input document, after reading and cleaning, before NLP."""

    key: str
    text: str
    title: str | None = None
    title_basis: str | None = None
    source: str | None = None
    source_basis: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_basis: str | None = None
    published_confidence: float | None = None
    origin: str | None = None  # where it was read from: a path, or path#line for a record
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason) taken out as boilerplate
    sha256: str = ""


# How a dateline's place mention was found (`Mention.basis`): where the copy was filed, not where anything happened
# (`event_refresh` names no event's place by it).
DATELINE_PLACE_BASIS = "the place of a wire dateline"


@dataclass
class Mention:
    """A span naming an entity; `canonical` is the in-article resolution."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, ...
    canonical: str
    basis: str = "ner"  # how the mention was found and resolved, in words
    family: str | None = None  # for people: the family name used to resolve surname-only mentions
    title: str | None = None  # an office written right before a person's name ("President"), kept as an alias


@dataclass
class Quote:
    """A quote found in an article: its span, speaker and how it was attributed."""

    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # canonical name, or "A; B" for a joint speaker
    speakers: list[str] = field(default_factory=list)  # canonical names, one or more
    speaker_start: int | None = None  # the mention the speaker was read from (maybe a pronoun)
    speaker_end: int | None = None
    basis: str = ""
    confidence: float = 0.5


@dataclass
class Timex:
    """A temporal expression found in an article: its span and normalised value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value
    anchor: str | None = None  # the date it was resolved against, if relative
    basis: str = ""
    sentence: int | None = None  # index into the article's sentences
    value_start: str | None = None  # first day covered (YYYY-MM-DD), for anchored DATE/TIME values
    value_end: str | None = None  # last day covered
    uncertain: bool = False  # anchored to an inferred publication date
    spec: str | None = None  # JSON: what re-resolving against a new anchor needs (no spaCy), or None if absolute
    event_start: int | None = None  # the event word the date anchors (a verb or an event noun), or None
    event_end: int | None = None


@dataclass
class EventReport:
    """A dated event as one sentence reports it: the date, the word it anchors (the trigger) and its frame."""

    start: int  # the reporting sentence
    end: int
    timex_start: int  # the date
    timex_end: int
    event_start: int  # the trigger
    event_end: int
    trigger: str  # its lemma
    value: str  # the date's TIMEX3 value (a year, month or day)
    agents: list[tuple[int, int]] = field(default_factory=list)  # mention spans: who acts (joint subjects too)
    patients: list[tuple[int, int]] = field(default_factory=list)  # mention spans: who or what is acted on
    place: tuple[int, int] | None = None  # a mention span: where (a locative phrase, else the dateline)
    weekday_value: str | None = None  # the day the stated weekday points to, when it contradicts the day of month
    basis: str = ""  # how the date was read
    trigger_pos: str = ""  # the trigger's part of speech (VERB, NOUN, …)


@dataclass
class Extraction:
    """Everything NLP yields for one article."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventReport] = field(default_factory=list)
    published: str | None = None  # set when NLP inferred the publication date
    published_basis: str | None = None
    published_confidence: float | None = None
    problems: list[str] = field(default_factory=list)  # extraction steps that failed; the article is stored anyway
