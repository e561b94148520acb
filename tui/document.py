"""What the reader shows: a plain text with styled spans and links.

An article becomes its header, then its body with entity mentions coloured by
type, quotes in italics followed by their speaker, and dates marked. An entity
page is built the same way from `EntityPage`. Every string from the database is
cleaned and enters as plain text; styles are spans, never markup.
"""

from __future__ import annotations

import bisect
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from textual.content import Content, Span

from model.corpus import query as q
from model.corpus.joint import SEPARATOR as JOINT_SEPARATOR
from model.corpus.query.entity_page import MONTHS_ROWS
from model.wording import counted

from .sparks import blocks, buckets
from .text import QUOTED_KINDS, as_said, cells, clean, clean_keep_offsets, context_after, context_before, shorten, wrap

LABEL_STYLES = {
    "PERSON": "underline $text-warning",
    "ORG": "underline $text-success",
    "GPE": "underline $text-primary",
    "LOC": "underline $text-primary",
    "FAC": "underline $text-primary",
    "NORP": "underline $text-secondary",
}
OTHER_STYLE = "underline $text-accent"
QUOTE_STYLE = "italic $text-secondary"
REPORTED_STYLE = "$text-secondary"  # reported speech: upright, it is not the speaker's words
SPEAKER_STYLE = "dim italic"
DATE_STYLE = "bold $text-error"
UNCERTAIN_MARK = "≈"  # after a date resolved against a publication date that is not known for certain
UNCERTAIN_DATE_STYLE = "italic $text-error"  # such a date in the reader (not bold: less sure)
HEADING_STYLE = "bold $text-primary"
TITLE_STYLE = "bold"
MUTED_STYLE = "$text-muted"
SPARK_STYLE = "$text-primary"  # a tint only: the blocks' heights say it without colour (NO_COLOR, 16 colours)
SPARK_CELLS = 60  # at most this many blocks, one a month (or a few months a block over a long span)
CURSOR_STYLE = "reverse"
HIT_STYLE = "bold reverse $text-warning"
TARGET_STYLE = "bold"


def said_style(kind: str | None) -> str:
    """Quoted words in italics; reported speech upright, so the two never look alike."""
    return QUOTE_STYLE if kind in QUOTED_KINDS else REPORTED_STYLE


def label_style(label: str | None) -> str:
    return LABEL_STYLES.get(label or "", OTHER_STYLE)


@dataclass
class Link:
    """A span the link cursor stops on, and what `enter` does there."""

    start: int
    end: int
    kind: str  # mention | quote | date | speaker | entity | article | event | merged-event | report
    target: Any  # MentionSpan, QuoteRow, TimexRow, entity id, (article id, start, end), EventRow or EventReport


@dataclass
class Doc:
    """What the reader shows: an article, entity, statement, event or message, with its lines."""

    kind: str  # article | entity | statement | event | message
    ident: int | str | None  # a statement's or an event's id is text
    title: str
    text: str
    spans: list[Span] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    body_offset: int = 0  # where the stored text starts (articles)
    inserts: list[tuple[int, int]] = field(default_factory=list)  # (stored offset, length added there)
    article: q.ArticleDoc | None = None
    page: q.EntityPage | None = None
    statement: q.StatementPage | None = None
    event: q.EventPage | None = None
    width: int = 0  # the width its lines were cut to (an entity's or an event's page); 0: any width
    hangs: dict[int, int] = field(default_factory=dict)  # a paragraph's start → its wrapped lines' indent

    @property
    def partial(self) -> q.EntityPage | q.StatementPage | None:
        """The head of a page read in part (an entity's or a statement's) whose rest is still to be read; None
        when the page is whole."""
        page = self.page if self.page is not None else self.statement
        return page if page is not None and not page.complete else None

    def display(self, offset: int) -> int:
        """The display offset of a stored-text offset (articles)."""
        added = 0
        for at, length in self.inserts:
            if at >= offset:
                break
            added += length
        return self.body_offset + offset + added

    def link_at(self, start: int, end: int | None = None, kind: str | None = None) -> int | None:
        """Index of the first link starting at or after display offset `start` (of `kind`)."""
        starts = [lk.start for lk in self.links]
        i = bisect.bisect_left(starts, start)
        for j in range(i, len(self.links)):
            if kind is None or self.links[j].kind == kind:
                return j
        return None


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []
        self.links: list[Link] = []
        self.hangs: dict[int, int] = {}
        self._line_at = 0  # where the line being built starts

    def hang(self, indent: int) -> None:
        """The line being built, wrapped, goes on `indent` cells in (under its text, not its date)."""
        self.hangs[self._line_at] = indent

    def add(self, text: str, style: str | None = None, link: tuple[str, Any] | None = None) -> None:
        text = clean(text) if "\n" not in text else text
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if style and text:
            self.spans.append(Span(start, self.length, style))
        if link and text:
            self.links.append(Link(start, self.length, link[0], link[1]))

    def line(self, text: str = "", style: str | None = None, link: tuple[str, Any] | None = None) -> None:
        self.add(text, style, link)
        self.add("\n")
        self._line_at = self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


