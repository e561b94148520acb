"""Corrections from the browser: `c` opens the menu, a key chooses, the confirm line at the bottom takes the value,
`u` undoes; the provenance (`p`) says "corrected by you on DATE" and what extraction had found."""

from __future__ import annotations

import sqlite3

import pytest

from tests.tui.conftest import screen_of, settle
from tests.tui.test_app import goto_row
from tui.config import Config


@pytest.fixture
def app(db_path):
    from tui.app import SinorusApp

    return SinorusApp(db_path, config=Config(), theme="textual-dark")  # db_path: this test's own copy


def stored(app) -> list[tuple]:
    conn = sqlite3.connect(app.db.path)
    try:
        return conn.execute("SELECT kind, target, value FROM correction ORDER BY id").fetchall()
    finally:
        conn.close()


def prompt(app):
    return screen_of(app).query_one("#correct")


async def test_reject_a_quote_then_undo_it(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await goto_row(pilot, "quotes", lambda r: r.speaker == "Wang Yi")
        total = s.lst("quotes").total
        await pilot.press("c")
        await settle(pilot)
        menu = str(app.screen.query_one("#box Static").render())
        assert "reject: not a quote" in menu and "set the speaker" in menu
        await pilot.press("r")
        await settle(pilot)
        assert prompt(app).display and "reject" in prompt(app).placeholder  # the confirm line, at the bottom
        await pilot.press("enter")
        await settle(pilot)
        assert [k for k, *_ in stored(app)] == ["quote_reject"]
        assert s.lst("quotes").total == total - 1
        await pilot.press("u")
        await settle(pilot)
        assert "undo your latest correction" in prompt(app).placeholder
        await pilot.press("enter")
        await settle(pilot)
        assert stored(app) == [] and s.lst("quotes").total == total


async def test_set_a_speaker_and_see_it_in_the_provenance(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await goto_row(pilot, "quotes", lambda r: r.speaker == "Wang Yi")
        await pilot.press("c", "s")
        await settle(pilot)
        assert prompt(app).value == "Wang Yi"  # the value as it is, to edit
        prompt(app).value = "Sergei Lavrov"
        await pilot.press("enter")
        await settle(pilot)
        assert stored(app)[0][0] == "quote_speaker"
        await goto_row(pilot, "quotes", lambda r: r.speaker == "Sergei Lavrov" and "partnership" in r.text)
        await pilot.press("p")
        await settle(pilot)
        text = str(app.screen.query_one("#box Static").render())
        assert "by you on" in text and "speaker set to Sergei Lavrov" in text
        assert "Original" in text and "speaker Wang Yi" in text
        await pilot.press("escape")
        assert s.lst("quotes").total


async def test_escape_cancels_and_a_bad_value_changes_nothing(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("3", "v")  # the Timeline lists each dated expression (a date is what `c` corrects)
        await settle(pilot)
        await goto_row(pilot, "timeline", lambda r: r.text == "Wednesday")
        await pilot.press("c", "v")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not prompt(app).display and stored(app) == []
        await pilot.press("c", "v")
        await settle(pilot)
        prompt(app).value = "someday"
        await pilot.press("enter")
        await settle(pilot)
        assert stored(app) == []
        await pilot.press("c", "k")  # not a correction of a date: the menu stays
        await settle(pilot)
        assert "Correct date" == app.screen.query_one("#box").border_title


async def test_review_in_the_browser_keeps_answers_and_shows_the_figures(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        item = str(app.screen.query_one("#item").render())
        assert "[1/" in item and "⟦" in item
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("escape")  # the correction a wrong answer opens: not made, the answer stays
        await settle(pilot)
        figures = str(app.screen.query_one("#figures").render())
        assert "1/1 right" in figures and "0/1 right" in figures and "95% interval" in figures
        conn = sqlite3.connect(app.db.path)
        assert conn.execute("SELECT answer FROM review_answer ORDER BY rowid").fetchall() == [("right",), ("wrong",)]
        conn.close()
        await pilot.press("escape")


async def test_a_line_holding_the_value_to_edit_says_above_it_what_it_asks_until_it_closes(app):
    """Found at 80×24: `c` `k` on a quote opened a line holding only "partial", its placeholder (the kinds to
    choose from, enter to set) hidden behind the value; a notice says it now, and goes with the line."""

    def asked() -> bool:
        return any("direct, partial, indirect or stance" in str(n.message) for n in app._notifications)

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "v")
        await settle(pilot)
        await pilot.press("c", "k")
        await settle(pilot)
        assert prompt(app).display and prompt(app).value and asked()
        await pilot.press("escape")
        await settle(pilot)
        assert not prompt(app).display and not asked() and stored(app) == []
