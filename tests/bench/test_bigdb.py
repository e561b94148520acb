"""The benchmark's big corpus builder: its statements are those an ingest of the copies would group, counts,
outlets and wordings' places included (the fullest wording aside: `bigdb.restate`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from model.corpus import schema, store
from model.corpus.statement_refresh import refresh_statements
from tests.bench import bigdb
from tests.model.corpus.test_statement_refresh import _store

STATEMENT_FIELDS = "id, part, speaker, kind, text, first, last, articles, outlets, quotes, sources"


def _statements(path) -> tuple[list, list]:
    with closing(sqlite3.connect(path)) as c:
        return (
            c.execute(f"SELECT {STATEMENT_FIELDS} FROM statement ORDER BY id").fetchall(),
            c.execute("SELECT quote, statement, place FROM quote_statement ORDER BY quote").fetchall(),
        )


def _as_version_12(path) -> None:
    """A database as schema 12 made it: no wordings' places or statements' outlets."""
    with closing(sqlite3.connect(path)) as c:
        c.execute(f"DROP INDEX {schema.STATEMENT_PAGE_INDEX}")
        for table, column, _kind in schema.STATEMENT_PAGE_COLUMNS:
            c.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        c.execute("PRAGMA user_version=12")
        c.commit()


@pytest.mark.parametrize("version", [12, schema.SCHEMA_VERSION])
def test_the_copies_statements_are_those_a_grouping_of_the_copies_makes(tmp_path, version):
    source, out = tmp_path / "source.db", tmp_path / "big.db"
    with closing(store.connect(source)) as conn:
        _store(conn, "a", "Ana Ruiz", published="2024-05-02", source="Daily Post")
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial", published="2024-05-04", source=None)
        _store(conn, "c", "Tom Berg", "the river is too wide for a bridge", "indirect", published=None, source="Star")
        refresh_statements(conn)
    if version == 12:  # an older build's source: the copy is upgraded
        _as_version_12(source)
    bigdb.build(str(source), str(out), target=9, log=lambda _line: None)
    built = _statements(out)
    statements, places = built
    assert sorted(r[9] for r in statements) == [3, 6]  # each copy's quote joined its source's statement
    assert sorted(r[8] for r in statements) == [1, 4]  # outlets: each article of none an outlet of its own
    assert len({p for _q, s, p in places if s == statements[0][0]}) == statements[0][9]  # a place each
    with closing(store.connect(out)) as conn:
        refresh_statements(conn, everything=True)
    assert _statements(out) == built
