"""A list of rows paged from SQLite: only the pages on screen are in memory.

The list knows how many rows there are (so the scrollbar and `G` are honest at
100,000 rows) and fetches pages of rows through `model.corpus.query` in thread
workers, one connection per worker, as they come into view. Rows are drawn with
the line API from `Content`, never markup.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from rich.segment import Segment
from textual import events, work
from textual.content import Content
from textual.geometry import Size
from textual.message import Message

from .. import bindings
from ..render import LineScrollView, content_segments, fit, set_virtual_size, thumb_segment

# Rows a query reads at a time. A page is made into Python rows in a worker thread that shares the
# GIL with the drawing: 40 rows fill the tallest list on a 24-50 line terminal, where 100 cost a
# search ~4 ms more (nav bench p50).
PAGE = 40
KEEP_PAGES = 30
LOADING_GRACE = 0.25  # seconds a list keeps drawing its old rows while a new query runs

# The browser's reads (a list's count and pages, the reader's documents) start in these threads as they are asked
# for: a Textual thread worker starts its thread only once the event loop comes back to it, after the rest of the
# step's handlers (the prompt closing, focus moving: 3-7 ms at 120x35 after a search). The worker that waits for a
# read, and hands its answer over, is Textual's as before (tests and the benchmark wait for workers).
READS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="sinorus-read")
# A list whose first page needs no count (`FuncSource.first_page_alone`) has that page read here, beside its count:
# on two cores the step waits for the longer of the two, not their sum (a word in a much-mentioned entity's articles
# at a million: a 26 ms count and a 16 ms page). A pool of its own: a read of `READS` waits for these, never the
# reverse, so no read waits for a thread busy waiting.
PAGES_BESIDE = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sinorus-page")
GUTTER = 1  # cells before each row's text: where a marked row shows its mark


class Source(Protocol):
    """What a list shows: counted and paged by model.corpus.query, drawn one row a line."""

    empty: str

    def count(self, conn) -> int: ...

    def page(self, conn, offset: int, limit: int) -> list: ...

    def render(self, row: Any, width: int, previous: Any | None) -> Content:
        """One row as one line; `previous` is the row above (if loaded), for grouping."""


@dataclass
class FuncSource:
    """A Source from plain functions."""

    count_fn: Callable[[Any], int]
    page_fn: Callable[[Any, int, int], list]
    render_fn: Callable[..., Content]  # (row, width) or, with `grouped`, (row, width, previous)
    empty: str = "nothing here"
    grouped: bool = False
    tall_fn: Callable[..., tuple[Content, Content]] | None = None  # (row, width, previous): a row on two lines
    first_page_alone: bool = False  # the first page's rows are the same read before the count as after it

    def count(self, conn) -> int:
        return self.count_fn(conn)

    def page(self, conn, offset: int, limit: int) -> list:
        return self.page_fn(conn, offset, limit)

    def render(self, row: Any, width: int, previous: Any | None) -> Content:
        return self.render_fn(row, width, previous) if self.grouped else self.render_fn(row, width)

    def render_tall(self, row: Any, width: int, previous: Any | None) -> tuple[Content, Content]:
        """One row on two lines (only where `tall_fn` is given)."""
        return self.tall_fn(row, width, previous)

    @property
    def drawing(self) -> tuple:
        """What a row's drawing depends on besides the row: two sources of the same functions draw a row alike."""
        return (self.render_fn, self.tall_fn, self.grouped)


class RowCache:
    """Rows as drawn, so that a row drawn before is not drawn again: a list shows the same rows again and again
    (going back, a reload, the rows around a moving cursor) and drawing one (its columns fitted, its styles
    resolved) costs 0.1-0.2 ms. A row is looked up by its kind and id and what it is drawn with (the source,
    width, style, theme, mark); the drawing is used only if the row, and the row above it (grouping), are
    equal to the ones it was drawn from, so a row whose data changed is drawn anew."""

    SIZE = 400  # rows kept: a few screens of each of the lists' recent views

    def __init__(self) -> None:
        self._rows: OrderedDict[tuple, tuple[Any, Any, list[Segment]]] = OrderedDict()

    @staticmethod
    def _key(row: Any, key: tuple) -> tuple:
        return (type(row), getattr(row, "id", None), *key)

    def get(self, row: Any, previous: Any, key: tuple) -> list[Segment] | None:
        found = self._rows.get(self._key(row, key))
        if found is None or found[0] != row or found[1] != previous:
            return None
        return found[2]

    def put(self, row: Any, previous: Any, key: tuple, segments: list[Segment]) -> None:
        full_key = self._key(row, key)
        self._rows[full_key] = (row, previous, segments)
        self._rows.move_to_end(full_key)
        while len(self._rows) > self.SIZE:
            self._rows.popitem(last=False)


