"""What the read API returns: plain dataclasses, the filters it takes, and the columns rows are read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from model import dates

# ---------------------------------------------------------------- filters and rows


@dataclass(frozen=True)
class Filters:
    """What the panes are narrowed to. Each list uses the fields that apply to it."""

    article: int | None = None  # Timeline, Quotes
    entity: int | None = None  # Articles, Timeline, Quotes
    speaker: int | None = None  # Quotes
    search: str | None = None  # Articles (title and text), Quotes (text and speaker): words as typed
    label: str | None = None  # Entities: type
    name: str | None = None  # Entities: type-to-filter on name or alias
    said: str | None = None  # Quotes: "speech" (direct, partial, indirect) or "stance" (`QUOTE_SAID_KINDS`)


@dataclass
class ArticleRow:
    id: int
    key: str
    published: str | None
    published_basis: str | None
    source: str | None
    title: str | None


@dataclass
class EntityRow:
    id: int
    name: str
    label: str | None
    mentions: int
    articles: int


@dataclass
class MentionSpan:
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


@dataclass
class TimexRow:
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
    "THEN substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) END"
)
TIMEX_COLS = (
    "t.id, t.article, t.start, t.end, t.text, t.type, t.value, t.anchor, t.basis, t.sentence, "
    "t.value_start, t.value_end, t.uncertain, " + TITLE + ", a.published, "
    "substr(a.text, s.start + 1, min(s.end - s.start, 400)), s.start, s.end"
)
TIMEX_FROM = (
    "timex t JOIN article a ON a.id = t.article LEFT JOIN sentence s ON s.article = t.article AND s.idx = t.sentence"
)


def quote_row(r: tuple) -> QuoteRow:
    return QuoteRow(*r)


def timex_row(r: tuple) -> TimexRow:
    r = list(r)
    r[12] = bool(r[12])
    return TimexRow(*r)
