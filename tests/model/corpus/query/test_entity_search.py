"""Words searched in one entity's articles are counted from the words' matches, each looked up in the entity's
articles, and stop at the cap."""

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
