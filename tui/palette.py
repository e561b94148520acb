"""Command palette providers: every key's action, saved searches, a search typed in the search language,
and going to an entity, an article or a date. The palette's targets visited last come first."""

from __future__ import annotations

import asyncio
import re
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.system_commands import SystemCommandsProvider

from model.corpus import query as q
from model.wording import counted

from . import bindings, saved
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
        f"{clean(row.label)} · {counted(row.mentions, 'mention')} in {counted(row.articles, 'article')}",
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


def recent_score(score: float, rank: int | None) -> float:
    """A hit's score, raised above every other when its target is among the recent ones (the latest highest).
    Textual's fuzzy scores are not bounded by 1 (a short query scores 6 and more)."""
    return score if rank is None else RECENT_SCORE - rank


RECENT_SCORE = 1000.0
QUERY_SCORE = 10 * RECENT_SCORE  # a line typed in the search language: searching it comes first


class EntityCommands(_DbProvider):
    kind = "entity"
    weight = 1.0  # of the match's score: an entity before an article whose title matches as well

    def rows(self, conn, text: str):
        return q.entities(conn, q.Filters(name=text), limit=15)

    def hit(self, screen, row):
        return (*entity_lines(row), partial(screen.go_entity, row.id, clean(row.name)))

    async def search(self, query: str) -> Hits:
        text = query.strip()
        if len(text) < 2 or _is_query(text):
            return
        rows = await self._fetch(lambda c: self.rows(c, text))
        matcher = self.matcher(query)
        screen = _screen(self.app)
        for row in rows:
            title, help, action = self.hit(screen, row)
            score = recent_score(max(matcher.match(title), 0.4) * self.weight, screen.recent.rank(self.kind, row.id))
            yield Hit(score, highlight(matcher, title), action, text=title, help=escape(help))


class ArticleCommands(EntityCommands):
    kind = "article"
    weight = 0.99  # "clint": Hillary Clinton first, then the articles with Clinton in their titles

    def rows(self, conn, text: str):
        return q.find_articles(conn, text, limit=15)

    def hit(self, screen, row):
        return (*article_lines(row), partial(screen.go_article, row.id, clean(row.title, row.key)))


def _is_query(text: str) -> bool:
    """Whether the palette's input is a search-language query or a `:` command (no names are looked up)."""
    return text.startswith(":") or '"' in text or any(f"{field}:" in text.lower() for field in q.FIELDS)


class SearchCommands(Provider):
    """What is typed, as a search of the search language (`speaker:Putin "no limits"`), and `:save NAME`."""

    async def search(self, query: str) -> Hits:
        text = query.strip()
        screen = _screen(self.app)
        if text.startswith(":save"):
            name = text[5:].strip()
            title = f"Save the filters shown as “{name}”"
            saving = escape(screen.state.chips.as_query() or "no filters to save yet")
            yield Hit(QUERY_SCORE, Content(title), partial(_notify_save, screen, name), text=title, help=saving)
            return
        if not text or text.startswith(":"):
            return
        try:
            q.parse(text)
        except q.QueryError as e:
            notice = partial(screen.notify, str(e), severity="warning")
            yield Hit(QUERY_SCORE, Content("Search: " + text), notice, text="Search: " + text, help=escape(str(e)))
            return
        title = f"Search: {text}"
        yield Hit(QUERY_SCORE if _is_query(text) else 0.05, Content(title), partial(_search, screen, text), text=title)


def _search(screen, text: str) -> None:
    screen.apply_search(screen.state.chips.set("search", text))


def _notify_save(screen, name: str) -> None:
    try:
        message, severity = screen.save_search(name)
    except saved.SavedError as e:
        message, severity = str(e), "error"
    screen.notify(message, severity=severity)