class VirtualList(LineScrollView, can_focus=True):
    """Rows paged from the database; a cursor; enter selects."""

    BINDINGS = bindings.LIST
    COMPONENT_CLASSES = {
        "vlist--cursor",
        "vlist--cursor-blurred",
        "vlist--dim",
        "vlist--mark",
        "scroll--thumb",
        "scroll--track",
    }
    DEFAULT_CSS = """
    VirtualList { height: 1fr; background: $surface; overflow-x: hidden; overflow-y: hidden; }
    VirtualList > .scroll--thumb { color: $scrollbar; }
    VirtualList > .scroll--track { background: $surface; }
    VirtualList > .vlist--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    VirtualList > .vlist--cursor-blurred { background: $block-cursor-blurred-background; text-style: bold; }
    VirtualList > .vlist--dim { color: $text-muted; }
    VirtualList > .vlist--mark { color: $text-accent; text-style: bold; }
    """

    class Highlighted(Message):
        """The user moved the cursor to a row."""

        def __init__(self, vlist: VirtualList, index: int, row: Any) -> None:
            super().__init__()
            self.vlist, self.index, self.row = vlist, index, row

        @property
        def control(self) -> VirtualList:
            return self.vlist

    class Selected(Highlighted):
        """The user pressed enter on a row."""

    class Loaded(Message):
        """The row count is known (after a reload)."""

        def __init__(self, vlist: VirtualList, total: int, error: str | None, prefetched: Any = None) -> None:
            super().__init__()
            self.vlist, self.total, self.error = vlist, total, error
            self.prefetched = prefetched  # what the load's `prefetch` made of the row at the cursor, if asked

        @property
        def control(self) -> VirtualList:
            return self.vlist

    class Loading(Message):
        """A reload is taking a while: the list now says so (and its count is unknown)."""

        def __init__(self, vlist: VirtualList) -> None:
            super().__init__()
            self.vlist = vlist

        @property
        def control(self) -> VirtualList:
            return self.vlist

    class _Page(Message):
        def __init__(
            self,
            generation: int,
            page: int,
            rows: list | None,
            total: int | None,
            error: str | None,
            prefetched: Any = None,
        ) -> None:
            super().__init__()
            self.generation, self.page, self.rows, self.total, self.error = generation, page, rows, total, error
            self.prefetched = prefetched

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source: Source | None = None
        self.total: int | None = None  # None while counting
        self.cursor = 0
        self.error: str | None = None
        self._generation = 0
        self._reads = object()  # the tag of this generation's reads (`Db.session`): a new load interrupts them
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._pending: set[int] = set()
        self._want_select = False
        self._select_when_loaded = False
        self._restore_scroll: int | None = None
        # While a reload runs, the old rows stay on screen for LOADING_GRACE: a query that answers in
        # time replaces them in one frame, with no 'loading…' frame in between.
        self._stale: tuple[OrderedDict, int, int] | None = None
        self._seen_size = Size(0, 0)
        self._tall = False
        self.dim_row: Callable[[Any], bool] | None = None  # rows drawn muted (the articles read)
        # Each row starts with a cell (`GUTTER`, off the border as the list's heading); with `mark_row`, it shows
        # `mark_glyph` on the rows it says are marked.
        self.mark_row: Callable[[Any], bool] | None = None
        self.mark_glyph = "*"
        self._drawn_rows = RowCache()

    # ---------------------------------------------------------------- rows of two lines

    def set_tall(self, tall: bool) -> None:
        """Draw each row on two lines, where the source can (`FuncSource.tall_fn`): the screen asks for it when
        the list has the screen to itself (maximised). The cursor row stays in view."""
        if tall == self._tall:
            return
        self._tall = tall
        self._resize()
        self._scroll_cursor_visible()
        self.refresh()

    @property
    def row_lines(self) -> int:
        """How many lines a row takes: 2 when tall and the source draws rows on two lines, else 1."""
        return 2 if self._tall and getattr(self.source, "tall_fn", None) is not None else 1

    def _refresh_row(self, index: int) -> None:
        h = self.row_lines
        for line in range(index * h, index * h + h):
            self.refresh_line(line)

    # ---------------------------------------------------------------- loading

    def load(
        self,
        source: Source,
        cursor: int = 0,
        scroll: int | None = None,
        prefetch: Callable[[Any, Any], Any] | None = None,
    ) -> None:
        """Show `source`, putting the cursor at `cursor` (clamped once counted). `prefetch(conn, row)`, if
        given, runs in the same worker as the count and first page, on the row at the cursor; its result
        comes with `Loaded` (so what a screen shows for that row needs no second query round)."""
        self.source = source
        self._generation += 1
        self.app.db.interrupt(self._reads)  # what the last load still reads is no longer wanted
        self._reads = object()
        if self.total and not self.error:
            self._stale = (self._pages, self.total, self.cursor)
        elif self._stale is None or self.error:
            self._stale = None
            self.refresh()
        self._pages = OrderedDict()
        self._pending.clear()
        self.total = None
        self.error = None
        self.cursor = max(0, cursor)
        self._restore_scroll = scroll
        self._count(READS.submit(self._read_first, self._generation, self._reads, source, self.cursor, prefetch))
        generation = self._generation
        self.set_timer(LOADING_GRACE, lambda: self._show_loading(generation))

    def forsake(self) -> None:
        """Drop what the last load still reads, its answers no longer wanted: a load to come (a step's list off
        screen, loaded after the step's frame) supersedes it, and its reads would share the cores with the step's."""
        self._generation += 1
        self.app.db.interrupt(self._reads)
        self._reads = object()

    def _show_loading(self, generation: int) -> None:
        if generation == self._generation and self.total is None and self._stale is not None:
            self._stale = None
            self.refresh()
            self.post_up(self.Loading(self))

    @property
    def shown_total(self) -> int | None:
        """The count on screen: the old one while a reload is within its grace time."""
        if self.total is None and self._stale is not None:
            return self._stale[1]
        return self.total

    def reload(self) -> None:
        if self.source is not None:
            self.load(self.source, self.cursor, round(self.scroll_y))

    @work(exclusive=True, group="count")
    async def _count(self, read: Future) -> None:
        """Wait for the count and first page that `load` started reading; a newer load cancels the wait (and
        interrupts the read, `Db.interrupt`), and the end of this one is dropped."""
        message = await asyncio.wrap_future(read)
        if message is not None:
            self.post_message(message)

    def _read_first(self, generation: int, reads: object, source: Source, cursor: int, prefetch=None) -> _Page | None:
        """Count and read the page at the cursor (in a thread of `READS`): the page as a message, or None once a
        newer load has superseded this one."""
        from model.corpus.query import QueryError

        page, prefetched = cursor // PAGE, None
        beside = None
        if page == 0 and getattr(source, "first_page_alone", False):
            beside = PAGES_BESIDE.submit(self._rows_of, reads, source, page)
        try:
            with self.app.db.session(reads) as conn:
                total = source.count(conn)
                if generation != self._generation:
                    return None
                rows = beside.result() if beside is not None else source.page(conn, page * PAGE, PAGE)
                if prefetch is not None and cursor % PAGE < len(rows) and cursor < total:
                    prefetched = prefetch(conn, rows[cursor % PAGE])
        except QueryError as e:
            return None if generation != self._generation else self._Page(generation, page, None, 0, str(e))
        return self._Page(generation, page, rows, total, None, prefetched)

    def _rows_of(self, reads: object, source: Source, page: int) -> list:
        """One page's rows, read on this thread's connection (tagged `reads`: a newer load interrupts it)."""
        with self.app.db.session(reads) as conn:
            return source.page(conn, page * PAGE, PAGE)

    @work(group="page")
    async def _fetch(self, read: Future) -> None:
        """Wait for a page that `_request` started reading, and hand it over."""
        self.post_message(await asyncio.wrap_future(read))

    def _read_page(self, generation: int, reads: object, source: Source, page: int) -> _Page:
        """One page of rows (in a thread of `READS`), as a message."""
        from model.corpus.query import QueryError

        try:
            with self.app.db.session(reads) as conn:
                rows = source.page(conn, page * PAGE, PAGE)
        except QueryError as e:
            return self._Page(generation, page, None, None, str(e))
        return self._Page(generation, page, rows, None, None)

    def on_virtual_list__page(self, message: _Page) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._pending.discard(message.page)
        if message.total is not None or message.error is not None:
            self._stale = None
        if message.error is not None:
            self._failed(message.error, counted=message.total is not None)
            return
        self._keep(message.page, message.rows)
        if message.total is not None:
            self._counted(message.total, message.prefetched, message.page, message.rows)
        else:
            self._extend(message.page, message.rows)
        self._announce_waiting()
        self.refresh()

    def _failed(self, error: str, counted: bool) -> None:
        """A query failed: the list shows `error` (and, if it was the count, has no rows)."""
        self.error = error
        if counted:
            self.total = 0
            self._resize()
            self.post_up(self.Loaded(self, 0, error))
        self.refresh()

    def _counted(self, total: int, prefetched, page: int = 0, rows: list | None = None) -> None:
        """The count is in, with the first page: place the cursor and scroll, and say so."""
        self.total = total
        self._extend(page, rows or [], resize=False)
        self.cursor = min(self.cursor, max(0, self.total - 1))
        self._resize()
        if self._restore_scroll is not None:
            self.scroll_y_to(self._restore_scroll)
            self._restore_scroll = None
        self._scroll_cursor_visible()
        self.post_up(self.Loaded(self, self.total, None, prefetched))

    def _announce_waiting(self) -> None:
        """Post the Highlighted or Selected that a key pressed before the row was loaded asked for."""
        if self._want_select and self.row(self.cursor) is not None:
            self._want_select = False
            self.post_up(self.Highlighted(self, self.cursor, self.row(self.cursor)))
        if self._select_when_loaded and self.total is not None:
            self._select_when_loaded = False
            if self.row(self.cursor) is not None:
                self.post_up(self.Selected(self, self.cursor, self.row(self.cursor)))

    def put_page(self, generation: int, page: int, rows: list) -> None:
        """Rows of `page` fetched elsewhere for this list's `generation` (see `generation`)."""
        if generation == self._generation and self.total is not None and page not in self._pages:
            self._pending.discard(page)
            self._keep(page, rows)
            self._extend(page, rows)

    def _keep(self, page: int, rows: list) -> None:
        """Hold `page`'s rows, dropping the oldest page beyond KEEP_PAGES."""
        self._pages[page] = rows
        while len(self._pages) > KEEP_PAGES:
            self._pages.popitem(last=False)

    def _extend(self, page: int, rows: list, resize: bool = True) -> None:
        """A count that stopped at its cap (`AtLeast`) grows as pages arrive: a full page at its end adds a
        row still to read (drawn '…', read when in view); a short page is the last, and the count exact."""
        from model.corpus.query import AtLeast

        if not isinstance(self.total, AtLeast):
            return
        end = page * PAGE + len(rows)
        if len(rows) < PAGE:
            self.total = end
            self.cursor = min(self.cursor, max(0, end - 1))
        elif end >= self.total:
            self.total = AtLeast(end + 1)
        else:
            return
        if resize:
            self._resize()

    @property
    def generation(self) -> int:
        """Which load the rows belong to: a page fetched for an older one is not this list's."""
        return self._generation

    def row(self, index: int, pages: OrderedDict | None = None) -> Any | None:
        page = (self._pages if pages is None else pages).get(index // PAGE)
        if page is None:
            return None
        i = index % PAGE
        return page[i] if i < len(page) else None

    @property
    def highlighted(self) -> Any | None:
        return self.row(self.cursor) if self.total else None

    def _request(self, page: int) -> None:
        if page in self._pages or page in self._pending or self.source is None:
            return
        self._pending.add(page)
        self._fetch(READS.submit(self._read_page, self._generation, self._reads, self.source, page))

    def _resize(self) -> None:
        set_virtual_size(self, Size(self.scrollable_content_region.width, max((self.total or 0) * self.row_lines, 1)))

    # ---------------------------------------------------------------- drawing

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self._seen_size:  # a layout that left this list as it was
            return
        self._seen_size = event.size
        self._resize()
        self._scroll_cursor_visible()

    def line_segments(self, y: int) -> list[Segment]:
        region, top, base = self.line_frame()
        h = self.row_lines
        index, part = divmod(top + y, h)
        line = self._line(y, index, max(0, region.width - 1), base, part)
        line.append(thumb_segment(self, y, region.height, (self.shown_total or 0) * h, top))
        return line

    def _line(self, y: int, index: int, width: int, base, part: int = 0) -> list[Segment]:
        if self.total is None or self.error or not self.total:
            return self._not_counted_line(y, index, width, base, part)
        if index >= self.total:
            return [Segment(" " * width, base.rich_style)]
        row = self.row(index)
        if row is None:
            self._request(index // PAGE)
            return content_segments(self, Content("…" if not part else ""), width, self.get_visual_style("vlist--dim"))
        return self._row_segments(row, index, self.cursor, width, base, part=part)

    def _not_counted_line(self, y: int, index: int, width: int, base, part: int = 0) -> list[Segment]:
        """Line `y` while there are no rows to show: a reload's old rows (within its grace time), else
        'loading…', an error or the source's empty message on the first line."""
        blank = [Segment(" " * width, base.rich_style)]
        if self.total is None and self._stale is not None:
            pages, total, cursor = self._stale
            row = self.row(index, pages) if index < total else None
            if row is None:
                return blank
            return self._row_segments(row, index, cursor, width, base, pages, part)
        if self.total is None:
            text, style = ("loading…" if y == 0 else ""), self.get_visual_style("vlist--dim")
            return fit(list(Content(text).render_segments(style)), width, base.rich_style)
        if y == 0:
            text = self.error or (self.source.empty if self.source else "")
            return content_segments(self, Content(text), width, self.get_visual_style("vlist--dim"))
        return blank

    def _row_segments(
        self, row, index: int, cursor: int, width: int, base, pages: OrderedDict | None = None, part: int = 0
    ) -> list[Segment]:
        """Line `part` of row `index` drawn (from `pages`: the rows on screen, or a reload's old ones)."""
        previous = self.row(index - 1, pages) if index else None
        if self.dim_row is not None and self.dim_row(row):
            base = base + self.get_visual_style("vlist--dim")
        style = base + self._cursor_style() if index == cursor else base
        marked = not part and self.mark_row is not None and self.mark_row(row)
        drawing = getattr(self.source, "drawing", None)
        if drawing is None:  # a source that does not say what its rows' drawing depends on: drawn each time
            return self._draw_row(row, previous, part, width, marked, style)
        key = (*drawing, self.row_lines, part, width, marked, style, self.app.theme)
        segments = self._drawn_rows.get(row, previous, key)
        if segments is None:
            segments = self._draw_row(row, previous, part, width, marked, style)
            self._drawn_rows.put(row, previous, key, segments)
        return list(segments)  # the caller appends the scroll thumb's cell

    def _draw_row(self, row, previous, part: int, width: int, marked: bool, style) -> list[Segment]:
        if self.row_lines > 1:
            content = self.source.render_tall(row, width - GUTTER, previous)[part]
        else:
            content = self.source.render(row, width - GUTTER, previous)
        segments = content_segments(self, content, max(0, width - GUTTER), style)
        mark = style + self.get_visual_style("vlist--mark") if marked else style
        segments.insert(0, Segment(self.mark_glyph if marked else " " * GUTTER, mark.rich_style))
        return segments

    def _cursor_style(self):
        return self.get_visual_style("vlist--cursor" if self.has_focus else "vlist--cursor-blurred")

    def on_focus(self, event: events.Focus) -> None:
        self._refresh_row(self.cursor)  # only the cursor row looks different

    def on_blur(self, event: events.Blur) -> None:
        self._refresh_row(self.cursor)

    # ---------------------------------------------------------------- cursor

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top, h = round(self.scroll_y), self.row_lines
        first = self.cursor * h  # the cursor row's first line
        if first < top:
            self.scroll_y_to(first)
        elif first + h > top + height:
            self.scroll_y_to(first + h - height)

    def move_to(self, index: int, *, announce: bool = True) -> None:
        if not self.total:
            return
        index = max(0, min(index, self.total - 1))
        old, top = self.cursor, round(self.scroll_y)
        self.cursor = index
        self._scroll_cursor_visible()
        if round(self.scroll_y) == top:  # the rows stay put: repaint the two that changed
            self._refresh_row(old)
            self._refresh_row(index)
        else:
            self.refresh()
        if announce:
            row = self.row(index)
            if row is None:
                self._want_select = True
                self._request(index // PAGE)
            else:
                self.post_up(self.Highlighted(self, index, row))

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to((self.total or 1) - 1)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        self.scroll_y_to(self.scroll_y + direction * height)
        self.move_to(self.cursor + direction * max(1, height // self.row_lines))

    def action_select(self) -> None:
        row = self.highlighted
        if row is not None:
            self.post_up(self.Selected(self, self.cursor, row))
        elif self.total is None:  # enter typed ahead of the rows: open the row once they are in
            self._select_when_loaded = True

    async def on_click(self, event: events.Click) -> None:
        index = (round(self.scroll_y) + event.y) // self.row_lines
        if self.total and index < self.total:
            if index == self.cursor and event.chain > 1:
                self.action_select()
            else:
                self.move_to(index)

    @property
    def position(self) -> tuple[int, int]:
        """(cursor, scroll) to keep in history."""
        return self.cursor, round(self.scroll_y)
