"""A fielded search's reads (sources resolved among the distinct sources, the articles found once for their
count and pages, from the table that finds them) give the rows and counts of the SQL they replace: every field
matched row by row."""

from __future__ import annotations

import importlib
import sqlite3

import pytest

from model.corpus import query as q
from model.corpus import store
from model.corpus.query import reuse
from model.corpus.query.articles import _ARTICLE_ORDER, _article_where, _kept_sql, _walked_page
from model.corpus.query.base import AtLeast, run, within
from model.corpus.query.quotes import _QUOTE_ORDER, quote_where
from model.corpus.query.search import (
    Columns,
    columns,
    names_a_speaker,
    quotes_need_article,
    source_set,
    with_sources,
)
from model.corpus.query.statements import _ORDER
from model.corpus.statement_refresh import refresh_statements
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote

article_reads = importlib.import_module("model.corpus.query.articles")
statements_reads = importlib.import_module(
    "model.corpus.query.statements"
)  # (the package's `articles` is its function)

# Sources in odd cases and with punctuation, LIKE's own wildcards among them, and none at all.
MIXED = ("Reuters", "reuters wire", "AP-Wire", "Le Monde (Paris)", None, "The 100% Daily_News", "Agence France-Presse")
SPEAKERS = ("Ada Brook", "Cyril Dane", None, "Bo Eng")
WORDS = ("harbour", "tariff", "harbour tariff", "grain")
KINDS = ("indirect", "direct", "partial", None)


def _corpus(path, sources: tuple[str | None, ...]) -> sqlite3.Connection:
    """42 articles over three months, from `sources` in turn, each with one to three quotes of every kind (and
    none) by a few speakers, some naming an entity."""
    conn = store.connect(path)
    cache = EntityCache(conn)
    for i in range(42):
        said = f"the {WORDS[i % 4]} rule {i % 5} stays"
        text = f"Cyril Dane said {said}. Officials said the {WORDS[(i + 1) % 4]} talks went on. Bo Eng agreed."
        art = Article(
            key=f"k{i}",
            text=text,
            title=f"Report {i % 6}",
            source=sources[i % len(sources)],
            published=None if i % 11 == 0 else f"2022-0{1 + i % 3}-1{i % 5}",
        )
        art.sha256 = art.key
        second = text.index("the", len(said) + 17)
        officials = text.index("Officials")
        third = text.index("Bo Eng")
        quotes = [
            Quote(16, 16 + len(said), said, KINDS[i % 4], speaker=SPEAKERS[i % 4], speakers=[]),
            Quote(
                second,
                third - 2,
                text[second : third - 2],
                KINDS[(i + 1) % 4],
                speaker=SPEAKERS[(i + 1) % 4],
                speakers=[],
            ),
            Quote(third, len(text) - 1, text[third:-1], "indirect", speaker="Bo Eng", speakers=[]),
        ][: 1 + i % 3]
        ext = Extraction(
            sentences=[(0, 16 + len(said) + 1), (16 + len(said) + 2, third - 1), (third, len(text))],
            mentions=[Mention(0, 10, "Cyril Dane", "PERSON", "Cyril Dane", family="Dane")]
            + ([Mention(16, 16 + len(said), "Grain Board", "ORG", "Grain Board")] if i % 3 == 0 else [])
            + ([Mention(officials, officials + 9, "Officials", "ORG", "Grain Union")] if i % 4 == 1 else []),
            quotes=quotes,
        )
        write_article(conn, art, ext, cache)
    conn.commit()
    refresh_statements(conn)
    return conn


CORPORA = {"mixed": MIXED, "one source": ("Reuters",), "one source and none": ("Reuters", None)}


@pytest.fixture(scope="module", params=list(CORPORA))
def conn(request, tmp_path_factory):
    sources = CORPORA[request.param]
    c = _corpus(tmp_path_factory.mktemp("field_reads") / "c.db", sources)
    yield c
    c.close()


