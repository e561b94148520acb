"""The browser's decisions, as plain functions of its state: what each list shows, which document a
row or a link opens, what a filter chip is made of, and the texts of titles and the status line.
The screen (tui/browser.py) asks these and applies the answers to its widgets.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from textual.content import Content

from model.corpus import query as q

from .document import UNCERTAIN_MARK, Doc
from .panes import (
    SORT_MARKS,
    TITLES,
    Column,
    EventCounts,
    article_columns,
    articles_source,
    entities_source,
    entity_columns,
    event_columns,
    merged_events_source,
    quote_header,
    quotes_source,
    timeline_source,
    timex_columns,
)
from .state import DocRef, Snapshot
from .text import as_said, clean, shorten

NAME_WIDTH = 24  # cells of a name in the status line, so its keys still fit
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # what the date prompt takes: YYYY, YYYY-MM or YYYY-MM-DD


def date_problem(value: str) -> str | None:
    """Why `value` is not a date the timeline can jump to (YYYY, YYYY-MM or YYYY-MM-DD on the calendar:
    not 2023-02-30 nor 2023-13-01), or None when it is one."""
    if not DATE.fullmatch(value):
        return "give YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-02"
    year, month, day = (int(part) for part in (value + "-01-01").split("-")[:3])
    try:
        datetime.date(year, month, day)
    except ValueError as e:  # "month must be in 1..12", "day is out of range for month", year 0
        return str(e)
    return None


# ---------------------------------------------------------------- what the lists show


def pane_sources(snap: Snapshot, old: Snapshot, event_counts: EventCounts | None = None) -> dict[str, tuple]:
    """For each list: (its source under `snap`, the key of its query, that key under `old`). A list
    whose key changed reloads. The Timeline's events are counted through `event_counts` (kept by the screen)."""
    f, of = snap.chips.filters(), old.chips.filters()
    return {
        "articles": (
            articles_source(f, snap.article_sort, snap.show_basis),
            (f.entity, f.search, snap.article_sort, snap.show_basis),
            (of.entity, of.search, old.article_sort, old.show_basis),
        ),
        "entities": (
            entities_source(q.Filters(label=snap.label, name=snap.name or None), snap.entity_sort),
            (snap.label, snap.name, snap.entity_sort),
            (old.label, old.name, old.entity_sort),
        ),
        "timeline": (
            merged_events_source(f, event_counts, snap.timeline_sort)
            if snap.timeline_view == "events"
            else timeline_source(f),
            _timeline_key(snap, f),
            _timeline_key(old, of),
        ),
        "quotes": (
            quotes_source(f, snap.quote_sort, snap.quote_view),
            (f.article, f.entity, f.speaker, f.said, f.search, snap.quote_sort, snap.quote_view),
            (of.article, of.entity, of.speaker, of.said, of.search, old.quote_sort, old.quote_view),
        ),
    }


def _timeline_key(snap: Snapshot, f: q.Filters) -> tuple:
    """What the Timeline's query depends on: events take the search too, the dated expressions do not."""
    if snap.timeline_view == "events":
        return ("events", f.article, f.entity, f.search, snap.timeline_sort)
    return ("dates", f.article, f.entity)


def density_key(snap: Snapshot) -> q.Filters | None:
    """The filters the density strip counts events under, or None when the Timeline lists dates (no strip)."""
    if snap.timeline_view != "events":
        return None
    return EventCounts.key(snap.chips.filters())


def next_sort(snap: Snapshot, focused: str | None) -> Snapshot:
    """`snap` with the focused list's next sort (Quotes: by date, by when said, by speaker; else Articles')."""
    if focused == "quotes":
        sorts = q.QUOTE_SORTS
        if snap.quote_view == "statements":  # a statement's date is when it was said: one order, one step of `s`
            sorts = tuple(x for x in sorts if x != "said")
        at = sorts.index(snap.quote_sort) if snap.quote_sort in sorts else 0
        return replace(snap, quote_sort=sorts[(at + 1) % len(sorts)])
    sorts = q.ARTICLE_SORTS
    return replace(snap, article_sort=sorts[(sorts.index(snap.article_sort) + 1) % len(sorts)])


# ---------------------------------------------------------------- columns and sorting by them

