"""The reader's word wrap: a hard-wrapped text (wire copy, e-mail) is reflowed over its soft line breaks,
while real structure keeps its lines and a text that is not hard-wrapped wraps exactly as before."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.text import _cell, _wrap_words, cells, soft_breaks, wrap

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# Reuters-21578 (reut-1), as stored: the dateline dropped from the first line, paragraphs after the first
# start with four spaces, lines broken at about 64 columns.
REUTERS = """Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year. Again it seems
that cocoa delivered earlier on consignment was included in the
arrivals figures.
    Comissaria Smith said there is still some doubt as to how
much old crop cocoa is still available as harvesting has
practically come to an end. With total Bahia crop estimates
around 6.4 mln bags and sales standing at almost 6.2 mln there
are a few hundred thousand bags still in the hands of farmers,
middlemen, exporters and processors.
 REUTER
"""

# Prose hard-wrapped at 60 columns, for the rules below to add a piece of structure to.
PROSE = """The Senate on Tuesday backed the strike against targets in the
Gulf as it moved to debate a bill limiting the President's power
to send forces into areas of hostilities without the consent of
Congress, and leaders of both parties said they expected the
measure to pass by a wide margin before the end of the week."""


def old_wrap(text: str, width: int) -> list[tuple[int, int]]:
    """`wrap` as it was before reflowing: every newline breaks, and every paragraph is wrapped a word at
    a time (the way any text is, ASCII or not)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        _wrap_words(para, pos, max(1, width), lines)
        pos += len(para) + 1
    return lines


def shown(text: str, width: int, start: int | None = 0) -> list[str]:
    """The screen lines as the reader draws them (a newline inside a line as a space), trailing space cut."""
    return [text[s:e].replace("\n", " ").rstrip() for s, e in wrap(text, width, start)]


def newline_after(text: str, words: str) -> int:
    return text.index(words) + len(words)


def check_layout(text: str, width: int, start: int | None = 0) -> None:
    """Lines cover the text in order, a newline only inside a line where it is soft, none wider than `width`."""
    soft = soft_breaks(text, start) if start is not None else frozenset()
    lines = wrap(text, width, start)
    pos = 0
    for s, e in lines:
        assert s in (pos, pos + 1) and s <= e
        if s == pos + 1:
            assert text[pos] == "\n" and pos not in soft
        assert all(i in soft for i in range(s, e) if text[i] == "\n")
        assert cells(text[s:e].replace("\n", " ").rstrip()) <= width
        pos = e
    assert pos == len(text)


# ---------------------------------------------------------------- text that is not hard-wrapped


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_articles_wrap_exactly_as_before(path):
    text = path.read_text()
    header = "A title\nSource · 2024-02-24\n\n"
    assert soft_breaks(text) == frozenset()
    for width in (1, 20, 50, 98, 200):
        assert wrap(text, width, 0) == old_wrap(text, width)
        assert wrap(header + text, width, len(header)) == old_wrap(header + text, width)


def test_without_reflow_from_nothing_is_reflowed():
    assert soft_breaks(REUTERS)
    for width in (30, 50, 98):
        assert wrap(REUTERS, width) == old_wrap(REUTERS, width)


def test_short_texts_and_odd_input_wrap_as_before():
    for text in (
        "",
        "\n",
        "\n\n\n\n",
        "one line",
        "a\nb\nc\nd\ne",
        "word " * 40,
        " \n  \n   \n    \n",
        "x" * 300 + "\n" + "y" * 300,
        "中文 " * 50 + "\n" + "長い行 " * 30,
    ):
        assert soft_breaks(text) == frozenset()
        for width in (1, 7, 50):
            assert wrap(text, width, 0) == old_wrap(text, width)


