"""The start-up baseline: a bare Textual app that shows one Static (and quits on q)."""

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "bare textual app ready"


class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    Bare().run()
