"""What a navigation step costs to draw: one partial frame, only the lines that changed, drawn the
way Textual would draw them; and start-up leaves the imports out of garbage collection."""

from __future__ import annotations

import gc

from textual import events
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.content import Span
from textual.geometry import Region
from textual.widget import Widget

from tests.tui.conftest import screen_of, settle
from tui import cli
from tui.document import CURSOR_STYLE, message_doc
from tui.internals import set_border
from tui.text import cells
from tui.widgets.bars import KeyBar


def record_frames(app) -> list:
    frames: list = []
    original = app._display

    def display(screen, renderable):
        if renderable is not None:
            frames.append(renderable)
        original(screen, renderable)

    app._display = display
    return frames


def record_restyles(app, key) -> list:
    """`key` of every node the stylesheet restyles from now on."""
    restyled: list = []
    original = app.stylesheet.update_nodes

    def update_nodes(nodes, animate=False):
        nodes = list(nodes)
        restyled.extend(key(n) for n in nodes)
        return original(nodes, animate=animate)

    app.stylesheet.update_nodes = update_nodes
    return restyled


async def test_opening_an_article_draws_one_partial_frame(make_app):
    """Enter on a row moves focus to the reader, reloads two lists and the reader: one frame, a partial
    update (no full-screen repaint for the focus change, no second frame)."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        frames = record_frames(app)
        await pilot.press("enter")
        await settle(pilot)
        assert s.focused is s.reader and s.state.chips.article is not None
        assert [type(f) for f in frames] == [ChopsUpdate]
        frames.clear()
        await pilot.press("left_square_bracket")  # back: no focus change to redraw the screen for
        await settle(pilot)
        assert frames and not any(isinstance(f, LayoutUpdate) for f in frames)


async def test_a_new_count_or_document_needs_no_layout(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        arts = s.lst("articles")
        assert arts.virtual_size.height == arts.total
        before = s.reader.virtual_size.height
        s.reader.show(message_doc("nothing here"))
        assert s.reader.virtual_size.height == len(s.reader._lines) != before
        assert not s.reader._layout_required  # a repaint of the reader, not a layout of the screen
        assert s.reader._repaint_required
        arts.total = 2
        arts._resize()
        assert arts.virtual_size.height == 2 and not arts._layout_required


async def test_a_new_title_repaints_only_the_border_line(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        pane = screen_of(app).query_one("#pane-quotes")
        await pilot.pause()
        pane._exchange_repaint_regions()
        set_border(pane, "4 Quotes a new title", "a new subtitle")
        assert pane.border_title == "4 Quotes a new title" and pane.border_subtitle == "a new subtitle"
        width, height = pane.outer_size
        assert set(pane._repaint_regions) == {Region(0, 0, width, 1), Region(0, height - 1, width, 1)}
        assert pane._styles_cache._dirty_lines == {0, height - 1}
        await pilot.pause()
        assert "a new title" in "".join(s.text for s in pane.render_lines(Region(0, 0, width, 1)))


async def test_lists_reader_bars_and_boxes_draw_what_textual_would(make_app):
    """The lists', the reader's and the one-line bars' own line drawing (tui.render.render_lines), and the
    pane boxes' repeated inner line (tui.render.Box), give the same cells and styles as Textual's styles
    cache, padding, borders and titles included."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        bars = [s.query_one("#chips"), s.query_one("#status"), s.query_one(KeyBar)]
        boxes = [s.query_one("#viewer"), s.query_one("#pane-articles"), s.query_one("#pane-entities")]
        for widget in (s.reader, s.lst("articles"), s.lst("quotes"), *bars, *boxes):
            width, height = widget.outer_size
            top = min(2, height - 1)  # a crop inside the widget: 4 lines from its third (the lists have 5 at 120x35)
            for crop in (Region(0, 0, width, height), Region(3, top, width - 5, min(4, height - top))):
                widget._styles_cache.clear()
                ours = widget.render_lines(crop)
                widget._styles_cache.clear()
                theirs = Widget.render_lines(widget, crop)
                assert [list(x) for x in ours] == [list(x) for x in theirs], widget.id


