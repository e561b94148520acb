"""Small screens over the browser: provenance of a fact, help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from . import bindings
from .internals import keymap
from .text import QUOTED_KINDS, REPORTED_MARK, STANCE_KIND, as_said, clean, shorten

_CSS = """
{name} {{ align: center middle; }}
{name} > #box {{ width: 90%; max-width: 100; height: auto; max-height: 90%; border: round $primary;
                 background: $surface; padding: 0 1; }}
"""


def _rows(pairs: list[tuple[str, object]]) -> Content:
    width = max((len(k) for k, v in pairs if v not in (None, "")), default=0)
    lines = [Content.assemble((k.ljust(width), "bold"), "  ", clean(str(v))) for k, v in pairs if v not in (None, "")]
    return Content("\n").join(lines)


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


PROVENANCE_ROWS = {
    "mention": _mention_rows,
    "quote": _quote_rows,
    "date": _date_rows,
    "event": _date_rows,
    "article": _article_rows,
    "kwic": _kwic_rows,
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

    def __init__(self, kind: str, fact, doc=None) -> None:
        super().__init__()
        self.kind, self.fact = on_entity_page(kind, fact, getattr(doc, "page", None))

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box") as box:
            box.border_title = "Provenance"
            box.border_subtitle = "escape closes"
            yield Static(_rows(provenance(self.kind, self.fact)), markup=False)


class HelpScreen(ModalScreen):
    BINDINGS = bindings.HELP
    DEFAULT_CSS = _CSS.format(name="HelpScreen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape closes · remap in config.toml [keys]"
            lines = []
            for group, rows in help_rows(self.app):
                lines.append(Content(group).stylize("bold $text-primary"))
                for keys, description, binding_id in rows:
                    lines.append(
                        Content.assemble((keys.ljust(16), "bold"), description.ljust(26), (binding_id, "$text-muted"))
                    )
                lines.append(Content(""))
            yield Static(Content("\n").join(lines), markup=False)


def display_keys(app, binding: Binding) -> str:
    """The keys of `binding` as the user has them (remapped in config.toml or not), as Textual shows keys."""
    keys = keymap(app).get(binding.id, binding.key) if binding.id else binding.key
    return " ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in keys.split(","))


def help_rows(app) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The help screen's groups of (keys, description, binding id) rows."""
    out = []
    for group, group_bindings in bindings.groups():
        rows = [(display_keys(app, b), b.description, b.id or "") for b in group_bindings]
        if group == "Everywhere":
            rows.append(("ctrl+p", "Command palette: go to entity, article, date; theme", ""))
        out.append((group, rows))
    out.append(("Marks", LEGEND))
    return out


# What the lists' marks mean: rows of the help screen under "Marks" (mark, meaning, no binding id).
LEGEND = [
    ("“…”", "the speaker's own words", "direct or partial quote"),
    (REPORTED_MARK + "…", "reported speech", "an account, not their words"),
    ("accuses: …", "a stance", "a position held, no words reported"),
]


def _said_label(kind: str | None) -> str:
    if kind in QUOTED_KINDS:
        return "Quote"
    return "Stance" if kind == STANCE_KIND else "Reported"
