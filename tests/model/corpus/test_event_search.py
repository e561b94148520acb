"""An entity's events under a search are those its own filter finds (from its articles' reports, where it takes part),
among the search's latest articles that name it (the Articles pane's list): the same events, counts and pages as
the entity's events gathered from all its articles, kept to those articles."""

from __future__ import annotations

import json
from contextlib import closing

import pytest

from model.corpus import query as q
from model.corpus import store, write
from model.corpus.event_refresh import refresh_events
from model.corpus.query import event_list as me
from tests.model.corpus.test_event_list import _article

# (key, who, place, value, extra words): meetings repeated across articles (merged into one event), with words
# searched in some of their reports only
ARTICLES = [
    ("a", ("Ana Ruiz", "Tom Berg"), "Lisbon", "2021-06-07", " Oranges were discussed."),
    ("b", ("Ana Ruiz", "Tom Berg"), "Lisbon", "2021-06-07", " Tariffs came up."),
    ("c", ("Eva Lind", "Max Holt"), "Oslo", "2021-08-02", " Oranges and tariffs."),
    ("d", ("Eva Lind", "Ana Ruiz"), "Rome", "2022-03", " Tariffs again."),
    ("e", ("Max Holt", "Tom Berg"), "Oslo", "2020", ""),
    ("f", ("Tom Berg", "Eva Lind"), "Rome", "2022-03-14", " Oranges."),
    ("g", ("Max Holt", "Ana Ruiz"), "Lisbon", "2019-11", " Ferries and tariffs."),
    ("h", ("Eva Lind", "Max Holt"), "Oslo", "2021-08-02", " Ferries."),
]
NAMES = ("Ana Ruiz", "Tom Berg", "Eva Lind", "Max Holt", "Lisbon", "Oslo", "Rome")
SEARCHES = ("oranges", "tariffs", "ferries", "met", "oranges tariffs", "nothing")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = tmp_path_factory.mktemp("event_search") / "c.db"
    with closing(store.connect(path)) as c:
        for key, who, place, value, extra in ARTICLES:
            write.write_article(c, *_article(key, who, place, value, extra), write.EntityCache(c))
        refresh_events(c)
    c = q.connect(path)
    yield c
    c.close()


def _gathered(conn, f: q.Filters) -> tuple[str, list]:
    """The entity's events as its own filter finds them (every report of its articles it takes part in), kept to
    the reports of the search's latest articles that name it, each read row by row."""
    named = [r[0] for r in conn.execute("SELECT article FROM entity_article WHERE entity = ?", (f.entity,))]
    searched = [a.id for a in q.articles(conn, q.Filters(search=f.search), limit=10_000)]
    latest = sorted(set(named) & set(searched), reverse=True)[: me.SEARCH_ARTICLES]
    return (
        f" WHERE e.id IN (SELECT r.event FROM ({me._ENTITY_EVENTS.replace('SELECT r.event', 'SELECT r.event, r.article')})"
        " r WHERE r.article IN (SELECT value FROM json_each(?)))",
        [f.entity] * 3 + [json.dumps(latest)],
    )


def _cases(conn) -> list[q.Filters]:
    ids = [conn.execute("SELECT id FROM entity WHERE canonical = ?", (n,)).fetchone()[0] for n in NAMES]
    return [q.Filters(entity=i, search=s) for i in ids for s in SEARCHES]


def test_the_cases_keep_some_events_and_not_all(conn):
    kept = [q.count_merged_events(conn, f) for f in _cases(conn)]
    assert 0 in kept and any(0 < n < q.count_merged_events(conn) for n in kept)


def test_an_entitys_events_under_a_search_are_those_gathered_from_its_articles(conn):
    for f in _cases(conn):
        where, params = _gathered(conn, f)
        expected = [r[0] for r in conn.execute(f"SELECT e.id FROM event e{where} ORDER BY e.value, e.rowid", params)]
        counts = [
            tuple(r) for r in conn.execute(f"SELECT e.value, COUNT(*) FROM event e{where} GROUP BY e.value", params)
        ]
        assert q.count_merged_events(conn, f) == len(expected), f
        assert me.value_counts(conn, f) == counts, f
        assert [r.id for r in q.merged_events(conn, f, 0, 100)] == expected, f
        paged = [r.id for o in range(0, len(expected), 2) for r in q.merged_events(conn, f, o, 2, counts)]
        assert paged == expected, f


def test_an_entitys_events_under_an_article_and_a_search_are_some(conn):
    article = conn.execute("SELECT id FROM article WHERE key = 'c'").fetchone()[0]
    eva = conn.execute("SELECT id FROM entity WHERE canonical = 'Eva Lind'").fetchone()[0]
    assert q.count_merged_events(conn, q.Filters(search="oranges", entity=eva, article=article)) > 0


