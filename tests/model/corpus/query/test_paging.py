"""Pages read from the nearer end (`paging`) hold the rows OFFSET reads, and the sort orders use their indexes."""

from __future__ import annotations

import sqlite3

import pytest

from model.corpus import query as q
from model.corpus import schema, store
from model.corpus.query.paging import reverse_order, window
from model.corpus.statement_refresh import refresh_statements
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote

SPEAKERS = ("Ada Brook", "al Ames", "Cyril Dane", None, "Bo Eng")  # a name in lower case, an unknown speaker
SOURCES = ("Harbour Post", "atlas wire", None, "Cove Daily", "Atlas Wire")  # the same outlet in two cases, none


def _corpus(path) -> sqlite3.Connection:
    """40 articles with tied dates (and some undated), tied or missing titles, and quotes by a few speakers."""
    conn = store.connect(path)
    cache = EntityCache(conn)
    for i in range(40):
        text = f"Cyril Dane said the port {i} reopened. The minister said talks went on."
        art = Article(
            key=f"k{i}",
            text=text,
            title=None if i % 9 == 0 else f"Report {i % 6}",
            published=None if i % 11 == 0 else f"2021-0{1 + i % 3}-1{i % 4}",
            source=SOURCES[i % len(SOURCES)],
        )
        art.sha256 = art.key
        quotes = [
            Quote(k, 33, f"the port {i} reopened", "indirect", speaker=SPEAKERS[(i + k) % len(SPEAKERS)], speakers=[])
            for k in range(i % 3)
        ]
        ext = Extraction(
            sentences=[(0, 35), (36, len(text))],
            mentions=[Mention(0, 10, "Cyril Dane", "PERSON", "Cyril Dane", family="Dane")],
            quotes=quotes,
        )
        write_article(conn, art, ext, cache)
    conn.commit()
    refresh_statements(conn)
    _events(conn)
    return conn


def _events(conn: sqlite3.Connection) -> None:
    """30 merged events (as the merge writes them: derived rows) with tied report counts and tied dates."""
    conn.executemany(
        "INSERT INTO event(id, part, value, summary, trigger, participants, place, readings, conflict, reports) "
        "VALUES (?, '2021', ?, ?, 'met', '[]', NULL, '[]', 0, ?)",
        [(f"ev{i}", f"2021-0{1 + i % 4}-0{1 + i % 2}", f"event {i}", 1 + i % 5 * (i % 3)) for i in range(30)],
    )
    conn.commit()


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    c = _corpus(tmp_path_factory.mktemp("paging") / "c.db")
    yield c
    c.close()


def _pages(read, total: int, size: int, counted: int | None) -> list:
    return [r for offset in range(0, total, size) for r in read(offset, size, counted)]


def test_reverse_order_flips_every_term():
    assert reverse_order("a.x IS NULL, a.t COLLATE NOCASE, a.p DESC, a.id ASC") == (
        "a.x IS NULL DESC, a.t COLLATE NOCASE DESC, a.p, a.id DESC"
    )


def test_window_reads_from_the_end_only_past_the_middle_of_an_exact_count():
    assert not window("a.id", 0, 10, 100).reverse
    assert window("a.id", 90, 10, 100) == window("a.id", 90, 10, 100)
    last = window("a.id", 95, 10, 100)
    assert (last.order, last.offset, last.limit, last.reverse) == ("a.id DESC", 0, 5, True)
    assert not window("a.id", 95, 10, q.AtLeast(100)).reverse  # a capped count is not the end
    assert not window("a.id", 95, 10, None).reverse


@pytest.mark.parametrize("sort", q.ARTICLE_SORTS)
@pytest.mark.parametrize("entity", [False, True])
def test_article_pages_from_the_end_are_the_offset_pages(conn, sort, entity):
    f = (
        q.Filters(entity=conn.execute("SELECT id FROM entity WHERE canonical='Cyril Dane'").fetchone()[0])
        if entity
        else q.Filters()
    )
    total = q.count_articles(conn, f)
    assert total == 40

    def read(offset, size, counted):
        return [r.id for r in q.articles(conn, f, sort, offset, size, counted)]

    plain = _pages(read, total, 7, None)
    assert len(plain) == len(set(plain)) == total
    assert _pages(read, total, 7, total) == plain
    assert read(total - 3, 7, total) == plain[-3:]


@pytest.mark.parametrize("sort", q.QUOTE_SORTS)
@pytest.mark.parametrize("speaker", [False, True])
def test_quote_pages_from_the_end_are_the_offset_pages(conn, sort, speaker):
    sid = conn.execute("SELECT id FROM entity WHERE canonical='Cyril Dane'").fetchone()[0]
    f = q.Filters(speaker=sid) if speaker else q.Filters()
    total = q.count_quotes(conn, f)
    assert total > 5

    def read(offset, size, counted):
        return [r.id for r in q.quotes(conn, f, sort, offset, size, counted)]

    plain = _pages(read, total, 3, None)
    assert len(plain) == len(set(plain)) == total
    assert _pages(read, total, 3, total) == plain