class ActionCommands(SystemCommandsProvider):
    """Every key binding by its id (its key shown, as the user has it), the saved searches, and the system's
    commands; with nothing typed, the recent targets first."""

    def commands(self) -> list[tuple[str, Content, object, str]]:
        """(text, what the palette shows, what runs, help) of every binding, in the help screen's order."""
        from .modals import display_keys  # the modal screens: when first shown, not at start-up

        screen = _screen(self.app)
        out = []
        for group, group_bindings in bindings.groups():
            where = "" if group == "Everywhere" else f" · {GROUP_NAMES.get(group, group)}"
            for binding in group_bindings:
                keys = display_keys(self.app, binding)
                text = f"{binding.description}{where}"
                run = partial(run_binding, screen, group, binding.action, binding in bindings.APP)
                out.append((text, keys, run, binding.id or ""))
        return out

    def saved_searches(self) -> list[tuple[str, str]]:
        try:
            return list(saved.load().items())
        except saved.SavedError:
            return []

    async def discover(self) -> Hits:
        screen = _screen(self.app)
        for target in screen.recent:
            hit = recent_hit(screen, target, self.saved_searches())
            if hit is not None:
                yield hit
        for name, query in self.saved_searches():
            if screen.recent.rank("search", name) is None:
                run = partial(screen.run_saved, name, query)
                yield DiscoveryHit(
                    Content(f"Saved search: {name}"), run, text=f"Saved search: {name}", help=escape(query)
                )
        for text, keys, run, binding_id in self.commands():
            yield DiscoveryHit(
                _with_keys(Content(text), keys), run, text=text, help=escape(f"key {keys} · {binding_id}")
            )
        yield DiscoveryHit("Go to date…", screen.action_jump_date, help="Jump the timeline to a date (or type one)")
        async for hit in super().discover():
            yield hit

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = _screen(self.app)
        for name, saved_query in self.saved_searches():
            text = f"Saved search: {name}"
            if (score := matcher.match(text)) > 0:
                score = recent_score(score, screen.recent.rank("search", name))
                run = partial(screen.run_saved, name, saved_query)
                yield Hit(score, highlight(matcher, text), run, text=text, help=escape(saved_query))
        for text, keys, run, binding_id in self.commands():
            if (score := max(matcher.match(text), matcher.match(binding_id))) > 0:
                shown = _with_keys(highlight(matcher, text), keys)
                yield Hit(score, shown, run, text=text, help=escape(f"key {keys} · {binding_id}"))
        async for hit in super().search(query):
            yield hit


GROUP_NAMES = {"Lists (Articles, Entities, Timeline, Quotes)": "lists"}
# The pane a group's keys act in (the palette focuses it first); the lists' keys act in the pane in front.
GROUP_PANES = {"Articles": "articles", "Entities": "entities", "Timeline": "timeline", "Quotes": "quotes"}


def _with_keys(content: Content, keys: str) -> Content:
    return Content.assemble(content, "  ", (keys, "bold $text-muted"))


async def run_binding(screen, group: str, action: str, app_wide: bool) -> None:
    """Run a binding's action where its key would: the app's, the browser's, a pane's or the reader's."""
    if app_wide:
        await screen.app.run_action(action)
        return
    if group == "Everywhere":
        await screen.run_action(action)
        return
    pane = GROUP_PANES.get(group, screen.state.active if group.startswith("Lists") else "reader")
    screen.action_show_pane(pane)
    target = screen.reader if pane == "reader" else screen.lst(pane)
    await target.run_action(action)


def recent_hit(screen, target, searches: list[tuple[str, str]]) -> DiscoveryHit | None:
    """A recent target as the palette lists it first."""
    if target.kind == "entity":
        text, run = f"Go to entity: {target.label}", partial(screen.go_entity, target.key, target.label)
    elif target.kind == "article":
        text, run = f"Go to article: {target.label}", partial(screen.go_article, target.key, target.label)
    elif target.kind == "date":
        text, run = f"Go to date: {target.label}", partial(screen.go_date, target.key)
    else:
        text, run = "", None
    if run is not None:  # names from the corpus show as typed, never as markup
        return DiscoveryHit(Content(text), run, text=text)
    query = dict(searches).get(target.key)
    if query is None:
        return None
    text = f"Saved search: {target.label}"
    return DiscoveryHit(Content(text), partial(screen.run_saved, target.key, query), text=text, help=escape(query))


class QuoteKindCommands(Provider):
    """The Quotes pane narrowed to words or to stances (`navigation.SAID_FILTERS`)."""

    def _hits(self):
        screen = _screen(self.app)
        return [(title, help, partial(screen.show_said, said)) for said, title, help in SAID_FILTERS]

    async def search(self, query: str) -> Hits:  # typed for, never listed first: recent targets come first
        matcher = self.matcher(query)
        for title, help, action in self._hits():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), action, text=title, help=escape(help))


class DateCommands(Provider):
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
