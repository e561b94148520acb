"""The Textual app: a browser over one sinorus-tui database.

`run(db_path)` is what `sinorus-tui` calls. Nothing here imports spaCy or
sqlite-utils; reads go through `model.corpus.query` in thread workers.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
import threading
from contextlib import closing, contextmanager, suppress
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from model.corpus import query as q

from . import bindings
from .browser import MainScreen
from .config import Config, load_config
from .internals import cache_handler_lookup, guard_option_list_paging, tolerate_undecodable_input
from .marked import MarkedCommands
from .palette import ActionCommands, ArticleCommands, DateCommands, EntityCommands, QuoteKindCommands, SearchCommands

ANSI_THEME = "ansi-dark"
SWITCH_INTERVAL = 0.0005  # seconds; see SinorusApp.__init__


ALL = object()  # `Db.interrupt`'s default: every read, whatever its tag


def _interrupted(error: BaseException) -> bool:
    return isinstance(error, (q.QueryError, sqlite3.OperationalError)) and str(error) == "interrupted"


class Db:
    """Where the database is; each thread reads through its own connection."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._local = threading.local()
        self._generation = 0
        self._running: dict = {}  # connection -> the tag of the read running on it now (`interrupt`)
        self._running_lock = threading.Lock()

    def connect(self):
        return q.connect(self.path, readonly=True)

    @contextmanager
    def session(self, tag: object = None):
        """This thread's read connection, kept open for its next query. Workers run on a pool of
        threads, and SQLite keeps its page cache and parsed schema per connection: a fresh
        connection per query paid for both on every step. `tag` names the read for `interrupt(tag)`
        (a list's load: a newer one supersedes it)."""
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is None or local.generation != self._generation:
            if conn is not None:
                conn.close()
            conn = local.conn = self.connect()
            local.generation = self._generation
        with self._running_lock:
            self._running[conn] = tag
        try:
            yield conn
        except BaseException as e:
            if not _interrupted(e):  # an interrupted read leaves its connection as good as it was
                local.conn = None  # after an error, start the next query on a fresh connection
                conn.close()
            raise
        finally:
            with self._running_lock:
                self._running.pop(conn, None)

    def interrupt(self, tag: object = ALL) -> None:
        """End the queries running now (SQLite's interrupt, safe from any thread): all of them, or those of
        the reads tagged `tag` only. Each fails as 'interrupted', which its worker takes as any failed read.
        The tags are looked at and the connections interrupted under the lock a read takes to start and to
        end, so a connection that has moved on to another read is never interrupted."""
        with self._running_lock:
            for conn, running in self._running.items():
                if tag is ALL or running is tag:
                    with suppress(sqlite3.ProgrammingError):  # closed by its thread after an error, just now
                        conn.interrupt()

    def reset(self) -> None:
        """Each thread opens a new connection for its next query (after the file was replaced, say)."""
        self._generation += 1


class SinorusApp(App):
    TITLE = "sinorus-tui"
    BINDINGS = bindings.APP
    # Textual's own commands (theme, quit, …) come through ActionCommands, after the recent targets and the keys.
    COMMANDS = {
        ActionCommands,
        SearchCommands,
        EntityCommands,
        ArticleCommands,
        DateCommands,
        QuoteKindCommands,
        MarkedCommands,
    }
    CSS = """
    Screen { background: $background; }
    """

    def __init__(
        self,
        db_path: str | os.PathLike,
        *,
        readonly: bool = False,
        config: Config | None = None,
        theme: str | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        # What the imports made (Textual's modules, classes and styles: most of the ~500,000 objects
        # the collector tracks) lives as long as the process: leave it out of garbage collection,
        # whose full passes over it cost 50-100 ms at start-up and now and then during a step.
        gc.freeze()
        # The queries run in worker threads while this thread draws. Each row a query steps through
        # gives up the GIL inside SQLite and must win it back; with Python's default 5 ms switch
        # interval a worker waited up to that long, again and again, whenever the UI thread was busy
        # (a search's queries took 20 ms of wall time for 5 ms of CPU). Shorter turns let them
        # overlap with the drawing (nav bench, search a word, p50 44 -> 40 ms, p95 60 -> 52 ms).
        sys.setswitchinterval(SWITCH_INTERVAL)
        tolerate_undecodable_input()  # a non-UTF-8 input byte would end the app (see internals)
        guard_option_list_paging()  # ctrl+p, PageDown in a 3-row terminal raised KeyError (see internals)
        cache_handler_lookup()  # each message's handlers found once per class, not per message (see internals)
        self.db = Db(db_path, readonly)
        self.config = config if config is not None else load_config()
        self._theme_choice = theme or self.config.theme
        self._startup_error: str | None = None
        self._notices = notices  # one-line warnings the command line had for the user (a stale corpus)

    def get_default_screen(self) -> Screen:
        """The browser is the first screen itself (no blank screen drawn before it), set up with the
        user's keys and theme before it is built."""
        if self.config.keys:
            self.set_keymap(self.config.keys)
        theme = self._theme_choice
        if theme is None and not self.no_color and self.console.color_system in ("standard", "windows"):
            theme = ANSI_THEME  # 16 colours: use the terminal's own palette
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.config.problems.append(
                    f"unknown theme {theme!r}; themes: {', '.join(sorted(self.available_themes))}"
                )
        try:
            with closing(self.db.connect()) as conn:
                conn.execute("SELECT 1 FROM article LIMIT 1").fetchall()
        except Exception as e:  # a missing or foreign database is a message, not a traceback
            self._startup_error = f"sinorus-tui: cannot read {self.db.path}: {e}"
            return Screen(id="_default")
        return MainScreen()

    def on_mount(self) -> None:
        if self._startup_error:
            self.exit(return_code=1, message=self._startup_error)
            return
        for problem in (*self.config.problems, *self._notices):
            self.notify(problem, severity="warning", timeout=8)
        if self.db.readonly:
            self.notify(
                f"{self.db.path} is read-only: browsing works; set-date and ingest need write access",
                severity="warning",
                timeout=8,
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Messages here often quote data (a search, a quote, a date), so they are never markup,
        whatever the caller (widgets pass markup=True by default) asks."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def exit(self, *args, **kwargs) -> None:
        """Quit without waiting for a query still running (a common word counted at a million articles)."""
        self.db.interrupt()
        super().exit(*args, **kwargs)

    def action_help_quit(self) -> None:
        """ctrl+c (Textual's default binding) says how to quit, in plain words: Textual's own notice is
        markup, shown as typed here (every notice is plain text)."""
        keys = [key for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")]
        shown = " or ".join(sorted(keys, key=len))  # `q` before `ctrl+q`
        self.notify(f"press {shown or 'ctrl+q'} to quit", title="Do you want to quit?", timeout=3)

    def action_help(self) -> None:
        from .modals import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run(db_path: str, *, readonly: bool = False, notices: tuple[str, ...] = ()) -> None:
    """Browse the database at `db_path` until the user quits, first showing `notices` (one line each)."""
    app = SinorusApp(db_path, readonly=readonly, notices=notices)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
