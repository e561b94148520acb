"""Rows with a hanging indent (tui/widgets/hanging.py): the help and the provenance at 80×24 wrap a long value
beside its label, not back under it (found: "│ U.S.-led world order" under the provenance's field names, "│ words"
under the help's keys)."""

from __future__ import annotations

from textual.content import Content

from tests.tui.conftest import settle
from tui.widgets.hanging import hang


def test_a_long_text_wraps_beside_its_head_and_a_short_one_stays_one_line():
    head = Content("Article  ")
    lines = [
        line.plain
        for line in hang([(head, Content("one two three four five six seven eight")), (head, Content("short"))], 24)
    ]
    assert lines[0].startswith("Article  one") and all(len(line) <= 24 for line in lines)
    assert all(line.startswith(" " * 9) and line[9] != " " for line in lines[1:-1])  # under the text, not the head
    assert lines[-1] == "Article  short"
    assert " ".join(" ".join(lines[:-1]).split()) == "Article one two three four five six seven eight"


def test_too_narrow_a_box_wraps_from_the_first_column():
    lines = [line.plain for line in hang([(Content("a long label "), Content("and its value"))], 16)]
    assert lines[0].startswith("a long label") and not lines[1].startswith(" ")


async def test_the_help_wraps_the_marks_legend_beside_its_keys_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press(*"stance")
        await settle(pilot)
        rows = app.screen.query_one("#help-rows")
        lines = str(rows.render()).splitlines()
        continued = [line for line in lines if line.startswith(" ")]  # the legend's longer meanings, wrapped
        assert continued and all(line.startswith(" " * 16) for line in continued)  # beside the keys' column
        assert all(len(line) <= rows.content_region.width for line in lines)