SEARCHES = [
    "source:Reuters",
    "source:reut",
    "source:REUTERS",
    "-source:reuters",
    "source:wire",
    "-source:wire",
    'source:"le monde"',
    "source:(Paris)",
    "source:100%",
    "source:daily_news",
    "source:dai_y",  # `_` is no wildcard
    "outlet:agence",
    "source:France-Presse",
    "source:xyz",
    "-source:xyz",
    "source:reut -source:wire",
    "harbour source:reut",
    '"harbour tariff" -source:wire',
    "rule -source:xyz",
    "speaker:Brook source:Reuters kind:direct",
    "entity:Grain source:reut",
    "entity:Grain -kind:indirect",  # two entities' articles
    'entity:"Grain Board" -source:Reuters date:2022-01..2022-02',
    "speaker:Brook kind:direct",
    "speaker:Dane -kind:indirect",
    "speaker:Eng -kind:indirect,partial",
    'entity:"Grain Board" -kind:indirect',
    "entity:Dane -kind:direct",
    "entity:Dane kind:partial",
    "-kind:indirect rule",
    "kind:direct rule",
    "-kind:direct talks said:2022-02",
    "harbour -grain said:2022-02",
    'entity:"Grain Board" date:2022-01..2022-02',
    "kind:direct",
    "-kind:indirect",
    "date:2022-02 -kind:partial",
    "entity:Dane said:2022-02",
    "entity:Grain -date:2022-01 kind:direct",
    "entity:Dane date:2022-02..2022-03 -said:2022-03",
    "rule said:2022-01..2022-02 date:2022-02",
]


def _old(conn) -> Columns:
    """The columns as the reads had them before: every source matched row by row, a kind on the quote's row."""
    cols = columns(conn)
    return Columns(summed=cols.summed, said_on=cols.said_on)


def _articles(conn, f: q.Filters, sort: str) -> list[int]:
    where, params = _article_where(f, _old(conn))
    return [r[0] for r in run(conn, f"SELECT a.id FROM article a{where} ORDER BY {_ARTICLE_ORDER[sort]}", params)]


def _quotes(conn, f: q.Filters) -> list[int]:
    old = _old(conn)
    where, params = quote_where(f, old)
    sql = f"SELECT q.id FROM quote q JOIN article a ON a.id = q.article{where} ORDER BY {_QUOTE_ORDER['date']}"
    return [r[0] for r in run(conn, sql, params)]


def _statements(conn, f: q.Filters) -> list[str]:
    where, params = quote_where(f, _old(conn))
    kept = f"SELECT qs.statement FROM quote q JOIN article a ON a.id = q.article JOIN quote_statement qs ON qs.quote = q.id{where}"
    sql = f"SELECT s.id FROM statement s WHERE s.id IN ({kept}) ORDER BY {_ORDER['date']}"
    return [r[0] for r in run(conn, sql, params)]


def _bounded_reads(monkeypatch) -> list[str]:
    """The SQL of every bounded read (`within`: a walk of a date index, a gathering within steps) from now on."""
    walked: list[str] = []
    for name in ("within", "within_ints"):
        bounded = getattr(article_reads, name)
        monkeypatch.setattr(
            article_reads,
            name,
            lambda c, sql, p, steps, bounded=bounded: walked.append(sql) or bounded(c, sql, p, steps),
        )
    return walked


def test_the_searches_keep_some_articles_and_not_all(conn):
    everything = q.count_articles(conn)
    kept = [len(_articles(conn, q.Filters(search=s), "date")) for s in SEARCHES]
    assert 0 in kept and any(0 < n < everything for n in kept) and everything in kept


@pytest.mark.parametrize("search", SEARCHES)
def test_a_fielded_search_reads_the_rows_matched_row_by_row(conn, search):
    f = q.Filters(search=search)
    reuse.forget()
    for sort in ("date", "oldest", "title", "source"):
        expected = _articles(conn, f, sort)
        total = q.count_articles(conn, f, 1000)
        assert total == len(expected), (search, sort)
        assert [r.id for r in q.articles(conn, f, sort, 0, 100, total)] == expected, (search, sort)
        paged = [r.id for o in range(0, total, 4) for r in q.articles(conn, f, sort, o, 4, total)]
        assert paged == expected, (search, sort)
    expected = _quotes(conn, f)
    assert q.count_quotes(conn, f) == len(expected), search
    assert [r.id for r in q.quotes(conn, f, "date", 0, 200, len(expected))] == expected, search
    expected = _statements(conn, f)
    assert q.count_statements(conn, f) == len(expected), search
    assert [r.id for r in q.statements(conn, f, "date", 0, 200, len(expected))] == expected, search


