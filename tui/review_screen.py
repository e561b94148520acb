"""Review in the browser (`R`): one sampled item at a time with its context, answered right (r), wrong (w) or
skip (s); the share right per kind, with its 95% interval, below. The sample and the figures are
`model.corpus.review`'s, the same as `sinorus-tui review`: answers given here extend the same sample.

A wrong answer is kept, then opens the correction of the item (`correcting.review_actions`): the menu of the
browser's `c` for that fact, then its confirm line, prefilled the same way, at the bottom of the review; escape
at either leaves only the answer. An event's merge marks it as the browser's does (the other event: a wrong
answer on it here, or `c` then `m` on its date in the browser)."""

from __future__ import annotations

import sqlite3

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from . import bindings, correcting
from .internals import withdraw_notice
from .modals import _CSS, CorrectionMenu
from .text import clean

SEED, PER_KIND = 1, 10  # what `sinorus-tui review` draws by default


class ReviewScreen(ModalScreen):
    BINDINGS = bindings.REVIEW
    DEFAULT_CSS = (
        _CSS.format(name="ReviewScreen")
        + """
    ReviewScreen #correct { display: none; height: 1; border: none; padding: 0 1; background: $boost; }
    ReviewScreen #correct.-open { display: block; }
    """
    )

    def __init__(self, seed: int = SEED, per_kind: int = PER_KIND) -> None:
        super().__init__()
        self.seed, self.per_kind = seed, per_kind
        self.items: list = []
        self.at = 0
        self.figures: list = []
        self._correcting: tuple | None = None  # (action, kind of fact, fact, review item) the line is open for
        self._line_said: str | None = None  # what the line asks for, said above it while it holds a value

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box") as box:
            box.border_title = "Review"
            box.border_subtitle = "r right · w wrong · s skip · escape closes"
            yield Static("drawing a sample…", id="item", markup=False)
            yield Static("", id="figures", markup=False)
            yield Input(id="correct")

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
        if said == "wrong":
            self._offer_correction(item)

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

    # ---------------------------------------------------------------- a wrong answer's correction

    def _offer_correction(self, item) -> None:
        actions = correcting.review_actions(item.kind, item.fact)
        if not actions:
            return
        what = correcting.REVIEW_ACTIONS[item.kind][0]
        self.app.push_screen(
            CorrectionMenu({"mention": "entity link", "event": "event"}.get(what, what), actions),
            callback=lambda action: self._chosen(action, item),
        )

    def _chosen(self, action: correcting.Action | None, item) -> None:
        if action is None:
            return  # escape: the answer alone is kept
        kind, fact = correcting.review_fact(item.kind, item.fact)
        if action.name == "merge" and kind == "event":
            browser = self._browser()
            mark = browser._event_mark if browser else None
            if mark is None or mark == (fact.article, fact.start):
                if browser is not None:
                    browser._event_mark = (fact.article, fact.start)
                self.notify(
                    "event marked: answer wrong then m on the event to merge it with (or c then m on its date)",
                    timeout=5,
                )
                return
        self._correcting = (action, kind, fact, item)
        line = self.query_one("#correct", Input)
        line.placeholder = action.asks
        split_which = action.name == "split" and kind == "event" and action.typed
        line.value = "" if split_which else correcting.prefill(action, kind, fact)
        if line.value:  # the value to edit hides the placeholder: what the line asks for is said above it
            self._line_said = f"{action.label}: {action.asks}"
            self.notify(self._line_said, timeout=8)
        line.add_class("-open")
        line.focus()
        line.cursor_position = len(line.value)

    def _browser(self):
        """The browser screen under the review (it keeps the event marked for a merge)."""
        return next((s for s in self.app.screen_stack if hasattr(s, "_event_mark")), None)

    def _close_line(self) -> None:
        self._correcting = None
        if self._line_said is not None:
            withdraw_notice(self.app, self._line_said)
            self._line_said = None
        line = self.query_one("#correct", Input)
        line.remove_class("-open")
        self.query_one("#box").focus()

    def on_key(self, event) -> None:
        if event.key == "escape" and self._correcting is not None:
            event.stop()
            event.prevent_default()
            self._close_line()  # the answer stays; the correction is not made

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._correcting is None:
            return
        action, kind, fact, item = self._correcting
        typed = event.value
        if action.name == "split" and kind == "event" and action.typed:
            found = correcting.review_fact(item.kind, item.fact, int(typed) if typed.strip().isdigit() else 0)
            if found is None:
                self.notify(f"not a report of this event: “{clean(typed)}”", severity="warning")
                return
            fact, typed = found[1], ""
        mark = None
        if action.name == "merge":
            browser = self._browser()
            mark, browser._event_mark = browser._event_mark, None
        self._close_line()
        self._write(action.name, kind, fact, typed, mark)

    @work(thread=True, exclusive=True, group="review-correct")
    def _write(self, action: str, kind: str, fact, typed: str, mark) -> None:
        said = correcting.write_correction(self.app.db.path, action, kind, fact, typed, mark)
        self.app.call_from_thread(self._written, *said)

    def _written(self, message: str, severity: str, changed: bool) -> None:
        browser = self._browser()
        if browser is not None:
            browser._corrected(message, severity, changed)  # says it, and reads the panes again when it changed
        else:
            self.notify(message, severity=severity, timeout=5)
