"""The four list panes: what each shows (a Source over model.corpus.query) and its keys."""

from __future__ import annotations

from rich.cells import set_cell_size
from textual.content import Content

from model.corpus import query as q

from . import bindings
from .document import DATE_STYLE, MUTED_STYLE, UNCERTAIN_MARK, band, date_label, label_style, said_style
from .text import as_said, cells, clean, shorten
from .widgets.vlist import FuncSource, VirtualList

PANES = ("articles", "entities", "timeline", "quotes")
TITLES = {"articles": "Articles", "entities": "Entities", "timeline": "Timeline", "quotes": "Quotes"}


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or padded."""
    return set_cell_size(shorten(text, width), max(0, width))


def _article_row(show_basis: bool):
    def render(row: q.ArticleRow, width: int) -> Content:
        date = fit(row.published or "undated", 10)
        middle = clean(row.published_basis, "—") if show_basis else clean(row.source, "—")
        mid_w = max(0, width // 2) if show_basis else min(16, max(0, width // 4))
        title_w = max(0, width - 10 - mid_w - 2)
        return Content.assemble(
            (date, MUTED_STYLE if not row.published else ""),
            " ",
            (fit(middle, mid_w), MUTED_STYLE),
            " ",
            fit(clean(row.title, "(untitled)"), title_w),
        )

    return render


def articles_source(filters: q.Filters, sort: str, show_basis: bool) -> FuncSource:
    return FuncSource(
        lambda c: q.count_articles(c, filters),
        lambda c, o, n: q.articles(c, filters, sort, o, n),
        _article_row(show_basis),
        "no articles match — x removes the last filter"
        if filters != q.Filters()
        else "no articles yet — add some with: sinorus-tui ingest PATH",
    )


def _entity_row(row: q.EntityRow, width: int) -> Content:
    counts = f"{row.mentions:>8,}{row.articles:>8,}"
    name_w = max(0, width - 7 - len(counts))
    return Content.assemble(
        (fit(clean(row.name), name_w), label_style(row.label).replace("underline ", "")),
        (fit(" " + (row.label or "?"), 7), MUTED_STYLE),
        (counts, MUTED_STYLE),
    )


def entities_source(filters: q.Filters) -> FuncSource:
    return FuncSource(
        lambda c: q.count_entities(c, filters),
        lambda c, o, n: q.entities(c, filters, o, n),
        _entity_row,
        "no entities match",
    )


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


def _quote_row(row: q.QuoteRow, width: int, previous: q.QuoteRow | None = None) -> Content:
    """Speaker, quote, article (when there is room) and date. Grouped by speaker, a
    speaker's name shows on their first quote only."""
    who_w = min(18, max(0, width // 4))
    title_w = min(30, width // 5) if width >= TITLE_COLUMN_FROM else 0
    quote_w = max(0, width - who_w - title_w - 12 - (1 if title_w else 0))
    who = clean(row.speaker, "?")
    if previous is not None and previous.speaker == row.speaker:
        who = ""
    parts = [
        (fit(who, who_w), "bold" if row.speaker else MUTED_STYLE),
        " ",
        (fit(as_said(row.text, row.kind, row.cue), quote_w), said_style(row.kind)),
        " ",
    ]
    if title_w:
        parts += [(fit(clean(row.title, "(untitled)"), title_w), MUTED_STYLE), " "]
    parts.append((fit(row.published or "undated", 10), MUTED_STYLE))
    return Content.assemble(*parts)


def quotes_source(filters: q.Filters, sort: str) -> FuncSource:
    return FuncSource(
        lambda c: q.count_quotes(c, filters),
        lambda c, o, n: q.quotes(c, filters, sort, o, n),
        _quote_row,
        "no quotes for these filters — x removes the last filter",
        grouped=sort == "speaker",
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