@pytest.mark.parametrize("steps", [article_reads.WALK_STEPS, 40])
@pytest.mark.parametrize("search", SEARCHES)
def test_a_first_page_read_beside_its_count_or_past_a_capped_count_is_the_same(conn, search, steps, monkeypatch):
    """A search not naming a speaker is counted up to the cap, and its first page is read without the count (beside
    it) or past a capped one off a date index, within the steps allowed, else gathered: the same rows either way.
    A speaker's are counted whole; the articles kept, gathered, are walked off the date index within the steps
    allowed (here however few they are), else sorted."""
    monkeypatch.setattr(article_reads, "WALK_STEPS", steps)
    monkeypatch.setattr(article_reads, "WALK_KEPT_SHARE", 10**9)
    monkeypatch.setattr(article_reads, "KEPT_SORTED_UP_TO", 0)
    f = q.Filters(search=search)
    reuse.forget()
    expected = _articles(conn, f, "date")
    capped = q.count_articles(conn, f, 3)
    over = len(expected) > 3 and not names_a_speaker(search)  # a speaker's articles are gathered, and counted whole
    assert capped == (3 if over else len(expected)) and isinstance(capped, AtLeast) == over, search
    for total in (None, capped, len(expected)):
        reuse.forget()
        assert [r.id for r in q.articles(conn, f, "date", 0, 10, total)] == expected[:10], (search, total)


@pytest.mark.parametrize(
    "search", ["entity:Grain -kind:indirect", 'entity:"Grain Board" -kind:indirect', "harbour -grain said:2022-02"]
)
def test_a_first_page_is_walked_off_a_date_index_within_its_steps_and_not_past_them(conn, search):
    """The walk itself (not the gathering after it): an entity's own date index (two entities' pages merged) or
    every article's, the page it finds the newest kept articles; with too few steps, no page at all."""
    f = q.Filters(search=search)
    cols = with_sources(conn, columns(conn), search)
    expected = _articles(conn, f, "date")
    assert expected and [r.id for r in _walked_page(conn, f, cols, 5)] == expected[:5]
    dane = conn.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    under = q.Filters(search=search, entity=dane)
    assert [r.id for r in _walked_page(conn, under, cols, 5)] == _articles(conn, under, "date")[:5]
    assert _walked_page(conn, f, cols, 5) is not None
    assert _walked_page(conn, q.Filters(search='entity:"No Such Body" -kind:indirect'), cols, 5) == []
    article_reads.WALK_STEPS, steps = 40, article_reads.WALK_STEPS
    try:
        assert _walked_page(conn, f, cols, 5) is None
    finally:
        article_reads.WALK_STEPS = steps


@pytest.mark.parametrize("search", ["entity:Grain -kind:indirect", "harbour -grain said:2022-02"])
def test_a_first_page_whose_walk_stopped_is_sorted_not_walked_again(conn, search, monkeypatch):
    """The kept articles lie far down the date index when a walk of it stopped without a page: gathered, they are
    sorted, not walked again."""
    monkeypatch.setattr(article_reads, "WALK_STEPS", 40)
    monkeypatch.setattr(article_reads, "WALK_KEPT_SHARE", 10**9)  # kept ones walked, however few
    monkeypatch.setattr(article_reads, "KEPT_SORTED_UP_TO", 0)
    walked = _bounded_reads(monkeypatch)
    f = q.Filters(search=search)
    reuse.forget()
    expected = _articles(conn, f, "date")
    total = q.count_articles(conn, f, 3)
    assert isinstance(total, AtLeast)
    assert [r.id for r in q.articles(conn, f, "date", 0, 10, total)] == expected[:10]
    assert walked and not any("json_each" in sql for sql in walked)


