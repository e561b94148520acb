"""Quotation marks → quoted spans, from the raw text alone (no parse).

Handles curly and straight, double and single marks, «guillemets», nesting
(only the outermost span is kept), apostrophes (don’t, Russia’s, the ’90s),
and quotes that run over several paragraphs (a paragraph left open whose
successor starts with an opening mark). An opening mark with no partner in
its paragraph is skipped: the marks inside it are still paired on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """Pairs (open, close, style) in one paragraph, and the marks left open at its end."""
    stack: list[tuple[str, int]] = []  # (kind, index); kind: d (curly double), D (straight double), s, S, g«, g‹
    pairs: list[tuple[int, int, str]] = []

    def pop_to(kinds: str) -> int | None:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] in kinds:
                idx = stack[k][1]
                del stack[k:]
                return idx
        return None

    def has(kinds: str) -> bool:
        return any(k in kinds for k, _ in stack)

    skip = -1
    for i in range(p0, p1):
        if i <= skip:
            continue
        c = text[i]
        if c == "'" and text[i + 1 : i + 2] == "'" and not (i > p0 and text[i - 1] == "'"):
            skip = i + 1
            continue
        if c in DOUBLE_OPEN:
            if c == "“" and has("d") and _closer_context(text, i, p0, p1) and not _opener_context(text, i, p0, p1):
                pairs.append((pop_to("d"), i, "double"))  # “…“ used as a closing mark
            else:
                stack.append(("d", i))
        elif c in DOUBLE_CLOSE:
            o = pop_to("d")
            if o is None and has("D"):
                o = pop_to("D")
            if o is not None:
                pairs.append((o, i, "double"))
        elif c == '"':
            if has("D") and (_closer_context(text, i, p0, p1) or not _opener_context(text, i, p0, p1)):
                pairs.append((pop_to("D"), i, "double"))
            elif has("d") and _closer_context(text, i, p0, p1) and not _opener_context(text, i, p0, p1):
                pairs.append((pop_to("d"), i, "double"))
            elif _opener_context(text, i, p0, p1):
                stack.append(("D", i))
        elif c in SINGLE_OPEN:
            if not _is_apostrophe(text, i, p0, p1):
                stack.append(("s", i))
        elif c in (SINGLE_CLOSE, "'"):
            if _is_apostrophe(text, i, p0, p1):
                continue
            opens = "sS"
            if has(opens) and _closer_context(text, i, p0, p1):
                pairs.append((pop_to(opens), i, "single"))
            elif _opener_context(text, i, p0, p1) and (c == "'" or text[i - 1 : i] in ("", " ", "(", "\t")):
                stack.append(("S", i))
        elif c in GUILLEMETS:
            stack.append(("g" + c, i))
        elif c in GUILLEMETS.values():
            opener = next(k for k, v in GUILLEMETS.items() if v == c)
            o = pop_to("g" + opener) if has("g" + opener) else None
            if o is not None:
                pairs.append((o, i, "guillemet"))
    return pairs, stack


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
            if b <= a or not any(ch.isalnum() for ch in text[a:b]):
                continue
            is_run_on = runs_on is not None and o == runs_on
            spans.append(
                QuoteSpan(
                    o, c, a, b, style, runs_on=is_run_on, continues=piece_continues and o == _first_mark(text, p0, p1)
                )
            )
    return spans


def _first_mark(text: str, p0: int, p1: int) -> int:
    j = p0
    while j < p1 and text[j].isspace():
        j += 1
    return j
