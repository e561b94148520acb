"""Work a navigation step no longer does on the main thread, checked to give what the longer way gave:
handlers found once per class pair (tui.internals.cache_handler_lookup), a bar's line kept while it shows the
same (tui.widgets.bars), the density strip's months kept with the Timeline's counts (tui.panes.EventCounts),
and an article opened at a search hit styled once (tui.widgets.reader.Reader.show)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from textual import events
from textual.message_pump import MessagePump
from textual.widgets import Input

from model.corpus import query as q
from tests.tui.conftest import screen_of, settle
from tui.document import Doc
from tui.internals import cache_handler_lookup
from tui.panes import EventCounts
from tui.widgets.vlist import VirtualList


def _found(gen) -> list[tuple[type, object]]:
    return [(cls, method.__func__) for cls, method in gen]


async def test_each_widget_finds_the_handlers_textual_walking_its_classes_finds(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        cache_handler_lookup()  # (idempotent: the app installed it)
        cached = MessagePump._get_dispatch_methods
        upstream = cached._sinorus_upstream
        s = screen_of(app)
        prompt = s._one("#search", Input)  # (the prompt lines are made when first opened)
        await settle(pilot)
        articles = s.lst("articles")
        for node in [app, s, *s.walk_children()]:
            made = [
                lambda: events.Key("j", "j"),
                lambda: events.Focus(),
                lambda: events.Resize(node.size, node.size),
                lambda: Input.Submitted(prompt, "oil"),  # an @on handler with a selector (#search, #date, ...)
                lambda: VirtualList.Loaded(articles, 3, None),
            ]
            for make in made:
                message = make()
                name = message.handler_name
                assert _found(cached(node, name, message)) == _found(upstream(node, name, message)), (node, name)
        submitted = Input.Submitted(prompt, "oil")
        assert any(cls.__name__ == "MainScreen" for cls, _ in _found(cached(s, submitted.handler_name, submitted)))
        stopped = Input.Submitted(prompt, "oil")
        stopped.prevent_default()
        assert _found(cached(s, stopped.handler_name, stopped)) == []


async def test_a_bar_shows_each_new_text_and_keeps_the_line_of_the_same_text(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        status = screen_of(app).query_one("#status")

        def text() -> str:
            return "".join(seg.text for seg in status.line_segments(0))

        status.update("first line of status")
        assert "first line of status" in text()
        kept = status._line_drawn
        assert "first line of status" in text() and status._line_drawn is kept  # the same text: the same line
        status.update("second")
        assert "second" in text() and "first" not in text()
        assert status._line_drawn is not kept


def test_the_months_of_a_counted_filter_set_are_its_counts_by_month(built_db):
    counts = EventCounts()
    every, none_such = q.Filters(), q.Filters(search="zzzqqqnotaword")
    assert counts.known_months(every) is None  # not counted yet
    with closing(sqlite3.connect(built_db)) as conn:
        by_value = counts.get(conn, every)
        counts.get(conn, none_such)
    assert counts.known_months(every) == q.counts_by_month(by_value)
    assert counts.known_months(every), "the fixture has events dated to a month"
    assert counts.known_months(none_such) == []
    counts.clear()
    assert counts.known_months(every) is None


def test_the_counts_used_at_every_step_stay_kept_past_many_others(built_db, monkeypatch):
    """The least recently used filter set's counts go first: the whole corpus's, asked for again between searches,
    are never counted again however many searches there were."""
    counts = EventCounts()
    every = q.Filters()
    read: list[q.Filters] = []
    value_counts = q.value_counts
    monkeypatch.setattr(q, "value_counts", lambda conn, f: read.append(f) or value_counts(conn, f))
    with closing(sqlite3.connect(built_db)) as conn:
        for i in range(EventCounts.KEEP * 2):
            counts.get(conn, every)
            counts.get(conn, q.Filters(search=f"word{i}"))
    assert read.count(every) == 1 and len(read) == EventCounts.KEEP * 2 + 1
    assert counts.known(every) is not None and counts.known(q.Filters(search="word0")) is None


async def test_an_article_opened_at_a_search_hit_has_that_hit_current_and_in_view(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        reader = screen_of(app).reader
        filler = " ".join(f"word{i}" for i in range(600))
        text = f"Zebra crossed first. {filler} The last zebra stayed."
        doc = Doc("article", 1, "Zebras", text)
        height = reader.scrollable_content_region.height

        def hit_line() -> int:
            return reader.line_of(reader.hits[reader.hit][0])

        reader.show(doc, terms=["zebra"], hit="last")
        assert reader.hit == len(reader.hits) - 1 == 1
        assert round(reader.scroll_y) <= hit_line() < round(reader.scroll_y) + height
        assert round(reader.scroll_y) > 0  # the last hit is far down: the page scrolled to it
        reader.show(doc, terms=["zebra"], hit="first")
        assert reader.hit == 0 and round(reader.scroll_y) == 0
        reader.show(doc, terms=["zebra"])
        assert reader.hit is None
        reader.show(doc, terms=["giraffe"], hit="first")
        assert reader.hits == [] and reader.hit is None
