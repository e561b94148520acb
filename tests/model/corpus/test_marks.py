"""The user's marks and read articles (schema 8): the upgrade from 7, and a database without them."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from model.corpus import marks, store
from tests.tui.fixture_db import build


def test_upgrade_from_7_adds_the_tables_and_keeps_everything_else(tmp_path):
    path = build(tmp_path / "c.db")
    with closing(sqlite3.connect(path)) as c:
        c.execute("DROP TABLE mark")
        c.execute("DROP TABLE seen")
        c.execute("PRAGMA user_version=7")
        c.commit()
        articles = c.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    with closing(store.connect(path, readonly=True)) as conn:  # browsed as it is: no marks, no read articles
        assert marks.marks(conn) == [] and marks.read_articles(conn) == set() and marks.marked(conn) == set()
    with closing(store.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION >= marks_version()
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"mark", "seen"} <= names
        assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == articles


def marks_version() -> int:
    from model.corpus.schema import MARKS_VERSION

    return MARKS_VERSION


def test_a_mark_of_an_article_gone_is_listed_without_it_and_read_state_toggles(tmp_path):
    path = build(tmp_path / "c.db")
    with closing(marks.open_for_marks(path)) as conn:
        article = conn.execute("SELECT id FROM article ORDER BY id LIMIT 1").fetchone()[0]
        assert marks.toggle_mark(conn, "article", article)
        marks.set_read(conn, article)
        assert marks.read_articles(conn) == {article}
        marks.set_read(conn, article, read=False)
        assert marks.read_articles(conn) == set()
        conn.execute("UPDATE mark SET article_key = 'gone'")
        conn.commit()
        (mark,) = marks.marks(conn)
        assert mark.article is None and mark.text == "gone"


def test_marked_spans_are_keyed_by_the_article_id_now_and_leave_out_articles_gone(tmp_path):
    path = build(tmp_path / "c.db")
    with closing(marks.open_for_marks(path)) as conn:
        first, second = (r[0] for r in conn.execute("SELECT id FROM article ORDER BY id LIMIT 2"))
        marks.toggle_mark(conn, "article", first)
        marks.toggle_mark(conn, "quote", second, 4, 20)
        assert marks.marked(conn) == {("article", first, 0, 0), ("quote", second, 4, 20)}
        marks.toggle_mark(conn, "quote", second, 4, 20)  # unmarked
        conn.execute("UPDATE mark SET article_key = 'gone'")
        conn.commit()
        assert marks.marked(conn) == set()