def test_paragraphs_of_one_cell_characters_a_line_at_a_time_wrap_as_a_word_at_a_time():
    rnd = random.Random(7)
    alphabets = ["ab  \n", "abcdefg   ", "aé“ж—  \n", "a中\u0301  ", "ab\u00a0\u3000 \n"]
    for k in range(10000):
        letters = alphabets[k % len(alphabets)]
        text = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 60)))
        width = rnd.randint(1, 12)
        assert wrap(text, width) == old_wrap(text, width), (text, width)


def test_the_one_cell_characters_are_one_printable_cell_and_no_white_space():
    from tui.text import _NOT_ONE_CELL

    one_cell = [chr(c) for c in range(0x20, 0x10000) if not _NOT_ONE_CELL.match(chr(c))]
    assert len(one_cell) > 1000
    for ch in one_cell:
        assert ch.isprintable() and _cell(ch) == 1 and (ch == " " or not ch.isspace()), hex(ord(ch))


def test_the_marks_of_an_entity_page_are_one_cell_characters():
    """Date bands (━), `≈` and sparkline blocks: an entity page's lines wrap a line at a time, not a word at a time."""
    from tui.text import _one_cell_each

    assert _one_cell_each("  1987-03-02≈━━━━   talks · ▁▂▃▄▅▆▇█ ┄┄")
    line = "  2021-04    ━━      summit ≈ talks ▁▃█ " * 4
    for width in (5, 17, 40):
        assert wrap(line, width) == old_wrap(line, width)


def test_lines_of_all_lengths_are_not_hard_wrapped():
    text = "\n".join("word " * n for n in (3, 17, 9, 30, 12, 5, 22, 14, 8, 26))
    assert soft_breaks(text) == frozenset()


def test_lines_longer_than_the_margin_mean_it_is_not_one():
    long = "A paragraph typed on one long line as a web page gives it, " * 3
    text = PROSE + "\n\n" + "\n\n".join([long.strip()] * 3)
    assert soft_breaks(text) == frozenset()


# ---------------------------------------------------------------- hard-wrapped text


def test_reuters_text_reflows_to_the_width():
    assert shown(REUTERS, 50) == [
        "Showers continued throughout the week in the Bahia",
        "cocoa zone, alleviating the drought since early",
        "January and improving prospects for the coming",
        "temporao, although normal humidity levels have not",
        "been restored, Comissaria Smith said in its weekly",
        "review.",
        "    The dry period means the temporao will be late",
        "this year.",
        "    Arrivals for the week ended February 22 were",
        "155,221 bags of 60 kilos making a cumulative total",
        "for the season of 5.93 mln against 5.81 at the",
        "same stage last year. Again it seems that cocoa",
        "delivered earlier on consignment was included in",
        "the arrivals figures.",
        "    Comissaria Smith said there is still some",
        "doubt as to how much old crop cocoa is still",
        "available as harvesting has practically come to an",
        "end. With total Bahia crop estimates around 6.4",
        "mln bags and sales standing at almost 6.2 mln",
        "there are a few hundred thousand bags still in the",
        "hands of farmers, middlemen, exporters and",
        "processors.",
        " REUTER",
        "",
    ]
    for width in (1, 10, 50, 64, 98, 300):
        check_layout(REUTERS, width)


def test_a_wide_pane_shows_a_paragraph_a_line():
    lines = shown(REUTERS, 1000)
    assert len(lines) == 6
    assert lines[0].startswith("Showers continued") and lines[0].endswith("weekly review.")
    assert lines[2].startswith("    Arrivals") and lines[2].endswith("arrivals figures.")


def test_the_text_and_its_offsets_do_not_change():
    lines = wrap(REUTERS, 50, 0)
    assert "".join(REUTERS[s:e] for s, e in lines).replace("\n", "") == REUTERS.replace("\n", "")
    at = REUTERS.index("Bahia cocoa")
    line = next((s, e) for s, e in lines if s <= at < e)
    assert REUTERS[at : at + 11] == "Bahia cocoa" and line == (lines[0][0], lines[0][1])


