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

# Reflowing hard-wrapped text (wire copy, e-mail: lines broken at some 65-75 columns). A text is hard-wrapped
# when most lines that go on to a next line of their paragraph end near one right margin. In one, a newline is
# soft (flowed over, drawn as a space) when the line it ends reaches that margin, or breaks off a sentence before
# a line that does, and the next line goes on with the paragraph. Every other newline stays: blank lines,
# indented lines (Reuters starts a paragraph with four spaces), list items and quoted lines, table rows with runs
# of spaces, short lines (headings, datelines, signatures, addresses, verse).
_LIST = re.compile(r"(?:[-*+•·▪‣◦–—>|#=]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)])(?:\s|$)")
# A run of three spaces, or of two that do not follow the end of a sentence: columns, not prose.
_TABLE = re.compile(r"\S {3,}\S|[^\s.!?:;\"')\]”’] {2,}\S")
_SENTENCE_END = ".!?:;"  # a line ending so ends a sentence (or leads into a list or a quote)
_MIN_MARGIN, _MAX_MARGIN = 30, 160  # the widths of terminals, pages and e-mail
_MIN_LINES = 3  # lines that go on to a next one, for a text to be judged hard-wrapped
_FIT = 2  # columns a line may fall short of the margin by, when the next word would not fit on it


