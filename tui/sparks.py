"""Counts per month as one line of Unicode blocks (▁▂▃▄▅▆▇█): the Timeline's density strip and an entity
page's sparklines. Plain text: the blocks carry the meaning (a 16-colour terminal, NO_COLOR), colour only tints."""

from __future__ import annotations

import math

BLOCKS = " ▁▂▃▄▅▆▇█"  # none, then eighths


def month_index(month: str) -> int:
    """YYYY-MM → months since year 0."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def buckets(months: list[tuple[str, int]], cells: int) -> tuple[list[int], int]:
    """The events of each cell, first month to last (months with none count as none), and the months a cell
    covers: one, or as few as make the months fit `cells`."""
    if not months or cells <= 0:
        return [], 1
    first, last = month_index(months[0][0]), month_index(months[-1][0])
    span = last - first + 1
    per = max(1, math.ceil(span / cells))
    counts = [0] * math.ceil(span / per)
    for month, n in months:
        counts[(month_index(month) - first) // per] += n
    return counts, per


def blocks(counts: list[int]) -> str:
    """Each count as a block of eight heights, scaled to the largest; any event shows at least the lowest."""
    top = max(counts, default=0)
    if top <= 0:
        return " " * len(counts)
    return "".join(BLOCKS[math.ceil(n * 8 / top)] if n else BLOCKS[0] for n in counts)
