"""Small screens over the browser: provenance of a fact, help."""

from __future__ import annotations

import sqlite3

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from model.corpus import query as q
from model.corpus.query import QueryError

from . import bindings
from .internals import keymap
from .text import QUOTED_KINDS, REPORTED_MARK, STANCE_KIND, as_said, clean, shorten
from .widgets.hanging import Hanging, Row

_CSS = """
{name} {{ align: center middle; }}
{name} > #box {{ width: 90%; max-width: 100; height: auto; max-height: 90%; border: round $primary;
                 background: $surface; padding: 0 1; }}
"""


def _rows(pairs: list[tuple[str, object]]) -> list[Row]:
    """A field and its value a row, each value wrapped beside the fields (`Hanging`)."""
    width = max((len(k) for k, v in pairs if v not in (None, "")), default=0)
    return [
        (Content(k.ljust(width) + "  ").stylize("bold", 0, width), Content(clean(str(v))))
        for k, v in pairs
        if v not in (None, "")
    ]


def _short(text: str | None, n: int = 160) -> str:
    return shorten(clean(text), n)


def _where(start, end) -> str:
    return f"characters {start}–{end}"


def _mention_rows(fact) -> list[tuple[str, object]]:
    return [
        ("Mention", f"“{fact.text}”"),
        ("Span", _where(fact.start, fact.end)),
        ("Type", fact.label),
        ("Entity", fact.name),
        ("Rule", fact.basis),
    ]


def _quote_rows(fact) -> list[tuple[str, object]]:
    speaker_from = (
        f"“{fact.speaker_text}” at {_where(fact.speaker_start, fact.speaker_end)}"
        if fact.speaker_start is not None and fact.speaker_text
        else None
    )
    cue = None
    if fact.cue:
        cue = f"“{fact.cue}”" + (f" at {_where(fact.cue_start, fact.cue_end)}" if fact.cue_start is not None else "")
    return [
        (_said_label(fact.kind), as_said(fact.text, fact.kind, fact.cue)),
        ("Span", _where(fact.start, fact.end)),
        ("Kind", fact.kind),
        ("Speaker", fact.speaker or "unknown"),
        ("Speaker from", speaker_from),
        ("Cue", cue),
        ("Rule", fact.basis),
        ("Confidence", f"{fact.confidence:.2f}" if fact.confidence is not None else None),
        ("Said on", fact.said_on or ("not stated" if fact.said_on_basis else None)),
        ("Said on from", fact.said_on_basis),
        ("Article", fact.title),
    ]


def _date_rows(fact) -> list[tuple[str, object]]:
    rng = f"{fact.value_start} … {fact.value_end}" if fact.value_start else "not on the calendar"
    return [
        ("Date", f"“{fact.text}”"),
        ("Span", _where(fact.start, fact.end)),
        ("Type", fact.type),
        ("Value", fact.value),
        ("Covers", rng),
        ("Granularity", fact.granularity),
        ("Anchor", fact.anchor or "none (absolute)"),
        ("Rule", fact.basis),
        ("Uncertain", _uncertain(fact) if fact.uncertain else None),
        ("Sentence", f"{fact.sentence}: “{_short(fact.sentence_text)}”" if fact.sentence_text else fact.sentence),
        ("Article", fact.title),
    ]


def _uncertain(fact) -> str:
    """Why a date is uncertain: the publication date it was counted from is an interval, or was inferred."""
    if fact.anchor and "/" in fact.anchor:
        return f"yes ≈: the publication date is not stated; the text allows {fact.anchor.replace('/', ' … ')}"
    return "yes ≈: anchored to a publication date that is inferred, not given"


def _article_rows(fact) -> list[tuple[str, object]]:
    confidence = getattr(fact, "published_confidence", None)
    return [
        ("Article", fact.title),
        ("Key", fact.key),
        ("Published", fact.published or "undated"),
        ("Date basis", fact.published_basis),
        ("Confidence", f"{confidence:.2f}" if confidence is not None else None),
        ("Title basis", getattr(fact, "title_basis", None)),
        ("Source", fact.source),
        ("Source basis", getattr(fact, "source_basis", None)),
        ("URL", getattr(fact, "url", None)),
    ]


