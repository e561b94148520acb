"""A list's column header: one line naming its columns, aligned with its rows, with a mark after the heading of
the column the list is sorted by. A click on a heading asks for the list sorted by that column.

The header is a widget of its own above its list: a cursor move repaints rows of the list, never the header,
which repaints only when its columns, its sort or its width change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ..render import LineWidget, content_segments
from ..text import shorten


class Heading(Protocol):
    """A column as the header draws it (`tui.panes.Column`)."""

    label: str
    width: int
    sorts: tuple[str, ...]
    right: bool


def heading_text(column: Heading, mark: str) -> str:
    """A column's heading in exactly its width: the label, the sort mark after it when it has one."""
    text = shorten(column.label.rstrip() + mark if mark else column.label, column.width)
    if column.right:
        return " " * max(0, column.width - cell_len(text)) + text
    return set_cell_size(text, max(0, column.width))


class ColumnHeader(LineWidget, Widget):
    """The column header of a list: `show` gives it how to lay out its columns for a width and the list's sort."""

    # No component class for the sorted heading (its style is in the line): a focus move restyles the pane the
    # header is in, and a widget's component classes are restyled with it.
    DEFAULT_CSS = "ColumnHeader { height: 1; background: $surface; color: $text-muted; }"
    SORTED_STYLE = "bold $text"

    class Clicked(Message):
        """A click on the heading of a column the list can be sorted by."""

        def __init__(self, header: ColumnHeader, column: Heading) -> None:
            super().__init__()
            self.header, self.column = header, column

        @property
        def control(self) -> ColumnHeader:
            return self.header

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._layout: Callable[[int], Sequence[Heading]] = lambda width: []
        self._key: object = None
        self._sort: str | None = None
        self._marks: dict[str, str] = {}
        self._drawn: tuple[object, list[Segment]] | None = None  # (what it was drawn for, the line)

    def show(self, layout: Callable[[int], Sequence[Heading]], key: object, sort: str, marks: dict[str, str]) -> None:
        """Columns by `layout(width)` (the width of the list's rows), the list sorted by `sort` (`marks`: the mark
        each sort shows). `key` says what the layout depends on besides the width: the same key and sort, no
        repaint."""
        if (key, sort) == (self._key, self._sort):
            return
        self._layout, self._key, self._sort, self._marks = layout, key, sort, marks
        self.refresh()

    def columns(self) -> list[tuple[int, Heading]]:
        """(x, column) for each column at the header's width: its rows' width, the scroll thumb's cell left out."""
        x, out = 0, []
        for column in self._layout(max(0, self.line_width() - 1)):
            out.append((x, column))
            x += column.width
        return out

    def line_segments(self, y: int) -> list[Segment]:
        """The line, drawn again only when its columns, sort, width or theme changed: a focus move restyles the
        pane around the header, which asks for its line again."""
        width = self.line_width()
        key = (width, self._key, self._sort, self.app.theme, self.app.ansi_color)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, self._draw(width))
        return list(self._drawn[1])

    def _draw(self, width: int) -> list[Segment]:
        base = self.visual_style
        parts: list[tuple[str, str] | str] = []
        for _x, column in self.columns():
            marked = self._sort in column.sorts
            mark = self._marks.get(self._sort, "") if marked else ""
            text = heading_text(column, mark)
            parts.append((text, self.SORTED_STYLE) if marked else text)
        return content_segments(self, Content.assemble(*parts), width, base)

    def on_click(self, event: events.Click) -> None:
        for x, column in self.columns():
            if x <= event.x < x + column.width and column.sorts:
                self.post_message(self.Clicked(self, column))
                return
