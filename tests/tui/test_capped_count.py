"""A search of words is counted up to a cap ("N+" in the pane's title) and its list still pages to the end."""

from __future__ import annotations

from model.corpus import query as q
from tests.tui.conftest import screen_of, settle


def test_a_word_count_stops_at_its_cap_and_says_so(built_db):
    with q.connect(built_db) as conn:
        every = q.count_articles(conn, q.Filters(search="and"))
        capped = q.count_articles(conn, q.Filters(search="and"), cap=2)
        rare = q.count_quotes(conn, q.Filters(search="Putin"), cap=every)
    assert every == 4 and not isinstance(every, q.AtLeast)
    assert capped == 2 and isinstance(capped, q.AtLeast)
    assert not isinstance(rare, q.AtLeast)


async def test_a_capped_list_grows_as_its_pages_arrive_to_the_last_match(make_app, monkeypatch, built_db):
    from tui import panes
    from tui.widgets import vlist

    monkeypatch.setattr(vlist, "PAGE", 1)
    monkeypatch.setattr(panes, "WORD_COUNT_CAP", 2)
    with q.connect(built_db) as conn:
        expected = [a.key for a in q.articles(conn, q.Filters(search="and"))]
    counts = []
    count_articles = q.count_articles
    monkeypatch.setattr(q, "count_articles", lambda *a: counts.append(count_articles(*a)) or counts[-1])
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        articles = s.lst("articles")
        await pilot.press("slash", *"and", "enter")
        await settle(pilot)
        assert counts[-1] == 2 and isinstance(counts[-1], q.AtLeast)  # counted to the cap, then grown by pages
        await pilot.press("1")
        keys = []
        for _ in range(len(expected) + 2):  # down past the cap, to the last match and no further
            await settle(pilot)
            keys.append(articles.highlighted.key)
            await pilot.press("down")
        await settle(pilot)
        assert articles.total == len(expected) and not isinstance(articles.total, q.AtLeast)
        assert list(dict.fromkeys(keys)) == expected


def test_a_capped_count_is_titled_with_a_plus():
    from tui.navigation import pane_title

    assert pane_title(1, "articles", q.AtLeast(1000)) == "1 Articles 1,000+"
    assert pane_title(1, "articles", 1000) == "1 Articles 1,000"
