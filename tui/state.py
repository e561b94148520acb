"""What the browser shows, as plain data: the filter chips, what the reader shows, a snapshot of the
whole screen, and the history of snapshots that back and forward walk. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from model.corpus import query as q

T = TypeVar("T")


@dataclass(frozen=True)
class Chips:
    """The filters shown as chips, in the order they were added."""

    article: tuple[int, str] | None = None
    entity: tuple[int, str] | None = None
    speaker: tuple[int, str] | None = None
    search: str | None = None
    said: str | None = None  # Quotes: "speech" or "stance" (`q.QUOTE_SAID_KINDS`)
    order: tuple[str, ...] = ()

    def set(self, name: str, value) -> Chips:
        order = tuple(n for n in self.order if n != name) + ((name,) if value is not None else ())
        return replace(self, **{name: value, "order": order})

    def filters(self) -> q.Filters:
        return q.Filters(
            article=self.article[0] if self.article else None,
            entity=self.entity[0] if self.entity else None,
            speaker=self.speaker[0] if self.speaker else None,
            search=self.search,
            said=self.said,
        )

    def labels(self) -> list[tuple[str, str]]:
        text = {
            "article": lambda v: "article: " + v[1],
            "entity": lambda v: "entity: " + v[1],
            "speaker": lambda v: "speaker: " + v[1],
            "search": lambda v: "search: " + v,
            "said": lambda v: "quotes: " + ("stances only" if v == "stance" else "words only"),
        }
        return [(n, text[n](getattr(self, n))) for n in self.order]


@dataclass(frozen=True)
class DocRef:
    """What the reader shows or is about to show, and where its cursor goes."""

    kind: str  # article | entity
    ident: int
    cursor: int | None = None  # a link index, once known
    scroll: int | None = None
    target: tuple[int, int] | None = None  # display span to embolden
    find: tuple | None = None  # how to place the cursor once loaded: (link kind, key, value)


@dataclass(frozen=True)
class Snapshot:
    """The whole screen as history keeps it: filters, sorts, cursors, focus, the reader's document."""

    chips: Chips = Chips()
    label: str | None = None
    name: str = ""
    article_sort: str = "date"
    quote_sort: str = "date"
    show_basis: bool = False
    positions: dict = field(default_factory=dict)  # pane -> (cursor, scroll)
    focus: str = "articles"
    active: str = "articles"
    doc: DocRef | None = None
    maximised: bool = False


class History(Generic[T]):
    """Browser-style history: back, forward, and a new visit drops the forward entries. Entries are
    whatever the caller stores (the browser keeps a `Snapshot`)."""

    def __init__(self, cap: int = 200):
        if cap < 1:
            raise ValueError("cap must be at least 1")
        self.cap = cap
        self._entries: list[T] = []
        self._index = -1

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def current(self) -> T | None:
        return self._entries[self._index] if self._entries else None

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def visit(self, entry: T) -> None:
        """A new place: forward entries are dropped; the oldest go past `cap`."""
        del self._entries[self._index + 1 :]
        self._entries.append(entry)
        overflow = len(self._entries) - self.cap
        if overflow > 0:
            del self._entries[:overflow]
        self._index = len(self._entries) - 1

    def replace(self, entry: T) -> None:
        """Update the current entry (say, with the cursor as it is on leaving)."""
        if self._entries:
            self._entries[self._index] = entry
        else:
            self.visit(entry)

    def back(self) -> T | None:
        if not self.can_back:
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> T | None:
        if not self.can_forward:
            return None
        self._index += 1
        return self._entries[self._index]
