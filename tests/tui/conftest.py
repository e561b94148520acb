from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from tests.tui.fixture_db import ARTICLES, CONFLICTING, build
from tui.config import Config


@pytest.fixture(scope="session")
def built_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("tui") / "corpus.db")


@pytest.fixture(scope="session")
def conflict_db_path(tmp_path_factory):
    """The fixture and a fourth article that dates the Wang Yi meeting two days later: an event in conflict."""
    return build(tmp_path_factory.mktemp("tui-conflict") / "corpus.db", [*ARTICLES, CONFLICTING])


def copy_of(db, tmp_path):
    """A copy of the corpus `db` for one test (the browser writes marks and read articles into it)."""
    copy = tmp_path / "corpus.db"
    with closing(sqlite3.connect(db)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


@pytest.fixture
def db_path(built_db, tmp_path):
    """A copy of the fixture corpus for one test: the browser writes marks and read articles into it."""
    return copy_of(built_db, tmp_path)


def _app_maker(path):
    from tui.app import SinorusApp

    def make(**kw):
        kw.setdefault("config", Config())
        kw.setdefault("theme", "textual-dark")
        return SinorusApp(path, **kw)

    return make


@pytest.fixture
def make_app(db_path):
    return _app_maker(db_path)


@pytest.fixture
def make_conflict_app(conflict_db_path):
    return _app_maker(conflict_db_path)


async def settle(pilot, rounds: int = 6) -> None:
    """Wait until workers are done and their messages handled (no sleeping)."""
    from textual.worker import WorkerCancelled, WorkerError, WorkerFailed, WorkerState

    app = pilot.app
    for _ in range(rounds):
        try:
            await app.workers.wait_for_complete()
        except WorkerFailed:
            raise  # a worker's own error: the test must see it
        except (WorkerCancelled, WorkerError):
            pass  # one superseded by a newer one (exclusive) or not started yet: wait again below
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            await pilot.pause()
            if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
                return


async def search(pilot, line: str) -> None:
    """`line` searched from the search line (`/`), as typed and entered, and its results waited for."""
    await pilot.press("slash")
    screen_of(pilot.app).query_one("#search").value = line
    await pilot.press("enter")
    await settle(pilot)


def screen_of(app):
    """The app's browser screen, under whatever modal is on top."""
    from tui.browser import MainScreen

    return next(s for s in app.screen_stack if isinstance(s, MainScreen))
