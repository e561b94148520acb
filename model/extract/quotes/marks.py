"""Quotation marks → quoted spans, from the raw text alone (no parse).

Handles curly and straight, double and single marks, «guillemets», nesting
(only the outermost span is kept), apostrophes (don’t, Russia’s, the ’90s),
and quotes that run over several paragraphs (a paragraph left open whose
successor starts with an opening mark). An opening mark with no partner in
its paragraph is skipped: the marks inside it are still paired on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from model.lexicon.grammar import APOSTROPHE_ELISIONS

DOUBLE_OPEN = "“„‟"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘‚‛"
SINGLE_CLOSE = "’"
GUILLEMETS = {"«": "»", "‹": "›"}
ALL_OPEN = DOUBLE_OPEN + SINGLE_OPEN + "«‹\"'"
OPENER_BEFORE = "([{—–-/…:" + ALL_OPEN
# Two apostrophes ('') stand in for a double mark in some plain-text exports. They are left alone: the
# annotated corpora we measure on (PolNeAR) read such passages as unquoted reported speech, so they come
# out as indirect quotes.


@dataclass
class QuoteSpan:
    open: int  # index of the opening mark (or of the paragraph start, for a continued piece without one)
    close: int  # index of the closing mark (or the paragraph end, for a piece that runs on)
    start: int  # the quoted text, without marks or surrounding whitespace
    end: int
    style: str  # double | single | guillemet
    runs_on: bool = False  # continues in the next paragraph
    continues: bool = False  # continues a piece from the previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, as (start, end) character ranges."""
    out, i = [], 0
    for line in text.split("\n"):
        j = i + len(line)
        if line.strip():
            out.append((i, j))
        i = j + 1
    return out


def _opener_context(text: str, i: int, p0: int, p1: int) -> bool:
    prev = text[i - 1] if i > p0 else " "
    nxt = text[i + 1] if i + 1 < p1 else " "
    return (prev.isspace() or prev in OPENER_BEFORE) and not nxt.isspace()


def _closer_context(text: str, i: int, p0: int, p1: int) -> bool:
    prev = text[i - 1] if i > p0 else " "
    nxt = text[i + 1] if i + 1 < p1 else " "
    return not prev.isspace() and not nxt.isalnum()


def _is_apostrophe(text: str, i: int, p0: int, p1: int) -> bool:
    prev = text[i - 1] if i > p0 else " "
    nxt = text[i + 1] if i + 1 < p1 else " "
    if prev.isalnum() and nxt.isalnum():  # don’t, Russia’s, rock'n'roll
        return True
    if nxt.isdigit() and text[i + 1 : i + 4].rstrip("s").isdigit():  # ’90s
        return True
    if prev.isspace() or i == p0:
        rest = text[i + 1 : i + 8].lower()
        return any(rest.startswith(e) for e in APOSTROPHE_ELISIONS)
    return False


def _scan_paragraph(text: str, p0: int, p1: int):
    """Pairs (open, close, style) in one paragraph, and the marks left open at its end: each mark goes to the
    handler of its kind (`MARK_HANDLERS`); two apostrophes ('') are left alone."""
    scan = _MarkScan(text, p0, p1)
    skip = -1
    for i in range(p0, p1):
        if i <= skip:
            continue
        c = text[i]
        if c == "'" and text[i + 1 : i + 2] == "'" and not (i > p0 and text[i - 1] == "'"):
            skip = i + 1
            continue
        handler = next((handle for is_kind, handle in MARK_HANDLERS if is_kind(c)), None)
        if handler is not None:
            handler(scan, i, c)
    return scan.pairs, scan.stack


@dataclass
class _MarkScan:
    """The marks of one paragraph being paired: the open ones (a stack) and the pairs found."""

    text: str
    p0: int
    p1: int
    stack: list[tuple[str, int]] = field(default_factory=list)  # (kind, index); d, D (straight), s, S, g«, g‹
    pairs: list[tuple[int, int, str]] = field(default_factory=list)

    def pop_to(self, kinds: str) -> int | None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] in kinds:
                idx = self.stack[k][1]
                del self.stack[k:]
                return idx
        return None

    def has(self, kinds: str) -> bool:
        return any(k in kinds for k, _ in self.stack)

    def closer(self, i: int) -> bool:
        return _closer_context(self.text, i, self.p0, self.p1)

    def opener(self, i: int) -> bool:
        return _opener_context(self.text, i, self.p0, self.p1)


def _double_open(scan: _MarkScan, i: int, c: str) -> None:
    if c == "“" and scan.has("d") and scan.closer(i) and not scan.opener(i):
        scan.pairs.append((scan.pop_to("d"), i, "double"))  # “…“ used as a closing mark
    else:
        scan.stack.append(("d", i))


def _double_close(scan: _MarkScan, i: int, c: str) -> None:
    o = scan.pop_to("d")
    if o is None and scan.has("D"):
        o = scan.pop_to("D")
    if o is not None:
        scan.pairs.append((o, i, "double"))


