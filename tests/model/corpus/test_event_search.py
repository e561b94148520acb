"""An entity's events under a search are checked event by event among those the search keeps: the same events,
counts and pages as the entity's events gathered from all its articles."""

from __future__ import annotations

import json
from contextlib import closing

import pytest

from model.corpus import query as q
from model.corpus import store, write
from model.corpus.event_refresh import refresh_events
from model.corpus.query import event_list as me
from model.corpus.query import reuse
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
    """The filter as it was: the entity's events from all its articles, and those of the search's articles."""
    found, found_params = me._searched_articles(conn, f.search)
    return (
        f" WHERE e.id IN ({me._ENTITY_EVENTS}) AND e.id IN (SELECT r.event FROM event_report r "
        f"WHERE r.article IN ({found}))",
        [f.entity] * 3 + found_params,
    )


def _cases(conn) -> list[q.Filters]:
    ids = [conn.execute("SELECT id FROM entity WHERE canonical = ?", (n,)).fetchone()[0] for n in NAMES]
    return [q.Filters(entity=i, search=s) for i in ids for s in SEARCHES]


def test_the_cases_keep_some_events_and_not_all(conn):
    kept = [q.count_merged_events(conn, f) for f in _cases(conn)]
    assert 0 in kept and any(0 < n < q.count_merged_events(conn) for n in kept)


def test_an_entitys_events_under_a_search_are_those_gathered_from_its_articles(conn):
    for f in _cases(conn):
        assert "EXISTS" in me.merged_where(conn, f)[0]  # the plan checked event by event
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
    f = _cases(conn)[0]
    where, params = me.merged_where(conn, f)
    plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM event e{where}", params)]
    assert any("idx_event_report_event" in p for p in plan), plan
    assert not any("idx_entity_article_published" in p for p in plan), plan


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


@pytest.mark.parametrize("per_report, per_article", [(0, 1), (1, 0)])  # event by event; from the entity's side
def test_an_entitys_part_in_a_searchs_events_is_the_same_found_either_way(conn, monkeypatch, per_report, per_article):
    monkeypatch.setattr(me, "PER_REPORT_US", per_report)
    monkeypatch.setattr(me, "PER_ENTITY_ARTICLE_US", per_article)
    for f in _cases(conn):
        reuse.forget()
        where, params = _gathered(conn, f)
        expected = [r[0] for r in conn.execute(f"SELECT e.id FROM event e{where} ORDER BY e.value, e.rowid", params)]
        assert [r.id for r in q.merged_events(conn, f, 0, 100)] == expected, f
        assert q.count_merged_events(conn, f) == len(expected), f


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


def test_which_way_an_entitys_part_is_found_is_told_from_a_sample_of_the_events(conn, monkeypatch):
    """The reports of at most `REPORTS_SAMPLE` events, spread over those the search keeps, are counted to choose
    (counting every event's reports cost a seek each); the estimate picks the side the full count would."""
    events = [r[0] for r in conn.execute("SELECT id FROM event ORDER BY id")]
    reports = {e: conn.execute("SELECT COUNT(*) FROM event_report WHERE event = ?", (e,)).fetchone()[0] for e in events}
    ids = [events[i % len(events)] for i in range(len(events) * 40)]  # more events than the sample holds
    assert len(ids) > me.REPORTS_SAMPLE
    total = sum(reports[e] for e in ids)
    counted: list[int] = []
    real_run = me.run

    def run(c, sql, params=()):
        if "idx_event_report_event" in sql:
            counted.append(len(json.loads(params[0])))
        return real_run(c, sql, params)

    monkeypatch.setattr(me, "run", run)
    for articles, cheaper in ((total, True), (len(ids) + 1, total <= len(ids) + 1)):
        monkeypatch.setattr(me, "entity_counts", lambda c, e, n=articles: (n, n))
        monkeypatch.setattr(me, "PER_ENTITY_ARTICLE_US", 1)
        monkeypatch.setattr(me, "PER_REPORT_US", 1)
        assert me._by_event_is_cheaper(conn, ids, 1) is cheaper
    assert counted and max(counted) <= me.REPORTS_SAMPLE


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
