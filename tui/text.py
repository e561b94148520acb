"""Text safety and layout helpers for rendering stored strings.

Stored text is hostile: it may carry escape sequences, C0/C1 controls, DEL and
bidi overrides (ingest strips them, and we do again here). Nothing here parses
markup: callers build `Content` objects from plain strings.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import get_character_cell_size, set_cell_size

from model.unsafe import UNSAFE_CHARS

# What ingest strips (C0 but \t and \n, DEL, C1, bidi embeddings/overrides/isolates, BOMs), and on screen
# the bidi marks too, which could still reorder what a line shows.
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}\u061c\u200e\u200f]")
REPLACEMENT = "\ufffd"


def clean(text: str | None, default: str = "") -> str:
    """A short string (title, name, source) made safe for one line: controls removed,
    line breaks and tabs turned to spaces."""
    if not text:
        return default
    return _UNSAFE.sub("", text).replace("\n", " ").replace("\t", " ").replace("\r", "")


def clean_keep_offsets(text: str) -> str:
    """Long text made safe without moving any character: each unsafe character becomes
    U+FFFD and a tab a space, so stored offsets still point at the same words."""
    return _UNSAFE.sub(REPLACEMENT, text).replace("\t", " ")


@lru_cache(maxsize=4096)
def _cell(ch: str) -> int:
    return get_character_cell_size(ch)


def cells(text: str) -> int:
    if text.isascii() and text.isprintable():  # one cell a character: most text, and much faster
        return len(text)
    return sum(_cell(c) for c in text)


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut with an ellipsis when longer."""
    if width <= 0:
        return ""
    return text if cells(text) <= width else set_cell_size(text, width - 1) + "…"


_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Word-wrap `text` to `width` cells: a list of (start, end) character offsets, one
    per screen line. Paragraphs break at `\\n`; a word longer than a line is cut."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start, used = pos, 0
        for m in _TOKEN.finditer(para):
            token = m.group()
            word = token.rstrip()
            at = pos + m.start()
            word_w = cells(word)
            if used and used + word_w > width:
                lines.append((start, at))
                start, used = at, 0
            while word_w > width:  # cut a word that cannot fit on any line
                n, w = 0, 0
                while n < len(word) and w + _cell(word[n]) <= width:
                    w += _cell(word[n])
                    n += 1
                n = max(n, 1)
                lines.append((at, at + n))
                at += n
                word = word[n:]
                token = token[n:]
                word_w = cells(word)
                start, used = at, 0
            used += cells(token)
        lines.append((start, pos + len(para)))
        pos += len(para) + 1
    return lines
