"""The statements' wordings in a full-text index of their own (schema 14): kept by every grouping, made by the
upgrade from 13, and what a search of words alone finds its statements by."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from model.corpus import query as q
from model.corpus import schema, statement_words, store, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.statement_refresh import refresh_statements
from model.records import Article, Extraction, Mention, Quote


def _store(conn, key: str, speaker: str, words: str, published: str = "2024-05-02") -> None:
    text = f"{speaker} said: “{words}” and left."
    start = text.index(words)
    mention = Mention(0, len(speaker), speaker, "PERSON", speaker, family=speaker.split()[-1])
    quote = Quote(
        start, start + len(words), words, "direct", speaker=speaker, speaker_start=0, speaker_end=len(speaker)
    )
    art = Article(key=key, text=text, sha256=key + words, published=published)
    cache = write.EntityCache(conn)
    write.write_article(conn, art, Extraction(sentences=[(0, len(text))], mentions=[mention], quotes=[quote]), cache)
    refresh_entities(conn, cache.touched)


def _indexed(conn) -> list[tuple]:
    return [
        tuple(r)
        for r in conn.execute(f"SELECT rowid, text, speaker FROM {statement_words.STATEMENT_FTS} ORDER BY rowid")
    ]


def _expected(conn) -> list[tuple]:
    """Each statement's distinct wordings in page order, under its rowid, with its speaker."""
    rows = []
    for rowid, sid, speaker in conn.execute("SELECT rowid, id, speaker FROM statement ORDER BY rowid").fetchall():
        texts = [
            r[0]
            for r in conn.execute(
                "SELECT q.text FROM quote_statement qs JOIN quote q ON q.id = qs.quote WHERE qs.statement = ? "
                "ORDER BY qs.place",
                (sid,),
            )
        ]
        rows += statement_words.wording_rows(rowid, speaker, texts)
    return rows


BRIDGE = "The new bridge will carry trains across the river before the winter"
PORT = "The port will open to grain ships in the spring"


def _corpus(path) -> None:
    with closing(store.connect(path)) as conn:
        _store(conn, "a", "Ana Ruiz", BRIDGE)
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains across the river", "2024-05-04")
        _store(conn, "c", "Ana Ruiz", BRIDGE, "2024-05-05")  # the same words again: one wording indexed
        _store(conn, "d", "Bo Lind", PORT)
        refresh_statements(conn)


def test_every_grouping_keeps_the_index_to_the_statements(tmp_path):
    path = tmp_path / "c.db"
    _corpus(path)
    with closing(store.connect(path)) as conn:
        first = _indexed(conn)
        assert first == _expected(conn) and len(first) == 3  # two wordings of Ruiz's statement, one of Lind's
        _store(conn, "e", "Bo Lind", "The port will open to grain ships", "2024-06-01")
        _store(conn, "f", "Cy Moss", "Tolls on the bridge will fall")
        refresh_statements(conn)
        assert _indexed(conn) == _expected(conn) and len(_indexed(conn)) == 5
        write.delete_article(conn, "d")
        write.delete_article(conn, "b")
        refresh_statements(conn)
        assert _indexed(conn) == _expected(conn) and len(_indexed(conn)) == 3
        refresh_statements(conn, everything=True)
        assert _indexed(conn) == _expected(conn) and len(_indexed(conn)) == 3
    with closing(q.connect(path)) as conn:
        assert q.count_statements(conn, q.Filters(search="bridge"), cap=10) == 2
        assert q.count_statements(conn, q.Filters(search="grain ships"), cap=10) == 1
        assert q.count_statements(conn, q.Filters(search="Moss"), cap=10) == 1  # the speaker is indexed too


def test_the_upgrade_from_13_indexes_what_the_grouping_indexes_and_the_event_values(tmp_path):
    path = tmp_path / "c.db"
    _corpus(path)
    with closing(store.connect(path)) as conn:
        grouped = _indexed(conn)
    with closing(sqlite3.connect(path)) as c:  # as version 13 made it
        c.execute(f"DROP TABLE {statement_words.STATEMENT_FTS}")
        c.execute("DROP INDEX idx_event_id_value")
        c.execute("PRAGMA user_version=13")
        c.commit()
    with closing(q.connect(path)) as conn:  # read as it is: through the quotes, the same statements
        assert q.count_statements(conn, q.Filters(search="bridge"), cap=10) == 1
        assert q.count_statements(conn, q.Filters(search="bridge")) == 1
    seen = []
    with closing(store.connect(path, progress=lambda done, total: seen.append((done, total)))) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 15
        assert _indexed(conn) == grouped and seen == [(0, 4), (4, 4)] * 2  # to 14, then to 15
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'idx_event_id_value'").fetchone()


def test_a_statement_of_more_wordings_than_slots_keeps_the_rest_in_its_last():
    texts = [f"wording {i}" for i in range(statement_words.WORDING_SLOTS + 4)] + ["wording 0"]
    rows = statement_words.wording_rows(3, "Ana Ruiz", texts)
    assert len(rows) == statement_words.WORDING_SLOTS
    assert [r[0] for r in rows] == list(range(3 * statement_words.WORDING_SLOTS, 4 * statement_words.WORDING_SLOTS))
    assert rows[-1][1] == " … ".join(
        f"wording {i}" for i in range(statement_words.WORDING_SLOTS - 1, statement_words.WORDING_SLOTS + 4)
    )
    assert all(r[2] == "Ana Ruiz" for r in rows)
