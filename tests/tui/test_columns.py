"""Column headers over the lists, sorting by a column (a click on its heading, `o`), and the mark a marked row
shows: pilot tests at 80×24, and the plain functions behind them."""

from __future__ import annotations

from dataclasses import replace

from model.corpus import query as q
from tests.tui.conftest import screen_of, settle
from tests.tui.test_app import goto_row
from tui.navigation import header_layout, next_sort_column, sort_by_column
from tui.panes import MARK_GLYPH, Column, article_columns, entity_columns, event_columns, quote_columns, timex_columns
from tui.state import Snapshot
from tui.widgets.header import ColumnHeader, heading_text

PANE_KEYS = {"articles": "1", "entities": "2", "timeline": "3", "quotes": "4"}


def header_of(s, name: str) -> ColumnHeader:
    return s.query_one(f"#header-{name}", ColumnHeader)


def header_line(s, name: str) -> str:
    return header_of(s, name).render_line(0).text


def row_line(s, name: str, index: int) -> str:
    """Row `index` of a list as drawn (it must be on screen)."""
    vl = s.lst(name)
    return vl.render_line(index - round(vl.scroll_y)).text


def column_at(s, name: str, label: str) -> tuple[int, Column]:
    return next((x, c) for x, c in header_of(s, name).columns() if c.label.strip() == label)


async def test_every_list_has_a_header_aligned_with_its_rows_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        for name in ("articles", "entities", "timeline", "quotes"):
            await pilot.press(PANE_KEYS[name])
            await settle(pilot)
            header, vl = header_of(s, name), s.lst(name)
            assert header.region.height == 1 and header.region.y + 1 == vl.region.y, name  # just above its rows
            assert header.region.width == vl.region.width and vl.size.height >= 4, name
        # Articles: each heading starts where its column's text does
        await pilot.press("1")
        await settle(pilot)
        row = s.lst("articles").row(0)
        x, _ = column_at(s, "articles", "title")
        assert header_line(s, "articles")[x:].startswith("title")
        assert row_line(s, "articles", 0)[x:].startswith(row.title[:10])
        x, _ = column_at(s, "articles", "date▼".rstrip("▼"))
        assert header_line(s, "articles")[x:].startswith("date▼") and row_line(s, "articles", 0)[x:].startswith("2023")
        # Entities: the counts end under the end of their headings
        await pilot.press("2")
        await settle(pilot)
        line, first = header_line(s, "entities"), s.lst("entities").row(0)
        x, mentions = column_at(s, "entities", "mentions")
        end = x + mentions.width
        assert line[:end].endswith("mentions▼") and row_line(s, "entities", 0)[:end].endswith(f" {first.mentions}")
        x, articles = column_at(s, "entities", "articles")
        end = x + articles.width
        assert line[:end].endswith("articles") and row_line(s, "entities", 0)[:end].endswith(f" {first.articles}")