_CLOSERS = re.compile(r"[”\"’»'.,;:!?]*")


PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our", "him", "them"}


def _speaker_named_nearby(quote: q.QuoteRow, sentences: list[tuple[int, int]], near: int = 40) -> bool:
    """The text already names the speaker by the quote (in its sentences, or within
    `near` characters) and not with a pronoun: no need to add the name again."""
    if quote.speaker_start is None or not quote.speaker_text or not quote.speaker:
        return False
    if quote.speaker_text.strip().lower() in PRONOUNS:
        return False
    lo, hi = quote.start - near, quote.end + near
    starts = [st for st, _ in sentences]
    i = bisect.bisect_right(starts, quote.start) - 1
    j = bisect.bisect_right(starts, max(quote.start, quote.end - 1)) - 1
    if i >= 0 and j >= 0:
        lo, hi = min(lo, sentences[i][0]), max(hi, sentences[j][1])
    return lo <= quote.speaker_start and quote.speaker_end <= hi


def article_doc(doc: q.ArticleDoc) -> Doc:
    b = _Builder()
    b.line(clean(doc.title, "(untitled)"), TITLE_STYLE)
    meta = " · ".join(x for x in (clean(doc.source), clean(doc.published, "undated")) if x)
    b.line(meta, MUTED_STYLE)
    b.line()
    body_offset = b.length
    text = clean_keep_offsets(doc.text)
    body, spans, links, insert_lengths = _with_speaker_notes(text, doc, body_offset)
    result = Doc(
        "article",
        doc.id,
        clean(doc.title, "(untitled)"),
        b.text + body,
        b.spans,
        [],
        body_offset,
        insert_lengths,
        article=doc,
    )
    _mark_facts(result, doc, spans, links)
    result.spans += spans
    # Reading order; a quote comes before the mentions inside it.
    result.links = sorted(links, key=lambda lk: (lk.start, -(lk.end - lk.start)))
    return result


def speaker_names(quote: q.QuoteRow) -> list[tuple[str, int | None]]:
    """The quote's speaker as (text, entity or None) pieces: one for a single speaker, each member of a joint
    speaker and the separators between them (no entity)."""
    if not quote.joint:
        return [(clean(quote.speaker, "unknown speaker"), quote.speaker_entity)]
    pieces: list[tuple[str, int | None]] = []
    for i, (entity, name) in enumerate(quote.members):
        if i:
            pieces.append((JOINT_SEPARATOR, None))
        pieces.append((clean(name, "?"), entity))
    return pieces


def _with_speaker_notes(text: str, doc: q.ArticleDoc, body_offset: int):
    """The body with a ‹speaker› note after each quote's closing marks (unless the text names the
    speaker nearby): (body, the notes' spans, their links, (offset, length) of each note)."""
    inserts: dict[int, list[q.QuoteRow]] = {}
    for quote in doc.quotes:
        if _speaker_named_nearby(quote, doc.sentences):
            continue
        at = quote.end + _CLOSERS.match(text, quote.end).end() - quote.end
        inserts.setdefault(at, []).append(quote)
    spans: list[Span] = []
    links: list[Link] = []
    pos = 0
    out: list[str] = []
    shift = body_offset
    insert_lengths: list[tuple[int, int]] = []
    for at in sorted(inserts):
        out.append(text[pos:at])
        for quote in inserts[at]:
            names = speaker_names(quote)
            note = " ‹" + "".join(name for name, _ in names) + "›"
            start = at + shift
            out.append(note)
            spans.append(Span(start + 1, start + len(note), SPEAKER_STYLE))
            pos_in_note = start + 2
            for name, entity in names:  # each member of a joint speaker its own link
                if entity is not None:
                    links.append(Link(pos_in_note, pos_in_note + len(name), "speaker", entity))
                pos_in_note += len(name)
            shift += len(note)
            insert_lengths.append((at, len(note)))
        pos = at
    out.append(text[pos:])
    return "".join(out), spans, links, insert_lengths