def test_cells_counts_ascii_by_length_and_the_rest_by_cell():
    assert cells("China–Russia") == 12
    assert cells("plain ascii text") == 16
    assert cells("中俄") == 4
    assert cells("a\tb") == 2  # a tab takes no cell here (Rich's measure), as before


def test_the_app_and_the_browse_command_leave_the_imports_out_of_collection(make_app, db_path, monkeypatch):
    gc.unfreeze()
    make_app()
    assert gc.get_freeze_count() > 0 and gc.isenabled()
    gc.unfreeze()
    from tui import app as app_module

    seen = {}
    monkeypatch.setattr(
        app_module,
        "run",
        lambda db, readonly, notices=(): seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count()),
    )
    assert cli.cmd_browse(db_path, True) == 0
    assert seen["enabled"] and seen["frozen"] > 0
    gc.unfreeze()


async def test_moving_focus_restyles_only_the_pane_borders(make_app):
    """Focus from the Articles list to the reader restyles the two boxes whose border shows focus, not the
    lists and the reader inside them (nor their component classes); the borders still follow focus."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        restyled = record_restyles(app, lambda n: getattr(n, "id", None))
        viewer, pane = s.query_one("#viewer"), s.query_one("#pane-articles")
        focused_colour = pane.styles.border_top[1]
        await pilot.press("enter")  # open the article: focus goes to the reader
        await settle(pilot)
        assert s.focused is s.reader
        assert set(restyled) == {"pane-articles", "viewer"}
        assert viewer.styles.border_top[1] == focused_colour != pane.styles.border_top[1]
        await pilot.press("2")  # to the Entities pane: the borders only, in the wide layout
        await settle(pilot)
        assert s.focused is s.lst("entities")
        assert set(restyled) == {"pane-articles", "pane-entities", "viewer"}
        entities = s.query_one("#pane-entities")
        assert entities.styles.border_top[1] == focused_colour != viewer.styles.border_top[1]


async def test_a_prompt_takes_the_key_bar_line_without_restyling_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        restyled = record_restyles(app, lambda n: type(n).__name__)
        bar = s.query_one("KeyBar")
        line = bar.region
        await pilot.press("slash")
        await settle(pilot)
        box = s.query_one("#search")  # made when first opened
        assert box.display and not bar.display and box.region == line and app.focused is box
        await pilot.press("escape")
        await settle(pilot)
        assert bar.display and not box.display and bar.region == line
        assert "KeyBar" not in restyled


async def test_the_first_resume_does_not_restyle_the_screen_again_a_later_one_does(make_app):
    app = make_app()
    restyled = record_restyles(app, lambda n: type(n).__name__)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert "MainScreen" not in restyled  # styled once, as it mounted (apply, not update_nodes)
        screen_of(app).post_message(events.ScreenResume())  # as when a screen above it is dismissed
        await settle(pilot)
        assert "MainScreen" in restyled


async def test_search_and_date_bring_the_readers_article_in_the_lists_query_round(make_app, monkeypatch):
    """The article a search or a date jump opens is read in the worker that counts the list or finds the
    date (with the events page there): no second round of workers before the step's frame."""
    from tui import browser
    from tui.widgets import vlist

    monkeypatch.setattr(vlist, "PAGE", 2)  # several pages of events even in the small fixture
    monkeypatch.setattr(browser, "PAGE", 2)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        timeline = s.lst("timeline")
        rounds: list[str] = []
        for name, obj in (("doc", s), ("page", timeline)):
            method = "_load_doc" if name == "doc" else "_fetch"
            original = getattr(obj, method)
            monkeypatch.setattr(
                obj, method, lambda *a, name=name, original=original: (rounds.append(name), original(*a))[1]
            )
        await pilot.press("slash", *"Moscow", "enter")
        await settle(pilot)
        row = s.lst("articles").highlighted
        assert s.state.chips.search == "Moscow" and row is not None
        assert s.reader.doc.kind == "article" and s.reader.doc.ident == row.id and rounds == []
        await pilot.press("X", "3")  # the timeline's row at the cursor opens in the reader
        await settle(pilot)
        rounds.clear()
        await pilot.press("d", *"2023-03", "enter")
        await settle(pilot)
        event = timeline.highlighted  # an event merged across articles: its page comes with the date's
        assert timeline.cursor >= 2 and event is not None and event.value >= "2023-03"
        assert s.reader.doc.kind == "event" and s.reader.doc.ident == event.id and rounds == []
        await pilot.press("v", "d", *"2023-03", "enter")  # each dated expression: its article
        await settle(pilot)
        rounds.clear()
        await pilot.press("d", *"2023-03", "enter")
        await settle(pilot)
        row = timeline.highlighted
        assert row is not None and row.value_start >= "2023-03"
        assert s.reader.doc.ident == row.article and s.reader.link.kind == "date"
        assert s.reader.link.target.id == row.id and rounds == []


