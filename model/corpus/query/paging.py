"""Pages read from the nearer end of a list.

`LIMIT n OFFSET k` steps over k rows before it keeps one: the last page of 300,000 quotes read every quote.
A page past the middle of a list whose length is known is read instead from its end, in the reverse order
(each ORDER BY term's direction flipped), as a seek on the same index backwards, and turned round: jumping to
the end costs a page, whatever the list's length. Every order paged this way ends on a unique key, so the
reverse order is exactly the forward one turned round and a page read either way holds the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.corpus.query.base import AtLeast


@dataclass(frozen=True)
class Window:
    """What to ask SQLite for: `order`, `offset` and `limit`, and whether the rows it returns are to be turned
    round (`reverse`)."""

    order: str
    offset: int
    limit: int
    reverse: bool = False

    def rows(self, rows: list) -> list:
        """The rows in the list's own order."""
        return rows[::-1] if self.reverse else rows


def reverse_order(order: str) -> str:
    """`order` (comma-separated ORDER BY terms, no commas inside a term) with each term's direction flipped."""
    terms = []
    for term in (t.strip() for t in order.split(",")):
        upper = term.upper()
        if upper.endswith(" DESC"):
            terms.append(term[: -len(" DESC")])
        elif upper.endswith(" ASC"):
            terms.append(term[: -len(" ASC")] + " DESC")
        else:
            terms.append(term + " DESC")
    return ", ".join(terms)


def window(order: str, offset: int, limit: int, total: int | None) -> Window:
    """How to read rows `offset` to `offset + limit` of a list of `total` rows sorted by `order`: from the end
    when that is nearer (and `total` exact: a capped count, `AtLeast`, is not the list's end)."""
    if total is None or isinstance(total, AtLeast) or limit <= 0 or offset + limit <= total - offset:
        return Window(order, offset, limit)
    end = min(offset + limit, total)
    if end <= offset:
        return Window(order, offset, limit)
    return Window(reverse_order(order), total - end, end - offset, reverse=True)
