"""A statement page opened at its top comes in two reads when its wordings fill more than the reader's first
screen (`tui.document.read_document`), as an entity page does: its head (the statement, its outlets, its first
wordings), then, as the reader scrolls near the head's end or jumps to the bottom, the rest of its wordings. What
the reader then shows is the page read at once."""

from __future__ import annotations

import pytest

from model.corpus import query as q
from model.corpus import store, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.statement_refresh import refresh_statements
from tests.tui.conftest import _app_maker, copy_of, screen_of, settle
from tests.tui.test_drawn import drawn, repainted
from tests.tui.test_statements import WORDS, _article
from tui.document import statement_doc

WORDINGS = q.HEAD_WORDINGS + 30  # one statement in this many articles: more than a head reads
OUTLETS = ("Harbour Times", "Coast Herald", "")


@pytest.fixture(scope="module")
def wide_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("wide-statement") / "corpus.db"
    conn = store.connect(path)
    cache = write.EntityCache(conn)
    for i in range(WORDINGS):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        spec = (f"a{i:03d}", f"Ferry report {i}", OUTLETS[i % 3], day, "Lena Ortiz", WORDS, "direct")
        write.write_article(conn, *_article(*spec), cache)
    refresh_entities(conn, cache.touched)
    refresh_statements(conn)
    conn.close()
    return path


@pytest.fixture
def make_app(wide_db, tmp_path):
    return _app_maker(copy_of(wide_db, tmp_path))


def _statement_id(path) -> str:
    with q.connect(path) as conn:
        return q.statements(conn)[0].id


def test_the_head_of_a_statement_page_is_the_start_of_the_whole_page_to_the_character(wide_db):
    with q.connect(wide_db) as conn:
        head = q.statement_page_head(conn, _statement_id(wide_db))
        whole = q.statement_page_rest(conn, head)
    part, full = statement_doc(head), statement_doc(whole)
    assert not head.complete and len(head.wordings) == q.HEAD_WORDINGS and len(whole.wordings) == WORDINGS
    assert full.text.startswith(part.text) and len(full.text) > len(part.text)
    assert full.spans[: len(part.spans)] == part.spans and full.links[: len(part.links)] == part.links
    assert f"2 outlets (Coast Herald, Harbour Times) + 26 articles of an outlet not known · {WORDINGS} wordings" in (
        part.text
    )
    assert f"Wordings ({WORDINGS})" in part.text


async def _open_statement(pilot):
    s = screen_of(pilot.app)
    await pilot.press("4")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return s


async def test_scrolling_down_a_statement_page_read_in_part_shows_the_rest_where_it_was(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = await _open_statement(pilot)
        reader = s.reader
        assert reader.doc.kind == "statement" and reader.doc.partial is not None, "the head fills the screen"
        head_text = reader.doc.text
        for _ in range(3 * WORDINGS):  # a line at a time, until the rest comes
            reader.action_scroll_lines(1)
            await pilot.pause()
            if reader.doc.partial is None:
                break
        top = round(reader.scroll_y)
        await settle(pilot)
        assert reader.doc.partial is None and reader.doc.text.startswith(head_text)
        assert len(reader.doc.statement.wordings) == WORDINGS
        assert round(reader.scroll_y) == top  # where it was
        assert drawn(s) == repainted(s)
        with q.connect(app.db.path) as conn:
            assert reader.doc.text == statement_doc(q.statement_page(conn, reader.doc.ident)).text


async def test_the_bottom_of_a_statement_page_read_in_part_is_the_bottom_of_the_whole_page(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = (await _open_statement(pilot)).reader
        assert reader.doc.partial is not None
        reader.action_bottom()
        await settle(pilot)
        assert reader.doc.partial is None and len(reader.doc.statement.wordings) == WORDINGS
        assert round(reader.scroll_y) == reader.max_scroll_y > 0
