"""The Quotes pane: two lines a quote when maximised, when each was said (sort, filter, provenance), joint
speakers as links to each member."""

from __future__ import annotations

from dataclasses import replace

from model.corpus import query as q
from tests.tui.conftest import screen_of, settle
from tui import navigation as nav
from tui.document import speaker_names
from tui.panes import _quote_row, _quote_rows_tall, said_date


def lines_of(vl, first: int, n: int) -> list[str]:
    return [vl.render_line(y).text for y in range(first, first + n)]


async def test_a_maximised_quotes_list_shows_two_lines_a_quote(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "v")  # every quote
        await settle(pilot)
        s = screen_of(app)
        vl = s.lst("quotes")
        assert vl.row_lines == 1
        one_line = lines_of(vl, 0, 2)
        await pilot.press("z")
        await settle(pilot)
        assert vl.row_lines == 2 and vl.virtual_size.height == 2 * vl.total
        rows = [vl.row(i) for i in range(3)]
        drawn = lines_of(vl, 0, 6)
        assert drawn[0].startswith(one_line[0][:15].rstrip())  # the speaker leads, as on one line
        assert drawn[2].startswith(one_line[1][:15].rstrip())  # the next quote two lines down
        long = next(i for i, r in enumerate(rows) if len(r.text) > 70)
        top, under = drawn[2 * long], drawn[2 * long + 1]
        assert under[:15].strip() == ""  # the rest of the quote, under the quote
        words = rows[long].text.split()
        assert words[0] in top and words[-1].rstrip(",.") in under  # the whole quote fits on its two lines
        short = next(i for i, r in enumerate(rows) if len(r.text) < 30)
        assert rows[short].title[:20] in drawn[2 * short + 1]  # a short quote: its article under it
        await pilot.press("j", "j")
        await settle(pilot)
        assert vl.cursor == 2
        await pilot.click("#quotes", offset=(5, 2))  # the second row's first line (under the border)
        await settle(pilot)
        assert vl.cursor == 1
        await pilot.press("escape")
        await settle(pilot)
        assert vl.row_lines == 1 and vl.virtual_size.height == vl.total


