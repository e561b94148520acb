import json
import sqlite3
from contextlib import closing

import pytest

from model.corpus import query as q
from model.corpus import schema, store, summary, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote, Timex
from tests.model.corpus.helpers import as_version_1


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
    cache = EntityCache(conn)
    ext = Extraction(sentences=[(0, 21)], mentions=[Mention(0, 10, "Xi Jinping", "PERSON", "Xi Jinping", family="Xi")])
    write_article(conn, art("a"), ext, cache)
    write_article(conn, art("a"), Extraction(sentences=[(0, 21)]), cache)
    assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM mention").fetchone()[0] == 0


def test_failed_write_leaves_no_partial_article(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    bad = Extraction(sentences=[(0, 1)], quotes=[Quote(0, 1, "x", "direct", basis=object())])  # unbindable value
    with pytest.raises(sqlite3.Error):
        write_article(conn, art("a"), bad, cache)
    assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM sentence").fetchone()[0] == 0


def test_surname_person_merges_into_unique_corpus_full_name(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    write_article(
        conn,
        art("a", "Putin spoke."),
        Extraction(
            mentions=[Mention(0, 5, "Putin", "PERSON", "Putin", family="Putin")],
            quotes=[Quote(0, 5, "x", "indirect", speaker="Putin", speakers=["Putin"])],
        ),
        cache,
    )
    write_article(
        conn,
        art("b", "Vladimir Putin spoke."),
        Extraction(mentions=[Mention(0, 14, "Vladimir Putin", "PERSON", "Vladimir Putin", family="Putin")]),
        cache,
    )
    refresh_entities(conn)
    rows = conn.execute("SELECT canonical, mentions, articles FROM entity").fetchall()
    assert [tuple(r) for r in rows] == [("Vladimir Putin", 2, 2)]
    assert conn.execute("SELECT speaker_name FROM quote").fetchone()[0] == "Vladimir Putin"
    aliases = {r[0] for r in conn.execute("SELECT alias FROM alias")}
    assert aliases == {"Putin", "Vladimir Putin"}


def test_ambiguous_surname_is_not_merged(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    write_article(
        conn,
        art("a"),
        Extraction(
            mentions=[
                Mention(0, 4, "Wang", "PERSON", "Wang", family="Wang"),
                Mention(5, 12, "Wang Yi", "PERSON", "Wang Yi", family="Wang"),
                Mention(13, 24, "Wang Wenbin", "PERSON", "Wang Wenbin", family="Wang"),
            ]
        ),
        cache,
    )
    refresh_entities(conn)
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
    write_article(
        conn,
        art("a", "Gazprom signed a pipeline deal.", title="Power of Siberia"),
        Extraction(),
        EntityCache(conn),
    )
    hits = conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH 'pipeline'").fetchall()
    assert len(hits) == 1


def test_incremental_refresh_resolves_an_older_surname_and_drops_orphans(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    first = EntityCache(conn)
    write_article(
        conn,
        art("a", "Putin spoke."),
        Extraction(
            mentions=[
                Mention(0, 5, "Putin", "PERSON", "Putin", family="Putin"),
                Mention(6, 11, "Lavrov", "PERSON", "Lavrov", family="Lavrov"),
            ]
        ),
        first,
    )
    refresh_entities(conn, first.touched)
    second = EntityCache(conn)  # a later run that never touches the "Putin" entity itself
    write_article(
        conn,
        art("b", "Vladimir Putin spoke."),
        Extraction(mentions=[Mention(0, 14, "Vladimir Putin", "PERSON", "Vladimir Putin", family="Putin")]),
        second,
    )
    write_article(
        conn,
        art("a", "Putin spoke again."),
        Extraction(  # a's new text no longer names Lavrov
            mentions=[Mention(0, 5, "Putin", "PERSON", "Putin", family="Putin")]
        ),
        second,
    )
    refresh_entities(conn, second.touched)
    rows = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT canonical, mentions, articles FROM entity")}
    assert rows == {"Vladimir Putin": (2, 2)}
    assert {r[0] for r in conn.execute("SELECT alias FROM alias")} == {"Putin", "Vladimir Putin"}


# ---------------------------------------------------------------- per-entity summary


def _summary(conn) -> dict[str, set[tuple]]:
    return {t: {tuple(r) for r in conn.execute(f"SELECT * FROM {t}")} for t in (*summary.SUMMARY_TABLES, "event_day")}


def _rebuilt(conn) -> dict[str, set[tuple]]:
    """The summary as a rebuild from the base rows gives it (rolled back after)."""
    conn.execute("BEGIN")
    summary.summarise_all(conn)
    rows = _summary(conn)
    conn.execute("ROLLBACK")
    rows["event_day"] = {
        tuple(r)
        for r in conn.execute(
            "SELECT value_start, COUNT(*) FROM timex WHERE value_start IS NOT NULL GROUP BY value_start"
        )
    }
    return rows


def _putin_article(key="a", published="2023-01-02"):
    # sentence 0: "Putin said "Xi is a friend"."   sentence 1: "On Monday Lavrov left."
    text = 'Putin said "Xi is a friend". On Monday Lavrov left.'
    ext = Extraction(
        sentences=[(0, 28), (29, 51)],
        mentions=[
            Mention(0, 5, "Putin", "PERSON", "Vladimir Putin", family="Putin"),
            Mention(12, 14, "Xi", "PERSON", "Xi Jinping", family="Xi"),
            Mention(39, 45, "Lavrov", "PERSON", "Sergei Lavrov", family="Lavrov"),
        ],
        quotes=[Quote(12, 26, "Xi is a friend", "direct", speaker="Vladimir Putin", speakers=["Vladimir Putin"])],
        timexes=[
            Timex(32, 38, "Monday", "DATE", "2023-01-02", sentence=1, value_start="2023-01-02", value_end="2023-01-02"),
            Timex(40, 41, "x", "DATE", None, sentence=0),
        ],
    )  # undated: no event
    return art(key, text, published=published), ext


def test_summary_rows_of_an_article(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    aid = write_article(conn, *_putin_article(), cache)
    ids = {r[1]: r[0] for r in conn.execute("SELECT id, canonical FROM entity")}
    putin, xi, lavrov = ids["Vladimir Putin"], ids["Xi Jinping"], ids["Sergei Lavrov"]
    qid = conn.execute("SELECT id FROM quote").fetchone()[0]
    tid = conn.execute("SELECT id FROM timex WHERE value_start IS NOT NULL").fetchone()[0]
    assert _summary(conn) == {
        "entity_article": {(e, aid, "2023-01-02") for e in (putin, xi, lavrov)},
        "entity_event": {(lavrov, "2023-01-02", tid, aid)},  # only Lavrov is in the event's sentence
        "entity_quote": {(putin, 1, "2023-01-02", aid, 12, qid), (xi, 0, "2023-01-02", aid, 12, qid)},
        "event_day": {("2023-01-02", 1)},
    }


def test_summary_follows_reingest_merge_date_change_and_delete(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    write_article(conn, *_putin_article("a"), cache)
    write_article(conn, *_putin_article("b", published=None), cache)
    # re-ingest of a with new text: Lavrov gone, a surname-only "Xi" quoted saying something about Putin
    write_article(
        conn,
        art("a", 'Xi said "Putin is right". Later, talks.', published="2023-03-01"),
        Extraction(
            sentences=[(0, 25), (26, 39)],
            mentions=[
                Mention(0, 2, "Xi", "PERSON", "Xi", family="Xi"),
                Mention(9, 14, "Putin", "PERSON", "Vladimir Putin", family="Putin"),
            ],
            quotes=[Quote(9, 23, "Putin is right", "direct", speaker="Xi", speakers=["Xi"])],
            timexes=[
                Timex(26, 31, "Later", "DATE", "2023-02", sentence=0, value_start="2023-02-01", value_end="2023-02-28")
            ],
        ),
        cache,
    )
    assert _summary(conn) == _rebuilt(conn)
    refresh_entities(conn, cache.touched)  # merges "Xi" into "Xi Jinping"
    assert conn.execute("SELECT COUNT(*) FROM entity WHERE canonical='Xi'").fetchone()[0] == 0
    xi = conn.execute("SELECT id FROM entity WHERE canonical='Xi Jinping'").fetchone()[0]
    assert conn.execute("SELECT COUNT(*) FROM entity_quote WHERE entity=? AND speaks=1", (xi,)).fetchone()[0] == 1
    assert _summary(conn) == _rebuilt(conn)
    with conn:  # a date set by the user (model.dates) is a plain UPDATE of the article
        conn.execute("UPDATE article SET published='1999-09-09' WHERE key='b'")
    assert {r[0] for r in conn.execute("SELECT published FROM entity_article")} == {"1999-09-09", "2023-03-01"}
    assert _summary(conn) == _rebuilt(conn)
    # and its events resolved again against the new date (model.corrections.set_published): moved, lost, found
    for value in ("1999-09-13", None, "1999-09-14"):
        with conn:
            conn.execute("UPDATE timex SET value_start=? WHERE value_start IS NOT NULL OR value='2023-01-02'", (value,))
        assert {r[0] for r in conn.execute("SELECT value_start FROM entity_event")} == ({value} if value else set())
        assert _summary(conn) == _rebuilt(conn)
    touched = write.delete_article(conn, "a")
    assert xi in touched
    refresh_entities(conn, touched)
    assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 1
    assert _summary(conn) == _rebuilt(conn)
    assert {r[0] for r in conn.execute("SELECT DISTINCT article FROM entity_quote")} == {
        conn.execute("SELECT id FROM article WHERE key='b'").fetchone()[0]
    }
    assert write.delete_article(conn, "a") == set()


def test_version_1_database_is_read_as_it_is_and_upgraded_by_a_writer(tmp_path):
    p = tmp_path / "old.db"
    conn = store.connect(p)
    cache = EntityCache(conn)
    for key in "abc":
        write_article(conn, *_putin_article(key), cache)
    refresh_entities(conn, cache.touched)
    expected = _summary(conn)
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("article", "mention", "quote")}
    conn.close()
    as_version_1(p)
    store.connect(p, readonly=True).close()  # browsing needs no upgrade

    def stop(done, total):
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # interrupted: left at version 1, nothing lost
        store.connect(p, progress=stop)
    c = sqlite3.connect(p)
    assert c.execute("PRAGMA user_version").fetchone()[0] == 1
    assert c.execute("SELECT COUNT(*) FROM sqlite_master WHERE name='entity_event'").fetchone()[0] == 0
    c.close()
    seen = []
    conn = store.connect(p, progress=lambda done, total: seen.append((done, total)))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert _summary(conn) == expected
    assert {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts} == counts


def test_upgrade_from_8_indexes_the_broad_search_fields_and_keeps_the_rows(tmp_path):
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    c = sqlite3.connect(path)
    c.execute("DROP INDEX idx_quote_kind")
    c.execute("DROP INDEX idx_article_source")
    c.execute("PRAGMA user_version=8")
    c.commit()
    quotes = c.execute("SELECT COUNT(*) FROM quote").fetchone()[0]
    c.close()
    conn = store.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"idx_quote_kind", "idx_article_source"} <= names
    assert conn.execute("SELECT COUNT(*) FROM quote").fetchone()[0] == quotes
    conn.close()


def test_upgrade_from_9_indexes_the_sort_orders_and_keeps_the_rows(tmp_path):
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    c = sqlite3.connect(path)
    for name in schema.ORDER_INDEXES:
        c.execute(f"DROP INDEX {name}")
    c.execute("PRAGMA user_version=9")
    c.commit()
    counts = {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("article", "quote")}
    c.close()
    conn = store.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert set(schema.ORDER_INDEXES) <= names
    assert {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts} == counts
    conn.close()


def test_upgrade_from_10_indexes_the_summarys_quotes_by_quote_and_keeps_the_rows(tmp_path):
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    c = sqlite3.connect(path)
    for name in schema.QUOTE_ENTITY_INDEXES:
        c.execute(f"DROP INDEX {name}")
    c.execute("PRAGMA user_version=10")
    c.commit()
    counts = {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("quote", "entity_quote")}
    c.close()
    conn = store.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert set(schema.QUOTE_ENTITY_INDEXES) <= names
    assert {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts} == counts
    conn.close()


def test_upgrade_from_11_indexes_the_sorts_by_source_and_by_reports_and_keeps_the_rows(tmp_path):
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    c = sqlite3.connect(path)
    for name in schema.COLUMN_SORT_INDEXES:
        c.execute(f"DROP INDEX {name}")
    c.execute("PRAGMA user_version=11")
    c.commit()
    counts = {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("article", "event")}
    c.close()
    store.connect(path, readonly=True).close()  # browsing needs no upgrade
    conn = store.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert set(schema.COLUMN_SORT_INDEXES) <= names
    assert {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts} == counts
    assert counts["event"] > 0
    conn.close()


def test_upgrade_from_14_puts_each_quotes_kind_and_dates_in_the_index_of_its_articles_quotes(tmp_path):
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    c = sqlite3.connect(path)
    c.execute(f"DROP INDEX {schema.QUOTES_OF_ARTICLE_INDEX}")
    c.execute(f"CREATE INDEX {schema.QUOTES_OF_ARTICLE_INDEX} ON quote(article, start)")  # as version 14 had it
    c.execute("PRAGMA user_version=14")
    c.commit()
    c.close()
    searches = ("-kind:indirect", "said:2023", "kind:direct said:2023-02")

    def found() -> dict:
        with closing(q.connect(path)) as conn:
            return {s: [a.id for a in q.articles(conn, q.Filters(search=s), limit=1000)] for s in searches}

    before = found()
    seen = []
    with closing(store.connect(path, progress=lambda done, total: seen.append((done, total)))) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
        columns = [r[2] for r in conn.execute(f"PRAGMA index_info({schema.QUOTES_OF_ARTICLE_INDEX})")]
        assert tuple(columns) == schema.QUOTE_FACTS
        articles = conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    assert seen == [(0, articles), (articles, articles)] * 4  # to 15, 16, 17, then 18
    assert found() == before and any(before.values())


def test_upgrade_from_16_indexes_the_speakers_names_and_finds_the_same_quotes(tmp_path):
    """The names quotes are credited to, made for a whole corpus; a speaker's search finds what it found through the
    quotes' own full-text index; a quote given a new name later is found by it (the trigger adds the name)."""
    from model.corpus.speaker_names import SPEAKER_FACTS_INDEX, SPEAKER_NAME, SPEAKER_NAME_FTS
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    c = sqlite3.connect(path)
    for trigger in (f"{SPEAKER_NAME}_ai", f"quote_{SPEAKER_NAME}_ai", f"quote_{SPEAKER_NAME}_au"):
        c.execute(f"DROP TRIGGER {trigger}")
    c.execute(f"DROP TABLE {SPEAKER_NAME_FTS}")
    c.execute(f"DROP TABLE {SPEAKER_NAME}")
    c.execute(f"DROP INDEX {SPEAKER_FACTS_INDEX}")
    c.execute("PRAGMA user_version=16")
    c.commit()
    c.close()
    searches = ("speaker:Putin", "speaker:wang -kind:indirect", '-speaker:"Vladimir Putin" kind:direct', "speaker:Lan")

    def found() -> dict:
        with closing(q.connect(path)) as conn:
            return {
                s: (
                    [a.id for a in q.articles(conn, q.Filters(search=s), limit=1000)],
                    q.count_quotes(conn, q.Filters(search=s)),
                )
                for s in searches
            }

    before = found()
    assert all(before[s][1] for s in searches[:3]) and before["speaker:Lan"] == ([], 0)
    with closing(store.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        names = {r[0] for r in conn.execute(f"SELECT name FROM {SPEAKER_NAME}")}
        assert names == {r[0] for r in conn.execute("SELECT speaker_name FROM quote WHERE speaker_name IS NOT NULL")}
    assert found() == before
    with closing(store.connect(path)) as conn:
        conn.execute("UPDATE quote SET speaker_name = 'Xu Lan' WHERE id = (SELECT MIN(id) FROM quote)")
        conn.commit()
    assert found()["speaker:Lan"][1] == 1


def test_upgrade_from_17_gives_each_statement_its_facts_and_finds_the_same_statements(tmp_path):
    """Each statement's facts (its quotes' kinds and dates) made for a whole corpus, as a grouping writes them; a
    search of an entity's quotes of a kind or a period, or of words with fields, finds the statements it found
    through every quote; a statement grouped again has its facts written."""
    from model.corpus.statement_facts import STATEMENT_FACTS
    from model.corpus.statement_refresh import refresh_statements
    from tests.tui.fixture_db import build

    path = build(tmp_path / "c.db")
    with closing(sqlite3.connect(path)) as c:
        FACTS = ", ".join(column for column, _ in STATEMENT_FACTS)
        grouped = {r[0]: r[1:] for r in c.execute(f"SELECT id, {FACTS} FROM statement")}
        for column in FACTS.split(", "):
            c.execute(f"ALTER TABLE statement DROP COLUMN {column}")
        c.execute(f"DROP INDEX {schema.ARTICLE_DATE_BY_ID_INDEX}")
        c.execute("PRAGMA user_version=17")
        c.commit()
    searches = (
        'entity:"Vladimir Putin" -kind:indirect',
        "entity:Wang kind:direct,partial",
        "-kind:direct consultations",
        "kind:direct countries",
    )

    def found() -> dict:
        with closing(q.connect(path)) as conn:
            return {s: [r.id for r in q.statements(conn, q.Filters(search=s), limit=1000)] for s in searches}

    before = found()
    assert all(before.values())
    with closing(store.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 18
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (schema.ARTICLE_DATE_BY_ID_INDEX,)).fetchone()
        assert {r[0]: r[1:] for r in conn.execute(f"SELECT id, {FACTS} FROM statement")} == grouped
        assert grouped and all(json.loads(facts[0]) for facts in grouped.values())
        assert any(facts[1] and facts[2] for facts in grouped.values())
        conn.execute("UPDATE statement SET kinds = NULL, said_until = NULL")
        conn.execute("INSERT OR IGNORE INTO statement_dirty(part) SELECT part FROM statement")
        refresh_statements(conn)
        assert {r[0]: r[1:] for r in conn.execute(f"SELECT id, {FACTS} FROM statement")} == grouped
    assert found() == before
