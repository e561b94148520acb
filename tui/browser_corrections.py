"""The browser's corrections: `c` opens the menu of the corrections of the fact under the cursor, the confirm line
at the bottom takes the value (enter confirms, escape cancels), `u` undoes the latest correction. The write runs in
a worker, through its own connection, only while no ingest is writing; the panes and the reader are then read
again. What each correction is and does: `tui.correcting`, `model.corrections`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Input

if TYPE_CHECKING:  # the corrections' modules are imported when first used, not at start-up
    from .correcting import Action


class Corrections:
    """Mixed into the browser screen (`MainScreen`), which gives `_selected_fact`, the prompt line and `_restore`."""

    _correcting: tuple | None = None  # (action, kind, fact) the confirm line is open for
    _event_mark: tuple[int, int] | None = None  # (article id, date start) of an event to merge with another

    def action_correct(self) -> None:
        from . import correcting
        from .modals import CorrectionMenu

        if self.app.db.readonly:
            self.notify("this database is read-only: corrections need write access", severity="warning")
            return
        fact = self._selected_fact()
        actions = correcting.actions(*fact) if fact else []
        if not actions:
            self.notify("move to a quote, date, mention, entity or article to correct it", timeout=3)
            return
        kind, obj = fact
        what = {"entity-row": "entity", "event": "date"}.get(kind, kind)
        self.app.push_screen(CorrectionMenu(what, actions), callback=lambda a: self._chosen(a, kind, obj))

    def _chosen(self, action: Action | None, kind: str, fact) -> None:
        from . import correcting

        if action is None:
            return
        if action.name == "merge" and kind in ("date", "event"):
            if self._event_mark is None or self._event_mark == (fact.article, fact.start):
                self._event_mark = (fact.article, fact.start)
                self.notify("event marked: press c then m on the date of the event to merge it with", timeout=5)
                return
        self._correcting = (action, kind, fact)
        box = self._one("#correct", Input)
        box.placeholder = action.asks
        value = correcting.prefill(action, kind, fact)
        self._open_prompt("correct", value)
        if value:  # the line holds the value to edit, not what it asks for: that is said above it
            self.line_notice(f"{action.label}: {action.asks}")

    def action_review(self) -> None:
        from .review_screen import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def action_undo_correction(self) -> None:
        from .correcting import UNDO

        if self.app.db.readonly:
            self.notify("this database is read-only: corrections need write access", severity="warning")
            return
        self._correcting = (UNDO, None, None)
        self._one("#correct", Input).placeholder = UNDO.asks
        self._open_prompt("correct", "")

    def _correct_entered(self, event: Input.Submitted) -> None:
        """The confirm line's enter (the screen routes `Input.Submitted` of `#correct` here)."""
        from .correcting import UNDO

        event.stop()
        job, self._correcting = self._correcting, None
        self._close_prompt()
        self._focus(self.state.focus or self.state.active)
        if job is None:
            return
        action, kind, fact = job
        if action is UNDO:
            self._write_correction(None, None, None, "", None)
            return
        mark, self._event_mark = (self._event_mark, None) if action.name == "merge" else (None, self._event_mark)
        self._write_correction(action.name, kind, fact, event.value if action.typed else "", mark)

    @work(thread=True, exclusive=True, group="correct")
    def _write_correction(self, action: str | None, kind: str | None, fact, typed: str, mark) -> None:
        from . import correcting

        said = correcting.write_correction(self.app.db.path, action, kind, fact, typed, mark)
        self.app.call_from_thread(self._corrected, *said)

    def _corrected(self, message: str, severity: str, changed: bool) -> None:
        self.notify(message, severity=severity, timeout=5)
        if changed:
            self.app.db.reset()
            # a prompt opened while the correction was written keeps the focus
            self._restore(self.capture(), reload=True, exact=True, focus=self._prompt() is None)
