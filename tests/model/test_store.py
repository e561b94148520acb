import sqlite3

import pytest

from model import store
from model.records import Article, Extraction, Mention, Quote


def art(key, text="Xi Jinping met Putin.", **kw):
    a = Article(key=key, text=text, **kw)
    a.sha256 = key + text
    return a


def test_schema_version_and_wal(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_write_replaces_children_atomically(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = store.EntityCache(conn)
    ext = Extraction(sentences=[(0, 21)], mentions=[Mention(0, 10, "Xi Jinping", "PERSON", "Xi Jinping", family="Xi")])
    store.write_article(conn, art("a"), ext, cache)
    store.write_article(conn, art("a"), Extraction(sentences=[(0, 21)]), cache)
    assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM mention").fetchone()[0] == 0


def test_failed_write_leaves_no_partial_article(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = store.EntityCache(conn)
    bad = Extraction(sentences=[(0, 1)], quotes=[Quote(0, 1, "x", "direct", basis=object())])  # unbindable value
    with pytest.raises(sqlite3.Error):
        store.write_article(conn, art("a"), bad, cache)
    assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM sentence").fetchone()[0] == 0


def test_surname_person_merges_into_unique_corpus_full_name(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = store.EntityCache(conn)
    store.write_article(conn, art("a", "Putin spoke."), Extraction(
        mentions=[Mention(0, 5, "Putin", "PERSON", "Putin", family="Putin")],
        quotes=[Quote(0, 5, "x", "indirect", speaker="Putin", speakers=["Putin"])]), cache)
    store.write_article(conn, art("b", "Vladimir Putin spoke."), Extraction(
        mentions=[Mention(0, 14, "Vladimir Putin", "PERSON", "Vladimir Putin", family="Putin")]), cache)
    store.refresh_entities(conn)
    rows = conn.execute("SELECT canonical, mentions, articles FROM entity").fetchall()
    assert [tuple(r) for r in rows] == [("Vladimir Putin", 2, 2)]
    assert conn.execute("SELECT speaker_name FROM quote").fetchone()[0] == "Vladimir Putin"
    aliases = {r[0] for r in conn.execute("SELECT alias FROM alias")}
    assert aliases == {"Putin", "Vladimir Putin"}


def test_ambiguous_surname_is_not_merged(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = store.EntityCache(conn)
    store.write_article(conn, art("a"), Extraction(mentions=[
        Mention(0, 4, "Wang", "PERSON", "Wang", family="Wang"),
        Mention(5, 12, "Wang Yi", "PERSON", "Wang Yi", family="Wang"),
        Mention(13, 24, "Wang Wenbin", "PERSON", "Wang Wenbin", family="Wang")]), cache)
    store.refresh_entities(conn)
    assert {r[0] for r in conn.execute("SELECT canonical FROM entity")} == {"Wang", "Wang Yi", "Wang Wenbin"}


def test_not_our_database(tmp_path):
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE foo(x)")
    c.commit()
    c.close()
    with pytest.raises(store.StoreError, match="another program"):
        store.connect(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(store.StoreError, match="not a sinorus-tui database"):
        store.connect(junk)


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "new.db"
    c = sqlite3.connect(p)
    c.execute("PRAGMA user_version=99")
    c.commit()
    c.close()
    with pytest.raises(store.StoreError, match="newer"):
        store.connect(p)


def test_fts_indexes_articles(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    store.write_article(conn, art("a", "Gazprom signed a pipeline deal.", title="Power of Siberia"),
                        Extraction(), store.EntityCache(conn))
    hits = conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH 'pipeline'").fetchall()
    assert len(hits) == 1


def test_incremental_refresh_resolves_an_older_surname_and_drops_orphans(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    first = store.EntityCache(conn)
    store.write_article(conn, art("a", "Putin spoke."), Extraction(
        mentions=[Mention(0, 5, "Putin", "PERSON", "Putin", family="Putin"),
                  Mention(6, 11, "Lavrov", "PERSON", "Lavrov", family="Lavrov")]), first)
    store.refresh_entities(conn, first.touched)
    second = store.EntityCache(conn)  # a later run that never touches the "Putin" entity itself
    store.write_article(conn, art("b", "Vladimir Putin spoke."), Extraction(
        mentions=[Mention(0, 14, "Vladimir Putin", "PERSON", "Vladimir Putin", family="Putin")]), second)
    store.write_article(conn, art("a", "Putin spoke again."), Extraction(  # a's new text no longer names Lavrov
        mentions=[Mention(0, 5, "Putin", "PERSON", "Putin", family="Putin")]), second)
    store.refresh_entities(conn, second.touched)
    rows = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT canonical, mentions, articles FROM entity")}
    assert rows == {"Vladimir Putin": (2, 2)}
    assert {r[0] for r in conn.execute("SELECT alias FROM alias")} == {"Putin", "Vladimir Putin"}