def _kwic_rows(fact) -> list[tuple[str, object]]:
    """A mention listed on an entity page, in its context."""
    return [
        ("Mention", f"“{fact.text}”"),
        ("Span", _where(fact.start, fact.end)),
        ("In context", f"…{fact.left}{fact.text}{fact.right}…"),
        ("Article", fact.title),
        ("Published", fact.published or "undated"),
    ]


def _entity_row_rows(fact) -> list[tuple[str, object]]:
    return [("Entity", fact.name), ("Type", fact.label), ("Mentions", fact.mentions), ("Articles", fact.articles)]


def _merged_event_rows(fact) -> list[tuple[str, object]]:
    """An event merged across articles (a Timeline row, or a link on an entity page)."""
    return [
        ("Event", fact.summary or fact.trigger),
        ("Date", fact.value),
        ("Granularity", fact.granularity),
        ("Trigger", fact.trigger),
        ("Participants", ", ".join(fact.participants) or None),
        ("Place", fact.place),
        ("Reports", fact.reports),
        (
            "Conflict",
            "yes ⚠: the reports give dates that cannot both be true (enter: the readings)" if fact.conflict else "no",
        ),
        (
            "Uncertain",
            "yes ≈: every report's date counts from a publication date not known for certain"
            if fact.uncertain
            else None,
        ),
        ("Id", fact.id),
    ]


def _report_rows(fact) -> list[tuple[str, object]]:
    """One report of an event (its event page)."""
    return [
        ("Report", f"“{_short(fact.sentence)}”"),
        ("Sentence", _where(fact.start, fact.end)),
        ("Date at", _where(fact.timex_start, fact.timex_end)),
        ("Reading", fact.value),
        ("Weekday says", fact.weekday_value),
        ("Rule", fact.basis),
        ("Uncertain", "yes ≈" if fact.uncertain else None),
        ("Article", fact.title),
        ("Key", fact.key),
        ("Source", fact.source),
        ("Published", fact.published or "undated"),
    ]


PROVENANCE_ROWS = {
    "mention": _mention_rows,
    "quote": _quote_rows,
    "date": _date_rows,
    "event": _date_rows,
    "article": _article_rows,
    "kwic": _kwic_rows,
    "merged-event": _merged_event_rows,
    "report": _report_rows,
    "entity-row": _entity_row_rows,
    "speaker": lambda fact: [("Entity id", fact)],
    "entity": lambda fact: [("Entity id", fact)],
    "article-link": lambda fact: [("Article id", fact)],
}


def provenance(kind: str, fact) -> list[tuple[str, object]]:
    """Where a fact came from, as (field, value) rows."""
    rows = PROVENANCE_ROWS.get(kind)
    return rows(fact) if rows else [("What", kind)]


def on_entity_page(kind: str, fact, page) -> tuple[str, object]:
    """(kind, fact) made specific for a link of an entity page: a mention row, (article, start, end),
    becomes its keyword-in-context line; an entity named there, its row with counts."""
    if kind == "article" and isinstance(fact, tuple):
        return _mention_row(fact, page)
    if kind in ("speaker", "entity") and page is not None:
        return _entity_row(fact, page) or (kind, fact)
    return kind, fact


def _mention_row(fact: tuple, page) -> tuple[str, object]:
    kwic = next((k for k in (page.mentions if page else []) if (k.article, k.start) == tuple(fact[:2])), None)
    return ("kwic", kwic) if kwic is not None else ("article-link", fact[0])


def _entity_row(entity_id: int, page) -> tuple[str, object] | None:
    rows = [page.entity, *(row for row, _shared in page.cooccurring)]
    row = next((r for r in rows if r.id == entity_id), None)
    return ("entity-row", row) if row is not None else None


