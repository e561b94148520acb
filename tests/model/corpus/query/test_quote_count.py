"""Every quote counted once for the Quotes list whatever its sort (`reuse`): the count is not read again on the
same connection while the database is as it was, and is read again once another connection has written."""

from __future__ import annotations

from contextlib import closing

import pytest

from model.corpus import query as q
from model.corpus import store
from model.corpus.query import reuse
from tests.model.corpus.test_statement_refresh import _store


@pytest.fixture(autouse=True)
def nothing_kept():
    reuse.forget()
    yield
    reuse.forget()


def test_every_quote_is_counted_once_until_the_corpus_changes(tmp_path):
    path = tmp_path / "c.db"
    with closing(store.connect(path)) as conn:
        _store(conn, "a", "Ana Ruiz")
    with closing(q.connect(path)) as reader:
        counts = []
        reader.set_trace_callback(lambda sql: counts.append(sql) if "COUNT(*) FROM quote" in sql else None)
        assert q.count_quotes(reader) == 1 and q.count_quotes(reader) == 1
        assert len(counts) == 1  # the second sort's count: the first's
        with closing(store.connect(path)) as writer:
            _store(writer, "b", "Tom Berg", "the river is too wide for a bridge", "indirect")
        assert q.count_quotes(reader) == 2 and len(counts) == 2
        assert q.count_quotes(reader, q.Filters(said="2024")) == 2 and len(counts) == 3  # a filtered one: its own
