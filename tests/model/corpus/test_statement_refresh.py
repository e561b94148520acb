"""Statements kept up to date incrementally: an article written or removed marks its speakers, the refresh
groups their quotes again; the export gives them."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing

import pytest

from model.corpus import export, schema, statement_words, store, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.statement_refresh import refresh_statements
from model.records import Article, Extraction, Mention, Quote

WORDS = "The new bridge will carry trains across the river before the winter,"


def _article(key: str, speaker: str, words: str = WORDS, kind: str = "direct", published="2024-05-02", source=None):
    text = f"{speaker} said: “{words}” and left."
    start = text.index(words)
    family = speaker.split()[-1]
    mention = Mention(0, len(speaker), speaker, "PERSON", speaker, family=family)
    quote = Quote(start, start + len(words), words, kind, speaker=speaker, speaker_start=0, speaker_end=len(speaker))
    art = Article(key=key, text=text, sha256=key + words + speaker, published=published, source=source)
    return art, Extraction(sentences=[(0, len(text))], mentions=[mention], quotes=[quote])


def _store(conn, *args, **kw) -> None:
    cache = write.EntityCache(conn)
    write.write_article(conn, *_article(*args, **kw), cache)
    refresh_entities(conn, cache.touched)


def _statements(conn) -> list[dict]:
    return list(export.rows(conn, "statements"))


def test_a_second_article_joins_the_statement_and_a_removal_undoes_it(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "Ana Ruiz", published="2024-05-02", source="Daily Post")
        assert refresh_statements(conn) == 1
        (first,) = _statements(conn)
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial", published="2024-05-04", source="Star")
        assert refresh_statements(conn) == 1  # one speaker grouped again
        (st,) = _statements(conn)
        assert st["statement"] == first["statement"] and st["speaker"] == "Ana Ruiz" and st["kind"] == "direct"
        assert st["text"] == WORDS and (st["first"], st["last"]) == ("2024-05-02", "2024-05-04")
        assert st["articles"] == ["a", "b"] and st["outlets"] == 2
        assert [(m["article"], m["kind"]) for m in st["quotes"]] == [("a", "direct"), ("b", "partial")]
        quotes = list(export.rows(conn, "quotes"))
        assert {q["statement"] for q in quotes} == {st["statement"]}
        write.delete_article(conn, "b")
        refresh_statements(conn)
        (st,) = _statements(conn)
        assert st["articles"] == ["a"] and st["last"] == "2024-05-02"


def test_two_speakers_with_the_same_words_are_two_statements(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "Ana Ruiz")
        _store(conn, "b", "Tom Berg")
        refresh_statements(conn)
        assert sorted(st["speaker"] for st in _statements(conn)) == ["Ana Ruiz", "Tom Berg"]


def test_nothing_written_is_no_work_and_other_speakers_stay(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "Ana Ruiz")
        _store(conn, "b", "Tom Berg")
        assert refresh_statements(conn) == 2
        assert refresh_statements(conn) == 0  # an ingest of unchanged articles writes nothing: nothing to do
        before = _statements(conn)
        _store(conn, "c", "Tom Berg", "the river is too wide for a bridge", "indirect")
        assert refresh_statements(conn) == 1  # Tom Berg's only
        assert [st for st in _statements(conn) if st["speaker"] == "Ana Ruiz"] == before[:1]


def test_an_ingest_that_died_before_the_grouping_is_grouped_by_the_next(tmp_path):
    path = tmp_path / "c.db"
    with closing(store.connect(path)) as conn:
        _store(conn, "a", "Ana Ruiz")
        refresh_statements(conn)
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial")  # ... and the process dies here
    with closing(store.connect(path)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM statement_dirty").fetchone()[0] == 1  # the mark was kept
        assert refresh_statements(conn) == 1
        incremental = _statements(conn)
        assert len(incremental) == 1 and incremental[0]["articles"] == ["a", "b"]
        assert refresh_statements(conn, everything=True) >= 1  # a regrouping of everything gives the same
        assert _statements(conn) == incremental


def test_a_family_name_merged_into_the_full_name_brings_its_quotes_to_that_speaker(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "Ana Ruiz")
        _store(conn, "b", "Ruiz", "bridge will carry trains", "partial")  # "Ruiz" alone: merged into "Ana Ruiz"
        refresh_statements(conn)
        (st,) = _statements(conn)
        assert st["speaker"] == "Ana Ruiz" and st["articles"] == ["a", "b"]


def test_a_version_5_database_gets_its_statements_when_a_writer_upgrades_it(tmp_path):
    path = tmp_path / "old.db"
    with closing(store.connect(path)) as conn:
        _store(conn, "a", "Ana Ruiz")
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial")
        refresh_statements(conn)
        expected = _statements(conn)
    c = sqlite3.connect(path)
    for table in (*schema.STATEMENT_TABLES, statement_words.STATEMENT_FTS):
        c.execute(f"DROP TABLE {table}")
    c.execute("PRAGMA user_version=5")
    c.commit()
    c.close()
    with closing(store.connect(path, readonly=True)) as conn:  # read as it is: no statements, quotes without one
        assert _statements(conn) == [] and {q["statement"] for q in export.rows(conn, "quotes")} == {None}
    with closing(store.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert _statements(conn) == expected


def test_statements_export_as_csv_with_lists_in_cells(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "Ana Ruiz", "=bridge will carry trains across the river")
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial")
        refresh_statements(conn)
        out = io.StringIO()
        assert export.write(conn, "statements", out, "csv") == 1
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["text"] == "'=bridge will carry trains across the river"  # a formula cell made harmless
    assert row["articles"] == "a; b" and [m["article"] for m in json.loads(row["quotes"])] == ["a", "b"]


def test_statements_export_takes_the_quotes_filters(tmp_path):
    from model.corpus.selection import Selection, SelectionError

    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "Ana Ruiz", published="2024-05-02")
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial", published="2024-06-10")
        _store(conn, "c", "Tom Berg", "the river is too wide for a bridge", "indirect", published="2024-07-01")
        refresh_statements(conn)

        def speakers(**kw) -> list[str]:
            return [st["speaker"] for st in export.rows(conn, "statements", Selection(**kw))]

        assert speakers(speaker="tom berg") == ["Tom Berg"]
        assert speakers(kinds=("partial",)) == ["Ana Ruiz"]  # a statement with a partial quote: all of it
        assert speakers(since="2024-06") == ["Ana Ruiz", "Tom Berg"] and speakers(until="2024-05") == ["Ana Ruiz"]
        (st,) = export.rows(conn, "statements", Selection(since="2024-06", until="2024-06"))
        assert [q["article"] for q in st["quotes"]] == ["a", "b"] and st["quotes"][1]["said_on"] == "2024-06-10"
        with pytest.raises(SelectionError, match="--entity does not apply to statements"):
            list(export.rows(conn, "statements", Selection(entity="Ana Ruiz")))


def _unnamed_speaker_article(key: str, speaker: str, words: str = WORDS):
    """An article whose quote's speaker is a name (or a description) no mention made an entity."""
    art, ext = _article(key, speaker, words)
    ext.mentions = []
    return art, ext


