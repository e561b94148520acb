"""The read API of events merged across articles: order, filters, a date's place, per-month density, one event's
page, an entity's events by either plan, databases without events, and the plans' indexes."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from model.corpus import query as q
from model.corpus import store, write
from model.corpus.event_refresh import refresh_events
from model.corpus.query import event_list as me
from model.records import Article, EventReport, Extraction, Mention


def _article(key: str, who: tuple[str, str], place: str, value: str, extra: str = "") -> tuple[Article, Extraction]:
    """One sentence "<A> met <B> in <place> on Monday." dated `value`, with its report's frame."""
    a, b = who
    text = f"{a} met {b} in {place} on Monday.{extra}"
    at = {name: text.index(name) for name in (a, b, place)}
    day = text.index("Monday")
    mentions = [
        Mention(at[a], at[a] + len(a), a, "PERSON", a),
        Mention(at[b], at[b] + len(b), b, "PERSON", b),
        Mention(at[place], at[place] + len(place), place, "GPE", place),
    ]
    met = text.index(" met ") + 1
    report = EventReport(
        0,
        text.index(".") + 1,
        day,
        day + 6,
        met,
        met + 3,
        "meet",
        value,
        [(at[a], at[a] + len(a))],
        [(at[b], at[b] + len(b))],
        (at[place], at[place] + len(place)),
        basis=f"test reading {value}",
        trigger_pos="VERB",
    )
    ext = Extraction(sentences=[(0, len(text))], mentions=mentions, events=[report])
    return Article(key=key, text=text, title=f"About {key}", source="Wire", sha256=key), ext