async def test_no_garbage_collection_until_a_held_step_is_drawn(make_app):
    """The collector is off from the start of a held step to its frame, and on again right after."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        enabled_at_frames: list[bool] = []
        original = app._display

        def display(screen, renderable):
            if renderable is not None:
                enabled_at_frames.append(gc.isenabled())
            original(screen, renderable)

        app._display = display
        assert gc.isenabled()
        await pilot.press("enter")  # open an article: one held step
        await settle(pilot)
        assert s.state.chips.article is not None
        assert enabled_at_frames and not any(enabled_at_frames) and gc.isenabled()


async def test_closing_a_prompt_does_not_restyle_it_losing_focus_while_shown_does(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        restyled = record_restyles(app, lambda n: n.id)
        await pilot.press("slash", *"Moscow")
        await settle(pilot)
        assert "search" in restyled  # focus on opening: styled as focused
        restyled.clear()
        await pilot.press("enter")
        await settle(pilot)
        assert s.state.chips.search == "Moscow" and "search" not in restyled
        await pilot.press("slash")
        await settle(pilot)
        restyled.clear()
        s.set_focus(s.reader)  # the prompt still shown (as after a click elsewhere): it looks blurred
        await settle(pilot)
        assert s.query_one("#search").display and "search" in restyled


async def test_a_search_marks_its_terms_in_the_article_it_opens_not_the_one_it_replaces(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        r = s.reader
        marked: list = []
        original = r._restyle
        r._restyle = lambda: (marked.append(r.doc), original())[1]
        before = r.doc
        await pilot.press("slash", *"two countries", "enter")
        await settle(pilot)
        assert r.doc is not before and r.hits and not any(d is before for d in marked)
        shown = r.doc
        await pilot.press("slash", *"zzzqqq", "enter")  # nothing found: the article stays, with the new terms
        await settle(pilot)
        assert s.lst("articles").total == 0 and r.doc is shown and r.hits == [] and marked[-1] is shown


async def test_a_layout_pass_arranges_the_screen_once(make_app, monkeypatch):
    """A step that needs a layout (a search closing its prompt) reflows the screen; the frame then reads
    widgets' regions from the map that reflow made, even when a scroll (reflow_visible) or an update of
    a hidden widget had marked the full map stale before, instead of arranging every widget again."""
    from textual._compositor import Compositor

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        arranged: list[bool] = []
        original = Compositor._arrange_root
        monkeypatch.setattr(
            Compositor,
            "_arrange_root",
            lambda self, *a, **k: (arranged.append(k.get("visible_only")), original(self, *a, **k))[1],
        )
        compositor = s._compositor
        compositor._full_map_invalidated = True  # as a scroll leaves it
        compositor.reflow(s, s.size)
        assert compositor.find_widget(s.reader).region == s.reader.region
        assert arranged == [False]  # the reflow's arrangement, and no other


async def test_a_held_step_draws_the_titles_once_with_its_answers(make_app, monkeypatch):
    """A search answers in three parts (two lists and the article); the titles and the chip bar are
    brought up to date once, when the step is released, and show all three."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        drawn: list[int | None] = []
        original = s._draw_titles
        monkeypatch.setattr(s, "_draw_titles", lambda: (drawn.append(s.lst("articles").total), original())[1])
        await pilot.press("slash", *"Moscow", "enter")
        await settle(pilot)
        total = s.lst("articles").total
        assert drawn == [total] and total is not None
        assert s.query_one("#pane-articles").border_title.endswith(f"Articles {total:,}")
        assert "Moscow" in "".join(s.text for s in s.query_one("#chips").render_lines(Region(0, 0, 120, 1)))


