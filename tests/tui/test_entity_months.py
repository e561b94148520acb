"""An entity page's sparklines: when it was mentioned and, for a speaker, when it spoke."""

from __future__ import annotations

from tests.tui.conftest import screen_of, settle
from tui.document import entity_doc
from tui.sparks import BLOCKS

SPARK = set(BLOCKS[1:])


def reader_lines(app) -> list[str]:
    r = screen_of(app).reader
    return [r.render_line(y).text for y in range(r.size.height)]


async def test_a_speakers_page_shows_when_it_was_mentioned_and_when_it_spoke(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        s = screen_of(app)
        vl = s.lst("entities")
        vl.move_to(next(i for i in range(vl.total) if vl.row(i).name == "China"))
        await pilot.press("enter")
        await settle(pilot)
        lines = reader_lines(app)
        mentioned = next(x for x in lines if "Mentioned" in x)
        spoke = next(x for x in lines if "Spoke" in x)
        assert "2021-06" in mentioned and "2023-02" in mentioned and sum(c in SPARK for c in mentioned) == 3
        assert sum(c in SPARK for c in spoke) == 1  # quoted in its 2021 article only
        # one span of months on both lines: the months line up, column for column
        assert mentioned.index("2023-02") == spoke.index("2023-02")
        assert max(len(x.rstrip()) for x in lines) <= 80


def test_an_entity_never_dated_has_no_sparkline_and_the_line_fits_a_narrow_reader(built_db):
    from model.corpus import query as q

    with q.connect(built_db) as conn:
        by_name = {e.name: e.id for e in q.entities(conn, q.Filters(), 0, 100)}
        undated = entity_doc(q.entity_page(conn, by_name["Maria Zakharova"]), 78).text
        narrow = entity_doc(q.entity_page(conn, by_name["China"]), 36).text
    assert "Mentioned" not in undated and "Spoke" not in undated
    line = next(x for x in narrow.splitlines() if x.startswith("Mentioned"))
    assert len(line) <= 34 and any(c in SPARK for c in line)


def test_a_line_over_the_latest_rows_only_says_so(built_db):
    from model.corpus import query as q
    from model.corpus.query.entity_page import MONTHS_ROWS

    with q.connect(built_db) as conn:
        page = q.entity_page(conn, q.entities(conn, q.Filters(name="Wang Yi"))[0].id)
    page.spoke_months = [("2023-01", MONTHS_ROWS - 1), ("2023-02", 1)]
    text = entity_doc(page, 100).text
    spoke = next(x for x in text.splitlines() if x.startswith("Spoke"))
    mentioned = next(x for x in text.splitlines() if x.startswith("Mentioned"))
    assert f"its latest {MONTHS_ROWS:,} quotes" in spoke and "latest" not in mentioned
