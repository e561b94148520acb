"""The Timeline of events and the event page: rows, the density strip, the view toggle, the page's links,
back and forward, filters, entity pages listing events."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace

from model.corpus import query as q
from tests.tui.conftest import screen_of, settle
from tui.document import event_doc
from tui.navigation import pane_subtitle
from tui.panes import _merged_event_row
from tui.widgets.density import DensityStrip, blocks, buckets, sparkline


async def _open_conflict(pilot):
    """Focus the Timeline, put the cursor on the event in conflict and open it (enter)."""
    s = screen_of(pilot.app)
    await pilot.press("3")
    await settle(pilot)
    timeline = s.lst("timeline")
    index = next(i for i in range(timeline.total) if timeline.row(i).conflict)
    timeline.move_to(index)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return s, timeline.row(index)


async def _link_to(pilot, kind: str, text: str | None = None) -> None:
    s = screen_of(pilot.app)
    doc = s.reader.doc
    index = next(
        i for i, lk in enumerate(doc.links) if lk.kind == kind and (text is None or doc.text[lk.start : lk.end] == text)
    )
    s.reader.focus()
    s.reader.set_cursor(index)
    await settle(pilot)


async def test_timeline_rows_are_events_and_v_toggles_the_dated_expressions(make_conflict_app):
    app = make_conflict_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("3")
        await settle(pilot)
        timeline = s.lst("timeline")
        rows = [timeline.row(i) for i in range(timeline.total)]
        assert all(isinstance(r, q.EventRow) for r in rows) and len(rows) == 5
        assert [r.value for r in rows] == sorted(r.value for r in rows)
        (conflict,) = [r for r in rows if r.conflict]
        assert conflict.reports == 2 and conflict.participants == ["Wang Yi"] and conflict.place == "Moscow"
        strip = s.query_one(DensityStrip)
        assert strip.display and strip.months == [("2021-06", 1), ("2022-02", 2), ("2023-02", 1), ("2023-03", 1)]
        await pilot.press("v")
        await settle(pilot)
        assert s.state.timeline_view == "dates" and not strip.display
        assert all(isinstance(timeline.row(i), q.TimexRow) for i in range(timeline.total))
        await pilot.press("left_square_bracket")  # back: the events again
        await settle(pilot)
        assert s.state.timeline_view == "events" and strip.display
        assert isinstance(timeline.row(0), q.EventRow)


async def test_event_page_shows_reports_and_conflicting_readings_side_by_side(make_conflict_app):
    app = make_conflict_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s, row = await _open_conflict(pilot)
        doc = s.reader.doc
        assert doc.kind == "event" and doc.ident == row.id and app.focused is s.reader
        lines = doc.text.split("\n")
        assert lines[0] == "Wang Yi meets · Moscow"
        side = next(line for line in lines if "2023-02-22" in line and "2023-02-24" in line)
        assert side.index("2023-02-22") < side.index("2023-02-24")  # one column a reading
        assert "the reports disagree on the date" in doc.text
        reports = [lk.target for lk in doc.links if lk.kind == "report"]
        assert {r.key for r in reports} == {"wang-visit", "friday-talks"}
        assert {r.value for r in reports} == {"2023-02-22", "2023-02-24"}
        assert "Wang Yi met Kremlin officials in Moscow on Friday." in doc.text
        assert [doc.text[lk.start : lk.end] for lk in doc.links if lk.kind == "entity"] == ["Wang Yi", "Moscow"]


async def test_event_page_links_open_entities_and_the_reports_sentence_and_history_walks_back(make_conflict_app):
    app = make_conflict_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s, row = await _open_conflict(pilot)
        await _link_to(pilot, "entity", "Moscow")  # the place
        await pilot.press("enter")
        await settle(pilot)
        assert s.reader.doc.kind == "entity" and s.reader.doc.title == "Moscow"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert s.reader.doc.kind == "event" and s.reader.doc.ident == row.id
        await _link_to(pilot, "report")
        report = s.reader.link.target
        await pilot.press("enter")  # the report's article, the cursor on its date
        await settle(pilot)
        r = s.reader
        assert r.doc.kind == "article" and r.doc.ident == report.article
        assert r.link.kind == "date" and r.link.target.start == report.timex_start
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert s.reader.doc.kind == "event" and s.reader.link.kind == "report"  # the cursor kept
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert s.reader.doc.kind == "article" and s.reader.doc.ident == report.article


async def test_entity_page_lists_its_events_as_links(make_conflict_app):
    app = make_conflict_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        s.go_entity(next(e for n, e in _entities(app) if n == "Wang Yi"))
        await settle(pilot)
        doc = s.reader.doc
        events = [lk.target for lk in doc.links if lk.kind == "merged-event"]
        assert [e.summary for e in events] == ["Wang Yi meets · Moscow"] and "Events (1)" in doc.text
        await _link_to(pilot, "merged-event")
        await pilot.press("enter")
        await settle(pilot)
        assert s.reader.doc.kind == "event" and s.reader.doc.ident == events[0].id


async def test_entity_and_search_filters_apply_to_events(make_conflict_app):
    app = make_conflict_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        timeline = s.lst("timeline")
        assert timeline.total == 5
        s.navigate(replace(s.capture(), chips=s.state.chips.set("entity", _xi(app))))
        await settle(pilot)
        assert timeline.total == 2 and all("Xi Jinping" in timeline.row(i).participants for i in range(2))
        assert s.query_one(DensityStrip).months == [("2022-02", 1), ("2023-03", 1)]
        await pilot.press("X", "slash", *"Kremlin", "enter")  # two articles name the Kremlin: three events
        await settle(pilot)
        values = sorted(timeline.row(i).value for i in range(timeline.total))
        assert values == ["2022-02-04", "2022-02-04", "2023-02-24"]
        assert "latest" in pane_subtitle("timeline", s.state)


def _entities(app) -> list[tuple[str, int]]:
    with app.db.session() as conn:
        return [(e.name, e.id) for e in q.entities(conn, q.Filters(), 0, 100)]


def _xi(app) -> tuple[int, str]:
    return next(e for n, e in _entities(app) if n == "Xi Jinping"), "Xi Jinping"


# ---------------------------------------------------------------- rows, strip and page, without the app


def _row(**kw) -> q.EventRow:
    base = dict(
        id="e1",
        value="2023-02-22",
        summary="Ana Ruiz welcomes Tom Berg · Lisbon",
        trigger="welcome",
        participants=["Ana Ruiz", "Tom Berg"],
        place="Lisbon",
        reports=3,
        conflict=True,
        uncertain=False,
    )
    return q.EventRow(**{**base, **kw})


def test_an_event_row_is_one_line_cut_to_fit_with_participants_only_when_wide():
    narrow = _merged_event_row(_row(summary="Ana Ruiz welcomes Tom Berg at a very long named palace · Lisbon"), 64)
    assert narrow.cell_length == 64 and "\n" not in narrow.plain
    assert narrow.plain.startswith("2023-02-22 •") and narrow.plain.endswith("3⚠") and "…" in narrow.plain
    wide = _merged_event_row(_row(), 118)
    assert wide.cell_length == 118 and "Ana Ruiz, Tom Berg" in wide.plain
    uncertain = _merged_event_row(_row(value="2023-02", uncertain=True, conflict=False), 78)
    assert uncertain.plain.startswith("2023-02   ≈━━") and uncertain.plain.endswith("3 ")


def test_an_event_row_shows_markup_in_a_summary_literally():
    row = _merged_event_row(_row(summary="[b]Ana[/b] meets \x1b[31mTom"), 78)
    assert "[b]Ana[/b] meets [31mTom" in row.plain and "\x1b" not in row.plain


def test_the_density_strip_has_a_block_a_month_or_a_few_months_a_cell():
    months = [("2021-01", 2), ("2021-03", 8), ("2021-04", 1)]
    counts, per = buckets(months, 10)
    assert (counts, per) == ([2, 0, 8, 1], 1)
    assert blocks(counts) == "▂ █▁"
    counts, per = buckets([("2000-01", 1), ("2009-12", 1)], 10)
    assert per == 12 and len(counts) == 10 and sum(counts) == 2
    line = sparkline(months, 60).plain
    assert line.startswith("2021-01 ▂ █▁ 2021-04") and "most: 2021-03 (8)" in line
    assert sparkline(months, 60).cell_length <= 60 and sparkline([], 60).plain == "no events dated to a month"
    assert sparkline(months, 8).cell_length <= 8


def _page(conflict: bool) -> q.EventPage:
    readings = [
        q.EventReading("2023-02-22", ["a"], ["'Wednesday' → the Wednesday before 2023-02-23"]),
        q.EventReading("2023-02-24", ["b"], ["'Friday' → the Friday before 2023-02-25"]),
    ]
    report = q.EventReport(
        1, 7, "a", "Title [i]x[/i]", "Wire", "2023-02-23", 0, 30, "Ana Ruiz met Tom Berg on Wednesday.",
        25, 34, "2023-02-22", None, "'Wednesday' → …", False,
    )  # fmt: skip
    return q.EventPage(_row(conflict=conflict), readings, [report], 1, [("Ana Ruiz", 3), ("Tom Berg", None)], None)


def test_event_page_readings_stand_side_by_side_only_on_a_conflict():
    doc = event_doc(_page(True), 80)
    assert any("2023-02-22" in line and "2023-02-24" in line for line in doc.text.split("\n"))
    calm = event_doc(_page(False), 80)
    assert not any("2023-02-22" in line and "2023-02-24" in line for line in calm.text.split("\n"))
    # a participant without an entity is no link; the report's title is, shown literally
    assert [calm.text[lk.start : lk.end] for lk in calm.links if lk.kind == "entity"] == ["Ana Ruiz"]
    (report,) = [lk for lk in calm.links if lk.kind == "report"]
    assert calm.text[report.start : report.end] == "Title [i]x[/i]"
    date = calm.text.index("Wednesday.")
    assert any(sp.start == date and sp.end == date + len("Wednesday") for sp in calm.spans)


def test_the_event_page_of_a_hostile_article_shows_its_fields_literally(db_path):
    from tui.document import read_document

    with closing(q.connect(db_path)) as conn:
        (event,) = conn.execute(
            "SELECT r.event FROM event_report r JOIN article a ON a.id = r.article WHERE a.key = 'hostile'"
        ).fetchone()
        doc = read_document(conn, "event", event, 78)
    assert "[link=x]src" in doc.text and "[bold]Markup[/] title [31mred[0m" in doc.text
    assert "“[red]not red[/red]”" in doc.text
    assert not any(ch in doc.text for ch in "\x1b\x07\u202e\u202c")


async def test_an_event_page_read_while_the_reader_was_hidden_is_laid_out_at_its_width(make_conflict_app):
    """Found at 80×24: `3` `z` `k k k` `z` typed fast left the event page's date bases cut to 8 columns
    ("Wednesd…"): the page was read for the hidden reader (1 column wide) and shown after it came back."""
    app = make_conflict_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        timeline = s.lst("timeline")
        conflict = next(timeline.row(i) for i in range(timeline.total) if timeline.row(i).conflict)
        with closing(q.connect(app.db.path)) as conn:
            narrow = event_doc(q.event_page(conn, conflict.id), 1)
        assert "…" in narrow.text  # made for one column, its bases are cut short
        s.reader.show(narrow)
        await settle(pilot)
        width = s.reader.text_width()
        assert width > 40 and s.reader.doc.width == width
        with closing(q.connect(app.db.path)) as conn:
            assert s.reader.doc.text == event_doc(q.event_page(conn, conflict.id), width).text


def test_a_report_title_takes_the_room_left_on_its_line_or_a_line_of_its_own():
    """Found at 120×35 (a 52-column reader): "1830 · nyt · 2016-09-25 · Obama Sa…", the title cut to 8 cells with
    the line half empty; at 80×24 a weekday's reading pushed the title onto a wrapped line."""
    long_title = "A title long enough to be cut somewhere along the line it is given"
    page = _page(False)
    page.reports[0] = replace(page.reports[0], title=long_title)
    for width in (60, 78):  # the title fills what its date, outlet and day leave
        lines = event_doc(page, width).text.split("\n")
        (line,) = [x for x in lines if "· Wire ·" in x]
        assert len(line) == width and line.endswith("…") and "A title long" in line
    weekday = replace(page.reports[0], weekday_value="2023-02-21", value="2023-02-23", uncertain=True)
    page.reports[0] = weekday
    lines = event_doc(page, 76).text.split("\n")  # the reader's text at 80×24
    at = next(i for i, x in enumerate(lines) if "· Wire ·" in x)
    assert all(len(x) <= 76 for x in lines[at : at + 2]) and lines[at + 1].startswith("    A title long")


def test_a_reading_given_by_long_article_keys_stays_on_one_line():
    page = _page(False)
    page.readings[0] = q.EventReading("2023-02-22", ["a-very-long-article-key-" * 3, "b"], ["basis"])
    lines = event_doc(page, 60).text.split("\n")
    (line,) = [x for x in lines if x.startswith("  2023-02-22 (the event's date)")]
    assert len(line) <= 60 and line.endswith("…")


def test_the_event_word_is_not_dressed_as_a_quotation():
    """The legend gives “…” to a speaker's own words; the event page showed its trigger as “welcome”."""
    doc = event_doc(_page(False), 80)
    second = doc.text.split("\n")[1]
    assert "event word: " in second and "“" not in second and "1 report ·" in second