def test_a_speaker_named_before_the_name_was_an_entity_joins_the_entity_when_it_comes(tmp_path):
    # the recogniser missed the name in the first article; the second names the person as an entity
    with closing(store.connect(tmp_path / "c.db")) as conn:
        cache = write.EntityCache(conn)
        write.write_article(conn, *_unnamed_speaker_article("a", "Ana Ruiz"), cache)
        write.write_article(conn, *_unnamed_speaker_article("d", "the board"), cache)
        refresh_entities(conn, cache.touched)
        assert conn.execute("SELECT COUNT(*) FROM quote WHERE speaker_entity IS NOT NULL").fetchone()[0] == 0
        _store(conn, "b", "Ana Ruiz", "bridge will carry trains", "partial")
        _store(conn, "c", "Board", "the winter will be cold here")
        refresh_statements(conn)
        linked = dict(conn.execute("SELECT a.key, q.speaker_entity FROM quote q JOIN article a ON a.id = q.article"))
        ana = conn.execute("SELECT id FROM entity WHERE canonical = 'Ana Ruiz'").fetchone()[0]
        assert linked["a"] == linked["b"] == ana
        assert linked["d"] is None  # a description in lower case is not the body named "Board"
        ruiz = [st for st in _statements(conn) if st["speaker"] == "Ana Ruiz"]
        assert len(ruiz) == 1 and ruiz[0]["articles"] == ["a", "b"]
        assert conn.execute("SELECT COUNT(*) FROM entity_quote WHERE entity = ?", (ana,)).fetchone()[0] == 2
