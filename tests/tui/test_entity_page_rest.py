"""An entity page opened at its top comes in two reads when its mentions fill more than the reader's first screen
(`tui.document.read_document`): its head (the entity, its months and mentions), then, as the reader scrolls
near the head's end, moves its link cursor past it or jumps to the bottom, the rest of the page (quotes,
events, who appears with it). What the reader then shows is the page read at once."""

from __future__ import annotations

import pytest

from model.corpus import query as q
from tests.tui.conftest import _app_maker, copy_of, screen_of, settle
from tests.tui.fixture_db import ARTICLES, build
from tests.tui.test_drawn import drawn, repainted
from tui.document import entity_doc

# An article that names Putin on forty lines of its own: his page's mentions run past one screen at 80×24.
NOTES = dict(
    key="putin-notes",
    title="Notes on the week's meetings",
    source="Example Daily",
    published="2023-03-01",
    published_basis="given",
    text="\n".join(f"On day {i} of the notes, Putin met a delegation about item {i}." for i in range(40)),
    quotes=[],
    timexes=[],
)


@pytest.fixture(scope="module")
def long_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("long-page") / "corpus.db", [*ARTICLES, NOTES])


@pytest.fixture
def make_app(long_db, tmp_path):
    return _app_maker(copy_of(long_db, tmp_path))


def _putin(conn) -> int:
    return q.entities(conn, q.Filters(name="Vladimir Putin"))[0].id


def test_the_head_of_a_page_is_the_start_of_the_whole_page_to_the_character(long_db):
    with q.connect(long_db) as conn:
        head = q.entity_page_head(conn, _putin(conn))
        whole = q.entity_page_rest(conn, head)
    for width in (36, 78, 118):
        part, full = entity_doc(head, width), entity_doc(whole, width)
        assert full.text.startswith(part.text) and len(full.text) > len(part.text)
        assert full.spans[: len(part.spans)] == part.spans and full.links[: len(part.links)] == part.links
        assert "Quotes by" not in part.text and "Appears with" in full.text


async def _open_putin(pilot):
    s = screen_of(pilot.app)
    await pilot.press("2")
    vl = s.lst("entities")
    vl.move_to(next(i for i in range(vl.total) if vl.row(i).name == "Vladimir Putin"))
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return s


async def test_scrolling_down_an_entity_page_read_in_part_shows_the_rest_where_it_was(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = await _open_putin(pilot)
        reader = s.reader
        assert reader.doc.kind == "entity" and reader.doc.page is not None
        assert not reader.doc.page.complete, "the head fills the screen: the rest waits"
        head_text = reader.doc.text
        assert "Mentions (45)" in head_text and "Appears with" not in head_text
        for _ in range(40):  # a line at a time, until the rest comes
            await pilot.press("j")
            if reader.doc.page.complete:
                break
        top = round(reader.scroll_y)
        await settle(pilot)
        assert reader.doc.page.complete and reader.doc.text.startswith(head_text)
        assert "Quotes by Vladimir Putin" in reader.doc.text and "Appears with" in reader.doc.text
        assert round(reader.scroll_y) == top  # where it was
        assert drawn(s) == repainted(s)
        with q.connect(app.db.path) as conn:
            assert reader.doc.text == entity_doc(q.entity_page(conn, reader.doc.ident), reader.text_width()).text


async def test_the_bottom_of_a_page_read_in_part_is_the_bottom_of_the_whole_page(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = (await _open_putin(pilot)).reader
        assert not reader.doc.page.complete
        await pilot.press("G")
        await settle(pilot)
        assert reader.doc.page.complete and "Appears with" in reader.doc.text
        assert round(reader.scroll_y) == reader.max_scroll_y > 0


async def test_the_next_link_after_the_last_mention_of_a_page_read_in_part_is_the_first_after_them(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = (await _open_putin(pilot)).reader
        head_links = len(reader.doc.links)
        assert not reader.doc.page.complete and reader.doc.links[-1].kind == "article"  # a mention's line
        reader.set_cursor(head_links - 1)
        reader.action_link(1)  # `tab` at once, before the rest has come
        await settle(pilot)
        assert reader.doc.page.complete
        assert reader.cursor == head_links and reader.link.kind != "article"  # not back to the first mention


async def test_the_link_before_the_first_of_a_page_read_in_part_is_the_last_of_the_whole_page(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = (await _open_putin(pilot)).reader
        assert not reader.doc.page.complete
        reader.set_cursor(0)
        reader.action_link(-1)  # `shift+tab` at once, before the rest has come
        await settle(pilot)
        assert reader.doc.page.complete
        assert reader.cursor == len(reader.doc.links) - 1 and reader.link.kind == "entity"  # "Appears with"
