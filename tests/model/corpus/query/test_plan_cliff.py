"""A word just over FREQUENT matches is read with the plan of one just under, on a table big enough that
walking the date index for it would cost more than sorting its matches (`search.walk_bound`)."""

from __future__ import annotations

from model.corpus import query as q
from model.corpus import store
from model.corpus.query import search
from model.corpus.query.search import walk_bound
from tests.model.corpus.query.test_paging import _plans


def _corpus(path):
    conn = store.connect(path)
    rows = [
        (i, f"k{i}", f"2020-01-{1 + i % 28:02d}", "alpha went up" if i < 999 else "beta went up") for i in range(2000)
    ]
    rows.append((1_000_000, "last", "2020-02-01", "gamma"))  # ids run to a million: a big table, as MAX(rowid) says
    conn.executemany("INSERT INTO article (id, key, published, text) VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    return conn


def test_words_just_under_and_over_frequent_share_a_plan(tmp_path):
    conn = _corpus(tmp_path / "c.db")
    assert walk_bound(conn, "article") > q.FREQUENT
    under, over = q.Filters(search="alpha"), q.Filters(search="beta")
    assert q.count_articles(conn, under) == 999 and q.count_articles(conn, over) == 1001
    plan_under = _plans(conn, lambda: q.articles(conn, under, "date", 0, 40))
    plan_over = _plans(conn, lambda: q.articles(conn, over, "date", 0, 40))
    assert plan_over == plan_under
    assert "idx_article_published" not in plan_over  # the matches are sorted, the date index not walked
    assert [r.id for r in q.articles(conn, over, "date", 0, 3)] == sorted(
        range(999, 2000), key=lambda i: (f"2020-01-{1 + i % 28:02d}", i), reverse=True
    )[:3]


def _statements_run(conn, call) -> list[str]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    return seen


def test_a_word_in_a_few_thousand_articles_walks_the_date_index(tmp_path):
    """Past `word_walk_bound` (√(10 × rows): 1,000 at 100,000 articles, below `walk_bound`'s 3,162) a word's page
    of the newest is read off the date index: the same rows as sorting its matches, without reading them all."""
    conn = store.connect(tmp_path / "c.db")
    rows = [(i, f"k{i}", f"2020-01-{1 + i % 28:02d}", "delta rose" if i % 2 else "other text") for i in range(3000)]
    rows.append((100_000, "last", "2020-02-01", "gamma"))  # ids run to 100,000, as MAX(rowid) says
    conn.executemany("INSERT INTO article (id, key, published, text) VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    assert q.FREQUENT <= search.word_walk_bound(conn) < 1500 < walk_bound(conn, "article")
    f = q.Filters(search="delta")
    total = q.count_articles(conn, f, 1000)
    assert isinstance(total, q.AtLeast)
    page = q.articles(conn, f, "date", 0, 40, total)
    assert "idx_article_published" in _plans(conn, lambda: q.articles(conn, f, "date", 0, 40, total))
    # a capped count past the bound says "many" itself: no second count of the matches
    assert not any("COUNT" in sql for sql in _statements_run(conn, lambda: q.articles(conn, f, "date", 0, 40, total)))
    expected = sorted(range(1, 3000, 2), key=lambda i: (f"2020-01-{1 + i % 28:02d}", i), reverse=True)[:40]
    assert [r.id for r in page] == expected
