"""Command palette providers: go to an entity, an article or a date."""

from __future__ import annotations

import asyncio
import re
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from model.corpus import query as q

from .browser import MainScreen
from .navigation import SAID_FILTERS, date_problem
from .text import clean


def highlight(matcher, candidate: str) -> Content:
    """The candidate with the fuzzy match marked. Textual's `Matcher.highlight` reads the
    candidate as markup; names from the corpus must show as typed."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
    return content


# What the palette lists comes from the corpus: each field passes `clean` here, whatever ingest did.


def entity_lines(row) -> tuple[str, str]:
    """An entity's line in the palette and its help line."""
    return (
        f"Go to entity: {clean(row.name)}",
        f"{clean(row.label)} · {row.mentions} mentions in {row.articles} articles",
    )


def article_lines(row) -> tuple[str, str]:
    """An article's line in the palette (its title, or its key when it has none) and its help line."""
    return (
        f"Go to article: {clean(row.title, row.key)}",
        f"{clean(row.published, 'undated')} · {clean(row.source)}",
    )


def _screen(app):
    for screen in reversed(app.screen_stack):
        if isinstance(screen, MainScreen):
            return screen
    return None


class _DbProvider(Provider):
    async def _fetch(self, fn):
        def run():
            with self.app.db.session() as conn:
                return fn(conn)

        try:
            return await asyncio.to_thread(run)
        except q.QueryError:
            return []


class EntityCommands(_DbProvider):
    def rows(self, conn, text: str):
        return q.entities(conn, q.Filters(name=text), limit=15)

    def hit(self, screen, row):
        return (*entity_lines(row), partial(screen.go_entity, row.id))

    async def search(self, query: str) -> Hits:
        text = query.strip()
        if len(text) < 2:
            return
        rows = await self._fetch(lambda c: self.rows(c, text))
        matcher = self.matcher(query)
        screen = _screen(self.app)
        for row in rows:
            title, help, action = self.hit(screen, row)
            yield Hit(max(matcher.match(title), 0.4), highlight(matcher, title), action, text=title, help=escape(help))


class ArticleCommands(EntityCommands):
    def rows(self, conn, text: str):
        return q.find_articles(conn, text, limit=15)

    def hit(self, screen, row):
        return (*article_lines(row), partial(screen.go_article, row.id))


class QuoteKindCommands(Provider):
    """The Quotes pane narrowed to words or to stances (`navigation.SAID_FILTERS`)."""

    def _hits(self):
        screen = _screen(self.app)
        return [(title, help, partial(screen.show_said, said)) for said, title, help in SAID_FILTERS]

    async def discover(self) -> Hits:
        for title, help, action in self._hits():
            yield DiscoveryHit(title, action, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help, action in self._hits():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), action, text=title, help=escape(help))


class DateCommands(Provider):
    async def discover(self) -> Hits:
        yield DiscoveryHit(
            "Go to date…", _screen(self.app).action_jump_date, help="Jump the timeline to a date (or type one: 2023-02)"
        )

    async def search(self, query: str) -> Hits:
        m = re.search(r"\d{4}(-\d{2}(-\d{2})?)?", query)
        screen = _screen(self.app)
        if m and date_problem(m.group()) is None:  # 2023-02-30 is no date to go to
            text = f"Go to date: {m.group()}"
            yield Hit(
                1.0,
                Content(text),
                partial(screen.go_date, m.group()),
                text=text,
                help="Timeline at the first event on or after this date",
            )
        else:
            matcher = self.matcher(query)
            text = "Go to date…"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), screen.action_jump_date, text=text)
