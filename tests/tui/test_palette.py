"""The command palette: every key's action (its key shown), going to an entity filters the panes, recent
targets first, saved searches, and a search typed in the search language."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.tui.conftest import screen_of, settle
from tui.bindings import all_ids
from tui.config import Config
from tui.palette import ActionCommands


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))


def listed(app) -> list[str]:
    """The palette's lines, top to bottom (each line's first row of text)."""
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def palette(pilot, typed: str = "") -> list[str]:
    await pilot.press("ctrl+p", *typed)
    await settle(pilot)
    return listed(pilot.app)


async def test_every_binding_is_a_command_with_its_key_as_the_user_has_it(make_app):
    app = make_app(config=Config(keys={"history.back": "b"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands = ActionCommands(screen_of(app)).commands()
        assert [binding_id for *_, binding_id in commands] == all_ids()
        keys = {binding_id: keys for _text, keys, _run, binding_id in commands}
        assert keys["history.back"] == "b" and keys["articles.sort"] == "s" and keys["app.help"] == "? f1"
        lines = await palette(pilot)
        assert "Back  b" in lines and "Sort · Articles  s" in lines and "Next link · Reader  tab e" in lines
        assert any(line.startswith("Quit") for line in lines) and "Go to date…" in lines  # Textual's own, the dates


async def test_colon_opens_the_palette_as_ctrl_p_does(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not app.screen.query(OptionList)
        await pilot.press("colon", *"Sort")
        await settle(pilot)
        assert "Sort · Articles  s" in listed(app)


async def test_a_command_runs_where_its_key_would(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4")  # the Quotes pane in front: the Articles sort still sorts Articles
        await palette(pilot, "Sort · Articles")
        await pilot.press("enter")
        await settle(pilot)
        assert s.state.article_sort == "oldest" and s.state.quote_sort == "date"
        await palette(pilot, "Down · lists")  # a list's key acts in the list in front
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is s.lst("articles") and s.lst("articles").cursor == 1
        await palette(pilot, "Sort · Quotes")
        await pilot.press("enter")
        await settle(pilot)
        # grouped by statement, the said order is the date order: the next one is by speaker
        assert s.state.quote_sort == "speaker" and app.focused is s.lst("quotes")


async def test_go_to_entity_filters_the_panes_and_recent_targets_come_first(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await palette(pilot, "Zakharova")
        await pilot.press("enter")
        await settle(pilot)
        assert s.reader.doc.title == "Maria Zakharova" and s.state.chips.entity[1] == "Maria Zakharova"
        assert s.lst("quotes").total == 2 and s.lst("articles").total == 1
        await palette(pilot, "2022-02")
        await pilot.press("enter")
        await settle(pilot)
        lines = await palette(pilot)
        assert lines[:2] == ["Go to date: 2022-02", "Go to entity: Maria Zakharova"]
        await pilot.press("escape")
        await palette(pilot, "Vladimir")
        await pilot.press("enter")
        await settle(pilot)
        lines = await palette(pilot, "in")  # China, Xi Jinping, Kremlin, … and keys: the recent one first
        assert lines[0] == "Go to entity: Vladimir Putin" and "Go to entity: Xi Jinping" in lines, lines


async def test_saved_searches_from_the_search_line_and_the_palette(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("slash", *"kind:indirect", "enter")
        await settle(pilot)
        await pilot.press("slash")
        s.query_one("#search").value = ":save reported"
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "sinorus-tui" / "searches.json").read_text(encoding="utf-8").count("kind:indirect") == 1
        await pilot.press("X")
        await settle(pilot)
        assert s.lst("quotes").total == 8
        assert (await palette(pilot))[0] == "Saved search: reported"
        await pilot.press("enter")
        await settle(pilot)
        assert s.state.chips.search == "kind:indirect" and s.lst("quotes").total == 1
        await palette(pilot, ":save indirect too")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved search: indirect too" in await palette(pilot, "indirect")


async def test_a_search_typed_in_the_palette(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app)
        assert (await palette(pilot, 'speaker:Putin "new chapter"'))[0] == 'Search: speaker:Putin "new chapter"'
        await pilot.press("enter")
        await settle(pilot)
        assert s.lst("quotes").total == 1 and s.lst("articles").total == 1
        assert [name for name, _ in s.state.chips.labels()] == ["search", "search:0"]
        await palette(pilot, "date:2023-13")
        await pilot.press("enter")
        await settle(pilot)
        assert "is not a date (month must be in 1..12)" in str(list(app._notifications)[-1].message)
        assert s.state.chips.search == 'speaker:Putin "new chapter"'


async def test_an_entity_comes_before_articles_whose_titles_match_as_well(make_app):
    """Found on PolNeAR dev: `ctrl+p` `clint` listed fifteen article titles before "Go to entity: Hillary Clinton"
    (every line matched alike, the articles answered first)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(3):  # whichever provider answers first
            lines = await palette(pilot, "Putin")
            assert any(line.startswith("Go to article:") and "Putin" in line for line in lines)
            assert lines[0] == "Go to entity: Vladimir Putin", lines
            await pilot.press("escape")
            await settle(pilot)


def test_an_entitys_palette_line_counts_in_words_one_mention_not_1_mentions():
    from types import SimpleNamespace

    from tui.palette import entity_lines

    one = SimpleNamespace(name="Ana Ruiz", label="PERSON", mentions=1, articles=1)
    assert entity_lines(one)[1] == "PERSON · 1 mention in 1 article"
    many = SimpleNamespace(name="Ana Ruiz", label="PERSON", mentions=1200, articles=3)
    assert entity_lines(many)[1] == "PERSON · 1,200 mentions in 3 articles"
