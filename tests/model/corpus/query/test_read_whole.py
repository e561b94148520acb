"""Reads of many rows taken as one (`base.ints`, `base.pairs`): the same values as row by row, whatever their number,
none at all when there are none, and a bounded one stopped as `within` stops."""

from __future__ import annotations

import sqlite3

from model.corpus.query import base


def _table(n: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, day TEXT)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?)", ((i, None if i % 7 == 0 else f"2024-0{i % 9 + 1}") for i in range(1, n))
    )
    return conn


def test_the_ids_of_many_rows_read_as_one_are_those_row_by_row():
    conn = _table(20_000)
    sql = "SELECT id FROM t WHERE id % 3 = 0"
    assert sorted(base.ints(conn, sql)) == [r[0] for r in conn.execute(sql + " ORDER BY id")]
    assert len(base.ints(conn, "SELECT id FROM t WHERE id < 0")) == 0


def test_pairs_of_many_rows_read_as_one_keep_their_nulls():
    conn = _table(5_000)
    sql = "SELECT day, id FROM t WHERE id > ?"
    assert sorted(base.pairs(conn, sql, (100,)), key=lambda p: p[1]) == [
        tuple(r) for r in conn.execute(sql + " ORDER BY id", (100,))
    ]
    assert base.pairs(conn, sql, (10**6,)) == []


def test_a_bounded_read_of_ids_stops_as_within_does():
    conn = _table(50_000)
    sql = "SELECT a.id FROM t a JOIN t b ON b.id = a.id + 1"
    assert base.within_ints(conn, sql, (), 100) is None
    assert len(base.within_ints(conn, sql, (), 10**9)) == 50_000 - 2
