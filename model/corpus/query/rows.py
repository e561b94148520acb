"""What the read API returns: plain dataclasses, the filters it takes, and the columns rows are read from."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from model import dates
from model.corpus.joint import members

# ---------------------------------------------------------------- filters and rows


@dataclass(frozen=True)
class Filters:
    """What the panes are narrowed to. Each list uses the fields that apply to it."""

    article: int | None = None  # Timeline, Quotes
    entity: int | None = None  # Articles, Timeline, Quotes
    speaker: int | None = None  # Quotes
    said: str | None = None  # Quotes: said in YYYY, YYYY-MM or YYYY-MM-DD (their `said_on` overlaps it)
    search: str | None = None  # Articles, Quotes: a query of the search language (`language`), as typed
    label: str | None = None  # Entities: type
    name: str | None = None  # Entities: type-to-filter on name or alias


@dataclass
class ArticleRow:
    """An article as the Articles list shows it."""

    id: int
    key: str
    published: str | None
    published_basis: str | None
    source: str | None
    title: str | None


@dataclass
class EntityRow:
    """An entity as the Entities list shows it."""

    id: int
    name: str
    label: str | None
    mentions: int
    articles: int


@dataclass
class MentionSpan:
    """An entity's mention: its span in the article's text."""

    id: int
    start: int
    end: int
    text: str
    label: str | None
    entity: int | None
    name: str | None
    basis: str | None


@dataclass
class QuoteRow:
    """A quote as the Quotes list shows it."""

    id: int
    article: int
    start: int
    end: int
    text: str
    kind: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_entity: int | None
    speaker_start: int | None
    speaker_end: int | None
    basis: str | None
    confidence: float | None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    speaker_text: str | None = None  # the words the speaker was read from
    said_on: str | None = None  # when it was said (`model.corpus.said_on`): a TIMEX3 value, or None
    said_on_basis: str | None = None
    members: tuple[tuple[int | None, str], ...] = ()  # a joint speaker's (entity, name), in canonical order

    @property
    def joint(self) -> bool:
        return len(self.members) > 1


@dataclass
class StatementRow:
    """A statement: one speaker's words across articles, with its fullest quote (`quote`)."""

    id: str
    speaker: str | None
    speaker_entity: int | None
    kind: str | None
    text: str
    first: str | None
    last: str | None
    articles: int
    outlets: int
    quotes: int
    quote: QuoteRow


@dataclass
class StatementPage:
    """A statement's page: the statement and every wording of it (or, not `complete`, its first screen of them:
    `statement_page_head`)."""

    statement: StatementRow
    wordings: list[QuoteRow]  # every quote of it, the earliest first, each with its article
    # its outlets as its articles give them ("" for none) -> how many of its articles (schema 13); None: older
    sources: dict[str, int] | None = None
    complete: bool = True


@dataclass
class TimexRow:
    """A temporal expression of an article, with its value."""

    id: int
    article: int
    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    anchor: str | None
    basis: str | None
    sentence: int | None
    value_start: str | None
    value_end: str | None
    uncertain: bool
    title: str | None = None
    published: str | None = None
    sentence_text: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None

    @property
    def granularity(self) -> str:
        return granularity(self.value, self.value_start, self.value_end)


@dataclass
class ArticleDoc:
    """An article as the reader shows it: its text and what was found in it."""

    id: int
    key: str
    title: str | None
    title_basis: str | None
    source: str | None
    source_basis: str | None
    url: str | None
    published: str | None
    published_basis: str | None
    published_confidence: float | None
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[MentionSpan] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    timexes: list[TimexRow] = field(default_factory=list)


@dataclass
class Kwic:
    """A mention in context: `left` + `text` + `right`, cut from the article."""

    article: int
    title: str | None
    published: str | None
    start: int
    end: int
    left: str
    text: str
    right: str


@dataclass
class EntityPage:
    """An entity's page: the entity, its aliases and what is said by and of it."""

    entity: EntityRow
    aliases: list[tuple[str, int]]
    mentions: list[Kwic]
    quotes_by: list[QuoteRow]
    quotes_by_total: int
    quotes_about: list[QuoteRow]
    quotes_about_total: int
    events: list[TimexRow]
    events_total: int
    cooccurring: list[tuple[EntityRow, int]]  # entity, articles shared
    merged_events: list[EventRow] = field(default_factory=list)  # the events it takes part in, by date
    merged_events_total: int = 0  # counted up to PAGE_COUNT_CAP
    mentioned_months: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM, articles mentioning it)
    spoke_months: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM, quotes it speaks)
    complete: bool = True  # False: its head only (`entity_page_head`), the sections after its mentions not read


