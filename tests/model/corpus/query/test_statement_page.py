"""A statement's page read in two parts (schema 13): its head, the statement, its outlets and its first wordings
read off the index of their places, then the rest; together, what the page read at once lists, in the same
order. The places and outlets are kept by the statements' refresh and made by the upgrade from 12."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from model import corrections
from model.corpus import query as q
from model.corpus import schema, store
from model.corpus.statement_refresh import refresh_statements
from tests.model.corpus.test_statement_refresh import _store

# (key, published, source): one statement of one speaker in seven articles, out of date order by key, one undated
# and two on one day (ordered by key), two with no outlet.
ARTICLES = (
    ("k-5", "2024-03-09", "Star"),
    ("k-1", "2024-03-02", "Daily Post"),
    ("k-7", None, "Star"),
    ("k-3", "2024-03-05", None),
    ("k-2", "2024-03-05", "daily post"),
    ("k-6", "2024-03-01", ""),
    ("k-4", "2024-03-07", "Star"),
)
IN_ORDER = ["k-6", "k-1", "k-2", "k-3", "k-4", "k-5", "k-7"]


def _corpus(path) -> str:
    with closing(store.connect(path)) as conn:
        for key, published, source in ARTICLES:
            _store(conn, key, "Ana Ruiz", published=published, source=source)
        refresh_statements(conn)
        return conn.execute("SELECT id FROM statement").fetchone()[0]


def _keys(conn, page: q.StatementPage) -> list[str]:
    ids = [w.article for w in page.wordings]
    keys = dict(conn.execute(f"SELECT id, key FROM article WHERE id IN ({','.join('?' * len(ids))})", ids))
    return [keys[i] for i in ids]


def _pages(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as c:
        return [
            *c.execute("SELECT quote, statement, place FROM quote_statement ORDER BY quote"),
            *c.execute("SELECT id, sources FROM statement ORDER BY id"),
        ]


def test_the_head_is_the_first_wordings_in_page_order_and_the_rest_completes_the_page(tmp_path):
    sid = _corpus(tmp_path / "c.db")
    with closing(q.connect(tmp_path / "c.db")) as conn:
        whole = q.statement_page(conn, sid)
        assert whole.complete and _keys(conn, whole) == IN_ORDER  # dated by day then key, the undated last
        head = q.statement_page_head(conn, sid, limit=3)
        assert not head.complete and _keys(conn, head) == IN_ORDER[:3]
        assert head.statement == whole.statement and head.sources == whole.sources
        rest = q.statement_page_rest(conn, head)
        assert rest.complete and rest.wordings == whole.wordings
        assert q.statement_page_head(conn, sid, limit=7).complete  # all of them in the head: nothing to read after


def test_a_statement_holds_its_outlets_with_how_many_of_its_articles_give_each(tmp_path):
    sid = _corpus(tmp_path / "c.db")
    with closing(q.connect(tmp_path / "c.db")) as conn:
        page = q.statement_page_head(conn, sid, limit=1)
    assert page.sources == {"": 2, "Daily Post": 1, "Star": 3, "daily post": 1}  # "" none (NULL or empty)


def test_a_redated_article_moves_its_wording_on_the_page(tmp_path):
    path = tmp_path / "c.db"
    sid = _corpus(path)
    with closing(store.connect(path)) as conn:
        corrections.set_published(conn, "k-7", "2024-02-20")
        refresh_statements(conn)
    with closing(q.connect(path)) as conn:
        assert _keys(conn, q.statement_page_head(conn, sid, limit=2)) == ["k-7", "k-6"]


def test_the_upgrade_from_12_gives_the_places_and_outlets_the_refresh_gives(tmp_path):
    path = tmp_path / "c.db"
    sid = _corpus(path)
    refreshed = _pages(path)
    with closing(sqlite3.connect(path)) as c:  # as version 12 made it
        c.execute(f"DROP INDEX {schema.STATEMENT_PAGE_INDEX}")
        for table, column, _kind in schema.STATEMENT_PAGE_COLUMNS:
            c.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        c.execute("PRAGMA user_version=12")
        c.commit()
    with closing(q.connect(path)) as conn:  # read as it is: every wording at once, in the same order
        old = q.statement_page_head(conn, sid, limit=2)
        assert old.complete and old.sources is None and _keys(conn, old) == IN_ORDER
    seen = []
    with closing(store.connect(path, progress=lambda done, total: seen.append((done, total)))):
        pass
    assert (
        _pages(path) == refreshed and seen == [(0, 7), (7, 7)] * 6
    )  # to 13, to 14 (the wordings indexed), to 15, to 16
    with closing(q.connect(path)) as conn:
        assert not q.statement_page_head(conn, sid, limit=2).complete


def test_outlets_the_statement_row_holds_badly_are_read_from_its_wordings(tmp_path):
    path = tmp_path / "c.db"
    sid = _corpus(path)
    with closing(sqlite3.connect(path)) as c:
        c.execute("UPDATE statement SET sources = '[1, 2]'")
        c.commit()
    with closing(q.connect(path)) as conn:
        page = q.statement_page_head(conn, sid, limit=2)
    assert page.sources is None and page.complete and len(page.wordings) == len(ARTICLES)