def test_the_search_drives_the_plan(conn):
    """The search's matches, newest first, each looked up among the entity's articles (its key), then their
    reports: no walk over every article naming the entity, no read of every report of an event."""
    f = _cases(conn)[0]
    where, params = me.merged_where(conn, f)
    plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM event e{where}", params)]
    assert any(p.startswith("SCAN article_fts") for p in plan), plan
    assert any("SEARCH ea USING PRIMARY KEY (entity=? AND article=?)" in p for p in plan), plan
    assert not any("idx_entity_article_published" in p or "idx_event_report_event" in p for p in plan), plan


def _direct(conn, f: q.Filters) -> tuple[list[str], list[tuple]]:
    """The events a filter keeps and their counts by value, read by the filter's own clauses (no reuse)."""
    where, params = me.merged_where(conn, f)
    ids = [r[0] for r in conn.execute(f"SELECT e.id FROM event e{where} ORDER BY e.value, e.rowid", params)]
    counts = [tuple(r) for r in conn.execute(f"SELECT e.value, COUNT(*) FROM event e{where} GROUP BY e.value", params)]
    return ids, counts


@pytest.mark.parametrize(
    "search", [*SEARCHES, '"tariffs came"', "met -oranges", "tariffs date:2021", "oran*", "-ferries met"]
)
def test_searched_events_read_once_are_those_of_the_filters_own_clauses(conn, search):
    article = conn.execute("SELECT id FROM article WHERE key = 'c'").fetchone()[0]
    ana = conn.execute("SELECT id FROM entity WHERE canonical = 'Ana Ruiz'").fetchone()[0]
    eva = conn.execute("SELECT id FROM entity WHERE canonical = 'Eva Lind'").fetchone()[0]  # named in article c
    for f in (
        q.Filters(search=search),
        q.Filters(search=search, article=article),
        q.Filters(search=search, entity=ana),
        q.Filters(search=search, entity=eva, article=article),
    ):
        expected, counts = _direct(conn, f)
        assert q.count_merged_events(conn, f) == len(expected), f
        assert me.value_counts(conn, f) == counts, f
        assert [r.id for r in q.merged_events(conn, f, 0, 100)] == expected, f
        paged = [r.id for o in range(0, len(expected), 2) for r in q.merged_events(conn, f, o, 2, counts)]
        assert paged == expected, f
        for date in ("2020", "2021-07", "2022-03-14"):
            assert q.merged_event_position(conn, f, date) == sum(n for v, n in counts if v < date), f


FIELDED = (
    "date:2021",
    "-date:2021 tariffs",
    'entity:"Ana Ruiz"',
    "entity:Oslo -oranges",
    "kind:direct",
    "-kind:direct ferries",
)


def test_a_fielded_search_keeps_the_events_its_articles_report(conn):
    """The Timeline under a search with fields (`kind:stance`, `date:`, `entity:`) keeps the events reported by the
    articles the Articles pane keeps for it (it had said "nothing to search for" without words)."""
    kept = []
    for search in FIELDED:
        f = q.Filters(search=search)
        shown = [a.id for a in q.articles(conn, f, limit=1000)]
        marks = ", ".join("?" * len(shown))
        expected = {r[0] for r in conn.execute(f"SELECT event FROM event_report WHERE article IN ({marks})", shown)}
        expected.discard(None)
        assert {e.id for e in q.merged_events(conn, f, limit=1000)} == expected, search
        assert q.count_merged_events(conn, f) == len(expected), search
        kept.append(len(expected))
    assert 0 in kept and any(0 < n < q.count_merged_events(conn) for n in kept)


@pytest.mark.parametrize(
    "search", ["-date:2021 tariffs", "-kind:direct ferries", "tariffs date:2021..2022", "met -oranges"]
)
def test_a_fielded_searchs_articles_are_read_off_the_words_index_newest_first(conn, monkeypatch, search):
    """Words with fields: the Timeline's latest articles are the words' matches read newest first off the
    full-text index, each checked against the fields, up to `SEARCH_ARTICLES` (no sort of every match): the same
    articles, in the same order, as all of those the fields keep, newest first."""
    monkeypatch.setattr(me, "SEARCH_ARTICLES", 2)
    sql, params = me._searched_articles(conn, search)
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert plan[0].startswith("SCAN article_fts") and not any("TEMP B-TREE" in p for p in plan), plan
    kept = sorted((a.id for a in q.articles(conn, q.Filters(search=search), limit=1000)), reverse=True)
    assert [r[0] for r in conn.execute(sql, params)] == kept[:2]
