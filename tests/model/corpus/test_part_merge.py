"""Which tables a merge copies with an article, read from the schema, and how their ids are renumbered."""

from __future__ import annotations

import contextlib
import sqlite3

from model.corpus import part_merge, store, write


def corpus(path, *sql: str) -> sqlite3.Connection:
    conn = store.connect(path)
    with conn:
        for s in sql:
            conn.execute(s)
    return conn


def add_article(conn: sqlite3.Connection, key: str, text: str, sha: str | None = None) -> int:
    with conn:
        return conn.execute(
            "INSERT INTO article(key, sha256, text, pipeline_version) VALUES (?,?,?,?)",
            (key, sha or key, text, write.PIPELINE_VERSION),
        ).lastrowid


def test_every_table_of_the_schema_is_copied_derived_corpus_wide_or_the_users(tmp_path):
    with contextlib.closing(store.connect(tmp_path / "c.db")) as conn:
        copied = part_merge.per_article_tables(conn)
        assert part_merge.unclassified_tables(conn) == []
    assert set(copied) == {
        "article",
        "sentence",
        "mention",
        "quote",
        "quote_speaker",
        "timex",
        "event_report",
        "event_role",
    }
    for child, parent in (("quote_speaker", "quote"), ("event_role", "event_report"), ("mention", "article")):
        assert copied.index(parent) < copied.index(child)


def test_a_new_table_under_an_article_or_a_quote_is_copied_and_one_under_an_entity_needs_a_decision(tmp_path):
    new = (
        "CREATE TABLE quote_note (quote INTEGER REFERENCES quote(id), note TEXT)",
        "CREATE TABLE entity_note (entity INTEGER REFERENCES entity(id), note TEXT)",
    )
    with contextlib.closing(corpus(tmp_path / "c.db", *new)) as conn:
        assert "quote_note" in part_merge.per_article_tables(conn)
        assert part_merge.unclassified_tables(conn) == ["entity_note"]


def test_rows_are_renumbered_past_the_corpus_and_follow_their_article_and_entity(tmp_path):
    extra = "CREATE TABLE article_note (id INTEGER PRIMARY KEY, article INTEGER REFERENCES article(id), note TEXT)"
    part = corpus(tmp_path / "part.db", extra)
    kept = add_article(part, "k1", "Mira Osk spoke.")
    gone = add_article(part, "k2", "Old text.")
    part.execute("DELETE FROM article WHERE id=?", (gone,))  # a gap in the part's ids
    moved = add_article(part, "k3", "Tor Vale spoke.")
    with part:
        part.execute("INSERT INTO entity(id, canonical, label, family) VALUES (7, 'Tor Vale', 'PERSON', 'Vale')")
        part.execute(
            "INSERT INTO mention(article, entity, start, end, text, label) VALUES (?, 7, 0, 8, 'Tor Vale', 'PERSON')",
            (moved,),
        )
        part.executemany("INSERT INTO article_note(article, note) VALUES (?, ?)", [(kept, "one"), (moved, "three")])
        # a speaker no entity of the part stood for when it was written, and one of the corpus does
        part.execute(
            "INSERT INTO quote(article, start, end, text, kind, speaker_name) VALUES (?, 0, 5, 'x', 'direct', ?)",
            (moved, "Mira Osk"),
        )
    part.close()
    out = corpus(tmp_path / "out.db", extra)
    add_article(out, "k1", "Mira Osk spoke.")  # the same text: a duplicate
    add_article(out, "k0", "Elsewhere.")
    with out:
        out.execute("INSERT INTO entity(canonical, label) VALUES ('TOR VALE', 'PERSON')")
        osk = out.execute("INSERT INTO entity(canonical, label) VALUES ('Mira Osk', 'PERSON')").lastrowid
    cache = write.EntityCache(out)
    part_merge.attach(out, str(tmp_path / "part.db"))
    out.execute("BEGIN IMMEDIATE")
    done = part_merge.copy_part(out, cache)
    out.execute("COMMIT")
    part_merge.detach(out)
    assert (done.articles, done.added, done.replaced, done.duplicates) == (2, 1, 0, 1)
    rows = out.execute(
        "SELECT a.key, n.note, e.canonical FROM article a LEFT JOIN article_note n ON n.article = a.id "
        "LEFT JOIN mention m ON m.article = a.id LEFT JOIN entity e ON e.id = m.entity ORDER BY a.id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [("k1", None, None), ("k0", None, None), ("k3", "three", "TOR VALE")]
    assert out.execute("SELECT id FROM article WHERE key='k3'").fetchone()[0] == moved + 2  # past the corpus's 2
    quote = out.execute("SELECT id, speaker_entity FROM quote").fetchone()
    assert quote[1] == osk  # as one ingest of both would have found it, the corpus's article written first
    assert [r[0] for r in out.execute("SELECT entity FROM quote_speaker WHERE quote=?", (quote[0],))] == [osk]
    assert out.execute("SELECT part FROM quote_statement WHERE quote=?", (quote[0],)).fetchone()[0] == f"e:{osk}"
    out.close()