def _mark_facts(result: Doc, doc: q.ArticleDoc, spans: list[Span], links: list[Link]) -> None:
    """Add a span and a link for every quote, mention and date of `doc`, at its place in `result`."""
    d = result.display
    for quote in doc.quotes:
        spans.append(Span(d(quote.start), d(quote.end), said_style(quote.kind)))
        links.append(Link(d(quote.start), d(quote.end), "quote", quote))
    for m in doc.mentions:
        spans.append(Span(d(m.start), d(m.end), label_style(m.label)))
        links.append(Link(d(m.start), d(m.end), "mention", m))
    for t in doc.timexes:
        spans.append(Span(d(t.start), d(t.end), UNCERTAIN_DATE_STYLE if t.uncertain else DATE_STYLE))
        links.append(Link(d(t.start), d(t.end), "date", t))


def _when(published: str | None) -> str:
    return (published or "undated").ljust(10)


def entity_doc(page: q.EntityPage, width: int = 80) -> Doc:
    """The entity page; keyword-in-context lines are cut to fit `width`. Of a page read in part (its head,
    `q.entity_page_head`), the lines up to its mentions: the start of the whole page's, to the character."""
    e = page.entity
    b = _Builder()
    name = clean(e.name)
    _entity_header(b, page, name, width)
    _heading(b, "Mentions", len(page.mentions), e.mentions)
    _mentions_section(b, page, width)
    b.line()
    if not page.complete:  # its head only: the rest of the page goes on from here once read (`read_entity_rest`)
        return Doc("entity", e.id, name, b.text, b.spans, b.links, page=page, width=width, hangs=b.hangs)
    for title, rows, total in (
        ("Quotes by " + name, page.quotes_by, page.quotes_by_total),
        ("Quotes mentioning " + name, page.quotes_about, page.quotes_about_total),
    ):
        _heading(b, title, len(rows), total)
        _quotes_section(b, rows, e.id)
        b.line()
    latest = f" in its latest {q.PAGE_ARTICLES} articles" if (e.articles or 0) > q.PAGE_ARTICLES else ""
    _heading(b, "Events" + latest, len(page.merged_events), page.merged_events_total)
    _merged_events_section(b, page.merged_events, width)
    b.line()
    _heading(b, "Timeline", len(page.events), page.events_total)
    _events_section(b, page.events, width)
    b.line()
    _appears_with_section(b, page.cooccurring)
    return Doc("entity", e.id, name, b.text, b.spans, b.links, page=page, width=width, hangs=b.hangs)


def _entity_header(b: _Builder, page: q.EntityPage, name: str, width: int) -> None:
    e = page.entity
    b.add(name, "bold " + label_style(e.label).replace("underline ", ""))
    b.line(f"  {e.label or '?'} · {e.mentions} mentions in {e.articles} articles", MUTED_STYLE)
    if page.aliases:
        b.add("Also: ", MUTED_STYLE)
        b.line(" · ".join(f"{clean(a)} ({n})" for a, n in page.aliases))
    _months_lines(b, page, width)
    b.line()


def _months_lines(b: _Builder, page: q.EntityPage, width: int) -> None:
    """The page's sparklines over one span of months, so that a month is the same column on both: when it was
    mentioned, and (a speaker) when it spoke."""
    dated = [m for m, _n in (*page.mentioned_months, *page.spoke_months)]
    if not dated:
        return
    span = (min(dated), max(dated))
    _months_line(b, "Mentioned", "article", page.mentioned_months, span, width)
    _months_line(b, "Spoke", "quote", page.spoke_months, span, width)


