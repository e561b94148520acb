"""Browser-style history: back, forward, and a new visit drops the forward entries.

A plain class (no Textual) so it is easy to test. Entries are whatever the
caller stores: the app keeps a snapshot of the screen (filters, cursors, scroll,
what the reader shows).
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class History(Generic[T]):
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
