"""The stale marks: set before an ingest's first write, cleared by the refresh that commits."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from model.corpus import staleness, store
from model.corpus.entity_refresh import rebuild_entities, refresh_entities


def test_marks_are_set_in_their_own_transaction_and_cleared_with_the_refresh(tmp_path):
    db = tmp_path / "c.db"
    with closing(store.connect(db)) as conn:
        assert staleness.stale(conn) == {}
        staleness.mark(conn)
        assert not conn.in_transaction
        assert staleness.stale(conn).keys() == {staleness.COUNTS, staleness.MERGES}
        rebuild_entities(conn, merge=False)  # a reader's recount: the merges stay pending
        assert staleness.stale(conn).keys() == {staleness.MERGES}
        refresh_entities(conn, set())
        assert staleness.stale(conn) == {} and staleness.stale_since(conn) is None


def test_a_refresh_that_fails_leaves_the_mark(tmp_path):
    db = tmp_path / "c.db"
    with closing(store.connect(db)) as conn:
        staleness.mark(conn)
        conn.execute("DROP TABLE alias")  # the refresh's rebuild of aliases fails half-way
        try:
            rebuild_entities(conn)
        except sqlite3.OperationalError:
            pass
        assert staleness.stale_since(conn)


def test_a_database_from_before_the_marks_reads_as_whole(tmp_path):
    db = tmp_path / "old.db"
    store.connect(db).close()
    with closing(store.connect(db, readonly=True)) as conn:
        assert staleness.stale(conn) == {}