class ProvenanceScreen(ModalScreen):
    BINDINGS = bindings.PROVENANCE
    DEFAULT_CSS = _CSS.format(name="ProvenanceScreen")

    def __init__(self, kind: str, fact, doc=None, notes: list | tuple = ()) -> None:
        super().__init__()
        self.kind, self.fact = on_entity_page(kind, fact, getattr(doc, "page", None))
        self.notes = notes  # the user's corrections of it (`model.corpus.query.corrections`)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box") as box:
            box.border_title = "Provenance"
            box.border_subtitle = "escape closes"
            yield Hanging(_rows(provenance(self.kind, self.fact) + correction_rows(self.notes)))

    def on_mount(self) -> None:
        if not self.notes and self.kind in ("quote", "date", "event", "mention", "entity-row", "article"):
            self._load_notes()

    @work(thread=True, exclusive=True, group="provenance")
    def _load_notes(self) -> None:
        """The user's corrections of the fact, read after the screen is up (a worker: no SQL on the UI thread)."""
        try:
            with self.app.db.session() as conn:
                notes = notes_of(conn, self.kind, self.fact)
        except (sqlite3.Error, QueryError):  # the provenance shows without them
            return
        if notes:
            self.app.call_from_thread(self._show_notes, notes)

    def _show_notes(self, notes: list) -> None:
        self.notes = notes
        self.query_one("#box Hanging", Hanging).update(_rows(provenance(self.kind, self.fact) + correction_rows(notes)))


def notes_of(conn, kind: str, fact) -> list:
    """The user's corrections of a fact (`model.corpus.query.corrections`)."""
    from model.corpus.query import corrections as notes

    if kind == "quote":
        return notes.span_notes(conn, "quote", fact.article, fact.start, fact.end)
    if kind in ("date", "event"):
        return notes.span_notes(conn, "date", fact.article, fact.start, fact.end)
    if kind in ("mention", "entity-row"):
        return notes.entity_notes(conn, fact.name) if fact.name else []
    if kind == "article":
        return notes.article_notes(conn, fact.key)
    return []


def correction_rows(notes) -> list[tuple[str, object]]:
    """A correction's rows: when the user made it, what it changed, and what extraction had found."""
    rows: list[tuple[str, object]] = []
    for n in notes:
        orphan = " (orphaned: its target is gone)" if n.status == "orphaned" else ""
        rows.append(("Corrected", f"by you on {n.created[:10]}: {n.says}{orphan} (#{n.id}; u undoes the latest)"))
        if n.original:
            rows.append(("Original", n.original))
    return rows


class CorrectionMenu(ModalScreen):
    """The corrections of the fact under the cursor, one key each; dismissed with the one chosen (or None)."""

    BINDINGS = bindings.CORRECT_MENU
    DEFAULT_CSS = _CSS.format(name="CorrectionMenu")

    def __init__(self, what: str, actions: list) -> None:
        super().__init__()
        self.what, self.actions = what, actions

    def compose(self) -> ComposeResult:
        keys = {b.action: display_keys(self.app, b) for b in bindings.CORRECT_MENU}
        with VerticalScroll(id="box") as box:
            box.border_title = f"Correct {self.what}"
            box.border_subtitle = "escape cancels"
            lines = [
                Content.assemble((keys.get(f"choose('{a.name}')", "?").ljust(8), "bold"), a.label) for a in self.actions
            ]
            yield Static(Content("\n").join(lines), markup=False)

    def action_choose(self, name: str) -> None:
        chosen = next((a for a in self.actions if a.name == name), None)
        if chosen is None:
            self.notify("not a correction of this", timeout=2)
            return
        self.dismiss(chosen)

    def action_dismiss(self, result=None) -> None:
        self.dismiss(None)


HELP_SUBTITLE = "type to filter · escape: clear, close · remap: config.toml [keys]"  # whole in 80 columns