def _months_line(
    b: _Builder, label: str, what: str, months: list[tuple[str, int]], span: tuple[str, str], width: int
) -> None:
    """One sparkline of counts per month over `span`, `Mentioned  2023-01 ▁█ ▃ 2023-04  most 2023-02 (3 articles)`,
    within `width`; nothing when there are no dated months."""
    if not months:
        return
    first, last = span
    peak_month, peak = max(months, key=lambda m: (m[1], m[0]))
    head = f"{label:<10} {first} "
    tail = f" {last}" if last != first else ""
    room = max(4, min(SPARK_CELLS, width - 2 - len(head) - len(tail)))
    counts, per = buckets([(first, 0), *months, (last, 0)], room)
    bars = blocks(counts)
    capped = sum(n for _m, n in months) >= MONTHS_ROWS  # the query counts the latest MONTHS_ROWS only
    notes = [
        f" · its latest {MONTHS_ROWS:,} {what}s" if capped else "",
        f"  most {peak_month} ({counted(peak, what)})",
        f" · {per} months a block" if per > 1 else "",
    ]
    b.add(head, MUTED_STYLE)
    b.add(bars, SPARK_STYLE)
    used = len(head) + len(bars) + len(tail)
    for note in notes:
        if note and used + len(note) <= width - 2:
            tail += note
            used += len(note)
    b.line(tail, MUTED_STYLE)


def _heading(b: _Builder, text: str, shown: int, total: int) -> None:
    """A section's heading with how many rows it shows of how many (counts past the cap shown as N+)."""
    exact = text in ("Mentions", "Wordings")  # counted in full, not up to the cap
    of = f"{total:,}+" if total >= q.PAGE_COUNT_CAP and not exact else f"{total:,}"
    more = f" (first {shown} of {of})" if total > shown else f" ({of})"
    b.line(text + more, HEADING_STYLE)
    if not total:
        b.line("  none", MUTED_STYLE)