@pytest.mark.parametrize("search", ["entity:Grain -kind:indirect", "rule source:reut", "speaker:Dane -kind:indirect"])
def test_kept_articles_sorted_by_date_off_the_index_of_dates_by_id_give_every_page_as_sorted_rows(
    conn, search, monkeypatch
):
    """Gathered and not walked (no steps to walk with), kept articles are put in date order off the index of dates
    by id, then their rows read: every page, from either end, as their rows sorted."""
    monkeypatch.setattr(article_reads, "WALK_STEPS", 40)
    reads: list[str] = []
    real_run = article_reads.run
    monkeypatch.setattr(article_reads, "run", lambda c, sql, p=(): reads.append(sql) or real_run(c, sql, p))
    f = q.Filters(search=search)
    for sort in ("date", "oldest"):
        reuse.forget()
        expected = _articles(conn, f, sort)
        total = len(expected)
        paged = [r.id for o in range(0, total, 4) for r in q.articles(conn, f, sort, o, 4, total)]
        assert paged == expected, (search, sort)
    assert any("INDEXED BY idx_article_id_published" in sql for sql in reads)


def test_kept_articles_up_to_a_sorts_worth_are_sorted_off_the_index_of_dates_by_id_not_walked(conn, monkeypatch):
    monkeypatch.setattr(article_reads, "WALK_KEPT_SHARE", 10**9)  # many enough to walk, were they not sorted cheaply
    walked = _bounded_reads(monkeypatch)
    f = q.Filters(search="speaker:Dane -kind:indirect")
    reuse.forget()
    expected = _articles(conn, f, "date")
    assert 0 < len(expected) <= article_reads.KEPT_SORTED_UP_TO
    assert [r.id for r in q.articles(conn, f, "date", 0, 10, len(expected))] == expected[:10]
    assert walked == []
    monkeypatch.setattr(article_reads, "KEPT_SORTED_UP_TO", 0)
    reuse.forget()
    assert [r.id for r in q.articles(conn, f, "date", 0, 10, len(expected))] == expected[:10]
    assert walked


@pytest.mark.parametrize("search", ["rule source:reut", '"harbour tariff" -source:wire', "harbour source:reut"])
def test_a_first_page_of_words_and_cheap_fields_is_gathered_and_sorted_when_few_not_walked(conn, search, monkeypatch):
    """Words with a source or a date, found off the full-text index: gathered first (within their steps), and when
    no more than a sort's worth, sorted, the date index not walked; past those steps, or more than a sort's worth,
    walked as before. The same rows either way."""
    walked = _bounded_reads(monkeypatch)
    f = q.Filters(search=search)
    expected = _articles(conn, f, "date")
    assert expected
    for gather_steps, sorted_up_to in (
        (article_reads.GATHER_STEPS, article_reads.KEPT_SORTED_UP_TO),
        (40, 10**6),
        (10**6, 0),
    ):
        monkeypatch.setattr(article_reads, "GATHER_STEPS", gather_steps)
        monkeypatch.setattr(article_reads, "KEPT_SORTED_UP_TO", sorted_up_to)
        walked.clear()
        reuse.forget()
        assert [r.id for r in q.articles(conn, f, "date", 0, 10, q.count_articles(conn, f, 3))] == expected[:10]
        walks = [sql for sql in walked if "INDEXED BY idx_article_published" in sql]
        assert walked and bool(walks) == (gather_steps == 40 or sorted_up_to == 0), (search, gather_steps, walked)


def test_a_search_that_looks_at_quotes_is_walked_not_gathered_first(conn, monkeypatch):
    walked = _bounded_reads(monkeypatch)
    f = q.Filters(search="harbour -grain said:2022-02")
    reuse.forget()
    assert [r.id for r in q.articles(conn, f, "date", 0, 10, q.count_articles(conn, f, 3))] == _articles(
        conn, f, "date"
    )[:10]
    assert walked and all("INDEXED BY idx_article_published" in sql for sql in walked)


