"""Where a text's newlines only hard-wrap its paragraphs (wire copy, e-mail), so that parsing and reading can
flow them. Pure string work: the TUI reflows with it, the ingest parses with it.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    going_on = _going_on(lines, lengths)
    margin = _wrap_margin(lengths, going_on)
    if not margin:
        return frozenset()
    flows = _flows(lines, lengths, going_on, margin)
    ends = _line_ends(lines, start)
    return frozenset(ends[i + 1] for i in going_on if flows[i])


def _going_on(lines: list[str], lengths: list[int]) -> list[int]:
    """The lines (by index) the next line could go on from."""
    return [i for i in range(len(lines) - 1) if lengths[i] and _continues(lines[i + 1]) and not _table_row(lines[i])]


def _wrap_margin(lengths: list[int], going_on: list[int]) -> int:
    """The margin the text is hard-wrapped at, or 0 when it is not."""
    if len(going_on) < _MIN_LINES:
        return 0
    margin = _margin(lengths, going_on)
    # Hardly any line of a hard-wrapped text runs past its margin.
    if not margin or sum(n > margin + 1 for n in lengths) * 10 > len(lengths):
        return 0
    return margin


def _flows(lines: list[str], lengths: list[int], going_on: list[int], margin: int) -> list[bool]:
    """flows[i]: the newline after line i is soft."""
    near = margin - _slack(margin)
    flows = [False] * len(lines)
    for i in going_on:
        flows[i] = _wrapped(lines[i], lengths[i], lines[i + 1], lengths[i + 1], margin, near)
    for i in going_on:  # a short line that could go on but does not starts a block of them (verse, an address)
        j = i + 1
        if flows[i] and not flows[j] and lengths[j] < near and j + 1 < len(lines) and _continues(lines[j + 1]):
            flows[i] = False
    return flows


def _wrapped(line: str, n: int, after: str, after_length: int, margin: int, near: int) -> bool:
    """Whether `line` (of length `n`) was broken before `after` by the margin."""
    if n + 1 + len(after.split(None, 1)[0]) > margin - _FIT:  # the next word would not have fitted
        return True
    # a sentence broken off short (Reuters drops the dateline) goes on
    return (
        after_length >= near
        and line[n - 1] not in _SENTENCE_END
        and (after[0].islower() or line[line.rfind(" ", 0, n) + 1].islower())
    )


def _line_ends(lines: list[str], start: int) -> list[int]:
    """ends[i]: the offset of the newline that ends line i - 1 (ends[0] is just before `start`)."""
    ends = [start - 1]
    for line in lines:
        ends.append(ends[-1] + len(line) + 1)
    return ends


def unwrap(text: str) -> str:
    """`text` with its soft newlines (`soft_breaks`) made spaces: the same length, so every offset holds. The
    parser then reads a name or a sentence broken over two lines ("Medco Containment Services\\nInc said") as
    one."""
    soft = soft_breaks(text)
    if not soft:
        return text
    chars = list(text)
    for i in soft:
        chars[i] = " "
    return "".join(chars)


# A run of one punctuation or symbol character longer than this is no prose; spaCy's tokenizer splits such a run
# (of "(" or "[") one character at a time, in time that grows with its square: 20,000 "(" took half a minute.
MAX_RUN = 32
_DEGENERATE_RUN = re.compile(r"([^\w\s]|_)\1{%d,}" % MAX_RUN)


def blank_runs(text: str) -> str:
    """`text` with every run of more than `MAX_RUN` of one non-alphanumeric, non-space character made spaces:
    the same length, so every offset holds. Ellipses, dashes and rules of ordinary length stay."""
    return _DEGENERATE_RUN.sub(lambda m: " " * len(m.group()), text)


def parse_text(text: str) -> str:
    """The text the parser reads for `text`, of its length: soft newlines flowed (`unwrap`) and degenerate runs
    of punctuation blanked (`blank_runs`)."""
    return blank_runs(unwrap(text))
