"""The help screen: `?` opens it, typing filters its rows, escape clears the filter, then closes."""

from __future__ import annotations

from tests.tui.conftest import settle
from tui.browser import MainScreen
from tui.modals import HelpScreen, filter_help


def help_text(app) -> str:
    return str(app.screen.query_one("#help-rows").render())


def test_filter_keeps_rows_with_every_word_and_drops_empty_groups():
    groups = [
        ("Everywhere", [("q", "Quit", "app.quit"), ("/", "Search", "browser.search")]),
        ("Timeline", [("v", "Events or dates", "timeline.view")]),
    ]
    assert filter_help(groups, "") == groups
    assert filter_help(groups, "QUIT") == [("Everywhere", [("q", "Quit", "app.quit")])]
    assert filter_help(groups, "timeline events") == [("Timeline", [("v", "Events or dates", "timeline.view")])]
    assert filter_help(groups, "quit events") == []


async def test_typing_in_help_filters_escape_clears_then_closes(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        everything = help_text(app)
        assert "Quit" in everything and "Marks" in everything
        await pilot.press(*"phrase")  # q and ? typed here are text, not "close"
        await settle(pilot)
        filtered = help_text(app)
        assert "the phrase: these words in this order" in filtered
        assert "Marks" not in filtered and "Quit" not in filtered
        await pilot.press("space", *"zzqx")
        await settle(pilot)
        assert "no key, field or mark matches “phrase zzqx”" in help_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and help_text(app) == everything
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_help_boxs_subtitle_is_whole_at_80x24(make_app):
    """Found at 80×24: "… · remap in config.tom…", the subtitle cut where it says where keys are remapped."""
    from tui.modals import HELP_SUBTITLE

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        box = app.screen.query_one("#box")
        drawn = ["".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()]
        bottom = drawn[box.region.bottom - 1]  # the box's lower border, as drawn
        assert HELP_SUBTITLE in bottom and "[keys]" in bottom  # whole, and "[keys]" not taken for markup


async def test_the_legend_explains_every_mark_the_lists_show(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press(*"conflict")
        await settle(pilot)
        assert "a date conflict" in help_text(app)
        await pilot.press(*["backspace"] * 8, *"sorted")
        await settle(pilot)
        assert "the sorted column" in help_text(app) and "a date conflict" not in help_text(app)