def test_a_bounded_read_is_bounded_alike_however_often_it_ran(conn):
    """SQLite counts a cached statement's instructions on from its last run: the bound holds on every run."""
    sql = "SELECT COUNT(*) FROM quote a, quote b"
    counted: list[int] = []
    conn.set_progress_handler(lambda: counted.append(1) and 0, 1)
    try:
        run(conn, sql)
    finally:
        conn.set_progress_handler(None, 0)
    cost = len(counted)
    assert all(within(conn, sql, (), int(cost / 0.8)) is not None for _ in range(6))
    assert all(within(conn, sql, (), cost // 2) is None for _ in range(6))


def test_a_bounded_read_stops_past_its_steps_and_an_interruption_is_still_an_error(conn):
    every = "SELECT COUNT(*) FROM article a, article b, quote"
    assert [tuple(r) for r in within(conn, "SELECT COUNT(*) FROM article", (), 10_000)] == [(q.count_articles(conn),)]
    assert within(conn, every, (), 10_000) is None
    conn.create_function("interrupted_here", 0, lambda: conn.interrupt() or 1)  # as navigation away does, mid-read
    with pytest.raises(q.QueryError, match="interrupt"):
        within(conn, every + " WHERE interrupted_here()", (), 10**9)
    assert [tuple(r) for r in run(conn, every)] == [(42 * 42 * q.count_quotes(conn),)]  # no handler left behind


@pytest.mark.parametrize("search", ["rule source:reut", "speaker:Dane -kind:indirect"])
def test_the_same_under_an_entity_filter(conn, search):
    dane = conn.execute("SELECT id FROM entity WHERE canonical = 'Cyril Dane'").fetchone()[0]
    f = q.Filters(search=search, entity=dane)
    reuse.forget()
    expected = _articles(conn, f, "date")
    total = q.count_articles(conn, f)
    assert total == len(expected) and [r.id for r in q.articles(conn, f, "date", 0, 100, total)] == expected
    expected = _statements(conn, f)
    total = q.count_statements(conn, f)
    assert total == len(expected) and [r.id for r in q.statements(conn, f, "date", 0, 100, total)] == expected


@pytest.mark.parametrize("search", ["entity:Dane -kind:direct", "entity:Dane said:2022-02", "entity:Dane date:2022"])
def test_an_entitys_statements_of_a_kind_or_a_period_are_those_of_its_wordings_whose_facts_allow_them(conn, search):
    """Its statements among those of its wordings, each looked at only when its facts (kinds, days said, articles'
    dates) allow one of its quotes: no quote of the entity gathered."""
    where, _ = statements_reads._where(conn, q.Filters(search=search))
    assert "entity_wording" in where and "IN (SELECT quote FROM entity_quote" not in where
    assert any(fact in where for fact in ("json_each(s.kinds)", "s.said_until", "s.published_until"))


def test_a_statements_quotes_are_checked_without_their_rows_when_the_checks_need_none(conn):
    """An entity's quotes in a period are checked on the summary's rows alone; a kind is on the quote's row."""
    dated, _ = statements_reads._where(conn, q.Filters(search="entity:Dane date:2022"))
    kinded, _ = statements_reads._where(conn, q.Filters(search="entity:Dane -kind:direct"))
    assert "CROSS JOIN quote q" not in dated and "quote_statement) q" in dated
    assert "CROSS JOIN quote q" in kinded


@pytest.mark.parametrize("search", ["harbour -grain said:2022-02", "-kind:indirect rule", "rule source:reut"])
def test_the_statements_of_words_with_fields_are_found_through_their_wordings(conn, search):
    """Their words' statements off the wordings' index, each checked quote by quote: no quote's match gathered."""
    where, params = statements_reads._where(conn, q.Filters(search=search))
    assert "statement_fts MATCH" in where and "IN (SELECT rowid FROM quote_fts" not in where
    assert "grain" not in params[0]  # a word left out is checked on the quotes, not in the wordings


def test_a_source_is_resolved_among_the_distinct_sources(conn):
    """`source:` becomes the stored sources it matches (any case, a word's start), read off the source index."""
    reuse.forget()
    sources = {r[0] for r in conn.execute("SELECT DISTINCT source FROM article WHERE source IS NOT NULL")}
    kept = source_set(conn, "reut")
    assert set(kept.values) == {s for s in sources if s.lower().startswith("reut")}
    nulls = conn.execute("SELECT EXISTS (SELECT 1 FROM article WHERE source IS NULL)").fetchone()[0]
    assert kept.every == (len(sources) == 1) and kept.nulls == bool(nulls)
    assert source_set(conn, "xyz").values == ()


def test_a_source_every_article_has_is_no_clause_and_one_none_has_keeps_nothing(conn):
    reuse.forget()
    every = conn.execute("SELECT COUNT(*) FROM article WHERE source IS NULL").fetchone()[0] == 0
    f = q.Filters(search="rule source:reuters")
    where, _ = _article_where(f, with_sources(conn, columns(conn), f.search))
    assert ("source" not in where) == (every and len(source_set(conn, "reuters").values) == 1)
    assert not quotes_need_article("rule source:xyz", with_sources(conn, columns(conn), "rule source:xyz"))
    assert (
        "AND 0"
        in _article_where(q.Filters(search="rule source:xyz"), with_sources(conn, columns(conn), "rule source:xyz"))[0]
    )


def test_a_new_source_is_seen_by_the_next_read(tmp_path):
    """What a source matches is kept while the database is unchanged, and read again after a write."""
    writer = _corpus(tmp_path / "c.db", ("Reuters",))
    reader = q.connect(tmp_path / "c.db")
    f = q.Filters(search="source:Daily")
    assert q.count_articles(reader, f) == 0
    art = Article(key="new", text="A later report.", title="Later", source="The Daily", published="2022-04-01")
    art.sha256 = art.key
    write_article(writer, art, Extraction(sentences=[(0, 15)]), EntityCache(writer))
    writer.commit()
    assert q.count_articles(reader, f) == 1
    reader.close()
    writer.close()


def test_the_articles_of_a_search_are_read_from_the_table_that_finds_them(conn):
    """No article row is read for a count that needs only the articles' ids."""
    for search in ("rule -kind:indirect", 'entity:"Grain Board" -kind:indirect', "speaker:Brook kind:direct"):
        sql, params = _kept_sql(q.Filters(search=search), with_sources(conn, columns(conn), search))
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "SEARCH a USING INTEGER PRIMARY KEY" not in plan and "SCAN a" in plan, (search, plan)


def test_an_articles_quotes_are_looked_at_off_the_article_index(conn):
    """An entity's articles with a quote of a kind: each article's quotes off the article's index (SQLite would
    rather walk every quote of the kind for each article: minutes at 100,000 articles)."""
    sql, params = _kept_sql(q.Filters(search='entity:"Grain Board" kind:direct'), columns(conn))
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "idx_quote_article_start (article=?)" in plan and "idx_quote_kind (kind=?)" not in plan, plan


@pytest.mark.parametrize("search", ['entity:"Grain Board" -kind:indirect', "rule said:2023-02", "tariff -kind:direct"])
def test_an_articles_quotes_are_checked_for_their_kind_and_dates_on_that_index_alone(conn, search):
    """The index of each article's quotes holds their kind and the days they were said (schema 15): no quote's
    row is read to check them."""
    sql, params = _kept_sql(q.Filters(search=search), columns(conn))
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "USING COVERING INDEX idx_quote_article_start (article=?)" in plan, plan


def test_the_rest_of_a_search_is_checked_on_the_walk_only_when_it_reads_back_as_typed():
    """The terms left once the walked entity's is taken out are checked as a line of their own: a value the line
    cannot hold as typed (a phrase with a quotation mark in it) walks every article's index instead."""
    from model.corpus.query.language import Query, Term, parse

    assert article_reads._typed_back(parse('entity:"Grain Board" -kind:indirect "harbour tariff"').without(0))
    assert not article_reads._typed_back(Query((Term("kind", "direct"), Term(None, 'say "no"', phrase=True))))