def test_only_the_text_from_reflow_from_is_reflowed():
    header = "GULF STRIKE BACKED BY SENATE AS IT DEBATES WAR POWERS BILL\nReuters · 1987-10-20\n\n"
    text = header + REUTERS
    lines = shown(text, 100, len(header))
    assert lines[:3] == ["GULF STRIKE BACKED BY SENATE AS IT DEBATES WAR POWERS BILL", "Reuters · 1987-10-20", ""]
    assert lines[3].startswith("Showers continued throughout the week in the Bahia cocoa zone")
    assert all(i >= len(header) for i in soft_breaks(text, len(header)))
    check_layout(text, 40, len(header))


# ---------------------------------------------------------------- structure kept


def soft_set(text: str) -> frozenset[int]:
    soft = soft_breaks(text)
    assert soft, "the text should be judged hard-wrapped"
    return soft


def test_blank_lines_keep_paragraphs_apart():
    text = PROSE + "\n\n" + PROSE
    soft = soft_set(text)
    assert all(text[i] == "\n" for i in soft)
    assert newline_after(text, "the week.") not in soft and newline_after(text, "the week.") + 1 not in soft
    assert shown(text, 500) == [PROSE.replace("\n", " "), "", PROSE.replace("\n", " ")]


def test_an_indented_line_starts_a_paragraph():
    text = PROSE + "\n    " + PROSE + "\n  and a line indented less than the first is no continuation either"
    soft = soft_set(text)
    assert newline_after(text, "the week.") not in soft
    assert newline_after(text, "hostilities without the consent of") in soft  # the indented paragraph flows on
    lines = shown(text, 500)
    assert lines == [
        PROSE.replace("\n", " "),
        "    " + PROSE.replace("\n", " "),
        "  and a line indented less than the first is no continuation either",
    ]


@pytest.mark.parametrize("marker", ["- ", "* ", "• ", "1. ", "12) ", "(a) ", "b) ", "iv. ", "> ", "| "])
def test_a_list_item_or_quoted_line_starts_a_line(marker):
    item = marker + "the next item of a list, which is long enough to reach the"
    text = PROSE + "\n" + item + "\nmargin and so flows on with its own continuation line here"
    soft = soft_set(text)
    assert newline_after(text, "the week.") not in soft
    assert newline_after(text, item) in soft  # the item's own continuation flows on
    assert shown(text, 500)[1] == item + " margin and so flows on with its own continuation line here"


def test_rows_with_runs_of_spaces_keep_their_lines():
    rows = [
        "LEAD - 1550 tonnes mainly carries  cash nil   3months 299.50",
        "ZINC HIGH GRADE - 450 tonnes mainly  cash 455.00   3months nil",
        "ALUMINIUM - 12000 tonnes all carries  cash nil   3months nil",
    ]
    text = PROSE + "\n" + "\n".join(rows) + "\n" + PROSE
    soft = soft_set(text)
    for row in rows:
        assert newline_after(text, row) not in soft
    assert newline_after(text, "the week.") not in soft  # a row does not flow onto the prose
    assert shown(text, 500)[1:4] == rows


def test_two_spaces_after_a_sentence_are_prose_not_a_table():
    text = PROSE.replace("hostilities without", "hostilities.  Without")
    assert newline_after(text, "hostilities.  Without the consent of") in soft_set(text)


def test_short_lines_keep_their_breaks():
    heading = "SENATE BACKS GULF STRIKE"
    verse = "The ships came in at dawn,\nthe harbour lay asleep,\nand no one saw them go."
    signature = "Yours sincerely,\nJohn Smith\n12 Fleet Street\nLondon EC4"
    text = heading + "\n" + PROSE + "\n" + verse + "\n" + PROSE + "\n" + signature
    soft = soft_set(text)
    for line in text.split("\n"):
        if len(line) < 40:
            assert newline_after(text, line) not in soft, line
    lines = shown(text, 500)
    assert lines[0] == heading
    assert lines[2:5] == verse.split("\n")
    assert lines[-4:] == signature.split("\n")