_SORT_FIELDS = {
    "articles": "article_sort",
    "entities": "entity_sort",
    "quotes": "quote_sort",
    "timeline": "timeline_sort",
}


def has_sorts(snap: Snapshot, name: str) -> bool:
    """Whether list `name` can be sorted more than one way as it shows now."""
    return _sort_field(snap, name) is not None


def _sort_field(snap: Snapshot, name: str) -> str | None:
    """The field of `snap` that holds list `name`'s sort; None for a list that has one order only (the
    Timeline's dated expressions are in date order)."""
    if name == "timeline" and snap.timeline_view != "events":
        return None
    return _SORT_FIELDS.get(name)


def pane_sort(snap: Snapshot, name: str) -> str:
    """The sort list `name` is in (the Timeline's dated expressions are in date order)."""
    field = _sort_field(snap, name)
    return getattr(snap, field) if field else "date"


def header_layout(name: str, snap: Snapshot, tall: bool = False) -> tuple:
    """(the columns of list `name` for a width, what they depend on besides it): the header's columns, laid out
    as the rows are drawn (after the cell a marked row shows its mark in)."""
    if name == "articles":
        key, layout = ("articles", snap.show_basis), lambda w: article_columns(w, snap.show_basis)
    elif name == "entities":
        key, layout = ("entities",), entity_columns
    elif name == "timeline":
        key = ("timeline", snap.timeline_view)
        layout = event_columns if snap.timeline_view == "events" else timex_columns
    else:
        key = ("quotes", snap.quote_view, snap.quote_sort, tall)
        layout = lambda w: quote_header(w, snap.quote_sort, snap.quote_view, tall)  # noqa: E731
    # every list's rows start after a cell (the mark's, on a list whose rows can be marked; blank on Entities)
    return (lambda w, inner=layout: [Column("", 1), *inner(max(0, w - 1))]), key


def sort_by_column(snap: Snapshot, name: str, column: Column) -> Snapshot | None:
    """`snap` with list `name` sorted by `column`: its first sort, or its next when the list is sorted by it
    already (a date column: newest, then oldest); None when that changes nothing (a column of one sort that
    the list is in, the Timeline's dated expressions)."""
    field = _sort_field(snap, name)
    if field is None or not column.sorts:
        return None
    current = getattr(snap, field)
    sorts = column.sorts
    sort = sorts[(sorts.index(current) + 1) % len(sorts)] if current in sorts else sorts[0]
    return replace(snap, **{field: sort}) if sort != current else None


def next_sort_column(snap: Snapshot, name: str, columns: list[Column]) -> Snapshot | None:
    """`snap` with list `name` sorted by the next column it can be sorted by, left to right and round (`o`)."""
    field = _sort_field(snap, name)
    sortable = [c for c in columns if c.sorts and field]
    if not sortable:
        return None
    current = pane_sort(snap, name)
    at = next((i for i, c in enumerate(sortable) if current in c.sorts), -1)
    return replace(snap, **{field: sortable[(at + 1) % len(sortable)].sorts[0]})


def sort_marks(name: str) -> dict[str, str]:
    return SORT_MARKS.get(name, {})


def next_quote_view(snap: Snapshot) -> Snapshot:
    """`snap` with the Quotes pane grouped by statement, or back to every quote."""
    return replace(snap, quote_view="quotes" if snap.quote_view == "statements" else "statements")


def with_kinds(search: str | None, kinds: str | None) -> str | None:
    """`search` with its `kind:` term set to `kinds` (None: taken out); a search that cannot be read is left as
    it is but for the term, put first."""
    try:
        terms = [t for t in (q.parse(search).terms if search else ()) if t.field != "kind"]
    except q.QueryError:
        return " ".join(x for x in (f"kind:{kinds}" if kinds else "", search or "") if x) or None
    if kinds:
        terms.append(q.Term("kind", kinds))
    return q.Query(tuple(terms)).text or None


# The Quotes pane's kind filters, as the command palette offers them: (the kinds a `kind:` search term keeps,
# title, help); None drops the term.
SAID_FILTERS = (
    ("direct,partial,indirect", "Quotes: words only", "Quoted and reported speech, no stances"),
    ("stance", "Quotes: stances only", "Positions attributed with no words reported (accuses: …, calls for: …)"),
    (None, "Quotes: every kind", "Words and stances"),
)


