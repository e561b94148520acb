"""Words for a count, shared by the command line's summaries and the browser's pages."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """`1 part`, `2 parts`, `1,500 articles`: a count and its noun, plural unless it is one."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
