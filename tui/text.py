"""Text safety and layout helpers for rendering stored strings.

Stored text is hostile: it may carry escape sequences, C0/C1 controls, DEL and
bidi overrides (ingest strips them, and we do again here). Nothing here parses
markup: callers build `Content` objects from plain strings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import get_character_cell_size, set_cell_size

from model.parse.layout import soft_breaks
from model.quote_kinds import QUOTED_KINDS
from model.unsafe import UNSAFE_CHARS

# What ingest strips (C0 but \t and \n, DEL, C1, bidi embeddings/overrides/isolates, BOMs), and on screen
# the bidi marks too, which could still reorder what a line shows.
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}\u061c\u200e\u200f]")
REPLACEMENT = "\ufffd"


def clean(text: str | None, default: str = "") -> str:
    """A short string (title, name, source) made safe for one line: controls removed,
    line breaks and tabs turned to spaces. The `default`, shown when `text` is empty, is made
    safe too: it is stored data as well (an article's key, when it has no title)."""
    if not text:
        text = default
        if not text:
            return text
    if text.isascii() and text.isprintable():  # nothing to take out or turn to a space: most text
        return text
    return _UNSAFE.sub("", text).replace("\n", " ").replace("\t", " ").replace("\r", "")


# Quote kinds whose text is the speaker's own words, shown in quotation marks. Reported (indirect)
# speech is someone's account of what was said: never in quotation marks, but after REPORTED_MARK.
REPORTED_MARK = "≈ "


STANCE_KIND = "stance"  # a position attributed with no words reported: shown after its verb, "accuses: X of …"


def as_said(text: str | None, kind: str | None, cue: str | None = None) -> str:
    """A quote's text as the reader must take it: “words” for the speaker's own words, `≈ words`
    for reported speech, which must never look like a quotation, and a stance after its verb
    (`accuses: Washington of …`, `calls for: talks`): a position held, no words at all."""
    body = clean(text)
    if kind in QUOTED_KINDS:
        return f"“{body}”"
    if kind == STANCE_KIND:
        return f"{third_person(clean(cue) or 'hold')}: {body}"
    return REPORTED_MARK + body


# A stance's cue that is an adjective or a participle, said with "is": "interested in" → "is interested in"
# (besides words in -ed and -ing, which are so unless a verb ends so: `VERBS_LIKE_ADJECTIVES`).
STANCE_ADJECTIVES = frozenset(
    "able afraid adamant aware certain clear confident critical eager firm happy hopeful keen open optimistic "
    "pessimistic ready responsible sceptical skeptical supportive sure unhappy wary".split()
)
VERBS_LIKE_ADJECTIVES = frozenset(
    "bleed breed bring cling exceed feed fling heed need proceed ring shed sing sling speed spring sting string "
    "succeed swing wed wring".split()
)


def third_person(cue: str) -> str:
    """A cue's verb as its subject does it: "accuse" → "accuses", "call for" → "calls for", "deny" → "denies";
    an adjective or participle with "is": "concerned about" → "is concerned about"."""
    verb, _, rest = cue.partition(" ")
    if verb in STANCE_ADJECTIVES or (verb.endswith(("ed", "ing")) and verb not in VERBS_LIKE_ADJECTIVES):
        return f"is {cue}"
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        verb += "es"
    elif re.search(r"[^aeiou]y$", verb):
        verb = verb[:-1] + "ies"
    elif verb:
        verb += "s"
    return f"{verb} {rest}" if rest else verb


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
    if text.isascii() and text.isprintable():
        return text if len(text) <= width else text[: width - 1] + "…"
    head = _wider_head(text, width)
    if head is None:
        return text
    if "\u200d" in text or "\ufe0f" in text:  # Rich measures joined sequences its own way: cut the whole
        head = text
    return set_cell_size(head, width - 1) + "…"


def _wider_head(text: str, width: int) -> str | None:
    """The start of `text` up to the first character that begins past `width` cells (what `set_cell_size` cuts
    from: a row's text is cut from its first hundred characters, not measured to its end), or None if the
    whole of `text` fits in `width` cells."""
    used = 0
    for i, ch in enumerate(text):
        size = _cell(ch)
        if used > width and size:
            return text[:i]
        used += size
    return None if used <= width else text


def context_before(text: str, width: int) -> str:
    """The end of `text` (what comes before a keyword) in `width` characters, right-aligned: cut at a
    word boundary, with `…` where words were left out."""
    if len(text) <= width:
        return text.rjust(width)
    kept = text[len(text) - (width - 1) :] if width > 1 else ""
    if kept and not kept[0].isspace() and not text[len(text) - len(kept) - 1].isspace():  # inside a word
        gap = re.search(r"\s", kept)
        kept = kept[gap.start() :] if gap else ""
    return ("…" + kept.lstrip()).rjust(width)[-width:] if width > 0 else ""


def context_after(text: str, width: int) -> str:
    """The start of `text` (what comes after a keyword) in at most `width` characters: cut at a word
    boundary, with `…` where words were left out."""
    if len(text) <= width:
        return text
    kept = text[: width - 1] if width > 1 else ""
    if kept and not kept[-1].isspace() and not text[len(kept)].isspace():  # inside a word
        gap = max(kept.rfind(" "), kept.rfind("\n"), kept.rfind("\t"))
        kept = kept[:gap] if gap >= 0 else ""
    return (kept.rstrip() + "…")[:width] if width > 0 else ""


_TOKEN = re.compile(r"\S+\s*|\s+")


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
        _wrap_paragraph(para, pos, width, lines)
        pos += len(para) + 1
    return lines


def _wrap_paragraph(para: str, pos: int, width: int, lines: list[tuple[int, int]]) -> None:
    """`wrap`'s lines for one paragraph at offset `pos`: cell by cell when each character takes one, else by words."""
    if _one_cell_each(para):
        _wrap_one_cell(para, pos, width, lines)
    else:
        _wrap_words(para, pos, width, lines)


HANG_NARROWEST = 20  # cells a hanging paragraph's lines keep beside their indent; narrower, they do not hang


def hanging_wrap(text: str, width: int, hangs: dict[int, int]) -> tuple[list[tuple[int, int]], list[int]]:
    """`wrap` for a page (no reflow) some of whose paragraphs hang: one starting at an offset in `hangs` has its
    lines after the first `hangs[offset]` cells narrower, to be drawn that far in (a list entry's text under
    itself, not under its date). (lines, the indent each line is drawn at)."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    indents: list[int] = []
    pos = 0
    for para in text.split("\n"):
        hang = hangs.get(pos, 0)
        found: list[tuple[int, int]] = []
        (_wrap_words if hang else _wrap_paragraph)(para, pos, width, found)
        if hang and len(found) > 1 and width - hang >= HANG_NARROWEST:
            rest_at = found[1][0]
            rest: list[tuple[int, int]] = []
            _wrap_words(text[rest_at : pos + len(para)], rest_at, width - hang, rest)
            lines += [found[0], *rest]
            indents += [0] + [hang] * len(rest)
        else:
            lines += found
            indents += [0] * len(found)
        pos += len(para) + 1
    return lines, indents


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
# currency signs, numero and trade mark, almost-equal, box drawing and block elements (the pages' date
# bands, `≈` and sparklines).
_NOT_ONE_CELL = re.compile(
    "[^\x20-\x7e\u00a1-\u00ac\u00ae-\u024f\u0370-\u0377\u037a-\u037f\u0384-\u038a"
    "\u038c\u038e-\u03a1\u03a3-\u03ff\u0400-\u0482\u048a-\u052f\u2010-\u2027"
    "\u2030-\u205e\u20a0-\u20c0\u2116\u2122\u2248\u2500-\u259f]"
)


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
