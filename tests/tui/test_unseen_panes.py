"""A layout that shows one pane at a time reads the other panes' lists after the step's frame, not before it:
the step lands when what is on screen has answered, and the panes off screen hold the same rows once read."""

from __future__ import annotations

from tests.tui.conftest import screen_of, search, settle

LINE = "Putin"  # found in articles, statements and events of the fixture
OFF_SCREEN = ("timeline", "quotes")  # with Articles active at 80x24


def _record_at_frames(s) -> list[dict[str, object]]:
    """Each list's source as each held step's frame is released."""
    seen: list[dict[str, object]] = []
    end_hold = s._end_hold

    def recorded() -> None:
        seen.append({name: s.lst(name).source for name in ("articles", *OFF_SCREEN)})
        end_hold()

    s._end_hold = recorded
    return seen


async def _searched(app, size) -> tuple[dict, dict, dict]:
    """(sources before the search, sources as its frame was released, totals once settled)."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        s = screen_of(app)
        before = {name: s.lst(name).source for name in ("articles", *OFF_SCREEN)}
        seen = _record_at_frames(s)
        await search(pilot, LINE)
        totals = {name: s.lst(name).total for name in ("articles", *OFF_SCREEN)}
        assert s.state.chips.search == LINE
        return before, seen[-1], totals


async def test_the_panes_off_screen_are_read_after_the_steps_frame_and_hold_what_a_wide_screen_shows(make_app):
    before, at_frame, narrow = await _searched(make_app(), (80, 24))
    assert at_frame["articles"] is not before["articles"]  # on screen: read for the frame
    for name in OFF_SCREEN:
        assert at_frame[name] is before[name], name  # off screen: not read before the frame
    _, wide_frame, wide = await _searched(make_app(), (120, 35))
    assert all(wide_frame[name] is not before[name] for name in OFF_SCREEN)  # every pane on screen: all in it
    assert narrow == wide and all(narrow[name] for name in ("articles", *OFF_SCREEN)), (narrow, wide)


async def test_a_pane_brought_on_screen_after_a_search_shows_the_search(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await search(pilot, LINE)
        await pilot.press("4")
        await settle(pilot)
        quotes = s.lst("quotes")
        assert s.state.active == "quotes" and quotes.total and quotes.total > 0
        assert all(LINE in quotes.row(i).speaker for i in range(quotes.total)), [
            quotes.row(i).speaker for i in range(quotes.total)
        ]


async def test_going_back_puts_each_pane_where_it_was_read_or_not(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4", "j")
        await settle(pilot)
        assert s.lst("quotes").cursor == 1
        await pilot.press("1")
        await settle(pilot)
        await search(pilot, LINE)
        assert s.history.current.positions["quotes"] == (0, 0)  # the search's quotes start at the top
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert s.state.chips.search is None and s.lst("quotes").cursor == 1


async def test_a_step_drops_what_the_step_before_still_reads_of_a_pane_off_screen(make_app):
    """The reads of a pane off screen that the step before asked for are stale once a new step asks for others: they
    are interrupted as the step begins (not when its own reads start, after its frame), so they do not share the
    cores with the step's reads."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await search(pilot, LINE)
        stale = {name: s.lst(name)._reads for name in OFF_SCREEN}
        interrupted: list[object] = []
        interrupt = app.db.interrupt

        def recorded(*tag) -> None:
            interrupted.extend(tag)
            interrupt(*tag)

        app.db.interrupt = recorded
        at_frame: list[set] = []
        end_hold = s._end_hold

        def frame() -> None:
            at_frame.append({name for name, reads in stale.items() if reads in interrupted})
            end_hold()

        s._end_hold = frame
        await search(pilot, "Wang")
        assert at_frame and at_frame[0] == set(OFF_SCREEN), (at_frame, interrupted)
        assert all(s.lst(name).total for name in OFF_SCREEN), {n: s.lst(n).total for n in OFF_SCREEN}  # read after