async def test_lists_that_answer_while_a_step_waits_are_drawn_then_not_in_its_frame(make_app, monkeypatch):
    """A search answers in parts; each list that answers while the step waits for the others has its lines
    drawn then, into its cache, and the step's frame draws the lines of the part that answered last alone."""
    from tui.widgets import vlist

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        answered: list[str] = []
        drawn: list[tuple[bool, str]] = []  # (in the step's frame, list)
        in_frame = [False]
        done, release = s._done, s.release_frames

        def release_frames():
            in_frame[0] = True
            try:
                release()
            finally:
                in_frame[0] = False

        segments = vlist.VirtualList.line_segments
        monkeypatch.setattr(s, "_done", lambda name: (answered.append(name), done(name))[1])
        monkeypatch.setattr(s, "release_frames", release_frames)
        monkeypatch.setattr(
            vlist.VirtualList, "line_segments", lambda w, y: (drawn.append((in_frame[0], w.id)), segments(w, y))[1]
        )
        await pilot.press("slash", *"Moscow", "enter")
        await settle(pilot)
        lists = [name for name in answered if name in ("articles", "timeline", "quotes")]
        assert len(lists) == 3 and s.state.chips.search == "Moscow"
        ahead = {name for in_step_frame, name in drawn if not in_step_frame}
        in_step_frame = {name for in_frame_, name in drawn if in_frame_}
        assert set(lists[:-1]) <= ahead and in_step_frame <= {answered[-1]}


async def test_reader_lines_made_as_drawn_equal_dividing_the_whole_document(make_app):
    """The reader makes a line's Content when it first draws it (tui.widgets.reader.line_spans); each is
    what dividing the whole styled document at the line breaks gives, with the cursor and hits on."""
    from textual.content import Content

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2", "j", "enter")  # an entity page: many lines and spans
        await settle(pilot)
        r = s.reader
        for doc_kind in ("entity", "article"):
            if doc_kind == "article":
                await pilot.press("X", "1", "enter")
                await settle(pilot)
            r.set_cursor(min(2, len(r.doc.links) - 1))
            assert r.doc.kind == doc_kind and len(r._lines) > 5 and len(r.doc.spans) > 5
            spans = [*r.doc.spans]
            if r.cursor is not None:
                lk = r.doc.links[r.cursor]
                spans.append(Span(lk.start, lk.end, CURSOR_STYLE))
            whole = Content(r.doc.text.replace("\n", " "), spans=spans, strip_control_codes=False)
            cuts = sorted({o for line in r._lines for o in line} - {0, len(r.doc.text)})
            pieces = dict(zip([0, *cuts], whole.divide(cuts)))
            for i, (start, end) in enumerate(r._lines):
                if start < end:
                    ours, theirs = r._piece(i), Content(" " * r._indent(i)) + pieces[start]  # a hanging line: in
                    assert ours.plain == theirs.plain and list(ours.spans) == list(theirs.spans), i


async def test_a_change_after_a_frame_is_drawn_a_period_after_it_not_at_the_update_timers_tick(make_app, monkeypatch):
    """Textual resumes its update timer for a change, and a timer resumed after a pause ticks one to two
    periods later; the screen draws the change itself: at once when the last frame is a period old, else
    once it is (the period made half a second here, so that "just after" holds on a slow machine)."""
    import asyncio
    import time

    from tui import internals

    monkeypatch.setattr(internals, "UPDATE_PERIOD", 0.5)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        resumed = []
        timer = s._update_timer
        original = timer.resume
        timer.resume = lambda: (resumed.append(1), original())[1]
        frames = record_frames(app)

        async def frames_at_least(n: int) -> None:  # (Pilot's pause would draw a frame itself)
            deadline = time.monotonic() + 5
            while len(frames) < n and time.monotonic() < deadline:
                await asyncio.sleep(0.01)

        s._last_frame = time.monotonic() - 1.0  # the last frame long past: drawn at once
        s.reader.refresh()
        await frames_at_least(1)
        assert len(frames) == 1 and not resumed

        s.reader.refresh()  # just after that frame: drawn a period after it, by the screen
        await asyncio.sleep(0.05)
        assert len(frames) == 1 and s._frame_due
        await frames_at_least(2)
        assert len(frames) == 2 and not s._frame_due and not resumed