@dataclass
class EventRow:
    """An event merged across articles (`event`): its value (the reading best supported), one line saying
    who did what where, and how many reports it rests on."""

    id: str
    value: str | None
    summary: str | None
    trigger: str | None
    participants: list[str]
    place: str | None
    reports: int
    conflict: bool
    uncertain: bool  # every report's date was counted from a publication date not known for certain

    @property
    def granularity(self) -> str:
        return granularity(self.value)


@dataclass
class EventReading:
    """One reading of an event's date: which articles give it and on what basis."""

    value: str
    articles: list[str]  # article keys
    basis: list[str]


@dataclass
class EventReport:
    """One report of an event: the sentence of one article that dates it, and its date reading."""

    id: int
    article: int
    key: str
    title: str | None
    source: str | None
    published: str | None
    start: int  # the sentence, in the article's text
    end: int
    sentence: str
    timex_start: int
    timex_end: int
    value: str | None
    weekday_value: str | None  # the day the weekday named points to, when the day of month contradicts it
    basis: str | None
    uncertain: bool


@dataclass
class EventPage:
    """An event's page: the event and each article's reading of it."""

    event: EventRow
    readings: list[EventReading]
    reports: list[EventReport]
    reports_total: int
    participants: list[tuple[str, int | None]]  # canonical name, entity id (None when no longer one)
    place: tuple[str, int | None] | None


def granularity(value: str | None, start: str | None = None, end: str | None = None) -> str:
    """day, week, month, quarter, half-year, season, year, decade, century (`model.dates`), time or span."""
    if value and "T" in value:
        return "time"
    return dates.granularity(value) or ("day" if start and start == end else "span")


# In lists, an article with no title is shown by its opening words (marked with an ellipsis), not "(untitled)".
TITLE = "COALESCE(a.title, rtrim(substr(a.text, 1, 90)) || '…')"


QUOTE_COLS = (
    "q.id, q.article, q.start, q.end, q.text, q.kind, q.cue, q.cue_start, q.cue_end, q.speaker_name, "
    "q.speaker_entity, q.speaker_start, q.speaker_end, q.basis, q.confidence, " + TITLE + ", a.source, "
    "a.published, CASE WHEN q.speaker_start IS NOT NULL "
    "THEN substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) END, q.said_on, q.said_on_basis, "
    # a joint speaker's members: [[entity, name], …]
    "CASE WHEN q.speaker_entity IS NULL AND instr(q.speaker_name, ';') > 0 THEN (SELECT "
    "json_group_array(json_array(e.id, e.canonical)) FROM quote_speaker qs JOIN entity e ON e.id = qs.entity "
    "WHERE qs.quote = q.id) END"
)
# The same, read from a database older than the quotes' dates (`model.corpus.schema.SAID_ON_VERSION`).
QUOTE_COLS_BEFORE_SAID_ON = QUOTE_COLS.replace("q.said_on_basis", "NULL").replace("q.said_on", "NULL")
TIMEX_COLS = (
    "t.id, t.article, t.start, t.end, t.text, t.type, t.value, t.anchor, t.basis, t.sentence, "
    "t.value_start, t.value_end, t.uncertain, " + TITLE + ", a.published, "
    "substr(a.text, s.start + 1, min(s.end - s.start, 400)), s.start, s.end"
)
TIMEX_FROM = (
    "timex t JOIN article a ON a.id = t.article LEFT JOIN sentence s ON s.article = t.article AND s.idx = t.sentence"
)


def quote_row(r: tuple) -> QuoteRow:
    row = QuoteRow(*r[:-1])
    row.members = joint_members(row.speaker, r[-1])
    return row


def joint_members(speaker_name: str | None, entities_json: str | None) -> tuple[tuple[int | None, str], ...]:
    """A joint speaker's members, (entity or None, name) in the stored (canonical) order; () for one speaker."""
    names = members(speaker_name)
    if len(names) < 2:
        return ()
    try:
        found = json.loads(entities_json or "[]")
    except ValueError:
        found = []
    ids = {str(name).casefold(): eid for eid, name in found if isinstance(eid, int)} if isinstance(found, list) else {}
    return tuple((ids.get(name.casefold()), name) for name in names)


def timex_row(r: tuple) -> TimexRow:
    r = list(r)
    r[12] = bool(r[12])
    return TimexRow(*r)