async def test_a_click_on_a_heading_sorts_by_its_column_and_again_the_other_way(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2")
        await settle(pilot)
        x, _ = column_at(s, "entities", "name")
        await pilot.click("#header-entities", offset=(x + 1, 0))
        await settle(pilot)
        vl = s.lst("entities")
        names = [vl.row(i).name for i in range(vl.total)]
        assert s.state.entity_sort == "name" and names == sorted(names, key=str.casefold)
        assert header_line(s, "entities").startswith(" name▲") and "mentions▼" not in header_line(s, "entities")
        # Articles: the date column, newest first, clicked: oldest first
        await pilot.press("1")
        await settle(pilot)
        x, _ = column_at(s, "articles", "date")
        await pilot.click("#header-articles", offset=(x + 1, 0))
        await settle(pilot)
        assert s.state.article_sort == "oldest" and "date▲" in header_line(s, "articles")
        dated = [r.published for r in (s.lst("articles").row(i) for i in range(s.lst("articles").total)) if r.published]
        assert dated == sorted(dated)
        x, _ = column_at(s, "articles", "title")
        await pilot.click("#header-articles", offset=(x + 1, 0))
        await settle(pilot)
        assert s.state.article_sort == "title" and "title▲" in header_line(s, "articles")
        assert "date▲" not in header_line(s, "articles")
        await pilot.press("left_square_bracket")  # back: the sort before, its heading marked again
        await settle(pilot)
        assert s.state.article_sort == "oldest" and "date▲" in header_line(s, "articles")


async def test_o_sorts_by_the_next_column_and_the_timelines_dates_say_they_keep_date_order(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        vl = s.lst("entities")
        counts = [vl.row(i).articles for i in range(vl.total)]
        assert s.state.entity_sort == "articles" and counts == sorted(counts, reverse=True)
        assert "articles▼" in header_line(s, "entities")
        await pilot.press("o")  # round to the first column
        await settle(pilot)
        assert s.state.entity_sort == "name"
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("v")  # the dated expressions: one order only
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert any("in date order" in str(n.message) for n in app._notifications)
        assert "date▲" in header_line(s, "timeline") and s.state.timeline_view == "dates"


def _rows(s, name: str) -> list:
    vl = s.lst(name)
    return [vl.row(i) for i in range(vl.total)]


async def test_articles_sort_by_source_from_its_heading_and_o_none_last_each_way_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("1")
        await settle(pilot)
        assert "source▲" not in header_line(s, "articles") and "source▼" not in header_line(s, "articles")
        await pilot.press("o")  # from the date column to the next: the source
        await settle(pilot)
        sources = [r.source for r in _rows(s, "articles")]
        assert s.state.article_sort == "source" and "source▲" in header_line(s, "articles")
        assert "date▼" not in header_line(s, "articles")
        named = [x for x in sources if x is not None]
        assert named == sorted(named, key=str.casefold) and sources[-1] is None and len(named) >= 3
        assert "by source" in str(s.query_one("#pane-articles").border_subtitle)
        x, _ = column_at(s, "articles", "source")
        await pilot.click("#header-articles", offset=(x + 1, 0))  # again: Z to A, still none last
        await settle(pilot)
        sources = [r.source for r in _rows(s, "articles")]
        assert s.state.article_sort == "source_desc" and "source▼" in header_line(s, "articles")
        assert sources[:-1] == sorted(named, key=str.casefold, reverse=True) and sources[-1] is None
        row = s.lst("articles").row(0)
        x, _ = column_at(s, "articles", "source")
        assert row_line(s, "articles", 0)[x:].startswith(row.source[:6])  # the rows show what they are sorted by
        await pilot.press("o")  # on to the title
        await settle(pilot)
        assert s.state.article_sort == "title" and "title▲" in header_line(s, "articles")
        assert "source▼" not in header_line(s, "articles")


async def test_timeline_events_sort_by_reports_from_its_heading_and_o_and_a_date_jump_puts_dates_back(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("3")
        await settle(pilot)
        by_date = [(r.value, r.id) for r in _rows(s, "timeline")]
        x, _ = column_at(s, "timeline", "reports")
        await pilot.click("#header-timeline", offset=(x + 4, 0))
        await settle(pilot)
        rows = _rows(s, "timeline")
        assert s.state.timeline_sort == "reports" and header_line(s, "timeline").rstrip().endswith("reports▼")
        assert "date▲" not in header_line(s, "timeline")
        assert rows[0].reports > rows[1].reports  # the most reported first
        assert [(r.reports, r.value) for r in rows] == sorted(
            ((r.reports, r.value) for r in rows), key=lambda t: (-t[0], t[1])
        )
        assert [r.id for r in rows] != [i for _, i in by_date] and len(rows) == len(by_date)
        assert "most reports first" in str(s.query_one("#pane-timeline").border_subtitle)
        await pilot.click("#header-timeline", offset=(x + 4, 0))  # sorted by it already: nothing changes
        await settle(pilot)
        assert s.state.timeline_sort == "reports" and any(
            "by reports already" in str(n.message) for n in app._notifications
        )
        await pilot.press("o")  # round to the date
        await settle(pilot)
        assert s.state.timeline_sort == "date" and "date▲" in header_line(s, "timeline")
        assert [(r.value, r.id) for r in _rows(s, "timeline")] == by_date
        await pilot.press("o")
        await settle(pilot)
        assert s.state.timeline_sort == "reports"
        await pilot.press("d")  # a date to jump to: in date order again, the cursor there
        await settle(pilot)
        await pilot.press(*"2023", "enter")
        await settle(pilot)
        timeline = s.lst("timeline")
        assert s.state.timeline_sort == "date" and "date▲" in header_line(s, "timeline")
        assert timeline.highlighted.value.startswith("2023") and timeline.row(timeline.cursor - 1).value < "2023"


async def test_the_header_is_not_drawn_again_as_the_cursor_moves(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2")
        await settle(pilot)
        header = header_of(s, "entities")
        drawn: list[int] = []
        original = header.line_segments
        header.line_segments = lambda y: drawn.append(y) or original(y)
        for _ in range(4):
            await pilot.press("j")
            await pilot.pause()
        await settle(pilot)
        assert s.lst("entities").cursor == 4 and drawn == []
        await pilot.press("o")  # a new sort: drawn again
        await settle(pilot)
        assert drawn


async def test_a_marked_article_and_quote_show_the_mark_and_a_read_article_stays_dim(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await goto_row(pilot, "articles", lambda r: r.key == "wang-visit")
        cursor = s.lst("articles").cursor
        assert not row_line(s, "articles", cursor).startswith(MARK_GLYPH)
        await pilot.press("m")
        await settle(pilot)
        assert row_line(s, "articles", cursor).startswith(MARK_GLYPH)
        others = [row_line(s, "articles", i) for i in range(s.lst("articles").total) if i != cursor]
        assert not any(line.startswith(MARK_GLYPH) for line in others)
        await pilot.press("enter")  # opened: read, drawn muted, still marked
        await settle(pilot)
        await pilot.press("1", "j")
        await settle(pilot)
        vl = s.lst("articles")
        assert vl.dim_row(vl.row(cursor)) and row_line(s, "articles", cursor).startswith(MARK_GLYPH)
        await pilot.press("4", "v")  # every quote
        await settle(pilot)
        await goto_row(pilot, "quotes", lambda r: r.speaker == "Wang Yi")
        quote_row = s.lst("quotes").cursor
        await pilot.press("m")
        await settle(pilot)
        assert row_line(s, "quotes", quote_row).startswith(MARK_GLYPH)
        await pilot.press("m")  # unmarked
        await settle(pilot)
        assert not row_line(s, "quotes", quote_row).startswith(MARK_GLYPH)


async def test_marks_made_before_are_shown_when_the_browser_starts(make_app, db_path):
    from contextlib import closing

    from model.corpus import marks

    with closing(marks.open_for_marks(db_path)) as conn:
        article, start, end = conn.execute(
            'SELECT t.article, t.start, t."end" FROM timex t ORDER BY t.id LIMIT 1'
        ).fetchone()
        marks.toggle_mark(conn, "event", article, start, end)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("3", "v")  # the dated expressions
        await settle(pilot)
        await goto_row(pilot, "timeline", lambda r: (r.article, r.start) == (article, start))
        assert row_line(s, "timeline", s.lst("timeline").cursor).startswith(MARK_GLYPH)


def test_a_heading_fits_its_column_with_the_sort_mark():
    assert heading_text(Column("mentions", 9, ("mentions",), right=True), "▼") == "mentions▼"
    assert heading_text(Column("articles", 9, ("articles",), right=True), "") == " articles"
    assert heading_text(Column("title", 8, ("title",)), "▲") == "title▲  "
    assert heading_text(Column("speaker", 4), "") == "spe…"


def test_columns_cover_the_row_width_the_rows_are_drawn_in():
    for width in (40, 57, 76, 118):
        assert sum(c.width for c in article_columns(width, False)) == width
        assert sum(c.width for c in article_columns(width, True)) == width
        assert sum(c.width for c in entity_columns(width)) == width
        assert sum(c.width for c in quote_columns(width, "date")) == width
        layout, _ = header_layout("quotes", Snapshot())
        assert sum(c.width for c in layout(width)) == width and layout(width)[0].label == ""  # the mark's cell


def test_sorting_by_a_column_picks_its_sort_then_the_next_and_o_goes_round():
    snap = Snapshot()
    date, title = article_columns(76, False)[0], article_columns(76, False)[4]
    assert sort_by_column(snap, "articles", date).article_sort == "oldest"  # sorted by it: the other way
    assert sort_by_column(replace(snap, article_sort="oldest"), "articles", date).article_sort == "date"
    assert sort_by_column(snap, "articles", title).article_sort == "title"
    source = article_columns(76, False)[2]
    assert sort_by_column(snap, "articles", source).article_sort == "source"  # A to Z, then Z to A, then A to Z
    assert sort_by_column(replace(snap, article_sort="source"), "articles", source).article_sort == "source_desc"
    assert sort_by_column(replace(snap, article_sort="source_desc"), "articles", source).article_sort == "source"
    assert article_columns(76, True)[2].sorts == ()  # the date basis in its place: no sort
    assert sort_by_column(snap, "timeline", Column("date", 17, ("date",))) is None  # in date order already
    reports = event_columns(76)[-1]
    assert sort_by_column(snap, "timeline", reports).timeline_sort == "reports"
    assert sort_by_column(replace(snap, timeline_view="dates"), "timeline", reports) is None
    assert next_sort_column(snap, "articles", list(article_columns(76, False))).article_sort == "source"
    by_source_za = replace(snap, article_sort="source_desc")
    assert next_sort_column(by_source_za, "articles", list(article_columns(76, False))).article_sort == "title"
    assert next_sort_column(snap, "timeline", list(event_columns(76))).timeline_sort == "reports"
    assert next_sort_column(replace(snap, timeline_view="dates"), "timeline", list(timex_columns(76))) is None
    columns = entity_columns(60)
    order = []
    for _ in range(len(q.ENTITY_SORTS)):
        snap = next_sort_column(snap, "entities", columns)
        order.append(snap.entity_sort)
    assert order == ["articles", "name", "type", "mentions"]


async def test_entity_names_stand_one_cell_off_the_border_as_every_lists_rows(make_app):
    """Found at 80×24: Entities drew "│China" and "│name" against the border; the other lists keep a cell."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2")
        await settle(pilot)
        vl = s.lst("entities")
        first = vl.render_line(0).text
        assert first.startswith(" " + vl.row(0).name)
        assert header_line(s, "entities").startswith(" name")
        x, _ = column_at(s, "entities", "articles")  # a heading is still where its column is drawn
        assert first[x:].strip().startswith(str(vl.row(0).articles))


def test_the_basis_column_shows_an_allowed_interval_by_its_two_ends():
    """Found at 80×24 (`1` `b` on the seeds): "not stated; the text allows 2023-02-1…", the interval cut before
    its second date; the reasons stay in `p`."""
    from model.dates import ALLOWS
    from tui.panes import basis_in_list

    basis = f"not stated; {ALLOWS} 2023-02-16..2023-03-02; not before 2023-02-16: 'on the eve of …'"
    assert basis_in_list(basis) == "text allows 2023-02-16..2023-03-02"
    assert basis_in_list(f"not stated; {ALLOWS} ..2027-01-01; not after …") == "text allows until 2027-01-01"
    assert basis_in_list("dateline: 'MOSCOW, March 3 (Reuters)'") == "dateline: 'MOSCOW, March 3 (Reuters)'"
    assert basis_in_list(None) == "—"
