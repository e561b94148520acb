"""Rows of a label and a text, the text wrapped under itself (a hanging indent) at whatever width the box has.

The help screen (keys, what they do, their id) and the provenance (a field, its value) are such rows; as one
`Static` of lines, a long value wrapped back to the first column, under the labels ("│ words", "│ U.S.-led world
order" at 80×24). Here each row's head is as wide as its indent, and the rest wraps beside it.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..text import cells

Row = tuple[Content, Content]  # (head: as many cells as the indent of its wrapped lines, the text beside it)

NARROWEST = 12  # cells the text keeps beside its head; narrower, a row wraps from the first column


def hang(rows: list[Row], width: int) -> list[Content]:
    """The rows as lines `width` cells wide: each row's text wrapped beside its head, under itself."""
    lines: list[Content] = []
    for head, text in rows:
        indent = cells(head.plain)
        if width - indent < NARROWEST:
            lines += (head + text).wrap(max(1, width)) or [Content("")]
            continue
        pieces = text.wrap(width - indent) or [Content("")]
        lines.append(head + pieces[0])
        lines += [Content(" " * indent) + piece for piece in pieces[1:]]
    return lines


class Hanging(Static):
    """A `Static` of rows (`Row`) with hanging indents, wrapped again at each width it is laid out at."""

    DEFAULT_CSS = "Hanging { height: auto; }"

    def __init__(self, rows: list[Row] | Content = (), *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._rows = _as_rows(rows)

    def update(self, rows: list[Row] | Content = ()) -> None:  # type: ignore[override]
        """Show `rows`; a plain `Content` (a message) is one row without a head."""
        self._rows = _as_rows(rows)
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(hang(self._rows, width))

    def render(self) -> Content:
        return Content("\n").join(hang(self._rows, self.content_region.width or self.size.width or 80))


def _as_rows(rows: list[Row] | Content) -> list[Row]:
    return [(Content(""), rows)] if isinstance(rows, Content) else list(rows)
