"""Statements under a search read their quotes' statements off `quote_statement` alone, and page the statements
before reading their fullest quotes: the same rows and counts as the join through every matching quote."""

from __future__ import annotations

import sqlite3

import pytest

from model.corpus import query as q
from model.corpus import store
from model.corpus.query.base import run
from model.corpus.query.quotes import quote_where
from model.corpus.query.rows import QUOTE_COLS
from model.corpus.query.search import columns, quotes_need_article
from model.corpus.query.statements import _FROM, _ORDER, STATEMENT_COLS, _statement_row, _where
from model.corpus.statement_refresh import refresh_statements
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote

SPEAKERS = ("Ada Brook", "Cyril Dane", None, "Bo Eng")
WORDS = ("harbour", "tariff", "harbour tariff", "grain")


def _corpus(path) -> sqlite3.Connection:
    """30 articles whose quotes repeat one another's words (statements of several wordings), by a few speakers,
    some naming an entity, from two sources over three months."""
    conn = store.connect(path)
    cache = EntityCache(conn)
    for i in range(30):
        said = f"the {WORDS[i % 4]} rule {i % 5} stays"
        text = f"Cyril Dane said {said}. Officials said the {WORDS[(i + 1) % 4]} talks went on."
        art = Article(
            key=f"k{i}",
            text=text,
            title=f"Report {i % 4}",
            source=("Wire", "Daily")[i % 2],
            published=None if i % 7 == 0 else f"2022-0{1 + i % 3}-1{i % 5}",
        )
        art.sha256 = art.key
        second = text.index("the", len(said) + 17)
        quotes = [
            Quote(16, 16 + len(said), said, ("indirect", "direct")[i % 2], speaker=SPEAKERS[i % 4], speakers=[]),
            Quote(second, len(text) - 1, text[second:-1], "indirect", speaker=SPEAKERS[(i + 1) % 4], speakers=[]),
        ][: 1 + i % 2]
        ext = Extraction(
            sentences=[(0, 16 + len(said) + 1), (16 + len(said) + 2, len(text))],
            mentions=[Mention(0, 10, "Cyril Dane", "PERSON", "Cyril Dane", family="Dane")]
            + ([Mention(16, 16 + len(said), "Grain Board", "ORG", "Grain Board")] if i % 3 == 0 else []),
            quotes=quotes,
        )
        write_article(conn, art, ext, cache)
    conn.commit()
    refresh_statements(conn)
    return conn


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    c = _corpus(tmp_path_factory.mktemp("statement_search") / "c.db")
    yield c
    c.close()


def _through_quotes(conn: sqlite3.Connection, f: q.Filters) -> tuple[str, list]:
    """The statements filter as it was: through each kept quote's own row."""
    cols = columns(conn)
    where, params = quote_where(f, cols)
    quoted = "quote q JOIN article a ON a.id = q.article" if quotes_need_article(f.search, cols) else "quote q"
    return (
        f" WHERE s.id IN (SELECT qs.statement FROM {quoted} JOIN quote_statement qs ON qs.quote = q.id{where})",
        params,
    )


def _reference(conn, f, sort) -> tuple[int, list[tuple]]:
    where, params = _through_quotes(conn, f)
    total = run(conn, f"SELECT COUNT(*) FROM statement s{where}", params)[0][0]
    rows = run(
        conn,
        f"SELECT {STATEMENT_COLS}, {QUOTE_COLS} FROM {_FROM}{where} ORDER BY {_ORDER[sort]}",
        params,
    )
    return total, rows


def _filters(conn) -> list[q.Filters]:
    board = conn.execute("SELECT id FROM entity WHERE canonical = 'Grain Board'").fetchone()[0]
    dane = conn.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    return [
        *(q.Filters(search=w) for w in WORDS),
        q.Filters(search="rule"),
        q.Filters(search="nothing"),
        q.Filters(search='"harbour rule"'),
        q.Filters(search="rule -tariff"),
        q.Filters(search="speaker:Brook harbour"),
        q.Filters(search="kind:direct rule"),
        q.Filters(search="source:Wire harbour"),
        q.Filters(search="date:2022-02 rule"),
        q.Filters(search="said:2022-03 rule"),
        q.Filters(search="-grain rule"),
        q.Filters(search="entity:Grain rule"),
        q.Filters(search="rule", entity=board),
        q.Filters(search="harbour", entity=dane),
        q.Filters(search="rule", speaker=dane),
        q.Filters(search="rule", said="2022-01"),
        q.Filters(entity=board),
    ]