def next_label(labels: list[str], label: str | None) -> str | None:
    """The entity type after `label` (None: all types)."""
    options = [None, *labels]
    i = options.index(label) if label in options else 0
    return options[(i + 1) % len(options)]


# ---------------------------------------------------------------- which document opens


def ref_for_row(name: str, row, searching: bool) -> DocRef | None:
    """What the reader opens for `row` of list `name` (with a search on, at its first hit)."""
    if name == "articles":
        return DocRef("article", row.id, find=("hit",) if searching else None)
    if name == "entities":
        return DocRef("entity", row.id)
    if name == "timeline" and isinstance(row, q.EventRow):
        return DocRef("event", row.id)
    if name == "timeline":
        return DocRef("article", row.article, find=("date", "id", row.id, row.sentence_start, row.sentence_end))
    if name == "quotes" and isinstance(row, q.StatementRow):
        return DocRef("statement", row.id)
    if name == "quotes":
        return DocRef("article", row.article, find=("quote", "id", row.id))
    return None


def follow(link, doc_kind: str) -> tuple[str, object] | None:
    """Where `enter` on `link` (in a document of `doc_kind`) goes: ("doc", DocRef), ("date", a calendar
    date for the timeline), ("note", (message, seconds shown)), or None (nowhere)."""
    t = link.target
    if link.kind == "mention":
        return ("doc", DocRef("entity", t.entity)) if t.entity is not None else None
    if link.kind in ("speaker", "entity"):
        return "doc", DocRef("entity", t)
    if link.kind == "quote":
        return _follow_quote(t, doc_kind)
    if link.kind == "article":
        aid, start, _ = t
        return "doc", DocRef("article", aid, find=("mention", "start", start))
    if link.kind == "event":
        return "doc", DocRef("article", t.article, find=("date", "id", t.id, t.sentence_start, t.sentence_end))
    if link.kind == "merged-event":
        return "doc", DocRef("event", t.id)
    if link.kind == "report":
        return "doc", DocRef("article", t.article, find=("date", "start", t.timex_start, t.start, t.end))
    if link.kind == "date":
        if not t.value_start:
            return "note", (f"“{clean(t.text)}” has no date on the calendar ({clean(t.value, 'unresolved')})", 4)
        return "date", t.value_start
    return None


def _follow_quote(quote: q.QuoteRow, doc_kind: str) -> tuple[str, object]:
    """In an article a quote leads to its speaker; elsewhere (an entity page) to its article."""
    if doc_kind != "article":
        return "doc", DocRef("article", quote.article, find=("quote", "id", quote.id))
    if quote.speaker_entity is not None:
        return "doc", DocRef("entity", quote.speaker_entity)
    members = [entity for entity, _ in quote.members if entity is not None]
    if members:  # a joint speaker: its first member (each is a link of its own after the quote or on its page)
        return "doc", DocRef("entity", members[0])
    return "note", ("this quote has no known speaker", 3)


def find_link(doc: Doc, find: tuple) -> tuple[int | None, tuple[int, int] | None]:
    """Where to put the link cursor (and what to embolden) in a freshly loaded article."""
    kind = find[0]
    if kind == "hit":
        return None, None
    target = None
    if kind == "date" and len(find) > 3 and find[3] is not None:
        target = (doc.display(find[3]), doc.display(find[4]))
    for i, lk in enumerate(doc.links):
        if lk.kind == kind and getattr(lk.target, find[1], None) == find[2]:
            return i, target
    return None, target


# ---------------------------------------------------------------- what the selection is


def chip_for_doc(doc: Doc) -> tuple[str, tuple[int, str]] | None:
    """The filter chip for the reader's page itself (a statement's: its speaker)."""
    if doc.kind in ("article", "entity"):
        return doc.kind, (doc.ident, doc.title)
    if doc.kind == "statement" and doc.statement is not None and doc.statement.statement.speaker_entity is not None:
        return "speaker", (doc.statement.statement.speaker_entity, doc.title)
    return None


