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
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 18
        assert _indexed(conn) == grouped and seen == [(0, 4), (4, 4)] * 5  # to 14, 15, 16, 17, then 18
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


def _entity_wordings(conn) -> set[tuple]:
    return {tuple(r) for r in conn.execute(f"SELECT entity, wording FROM {statement_words.ENTITY_WORDING}")}


def _made_again(conn) -> set[tuple]:
    """The wordings' entities as made from the stored statements and summary, in a transaction rolled back."""
    conn.execute("SAVEPOINT again")
    statement_words.fill_entity_wordings(conn)
    rows = _entity_wordings(conn)
    conn.execute("ROLLBACK TO again")
    conn.execute("RELEASE again")
    return rows


def _named(conn, *names: str) -> set[int]:
    return {
        r[0] for r in conn.execute(f"SELECT id FROM entity WHERE canonical IN ({','.join('?' * len(names))})", names)
    }


def test_the_wordings_entities_follow_every_grouping_deletion_and_entity_merge(tmp_path):
    path = tmp_path / "c.db"
    _corpus(path)
    with closing(store.connect(path)) as conn:
        first = _entity_wordings(conn)
        assert first == _made_again(conn) and {e for e, _ in first} == _named(conn, "Ana Ruiz", "Bo Lind")
        _store(conn, "e", "Lind", "The port will open to grain ships", "2024-06-01")  # a family name alone
        refresh_statements(conn)
        assert _entity_wordings(conn) == _made_again(conn)
        _store(conn, "f", "Cy Moss", "Tolls on the bridge will fall")
        write.delete_article(conn, "a")
        refresh_statements(conn)
        now = _entity_wordings(conn)
        assert now == _made_again(conn) and _named(conn, "Cy Moss") <= {e for e, _ in now}
        refresh_statements(conn, everything=True)  # the statements numbered again
        assert _entity_wordings(conn) == _made_again(conn) and len(_entity_wordings(conn)) == len(now)
        now = _entity_wordings(conn)
    with closing(sqlite3.connect(path)) as c:  # as version 15 made it
        c.execute(f"DROP TABLE {statement_words.ENTITY_WORDING}")
        c.execute("PRAGMA user_version=15")
        c.commit()
    with closing(q.connect(path)) as conn:  # read as it is: through the quotes
        ruiz = _named(conn, "Ana Ruiz").pop()
        assert q.count_statements(conn, q.Filters(search="trains", entity=ruiz)) == 1
    with closing(store.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 18
        assert _entity_wordings(conn) == now
        assert q.count_statements(conn, q.Filters(search="trains", entity=ruiz)) == 1
        assert q.count_statements(conn, q.Filters(search="grain", entity=ruiz)) == 0


def test_an_entity_merged_into_another_takes_its_wordings(tmp_path):
    path = tmp_path / "c.db"
    with closing(store.connect(path)) as conn:
        _store(conn, "a", "Lind", "The port will open to grain ships")
        refresh_statements(conn)
        alone = _named(conn, "Lind")
        assert alone and {e for e, _ in _entity_wordings(conn)} == alone
        _store(conn, "b", "Bo Lind", "Fees at the port will rise", "2024-05-03")  # the full name: Lind is Bo Lind
        refresh_statements(conn)
        assert not _named(conn, "Lind")
        assert {e for e, _ in _entity_wordings(conn)} == _named(conn, "Bo Lind")
        assert _entity_wordings(conn) == _made_again(conn) and len(_entity_wordings(conn)) == 2
    with closing(q.connect(path)) as conn:
        assert q.count_statements(conn, q.Filters(search="grain", entity=_named(conn, "Bo Lind").pop())) == 1


def test_a_name_inside_a_quote_merged_into_a_full_name_moves_with_its_wording(tmp_path):
    """Lind's words name "Ruiz"; an article naming Ana Ruiz makes Ruiz hers: Lind's statement is not grouped again
    (its speaker is the same), and its wording is found under Ana Ruiz."""
    path = tmp_path / "c.db"
    words = "Ruiz will open the port to grain ships"
    text = f"Bo Lind said: “{words}” and left."
    start = text.index(words)
    mentions = [
        Mention(0, 7, "Bo Lind", "PERSON", "Bo Lind", family="Lind"),
        Mention(start, start + 4, "Ruiz", "PERSON", "Ruiz", family="Ruiz"),
    ]
    quote = Quote(start, start + len(words), words, "direct", speaker="Bo Lind", speaker_start=0, speaker_end=7)
    with closing(store.connect(path)) as conn:
        cache = write.EntityCache(conn)
        ext = Extraction(sentences=[(0, len(text))], mentions=mentions, quotes=[quote])
        write.write_article(conn, Article(key="a", text=text, sha256="a", published="2024-05-02"), ext, cache)
        refresh_entities(conn, cache.touched)
        refresh_statements(conn)
        assert {e for e, _ in _entity_wordings(conn)} == _named(conn, "Bo Lind", "Ruiz")
        _store(conn, "b", "Ana Ruiz", "Tolls on the bridge will fall", "2024-05-03")
        refresh_statements(conn)
        assert not _named(conn, "Ruiz") and _entity_wordings(conn) == _made_again(conn)
    with closing(q.connect(path)) as conn:
        assert q.count_statements(conn, q.Filters(search="grain", entity=_named(conn, "Ana Ruiz").pop())) == 1
