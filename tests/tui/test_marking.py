"""Marks (`m`), the palette's Marked list, and read state (articles opened dimmed; `R` toggles): pilot tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from textual.command import CommandPalette

from model.corpus import marks
from tests.tui.conftest import screen_of, settle
from tests.tui.test_app import goto_row


def stored_marks(db_path) -> list[tuple]:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute('SELECT kind, article_key, start, "end" FROM mark ORDER BY kind, start').fetchall()


def read_keys(db_path) -> set[str]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {r[0] for r in conn.execute("SELECT article_key FROM seen")}


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_m_marks_a_quote_an_event_and_an_article_and_again_unmarks(make_app, db_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4", "v", "3", "v")  # every quote, every dated expression
        await settle(pilot)
        await goto_row(pilot, "quotes", lambda r: r.speaker == "Wang Yi")
        quote = s.lst("quotes").highlighted
        await pilot.press("m")
        await settle(pilot)
        await goto_row(pilot, "timeline", lambda r: r.text == "Wednesday")
        event = s.lst("timeline").highlighted
        await pilot.press("m")
        await settle(pilot)
        await goto_row(pilot, "articles", lambda r: r.key == "wang-visit")
        await pilot.press("m")
        await settle(pilot)
        assert stored_marks(db_path) == [
            ("article", "wang-visit", 0, 0),
            ("event", "wang-visit", event.start, event.end),
            ("quote", "wang-visit", quote.start, quote.end),
        ]
        await pilot.press("m")  # again: unmarked
        await settle(pilot)
        assert [m[0] for m in stored_marks(db_path)] == ["event", "quote"]
        assert any("quote marked" in n for n in notices(app)) and any("article unmarked" in n for n in notices(app))
        await pilot.press("2", "m")  # an entity is not markable: one line
        await settle(pilot)
        assert any("m marks an article, a quote or a dated event" in n for n in notices(app))


async def test_marks_are_keyed_by_article_key_and_span_so_they_outlive_row_ids(db_path):
    with closing(marks.open_for_marks(db_path)) as conn:
        article, start, end = conn.execute('SELECT article, start, "end" FROM quote ORDER BY id LIMIT 1').fetchone()
        assert marks.toggle_mark(conn, "quote", article, start, end)
        # the article extracted again: its rows get new ids, its key and text stay
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE article SET id = id + 1000 WHERE id = ?", (article,))
        conn.commit()
        (mark,) = marks.marks(conn)
        assert mark.article == article + 1000 and (mark.start, mark.end) == (start, end)
        assert (
            mark.text
            == conn.execute(
                "SELECT substr(text, ?, ?) FROM article WHERE id = ?", (start + 1, end - start, article + 1000)
            ).fetchone()[0]
        )


async def test_the_palette_lists_the_marked_and_opens_one_at_its_quote(make_app, db_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4", "v")  # every quote
        await settle(pilot)
        await goto_row(pilot, "quotes", lambda r: r.speaker == "Wang Yi")
        quote = s.lst("quotes").highlighted
        await pilot.press("m")
        await settle(pilot)
        await goto_row(pilot, "articles", lambda r: r.key != "wang-visit")  # the reader elsewhere
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"marked")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert s.reader.doc.kind == "article" and s.reader.doc.article.id == quote.article
        link = s.reader.link
        assert link is not None and link.kind == "quote" and link.target.start == quote.start


def title_style(vl, y: int):
    """The style the title (the row's last words) is drawn in on line `y` of a list."""
    segments = [seg for seg in vl.render_line(y) if seg.text.strip()]
    return segments[-2].style if segments[-1].text.strip() in "▁▂▃▄▅▆▇█▔" else segments[-1].style


async def test_an_article_opened_is_read_dimmed_and_R_makes_it_unread(make_app, db_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        vl = s.lst("articles")
        assert read_keys(db_path) == set()  # shown at start-up, not opened: not read
        second = vl.row(1)
        unread = title_style(vl, 1), vl.render_line(1).text
        vl.move_to(1)
        await pilot.press("enter")  # opened in the reader
        await settle(pilot)
        assert read_keys(db_path) == {second.key} and s._is_read(second)
        await pilot.press("1")
        vl.move_to(0)
        await settle(pilot)
        assert vl.render_line(1).text == unread[1]  # the same words,
        assert title_style(vl, 1) != unread[0]  # drawn muted
        vl.move_to(1)
        await pilot.press("r")  # unread again
        await settle(pilot)
        assert read_keys(db_path) == set() and not s._is_read(second)
        vl.move_to(0)
        await settle(pilot)
        assert title_style(vl, 1) == unread[0]


async def test_read_state_is_loaded_at_start(make_app, db_path):
    with closing(marks.open_for_marks(db_path)) as conn:
        article = conn.execute("SELECT id FROM article WHERE key = 'wang-visit'").fetchone()[0]
        marks.set_read(conn, article)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        assert s.read_ids == {article}


async def test_a_read_only_database_says_marks_are_not_saved(make_app, db_path):
    app = make_app(readonly=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "m", "r", "enter")
        await settle(pilot)
        assert sum("read-only: marks" in n for n in notices(app)) == 2
        assert stored_marks(db_path) == [] and read_keys(db_path) == set()


async def test_m_on_an_event_merged_across_articles_says_how_to_mark_one_of_its_dates(make_app, db_path):
    """Found at 80×24: `3` `m` (the Timeline's events, as it opens) said "select one first" with an event
    selected; such an event has no mark of its own: the line says where the marks are."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert screen_of(app).state.timeline_view == "events"
        await pilot.press("m")
        await settle(pilot)
        assert any("v lists its dates, m marks one" in n for n in notices(app))
        assert not any("select one first" in n for n in notices(app)) and stored_marks(db_path) == []
