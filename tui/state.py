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
    said: str | None = None  # Quotes said in YYYY, YYYY-MM or YYYY-MM-DD
    search: str | None = None
    order: tuple[str, ...] = ()

    def set(self, name: str, value) -> Chips:
        order = tuple(n for n in self.order if n != name) + ((name,) if value is not None else ())
        return replace(self, **{name: value, "order": order})

    def filters(self) -> q.Filters:
        return q.Filters(
            article=self.article[0] if self.article else None,
            entity=self.entity[0] if self.entity else None,
            speaker=self.speaker[0] if self.speaker else None,
            said=self.said,
            search=self.search,
        )

    def labels(self) -> list[tuple[str, str]]:
        """(name, label) of each chip. A search shows its words as one chip and each field as its own
        (`search:N`, N the term's place in the query), so each can be removed alone."""
        text = {
            "article": lambda v: "article: " + v[1],
            "entity": lambda v: "entity: " + v[1],
            "speaker": lambda v: "speaker: " + v[1],
            "said": lambda v: "said: " + v,
        }
        out = []
        for n in self.order:
            out += self._search_labels() if n == "search" else [(n, text[n](getattr(self, n)))]
        return out

    def _search_labels(self) -> list[tuple[str, str]]:
        query = _query(self.search)
        if query is None:
            return [("search", "search: " + self.search)]
        words = " ".join(t.text for t in query.words)
        out = [("search", "search: " + words)] if words else []
        return out + [(f"search:{i}", t.label) for i, t in enumerate(query.terms) if t.field]

    def remove(self, name: str) -> Chips:
        """Without chip `name` (as `labels` names it): a field of the search, its words, or a filter."""
        query = _query(self.search) if name.startswith("search") else None
        if query is None:
            return self.set(name.partition(":")[0], None)
        if name == "search":
            rest = q.Query(query.fields)
        else:
            rest = query.without(int(name.partition(":")[2]))
        return self.set("search", rest.text or None)

    def last(self) -> str | None:
        """The name of the chip shown last (`x` removes it)."""
        labels = self.labels()
        return labels[-1][0] if labels else None

    def as_query(self) -> str:
        """Every chip but an article's, as a query of the search language: what `:save` keeps."""
        terms = []
        for name in ("entity", "speaker"):
            value = getattr(self, name)
            if value is not None:
                terms.append(q.Term(name, value[1].replace('"', "").strip()).text)
        if self.said:
            terms.append(q.Term("said", self.said).text)
        return " ".join([*terms, self.search or ""]).strip()


def _query(search: str | None) -> q.Query | None:
    try:
        return q.parse(search) if search else None
    except q.QueryError:
        return None


@dataclass(frozen=True)
class DocRef:
    """What the reader shows or is about to show, and where its cursor goes."""

    kind: str  # article | entity | statement | event
    ident: int | str  # a statement's or an event's id is text
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
    entity_sort: str = "mentions"
    quote_sort: str = "date"
    timeline_sort: str = "date"  # the Timeline's events: by date, or most reports first ("reports")
    quote_view: str = "statements"  # the Quotes pane: grouped by statement, or every quote ("quotes")
    timeline_view: str = "events"  # events (merged across articles) | dates (each dated expression)
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


@dataclass(frozen=True)
class Target:
    """Somewhere the command palette went: an entity, an article, a date or a saved search."""

    kind: str  # entity | article | date | search
    key: object  # the entity's or article's id, the date, the search's name
    label: str


class Recent:
    """The palette's targets, most recent first, each once (the palette lists them first)."""

    def __init__(self, cap: int = 8):
        self.cap = cap
        self._items: list[Target] = []

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def touch(self, target: Target) -> None:
        self._items = [target] + [t for t in self._items if (t.kind, t.key) != (target.kind, target.key)]
        del self._items[self.cap :]

    def rank(self, kind: str, key) -> int | None:
        """How recent `kind` `key` is (0: the latest), None when it is not among them."""
        return next((i for i, t in enumerate(self._items) if (t.kind, t.key) == (kind, key)), None)
