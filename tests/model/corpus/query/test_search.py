"""The search language on the fixture corpus: the rows each query must return in Articles and Quotes,
its SQL always valid, and the query plans of the fielded queries."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.corpus import query as q
from model.corpus.query import search
from model.corpus.query.articles import _article_where
from model.corpus.query.quotes import quote_where
from tests.tui.fixture_db import build


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    c = q.connect(build(tmp_path_factory.mktemp("search") / "corpus.db"))
    yield c
    c.close()


ZAKHAROVA = {"Russia and China take no", "the consultations would"}
PUTIN = {"a higher stage,", "We are opening a new"}

# query -> (article keys, the opening words of the quotes), each as the Articles and Quotes panes list them
QUERIES = [
    ('"no ceiling"', {"boundless"}, {"there is no ceiling on"}),
    ('"ceiling no"', set(), set()),  # a phrase is these words in this order
    ("ceiling no", {"boundless"}, {"there is no ceiling on"}),  # words: each anywhere
    ('"higher stage" -Xi', set(), {"a higher stage,"}),  # the article names Xi; the quote does not
    ("partnership -unbounded", {"wang-visit"}, {"Our partnership has stood"}),
    (
        "-China",
        set(),
        {
            "a higher stage,",
            "Our partnership has stood",
            "We are following closely",
            "there is no ceiling on",
            "We are opening a new",
            "the consultations would",
        },
    ),
    ("speaker:Putin", {"wang-visit", "boundless"}, PUTIN),
    ('speaker:"Vladimir Putin" kind:partial', {"wang-visit"}, {"a higher stage,"}),
    ("speaker:Zakharova kind:indirect", {"zakharova"}, {"the consultations would"}),
    (
        "-speaker:Putin kind:direct,partial date:2023",
        {"wang-visit"},
        {"Our partnership has stood", "We are following closely"},
    ),
    ('entity:"Wang Yi"', {"wang-visit"}, {"Our partnership has stood"}),
    ("entity:wang", {"wang-visit"}, {"Our partnership has stood"}),  # an alias, any case
    ("entity:Zakharova", {"zakharova"}, ZAKHAROVA),  # no entity is called that: the words of a name
    (
        "entity:China",
        {"wang-visit", "boundless", "hostile", "zakharova"},
        {"[red]not red[/red]", "Russia and China take no"},
    ),
    ("kind:indirect", {"zakharova"}, {"the consultations would"}),
    ("-kind:direct", {"wang-visit", "zakharova"}, {"a higher stage,", "the consultations would"}),
    ("source:world", {"boundless"}, {"there is no ceiling on", "We are opening a new"}),
    ("outlet:Example", {"wang-visit"}, {"a higher stage,", "Our partnership has stood", "We are following closely"}),
    ("source:Wire -date:2022", set(), set()),
    (
        "date:2023-02..2023-03",
        {"wang-visit"},
        {"a higher stage,", "Our partnership has stood", "We are following closely"},
    ),
    ("date:2022-02-05", {"boundless"}, {"there is no ceiling on", "We are opening a new"}),
    ("date:..2022", {"boundless", "hostile"}, {"there is no ceiling on", "We are opening a new", "[red]not red[/red]"}),
    ("-date:2021..2023", {"zakharova"}, ZAKHAROVA),  # the undated article is not in any range
    ("said:2022", {"boundless"}, {"there is no ceiling on", "We are opening a new"}),  # the article's date
    ("entity:Putin Ukraine", {"wang-visit", "boundless"}, set()),
    ("Jinp* said:2023-02", {"wang-visit"}, set()),
]


@pytest.mark.parametrize("line, keys, quotes", QUERIES, ids=[x[0] for x in QUERIES])
def test_the_rows_each_query_returns(conn, line, keys, quotes):
    f = q.Filters(search=line)
    found = q.articles(conn, f)
    assert {a.key for a in found} == keys and q.count_articles(conn, f) == len(found)
    said = q.quotes(conn, f)
    assert {next((o for o in quotes if x.text.startswith(o)), x.text) for x in said} == quotes
    assert q.count_quotes(conn, f) == len(said) == len(quotes)


def test_fields_combine_with_the_filters_of_chips(conn):
    putin = q.entities(conn, q.Filters(name="Vladimir Putin"))[0].id
    f = q.Filters(entity=putin, search="date:2022")
    assert [a.key for a in q.articles(conn, f)] == ["boundless"]
    assert [x.text for x in q.quotes(conn, q.Filters(speaker=putin, search="kind:partial"))] == ["a higher stage,"]


def test_a_page_of_many_matches_is_read_newest_first_like_any_other(conn, monkeypatch):
    """With the bound lowered, a fielded query counts as keeping many rows: its page is read off the date
    index, and must hold the same rows in the same order."""
    line = "kind:direct,partial -source:nothing"
    before = [a.key for a in q.articles(conn, q.Filters(search=line))], q.quotes(conn, q.Filters(search=line))
    monkeypatch.setattr(search, "FREQUENT", 2)
    monkeypatch.setattr(search, "PAGE_ROWS", 0)
    assert search.keeps_many(conn, "article a", *_article_where(q.Filters(search=line), search.columns(conn)))
    assert search.keeps_many(conn, "quote q", " WHERE q.kind IN ('direct', 'partial')", [], total=None)
    assert not search.keeps_many(conn, "quote q", "", [], total=1)
    after = [a.key for a in q.articles(conn, q.Filters(search=line))], q.quotes(conn, q.Filters(search=line))
    assert after == before


def plan(conn, sql: str, params) -> str:
    return " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def scans(plan_text: str, alias: str) -> bool:
    """Whether the plan reads every row of the table called `alias`."""
    return any(step == f"SCAN {alias}" or step.startswith(f"SCAN {alias} ") for step in plan_text.split(" | "))


@pytest.mark.parametrize(
    "line, articles_uses, quotes_uses",
    [
        ("speaker:Putin", "speaker_name_fts VIRTUAL TABLE", "speaker_name_fts VIRTUAL TABLE"),  # schema 17
        (  # a name's quotes, their kind and article read off the index by name, no quote row
            "speaker:Putin kind:direct",
            "COVERING INDEX idx_quote_speaker_facts (speaker_name=? AND kind=?)",
            "COVERING INDEX idx_quote_speaker_facts (speaker_name=? AND kind=?)",
        ),
        ('entity:"Wang Yi"', "entity_article USING COVERING INDEX", "entity_quote USING COVERING INDEX"),
        ("date:2023-02", "idx_article_published (published>? AND published<?)", "idx_article_published"),
        ('"no limits" source:Reuters', "article_fts VIRTUAL TABLE", "quote_fts VIRTUAL TABLE"),
        (  # the dates of an entity's articles and quotes read off the summary's index, no article row
            'entity:"Wang Yi" date:2023',
            "idx_entity_article_published (entity=? AND published>? AND published<?)",
            "idx_entity_quote_published (entity=? AND published>? AND published<?)",
        ),
        ("kind:direct", "idx_quote_kind (kind=?)", "idx_quote_kind (kind=?)"),  # schema 9
        ("kind:direct,partial", "idx_quote_kind (kind=?)", "idx_quote_kind (kind=?)"),
    ],
)
def test_fielded_queries_start_from_an_index(conn, line, articles_uses, quotes_uses):
    """EXPLAIN QUERY PLAN of the counts: each starts from the index of its most telling field, never a
    scan of every article or quote."""
    f, cols = q.Filters(search=line), search.columns(conn)
    where, params = _article_where(f, cols)
    articles_plan = plan(conn, f"SELECT COUNT(*) FROM article a{where}", params)
    assert articles_uses in articles_plan and not scans(articles_plan, "a")
    where, params = quote_where(f, cols)
    source = "quote q JOIN article a ON a.id = q.article" if search.quotes_need_article(line, cols) else "quote q"
    quotes_plan = plan(conn, f"SELECT COUNT(*) FROM {source}{where}", params)
    assert quotes_uses in quotes_plan and not scans(quotes_plan, "q") and not scans(quotes_plan, "a")


def test_a_source_is_counted_off_its_index_not_the_article_rows(conn):
    """`source:` matches a word anywhere in the source (no seek), so its count reads the small source index
    (schema 9), never the article rows with their text."""
    where, params = _article_where(q.Filters(search="source:Reuters"), search.columns(conn))
    assert "COVERING INDEX idx_article_source" in plan(conn, f"SELECT COUNT(*) FROM article a{where}", params)


BITS = [
    '"',
    "-",
    ":",
    "..",
    " ",
    "*",
    "(",
    "NEAR",
    "OR",
    "speaker:",
    "entity:",
    "date:",
    "kind:direct",
    "said:2022",
    "source:",
    "2023",
    "Putin",
    "关系",
    "%",
    "_",
    "\\",
    "'",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(BITS), max_size=8).map("".join)))
def test_any_query_gives_rows_or_a_one_line_reason_never_an_sql_error(conn, line):
    f = q.Filters(search=line)
    try:
        assert q.count_articles(conn, f) == len(q.articles(conn, f))
        assert q.count_quotes(conn, f) == len(q.quotes(conn, f))
    except q.QueryError as e:
        assert str(e) and "\n" not in str(e) and not isinstance(e.__cause__, sqlite3.Error)
        assert "cannot search for that" not in str(e)  # what an FTS5 syntax error would say


def test_said_reads_when_the_quotes_were_said_where_the_database_says(tmp_path):
    """With the quotes' own dates (schema 5's `said_on_start`, `said_on_end`), `said:` keeps the quotes whose
    span overlaps the range; without them, it is the article's date (the table above)."""
    path = build(tmp_path / "said.db")
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE quote SET said_on_start = '2022-12-30', said_on_end = '2023-01-05' WHERE text LIKE 'We are opening%'"
        )
    c = q.connect(path)
    try:
        assert search.columns(c).said_on
        assert [x.text for x in q.quotes(c, q.Filters(search="said:2023-01"))] == ["We are opening a new chapter,"]
        before = {x.text for x in q.quotes(c, q.Filters(search="said:..2022-12-30"))}
        starts = dict(c.execute("SELECT text, said_on_start FROM quote").fetchall())
        assert "We are opening a new chapter," in before
        assert before == {t for t, start in starts.items() if start and start <= "2022-12-30"}
        late = c.execute("SELECT count(*) FROM quote WHERE said_on_end >= '2023-01-06'").fetchone()[0]
        assert q.count_quotes(c, q.Filters(search="said:2023-01-06..")) == late
        said_2023 = c.execute(
            "SELECT DISTINCT a.key FROM quote q JOIN article a ON a.id = q.article "
            "WHERE q.said_on_end >= '2023-01-01' AND q.said_on_start <= '2023-12-31'"
        ).fetchall()
        assert "boundless" in {k for (k,) in said_2023}
        assert sorted(a.key for a in q.articles(c, q.Filters(search="said:2023"))) == sorted(k for (k,) in said_2023)
    finally:
        c.close()
