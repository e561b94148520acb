"""Pilot tests for the rough edges a new user hit (issue 19, "Fix")."""

from __future__ import annotations

from tests.tui.conftest import screen_of, settle


def visible_lines(app) -> list[str]:
    r = screen_of(app).reader
    return [r.render_line(y).text for y in range(r.size.height)]


async def test_reader_reflows_to_its_width_after_unmaximising_a_pane(make_app):
    """Articles opened while a maximised pane hid the reader (0 columns wide) are laid out again
    at the reader's width when it comes back, not one character a line."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ["4", "z", "j", "j", "j", "z"]:
            await pilot.press(key)
            await settle(pilot)
        reader = screen_of(app).reader
        assert reader._width == reader.text_width() > 40
        longest = max(len(line.strip()) for line in visible_lines(app))
        assert longest > 20
