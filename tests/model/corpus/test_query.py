"""model.corpus.query against a small database written through store (no spaCy)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.corpus import query as q
from tests.tui.fixture_db import build


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("db") / "corpus.db")
    c = q.connect(path)
    yield c
    c.close()


def _id(conn, name):
    return q.entities(conn, q.Filters(name=name))[0].id


def test_fts_escape_quotes_every_word():
    assert q.fts_escape('Putin said "no" OR NEAR(x') == '"Putin" "said" "no" "OR" "NEAR" "x"'
    assert q.fts_escape("Xi*") == '"Xi"*'
    assert q.fts_escape("   ") is None
    assert q.fts_escape('"*()^:') is None
    assert q.fts_escape(None) is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_search_string_is_safe(text):
    c = sqlite3.connect(":memory:")
    c.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    c.execute("INSERT INTO t VALUES ('China and Russia said')")
    expr = q.fts_escape(text)
    if expr is not None:
        c.execute("SELECT * FROM t WHERE t MATCH ?", (expr,)).fetchall()


def test_articles_sort_and_filter(conn):
    assert q.count_articles(conn) == 4
    newest = q.articles(conn)
    assert newest[0].key == "wang-visit" and newest[-1].published is None
    assert [a.key for a in q.articles(conn, sort="title")][0] == "hostile"  # "[bold]…" sorts first
    putin = _id(conn, "Vladimir Putin")
    assert {a.key for a in q.articles(conn, q.Filters(entity=putin))} == {"wang-visit", "boundless"}
    assert [a.key for a in q.articles(conn, q.Filters(search="stage"))] == ["wang-visit"]
    assert q.articles(conn, offset=3, limit=10)[0].key == "zakharova"


def test_bad_search_is_a_query_error(conn):
    with pytest.raises(q.QueryError):
        q.count_articles(conn, q.Filters(search="***"))
    with pytest.raises(q.QuerySyntaxError, match="not closed"):  # the search language: an unclosed phrase
        q.count_quotes(conn, q.Filters(search='"instructions'))
    assert q.count_quotes(conn, q.Filters(search='"instructions"')) == 1


def test_entities_type_and_name_filter(conn):
    people = q.entities(conn, q.Filters(label="PERSON"))
    assert people and all(e.label == "PERSON" for e in people)
    assert [e.name for e in q.entities(conn, q.Filters(name="zakh"))] == ["Maria Zakharova"]
    assert q.count_entities(conn, q.Filters(name="100%_")) == 0
    assert ("GPE", q.count_entities(conn, q.Filters(label="GPE"))) in q.labels(conn)


def test_timeline_in_date_order_with_granularity(conn):
    ev = q.events(conn)
    starts = [e.value_start for e in ev]
    assert starts == sorted(starts) and None not in starts
    year = next(e for e in ev if e.value == "2022")
    assert year.granularity == "year" and year.sentence_text.startswith("About a year ago")
    assert q.granularity("2023-02") == "month" and q.granularity("2023-W08") == "week"
    assert q.event_position(conn, q.Filters(), "2023") == sum(1 for s in starts if s < "2023")
    putin = _id(conn, "Vladimir Putin")
    assert {e.text for e in q.events(conn, q.Filters(entity=putin))} >= {"Friday", "in March"}


def test_quotes_filters_and_speaker_sort(conn):
    wang = _id(conn, "Wang Yi")
    by = q.quotes(conn, q.Filters(speaker=wang))
    assert [x.text for x in by] == ["Our partnership has stood firm against every outside attempt to divide us,"]
    assert by[0].speaker_text == "Wang" and by[0].title.startswith("China-Russia")
    names = [x.speaker for x in q.quotes(conn, sort="speaker")]
    assert names[-1] is None and names[:-1] == sorted(names[:-1], key=str.casefold)
    china = _id(conn, "China")
    assert q.count_quotes(conn, q.Filters(entity=china)) == 2  # said by China, or mentioning it


def test_entity_page(conn):
    page = q.entity_page(conn, _id(conn, "Vladimir Putin"))
    assert ("Putin", 3) in page.aliases
    assert page.mentions[0].text in ("Vladimir Putin", "Putin") and page.mentions[0].right
    assert page.quotes_by_total == 2 and page.events_total >= 2
    assert page.cooccurring and page.cooccurring[0][1] == 2
    assert q.entity_page(conn, 999999) is None


def test_article_document(conn):
    doc = q.get_article(conn, q.articles(conn, q.Filters(search="stage"))[0].id)
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    for x in doc.quotes:
        assert doc.text[x.start : x.end] == x.text
    assert doc.timexes[0].value == "2023-02-22"


def test_query_never_imports_sqlite_utils_textual_or_rich():
    code = (
        "import sys, model.corpus.query; bad = [m for m in ('sqlite_utils', 'textual', 'rich', 'spacy') "
        "if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_an_untitled_article_is_listed_by_its_opening_words(tmp_path):
    from model.corpus import query, store
    from model.corpus.write import EntityCache, write_article
    from model.records import Article, Extraction

    db = tmp_path / "u.db"
    conn = store.connect(db)
    a = Article(
        key="u", text="Trade along the Amur between the two neighbours is growing faster than expected, officials said."
    )
    a.sha256 = "u"
    write_article(conn, a, Extraction(sentences=[(0, len(a.text))]), EntityCache(conn))
    conn.close()
    rc = query.connect(db)
    (row,) = query.articles(rc)
    rc.close()
    assert row.title.startswith("Trade along the Amur between the two") and row.title.endswith("…")


def test_the_entity_summary_gives_the_rows_the_joins_give(tmp_path):
    """Schema 2 reads entity pages and entity filters from the per-entity summary; a version-1
    database (no summary) from joins of mentions, articles, events and quotes: the same rows."""
    import dataclasses
    import shutil

    from tests.model.corpus.helpers import as_version_1

    new = build(tmp_path / "new.db")
    old = tmp_path / "old.db"
    shutil.copy(new, old)
    as_version_1(old)
    F = q.Filters

    def unsaid(x):  # what a quote says of when it was said: version 5's columns, none in a version-1 database
        if dataclasses.is_dataclass(x):
            x = dataclasses.asdict(x)
        if isinstance(x, dict):
            return {k: unsaid(v) for k, v in x.items() if k not in ("said_on", "said_on_basis")}
        return [unsaid(v) for v in x] if isinstance(x, (list, tuple)) else x

    def plain(rows):
        return [unsaid(x) for x in rows]

    def everything(c):
        pages, filtered = [], []
        for e in q.entities(c, F(), 0, 1000):
            f, by = F(entity=e.id), F(speaker=e.id)
            page = q.entity_page(c, e.id, limit=3)
            page.merged_events, page.merged_events_total = [], 0  # a version-1 database has no merged events
            pages.append(page)
            filtered += [
                q.count_articles(c, f),
                q.articles(c, f, limit=3),
                q.articles(c, f, offset=1, limit=2),
                q.count_events(c, f),
                q.events(c, f, 1, 3),
                q.event_position(c, f, "2022-03"),
                q.count_quotes(c, f),
                q.quotes(c, f, limit=3),
                q.quotes(c, f, offset=1),
                q.count_quotes(c, by),
                q.quotes(c, by),
                q.quotes(c, f, "speaker"),
            ]
        n = q.count_events(c, F())
        timeline = [n, *(q.event_position(c, F(), d) for d in ("1900", "2022", "2022-02-24", "2023-02", "2100"))]
        timeline += [q.events(c, F(), o, 3) for o in range(n + 2)]  # every offset, and past the end
        return plain(pages), plain(filtered), plain(timeline)

    with q.connect(new) as a, q.connect(old) as b:
        assert q.has_summary(a) and not q.has_summary(b)
        got, want = everything(a), everything(b)
    pages, filtered, timeline = got
    assert len(pages) > 10 and any(p["quotes_about"] for p in pages) and any(p["events"] for p in pages)
    assert timeline[0] > 5 and timeline[-3] and timeline[-2] == timeline[-1] == []
    assert got == want