ARTICLES = [
    ("a", ("Ana Ruiz", "Tom Berg"), "Lisbon", "2021-06-07", " Oranges were discussed."),
    ("b", ("Ana Ruiz", "Tom Berg"), "Lisbon", "2021-06-09", ""),  # the same meeting, two days later: a conflict
    ("c", ("Eva Lind", "Max Holt"), "Oslo", "2021-08-02", ""),
    ("d", ("Eva Lind", "Ana Ruiz"), "Rome", "2022-03", ""),
    ("e", ("Max Holt", "Tom Berg"), "Oslo", "2020", ""),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "c.db"
    with closing(store.connect(path)) as conn:
        for key, who, place, value, extra in ARTICLES:
            write.write_article(conn, *_article(key, who, place, value, extra), write.EntityCache(conn))
        refresh_events(conn)
    return path


@pytest.fixture
def conn(db):
    c = q.connect(db)
    yield c
    c.close()


def _entity(conn, name: str) -> int:
    return conn.execute("SELECT id FROM entity WHERE canonical = ?", (name,)).fetchone()[0]


def _article_id(conn, key: str) -> int:
    return conn.execute("SELECT id FROM article WHERE key = ?", (key,)).fetchone()[0]


def test_events_in_date_order_with_their_reports_and_conflict(conn):
    rows = q.merged_events(conn, q.Filters(), 0, 10)
    assert q.count_merged_events(conn) == len(rows) == 4
    assert [r.value[:7] for r in rows] == ["2020", "2021-06", "2021-08", "2022-03"]
    lisbon = rows[1]
    assert lisbon.reports == 2 and lisbon.conflict and lisbon.place == "Lisbon"
    assert set(lisbon.participants) == {"Ana Ruiz", "Tom Berg"} and not lisbon.uncertain
    assert [r.id for r in q.merged_events(conn, q.Filters(), 1, 2)] == [r.id for r in rows[1:3]]


def test_filters_by_article_entity_place_and_search(conn):
    def values(f):
        got = [r.value[:7] for r in q.merged_events(conn, f, 0, 10)]
        assert q.count_merged_events(conn, f) == len(got)
        return got

    assert values(q.Filters(article=_article_id(conn, "c"))) == ["2021-08"]
    assert values(q.Filters(entity=_entity(conn, "Ana Ruiz"))) == ["2021-06", "2022-03"]
    assert values(q.Filters(entity=_entity(conn, "Oslo"))) == ["2020", "2021-08"]  # where it happened
    assert values(q.Filters(search="oranges")) == ["2021-06"]
    assert values(q.Filters(entity=_entity(conn, "Max Holt"), article=_article_id(conn, "e"))) == ["2020"]


def test_a_frequent_entity_is_found_by_its_name_with_the_same_events(conn, monkeypatch):
    ana = _entity(conn, "Ana Ruiz")
    by_mentions = [r.id for r in q.merged_events(conn, q.Filters(entity=ana), 0, 10)]
    monkeypatch.setattr(me, "BY_NAME_ARTICLES", 0)
    assert me.paged_from(conn, q.Filters(entity=ana)) == "event e NOT INDEXED"  # few events: the table, sorted
    monkeypatch.setattr(me, "DENSE_EVENTS", 1)
    assert me.paged_from(conn, q.Filters(entity=ana), 2).endswith("INDEXED BY idx_event_value")  # off the index
    assert [r.id for r in q.merged_events(conn, q.Filters(entity=ana), 0, 10)] == by_mentions
    assert q.count_merged_events(conn, q.Filters(entity=ana)) == 2
    assert q.event_density(conn, q.Filters(entity=ana)) == [("2021-06", 1), ("2022-03", 1)]


def test_a_dates_place_and_the_density_by_month(conn):
    assert q.merged_event_position(conn, q.Filters(), "2021-07") == 2
    assert q.merged_event_position(conn, q.Filters(), "2021") == 1  # 2020 comes before
    assert q.merged_event_position(conn, q.Filters(), "2030") == 4
    # the year-only event belongs to no month
    assert q.event_density(conn) == [("2021-06", 1), ("2021-08", 1), ("2022-03", 1)]


def test_event_page_has_its_readings_reports_and_the_entities_it_names(conn):
    lisbon = q.merged_events(conn, q.Filters(entity=_entity(conn, "Lisbon")), 0, 1)[0]
    page = q.event_page(conn, lisbon.id)
    assert page.event.id == lisbon.id and page.reports_total == 2
    assert [rd.value for rd in page.readings] == ["2021-06-07", "2021-06-09"]
    assert page.readings[0].articles == ["a"] and page.readings[0].basis == ["test reading 2021-06-07"]
    assert [r.key for r in page.reports] == ["a", "b"]
    report = page.reports[0]
    assert report.sentence == "Ana Ruiz met Tom Berg in Lisbon on Monday."
    assert report.sentence[report.timex_start - report.start : report.timex_end - report.start] == "Monday"
    assert dict(page.participants) == {"Ana Ruiz": _entity(conn, "Ana Ruiz"), "Tom Berg": _entity(conn, "Tom Berg")}
    assert page.place == ("Lisbon", _entity(conn, "Lisbon"))
    assert q.event_page(conn, "no-such-event") is None


def test_entity_page_lists_the_entitys_events(conn):
    page = q.entity_page(conn, _entity(conn, "Tom Berg"))
    assert [e.value[:7] for e in page.merged_events] == ["2020", "2021-06"] and page.merged_events_total == 2


def test_a_database_without_events_has_none(db, tmp_path):
    old = tmp_path / "old.db"
    with closing(sqlite3.connect(db)) as src, closing(sqlite3.connect(old)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA user_version=3")
    with closing(q.connect(old)) as c:
        assert q.count_merged_events(c) == 0 and q.merged_events(c) == [] and q.event_density(c) == []
        assert q.merged_event_position(c, q.Filters(), "2021") == 0


def _plan(conn, sql: str, params: list) -> str:
    return " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_the_pages_counts_and_density_read_indexes(conn):
    """Unfiltered, a page and the density are read off the value index in order (no sort of every event);
    an entity's events start from its mentions' index; an article's from the reports' index."""
    page = (
        "SELECT e.rowid FROM event e ORDER BY e.value, e.rowid LIMIT 40 OFFSET 100",
        [],
    )
    plan = _plan(conn, *page)
    assert "idx_event_value" in plan and "TEMP B-TREE" not in plan
    plan = _plan(conn, "SELECT e.value, COUNT(*) FROM event e GROUP BY e.value", [])
    assert "idx_event_value" in plan and "TEMP B-TREE" not in plan
    where, params = me.merged_where(conn, q.Filters(entity=_entity(conn, "Ana Ruiz")))
    plan = _plan(conn, f"SELECT COUNT(*) FROM event e{where}", params)
    assert "entity_article" in plan and "COVERING INDEX idx_mention_article_entity_start" in plan
    assert "SCAN event" not in plan
    where, params = me.merged_where(conn, q.Filters(article=1))
    plan = _plan(conn, f"SELECT COUNT(*) FROM event e{where}", params)
    assert "idx_event_report_article" in plan and "SCAN event" not in plan


def test_a_searchs_events_are_read_off_the_index_by_id_alone(conn):
    where, params = me.merged_where(conn, q.Filters(search="oranges"))
    plan = _plan(conn, f"SELECT e.value, e.rowid FROM {me._events_by_id(conn)}{where}", params)
    assert "COVERING INDEX idx_event_id_value (id=?)" in plan and "SCAN event" not in plan
    for words in ("oranges", "Oslo", "talks"):
        f = q.Filters(search=words)
        where, params = me.merged_where(conn, f)
        through_rows = conn.execute(f"SELECT e.value, e.rowid FROM event e{where} ORDER BY e.value, e.rowid", params)
        assert me._searched_events(conn, f) == [tuple(r) for r in through_rows]


def test_an_event_is_uncertain_when_every_reports_date_is_as_the_least_of_their_flags(tmp_path):
    """The flag looked for as a certain report first, all of them read only when none is: the same as the least
    of every report's flag (NULL without a stored date)."""
    path = tmp_path / "c.db"
    flags = {"a": 1, "b": 0, "c": 1, "e": 0}  # Lisbon: one certain, one not; Oslo 2021: uncertain; d: no date
    with closing(store.connect(path)) as w:
        for key, who, place, value, extra in ARTICLES:
            write.write_article(w, *_article(key, who, place, value, extra), write.EntityCache(w))
        refresh_events(w)
        for key, flag in flags.items():
            w.execute(
                "INSERT INTO timex(article, start, end, text, value, value_start, uncertain) "
                "SELECT r.article, r.timex_start, r.timex_end, 'Monday', r.value, r.value, ? FROM event_report r "
                "JOIN article a ON a.id = r.article WHERE a.key = ?",
                (flag, key),
            )
        w.commit()
    with closing(q.connect(path)) as conn:
        least = dict(
            conn.execute(
                "SELECT e.id, (SELECT MIN(t.uncertain) FROM event_report r JOIN timex t ON t.article = r.article "
                "AND t.start = r.timex_start AND t.end = r.timex_end WHERE r.event = e.id) FROM event e"
            )
        )
        assert sorted(least.values(), key=str) == [0, 0, 1, None]  # each case is there
        shown = dict(conn.execute(f"SELECT e.id, {me.EVENT_COLS.split(', ', 8)[-1]} FROM event e"))
        assert shown == least
        assert {r.id: r.uncertain for r in q.merged_events(conn, q.Filters(), 0, 10)} == {
            ident: bool(flag) for ident, flag in least.items()
        }
