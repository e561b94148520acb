"""The reader: an article or an entity page, wrapped with the line API, with a link cursor.

`tab`/`e` and `shift+tab`/`E` move the link cursor over mentions, quotes and dates
(or, on an entity page, over its rows); `enter` follows the link, which the
screen turns into a navigation. Text is drawn from `Content` built from plain
strings, so markup in an article is shown as typed.
"""

from __future__ import annotations

import bisect
import re

from rich.segment import Segment
from textual import events
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message

from .. import bindings
from ..document import CURSOR_STYLE, HIT_STYLE, TARGET_STYLE, Doc, Link, made_for, message_doc, wants_rest
from ..render import LineScrollView, content_segments, set_virtual_size, thumb_segment
from ..text import hanging_wrap, wrap


class Reader(LineScrollView, can_focus=True):
    BINDINGS = bindings.READER
    COMPONENT_CLASSES = {"scroll--thumb", "scroll--track"}
    DEFAULT_CSS = """
    Reader { height: 1fr; background: $surface; padding: 0 0 0 1; overflow-x: hidden; overflow-y: hidden; }
    Reader > .scroll--thumb { color: $scrollbar; }
    Reader > .scroll--track { background: $surface; }
    """

    class Follow(Message):
        def __init__(self, reader: Reader, link: Link) -> None:
            super().__init__()
            self.reader, self.link = reader, link

    class LinkChanged(Message):
        def __init__(self, reader: Reader, link: Link | None) -> None:
            super().__init__()
            self.reader, self.link = reader, link

    class WantsRest(Message):
        """The reader shows the head of an entity or a statement page (`Doc.partial`) and nears its end: the screen
        reads the rest and gives it to `extend`."""

        def __init__(self, reader: Reader, page) -> None:
            super().__init__()
            self.reader, self.page = reader, page

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc: Doc = message_doc("")
        self.cursor: int | None = None  # index into doc.links
        self.target: tuple[int, int] | None = None  # a span shown in bold (a sentence opened from the timeline)
        self.hits: list[tuple[int, int]] = []
        self.hit: int | None = None
        self._lines: list[tuple[int, int]] = []
        self._indents: list[int] = []  # each line's indent (a page's hanging paragraphs); empty: none
        self._line_starts: list[int] = []
        self._pieces: dict[int, Content] = {}  # line -> its Content, as drawn
        self._text = ""
        self._line_spans: list[list[Span]] = []
        self._width = 0
        self._seen_size = Size(0, 0)
        self._terms: list[str] = []
        self._rest_asked = None  # the head of an entity or statement page whose rest was asked for
        self._after_rest: str | int | None = None  # "bottom", or a link step, that waits for the rest of the page

    # ---------------------------------------------------------------- content

    def show(
        self,
        doc: Doc,
        *,
        cursor: int | None = None,
        scroll: int | None = None,
        target: tuple[int, int] | None = None,
        terms: list[str] | None = None,
        hit: str | None = None,
    ) -> None:
        """Show `doc`: with the link cursor on link `cursor`, scrolled to line `scroll`
        (or to the cursor, or to `target`), and search `terms` highlighted; with `hit` ("first" or "last"),
        that search hit current and in view (set before the page is styled: styling it again after cost a pass
        over every span of the page)."""
        doc = self.doc = made_for(doc, self.text_width())  # read for a width the reader no longer has
        self.cursor = cursor if cursor is not None and 0 <= cursor < len(doc.links) else None
        self.target = target
        self._terms = terms or []
        self.hits = find_hits(doc.text, self._terms, doc.body_offset)
        self.hit = None
        if hit is not None and self.hits:
            self.hit = len(self.hits) - 1 if hit == "last" else 0
        self._rest_asked = self._after_rest = None
        self._layout(force=True)
        if scroll is not None:
            self.scroll_y_to(scroll)
        elif self.cursor is not None:
            self._scroll_to_offset(doc.links[self.cursor].start, centre=True)
        elif target is not None:
            self._scroll_to_offset(target[0], centre=True)
        else:
            self.scroll_y_to(0)
        if self.hit is not None:
            self._scroll_to_offset(self.hits[self.hit][0], centre=True)
        self._check_rest()
        self.post_up(self.LinkChanged(self, self.link))

    def extend(self, doc: Doc, width: int) -> None:
        """Show `doc`, the whole of the entity or statement page whose head is shown (its text goes on from the
        head's), made `width` wide, as the head was: the same scroll, link cursor and search hits; then the move that
        waited."""
        top = round(self.scroll_y)
        self.doc = made_for(doc, self._width)  # the reader may have been resized while the rest was read
        self.hits = find_hits(self.doc.text, self._terms, self.doc.body_offset)
        self._layout(force=True)
        self.scroll_y_to(top)
        after, self._after_rest = self._after_rest, None
        if after == "bottom":
            self.action_bottom()
        elif isinstance(after, int):
            self.action_link(after)

    def _partial(self) -> bool:
        return self.doc.partial is not None

    def _check_rest(self, now: bool = False) -> None:
        """Ask for the rest of a partial page once, when the view nears its end (`wants_rest`) or `now`."""
        page = self.doc.partial
        if page is None or self._rest_asked is page or not self._lines:
            return
        if now or wants_rest(len(self._lines), round(self.scroll_y), max(1, self.scrollable_content_region.height)):
            self._rest_asked = page
            self.post_up(self.WantsRest(self, page))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._check_rest()

    def set_terms(self, terms: list[str]) -> None:
        self._terms = terms
        self.hits = find_hits(self.doc.text, terms, self.doc.body_offset)
        self.hit = None
        self._restyle()

    @property
    def link(self) -> Link | None:
        return self.doc.links[self.cursor] if self.cursor is not None else None

    def _layout(self, force: bool = False) -> None:
        width = self.text_width()
        if width == self._width and not force:
            return
        self._width = width
        # An article's body is reflowed when it is hard-wrapped; a line may then hold a newline, drawn as a space.
        if self.doc.hangs:  # a page whose list entries wrap under their text
            self._lines, self._indents = hanging_wrap(self.doc.text, width, self.doc.hangs)
        else:
            self._lines = wrap(self.doc.text, width, self.doc.body_offset if self.doc.kind == "article" else None)
            self._indents = []
        self._line_starts = [s for s, _ in self._lines]
        set_virtual_size(self, Size(width, len(self._lines)))
        self._restyle()

    def _restyle(self) -> None:
        spans = list(self.doc.spans)
        if self.target:
            spans.append(Span(*self.target, TARGET_STYLE))
        for i, (s, e) in enumerate(self.hits):
            spans.append(Span(s, e, HIT_STYLE if i != self.hit else HIT_STYLE + " underline"))
        if self.cursor is not None:
            lk = self.doc.links[self.cursor]
            spans.append(Span(lk.start, lk.end, CURSOR_STYLE))
        self._text = self.doc.text.replace("\n", " ")
        self._line_spans = line_spans(self._line_starts, spans)
        self._pieces = {}
        self.refresh()

    def _piece(self, index: int) -> Content:
        """Line `index` as Content, made when it is first drawn: an entity page is 300 lines and 600
        spans, and dividing all of it at every open or cursor move cost 5-10 ms."""
        piece = self._pieces.get(index)
        if piece is None:
            s, e = self._lines[index]
            piece = self._pieces[index] = (
                Content(
                    self._text[s:e],
                    spans=[
                        Span(max(a, s) - s, min(b, e) - s, style)
                        for a, b, style in self._line_spans[index]
                        if min(b, e) > max(a, s)
                    ],
                    strip_control_codes=False,
                )
                if s < e
                else Content("")
            )
            if self._indent(index):
                piece = self._pieces[index] = Content(" " * self._indent(index)) + piece
        return piece

    def _indent(self, index: int) -> int:
        """Cells line `index` is drawn in from the left (a hanging paragraph's lines after its first)."""
        return self._indents[index] if index < len(self._indents) else 0

    def text_width(self) -> int:
        """Columns for text: the region less a space before the scroll thumb and the thumb."""
        return max(1, self.scrollable_content_region.width - 2)

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self._seen_size and self.text_width() == self._width:  # a layout that left it as it was
            return
        # (the same size with another width: the reader was laid out while hidden, 0 columns wide, say
        # maximised away, and gets its old size back with no resize in between)
        self._seen_size = event.size
        top = self._line_starts[round(self.scroll_y)] if self._lines and round(self.scroll_y) < len(self._lines) else 0
        width = self.text_width()
        self.doc = made_for(self.doc, width)  # keyword-in-context lines and an event's bases fit the width
        self._layout()
        self._scroll_to_offset(top, centre=False, top=True)
        self._check_rest()

    def line_segments(self, y: int) -> list[Segment]:
        region, top, style = self.line_frame()
        width = max(0, region.width - 1)
        index = top + y
        if index >= len(self._lines):
            line = [Segment(" " * width, style.rich_style)]
        else:
            line = content_segments(self, self._piece(index), width, style)
        line.append(thumb_segment(self, y, region.height, len(self._lines), top))
        return line

    # ---------------------------------------------------------------- moving

    def line_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def _scroll_to_offset(self, offset: int, *, centre: bool, top: bool = False) -> None:
        line = self.line_of(offset)
        height = max(1, self.scrollable_content_region.height)
        y = round(self.scroll_y)
        if top:
            self.scroll_y_to(line)
        elif centre:
            self.scroll_y_to(max(0, line - height // 3))
        elif line < y:
            self.scroll_y_to(line)
        elif line >= y + height:
            self.scroll_y_to(line - height + 1)

    def set_cursor(self, index: int | None, centre: bool = False) -> None:
        self.cursor = index
        self._restyle()
        if index is not None:
            self._scroll_to_offset(self.doc.links[index].start, centre=centre)
        self.post_up(self.LinkChanged(self, self.link))

    def action_link(self, delta: int) -> None:
        links = self.doc.links
        if not links:
            return
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if self.cursor is not None and top <= self.line_of(links[self.cursor].start) < top + height:
            index = (self.cursor + delta) % len(links)
            wrapped = index <= self.cursor if delta > 0 else index >= self.cursor
            if wrapped and self._partial():  # round the end of the head: the page's next link is in its rest
                self._after_rest = delta
                self._check_rest(now=True)
                return
        else:  # start from what is on screen rather than from a link scrolled away
            index = self._link_on_screen(delta, top, top + height)
        self.set_cursor(index)

    def _link_on_screen(self, delta: int, top: int, bottom: int) -> int:
        """The first link on lines `top`..`bottom` (delta > 0) or the last one before their end."""
        links = self.doc.links
        first = self._line_starts[top] if top < len(self._line_starts) else 0
        end = self._line_starts[bottom] if bottom < len(self._line_starts) else len(self.doc.text)
        if delta > 0:
            return next((i for i, lk in enumerate(links) if lk.start >= first), 0)
        before = [i for i, lk in enumerate(links) if lk.start < end]
        return before[-1] if before else len(links) - 1

    def action_follow(self) -> None:
        if self.link is not None:
            self.post_up(self.Follow(self, self.link))

    def action_scroll_lines(self, delta: int) -> None:
        self.scroll_y_to(self.scroll_y + delta)

    def action_top(self) -> None:
        self.scroll_y_to(0)

    def action_bottom(self) -> None:
        if self._partial():  # the bottom of the whole page, once it is read
            self._after_rest = "bottom"
            self._check_rest(now=True)
        self.scroll_y_to(self.max_scroll_y)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_y_to(self.scroll_y + direction * height)

    def next_hit(self, delta: int) -> bool:
        """Move to the next (or previous) search hit; False when there is none that way."""
        if not self.hits:
            return False
        if self.hit is None:
            top = self._line_starts[round(self.scroll_y)] if self._line_starts else 0
            after = [i for i, (s, _) in enumerate(self.hits) if s >= top]
            index = (
                (after[0] if after else len(self.hits)) if delta > 0 else ((after[0] if after else len(self.hits)) - 1)
            )
        else:
            index = self.hit + delta
        if not 0 <= index < len(self.hits):
            return False
        self.hit = index
        self._restyle()
        self._scroll_to_offset(self.hits[index][0], centre=True)
        return True

    async def on_click(self, event: events.Click) -> None:
        line = round(self.scroll_y) + event.y
        if line >= len(self._lines):
            return
        offset = self._lines[line][0] + max(0, event.x - 1 - self._indent(line))
        for i, lk in enumerate(self.doc.links):
            if lk.start <= offset < lk.end:
                self.set_cursor(i)
                if event.chain > 1:
                    self.action_follow()
                return

    @property
    def position(self) -> tuple[int | None, int]:
        return self.cursor, round(self.scroll_y)


def find_hits(text: str, terms: list[str], start: int = 0) -> list[tuple[int, int]]:
    """Where the search words occur (whole words, any case), from `start` on."""
    words = [t for t in terms if t]
    if not words:
        return []
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*", re.IGNORECASE
    )
    return [(m.start(), m.end()) for m in pattern.finditer(text, start)]


def line_spans(line_starts: list[int], spans: list[Span]) -> list[list[Span]]:
    """For each line (by its start offset), the spans that reach into it, in their original order (a
    later span's style wins over an earlier one's)."""
    out: list[list[Span]] = [[] for _ in line_starts]
    for span in spans:
        if span.end <= span.start:
            continue
        first = max(0, bisect.bisect_right(line_starts, span.start) - 1)
        last = max(0, bisect.bisect_right(line_starts, span.end - 1) - 1)
        for i in range(first, last + 1):
            out[i].append(span)
    return out
