"""The line on top: app name, back/forward state and the filter chips (click one to remove it)."""
from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ..text import clean


class Chip(Static):
    DEFAULT_CSS = """
    Chip { width: auto; height: 1; margin-right: 1; background: $primary-muted; color: $text; padding: 0 1; }
    Chip:hover { background: $error-muted; }
    """

    def __init__(self, name: str, label: str) -> None:
        super().__init__(Content(clean(label)[:40] + " ✕"), markup=False)
        self.chip = name

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ChipBar.Removed(self.chip))


class ChipBar(Horizontal):
    DEFAULT_CSS = """
    ChipBar { height: 1; background: $panel; }
    ChipBar > #brand { width: auto; color: $text-primary; text-style: bold; padding: 0 1; }
    ChipBar > #nav { width: auto; color: $text-muted; padding-right: 1; }
    ChipBar > #hint { width: 1fr; color: $text-muted; }
    """

    class Removed(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def compose(self):
        yield Static(Content("sinorus"), id="brand", markup=False)
        yield Static(Content("  "), id="nav", markup=False)
        yield Static(Content("no filters · ? keys"), id="hint", markup=False)

    _shown: list[tuple[str, str]] | None = None

    def show(self, chips: list[tuple[str, str]], nav: str) -> None:
        self.query_one("#nav", Static).update(Content(nav))
        if chips == self._shown:
            return
        self._shown = chips
        for chip in list(self.query(Chip)):
            chip.remove()
        hint = self.query_one("#hint", Static)
        hint.update(Content("x removes the last filter" if chips else "no filters · ? keys"))
        for name, label in chips:
            self.mount(Chip(name, label), before=hint)
