"""Quitting ends a query still running (SQLite's interrupt) instead of waiting for it; a list's new load ends
only the reads of its last one."""

from __future__ import annotations

import asyncio
import threading

from model.corpus import query as q
from tests.tui.conftest import settle
from tui.app import Db

ENDLESS = (  # counts for ever unless interrupted; `started()` says it is running
    "WITH RECURSIVE r(i) AS (SELECT started() UNION ALL SELECT i + 1 FROM r) SELECT COUNT(*) FROM r"
)


def test_interrupt_ends_a_running_query_as_a_failed_read(built_db):
    db = Db(built_db)
    started, outcome = threading.Event(), []

    def read() -> None:
        try:
            with db.session() as conn:
                conn.create_function("started", 0, lambda: started.set() or 0)
                outcome.append(q.base.run(conn, ENDLESS))
        except q.QueryError as e:
            outcome.append(str(e))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    assert started.wait(60)
    db.interrupt()
    worker.join(60)
    assert not worker.is_alive() and outcome == ["interrupted"]
    with db.session() as conn:  # the next read goes on, on the same connection
        assert q.base.run(conn, "SELECT 1") == [(1,)]


def _endless_read(db: Db, tag: object) -> tuple[threading.Thread, threading.Event, list]:
    started, outcome = threading.Event(), []

    def read() -> None:
        try:
            with db.session(tag) as conn:
                conn.create_function("started", 0, lambda: started.set() or 0)
                outcome.append(q.base.run(conn, ENDLESS))
        except q.QueryError as e:
            outcome.append(str(e))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    return worker, started, outcome


def test_interrupting_a_tag_ends_only_the_reads_with_that_tag(built_db):
    db = Db(built_db)
    old, other = object(), object()
    superseded, started_a, outcome_a = _endless_read(db, old)
    running, started_b, outcome_b = _endless_read(db, other)
    assert started_a.wait(60) and started_b.wait(60)
    db.interrupt(old)
    superseded.join(60)
    assert not superseded.is_alive() and outcome_a == ["interrupted"]
    assert running.is_alive() and outcome_b == []  # the other read runs on
    db.interrupt(other)
    running.join(60)
    assert outcome_b == ["interrupted"]


async def test_a_new_load_interrupts_the_last_ones_read_and_drops_its_end_quietly(make_app):
    from tui.browser import MainScreen
    from tui.widgets.vlist import FuncSource

    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
        lst, other = screen.lst("entities"), screen.lst("timeline")
        started, ended, outcomes = threading.Event(), threading.Event(), []

        def endless_count(conn) -> int:
            conn.create_function("started", 0, lambda: started.set() or 0)
            try:
                return q.base.run(conn, ENDLESS)[0][0]
            except q.QueryError as e:
                outcomes.append(str(e))
                ended.set()
                raise

        render = lambda row, width: row  # noqa: E731 (never drawn: the list has no rows)
        lst.load(FuncSource(endless_count, lambda c, o, n: [], render))
        other_total = other.total
        while not started.is_set():  # the worker starts from the event loop: let it run
            await pilot.pause()
        lst.load(FuncSource(lambda c: 3, lambda c, o, n: ["a", "b", "c"][o : o + n], render))
        try:
            assert await asyncio.to_thread(ended.wait, 60)  # the superseded read ends
        finally:
            app.db.interrupt()  # (were it not ended, the test fails here and does not hang)
        while lst.total is None:
            await pilot.pause()
        await pilot.pause()
        assert outcomes == ["interrupted"]
        assert lst.total == 3 and lst.error is None and lst.row(2) == "c"
        assert other.total == other_total and other.error is None
        assert not app._notifications


async def test_quitting_interrupts_the_running_queries(make_app, monkeypatch):
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        calls = []
        interrupt = app.db.interrupt
        monkeypatch.setattr(app.db, "interrupt", lambda: calls.append(1) or interrupt())
        await pilot.press("q")
        await pilot.pause()
        assert calls == [1]


async def test_a_first_page_that_needs_no_count_is_read_beside_it(make_app):
    """A source whose first page is the same without its count (`first_page_alone`) has it read in another thread
    while the count runs: here the count waits until the page has been read (read after the count, it never is)."""
    from tui.browser import MainScreen
    from tui.widgets.vlist import FuncSource

    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
        lst = screen.lst("entities")
        read, threads = threading.Event(), {}

        def count(conn) -> int:
            threads["count"] = threading.current_thread().name
            return 3 if read.wait(30) else 0

        def page(conn, offset: int, limit: int) -> list:
            threads["page"] = threading.current_thread().name
            read.set()
            return ["a", "b", "c"][offset : offset + limit]

        render = lambda row, width: row  # noqa: E731
        lst.load(FuncSource(count, page, render, first_page_alone=True))
        await asyncio.to_thread(read.wait, 30)
        while lst.total is None:
            await pilot.pause()
        assert lst.total == 3 and lst.error is None and lst.row(2) == "c"
        assert threads["count"] != threads["page"]
        # any other source: the count, then the page, on one thread
        lst.load(FuncSource(lambda c: threads.update(count=threading.current_thread().name) or 3, page, render))
        while lst.total is None:
            await pilot.pause()
        assert lst.total == 3 and threads["count"] == threads["page"]


def test_the_articles_first_page_is_read_beside_its_count_unless_a_speakers_search_shares_their_ids():
    from tui.panes import articles_source

    def alone(**filters) -> bool:
        return articles_source(q.Filters(**filters), "date", False).first_page_alone

    assert alone() and alone(search="grain harbour") and alone(entity=3, search="grain")
    assert alone(entity=3, search="said:2022-03 grain") and alone(search='entity:"Ana Ruiz" -kind:indirect')
    assert not alone(search='speaker:"Ana Ruiz" kind:direct') and not alone(entity=3, search="grain speaker:Ruiz")
