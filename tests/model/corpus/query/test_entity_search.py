"""Words searched in one entity's articles (or quotes) are counted from one index range, each row looked up in
the other set, and stop at the cap."""

from __future__ import annotations

from model.corpus import query as q
from tests.model.corpus.query.test_paging import _corpus, _plans


def test_entity_and_words_count_from_the_matches_up_to_the_cap(tmp_path):
    conn = _corpus(tmp_path / "c.db")
    entity = conn.execute("SELECT id FROM entity WHERE canonical='Cyril Dane'").fetchone()[0]
    f = q.Filters(entity=entity, search="port")
    exact = q.count_articles(conn, f)  # no cap: every match
    assert exact == 40
    assert q.count_articles(conn, f, cap=100) == exact
    capped = q.count_articles(conn, f, cap=10)
    assert isinstance(capped, q.AtLeast) and capped == 10
    assert q.count_articles(conn, q.Filters(entity=entity, search="nowhere"), cap=10) == 0
    plan = _plans(conn, lambda: q.count_articles(conn, f, cap=10))
    assert "SCAN f VIRTUAL TABLE" in plan and "SEARCH ea USING PRIMARY KEY (entity=? AND article=?)" in plan


def test_entity_and_words_count_quotes_from_the_summary_up_to_the_cap(tmp_path):
    conn = _corpus(tmp_path / "c.db")
    entity = conn.execute("SELECT id FROM entity WHERE canonical='Cyril Dane'").fetchone()[0]
    f = q.Filters(entity=entity, search="port")
    exact = q.count_quotes(conn, f)  # no cap: the plan of any other filter
    assert exact == len(q.quotes(conn, f, "date", 0, 1000)) > 3
    assert q.count_quotes(conn, f, cap=1000) == exact
    assert q.count_quotes(conn, f, cap=3) == q.AtLeast(3) and isinstance(q.count_quotes(conn, f, cap=3), q.AtLeast)
    assert q.count_quotes(conn, q.Filters(entity=entity, search="nowhere"), cap=3) == 0
    plan = _plans(conn, lambda: q.count_quotes(conn, f, cap=3))
    assert "SEARCH q " not in plan  # no quote row read


def test_entity_and_words_quote_pages_are_the_entitys_quotes_the_words_match(tmp_path):
    conn = _corpus(tmp_path / "c.db")
    entity = conn.execute("SELECT id FROM entity WHERE canonical='Cyril Dane'").fetchone()[0]
    matching = {r.id for r in q.quotes(conn, q.Filters(search="port"), "date", 0, 1000)}
    expected = [r.id for r in q.quotes(conn, q.Filters(entity=entity), "date", 0, 1000) if r.id in matching]
    f = q.Filters(entity=entity, search="port")
    assert [r.id for r in q.quotes(conn, f, "date", 0, 1000)] == expected
    assert [r.id for r in q.quotes(conn, f, "date", 2, 3)] == expected[2:5]
    plan = _plans(conn, lambda: q.quotes(conn, f, "date", 0, 3))
    assert "SEARCH e USING COVERING INDEX idx_entity_quote_published (entity=?)" in plan


def test_entity_and_words_article_pages_are_the_entitys_articles_the_words_match(tmp_path):
    conn = _corpus(tmp_path / "c.db")
    conn.execute("UPDATE article SET text = 'Cyril Dane said nothing.' WHERE key IN ('k3', 'k4', 'k30')")
    conn.commit()
    entity = conn.execute("SELECT id FROM entity WHERE canonical='Cyril Dane'").fetchone()[0]
    matching = {r.id for r in q.articles(conn, q.Filters(search="port"), "date", 0, 1000)}
    expected = [r.id for r in q.articles(conn, q.Filters(entity=entity), "date", 0, 1000) if r.id in matching]
    assert len(expected) == 37
    f = q.Filters(entity=entity, search="port")
    assert [r.id for r in q.articles(conn, f, "date", 0, 1000)] == expected
    assert [r.id for r in q.articles(conn, f, "date", 30, 10, 37)] == expected[30:]  # read from the end
    plan = _plans(conn, lambda: q.articles(conn, f, "date", 0, 3))
    assert "idx_entity_article_published (entity=?)" in plan
