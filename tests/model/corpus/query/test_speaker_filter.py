"""The quotes and statements of one speaker, read off the summary (`entity_quote`, speaks = 1), are those the
quotes' own speaker columns give (`quote_speaker`, `quote.speaker_entity`): every sort, every other filter beside
it, first, middle and last pages, counted or not; and a quote written between two reads is in the second."""

from __future__ import annotations

import importlib
import sqlite3

import pytest

from model.corpus import query as q
from model.corpus import store
from model.corpus.query import reuse
from model.corpus.query.search import Columns
from model.corpus.statement_refresh import refresh_statements
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote

quotes_module = importlib.import_module("model.corpus.query.quotes")
statements_module = importlib.import_module("model.corpus.query.statements")

PEOPLE = ("Nell Orrin", "Tam Vesk", "Ivo Lund")
# (speaker, joint speakers) of each article's quotes, in turn: one speaker, a joint one, none, another one
SPEAKERS = (
    ("Nell Orrin", []),
    ("Nell Orrin; Tam Vesk", ["Nell Orrin", "Tam Vesk"]),
    (None, []),
    ("Tam Vesk", []),
    ("Ivo Lund", []),
)


def _article(i: int) -> tuple[Article, Extraction]:
    """An article naming the three people, with two or three quotes; Ivo Lund named inside the first (speaks=0
    rows of the summary for him) whoever says it."""
    text = (
        f"Nell Orrin, Tam Vesk and Ivo Lund met at dock {i}. Ivo Lund opened dock {i} early. "
        f"The harbour board said fees would rise by {i} percent."
    )
    art = Article(
        key=f"d{i}",
        text=text,
        title=f"Dock {i % 7}",
        published=None if i % 13 == 0 else f"2022-0{1 + i % 4}-1{i % 3}",
        source=("Quay Times", "Tide Wire")[i % 2],
    )
    art.sha256 = art.key
    second = text.index("Ivo Lund opened")
    third = text.index("The harbour board")
    spans = [(second, second + 27, f"Ivo Lund opened dock {i} early"), (third, len(text) - 1, text[third:-1])]
    if i % 2:
        spans.append((0, 10, "Nell Orrin"))
    quotes = []
    for k, (start, end, said) in enumerate(spans):
        speaker, joint = SPEAKERS[(i + k) % len(SPEAKERS)]
        quotes.append(Quote(start, end, said, ("direct", "indirect")[k % 2], speaker=speaker, speakers=joint))
    mentions = [
        Mention(0, 10, "Nell Orrin", "PERSON", "Nell Orrin", family="Orrin"),
        Mention(12, 20, "Tam Vesk", "PERSON", "Tam Vesk", family="Vesk"),
        Mention(25, 33, "Ivo Lund", "PERSON", "Ivo Lund", family="Lund"),
        Mention(second, second + 8, "Ivo Lund", "PERSON", "Ivo Lund", family="Lund"),
    ]
    sentences = [(0, second - 1), (second, third - 1), (third, len(text))]
    return art, Extraction(sentences=sentences, mentions=mentions, quotes=quotes)


def _write(conn: sqlite3.Connection, numbers) -> None:
    cache = EntityCache(conn)
    for i in numbers:
        write_article(conn, *_article(i), cache)
    conn.commit()
    refresh_statements(conn)


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    c = store.connect(tmp_path_factory.mktemp("speaker") / "c.db")
    _write(c, range(30))
    yield c
    c.close()


