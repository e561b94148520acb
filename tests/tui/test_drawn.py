"""The frame's shortcuts: a widget whose lines did not change gives the strips it gave last time, and a
container its children cover is not drawn (tui.internals._Compositor); a list row drawn before is not drawn
again (tui.widgets.vlist.RowCache); a pane box draws again only its lines marked dirty (tui.render.Box).
Each step below would show a stale line if one of them kept one it should not: the screen as drawn is
checked against a repaint from scratch."""

from __future__ import annotations

import pytest
from textual._compositor import Compositor

from tests.tui.conftest import screen_of, settle
from tui.internals import _covered_by_children
from tui.widgets.vlist import RowCache, VirtualList


def drawn(screen) -> list[list]:
    """The screen's cells and styles as this app's compositor draws them (its shortcuts on)."""
    return [list(strip) for strip in screen._compositor.render_strips()]


def repainted(screen) -> list[list]:
    """The screen as Textual draws it with every cached line thrown away: what is true now."""
    compositor = screen._compositor
    for widget in compositor.visible_widgets:
        widget._styles_cache.clear()
        widget._sinorus_drawn = None
        widget.__dict__.pop("_kept_lines", None)  # a pane box's lines (tui.render.Box)
        widget.__dict__.pop("_line_drawn", None)  # a bar's line (tui.widgets.bars)
        if isinstance(widget, VirtualList):
            widget._drawn_rows = RowCache()
    compositor._get_renders = lambda crop=None: Compositor._get_renders(compositor, crop)
    try:
        return [list(strip) for strip in compositor.render_strips()]
    finally:
        del compositor._get_renders


def kept(screen) -> int:
    """How many widgets on screen hold strips from their last drawing, and list rows kept as drawn."""
    widgets = screen._compositor.visible_widgets
    return sum(getattr(w, "_sinorus_drawn", None) is not None for w in widgets) + sum(
        len(w._drawn_rows._rows) for w in widgets if isinstance(w, VirtualList)
    )


@pytest.mark.parametrize("size", [(120, 35), (80, 24)])
async def test_what_is_drawn_is_what_a_repaint_from_scratch_draws_after_each_change(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        s = screen_of(app)

        def check(what: str) -> None:
            assert kept(s) > 0, what  # the shortcut was in use: the check below is not vacuous
            assert drawn(s) == repainted(s), what
            drawn(s)  # and again once the repaint has refilled the caches

        drawn(s)
        check("start")
        await pilot.press("j")  # the selection moves
        await settle(pilot)
        check("cursor")
        await pilot.press("slash", *"Beijing", "enter")  # every list's rows change
        await settle(pilot)
        check("search")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        check("back")
        await pilot.press("tab")  # focus: the borders' and the cursor row's colours
        await settle(pilot)
        check("focus")
        app.theme = "textual-light"  # every colour
        await settle(pilot)
        check("theme")
        app.ansi_color = True  # the line filters: the terminal's own colours, not the theme's
        await settle(pilot)
        check("ansi colours")
        app.ansi_color = False
        await settle(pilot)
        check("truecolour")
        await pilot.resize_terminal(size[0] - 7, size[1] - 2)  # every width
        await settle(pilot)
        check("resize")


async def test_a_row_whose_data_changes_is_drawn_anew(make_app):
    """The same row, the same place, new data (what a reload of an edited row brings): drawn anew."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        articles = s.lst("articles")
        drawn(s)
        before = drawn(s)
        page = next(iter(articles._pages))
        first = articles._pages[page][0]
        articles._pages[page][0] = type(first)(**{**vars(first), "title": "An entirely new title"})
        articles._refresh_row(0)
        await settle(pilot)
        after = drawn(s)
        assert after != before
        assert "An entirely new title" in "".join(seg.text for line in after for seg in line)
        assert after == repainted(s)


async def test_the_screen_body_and_column_of_panes_are_covered_the_boxes_are_not(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        covered = _covered_by_children(s._compositor.visible_widgets)
        assert {s, s.query_one("#body"), s.query_one("#panes")} <= covered
        assert s.query_one("#viewer") not in covered  # its border shows
        assert s.query_one("#pane-articles") not in covered


def test_a_kept_row_is_given_only_for_an_equal_row_under_an_equal_row_drawn_the_same_way():
    from model.corpus.query.rows import EntityRow

    def entity(name: str, mentions: int) -> EntityRow:
        return EntityRow(id=7, name=name, label="PERSON", mentions=mentions, articles=1)

    rows = RowCache()
    above = entity("Someone Above", 9)
    rows.put(entity("Wang Yi", 3), above, ("fn", 40), ["drawn"])
    assert rows.get(entity("Wang Yi", 3), above, ("fn", 40)) == ["drawn"]
    assert rows.get(entity("Wang Yi", 4), above, ("fn", 40)) is None  # its data changed
    assert rows.get(entity("Wang Yi", 3), entity("Someone Else", 9), ("fn", 40)) is None  # the row above did
    assert rows.get(entity("Wang Yi", 3), above, ("fn", 41)) is None  # the width (or style, theme, ...) did
    for i in range(RowCache.SIZE):
        rows.put(EntityRow(id=100 + i, name="n", label=None, mentions=1, articles=1), None, ("fn", 40), ["x"])
    assert rows.get(entity("Wang Yi", 3), above, ("fn", 40)) is None  # the oldest make room


async def test_a_line_drawn_through_new_filters_is_drawn_anew(make_app):
    """tui.render.render_lines keeps lines filtered: other filters (a terminal without colour, say) empty it."""
    from rich.segment import Segment
    from textual.filter import LineFilter
    from textual.geometry import Region

    class Upper(LineFilter):
        def apply(self, segments, background):
            return [Segment(text.upper(), style, control) for text, style, control in segments]

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        articles = screen_of(app).lst("articles")
        crop = Region(0, 0, *articles.outer_size)
        before = "".join(strip.text for strip in articles.render_lines(crop))
        upper = Upper()
        articles.get_line_filters = lambda: [*app.get_line_filters(), upper]
        after = "".join(strip.text for strip in articles.render_lines(crop))
        assert after == before.upper() != before
