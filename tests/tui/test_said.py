"""How a quote is shown: words in quotation marks, reported speech after ≈, a stance after its verb (issue 18)."""

from __future__ import annotations

import sqlite3

from model.corpus import query as q
from tests.tui.fixture_db import build
from tui.navigation import SAID_FILTERS
from tui.text import as_said, third_person


def test_a_stance_shows_after_its_verb_never_in_quotation_marks():
    shown = as_said("Warsaw of stalling the grain talks", "stance", "accuse")
    assert shown == "accuses: Warsaw of stalling the grain talks"
    assert as_said("talks with the rebels", "stance", "call for") == "calls for: talks with the rebels"
    assert as_said("the budget was late", "indirect", "say") == "≈ the budget was late"
    assert as_said("to scrap the ferry toll", "stance", "pledge") == "pledges: to scrap the ferry toll"
    assert as_said("We stand together,", "direct", "say") == "“We stand together,”"
    assert not any(mark in as_said("x", "stance", None) for mark in '“”"≈')


def test_third_person_of_a_cue():
    assert [third_person(c) for c in ("deny", "criticize", "push for", "stress", "say")] == [
        "denies",
        "criticizes",
        "pushes for",
        "stresses",
        "says",
    ]
    assert [third_person(c) for c in ("interested in", "concerned about", "willing", "ready", "need", "bring")] == [
        "is interested in",
        "is concerned about",
        "is willing",
        "is ready",
        "needs",
        "brings",
    ]


def test_the_quotes_pane_filters_words_apart_from_stances(tmp_path):
    path = build(tmp_path / "corpus.db")
    with sqlite3.connect(path) as c:
        c.execute("UPDATE quote SET kind = 'stance' WHERE id = (SELECT MIN(id) FROM quote)")
    conn = q.connect(path)
    try:
        total = q.count_quotes(conn)
        words, stance = (kinds for kinds, _, _ in SAID_FILTERS[:2])
        stances = q.quotes(conn, q.Filters(search=f"kind:{stance}"))
        assert [x.kind for x in stances] == ["stance"]
        assert q.count_quotes(conn, q.Filters(search=f"kind:{words}")) == total - 1
        assert all(x.kind != "stance" for x in q.quotes(conn, q.Filters(search=f"kind:{words}"), limit=500))
    finally:
        conn.close()
    assert [kinds for kinds, _, _ in SAID_FILTERS] == [words, stance, None]


async def test_the_palette_narrows_the_quotes_pane_to_words_or_stances(make_app):
    from tests.tui.conftest import screen_of, settle

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        every = s.lst("quotes").total
        await pilot.press("ctrl+p", *"stances only")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert s.state.chips.search == "kind:stance" and s.lst("quotes").total == 0  # the fixture has no stance
        assert ("search:0", "kind: stance") in s.state.chips.labels()
        s.show_said(SAID_FILTERS[0][0])
        await settle(pilot)
        assert s.lst("quotes").total == every


def test_a_stance_statement_shows_its_own_verb_in_the_list_and_on_its_page(tmp_path):
    """A statement of a stance (grouped, or maximised on two lines, or its page) is shown after its quote's verb,
    as the flat list shows it, not after a stand-in ("holds: an end to the talks" for "calls for")."""
    from tui.document import statement_doc
    from tui.panes import _statement_row, _statement_rows_tall

    path = build(tmp_path / "corpus.db")
    with sqlite3.connect(path) as c:
        c.execute("UPDATE quote SET kind = 'stance', cue = 'call for' WHERE id = (SELECT MIN(id) FROM quote)")
    conn = q.connect(path)
    try:
        (row,) = q.statements(conn, q.Filters(search="kind:stance"))
        page = q.statement_page(conn, row.id)
    finally:
        conn.close()
    shown = [_statement_row(row, 100).plain, *(line.plain for line in _statement_rows_tall(row, 100))]
    assert "calls for: " in shown[0] and "calls for: " in shown[1] + shown[2]
    assert not any("holds:" in line for line in shown)
    assert statement_doc(page).text.count("calls for: ") == 2  # the statement, and its one wording
