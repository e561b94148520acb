"""tui.text's cutting of a row's text to its column."""

from __future__ import annotations

import random

import pytest
from rich.cells import set_cell_size

from tui.text import cells, shorten


def shorten_measuring_all(text: str, width: int) -> str:
    """What `shorten` gave when it measured and cut the whole of `text`."""
    if width <= 0:
        return ""
    return text if cells(text) <= width else set_cell_size(text, width - 1) + "…"


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("plain words", 20, "plain words"),
        ("plain words that run on", 10, "plain wor…"),
        ("“Quoted words,” she said", 12, "“Quoted wor…"),
        ("中俄会谈今天举行", 8, "中俄会 …"),  # a wide character cut in half leaves a space
        ("cafe\u0301 au lait and more", 6, "cafe\u0301 …"),  # a combining accent stays with its letter
        ("short", 0, ""),
    ],
)
def test_shorten_cuts_at_the_width_with_an_ellipsis(text, width, expected):
    assert shorten(text, width) == expected
    assert cells(shorten(text, width)) <= max(width, 0)


def test_shorten_reads_only_the_start_of_a_long_text_and_cuts_it_as_measuring_all_of_it_did():
    pieces = [
        *"abc xyz.,“”’—é",
        "中",
        "俄",
        "\u0301",
        "\u0300",
        "\u200b",
        "\t",
        "\n",
        "😀",
        "\u200d",
        "\ufe0f",
        "한",
        "ｗ",
    ]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        width = rng.randint(0, 30)
        try:
            expected = shorten_measuring_all(text, width)
        except IndexError:  # Rich cannot cut some joiner sequences: nor could shorten before
            with pytest.raises(IndexError):
                shorten(text, width)
            continue
        assert shorten(text, width) == expected, (text, width)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A plain name", "A plain name"),
        ("two\nlines\tand a tab", "two lines and a tab"),
        ("a bell\x07 and an escape\x1b[31m", "a bell and an escape[31m"),
        ("carriage\r return", "carriage return"),
        ("bidi \u202eoverride", "bidi override"),
        ("Zürich · “quoted”", "Zürich · “quoted”"),
        ("", ""),
    ],
)
def test_clean_takes_out_controls_and_keeps_plain_text_as_it_is(text, expected):
    from tui.text import clean

    assert clean(text) == expected
