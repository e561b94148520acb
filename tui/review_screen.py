"""Review in the browser (`R`): one sampled item at a time with its context, answered right (r), wrong (w) or
skip (s); the share right per kind, with its 95% interval, below. The sample and the figures are
`model.corpus.review`'s, the same as `sinorus-tui review`: answers given here extend the same sample."""

from __future__ import annotations

import sqlite3

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from . import bindings
from .modals import _CSS
from .text import clean

SEED, PER_KIND = 1, 10  # what `sinorus-tui review` draws by default


class ReviewScreen(ModalScreen):
    BINDINGS = bindings.REVIEW
    DEFAULT_CSS = _CSS.format(name="ReviewScreen")

    def __init__(self, seed: int = SEED, per_kind: int = PER_KIND) -> None:
        super().__init__()
        self.seed, self.per_kind = seed, per_kind
        self.items: list = []
        self.at = 0
        self.figures: list = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box") as box:
            box.border_title = "Review"
            box.border_subtitle = "r right · w wrong · s skip · escape closes"
            yield Static("drawing a sample…", id="item", markup=False)
            yield Static("", id="figures", markup=False)

    def on_mount(self) -> None:
        self._draw()

    @work(thread=True, exclusive=True, group="review")
    def _draw(self) -> None:
        from model.corpus import review

        try:
            with self.app.db.session() as conn:
                items = review.draw(conn, self.seed, self.per_kind)
                figures = review.figures(conn)
        except sqlite3.Error as e:
            self.app.call_from_thread(self._show_text, f"cannot draw a sample: {e}")
            return
        self.app.call_from_thread(self._drawn, items, figures)

    def _drawn(self, items: list, figures: list) -> None:
        self.items, self.at, self.figures = items, 0, figures
        self._show()

    def _show_text(self, text: str) -> None:
        self.query_one("#item", Static).update(text)

    def _show(self) -> None:
        from model.corpus.review import QUESTIONS

        if self.at >= len(self.items):
            self._show_text("nothing left to review: every item drawn is answered")
        else:
            item = self.items[self.at]
            self.query_one("#item", Static).update(
                Content("\n").join(
                    [
                        Content(f"[{self.at + 1}/{len(self.items)}] {item.kind}: {QUESTIONS[item.kind]}").stylize(
                            "bold"
                        ),
                        Content(clean(item.claim)).stylize("bold $text-primary"),
                        Content(clean(item.context)),
                        Content(""),
                    ]
                )
            )
        self.query_one("#figures", Static).update("\n".join(f.line() for f in self.figures))

    def action_answer(self, said: str) -> None:
        if self.at >= len(self.items):
            return
        if self.app.db.readonly:
            self.notify("this database is read-only: answers cannot be kept", severity="warning")
            return
        item = self.items[self.at]
        self.at += 1
        self._keep(item, said)

    @work(thread=True, group="review-answer")
    def _keep(self, item, said: str) -> None:
        from model.corpus import review, store

        try:
            conn = store.connect(self.app.db.path)
            try:
                review.answer(conn, item, said, self.seed)
                figures = review.figures(conn)
            finally:
                conn.close()
        except (sqlite3.Error, store.StoreError) as e:
            self.app.call_from_thread(self.notify, f"answer not kept: {e}", severity="error")
            return
        self.app.call_from_thread(self._kept, figures)

    def _kept(self, figures: list) -> None:
        self.figures = figures
        self._show()