def test_the_filters_keep_some_statements_and_not_all(conn):
    everything = q.count_statements(conn)
    kept = [q.count_statements(conn, f) for f in _filters(conn)]
    assert 0 in kept and any(0 < n < everything for n in kept)


@pytest.mark.parametrize("sort", ["date", "speaker"])
def test_searched_statements_are_those_read_through_every_quote(conn, sort):
    for f in _filters(conn):
        total, rows = _reference(conn, f, sort)
        assert q.count_statements(conn, f) == total, f
        expected = [_statement_row(r) for r in rows]
        assert q.statements(conn, f, sort, 0, 100, total) == expected, f
        paged = [r for o in range(0, total, 3) for r in q.statements(conn, f, sort, o, 3, total)]
        assert paged == expected, f


def test_words_alone_read_the_wordings_index_not_the_quotes(conn):
    where, params = _where(conn, q.Filters(search="tariff"))
    plans = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM statement s" + where, params)]
    assert any(p.startswith("SCAN statement_fts") for p in plans), plans
    assert not any("quote" in p for p in plans), plans


@pytest.mark.parametrize("sort", ["date", "speaker"])
def test_a_count_past_its_cap_pages_the_same_rows(conn, sort):
    for words in (*WORDS, "rule", "stays -grain"):
        f = q.Filters(search=words)
        total, rows = _reference(conn, f, sort)
        assert total > 3, words
        capped = q.count_statements(conn, f, cap=3)
        assert isinstance(capped, q.AtLeast) and capped == 3
        assert q.count_statements(conn, f, cap=total) == total and not isinstance(
            q.count_statements(conn, f, cap=total), q.AtLeast
        )
        expected = [_statement_row(r) for r in rows]
        paged = [r for o in range(0, total + 3, 3) for r in q.statements(conn, f, sort, o, 3, capped)]
        assert paged == expected, words


def _entity_searches(conn) -> list[q.Filters]:
    """Each entity with a quote in the summary, under words fewer and more than its quotes."""
    entities = [r[0] for r in conn.execute("SELECT DISTINCT entity FROM entity_quote ORDER BY entity")]
    searches = (*WORDS, "rule", "nothing", "stays -grain", "rule OR talks", "harb*", '"tariff rule"', '"rule tariff"')
    return [q.Filters(search=w, entity=e) for e in entities for w in searches]


def _starts_from_matches(conn, f: q.Filters) -> bool:
    where, params = _where(conn, f)
    plans = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM statement s{where}", params)]
    return any("idx_entity_quote_quote" in p for p in plans)


@pytest.fixture
def before_16(monkeypatch):
    """The statements read as a database before schema 16 reads them: without the wordings' entities."""
    import importlib

    monkeypatch.setattr(importlib.import_module("model.corpus.query.statements"), "ENTITY_WORDING_VERSION", 10**6)


def _same_as_through_every_quote(conn, filters: list[q.Filters], sort: str) -> None:
    for f in filters:
        total, rows = _reference(conn, f, sort)
        assert q.count_statements(conn, f) == total, f
        expected = [_statement_row(r) for r in rows]
        assert q.statements(conn, f, sort, 0, 100, total) == expected, f
        paged = [r for o in range(0, total, 4) for r in q.statements(conn, f, sort, o, 4, total)]
        assert paged == expected, f


@pytest.mark.parametrize("sort", ["date", "speaker"])
def test_an_entitys_searched_statements_are_the_same_from_either_side(conn, sort, before_16):
    filters = _entity_searches(conn)
    sides = {_starts_from_matches(conn, f) for f in filters}
    assert sides == {True, False}  # both plans are compared
    _same_as_through_every_quote(conn, filters, sort)


@pytest.mark.parametrize("sort", ["date", "speaker"])
def test_an_entitys_searched_statements_off_its_wordings_are_those_of_its_quotes(conn, sort):
    filters = _entity_searches(conn)
    assert sum(q.count_statements(conn, f) > 0 for f in filters) > len(filters) // 3
    _same_as_through_every_quote(conn, filters, sort)


def test_an_entitys_searched_statements_read_its_wordings_and_the_matching_wordings_not_the_quotes(conn):
    dane = conn.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    where, params = _where(conn, q.Filters(search="rule", entity=dane))
    plans = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM statement s{where}", params)]
    assert any("entity_wording" in p for p in plans) and any("statement_fts" in p for p in plans), plans
    assert not any("quote" in p.replace("SUBQUERY", "") for p in plans), plans


