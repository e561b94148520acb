"""What the reader shows: a plain text with styled spans and links.

An article becomes its header, then its body with entity mentions coloured by
type, quotes in italics followed by their speaker, and dates marked. An entity
page is built the same way from `EntityPage`. Every string from the database is
cleaned and enters as plain text; styles are spans, never markup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from textual.content import Content, Span

from model.corpus import query as q

from .text import QUOTED_KINDS, as_said, clean, clean_keep_offsets, context_after, context_before

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
    kind: str  # mention | quote | date | speaker | entity | article | event
    target: Any  # MentionSpan, QuoteRow, TimexRow, entity id, or (article id, start, end)


@dataclass
class Doc:
    kind: str  # article | entity | message
    ident: int | None
    title: str
    text: str
    spans: list[Span] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    body_offset: int = 0  # where the stored text starts (articles)
    inserts: list[tuple[int, int]] = field(default_factory=list)  # (stored offset, length added there)
    article: q.ArticleDoc | None = None
    page: q.EntityPage | None = None

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
            note = f" ‹{clean(quote.speaker, 'unknown speaker')}›"
            start = at + shift
            out.append(note)
            spans.append(Span(start + 1, start + len(note), SPEAKER_STYLE))
            if quote.speaker_entity is not None:
                links.append(Link(start + 2, start + len(note) - 1, "speaker", quote.speaker_entity))
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
    """The entity page; keyword-in-context lines are cut to fit `width`."""
    e = page.entity
    b = _Builder()
    name = clean(e.name)
    _entity_header(b, page, name)
    _heading(b, "Mentions", len(page.mentions), e.mentions)
    _mentions_section(b, page, width)
    b.line()
    for title, rows, total in (
        ("Quotes by " + name, page.quotes_by, page.quotes_by_total),
        ("Quotes mentioning " + name, page.quotes_about, page.quotes_about_total),
    ):
        _heading(b, title, len(rows), total)
        _quotes_section(b, rows, e.id)
        b.line()
    _heading(b, "Timeline", len(page.events), page.events_total)
    _events_section(b, page.events, width)
    b.line()
    _appears_with_section(b, page.cooccurring)
    return Doc("entity", e.id, name, b.text, b.spans, b.links, page=page)


def _entity_header(b: _Builder, page: q.EntityPage, name: str) -> None:
    e = page.entity
    b.add(name, "bold " + label_style(e.label).replace("underline ", ""))
    b.line(f"  {e.label or '?'} · {e.mentions} mentions in {e.articles} articles", MUTED_STYLE)
    if page.aliases:
        b.add("Also: ", MUTED_STYLE)
        b.line(" · ".join(f"{clean(a)} ({n})" for a, n in page.aliases))
    b.line()


def _heading(b: _Builder, text: str, shown: int, total: int) -> None:
    """A section's heading with how many rows it shows of how many (counts past the cap shown as N+)."""
    of = f"{total:,}+" if total >= q.PAGE_COUNT_CAP and text != "Mentions" else f"{total:,}"
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
        b.add("  " + _when(quote.published) + " ", MUTED_STYLE)
        if quote.speaker and quote.speaker_entity != entity_id:
            b.add(clean(quote.speaker), "bold", ("entity", quote.speaker_entity) if quote.speaker_entity else None)
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


def _appears_with_section(b: _Builder, cooccurring) -> None:
    b.line("Appears with", HEADING_STYLE)
    if not cooccurring:
        b.line("  nobody else", MUTED_STYLE)
    for other, shared in cooccurring:
        b.add("  ")
        b.add(clean(other.name), label_style(other.label), ("entity", other.id))
        b.line(f"  {other.label or '?'} · in {shared} of the same articles", MUTED_STYLE)


def message_doc(text: str) -> Doc:
    return Doc("message", None, "", clean(text), [Span(0, len(clean(text)), MUTED_STYLE)])


def read_article(conn, aid: int) -> Doc:
    """Article `aid`'s document, or a message when it is gone."""
    data = q.get_article(conn, aid)
    return article_doc(data) if data else message_doc("That article is no longer in the database.")


def read_document(conn, kind: str, ident: int, width: int) -> Doc:
    """The reader's page for an article or an entity (its keyword-in-context lines `width` wide)."""
    if kind == "article":
        return read_article(conn, ident)
    data = q.entity_page(conn, ident)
    return entity_doc(data, width) if data else message_doc("That entity is no longer in the database.")


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