def _person(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("SELECT id FROM entity WHERE canonical = ?", (name,)).fetchone()[0]


@pytest.fixture
def by_quote_columns(monkeypatch):
    """Reads as a database without the summary makes them: the speaker's quotes by the quotes' own columns."""

    def plain(conn):
        return Columns(summed=False, said_on=True)

    def use() -> None:
        monkeypatch.setattr(quotes_module, "columns", plain)
        monkeypatch.setattr(statements_module, "columns", plain)

    return use


def _filters(conn: sqlite3.Connection) -> list[q.Filters]:
    nell, tam, ivo = (_person(conn, p) for p in PEOPLE)
    article = conn.execute("SELECT article FROM quote WHERE speaker_entity = ? LIMIT 1", (nell,)).fetchone()[0]
    return [
        q.Filters(speaker=nell),  # alone and in a joint speaker
        q.Filters(speaker=tam),
        q.Filters(speaker=ivo),  # speaks some, is named inside more
        q.Filters(speaker=nell, said="2022-02"),
        q.Filters(speaker=nell, search="dock"),
        q.Filters(speaker=tam, search="fees"),
        q.Filters(speaker=nell, article=article),
        q.Filters(speaker=tam, entity=ivo),
    ]


def _read_all(conn: sqlite3.Connection, f: q.Filters, sort: str, view: str) -> dict:
    """Count, then first, middle and last pages of 4 (counted: read from the nearer end) and every page
    uncounted; the rows' ids."""
    reuse.forget()  # each read made afresh, not the one before it kept
    count, read = (q.count_statements, q.statements) if view == "statements" else (q.count_quotes, q.quotes)
    total = count(conn, f)
    pages = {"total": total}
    for name, offset in (("first", 0), ("middle", max(0, total // 2 - 2)), ("last", max(0, total - 4))):
        pages[name] = [r.id for r in read(conn, f, sort, offset, 4, total)]
    pages["all"] = [r.id for offset in range(0, total, 4) for r in read(conn, f, sort, offset, 4, None)]
    return pages


def test_the_fixture_has_joint_and_mentioned_speakers(conn):
    nell, tam, ivo = (_person(conn, p) for p in PEOPLE)
    joint = conn.execute(
        "SELECT COUNT(*) FROM quote q JOIN quote_speaker s ON s.quote = q.id "
        "WHERE q.speaker_entity IS NULL AND s.entity = ?",
        (tam,),
    ).fetchone()[0]
    named_inside = conn.execute("SELECT COUNT(*) FROM entity_quote WHERE entity = ? AND speaks = 0", (ivo,)).fetchone()[
        0
    ]
    assert joint > 0 and named_inside > 0
    assert all(q.count_quotes(conn, f) > 0 for f in _filters(conn))


@pytest.mark.parametrize("view", ["quotes", "statements"])
@pytest.mark.parametrize("sort", q.QUOTE_SORTS)
def test_a_speakers_reads_off_the_summary_are_those_of_the_quotes_columns(conn, by_quote_columns, sort, view):
    filters = _filters(conn)
    summed = [_read_all(conn, f, sort, view) for f in filters]
    by_quote_columns()
    plain = [_read_all(conn, f, sort, view) for f in filters]
    assert summed == plain
    assert all(p["all"] and len(p["all"]) == p["total"] for p in plain)


def test_a_speakers_statements_read_no_quote_row(conn):
    """The speaker's statements are found from the summary's index and `quote_statement` alone."""
    where, params = statements_module._where(conn, q.Filters(speaker=_person(conn, "Nell Orrin")))
    plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT s.rowid FROM statement s{where}", params)]
    assert any("idx_entity_quote_speaks" in p for p in plan)
    assert not any(p.startswith(("SCAN", "SEARCH")) and " q " in f"{p} " for p in plan)
    assert not any("TEMP B-TREE" in p for p in plan)


def test_a_quote_written_between_two_reads_is_in_the_second(tmp_path):
    c = store.connect(tmp_path / "c.db")
    _write(c, range(10))
    tam = _person(c, "Tam Vesk")
    f = q.Filters(speaker=tam)
    before = (q.count_statements(c, f), q.count_quotes(c, f), [r.id for r in q.quotes(c, f, "speaker", 0, 100)])
    # two quotes of Tam Vesk's: one with Nell Orrin about dock 11 (a new statement), one in words said before
    _write(c, [11])
    after = (q.count_statements(c, f), q.count_quotes(c, f), [r.id for r in q.quotes(c, f, "speaker", 0, 100)])
    assert after[0] == before[0] + 1 and after[1] == before[1] + 2
    assert set(before[2]) < set(after[2])
    c.close()
