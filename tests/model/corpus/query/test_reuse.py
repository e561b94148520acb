"""What a list's count found is reused by its pages on the same connection, and never once the database has
changed: a write between two reads (by another connection or by the reader's own) is always seen."""

from __future__ import annotations

import sqlite3
from array import array
from contextlib import closing

import pytest

from model.corpus import query as q
from model.corpus import store, write
from model.corpus.event_refresh import refresh_events
from model.corpus.query import reuse
from model.corpus.statement_refresh import refresh_statements
from tests.model.corpus.query.test_statement_search import _corpus
from tests.model.corpus.test_event_list import _article


@pytest.fixture(autouse=True)
def nothing_kept():
    reuse.forget()
    yield
    reuse.forget()


def _table(path) -> None:
    with closing(sqlite3.connect(path)) as c:
        c.execute("CREATE TABLE t (x INTEGER)")
        c.execute("INSERT INTO t VALUES (1)")
        c.commit()


def _count(conn) -> object:
    return reuse.reused(conn, "t", lambda: conn.execute("SELECT COUNT(*) FROM t").fetchone()[0])


def test_a_result_is_reused_until_another_connection_commits(tmp_path):
    path = tmp_path / "t.db"
    _table(path)
    calls = []
    with closing(sqlite3.connect(path)) as reader, closing(sqlite3.connect(path)) as writer:

        def counted():
            calls.append(1)
            return reader.execute("SELECT COUNT(*) FROM t").fetchone()[0]

        assert reuse.reused(reader, "t", counted) == 1
        assert reuse.reused(reader, "t", counted) == 1
        assert len(calls) == 1
        writer.execute("INSERT INTO t VALUES (2)")
        writer.commit()
        assert reuse.reused(reader, "t", counted) == 2
        assert len(calls) == 2


def test_the_readers_own_write_is_seen(tmp_path):
    path = tmp_path / "t.db"
    _table(path)
    with closing(sqlite3.connect(path)) as conn:
        assert _count(conn) == 1
        conn.execute("INSERT INTO t VALUES (2)")
        conn.commit()
        assert _count(conn) == 2


def test_results_are_kept_per_connection(tmp_path):
    path = tmp_path / "t.db"
    _table(path)
    with closing(sqlite3.connect(path)) as one, closing(sqlite3.connect(path)) as two:
        assert reuse.reused(one, "k", lambda: "one") == "one"
        assert reuse.reused(two, "k", lambda: "two") == "two"
        assert reuse.reused(one, "k", lambda: "again") == "one"


def test_what_is_kept_is_bounded(tmp_path):
    path = tmp_path / "t.db"
    _table(path)
    with closing(sqlite3.connect(path)) as conn:
        for i in range(reuse.KEEP + 5):
            reuse.reused(conn, i, lambda i=i: i)
        assert reuse.reused(conn, 0, lambda: "read again") == "read again"  # the oldest went first
        assert reuse.reused(conn, reuse.KEEP + 4, lambda: "read again") == reuse.KEEP + 4
        many = array("q", range(reuse.MAX_IDS + 1))
        assert reuse.reused(conn, "many", lambda: many) is many
        assert reuse.reused(conn, "many", lambda: "read again") == "read again"  # too large to keep


def _quote_article(key: str, text: str):
    """An article with one quote of a named speaker (its words `text`)."""
    from model.records import Article, Extraction, Quote

    body = f"Ada Brook said {text}."
    art = Article(key=key, text=body, title=key, source="Wire", published="2022-05-01", sha256=key)
    quote = Quote(15, 15 + len(text), text, "indirect", speaker="Ada Brook", speakers=[])
    return art, Extraction(sentences=[(0, len(body))], quotes=[quote])


def test_statements_counted_then_written_then_read_again_are_current(tmp_path):
    path = tmp_path / "c.db"
    _corpus(path).close()
    f = q.Filters(search="harbour")
    with closing(q.connect(path)) as reader:
        _statements_read_written_read_again(
            reader, f, path, _quote_article("new", "the harbour fees double"), "fees double"
        )


def _statements_read_written_read_again(reader, f: q.Filters, path, article, words: str) -> None:
    """`f`'s statements counted and read, `article` (one quote, new `words` in it) written by another
    connection, then counted and read again: one more, and the new words among them."""
    before = q.count_statements(reader, f)
    assert len(q.statements(reader, f, "date", 0, 100, before)) == before > 0
    with closing(store.connect(path)) as writer:
        write.write_article(writer, *article, write.EntityCache(writer))
        writer.commit()
        refresh_statements(writer)
    after = q.count_statements(reader, f)
    assert after == before + 1
    rows = q.statements(reader, f, "date", 0, 100, after)
    assert len(rows) == after and any(words in r.text for r in rows)


