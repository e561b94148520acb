"""Save what you see, and pipe it to a command: the browser's `S` and `|`.

`S` writes the list in view (its filters, chips and sort) to a file named in the prompt line, CSV for `.csv`
and JSONL otherwise, with the fields and the safety of `sinorus-tui export` (model/corpus/view_export.py).
`|` hands the selected article's text, or the quotes of the Quotes list, to a shell command typed in the
prompt line (newsboat's pipe-to): the app steps aside while it runs (`App.suspend`), the text on its stdin,
never in its command line. The config's `pipe = false` turns `|` off. Whatever goes wrong is one line at the
bottom, never a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

from textual import work
from textual.widgets import Input

from model.corpus import query as q
from model.unsafe import UNSAFE_CHARS, one_line

from .navigation import citation
from .panes import PANES

SAVE_PROMPT = "save this list to (.csv: CSV, else JSONL; enter saves, escape cancels)"
PIPE_PROMPT = "pipe {what} to the command (enter runs it, escape cancels)"
PIPE_OFF = "| is off (pipe = false in the config)"
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
QUOTES_A_PAGE = 2000


def exports_dir() -> Path:
    """$XDG_DATA_HOME/sinorus-tui/exports (default ~/.local/share/…)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "sinorus-tui" / "exports"


def default_path(pane: str, now: datetime | None = None) -> Path:
    """exports/<pane>-<YYYYmmdd-HHMMSS>.jsonl"""
    return exports_dir() / f"{pane}-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.jsonl"


def target_path(typed: str) -> Path:
    """The path typed in the prompt, `~` expanded; relative to the folder the browser was started in."""
    return Path(os.path.expanduser(typed.strip()))


def safe_text(text: str) -> str:
    """Stored text as a command may read it: no control, bidi override or BOM (tab and newline kept)."""
    return _UNSAFE.sub("", text)


def quotes_text(rows: list) -> str:
    """Quotes one a line, each with its citation (as `y` copies one); a statement by its fullest wording."""
    quotes = [row.quote if isinstance(row, q.StatementRow) else row for row in rows]
    return "".join(safe_text(citation(quote)).replace("\n", " ") + "\n" for quote in quotes)


def run_command(command: str, text: str) -> str | None:
    """Run `command` in the shell with `text` on its stdin; None if it succeeded, else why not, in one line."""
    try:
        done = subprocess.run(command, shell=True, input=text.encode("utf-8"), check=False)
    except OSError as e:
        return f"cannot run {one_line(command)}: {e.strerror or e}"
    if done.returncode == 0:
        return None
    if done.returncode == 127:
        return f"{one_line(command)}: command not found (exit status 127)"
    if done.returncode < 0:
        return f"{one_line(command)} was stopped by signal {-done.returncode}"
    return f"{one_line(command)} failed (exit status {done.returncode})"


class SaveAndPipe:
    """The browser screen's save and pipe actions (a mixin of tui.browser.MainScreen, which gives the prompt
    line, the lists and the reader)."""

    _save_pane: str = "articles"
    _pipe_text: str | None = None

    def _shown_pane(self) -> str:
        """The list in view: the focused one, or the active one while the reader has the focus."""
        focused = self._focused_id()
        return focused if focused in PANES else self.state.active

    # ---------------------------------------------------------------- save

    def action_save_view(self) -> None:
        self._save_pane = self._shown_pane()
        self._open_prompt("save", str(default_path(self._save_pane)))
        self.line_notice(f"save the {self._save_pane} shown: {SAVE_PROMPT}")  # the line holds the path

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """The save and pipe prompts' lines (a mixin's `@on` handlers would not be found)."""
        if event.input.id == "save":
            self._save_entered(event)
        elif event.input.id == "pipe":
            self._pipe_entered(event)

    def _save_entered(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        self._close_prompt()
        self._focus(self.state.active)
        if not typed:
            self.notify("not saved: no file name", severity="warning", timeout=4)
            return
        source = self.lst(self._save_pane).source
        if source is None:
            self.notify("nothing to save yet: the list is loading", severity="warning", timeout=4)
            return
        self._save(source, target_path(typed))

    @work(thread=True, group="save")
    def _save(self, source, path: Path) -> None:
        from model.corpus.view_export import ViewError, save_view  # the export machinery: only when a list is saved

        try:
            if path.parent == exports_dir():  # the default folder is made on first use
                path.parent.mkdir(parents=True, exist_ok=True)
            with self.app.db.session() as conn:
                kind, n = save_view(conn, source.page, path)
        except OSError as e:
            self.app.call_from_thread(
                self.notify, f"cannot make {one_line(str(path.parent))}: {e.strerror or e}", severity="error", timeout=8
            )
            return
        except (ViewError, q.QueryError) as e:
            self.app.call_from_thread(self.notify, str(e), severity="error", timeout=8)
            return
        shown = one_line(str(path))
        self.app.call_from_thread(self.notify, f"saved {n:,} {kind} to {shown}", timeout=6)

    # ---------------------------------------------------------------- pipe

    def action_pipe(self) -> None:
        if not self.app.config.pipe:
            self.notify(PIPE_OFF, severity="warning", timeout=4)
            return
        pane = self._focused_id()
        if pane == "quotes":
            self._pipe_quotes(self.lst("quotes").source)
            return
        article = self._selected_article_text()
        if article is None:
            self.notify("select an article or the Quotes list first", timeout=4)
            return
        self._ask_command("the article's text", article)

    def _selected_article_text(self) -> str | None:
        """The text of the article in the reader (opened from any list), else None."""
        doc = self.reader.doc
        if doc.kind == "article" and doc.article is not None:
            return doc.article.text
        return None

    @work(thread=True, group="pipe")
    def _pipe_quotes(self, source) -> None:
        """Every quote of the Quotes list, read in the list's order, then the prompt for the command."""
        if source is None:
            return
        quotes, offset = [], 0
        try:
            with self.app.db.session() as conn:
                while True:
                    page = source.page(conn, offset, QUOTES_A_PAGE)
                    quotes += page
                    if len(page) < QUOTES_A_PAGE:
                        break
                    offset += QUOTES_A_PAGE
        except q.QueryError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error", timeout=8)
            return
        if not quotes:
            self.app.call_from_thread(self.notify, "no quotes to pipe", timeout=4)
            return
        what = f"{len(quotes):,} quote{'s' if len(quotes) != 1 else ''}"
        self.app.call_from_thread(self._ask_command, what, quotes_text(quotes))

    def _ask_command(self, what: str, text: str) -> None:
        self._pipe_text = text
        self._one("#pipe", Input).placeholder = PIPE_PROMPT.format(what=what)
        self._open_prompt("pipe", "")

    def _pipe_entered(self, event: Input.Submitted) -> None:
        command, text = event.value.strip(), self._pipe_text
        self._close_prompt()
        self._focus(self.state.active if self.state.focus != "reader" else "reader")
        self._pipe_text = None
        if not command or text is None:
            return
        from textual.app import SuspendNotSupported

        try:
            with self.app.suspend():
                problem = run_command(command, text)
        except SuspendNotSupported:  # no terminal to hand over (a test, a web driver): run it alongside
            problem = run_command(command, text)
        if problem:
            self.notify(problem, severity="error", timeout=8)