def _mentions_section(b: _Builder, page: q.EntityPage, width: int) -> None:
    """The mentions, keyword in context, cut to fit `width`."""
    style = label_style(page.entity.label)
    for k in page.mentions:
        text = clean(k.text)
        side = max(4, (width - 14 - len(text)) // 2)
        b.add("  " + _when(k.published) + " ", MUTED_STYLE)
        b.add(context_before(clean(k.left), side))
        b.add(text, style, ("article", (k.article, k.start, k.end)))
        b.line(context_after(clean(k.right), side))


def _quotes_section(b: _Builder, rows: list[q.QuoteRow], entity_id: int) -> None:
    """Quotes, each with its speaker unless that is the page's entity."""
    for quote in rows:
        b.hang(len("  " + _when(quote.published) + " "))
        b.add("  " + _when(quote.published) + " ", MUTED_STYLE)
        if quote.speaker and quote.speaker_entity != entity_id:
            for name, member in speaker_names(quote):  # each member of a joint speaker its own link
                b.add(name, "bold", ("entity", member) if member is not None else None)
            b.add(": ")
        b.add(as_said(quote.text, quote.kind, quote.cue), said_style(quote.kind), ("quote", quote))
        b.line(" — " + clean(quote.title, "(untitled)"), MUTED_STYLE)


def _events_section(b: _Builder, events: list[q.TimexRow], width: int) -> None:
    for t in events:
        what = clean(t.text)
        b.add("  " + date_label(t.value) + " " + band(t.granularity) + " ", DATE_STYLE)
        b.add(what, "bold", ("event", t))
        rest = max(0, width - 23 - len(what))
        title = " · " + clean(t.title, "(untitled)")
        b.line(title if len(title) <= rest else title[: max(0, rest - 1)] + "…", MUTED_STYLE)


def _merged_events_section(b: _Builder, events: list[q.EventRow], width: int) -> None:
    """Events, each a link to its page: date, band, summary (cut to fit), reports, `⚠` on a conflict."""
    for ev in events:
        tail = f"  {ev.reports} report{'s' if ev.reports != 1 else ''}"
        b.add(
            "  " + date_label(ev.value) + (UNCERTAIN_MARK if ev.uncertain else " ") + band(ev.granularity)[:6] + " ",
            DATE_STYLE,
        )
        summary = shorten(clean(ev.summary, clean(ev.trigger, "?")), max(8, width - 22 - len(tail)))
        b.add(summary, "bold", ("merged-event", ev))
        b.add(tail, MUTED_STYLE)
        b.line(" " + CONFLICT_MARK if ev.conflict else "", "bold $text-warning")


def _appears_with_section(b: _Builder, cooccurring) -> None:
    b.line("Appears with", HEADING_STYLE)
    if not cooccurring:
        b.line("  nobody else", MUTED_STYLE)
    for other, shared in cooccurring:
        b.add("  ")
        b.add(clean(other.name), label_style(other.label), ("entity", other.id))
        b.line(f"  {other.label or '?'} · in {shared} of the same articles", MUTED_STYLE)


def date_span(first: str | None, last: str | None) -> str:
    """When a statement was said: one date, or its first and last (the year once when they share it)."""
    if not first or not last:
        return first or last or "undated"
    if first == last:
        return first
    return f"{first}…{last[5:]}" if first[:4] == last[:4] else f"{first}…{last}"


def _outlets(page: q.StatementPage) -> str:
    """The outlets that carry a statement, by name, and how many of its articles give none: from the statement's
    own count of its articles by source (schema 13), else from its wordings."""
    if page.sources is not None:
        names = sorted({clean(s) for s in page.sources if clean(s).strip()}, key=str.casefold)
        unknown = sum(n for s, n in page.sources.items() if not clean(s).strip())
    else:
        names = sorted({clean(w.source) for w in page.wordings if clean(w.source).strip()}, key=str.casefold)
        unknown = len({w.article for w in page.wordings if not clean(w.source).strip()})
    if not names:  # beside "N articles": not "N articles of an outlet not known" again
        return "outlet not known" if unknown == 1 else "outlets not known"
    named = f"{counted(len(names), 'outlet')} ({', '.join(names)})"
    rest = f"{counted(unknown, 'article')} of an outlet not known" if unknown else ""
    return " + ".join(x for x in (named, rest) if x)


def statement_doc(page: q.StatementPage) -> Doc:
    """A statement's page: who said it, when, in how many articles and outlets; its fullest wording; then every
    wording, each a link to its article. Of a page read in part (its head, `q.statement_page_head`), the lines up
    to its first wordings: the start of the whole page's, to the character."""
    st = page.statement
    b = _Builder()
    who = clean(st.speaker, "unknown speaker")
    b.add(who, "bold", ("entity", st.speaker_entity) if st.speaker_entity is not None else None)
    b.line(f" · {st.kind or '?'}", MUTED_STYLE)
    b.line(
        f"said {date_span(st.first, st.last)} · {counted(st.articles, 'article')} · {_outlets(page)} · "
        f"{counted(st.quotes, 'wording')}",
        MUTED_STYLE,
    )
    b.line()
    b.add(as_said(st.text, st.quote.kind, st.quote.cue), said_style(st.quote.kind), ("quote", st.quote))
    b.line()
    b.line()
    _heading(b, "Wordings", st.quotes, st.quotes)  # as many as the statement has: its head's the same
    for quote in page.wordings:  # when each was said (its attribution's date, else its article's)
        when = "  " + _when((quote.said_on or quote.published or "")[:10] or None) + " "
        b.hang(len(when))
        b.add(when, MUTED_STYLE)
        b.add(as_said(quote.text, quote.kind, quote.cue), said_style(quote.kind), ("quote", quote))
        where = " · ".join(x for x in (clean(quote.title, "(untitled)"), clean(quote.source)) if x)
        b.line(" — " + where, MUTED_STYLE)
    return Doc("statement", st.id, who, b.text, b.spans, b.links, statement=page, hangs=b.hangs)


# ---------------------------------------------------------------- an event's page

CONFLICT_MARK = "⚠"
READING_COLUMN_MIN = 24  # cells a reading needs to stand beside the others


def event_doc(page: q.EventPage, width: int = 80) -> Doc:
    """An event's page: what happened, its date and readings (side by side when they conflict), participants
    and place as links, then each report: its article, outlet and date, its date reading and basis, the sentence."""
    ev = page.event
    b = _Builder()
    title = clean(ev.summary, clean(ev.trigger, "an event"))
    b.line(title, TITLE_STYLE)
    when = date_label(ev.value).strip() + (f" {UNCERTAIN_MARK}" if ev.uncertain else "") + f" ({ev.granularity})"
    b.add(when, DATE_STYLE)
    b.add(
        f" · {counted(page.reports_total, 'report')} · event word: {clean(ev.trigger, '?')}",  # not “…”: no one said it
        MUTED_STYLE,
    )
    b.line("  " + CONFLICT_MARK + " the reports disagree on the date" if ev.conflict else "", "bold $text-warning")
    _names_line(b, "Who: ", page.participants)
    _names_line(b, "Where: ", [page.place] if page.place else [])
    b.line()
    _readings_section(b, page, width)
    b.line()
    _heading(b, "Reports", len(page.reports), page.reports_total)
    for report in page.reports:
        _report_lines(b, report, width)
    return Doc("event", ev.id, title, b.text, b.spans, b.links, event=page, width=width, hangs=b.hangs)


def _names_line(b: _Builder, label: str, names: list[tuple[str, int | None]]) -> None:
    b.add(label, MUTED_STYLE)
    if not names:
        b.line("—", MUTED_STYLE)
        return
    for i, (name, entity_id) in enumerate(names):
        if i:
            b.add(" · ", MUTED_STYLE)
        b.add(clean(name), "bold", ("entity", entity_id) if entity_id is not None else None)
    b.line()


def _readings_section(b: _Builder, page: q.EventPage, width: int) -> None:
    """The readings of the date: side by side when they conflict (and fit), else one a line."""
    readings = page.readings
    b.line("Readings of the date" + (" — they conflict" if page.event.conflict else ""), HEADING_STYLE)
    if not readings:
        b.line("  none stored", MUTED_STYLE)
        return
    columns = len(readings)
    col_w = (width - 2) // columns - 1 if columns else 0
    outlets = {r.key: r.source for r in page.reports if r.source}
    if page.event.conflict and 1 < columns and col_w >= READING_COLUMN_MIN:
        _readings_side_by_side(b, readings, page.event.value, col_w, outlets)
        return
    for rd in readings:
        chosen = " (the event's date)" if rd.value == page.event.value else ""
        head = "  " + clean(rd.value)
        b.add(head, DATE_STYLE)
        room = max(16, width - cells(head + chosen + " · "))  # one line: the articles' keys cut, not wrapped
        b.line(f"{chosen} · {shorten(_given_by(rd, outlets), room)}", MUTED_STYLE)
        for basis in rd.basis:
            b.line("    " + shorten(clean(basis), max(8, width - 4)), MUTED_STYLE)


def _given_by(rd: q.EventReading, outlets: dict[str, str]) -> str:
    """The articles giving a reading: each its outlet and key ("Example Daily: wang-visit")."""
    return ", ".join(f"{clean(outlets[a])}: {clean(a)}" if a in outlets else clean(a) for a in rd.articles)


BASIS_LINES = 3  # lines of a column a basis may take


def _readings_side_by_side(
    b: _Builder, readings: list[q.EventReading], chosen: str | None, col_w: int, outlets: dict[str, str]
) -> None:
    """One column a reading: its value (✓ the event's), the articles giving it, then their bases, wrapped to
    the column."""
    cols = []
    for rd in readings:
        head = clean(rd.value) + (" ✓" if rd.value == chosen else "")
        lines = textwrap.wrap(_given_by(rd, outlets), col_w, max_lines=2, placeholder="…")
        for basis in rd.basis:
            lines += textwrap.wrap(clean(basis), col_w, max_lines=BASIS_LINES, placeholder="…")
        cols.append((head, [shorten(x, col_w) for x in lines]))
    b.add("  ")
    for head, _ in cols:
        b.add(head.ljust(col_w + 1)[: col_w + 1], DATE_STYLE)
    b.line()
    for row in range(max(len(lines) for _, lines in cols)):
        b.add("  ")
        b.line("".join((lines[row] if row < len(lines) else "").ljust(col_w + 1) for _, lines in cols), MUTED_STYLE)


REPORT_TITLE_MIN = 20  # cells a report's title needs beside its date, outlet and day; fewer, it goes below


def _report_lines(b: _Builder, r: q.EventReport, width: int) -> None:
    """A report: date reading, outlet and article (a link to the sentence in it), basis, the sentence."""
    reading = clean(r.value, "?") + (f" (its weekday: {clean(r.weekday_value)})" if r.weekday_value else "")
    head = "  " + reading + (f" {UNCERTAIN_MARK}" if r.uncertain else "")
    meta = " · " + clean(r.source, "no source") + " · " + (r.published or "undated") + " · "
    b.add(head, DATE_STYLE)
    b.add(meta, MUTED_STYLE)
    title = clean(r.title, clean(r.key))
    room = width - cells(head + meta)
    if room < REPORT_TITLE_MIN:  # the title on a line of its own, rather than cut to a word or wrapped
        b.line()
        b.add("    ")
        room = max(REPORT_TITLE_MIN, width - 4)
    b.line(shorten(title, room), "bold", ("report", r))
    if r.basis:
        b.line("    date: " + shorten(clean(r.basis), max(8, width - 10)), MUTED_STYLE)
    # the sentence, its date marked (offsets into the sentence as stored, cut at 600 characters)
    at, to = r.timex_start - r.start, r.timex_end - r.start
    sentence = r.sentence or ""
    if not 0 <= at <= to <= len(sentence):
        at = to = len(sentence)
    b.hang(4)
    b.add("    ")
    b.add(clean(sentence[:at]))
    b.add(clean(sentence[at:to]), DATE_STYLE)
    b.line(clean(sentence[to:]))


def made_for(doc: Doc, width: int) -> Doc:
    """`doc`, made again `width` wide if its lines were cut to another width (an entity's or an event's page made
    while the reader was hidden, say, 1 column wide); else `doc` itself."""
    if not doc.width or doc.width == width:
        return doc
    if doc.page is not None:
        return entity_doc(doc.page, width)
    if doc.event is not None:
        return event_doc(doc.event, width)
    return doc


def message_doc(text: str) -> Doc:
    return Doc("message", None, "", clean(text), [Span(0, len(clean(text)), MUTED_STYLE)])


def read_article(conn, aid: int) -> Doc:
    """Article `aid`'s document, or a message when it is gone."""
    data = q.get_article(conn, aid)
    return article_doc(data) if data else message_doc("That article is no longer in the database.")


def read_document(conn, kind: str, ident: int | str, width: int, rows: int | None = None) -> Doc:
    """The reader's page for an article, an entity (its keyword-in-context lines `width` wide), a statement or an
    event (its lines cut to `width`). Given the `rows` of a reader that shows it from the top, an entity or a
    statement page whose head fills them and more (`wants_rest`) is read that far only: the reader asks for the
    rest as it scrolls."""
    if kind == "article":
        return read_article(conn, ident)
    if kind == "statement":
        page = q.statement_page(conn, ident) if rows is None else q.statement_page_head(conn, ident)
        if page is None:
            return message_doc("That statement is no longer in the database.")
        doc = statement_doc(page)
        if not page.complete and wants_rest(len(wrap(doc.text, width)), 0, rows):
            return read_rest(conn, page, width)
        return doc
    if kind == "event":
        event = q.event_page(conn, ident)
        return event_doc(event, width) if event else message_doc("That event is no longer in the database.")
    head = q.entity_page_head(conn, ident)
    if head is None:
        return message_doc("That entity is no longer in the database.")
    doc = entity_doc(head, width)
    if rows is None or wants_rest(len(wrap(doc.text, width)), 0, rows):
        return read_rest(conn, head, width)
    return doc


def read_rest(conn, head: q.EntityPage | q.StatementPage, width: int) -> Doc:
    """The whole entity or statement page of which `head` was read."""
    if isinstance(head, q.StatementPage):
        return statement_doc(q.statement_page_rest(conn, head))
    return entity_doc(q.entity_page_rest(conn, head), width)


def wants_rest(lines: int, top: int, rows: int) -> bool:
    """Whether a reader showing an entity page's head (`lines` long) from line `top` in `rows` rows should have the
    rest of the page: the head ends within half a screen below what it shows."""
    return top + rows + rows // 2 >= lines


def article_for_row(conn, row, attr: str = "id") -> tuple[int, Doc] | None:
    """(article id, its document) for a list row whose `attr` is an article id, read on `conn` in a
    worker; None when that fails (the reader then loads it the usual way)."""
    aid = getattr(row, attr)
    try:
        return aid, read_article(conn, aid)
    except q.QueryError:
        return None


BANDS = {
    "time": "·",
    "day": "•",
    "week": "━",
    "month": "━━",
    "season": "━━━",
    "quarter": "━━━",
    "half-year": "━━━━",
    "year": "━━━━━━",
    "decade": "━━━━━━━",
    "century": "━━━━━━━━",
}


def date_label(value: str | None, width: int = 10) -> str:
    """A TIMEX3 value for a column: a decade `201` reads `201X`, a century `20` reads `20XX`."""
    v = value or "?"
    if v.isdigit() and len(v) in (2, 3):
        v = v + "X" * (4 - len(v))
    return v[:width].ljust(width)


def band(granularity: str) -> str:
    """A bar as wide as the stretch of time a date covers: a month is a band, not a day."""
    return BANDS.get(granularity, "┄┄").ljust(8)


def to_content(doc: Doc) -> Content:
    return Content(doc.text, spans=list(doc.spans))