def test_by_source_a_to_z_and_z_to_a_each_source_newest_first_and_none_last(conn):
    def order(sort):
        return [(r.source, r.published, r.id) for r in q.articles(conn, q.Filters(), sort, 0, 100)]

    def key(row, flip):
        source, published, ident = row
        name = (source or "").casefold()
        return (source is None, "".join(chr(0x10FFFF - ord(c)) for c in name) if flip else name, published is None)

    for sort, flip in (("source", False), ("source_desc", True)):
        rows = order(sort)
        assert len(rows) == 40 and rows == sorted(rows, key=lambda r: key(r, flip))  # stable: ties kept in order
        assert [r[0] for r in rows[-8:]] == [None] * 8  # no source: last, either way
        for source in {(r[0] or "").casefold() for r in rows if r[0]}:
            same = [r for r in rows if r[0] and r[0].casefold() == source]
            dated = [(p, i) for _, p, i in same if p]
            assert dated == sorted(dated, reverse=True) and not any(p is None for _, p, _ in same[: len(dated)])
    assert order("source")[0][0].casefold() == "atlas wire" and order("source_desc")[0][0] == "Harbour Post"


def test_events_by_reports_most_first_ties_in_date_order_and_pages_from_the_end_are_the_offset_pages(conn):
    counts = q.value_counts(conn)
    total = q.counts_total(counts)
    assert total == 30

    def read(offset, size, counted):
        rows = q.merged_events(conn, q.Filters(), offset, size, counts if counted else None, sort="reports")
        return [(r.reports, r.value, r.id) for r in rows]

    plain = _pages(read, total, 7, None)
    assert len({r[2] for r in plain}) == total
    assert [(n, v) for n, v, _ in plain] == sorted(((n, v) for n, v, _ in plain), key=lambda r: (-r[0], r[1]))
    assert _pages(read, total, 7, total) == plain
    assert read(total - 3, 7, total) == plain[-3:]
    assert [r.id for r in q.merged_events(conn, q.Filters(), 0, 100)] != [r[2] for r in plain]  # date order


@pytest.mark.parametrize("sort", ["date", "speaker"])
def test_statement_pages_from_the_end_are_the_offset_pages(conn, sort):
    total = q.count_statements(conn)
    assert total > 5

    def read(offset, size, counted):
        return [r.id for r in q.statements(conn, q.Filters(), sort, offset, size, counted)]

    plain = _pages(read, total, 3, None)
    assert len(plain) == len(set(plain)) == total
    assert _pages(read, total, 3, total) == plain


def _plans(conn: sqlite3.Connection, call) -> str:
    """The query plans of the statements `call` runs on `conn`."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            plans += [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return "\n".join(plans)


@pytest.mark.parametrize(
    ("read", "index"),
    [
        (lambda c, o, t: q.articles(c, q.Filters(), "title", o, 10, t), "idx_article_title_order"),
        (lambda c, o, t: q.articles(c, q.Filters(), "oldest", o, 10, t), "idx_article_oldest_order"),
        (lambda c, o, t: q.quotes(c, q.Filters(), "speaker", o, 10, t), "idx_quote_speaker_order"),
        (lambda c, o, t: q.statements(c, q.Filters(), "date", o, 3, t), "idx_statement_date_order"),
        (lambda c, o, t: q.statements(c, q.Filters(), "speaker", o, 3, t), "idx_statement_speaker_order"),
        (lambda c, o, t: q.articles(c, q.Filters(), "source", o, 10, t), "idx_article_source_order"),
        (lambda c, o, t: q.articles(c, q.Filters(), "source_desc", o, 10, t), "idx_article_source_desc_order"),
        (
            lambda c, o, t: q.merged_events(c, q.Filters(), o, 10, [("", t)], sort="reports"),
            "idx_event_reports_order",
        ),
    ],
)
def test_sorted_pages_are_ranges_of_their_index_at_either_end(conn, read, index):
    counts = {
        "article": q.count_articles,
        "quote": q.count_quotes,
        "statement": q.count_statements,
        "event": q.count_merged_events,
    }
    counted = counts[index.split("_")[1]](conn)
    for offset in (0, counted - 5):
        plan = _plans(conn, lambda offset=offset: read(conn, offset, counted))
        page = plan.split("SCAN page")[0]  # the rows of the page, before they are read in full (and put in order)
        assert index in page
        assert "TEMP B-TREE" not in page  # no sort of every row


def test_new_database_has_the_order_indexes(conn):
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert set(schema.ORDER_INDEXES) | set(schema.COLUMN_SORT_INDEXES) <= names
