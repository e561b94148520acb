"""The Quotes pane grouped by statement, the statement page, and the key back to every quote."""

from __future__ import annotations

import pytest

from model.corpus import store, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.event_refresh import refresh_events
from model.corpus.statement_refresh import refresh_statements
from model.records import Article, Extraction, Mention, Quote
from tests.tui.conftest import screen_of, settle
from tui.config import Config
from tui.panes import _statement_row

WORDS = "The ferry between our two ports will run every day from the spring,"
ARTICLES = [  # key, title, source, date, speaker, words, kind
    ("a", "Ferry link to open", "Harbour Times", "2024-03-01", "Lena Ortiz", WORDS, "direct"),
    ("b", "Ports agree on a daily ferry", "Coast Herald", "2024-03-04", "Lena Ortiz", "will run every day", "partial"),
    ("c", "Minister doubts the ferry plan", "Harbour Times", "2024-03-02", "Omar Haddad", WORDS, "direct"),
]


def _article(key, title, source, date, speaker, words, kind):
    text = f"{speaker} said: “{words}” The talks went on."
    start = text.index(words)
    mention = Mention(0, len(speaker), speaker, "PERSON", speaker, family=speaker.split()[-1])
    quote = Quote(start, start + len(words), words, kind, speaker=speaker, speaker_start=0, speaker_end=len(speaker))
    art = Article(key=key, text=text, title=title, source=source, published=date, sha256=key)
    return art, Extraction(sentences=[(0, len(text))], mentions=[mention], quotes=[quote])


@pytest.fixture(scope="module")
def statements_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("statements") / "corpus.db"
    conn = store.connect(path)
    cache = write.EntityCache(conn)
    for spec in ARTICLES:
        write.write_article(conn, *_article(*spec), cache)
    refresh_entities(conn, cache.touched)
    refresh_events(conn)
    refresh_statements(conn)
    conn.close()
    return path


def _app(path):
    from tui.app import SinorusApp

    return SinorusApp(path, config=Config(), theme="textual-dark")


async def test_quotes_are_grouped_by_statement_and_v_lists_every_quote(statements_db):
    app = _app(statements_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4")
        await settle(pilot)
        vl = s.lst("quotes")
        assert vl.total == 2  # Lena Ortiz's two wordings are one statement; Omar Haddad's words are his own
        rows = [vl.row(i) for i in range(vl.total)]
        ortiz = next(r for r in rows if r.speaker == "Lena Ortiz")
        assert (ortiz.first, ortiz.last, ortiz.articles, ortiz.outlets) == ("2024-03-01", "2024-03-04", 2, 2)
        line = _statement_row(ortiz, 100).plain
        assert "Lena Ortiz" in line and "“The ferry between" in line and "2×" in line and "2024-03-01…03-04" in line
        await pilot.press("v")
        await settle(pilot)
        assert vl.total == 3 and s.state.quote_view == "quotes"
        await pilot.press("v")
        await settle(pilot)
        assert vl.total == 2 and s.state.quote_view == "statements"


async def test_enter_on_a_statement_opens_its_page_and_a_wording_opens_its_article(statements_db):
    app = _app(statements_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4")
        await settle(pilot)
        vl = s.lst("quotes")
        vl.move_to(next(i for i in range(vl.total) if vl.row(i).speaker == "Lena Ortiz"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        doc = s.reader.doc
        assert doc.kind == "statement" and doc.title == "Lena Ortiz"
        assert "2 articles · 2 outlets (Coast Herald, Harbour Times) · 2 wordings" in doc.text
        assert "“will run every day” — Ports agree on a daily ferry · Coast Herald" in doc.text
        assert "Omar Haddad" not in doc.text  # the same words from another speaker are another statement
        wordings = [lk for lk in doc.links if lk.kind == "quote"]
        assert [lk.target.title for lk in wordings[1:]] == ["Ferry link to open", "Ports agree on a daily ferry"]
        for _ in doc.links:
            if s.reader.link is not None and s.reader.link.target is wordings[2].target:
                break
            await pilot.press("e")
        await pilot.press("enter")  # a wording: its article, at the quote
        await settle(pilot)
        assert s.reader.doc.kind == "article" and s.reader.doc.title == "Ports agree on a daily ferry"
        assert s.reader.link.kind == "quote" and s.reader.link.target.text == "will run every day"
        await pilot.press("left_square_bracket")  # back to the statement page
        await settle(pilot)
        assert s.reader.doc.kind == "statement" and s.reader.link.target.title == "Ports agree on a daily ferry"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert s.reader.doc.title == "Ports agree on a daily ferry"


async def test_the_statement_page_names_its_speaker_as_a_link_and_the_key_is_in_help(statements_db):
    app = _app(statements_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4")
        await settle(pilot)
        vl = s.lst("quotes")
        vl.move_to(next(i for i in range(vl.total) if vl.row(i).speaker == "Lena Ortiz"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        assert s.reader.link.kind == "entity"
        await pilot.press("enter")
        await settle(pilot)
        assert s.reader.doc.kind == "entity" and s.reader.doc.title == "Lena Ortiz"
        await pilot.press("question_mark")
        await settle(pilot)
        assert "quotes.statements" in str(app.screen.query_one("#box Static").render())


async def test_a_maximised_statements_list_shows_two_lines_a_statement(statements_db):
    app = _app(statements_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4", "z")
        await settle(pilot)
        vl = s.lst("quotes")
        assert vl.row_lines == 2
        drawn = [vl.render_line(y).text for y in range(2 * vl.total)]
        ortiz = next(i for i in range(vl.total) if vl.row(i).speaker == "Lena Ortiz")
        top, under = drawn[2 * ortiz], drawn[2 * ortiz + 1]
        # after the cell a marked row shows its mark in
        assert top.startswith(" Lena Ortiz") and "2× 2024-03-01…03-04" in top
        assert under[:19].strip() == "" and "spring" in under  # the rest of the wording, under it


def test_a_statement_of_articles_without_an_outlet_says_so_once(statements_db, tmp_path):
    """Found on the seeds: "said 2024-06-19 · 1 article · 1 article of an outlet not known · 1 wording"."""
    import sqlite3
    from contextlib import closing

    from model.corpus import query as q
    from model.corpus.statement_refresh import refresh_statements
    from tests.tui.conftest import copy_of
    from tui.document import read_document

    path = copy_of(statements_db, tmp_path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE article SET source = NULL")
        refresh_statements(conn, everything=True)  # as an ingest that wrote them so would
    with closing(q.connect(path)) as conn:
        (statement,) = conn.execute(
            "SELECT s.statement FROM quote_statement s JOIN quote q ON q.id = s.quote "
            "JOIN article a ON a.id = q.article WHERE a.key = 'c'"
        ).fetchone()
        doc = read_document(conn, "statement", statement, 78)
    head = doc.text.split("\n")[:2]
    assert head[0] == "Omar Haddad · direct"
    assert head[1].startswith("said 2024-03-02 · 1 article · outlet not known · ")


async def test_a_long_wording_wraps_under_its_words_not_under_its_date_at_80x24(statements_db):
    """Found at 80×24: the statement page's and the entity page's entries went on at the first column, under
    their dates."""
    app = _app(statements_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("z", "enter")  # the statement page, the reader maximised
        await settle(pilot)
        reader = s.reader
        lines = [reader.render_line(y).text for y in range(reader.size.height)]
        first = next(i for i, line in enumerate(lines) if line.startswith("  2024-03-0"))
        assert lines[first + 1].startswith(" " * 13) and lines[first + 1][13] != " ", lines[first : first + 2]
