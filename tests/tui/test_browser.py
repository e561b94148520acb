"""The search line of the browser (tui/browser.py): a query of the search language, its fields as chips,
bad input said in one line with the line kept to put right, and the language in the help screen."""

from __future__ import annotations

import pytest

from tests.tui.conftest import screen_of, search, settle
from tui.modals import help_rows


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))


async def test_a_fielded_search_filters_both_lists_and_each_field_is_a_chip(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await search(pilot, '"no ceiling" -Ukraine kind:direct speaker:Putin')
        assert s.lst("quotes").total == 0 and s.lst("articles").total == 0
        assert [label for _, label in s.state.chips.labels()] == [
            'search: "no ceiling" -Ukraine',
            "kind: direct",
            "speaker: Putin",
        ]
        await pilot.press("x")  # the last chip: the speaker
        await settle(pilot)
        assert s.state.chips.search == '"no ceiling" -Ukraine kind:direct'
        assert s.lst("quotes").total == 1 and s.lst("articles").total == 0  # the article names Ukraine
        s.remove_chip("search")  # a click on the words' chip: the fields stay
        await settle(pilot)
        assert s.state.chips.search == "kind:direct" and s.lst("quotes").total == 6
        await pilot.press("1")
        assert s.reader.hits == []  # a field is no word to mark in the text
        await search(pilot, '"higher stage" date:2023')
        assert s.lst("articles").total == 1 and s.reader.hits
        assert {s.reader.doc.text[a:b] for a, b in s.reader.hits} == {"higher stage"}


@pytest.mark.parametrize(
    "line, reason",
    [
        ('"no limits', "the quote at character 1 is not closed"),
        ("spekaer:Putin", "did you mean speaker:?"),
        ("date:2023-02-30", "is not a date (day is out of range for month)"),
    ],
)
async def test_bad_input_is_one_line_and_the_line_stays_open(make_app, line, reason):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await search(pilot, line)
        message = str(list(app._notifications)[-1].message)
        assert reason in message and "\n" not in message
        assert app.focused is s.query_one("#search") and s.query_one("#search").value == line
        assert s.state.chips.search is None and s.lst("articles").total == 4


async def test_save_says_what_it_kept_and_refuses_a_bad_name(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await search(pilot, ":save empty")
        assert "nothing to save" in str(list(app._notifications)[-1].message)
        await search(pilot, "speaker:Zakharova")
        await search(pilot, ":save a/b")
        assert "cannot save as “a/b”" in str(list(app._notifications)[-1].message)
        await search(pilot, ":save zakharova")
        assert str(list(app._notifications)[-1].message) == "saved “zakharova”: speaker:Zakharova (ctrl+p lists it)"
        await search(pilot, ":delete zakharova")
        assert (tmp_path / "sinorus-tui" / "searches.json").read_text(encoding="utf-8").strip() == "{}"
        assert s.state.chips.search == "speaker:Zakharova"


async def test_the_help_screen_shows_the_search_language(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        rows = dict(help_rows(app))["Search (/ and ctrl+p): every term must hold"]
        examples = [example for example, _meaning, _id in rows]
        assert examples[:3] == ["china ties", '"no limits"', "-oil"]
        assert {"speaker:", "entity:", "kind:", "source:", "outlet:", "date:", "said:", ":save NAME"} <= set(examples)
        await pilot.press("question_mark")
        await settle(pilot)
        assert "date:" in app.screen.query_one("Static").render().plain
