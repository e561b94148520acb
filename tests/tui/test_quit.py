"""Quitting ends a query still running (SQLite's interrupt) instead of waiting for it."""

from __future__ import annotations

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
    with db.session() as conn:  # the next read starts on a fresh connection
        assert q.base.run(conn, "SELECT 1") == [(1,)]


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