def _straight_double(scan: _MarkScan, i: int, c: str) -> None:
    if scan.has("D") and (scan.closer(i) or not scan.opener(i)):
        scan.pairs.append((scan.pop_to("D"), i, "double"))
    elif scan.has("d") and scan.closer(i) and not scan.opener(i):
        scan.pairs.append((scan.pop_to("d"), i, "double"))
    elif scan.opener(i):
        scan.stack.append(("D", i))


def _single_open(scan: _MarkScan, i: int, c: str) -> None:
    if not _is_apostrophe(scan.text, i, scan.p0, scan.p1):
        scan.stack.append(("s", i))


def _single_close(scan: _MarkScan, i: int, c: str) -> None:
    if _is_apostrophe(scan.text, i, scan.p0, scan.p1):
        return
    if scan.has("sS") and scan.closer(i):
        scan.pairs.append((scan.pop_to("sS"), i, "single"))
    elif scan.opener(i) and (c == "'" or scan.text[i - 1 : i] in ("", " ", "(", "\t")):
        scan.stack.append(("S", i))


def _guillemet_open(scan: _MarkScan, i: int, c: str) -> None:
    scan.stack.append(("g" + c, i))


def _guillemet_close(scan: _MarkScan, i: int, c: str) -> None:
    opener = next(k for k, v in GUILLEMETS.items() if v == c)
    o = scan.pop_to("g" + opener) if scan.has("g" + opener) else None
    if o is not None:
        scan.pairs.append((o, i, "guillemet"))


# Each kind of mark and its handler, tried in order.
MARK_HANDLERS = (
    (lambda c: c in DOUBLE_OPEN, _double_open),
    (lambda c: c in DOUBLE_CLOSE, _double_close),
    (lambda c: c == '"', _straight_double),
    (lambda c: c in SINGLE_OPEN, _single_open),
    (lambda c: c in (SINGLE_CLOSE, "'"), _single_close),
    (lambda c: c in GUILLEMETS, _guillemet_open),
    (lambda c: c in GUILLEMETS.values(), _guillemet_close),
)


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _starts_with_opener(text: str, p0: int, p1: int) -> str | None:
    j = p0
    while j < p1 and text[j].isspace():
        j += 1
    if j < p1 and (text[j] in DOUBLE_OPEN or text[j] == '"' or text[j] in GUILLEMETS):
        return "double" if text[j] not in GUILLEMETS else "guillemet"
    return None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All outermost quoted spans in `text`, in order."""
    paras = paragraphs(text)
    spans: list[QuoteSpan] = []
    carried = False  # the previous paragraph ran on into this one
    for n, (p0, p1) in enumerate(paras):
        pairs, left_open = _scan_paragraph(text, p0, p1)
        piece_continues = carried
        carried = False
        runs_on = None
        # An opening double mark left open at the end: a quote running into the next paragraph,
        # if that paragraph starts with an opening mark (the convention for multi-paragraph quotes).
        bottom = next((o for k, o in left_open if k in ("d", "D") or k.startswith("g")), None)
        if bottom is not None and n + 1 < len(paras):
            style = _starts_with_opener(text, *paras[n + 1])
            if style:
                runs_on = bottom
        if runs_on is not None:
            pairs = [p for p in pairs if p[0] < runs_on and p[1] < runs_on]
            pairs.append((runs_on, p1, "double"))
            carried = True
        pairs.sort()
        kept: list[tuple[int, int, str]] = []
        for o, c, style in pairs:
            if kept and o < kept[-1][1]:
                continue  # nested inside the previous kept span
            kept.append((o, c, style))
        for o, c, style in kept:
            a, b = _inner(text, o + 1, c)
            if b <= a or not any(ch.isalnum() for ch in text[a:b]) or is_nickname(text, o, c):
                continue
            is_run_on = runs_on is not None and o == runs_on
            spans.append(
                QuoteSpan(
                    o, c, a, b, style, runs_on=is_run_on, continues=piece_continues and o == _first_mark(text, p0, p1)
                )
            )
    return spans


# A nickname between a person's given name (or initial) and surname: 'Marcia "Cia" Price', 'Robert C. "Bobby" Scott'.
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+|\b[A-Z]\.)[ ]$")
_NICKNAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")
_NAME_AFTER = re.compile(r"[ ][A-Z][a-z]")


def is_nickname(text: str, o: int, c: int) -> bool:
    """Is the span quoted by the marks at o and c a nickname inside a person's name (up to three capitalised words,
    a capitalised word or an initial right before the opening mark, a capitalised word right after the closing
    one)? Its marks quote no one: the name around it is whole."""
    return bool(
        _NICKNAME.fullmatch(text, o + 1, c)
        and _NAME_BEFORE.search(text[max(0, o - 30) : o])
        and _NAME_AFTER.match(text, c + 1)
    )


def _first_mark(text: str, p0: int, p1: int) -> int:
    j = p0
    while j < p1 and text[j].isspace():
        j += 1
    return j
