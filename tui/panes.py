"""The four list panes: what each shows (a Source over model.corpus.query) and its keys."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.cells import set_cell_size
from textual.content import Content

from model.corpus import query as q
from model.dates import allowed_interval, covering_value

from . import bindings
from .document import (
    CONFLICT_MARK,
    DATE_STYLE,
    MUTED_STYLE,
    UNCERTAIN_MARK,
    band,
    date_label,
    date_span,
    label_style,
    said_style,
)
from .text import as_said, cells, clean, shorten, wrap
from .widgets.vlist import FuncSource, VirtualList

PANES = ("articles", "entities", "timeline", "quotes")
TITLES = {"articles": "Articles", "entities": "Entities", "timeline": "Timeline", "quotes": "Quotes"}


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or padded."""
    return set_cell_size(shorten(text, width), max(0, width))


# ---------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column of a list, as its header names it: the heading, its width in cells, and the sorts of the pane
    it orders the list by (a click on it gives the first, or the next when the list is sorted by it already)."""

    label: str
    width: int
    sorts: tuple[str, ...] = ()
    right: bool = False  # a column of numbers: its heading is aligned right


def _gap() -> Column:
    return Column("", 1)


# Which way each sort orders its column, shown after the column's heading. The shapes say it without colour
# (NO_COLOR, 16 colours).
ASCENDING, DESCENDING = "▲", "▼"
SORT_MARKS = {
    "articles": {
        "date": DESCENDING,
        "oldest": ASCENDING,
        "title": ASCENDING,
        "source": ASCENDING,
        "source_desc": DESCENDING,
    },
    "entities": {"mentions": DESCENDING, "articles": DESCENDING, "name": ASCENDING, "type": ASCENDING},
    "timeline": {"date": ASCENDING, "reports": DESCENDING},
    "quotes": {"date": DESCENDING, "said": DESCENDING, "speaker": ASCENDING},
}
# The lists whose rows can be marked (`m`): each row starts with a cell for the mark.
MARKED_PANES = ("articles", "timeline", "quotes")
MARK_GLYPH = "⚑"


@lru_cache(maxsize=64)  # drawn for every row: one layout a width
def article_columns(width: int, show_basis: bool) -> tuple[Column, ...]:
    """Date, source (or the date's basis, `b`, which has no sort) and title."""
    mid_w = max(0, width // 2) if show_basis else min(16, max(0, width // 4))
    title_w = max(0, width - 10 - mid_w - 2)
    middle = "date basis" if show_basis else "source"
    return (
        Column("date", 10, ("date", "oldest")),
        _gap(),
        Column(middle, mid_w, () if show_basis else ("source", "source_desc")),
        _gap(),
        Column("title", title_w, ("title",)),
    )


def basis_in_list(basis: str | None) -> str:
    """A publication date's basis in the Articles list: an interval the text allows as its two ends, the reasons
    left to `p` ("not stated; the text allows 2023-02-1…" was cut before its second date at 80×24)."""
    interval = allowed_interval(basis)
    if interval is None:
        return clean(basis, "—")
    first, last = interval
    if first and last:
        return f"text allows {first}..{last}"
    return f"text allows from {first}" if first else f"text allows until {last}"


@lru_cache(maxsize=2)  # one drawing function a setting: the lists know a row drawn by it before (vlist.RowCache)
def _article_row(show_basis: bool):
    def render(row: q.ArticleRow, width: int) -> Content:
        date = fit(row.published or "undated", 10)
        middle = basis_in_list(row.published_basis) if show_basis else clean(row.source, "—")
        _, _, mid, _, title = article_columns(width, show_basis)
        mid_w, title_w = mid.width, title.width
        return Content.assemble(
            (date, MUTED_STYLE if not row.published else ""),
            " ",
            (fit(middle, mid_w), MUTED_STYLE),
            " ",
            fit(clean(row.title, "(untitled)"), title_w),
        )

    return render


WORD_COUNT_CAP = 1000  # a search of words alone is counted up to here ("1,000+"); the list grows as it pages


def counted(count):
    """`count` and a page function's `total`: the list counts first, in the worker that reads its first page,
    and the read API picks a page's plan by that count."""
    known: dict[str, int] = {}

    def count_and_keep(conn) -> int:
        known["total"] = total = count(conn)
        return total

    return count_and_keep, lambda: known.get("total")


def articles_source(filters: q.Filters, sort: str, show_basis: bool) -> FuncSource:
    count, total = counted(lambda c: q.count_articles(c, filters, WORD_COUNT_CAP))
    return FuncSource(
        count,
        lambda c, o, n: q.articles(c, filters, sort, o, n, total()),
        _article_row(show_basis),
        "no articles match — x removes the last filter"
        if filters != q.Filters()
        else "no articles yet — add some with: sinorus-tui ingest PATH",
        # the count picks a page's plan, never its rows (`q.articles`); a fielded search's ids are found once for both
        first_page_alone=q.page_apart_from_count(filters),
    )


COUNT_W = 10  # an entity's mentions and articles: a space, "mentions" and a sort mark


@lru_cache(maxsize=64)  # drawn for every row: one layout a width
def entity_columns(width: int) -> tuple[Column, ...]:
    """Name, type, mentions and articles."""
    name_w = max(0, width - 7 - 2 * COUNT_W)
    return (
        Column("name", name_w, ("name",)),
        Column(" type", 7, ("type",)),
        Column("mentions", COUNT_W, ("mentions",), right=True),
        Column("articles", COUNT_W, ("articles",), right=True),
    )


def _entity_row(row: q.EntityRow, width: int) -> Content:
    counts = f"{row.mentions:>{COUNT_W},}{row.articles:>{COUNT_W},}"
    name_w = entity_columns(width)[0].width
    return Content.assemble(
        (fit(clean(row.name), name_w), label_style(row.label).replace("underline ", "")),
        (fit(" " + (row.label or "?"), 7), MUTED_STYLE),
        (counts, MUTED_STYLE),
    )


def entities_source(filters: q.Filters, sort: str = "mentions") -> FuncSource:
    return FuncSource(
        lambda c: q.count_entities(c, filters),
        lambda c, o, n: q.entities(c, filters, o, n, sort),
        _entity_row,
        "no entities match",
    )


@lru_cache(maxsize=64)  # drawn for every row: one layout a width
def timex_columns(width: int) -> tuple[Column, ...]:
    """A dated expression: its date and band, then its words and article (as wide as the words are: one heading)."""
    return (Column("date", 19, ("date",)), _gap(), Column("expression · article", max(0, width - 20)))


def _event_row(row: q.TimexRow, width: int) -> Content:
    """Date, its band, the words and the article; `≈` after the date when it was resolved against a publication
    date that is not known for certain (the provenance, `p`, says why)."""
    rest = max(0, width - 20)
    what = clean(row.text)
    title = clean(row.title, "(untitled)")
    what_w = min(cells(what), max(0, rest // 2))
    return Content.assemble(
        (date_label(row.value), DATE_STYLE),
        (UNCERTAIN_MARK, DATE_STYLE) if row.uncertain else " ",
        (band(row.granularity)[:8], DATE_STYLE),
        " ",
        (fit(what, what_w), "bold"),
        (fit(" · " + title, rest - what_w), MUTED_STYLE),
    )


# From this width on an event row has a column of its participants (a maximised pane; at 120x35 the panes are
# ~64 cells): narrower, the summary, which names them, takes the room.
PARTICIPANTS_FROM = 90


REPORTS_W = 8  # an event's reports: "reports" and `⚠` on a conflict


@lru_cache(maxsize=64)  # drawn for every row: one layout a width
def event_columns(width: int) -> tuple[Column, ...]:
    """Date and band, the summary, the participants when there is room, and the number of reports."""
    who_w = min(30, width // 4) if width >= PARTICIPANTS_FROM else 0
    summary_w = max(0, width - 18 - who_w - (1 if who_w else 0) - REPORTS_W)
    columns = [Column("date", 17, ("date",)), _gap(), Column("event", summary_w)]
    if who_w:
        columns += [_gap(), Column("who", who_w)]
    return (*columns, Column("reports ", REPORTS_W, ("reports",), right=True))


def _merged_event_row(row: q.EventRow, width: int) -> Content:
    """Date (`≈` when every report's date was counted from an uncertain publication date), its band, the
    summary cut to fit, the participants when there is room, the number of reports and `⚠` on a conflict."""
    reports = f"{row.reports:>{REPORTS_W - 1}}" if row.reports < 1000 else f"{999:>{REPORTS_W - 1}}"
    tail = f"{reports}{CONFLICT_MARK if row.conflict else ' '}"
    columns = event_columns(width)
    summary_w = columns[2].width
    who_w = columns[4].width if len(columns) > 4 else 0
    parts = [
        (date_label(row.value), DATE_STYLE),
        (UNCERTAIN_MARK, DATE_STYLE) if row.uncertain else " ",
        (band(row.granularity)[:6], DATE_STYLE),
        " ",
        (fit(clean(row.summary, clean(row.trigger, "?")), summary_w), "bold"),
    ]
    if who_w:
        parts += [" ", (fit(", ".join(clean(n) for n in row.participants) or "—", who_w), MUTED_STYLE)]
    parts += [(tail[:-1], MUTED_STYLE), (tail[-1], "bold $text-warning" if row.conflict else "")]
    return Content.assemble(*parts)


class EventCounts:
    """Each filter set's events per date value (`q.value_counts`), read once and kept until the browser reads
    the database afresh (refresh): the Timeline's count, its density strip, a date's place and where a page
    far down starts come from them, so a Timeline step asks SQLite for its page only. Workers share it."""

    KEEP = 32  # filter sets; the least recently used go first (the whole corpus's, used at every step back to it,
    # stays: dropped as the oldest, it cost 190 ms to count again at a million articles)

    def __init__(self) -> None:
        self._counts: dict[q.Filters, list[tuple[str, int]]] = {}
        self._months: dict[q.Filters, list[tuple[str, int]]] = {}  # the density strip's months, by the same key

    @staticmethod
    def key(f: q.Filters) -> q.Filters:
        return q.Filters(article=f.article, entity=f.entity, search=f.search)  # what events are filtered by

    def get(self, conn, f: q.Filters) -> list[tuple[str, int]]:
        key = self.key(f)
        counts = self._counts.get(key)
        if counts is not None:
            self._counts[key] = self._counts.pop(key)  # the most recently used last
        else:
            counts = q.value_counts(conn, key)
            # the strip's months too, here in the worker: the screen would work them out as it draws the step
            self._months[key] = q.counts_by_month(counts)
            self._counts[key] = counts
            while len(self._counts) > self.KEEP:
                dropped = next(iter(self._counts))
                self._counts.pop(dropped)
                self._months.pop(dropped, None)
        return counts

    def known(self, f: q.Filters) -> list[tuple[str, int]] | None:
        return self._counts.get(self.key(f))

    def known_months(self, f: q.Filters) -> list[tuple[str, int]] | None:
        """(YYYY-MM, events) of a filter set counted already (`q.counts_by_month` of its counts), else None."""
        key = self.key(f)
        months = self._months.get(key)
        if months is None:
            counts = self._counts.get(key)
            if counts is None:
                return None
            months = self._months[key] = q.counts_by_month(counts)
        return months

    def clear(self) -> None:
        self._counts.clear()
        self._months.clear()


def merged_events_source(filters: q.Filters, counts: EventCounts | None = None, sort: str = "date") -> FuncSource:
    counts = counts or EventCounts()
    return FuncSource(
        lambda c: q.counts_total(counts.get(c, filters)),
        lambda c, o, n: q.merged_events(c, filters, o, n, counts=counts.get(c, filters), sort=sort),
        _merged_event_row,
        "no events for these filters — v lists the dated expressions",
    )


def timeline_source(filters: q.Filters) -> FuncSource:
    return FuncSource(
        lambda c: q.count_events(c, filters),
        lambda c, o, n: q.events(c, filters, o, n),
        _event_row,
        "no dated events for these filters",
    )


# The Quotes list shows each quote's article title only from this width on: narrower, a title cut
# to a dozen characters says nothing and the quote needs the room (80 columns, maximised).
TITLE_COLUMN_FROM = 110
DATE_W = 10


def said_date(row: q.QuoteRow) -> str:
    """When the quote was said, for a 10-cell column: its day (or week, month…); an article dated only by an
    interval shows the narrowest value covering it, marked uncertain; a database older than the quotes' dates
    shows the article's date."""
    if row.said_on is None:
        return (row.published or "undated") if row.said_on_basis is None else "undated"
    if "/" not in row.said_on:
        return date_label(row.said_on, DATE_W).rstrip()
    first, last = row.said_on.split("/", 1)
    covering = covering_value(first, last) if ".." not in (first, last) else None
    return date_label(covering or "undated", DATE_W - 1).rstrip() + UNCERTAIN_MARK


def _said_style(row: q.QuoteRow) -> str:
    """A date the attribution gives stands out from an article's date, which is muted."""
    from model.corpus.said_on import ATTRIBUTION  # the derivation's module: once a quote is drawn, not at start-up

    return DATE_STYLE if (row.said_on_basis or "").startswith(ATTRIBUTION) else MUTED_STYLE


def _columns(row: q.QuoteRow, width: int, previous: q.QuoteRow | None) -> tuple[str, int, int]:
    """The speaker as shown (blank under the same speaker, grouped), its width and the title's (0: none)."""
    who_w = min(18, max(0, width // 4))
    title_w = min(30, width // 5) if width >= TITLE_COLUMN_FROM else 0
    who = clean(row.speaker, "?")
    if previous is not None and previous.speaker == row.speaker:
        who = ""
    return who, who_w, title_w


@lru_cache(maxsize=64)  # drawn for every row: one layout a width
def quote_columns(width: int, sort: str) -> tuple[Column, ...]:
    """Speaker, quote, article (when there is room) and when it was said: by its date ("said"), or, sorted by the
    article's date, that date's heading is "date"."""
    who_w = min(18, max(0, width // 4))
    title_w = min(30, width // 5) if width >= TITLE_COLUMN_FROM else 0
    quote_w = max(0, width - who_w - title_w - DATE_W - 2 - (1 if title_w else 0))
    columns = [Column("speaker", who_w, ("speaker",)), _gap(), Column("quote", quote_w), _gap()]
    if title_w:
        columns += [Column("article", title_w), _gap()]
    when = ("date", "said") if sort == "date" else ("said", "date")
    return (*columns, Column(when[0], DATE_W, when))


@lru_cache(maxsize=64)  # drawn for every row: one layout a width
def statement_columns(width: int) -> tuple[Column, ...]:
    """Speaker, the wording, and at the right end (its width varies) in how many outlets and when (a statement's
    date is when it was said: the date sort and the said sort are one)."""
    who_w = min(18, max(0, width // 4))
    right = "outlets · said"
    return (
        Column("speaker", who_w, ("speaker",)),
        _gap(),
        Column("statement", max(0, width - who_w - 1 - len(right) - 2)),
        Column(right, len(right) + 2, ("said", "date"), right=True),
    )


def quote_header(width: int, sort: str, view: str, tall: bool) -> tuple[Column, ...]:
    """The Quotes list's columns as its rows draw them (tall, a quote's date is at the right end of its first
    line and the article under it)."""
    if view == "statements":
        return statement_columns(width)
    columns = quote_columns(width, sort)
    if tall:
        who, gap, _quote, *_rest, when = columns
        return (who, gap, Column("quote · article", max(0, width - who.width - DATE_W - 2)), _gap(), when)
    return columns


def _quote_row(row: q.QuoteRow, width: int, previous: q.QuoteRow | None = None) -> Content:
    """Speaker, quote, article (when there is room) and when it was said. Grouped by speaker, a
    speaker's name shows on their first quote only."""
    who, who_w, title_w = _columns(row, width, previous)
    quote_w = quote_columns(width, "date")[2].width  # the header's
    parts = [
        (fit(who, who_w), "bold" if row.speaker else MUTED_STYLE),
        " ",
        (fit(as_said(row.text, row.kind, row.cue), quote_w), said_style(row.kind)),
        " ",
    ]
    if title_w:
        parts += [(fit(clean(row.title, "(untitled)"), title_w), MUTED_STYLE), " "]
    parts.append((fit(said_date(row), DATE_W), _said_style(row)))
    return Content.assemble(*parts)


def _statement_row(row: q.StatementRow, width: int, previous: q.StatementRow | None = None) -> Content:
    """Speaker, the fullest wording, in how many outlets (N×; an article whose outlet is not known counts as
    one) and when: the first and last dates it was said on."""
    if isinstance(row, q.QuoteRow):  # a database without statements lists its quotes
        return _quote_row(row, width, previous)
    who_w = min(18, max(0, width // 4))
    when = date_span(row.first, row.last)
    count = f"{row.outlets}×"
    quote_w = max(0, width - who_w - len(when) - len(count) - 3)
    who = clean(row.speaker, "?")
    if previous is not None and getattr(previous, "speaker", None) == row.speaker:
        who = ""
    return Content.assemble(
        (fit(who, who_w), "bold" if row.speaker else MUTED_STYLE),
        " ",
        (fit(as_said(row.text, row.quote.kind, row.quote.cue), quote_w), said_style(row.quote.kind)),
        " ",
        (count, "bold" if row.outlets > 1 else MUTED_STYLE),
        " ",
        (when, MUTED_STYLE),
    )


def _statement_rows_tall(row: q.StatementRow, width: int, previous=None) -> tuple[Content, Content]:
    """A statement on two lines (the list maximised): the speaker, the wording's first line, in how many outlets
    and when; under them the rest of the wording, or how many articles and wordings it has."""
    if isinstance(row, q.QuoteRow):
        return _quote_rows_tall(row, width, previous)
    who_w = min(18, max(0, width // 4))
    who = "" if previous is not None and getattr(previous, "speaker", None) == row.speaker else clean(row.speaker, "?")
    right = f"{row.outlets}× {date_span(row.first, row.last)}"
    said = as_said(row.text, row.quote.kind, row.quote.cue)
    first_w = max(1, width - who_w - len(right) - 2)
    lines = wrap(said, first_w)
    first_end = lines[1][0] if len(lines) > 1 else len(said)
    rest = said[first_end:]
    top = Content.assemble(
        (fit(who, who_w), "bold" if row.speaker else MUTED_STYLE),
        " ",
        (fit(said[:first_end].rstrip(), first_w), said_style(row.quote.kind)),
        " ",
        (right, "bold" if row.outlets > 1 else MUTED_STYLE),
    )
    counts = f"{row.articles} article{'s' * (row.articles != 1)} · {row.quotes} wording{'s' * (row.quotes != 1)}"
    under = (fit(rest, width - who_w - 1), said_style(row.quote.kind)) if rest else (counts, MUTED_STYLE)
    return top, Content.assemble((fit("", who_w), ""), " ", under)


def statements_source(filters: q.Filters, sort: str) -> FuncSource:
    """The Quotes pane grouped by statement; a database older than the statements lists its quotes."""
    count, total = counted(
        lambda c: q.count_statements(c, filters, WORD_COUNT_CAP) if q.has_statements(c) else q.count_quotes(c, filters)
    )
    return FuncSource(
        count,
        lambda c, o, n: (
            q.statements(c, filters, sort, o, n, total())
            if q.has_statements(c)
            else q.quotes(c, filters, sort, o, n, total())
        ),
        _statement_row,
        "no quotes for these filters — x removes the last filter",
        grouped=sort == "speaker",
        tall_fn=_statement_rows_tall,
    )


def _quote_rows_tall(row: q.QuoteRow, width: int, previous: q.QuoteRow | None = None) -> tuple[Content, Content]:
    """A quote on two lines (the list maximised): the speaker, the quote's first line and when it was said;
    under them the rest of the quote, or the article's title when the quote fits on one line."""
    who, who_w, title_w = _columns(row, width, previous)
    said = as_said(row.text, row.kind, row.cue)
    first_w = max(1, width - who_w - DATE_W - 2)
    lines = wrap(said, first_w)
    first_end = lines[1][0] if len(lines) > 1 else len(said)
    rest = said[first_end:]
    second_w = max(0, width - who_w - 1 - (title_w + 1 if title_w and rest else 0))
    top = Content.assemble(
        (fit(who, who_w), "bold" if row.speaker else MUTED_STYLE),
        " ",
        (fit(said[:first_end].rstrip(), first_w), said_style(row.kind)),
        " ",
        (fit(said_date(row), DATE_W), _said_style(row)),
    )
    title = clean(row.title, "(untitled)")
    under = [(fit("", who_w), ""), " "]
    if rest:
        under.append((fit(rest, second_w), said_style(row.kind)))
        if title_w:
            under += [" ", (fit(title, title_w), MUTED_STYLE)]
    else:
        under.append((fit(title, second_w), MUTED_STYLE))
    return top, Content.assemble(*under)


def quotes_source(filters: q.Filters, sort: str, view: str = "quotes") -> FuncSource:
    if view == "statements":
        return statements_source(filters, sort)
    count, total = counted(lambda c: q.count_quotes(c, filters, WORD_COUNT_CAP))
    return FuncSource(
        count,
        lambda c, o, n: q.quotes(c, filters, sort, o, n, total()),
        _quote_row,
        "no quotes for these filters — x removes the last filter",
        grouped=sort == "speaker",
        tall_fn=_quote_rows_tall,
    )


class ArticlesList(VirtualList):
    BINDINGS = bindings.ARTICLES


class EntitiesList(VirtualList):
    BINDINGS = bindings.ENTITIES


class TimelineList(VirtualList):
    BINDINGS = bindings.TIMELINE


class QuotesList(VirtualList):
    BINDINGS = bindings.QUOTES


LISTS = {"articles": ArticlesList, "entities": EntitiesList, "timeline": TimelineList, "quotes": QuotesList}