async def test_quotes_sort_by_when_said_and_the_date_prompt_filters_them(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4", "v", "s")  # every quote, by when said
        await settle(pilot)
        assert s.state.quote_sort == "said" and nav.pane_subtitle("quotes", s.state).endswith("· newest said")
        vl = s.lst("quotes")
        said = [vl.row(i).said_on for i in range(vl.total)]
        dated = [d for d in said if d]
        assert dated == sorted(dated, reverse=True) and said[-1] is None  # the undated last
        total = vl.total
        await pilot.press("D", *"2022", "enter")  # the date prompt, from the Quotes list
        await settle(pilot)
        assert s.state.chips.said == "2022" and ("said", "said: 2022") in s.state.chips.labels()
        assert 0 < vl.total < total and all(vl.row(i).said_on.startswith("2022") for i in range(vl.total))
        await pilot.press("D", "ctrl+u", "enter")  # nothing: every quote again
        await settle(pilot)
        assert s.state.chips.said is None and vl.total == total
        await pilot.press("p")
        await settle(pilot)
        text = str(app.screen.query_one("#box Static").render())
        assert "Said on" in text and "article date" in text


def _row(**kw) -> q.QuoteRow:
    base = q.QuoteRow(1, 1, 0, 10, "We agree", "direct", "said", 12, 16, None, None, None, None, "", 0.9)
    return replace(base, **kw)


def test_a_joint_speaker_is_a_link_and_a_filter_for_each_member():
    row = _row(speaker="Vladimir Putin; Xi Jinping", members=((7, "Vladimir Putin"), (9, "Xi Jinping")))
    assert speaker_names(row) == [("Vladimir Putin", 7), ("; ", None), ("Xi Jinping", 9)]
    first = nav.chip_for_row("quotes", row)
    assert first == ("speaker", (7, "Vladimir Putin"))
    assert nav.chip_for_row("quotes", row, first[1]) == ("speaker", (9, "Xi Jinping"))
    assert nav.chip_for_row("quotes", row, (9, "Xi Jinping")) == first
    assert nav.chip_for_row("quotes", _row(speaker="Lee", speaker_entity=3)) == ("speaker", (3, "Lee"))


def test_the_date_column_says_when_it_was_said():
    assert said_date(_row(said_on="2024-05-13", said_on_basis="attribution clause: …", published="2024-05-16")) == (
        "2024-05-13"
    )
    assert said_date(_row(said_on="2024-05-01/2024-05-09", said_on_basis="article date: …")) == "2024-05≈"
    assert said_date(_row(said_on=None, said_on_basis="not stated", published=None)) == "undated"
    assert said_date(_row(published="2024-05-16")) == "2024-05-16"  # a database older than said_on
    row = _row(text="word " * 40, said_on="2024-05-13", said_on_basis="article date", title="A title")
    assert _quote_row(row, 78).plain.endswith("2024-05-13")
    top, under = _quote_rows_tall(row, 78)
    assert top.plain.endswith("2024-05-13") and under.plain.strip().startswith("word")


def _joint_db(path):
    """One article whose quote two people speak together, named apart from it (the reader notes them)."""
    from model.corpus import entity_refresh, store, write
    from model.records import Article, Extraction, Mention, Quote

    text = "Xi Jinping met Vladimir Putin in Moscow.\nLater the two said the talks had gone well."
    a = Article(key="joint", text=text, title="Talks", published="2024-05-16", published_basis="given", sha256="j")
    mentions = [
        Mention(0, 10, "Xi Jinping", "PERSON", "Xi Jinping"),
        Mention(15, 29, "Vladimir Putin", "PERSON", "Vladimir Putin"),
    ]
    start = text.index("the talks")
    quote = Quote(start, len(text) - 1, text[start:-1], "indirect", "said", speakers=["Xi Jinping", "Vladimir Putin"])
    conn = store.connect(path)
    cache = write.EntityCache(conn)
    write.write_article(
        conn, a, Extraction(sentences=[(0, 40), (41, len(text))], mentions=mentions, quotes=[quote]), cache
    )
    entity_refresh.refresh_entities(conn, cache.touched)
    conn.close()
    return path


async def test_each_member_of_a_joint_speaker_opens_its_page(tmp_path):
    from tests.tui.test_app import link_to
    from tui.app import SinorusApp
    from tui.config import Config

    app = SinorusApp(_joint_db(tmp_path / "j.db"), config=Config(), theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        assert "gone well. ‹Vladimir Putin; Xi Jinping›" in s.reader.doc.text
        await pilot.press("shift+tab")
        opened = []
        for _ in range(2):
            await link_to(pilot, "speaker")
            await pilot.press("enter")
            await settle(pilot)
            opened.append(s.reader.doc.title)
            page = s.reader.doc  # the entity page names both members, each a link to its page
            assert "Vladimir Putin; Xi Jinping: ≈ the talks had gone well" in page.text
            assert {"Vladimir Putin", "Xi Jinping"} <= {page.text[k.start : k.end] for k in page.links}
            await pilot.press("left_square_bracket")  # back to the article, its link cursor kept
            await settle(pilot)
        assert opened == ["Vladimir Putin", "Xi Jinping"]


def _statement(quote: q.QuoteRow) -> q.StatementRow:
    return q.StatementRow("s1", quote.speaker, quote.speaker_entity, quote.kind, quote.text, None, None, 1, 1, 1, quote)


def test_f_on_a_statement_filters_by_its_speaker_and_one_without_an_entity_is_no_crash():
    """Found on PolNeAR dev: Quotes grouped by statement, `o` (by speaker), `f` on a speaker with no entity
    ("10 voters") quit the app with AttributeError: 'StatementRow' object has no attribute 'joint'."""
    assert nav.chip_for_row("quotes", _statement(_row(speaker="10 voters"))) is None
    assert nav.chip_for_row("quotes", _statement(_row(speaker="Lee", speaker_entity=3))) == ("speaker", (3, "Lee"))
    joint = _row(speaker="Vladimir Putin; Xi Jinping", members=((7, "Vladimir Putin"), (9, "Xi Jinping")))
    assert nav.chip_for_row("quotes", _statement(joint)) == ("speaker", (7, "Vladimir Putin"))


async def test_f_on_a_statement_whose_speaker_is_no_entity_is_a_line_not_a_crash(make_app, db_path):
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE quote SET speaker_entity = NULL")
        conn.execute("UPDATE statement SET speaker_entity = NULL")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert screen_of(app).state.quote_view == "statements"
        await pilot.press("f")
        await settle(pilot)
        assert app.is_running and any("nothing to filter by" in str(n.message) for n in app._notifications)
