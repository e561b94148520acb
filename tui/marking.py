"""Marks and read state: `m` marks the selected article, quote or dated event; articles opened are read, shown
dimmed in the Articles list (newsboat), and `r` turns an article back to unread (or read). A marked row of the
Articles, Timeline (dated expressions) and Quotes lists shows `panes.MARK_GLYPH` in its first cell.

Marks and read articles are stored in the corpus (`model.corpus.marks`, keyed by article key and span, so they
survive a re-ingest), written through a short connection of their own in a worker thread; the "Marked" list is
in the command palette (tui/marked.py). A database that cannot be written is one line at the bottom.
"""

from __future__ import annotations

from textual import work

from model.corpus import marks
from model.corpus import query as q

from .panes import MARKED_PANES, PANES

READ_ONLY = "the database is read-only: marks and read articles are not saved"
NOT_MARKABLE = "m marks an article, a quote or a dated event: select one first"
MERGED_NOT_MARKABLE = "an event merged across articles has no mark of its own: v lists its dates, m marks one"


def mark_target(fact) -> tuple[str, int, int, int] | None:
    """(mark kind, article id, start, end) of a selected fact (`MainScreen._selected_fact`), or None."""
    if fact is None:
        return None
    _, target = fact
    if isinstance(target, q.StatementRow):
        target = target.quote  # a statement: its fullest wording
    if isinstance(target, q.QuoteRow):
        return "quote", target.article, target.start, target.end
    if isinstance(target, q.TimexRow):
        return "event", target.article, target.start, target.end
    if isinstance(target, (q.ArticleRow, q.ArticleDoc)):
        return "article", target.id, 0, 0
    return None


class MarkAndRead:
    """The browser screen's marks and read state (a mixin of tui.browser.MainScreen)."""

    read_ids: set[int] | None = None  # the articles read (None until loaded)
    marked_keys: set[tuple[str, int, int, int]] | None = None  # what is marked, as `mark_target` (None until loaded)

    def _is_read(self, row) -> bool:
        return self.read_ids is not None and row.id in self.read_ids

    def _is_marked(self, row) -> bool:
        """Whether a list's row is marked (a statement: its fullest wording; an event merged across articles has
        no mark of its own)."""
        return bool(self.marked_keys) and mark_target(("row", row)) in self.marked_keys

    def _show_marked(self, keys: set[tuple[str, int, int, int]]) -> None:
        self.marked_keys = keys
        for name in MARKED_PANES:
            self.lst(name).refresh()

    @work(thread=True, group="marks-read")
    def _load_marks(self) -> None:
        try:
            with self.app.db.session() as conn:
                keys = marks.marked(conn)
        except q.QueryError:
            return
        self.app.call_from_thread(self._show_marked, keys)

    # ---------------------------------------------------------------- marks

    def action_toggle_mark(self) -> None:
        fact = self._selected_fact()
        target = mark_target(fact)
        if target is None and fact is not None and fact[0] == "merged-event":  # the Timeline's events
            self.notify(MERGED_NOT_MARKABLE, timeout=5)
            return
        if target is None and self._focused_id() == "reader":
            doc = self.reader.doc  # a link that is no quote or date: the article it is in
            target = mark_target(("article", doc.article)) if doc.kind == "article" else None
        if target is None:
            self.notify(NOT_MARKABLE, timeout=4)
            return
        if self.app.db.readonly:
            self.notify(READ_ONLY, severity="warning", timeout=4)
            return
        self._write_mark(target)

    @work(thread=True, group="marks")
    def _write_mark(self, target: tuple[str, int, int, int]) -> None:
        try:
            conn = marks.open_for_marks(self.app.db.path)
            try:
                marked = marks.toggle_mark(conn, *target)
            finally:
                conn.close()
        except marks.MarkError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error", timeout=6)
            return
        self.app.call_from_thread(self._mark_changed, target, marked)
        said = "marked" if marked else "unmarked"
        self.app.call_from_thread(self.notify, f"{target[0]} {said} (ctrl+p lists what is marked)", timeout=3)

    def _mark_changed(self, target: tuple[str, int, int, int], marked: bool) -> None:
        keys = set(self.marked_keys or ())
        (keys.add if marked else keys.discard)(target)
        self._show_marked(keys)

    # ---------------------------------------------------------------- read state

    @work(thread=True, group="read")
    def _load_read(self) -> None:
        try:
            with self.app.db.session() as conn:
                read = marks.read_articles(conn)
        except q.QueryError:
            return
        self.app.call_from_thread(self._show_read, read)

    def _show_read(self, read: set[int]) -> None:
        self.read_ids = read | (self.read_ids or set())
        self.lst("articles").refresh()

    def article_opened(self, doc) -> None:
        """The reader shows an article: it is read from now on."""
        if doc.kind != "article" or doc.article is None or self.app.db.readonly:
            return
        if self.read_ids is not None and doc.article.id in self.read_ids:
            return
        self._set_read(doc.article.id, True)

    def action_toggle_read(self) -> None:
        article = self._selected_article_id()
        if article is None:
            self.notify("select an article first", timeout=3)
            return
        if self.app.db.readonly:
            self.notify(READ_ONLY, severity="warning", timeout=4)
            return
        self._set_read(article, not (self.read_ids is not None and article in self.read_ids), announce=True)

    def _selected_article_id(self) -> int | None:
        focused = self._focused_id()
        if focused == "articles" or (focused not in PANES and focused != "reader" and self.state.active == "articles"):
            row = self.lst("articles").highlighted
            return row.id if row is not None else None
        doc = self.reader.doc
        return doc.article.id if focused == "reader" and doc.kind == "article" and doc.article else None

    def _set_read(self, article: int, read: bool, announce: bool = False) -> None:
        ids = self.read_ids if self.read_ids is not None else set()
        (ids.add if read else ids.discard)(article)
        self.read_ids = ids
        self.lst("articles").refresh()
        self._write_read(article, read, announce)

    @work(thread=True, group="read-write")
    def _write_read(self, article: int, read: bool, announce: bool) -> None:
        try:
            conn = marks.open_for_marks(self.app.db.path)
            try:
                marks.set_read(conn, article, read)
            finally:
                conn.close()
        except marks.MarkError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error", timeout=6)
            return
        if announce:
            self.app.call_from_thread(self.notify, "read" if read else "unread", timeout=2)