def _quotes_of(conn, entity: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM entity_quote WHERE entity = ?", (entity,)).fetchone()[0]


def _matches(conn, word: str) -> int:
    return conn.execute("SELECT COUNT(*) FROM quote_fts WHERE quote_fts MATCH ?", (word,)).fetchone()[0]


def test_a_word_much_rarer_than_the_entitys_quotes_is_read_from_its_matches(conn, monkeypatch, before_16):
    import importlib

    st = importlib.import_module("model.corpus.query.statements")
    dane = conn.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    grain, quoted = _matches(conn, "grain"), _quotes_of(conn, dane)
    assert 0 < grain < quoted < _matches(conn, "rule")
    monkeypatch.setattr(st, "QUOTES_A_LOOKUP", quoted // grain)  # fewer by that much: from the matches
    where, params = _where(conn, q.Filters(search="grain", entity=dane))
    plans = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM statement s{where}", params)]
    assert any(p.startswith("SCAN quote_fts") for p in plans), plans
    assert any("idx_entity_quote_quote (quote=? AND entity=?)" in p for p in plans), plans
    # each match looked up in the summary before its statement is
    assert plans.index("SEARCH qs USING INTEGER PRIMARY KEY (rowid=?)") > len(plans) - 2, plans
    monkeypatch.setattr(st, "QUOTES_A_LOOKUP", quoted // grain + 1)
    assert not _starts_from_matches(conn, q.Filters(search="grain", entity=dane))
    assert not _starts_from_matches(conn, q.Filters(search="rule", entity=dane))


def test_an_entitys_quotes_are_read_in_order_and_each_looked_up_among_the_matches(conn, before_16):
    dane = conn.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    where, params = _where(conn, q.Filters(search="rule", entity=dane))
    plans = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM statement s{where}", params)]
    entity = next(i for i, p in enumerate(plans) if p.startswith("SEARCH e USING COVERING INDEX"))
    assert "(entity=?)" in plans[entity], plans
    assert plans.index("SEARCH qs USING INTEGER PRIMARY KEY (rowid=?)") > entity, plans
    assert not any("TEMP B-TREE" in p for p in plans), plans


def test_a_database_without_the_quotes_entity_index_reads_the_entitys_quotes(tmp_path):
    old = _corpus(tmp_path / "c.db")
    old.execute("DROP INDEX idx_entity_quote_quote")
    old.execute("PRAGMA user_version=10")
    old.commit()
    dane = old.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    f = q.Filters(search="grain", entity=dane)
    assert not _starts_from_matches(old, f)
    assert q.count_statements(old, f) == _reference(old, f, "date")[0]
    old.close()


@pytest.mark.parametrize("sort", ["date", "speaker"])
def test_many_statements_kept_are_paged_off_the_orders_index_alike(conn, monkeypatch, sort):
    import importlib

    from model.corpus.query import reuse

    st = importlib.import_module("model.corpus.query.statements")  # (the package's `statements` is the function)
    monkeypatch.setattr(st, "walk_bound", lambda *a, **k: 1)  # every kept set counts as many
    reuse.forget()
    for f in _filters(conn):
        total, rows = _reference(conn, f, sort)
        expected = [_statement_row(r) for r in rows]
        paged = [r for o in range(0, total, 3) for r in q.statements(conn, f, sort, o, 3, total)]
        assert paged == expected, f
    where, params, kept = st._kept(conn, q.Filters(search="rule"))
    page = f"SELECT s.id FROM statement s INDEXED BY {st._ORDER_INDEX[sort]}{where} ORDER BY {st._ORDER[sort]} LIMIT 3"
    plans = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + page, params)]
    assert kept and not any("TEMP B-TREE" in p for p in plans), plans


def test_statements_too_many_to_keep_are_read_by_their_clause_alike(conn, monkeypatch):
    from model.corpus.query import reuse

    monkeypatch.setattr(reuse, "MAX_IDS", 0)  # nothing kept: every read by the filter's clause
    reuse.forget()
    for f in _filters(conn):
        total, rows = _reference(conn, f, "date")
        assert q.count_statements(conn, f) == total, f
        assert q.statements(conn, f, "date", 0, 100, total) == [_statement_row(r) for r in rows], f