def test_a_short_line_before_a_list_is_no_block_of_short_lines():
    text = PROSE + "\nto be voted on:\n- the first item\n- the second item"
    assert shown(text, 500) == [PROSE.replace("\n", " ") + " to be voted on:", "- the first item", "- the second item"]


def test_a_last_line_that_reaches_the_margin_flows_only_into_prose():
    # A paragraph's last line can reach the margin; the break is kept before anything that does not go on.
    text = PROSE + "\n    Next paragraph.\n" + PROSE
    soft = soft_set(text)
    assert newline_after(text, "the week.") not in soft
    assert newline_after(text, "Next paragraph.") not in soft


def test_a_short_line_broken_mid_sentence_flows_on():
    # Reuters drops the dateline from the first line, which leaves it short.
    text = "Showers continued in\n" + PROSE
    assert newline_after(text, "continued in") in soft_set(text)
    # Not after the end of a sentence, nor from a heading into a capitalised line.
    for first in ("It rained.", "BAHIA COCOA REVIEW", "Weekly Review"):
        text = first + "\n" + PROSE
        assert newline_after(text, first) not in soft_set(text), first


def test_a_soft_newline_is_one_cell_wide():
    # Twelve 4-letter words hard-wrapped at 39-ish columns: drawn at the width of one line plus a
    # word, a newline counted as no cell would let the line run one cell past the pane.
    line = "abcd " * 7 + "abcd"
    text = "\n".join([line] * 8)
    assert soft_set(text)
    for width in range(4, 90):
        check_layout(text, width)


# ---------------------------------------------------------------- in the reader


async def test_the_reader_draws_a_soft_newline_as_a_space():
    from textual.app import App

    from tui.document import Doc
    from tui.widgets.reader import Reader

    class ReaderApp(App):
        def compose(self):
            yield Reader(id="reader")

    header = "BAHIA COCOA REVIEW\nReuters · 1987-02-26\n\n"
    async with ReaderApp().run_test(size=(62, 12)) as pilot:
        reader = pilot.app.query_one(Reader)
        reader.show(Doc("article", 1, "BAHIA COCOA REVIEW", header + REUTERS, body_offset=len(header)))
        await pilot.pause()
        drawn = [reader.render_line(y).text.rstrip(" ▐") for y in range(8)]
    assert drawn[:5] == [
        "BAHIA COCOA REVIEW",
        "Reuters · 1987-02-26",
        "",
        "Showers continued throughout the week in the Bahia cocoa",
        "zone, alleviating the drought since early January and",
    ]
    assert not any("\n" in line for line in drawn)


def test_a_hanging_paragraph_wraps_under_its_text_and_the_others_as_wrap_does():
    """A page's list entry ("  2024-06-19 “words …” — title") wraps under its words, not back under its date."""
    from tui.text import hanging_wrap

    entry = "  2024-06-19 " + " ".join(f"word{i}" for i in range(30))
    text = "Heading\n" + entry + "\nplain " * 3 + "x " * 60
    hangs = {len("Heading\n"): 13}
    lines, indents = hanging_wrap(text, 40, hangs)
    plain_lines = wrap(text, 40)
    entry_lines = [
        (ln, ind) for ln, ind in zip(lines, indents) if len("Heading\n") <= ln[0] < len("Heading\n") + len(entry)
    ]
    assert entry_lines[0][1] == 0 and all(ind == 13 for _, ind in entry_lines[1:]) and len(entry_lines) > 2
    assert all(cells(text[s:e].rstrip()) <= 40 - ind for (s, e), ind in entry_lines)
    assert "".join(text[s:e] for (s, e), _ in entry_lines) == entry  # every character, once, in order
    rest = len("Heading\n") + len(entry)
    assert [ln for ln in lines if ln[0] > rest] == [ln for ln in plain_lines if ln[0] > rest]  # the others as before
    assert hanging_wrap(text, 30, hangs)[1] == [0] * len(wrap(text, 30))  # too narrow to hang: as wrap does