class HelpScreen(ModalScreen):
    """The keys, the search language and the marks; typing filters the rows (escape clears, then closes)."""

    BINDINGS = bindings.HELP
    DEFAULT_CSS = (
        _CSS.format(name="HelpScreen")
        + """
    HelpScreen > #box > #help-filter { dock: top; height: 1; border: none; padding: 0; background: $surface; }
    """
    )

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box") as box:
            box.border_title = "Keys"
            box.border_subtitle = Content(HELP_SUBTITLE)  # plain: "[keys]" is no markup
            yield Input(placeholder="type to filter the rows", id="help-filter", compact=True)
            yield Hanging(_help_content(help_rows(self.app)), id="help-rows")

    def on_mount(self) -> None:
        self.query_one("#help-filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        rows = filter_help(help_rows(self.app), event.value)
        shown = _help_content(rows) if rows else Content(f"no key, field or mark matches “{clean(event.value)}”")
        self.query_one("#help-rows", Hanging).update(shown)

    def action_dismiss(self, result=None) -> None:
        box = self.query_one("#help-filter", Input)
        if box.value:
            box.value = ""
            return
        self.dismiss(result)


def _help_content(groups: list[tuple[str, list[tuple[str, str, str]]]]) -> list[Row]:
    """A heading a group, then a row a key: its keys, and beside them what it does and its id (wrapped there)."""
    lines: list[Row] = []
    for group, rows in groups:
        lines.append((Content(""), Content(group).stylize("bold $text-primary")))
        for keys, description, binding_id in rows:
            head = Content(keys.ljust(15) + " ").stylize("bold", 0, max(len(keys), 15))
            if len(description) < 26:  # the third column wraps under itself
                lines.append((head + description.ljust(26), Content(binding_id).stylize("$text-muted")))
            else:
                lines.append((head, Content.assemble(description.ljust(26), (binding_id, "$text-muted"))))
        lines.append((Content(""), Content("")))
    return lines


def filter_help(
    groups: list[tuple[str, list[tuple[str, str, str]]]], typed: str
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The help's rows that contain every typed word (in the keys, the description, the binding id or the
    group's heading, any case); a group with none left is left out."""
    words = typed.casefold().split()
    if not words:
        return groups
    out = []
    for group, rows in groups:
        kept = [row for row in rows if all(w in " ".join((group, *row)).casefold() for w in words)]
        if kept:
            out.append((group, kept))
    return out


def display_keys(app, binding: Binding) -> str:
    """The keys of `binding` as the user has them (remapped in config.toml or not), as Textual shows keys."""
    keys = keymap(app).get(binding.id, binding.key) if binding.id else binding.key
    return " ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in keys.split(","))


def help_rows(app) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The help screen's groups of (keys, description, binding id) rows."""
    out = []
    for group, group_bindings in bindings.groups():
        out.append((group, [(display_keys(app, b), b.description, b.id or "") for b in group_bindings]))
    out.append(("Search (/ and ctrl+p): every term must hold", SEARCH_HELP))
    out.append(("Marks", LEGEND))
    return out


# The search language (model/corpus/query/language.py), as the help screen shows it: (example, meaning, "").
SEARCH_HELP = [
    ("china ties", "both words (a trailing * matches a prefix of 3+ characters: sanction*)", ""),
    ('"no limits"', "the phrase: these words in this order", ""),
    ("-oil", "leave out what matches (also -kind:indirect, -date:2022)", ""),
    *((f"{field}:", meaning, "") for field, meaning in q.FIELDS.items()),
    (":save NAME", "in the search line: keep the filters shown; ctrl+p lists them", ""),
    (":delete NAME", "forget a saved search", ""),
    ("x", "removes the last chip: each field of a search is a chip of its own", ""),
]


# What the lists' marks mean: rows of the help screen under "Marks" (mark, meaning, no binding id).
LEGEND = [
    ("“…”", "the speaker's own words", "direct or partial quote"),
    (REPORTED_MARK + "…", "reported speech", "an account, not their words"),
    ("3×", "a statement in 3 outlets", "Quotes grouped by statement; v lists every quote"),
    ("accuses: …", "a stance", "a position held, no words reported"),
    ("⚠", "a date conflict", "an event's reports give dates that cannot both be true"),
    ("2023-02-22≈", "an uncertain date", "resolved against a publication date not known for certain; p says why"),
    ("•  ━━  ━━━━━━", "a day, a month, a year", "the Timeline's band: the stretch of time a date covers"),
    ("⚑", "marked", "m marks a row; : lists what is marked"),
    ("dim row", "read", "an article opened in the reader; r toggles"),
    ("▼ ▲", "the sorted column", "o or a click on a heading sorts by the next"),
]


def _said_label(kind: str | None) -> str:
    if kind in QUOTED_KINDS:
        return "Quote"
    return "Stance" if kind == STANCE_KIND else "Reported"
