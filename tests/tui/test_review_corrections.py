"""A wrong answer in the review opens the correction of that item: the menu of the browser's `c` for its fact,
then the confirm line, prefilled the same way; escape leaves only the answer "wrong"."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.tui.conftest import settle
from tui.config import Config
from tui.review_screen import ReviewScreen


@pytest.fixture
def app(db_path):
    from tui.app import SinorusApp

    return SinorusApp(db_path, config=Config(), theme="textual-dark")


def _rows(app, sql: str) -> list[tuple]:
    conn = sqlite3.connect(app.db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def corrections(app) -> list[tuple]:
    return [(k, json.loads(t), json.loads(v)) for k, t, v in _rows(app, "SELECT kind, target, value FROM correction")]


def answers(app) -> list[str]:
    return [r[0] for r in _rows(app, "SELECT answer FROM review_answer ORDER BY rowid")]


def review(app) -> ReviewScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReviewScreen))


def line(app):
    return review(app).query_one("#correct")


async def wrong_on(pilot, kind: str, where=lambda item: True):
    """Open the review, skip to the first item of `kind` (that `where` accepts), answer it wrong; the menu is up."""
    app = pilot.app
    await pilot.press("R")
    await settle(pilot)
    screen = review(app)
    while not (screen.items[screen.at].kind == kind and where(screen.items[screen.at])):
        await pilot.press("s")
        await settle(pilot)
    item = screen.items[screen.at]
    await pilot.press("w")
    await settle(pilot)
    assert "Correct" in app.screen.query_one("#box").border_title  # the correction menu, over the review
    return item


async def confirm(pilot, value: str | None = None) -> None:
    await settle(pilot)
    if value is not None:
        line(pilot.app).value = value
    await pilot.press("enter")
    await settle(pilot)


async def test_a_wrong_quote_opens_its_speaker_prefilled(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await wrong_on(pilot, "quotes", lambda it: it.fact.get("speaker"))
        menu = str(app.screen.query_one("#box Static").render())
        assert "set the speaker" in menu and "change its kind" in menu and "reject: not a quote" in menu
        await pilot.press("s")
        await settle(pilot)
        assert line(app).display and line(app).value == item.fact["speaker"]  # prefilled as `c` does
        asks = "set the speaker: the speaker's name"  # said above the line, its placeholder hidden by the value
        assert any(str(n.message).startswith(asks) for n in app._notifications)
        await confirm(pilot, "Somebody Else")
        assert not any(str(n.message).startswith(asks) for n in app._notifications)  # gone with the line
        ((kind, target, value),) = corrections(app)
        assert kind == "quote_speaker" and value == {"speaker": "Somebody Else"}
        assert (target["start"], target["end"]) == (item.key["start"], item.key["end"])
        assert answers(app) == ["wrong"] and not line(app).display and isinstance(app.screen, ReviewScreen)


async def test_a_wrong_date_sets_its_value(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await wrong_on(pilot, "dates", lambda it: it.fact.get("value"))
        await pilot.press("v")
        await settle(pilot)
        assert line(app).value == item.fact["value"]
        await confirm(pilot, "2019-05-06")
        ((kind, target, value),) = corrections(app)
        assert kind == "date_value" and value == {"value": "2019-05-06"} and target["start"] == item.key["start"]


async def test_a_wrong_entity_link_offers_its_split_prefilled_and_escape_keeps_only_the_answer(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await wrong_on(pilot, "entities")
        menu = str(app.screen.query_one("#box Static").render())
        assert "merge the entity into another" in menu and "split the alias" in menu
        await pilot.press("a")  # split the alias off: prefilled with the mention's words, as `c` does
        await settle(pilot)
        assert line(app).value == item.fact["text"]
        await pilot.press("escape")  # the line closes; the answer stays; the review stays open
        await settle(pilot)
        assert not line(app).display and isinstance(app.screen, ReviewScreen)
        assert corrections(app) == [] and answers(app).count("wrong") == 1
        await pilot.press("w")  # the next item, wrong too: the menu again
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and corrections(app) == [] and answers(app).count("wrong") == 2


async def test_a_wrong_entity_link_merge_is_stored(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await wrong_on(pilot, "entities")
        await pilot.press("m")
        await settle(pilot)
        assert line(app).value == ""
        await confirm(pilot, "Moscow")
        stored = corrections(app)
        if item.fact["name"].casefold() == "moscow":
            assert stored == []  # an entity cannot be merged into itself: nothing stored
        else:
            assert stored == [("entity_merge", {"entity": item.fact["name"]}, {"into": "Moscow"})]


async def test_a_wrong_event_sets_its_date_or_splits_a_report(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await wrong_on(pilot, "events")
        menu = str(app.screen.query_one("#box Static").render())
        assert "set its value" in menu and "split its report off its event" in menu and "merge its event" in menu
        await pilot.press("v")
        await settle(pilot)
        assert line(app).value == item.fact["value"]  # the event's date, to edit
        await confirm(pilot, "2020-02-03")
        ((kind, target, value),) = corrections(app)
        first = item.fact["reports"][0]
        assert kind == "date_value" and value == {"value": "2020-02-03"} and target["start"] == first["start"]


async def test_a_wrong_event_splits_the_report_named_by_its_number_or_marks_itself_for_a_merge(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await wrong_on(pilot, "events", lambda it: len(it.fact["reports"]) > 1)
        await pilot.press("a")
        await settle(pilot)
        assert "its number as listed, 1 to" in line(app).placeholder and line(app).value == ""
        await confirm(pilot, "9999")  # not one of its reports: said, the line stays open
        assert corrections(app) == [] and line(app).display
        await confirm(pilot, "2")
        ((kind, target, _),) = corrections(app)
        second = item.fact["reports"][1]
        assert kind == "event_split" and target["timex_start"] == second["start"]
        await pilot.press("w")  # the next item
        await settle(pilot)
        while app.screen is not review(app):  # not an event: its menu closes
            await pilot.press("escape")
            await settle(pilot)
        screen = review(app)
        while screen.items[screen.at].kind != "events":
            await pilot.press("s")
            await settle(pilot)
        other = screen.items[screen.at].fact["reports"][0]
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("m")  # no event marked yet: this one is marked, as `c` then `m` does in the browser
        await settle(pilot)
        browser = screen._browser()
        assert browser._event_mark == (other["article"], other["start"]) and not line(app).display