def _slack(margin: int) -> int:
    """How far short of the margin a line may end and still have been broken by it: a long word's worth."""
    return max(6, margin // 6)


def _table_row(line: str) -> bool:
    return "  " in line and _TABLE.search(line) is not None  # most lines have no two spaces: skip the regex


def _continues(line: str) -> bool:
    """`line` can go on with the paragraph of the line before it: not blank, not indented, not a list item
    or a quote, not a table row."""
    if not line or line[0].isspace():
        return False
    first = line[0]
    could_be_item = not first.isalpha() or first in "ivxIVX" or line[1:2] in (".", ")")  # most lines start a word
    return not (could_be_item and _LIST.match(line)) and not _table_row(line)


def _margin(lengths: list[int], going_on: list[int]) -> int:
    """The right margin the lines `going_on` were broken at, or 0 when they were not: the longest length
    whose window (a long word's worth below it) holds the most of them, if that is more than half."""
    counts = [0] * (_MAX_MARGIN + 2)
    for i in going_on:
        counts[min(lengths[i], _MAX_MARGIN + 1)] += 1
    below = [0]  # below[k]: how many are shorter than k
    for c in counts:
        below.append(below[-1] + c)
    margin, best = 0, 0
    for length in sorted({lengths[i] for i in going_on if _MIN_MARGIN <= lengths[i] <= _MAX_MARGIN}):
        n = below[length + 1] - below[length - _slack(length)]
        if n >= best:
            margin, best = length, n
    return margin if best * 2 > len(going_on) else 0


@lru_cache(maxsize=16)
def soft_breaks(text: str, start: int = 0) -> frozenset[int]:
    """The offsets of the newlines from `start` on that only hard-wrap a paragraph: none unless the
    text from there is hard-wrapped. `wrap` flows words over them."""
    if text.count("\n", start) < _MIN_LINES:
        return frozenset()
    lines = text[start:].split("\n")
    lengths = [len(line.rstrip()) for line in lines]
    going_on = [i for i in range(len(lines) - 1)
                if lengths[i] and _continues(lines[i + 1]) and not _table_row(lines[i])]
    if len(going_on) < _MIN_LINES:
        return frozenset()
    margin = _margin(lengths, going_on)
    # Hardly any line of a hard-wrapped text runs past its margin.
    if not margin or sum(n > margin + 1 for n in lengths) * 10 > len(lines):
        return frozenset()
    near = margin - _slack(margin)
    flows = [False] * len(lines)  # flows[i]: the newline after line i is soft
    for i in going_on:
        n, line, after = lengths[i], lines[i], lines[i + 1]
        if n + 1 + len(after.split(None, 1)[0]) > margin - _FIT:  # the next word would not have fitted
            flows[i] = True
        elif lengths[i + 1] >= near and line[n - 1] not in _SENTENCE_END and (
                after[0].islower() or line[line.rfind(" ", 0, n) + 1].islower()):
            flows[i] = True  # a sentence broken off short (Reuters drops the dateline) goes on
    for i in going_on:  # a short line that could go on but does not starts a block of them (verse, an address)
        j = i + 1
        if flows[i] and not flows[j] and lengths[j] < near and j + 1 < len(lines) and _continues(lines[j + 1]):
            flows[i] = False
    ends = [start - 1]  # ends[i]: the offset of the newline that ends line i
    for line in lines:
        ends.append(ends[-1] + len(line) + 1)
    soft = [ends[i + 1] for i in going_on if flows[i]]
    return frozenset(soft)


def _paragraphs(text: str, soft: frozenset[int]) -> list[str]:
    """`text` cut at its newlines but the `soft` ones, which become spaces: the pieces keep the
    text's offsets (a piece and the newline after it are as long as they were)."""
    pieces = text.split("\n")
    if not soft:
        return pieces
    out: list[str] = []
    run = [pieces[0]]
    at = len(pieces[0])  # the offset of the newline after the last piece in `run`
    for piece in pieces[1:]:
        if at not in soft:
            out.append(" ".join(run))
            run = []
        run.append(piece)
        at += len(piece) + 1
    out.append(" ".join(run))
    return out


def wrap(text: str, width: int, reflow_from: int | None = None) -> list[tuple[int, int]]:
    """Word-wrap `text` to `width` cells: a list of (start, end) character offsets, one
    per screen line. Paragraphs break at `\\n`; a word longer than a line is cut.
    From `reflow_from` on (None: nowhere), a hard-wrapped text is reflowed: its soft
    newlines (see `soft_breaks`) are taken as spaces, so a screen line may hold one
    (draw it as a space)."""
    width = max(1, width)
    soft = soft_breaks(text, reflow_from) if reflow_from is not None else frozenset()
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in _paragraphs(text, soft):
        if _one_cell_each(para):
            _wrap_one_cell(para, pos, width, lines)
        else:
            _wrap_words(para, pos, width, lines)
        pos += len(para) + 1
    return lines


def _wrap_words(para: str, pos: int, width: int, lines: list[tuple[int, int]]) -> None:
    """`wrap`'s lines for one paragraph at offset `pos`, a word at a time, any characters."""
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


# Characters that are not one cell wide (or are white space but a space, or not printable), or might not be:
# everything but printable ASCII, Latin-1 and Latin Extended, Greek, Cyrillic, typographic punctuation,
# currency signs, numero and trade mark.
_NOT_ONE_CELL = re.compile("[^\x20-\x7e\u00a1-\u00ac\u00ae-\u024f\u0370-\u0377\u037a-\u037f\u0384-\u038a"
                           "\u038c\u038e-\u03a1\u03a3-\u03ff\u0400-\u0482\u048a-\u052f\u2010-\u2027"
                           "\u2030-\u205e\u20a0-\u20c0\u2116\u2122]")


def _one_cell_each(para: str) -> bool:
    """Every character of `para` is printable and one cell wide (so a space is its only white space):
    ASCII text, and most Latin, Cyrillic and Greek text with typographic quotes and dashes."""
    if para.isascii():
        return para.isprintable()
    return _NOT_ONE_CELL.search(para) is None


def _wrap_one_cell(para: str, pos: int, width: int, lines: list[tuple[int, int]]) -> None:
    """`wrap`'s lines for one paragraph of one-cell characters (see `_one_cell_each`) at offset `pos`,
    found a line at a time with `find` rather than a word at a time: the same lines (a word joins a
    line when it ends within `width` cells of the line's start), several times faster."""
    end = len(para)
    s = 0
    while s + width < end:
        limit = s + width  # the first character that does not fit
        if para[limit] == " ":  # every word up to here fits: the next line starts at the next word
            at = limit
            while at < end and para[at] == " ":
                at += 1
            if at == end:
                break
            lines.append((pos + s, pos + at))
            s = at
            continue
        at = para.rfind(" ", s, limit) + 1  # the start of the word that runs past the line
        if at > s:
            lines.append((pos + s, pos + at))
            s = at
            continue
        word_end = para.find(" ", s)  # a word longer than a line: cut it
        if word_end < 0:
            word_end = end
        while word_end - s > width:
            lines.append((pos + s, pos + s + width))
            s += width
    lines.append((pos + s, pos + end))
