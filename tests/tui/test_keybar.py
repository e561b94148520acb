"""The key bar at 80×24: whole keys only, and `? Keys` always on it (found: on the Timeline the line ended
"p Proven", the help and quit keys cut off the edge)."""

from __future__ import annotations

from tests.tui.conftest import screen_of, search, settle
from tui.widgets.bars import KeyBar, fitting_keys


def test_keys_that_do_not_fit_are_left_out_whole_and_the_kept_one_stays():
    assert fitting_keys([10, 10, 10, 8], 40, {3}) == [0, 1, 2, 3]
    assert fitting_keys([10, 10, 10, 8], 30, {3}) == [0, 1, 3]
    assert fitting_keys([10, 25, 5, 8], 30, {3}) == [0, 3]  # no gap: the keys after one left out go too
    assert fitting_keys([10, 10], 5, set()) == []


async def test_the_timeline_key_bar_ends_with_the_help_key_and_cuts_no_word(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        bar = screen_of(app).query_one(KeyBar)
        everything = "".join(f" {key} {description} " for key, description, _a, _n in bar._keys)
        assert len(everything) > 80  # the Timeline's keys do not all fit at 80 columns
        line = bar.render_line(0).text.rstrip()
        assert line.endswith("? Keys")
        shown = [f" {key} {description}" for key, description, _a, _n in bar._keys]
        assert line.startswith(shown[0])  # the focused pane's own keys come first
        for x0, x1, i in bar._cells:  # each key drawn whole where a click finds it
            key, description, _a, _n = bar._keys[i]
            assert line[x0:x1].rstrip() == f" {key} {description}"


def test_chips_are_cut_alike_to_fit_the_line_and_the_ones_left_off_are_counted():
    from tui.widgets.bars import chip_texts

    labels = [
        "entity: Hillary Clinton",
        "speaker: Dan McLaughlin",
        "speaker: Hillary Clinton",
        "date: 2016-09..2016-10",
    ]
    texts, hidden = chip_texts(labels, 68)  # 80 columns less the brand and the back/forward marks
    assert hidden == 0 and len(texts) == 4 and sum(len(t) + 1 for t in texts) <= 68
    assert all(t.startswith(" ") and t.endswith(" ✕ ") for t in texts)
    assert texts[0].strip().startswith("entity: ") and all(len(t) >= 12 + 4 for t in texts)  # cut, not left off
    texts, hidden = chip_texts(labels * 3, 68)
    assert hidden and len(texts) + hidden == 12 and sum(len(t) + 1 for t in texts) <= 68 - len("+9 more ")
    assert chip_texts(["a: b"], 68) == ([" a: b ✕ "], 0)


async def test_four_filters_at_80x24_all_show_on_the_top_line(make_app):
    from tui.widgets.bars import ChipBar

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await search(pilot, 'Moscow speaker:"Wang Yi" date:2023-02..2023-03 -kind:indirect')
        bar = s.query_one(ChipBar)
        line = bar.render_line(0).text
        assert len(s.state.chips.labels()) >= 4 and line.count("✕") == len(s.state.chips.labels()), line
        assert "more" not in line
