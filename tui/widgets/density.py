"""The Timeline's density strip: one line of Unicode blocks, one a month (or a few months a cell when the
months outnumber the cells), as high as that stretch has events under the current filters.

The blocks say it without colour (a 16-colour terminal, NO_COLOR): colour only tints them.
"""

from __future__ import annotations

from textual.content import Content

from ..sparks import blocks, buckets
from .bars import Line

__all__ = ["DensityStrip", "blocks", "buckets", "sparkline"]

LABEL_STYLE = "$text-muted"
BAR_STYLE = "$text-primary"


def sparkline(months: list[tuple[str, int]], width: int) -> Content:
    """The strip in `width` cells: `1986-03 ▁▂█▅ 1987-11`, and the busiest month when there is room."""
    if not months:
        return Content("no events dated to a month" if width >= 26 else "")
    first, last = months[0][0], months[-1][0]
    peak_month, peak = max(months, key=lambda m: (m[1], m[0]))
    peak_text = f"  most: {peak_month} ({peak:,})"
    labels = len(first) + len(last) + 2
    room = width - labels
    counts, per = buckets(months, max(1, room - len(peak_text)))
    show_peak = room - len(peak_text) >= min(len(counts), 12)
    if not show_peak:
        counts, per = buckets(months, max(1, room))
    if room < 4:  # too narrow for a strip: the bare range
        return Content.styled(f"{first}…{last}"[: max(0, width)], LABEL_STYLE)
    parts = [(first + " ", LABEL_STYLE), (blocks(counts), BAR_STYLE), (" " + last, LABEL_STYLE)]
    if show_peak:
        parts.append((peak_text, LABEL_STYLE))
    return Content.assemble(*parts)


class DensityStrip(Line):
    """Events per month over the Timeline, drawn to the strip's width."""

    DEFAULT_CSS = "DensityStrip { height: 1; padding: 0 1; background: $surface; }"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.months: list[tuple[str, int]] | None = None  # None: not read yet

    def show(self, months: list[tuple[str, int]] | None) -> None:
        if months != self.months:
            self.months = months
            self.refresh()

    def shown(self) -> object:
        return self.months

    def render(self) -> Content:
        if self.months is None:
            return Content("")
        return sparkline(self.months, self.line_width())