def chip_for_link(link, doc: Doc) -> tuple[str, tuple[int, str]] | None:
    """The filter chip for the link under the reader's cursor."""
    t = link.target
    if link.kind == "mention" and t.entity is not None:
        return "entity", (t.entity, clean(t.name or t.text))
    if link.kind in ("speaker", "entity"):
        return "entity", (t, link_text(doc, link))
    if link.kind in ("quote", "event", "date", "report"):
        aid = t.article
        title = t.title or (doc.title if doc.kind == "article" else str(aid))
        return "article", (aid, clean(title))
    if link.kind == "article":
        return "article", (t[0], str(t[0]))
    return None


def chip_for_row(name: str, row, speaker: tuple[int, str] | None = None) -> tuple[str, tuple[int, str]] | None:
    """The filter chip for `row` of list `name`. A joint speaker's quote filters by its members in turn: the one
    after the `speaker` filtered by now (the first, when none of them is)."""
    if name == "articles":
        return "article", (row.id, clean(row.title, row.key))
    if name == "entities":
        return "entity", (row.id, clean(row.name))
    if isinstance(row, q.StatementRow):  # a statement: its speaker, as its fullest wording has it
        row = row.quote
    if name == "quotes" and row.speaker_entity is not None:
        return "speaker", (row.speaker_entity, clean(row.speaker))
    if name == "quotes" and row.joint:
        members = [(entity, clean(member)) for entity, member in row.members if entity is not None]
        ids = [entity for entity, _ in members]
        now = ids.index(speaker[0]) if speaker is not None and speaker[0] in ids else -1
        return ("speaker", members[(now + 1) % len(members)]) if members else None
    if name == "timeline" and not isinstance(row, q.EventRow):
        return "article", (row.article, clean(row.title, str(row.article)))
    return None


FACT_OF_ROW = {"quotes": "quote", "timeline": "date", "articles": "article", "entities": "entity-row"}


def fact_of_row(name: str, row):
    """(kind, fact) for provenance and copy: a list's row (a statement's: its fullest quote)."""
    if isinstance(row, q.StatementRow):
        return "quote", row.quote
    if isinstance(row, q.EventRow):
        return "merged-event", row
    return FACT_OF_ROW[name], row


def fact_in_reader(link, doc: Doc):
    """(kind, fact) for provenance: the link under the reader's cursor, else the article shown."""
    if link is not None:
        return link.kind, link.target
    if doc.kind == "article":
        return "article", doc.article
    return None


# ---------------------------------------------------------------- texts


ARTICLE_SORT_NAMES = {
    "date": "newest",
    "oldest": "oldest",
    "title": "by title",
    "source": "by source",
    "source_desc": "by source, Z to A",
}


def pane_title(number: int, name: str, shown: int | None) -> str:
    total = "…" if shown is None else f"{shown:,}" + ("+" if isinstance(shown, q.AtLeast) else "")
    return f"{number} {TITLES[name]} {total}"


def pane_subtitle(name: str, s: Snapshot) -> str:
    """A pane's sort, date basis or entity filter, shown under it."""
    if name == "articles":
        sub = ARTICLE_SORT_NAMES[s.article_sort]
        return sub + (" · date basis" if s.show_basis else "")
    if name == "quotes":
        view = "statements · v: every quote" if s.quote_view == "statements" else "every quote · v: statements"
        return view + " · " + {"speaker": "by speaker", "said": "newest said"}.get(s.quote_sort, "newest")
    if name == "entities":
        return " · ".join((s.label or "all types", f"“{s.name}”" if s.name else "/ filters by name"))
    if name == "timeline":
        if s.timeline_view != "events":
            return "dated expressions · v: events"
        searched = f" of the latest {q.SEARCH_ARTICLES} articles found" if s.chips.search else ""
        by = "most reports first" if s.timeline_sort == "reports" else "reports"
        return f"events{searched} · {by} · v: dates"
    return ""


def hit_count(hit: int | None, hits: list) -> str:
    """The viewer's subtitle with a search on, over an article."""
    if not hits:
        return "no hits in this article · n: next article"
    return f"hit {hit + 1} of {len(hits)} · n/N" if hit is not None else f"{len(hits)} hits · n/N"


