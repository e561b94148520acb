"""The "Marked" list of the command palette: every article, quote and dated event marked with `m`, newest first;
choosing one opens it in the reader (a quote or an event with the cursor on it)."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from model.corpus import marks
from model.corpus import query as q

from .browser import MainScreen
from .state import DocRef
from .text import clean, shorten

LABEL = {"article": "Marked article", "quote": "Marked quote", "event": "Marked date"}


def mark_lines(mark: marks.Mark) -> tuple[str, str]:
    """A mark's line in the palette and its help line."""
    words = clean(mark.text, mark.article_key)
    if mark.kind == "quote":
        words = f"“{words}”"
    where = clean(mark.title, mark.article_key) if mark.article is not None else "(gone from the corpus)"
    return f"{LABEL.get(mark.kind, 'Marked')}: {shorten(words, 70)}", f"{where} · marked {clean(mark.created)}"


def mark_ref(mark: marks.Mark) -> DocRef:
    """Where a mark opens: its article, the cursor on the quote or date (found by its span, not a row id)."""
    if mark.kind == "quote":
        return DocRef("article", mark.article, find=("quote", "start", mark.start))
    if mark.kind == "event":
        return DocRef("article", mark.article, find=("date", "start", mark.start))
    return DocRef("article", mark.article)


class MarkedCommands(Provider):
    async def _marks(self) -> list[marks.Mark]:
        def read():
            with self.app.db.session() as conn:
                return marks.marks(conn)

        try:
            return [m for m in await asyncio.to_thread(read) if m.article is not None]
        except q.QueryError:
            return []

    def _screen(self) -> MainScreen | None:
        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, MainScreen)), None)

    async def discover(self) -> Hits:
        screen = self._screen()
        for mark in await self._marks():
            title, help = mark_lines(mark)
            yield DiscoveryHit(Content(title), partial(screen.go_ref, mark_ref(mark)), text=title, help=escape(help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self._screen()
        for mark in await self._marks():
            title, help = mark_lines(mark)
            score = max(matcher.match(title), matcher.match("Marked") * 0.9)
            if score > 0:
                yield Hit(score, Content(title), partial(screen.go_ref, mark_ref(mark)), text=title, help=escape(help))