def test_events_counted_then_written_then_read_again_are_current(tmp_path):
    path = tmp_path / "e.db"
    with closing(store.connect(path)) as c:
        write.write_article(
            c, *_article("a", ("Ana Ruiz", "Tom Berg"), "Lisbon", "2021-06-07", " Oranges."), write.EntityCache(c)
        )
        refresh_events(c)
    f = q.Filters(search="oranges")
    with closing(q.connect(path)) as reader:
        assert q.count_merged_events(reader, f) == 1
        assert q.value_counts(reader, f) == [("2021-06-07", 1)]
        with closing(store.connect(path)) as writer:
            extra = _article("b", ("Eva Lind", "Max Holt"), "Oslo", "2021-08-02", " Oranges again.")
            write.write_article(writer, *extra, write.EntityCache(writer))
            refresh_events(writer)
        assert q.count_merged_events(reader, f) == 2
        assert q.value_counts(reader, f) == [("2021-06-07", 1), ("2021-08-02", 1)]
        assert [r.value for r in q.merged_events(reader, f, 0, 10)] == ["2021-06-07", "2021-08-02"]


def _board_quote_article(key: str, text: str):
    """An article whose one quote (its words `text`, by Cyril Dane) names the Grain Board inside it."""
    from model.records import Article, Extraction, Mention, Quote

    said = f"the Grain Board {text}"
    body = f"Cyril Dane said {said}."
    art = Article(key=key, text=body, title=key, source="Wire", published="2022-05-02", sha256=key)
    quote = Quote(16, 16 + len(said), said, "indirect", speaker="Cyril Dane", speakers=[])
    mentions = [
        Mention(0, 10, "Cyril Dane", "PERSON", "Cyril Dane", family="Dane"),
        Mention(20, 31, "Grain Board", "ORG", "Grain Board"),
    ]
    return art, Extraction(sentences=[(0, len(body))], mentions=mentions, quotes=[quote])


# the entity's wordings among the matching wordings (schema 16), or (before it) its quotes looked up among the
# matches or the matches in the summary
@pytest.mark.parametrize("side", ["wordings", "quotes", "matches"])
def test_an_entitys_searched_statements_written_then_read_again_are_current(tmp_path, monkeypatch, side):
    import importlib

    st = importlib.import_module("model.corpus.query.statements")
    if side != "wordings":
        monkeypatch.setattr(st, "ENTITY_WORDING_VERSION", 10**6)
    if side == "matches":
        monkeypatch.setattr(st, "capped", lambda *a, **k: 0)  # the matches counted as none: fewer than its quotes
    path = tmp_path / "c.db"
    _corpus(path).close()
    with closing(q.connect(path)) as reader:
        board = reader.execute("SELECT id FROM entity WHERE canonical = 'Grain Board'").fetchone()[0]
        f = q.Filters(search="rule", entity=board)
        plan = {"wordings": st._ENTITYS_WORDINGS_MATCHING, "quotes": st._ENTITYS_MATCHING}
        assert st._where(reader, f)[0] == plan.get(side, st._MATCHES_OF_ENTITY)
        extra = _board_quote_article("new", "keeps the rule of ports")
        _statements_read_written_read_again(reader, f, path, extra, "rule of ports")


def test_an_entitys_searched_events_written_then_read_again_are_current(tmp_path):
    path = tmp_path / "e.db"
    with closing(store.connect(path)) as c:
        write.write_article(
            c, *_article("a", ("Ana Ruiz", "Tom Berg"), "Lisbon", "2021-06-07", " Oranges."), write.EntityCache(c)
        )
        refresh_events(c)
    with closing(q.connect(path)) as reader:
        ana = reader.execute("SELECT id FROM entity WHERE canonical = 'Ana Ruiz'").fetchone()[0]
        f = q.Filters(search="oranges", entity=ana)
        assert q.value_counts(reader, f) == [("2021-06-07", 1)]
        with closing(store.connect(path)) as writer:
            extra = _article("b", ("Ana Ruiz", "Max Holt"), "Oslo", "2021-08-02", " Oranges again.")
            write.write_article(writer, *extra, write.EntityCache(writer))
            refresh_events(writer)
        assert q.value_counts(reader, f) == [("2021-06-07", 1), ("2021-08-02", 1)]
        assert q.count_merged_events(reader, f) == 2
        assert [r.value for r in q.merged_events(reader, f, 0, 10)] == ["2021-06-07", "2021-08-02"]