def doc_summary(doc: Doc) -> str:
    """The reader's title: what kind of page, and what its links are."""
    if doc.kind == "article" and doc.article is not None:
        a = doc.article
        parts = [f"{len(a.mentions)} mentions", f"{len(a.quotes)} quotes", f"{len(a.timexes)} dates"]
        return "Article · " + " · ".join(parts)
    if doc.kind == "entity":
        return "Entity · " + doc.title
    if doc.kind == "statement":
        return "Statement · " + doc.title
    if doc.kind == "event" and doc.event is not None:
        n = doc.event.reports_total
        return (
            "Event · "
            + f"{n} report{'s' if n != 1 else ''}"
            + (" · ⚠ date conflict" if doc.event.event.conflict else "")
        )
    return "Reader"


def link_text(doc: Doc, link) -> str:
    return clean(doc.text[link.start : link.end]).strip(" ‹›")


def describe_link(link, doc: Doc) -> Content:
    """One line under the reader about the link under the cursor."""
    if link is None:
        return _describe_page(doc)
    describe = _DESCRIBE.get(link.kind)
    return describe(link, doc) if describe else Content("")


def _describe_page(doc: Doc) -> Content:
    if doc.kind == "article":
        return Content("tab/e: next link · enter: follow · p: provenance · f: filter by this article")
    if doc.kind == "entity":
        return Content("tab/e: next link · enter: open · f: filter panes by this entity")
    if doc.kind == "statement":
        return Content("tab/e: next wording · enter: its article · f: filter quotes by this speaker")
    if doc.kind == "event":
        return Content("tab/e: next link · enter: open a report or a participant · [: back")
    return Content("")


# Names and cues are cut short, so the keys at the end of the line still fit.


def _describe_mention(link, doc: Doc) -> Content:
    t = link.target
    name = shorten(clean(t.name or t.text), NAME_WIDTH)
    return Content.assemble((t.label or "?", "bold"), f" {name} · enter: entity page · p: provenance")


def _describe_quote(link, doc: Doc) -> Content:
    t = link.target
    who = shorten(clean(t.speaker, "unknown speaker"), NAME_WIDTH)
    cue = f" · cue “{shorten(clean(t.cue), 16)}”" if t.cue else ""
    return Content.assemble(("quote", "bold"), f" {t.kind or ''} · {who}{cue} · y: copy · p: provenance")


def _describe_date(link, doc: Doc) -> Content:
    t = link.target
    rng = f" ({t.value_start}…{t.value_end})" if t.value_start and t.value_end != t.value_start else ""
    mark = f"{UNCERTAIN_MARK} uncertain: the publication date is not known for certain · " if t.uncertain else ""
    return Content.assemble(("date", "bold"), f" {clean(t.value, '?')}{rng} · {mark}enter: timeline · p: provenance")


def _describe_entity(link, doc: Doc) -> Content:
    name = shorten(link_text(doc, link), NAME_WIDTH)
    return Content.assemble(("entity", "bold"), f" {name} · enter: entity page")


def _describe_article(link, doc: Doc) -> Content:
    return Content.assemble(("mention", "bold"), " · enter: open the article there")


def _describe_event(link, doc: Doc) -> Content:
    return Content.assemble(("event", "bold"), f" {clean(link.target.value, '?')} · enter: open the sentence")


def _describe_merged_event(link, doc: Doc) -> Content:
    t = link.target
    mark = " · ⚠ date conflict" if t.conflict else ""
    return Content.assemble(
        ("event", "bold"), f" {clean(t.value, '?')} · {t.reports} reports{mark} · enter: event page"
    )


def _describe_report(link, doc: Doc) -> Content:
    t = link.target
    source = shorten(clean(t.source, "no source"), NAME_WIDTH)
    return Content.assemble(("report", "bold"), f" {clean(t.value, '?')} · {source} · enter: open the sentence")


_DESCRIBE = {
    "mention": _describe_mention,
    "quote": _describe_quote,
    "date": _describe_date,
    "speaker": _describe_entity,
    "entity": _describe_entity,
    "article": _describe_article,
    "event": _describe_event,
    "merged-event": _describe_merged_event,
    "report": _describe_report,
}


def citation(quote: q.QuoteRow) -> str:
    """A quote as an analyst pastes it: text, speaker, article, source, date."""
    who = clean(quote.speaker, "unknown speaker")
    where = ", ".join(
        x
        for x in (
            f"“{clean(quote.title)}”" if quote.title else None,
            clean(quote.source) or None,
            quote.published or "undated",
        )
        if x
    )
    return f"{as_said(quote.text, quote.kind, quote.cue)} — {who}, {where}"
