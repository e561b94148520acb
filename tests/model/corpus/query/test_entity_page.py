"""An entity page's counts per month (its sparklines): articles that mention it, quotes it speaks."""

from __future__ import annotations

import shutil
import sqlite3
import sys

import pytest

from model.corpus import query as q
from model.corpus.query.entity_page import mentioned_months, spoke_months
from tests.model.corpus.helpers import as_version_1
from tests.tui.fixture_db import build


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("months") / "corpus.db")


def _id(conn, name):
    return q.entities(conn, q.Filters(name=name))[0].id


def test_months_count_articles_and_spoken_quotes_in_month_order(built):
    with q.connect(built) as conn:
        china, putin, zakharova = (_id(conn, n) for n in ("China", "Vladimir Putin", "Maria Zakharova"))
        assert mentioned_months(conn, china) == [("2021-06", 1), ("2022-02", 1), ("2023-02", 1)]
        assert spoke_months(conn, china) == [("2021-06", 1)]  # mentioned in three months, quoted in one
        assert spoke_months(conn, putin) == [("2022-02", 1), ("2023-02", 1)]
        assert mentioned_months(conn, zakharova) == []  # her one article is undated
        page = q.entity_page(conn, putin)
        assert page.mentioned_months == [("2022-02", 1), ("2023-02", 1)] and page.spoke_months == page.mentioned_months


def test_a_date_without_its_month_is_left_out_and_the_summary_follows_a_new_date(built, tmp_path):
    path = tmp_path / "c.db"
    shutil.copy(built, path)
    with sqlite3.connect(path) as w:
        w.execute("UPDATE article SET published = '2021' WHERE published = '2021-06-01'")
        w.execute("UPDATE article SET published = '2022-03-01' WHERE published = '2022-02-05'")
    with q.connect(path) as conn:
        china = _id(conn, "China")
        assert mentioned_months(conn, china) == [("2022-03", 1), ("2023-02", 1)]
        assert spoke_months(conn, china) == []


def test_the_months_read_from_the_summary_are_those_the_joins_give(built, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(built, old)
    as_version_1(old)
    with q.connect(built) as new_conn, q.connect(old) as old_conn:
        for e in q.entities(new_conn, q.Filters(), 0, 100):
            for months in (mentioned_months, spoke_months):
                assert months(new_conn, e.id, True) == months(old_conn, e.id, False), (e.name, months.__name__)


def test_the_month_counts_read_a_covering_index(built):
    with q.connect(built) as conn:
        china = _id(conn, "China")
        for months in (mentioned_months, spoke_months):
            ran: list[str] = []
            conn.set_trace_callback(ran.append)
            months(conn, china, True)
            conn.set_trace_callback(None)
            (sql,) = [s for s in ran if "GROUP BY" in s]
            plan = " ".join(str(r) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
            # read newest first along the index and stopped at the cap: no table scan, no sort before the limit
            assert "COVERING INDEX" in plan and "SCAN entity" not in plan and "FOR ORDER BY" not in plan, plan


def test_the_months_count_the_latest_rows_only(built, monkeypatch):
    monkeypatch.setattr(sys.modules["model.corpus.query.entity_page"], "MONTHS_ROWS", 2)
    with q.connect(built) as conn:
        china = _id(conn, "China")
        assert mentioned_months(conn, china) == [("2022-02", 1), ("2023-02", 1)]  # not its 2021 article
        assert mentioned_months(conn, china, False) == [("2022-02", 1), ("2023-02", 1)]


def test_a_page_read_as_its_head_then_its_rest_is_the_page_read_at_once(built, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(built, old)
    as_version_1(old)  # the joins' plans too
    for path in (built, old):
        with q.connect(path) as conn:
            for e in q.entities(conn, q.Filters(), 0, 100):
                head = q.entity_page_head(conn, e.id, limit=3)
                assert not head.complete and head.mentions and not head.quotes_by and not head.cooccurring
                whole = q.entity_page_rest(conn, head, limit=3)
                assert whole == q.entity_page(conn, e.id, limit=3) and whole.complete, e.name
                assert q.entity_page_rest(conn, whole) is whole  # read already
        with q.connect(path) as conn:
            assert q.entity_page_head(conn, 999999) is None
