"""A joint speaker as a set: "Putin; Xi" and "Xi; Putin" are one speaker, stored in one canonical order.

A quote several people speak together ("Xi and Putin said …") keeps each member as an entity (`quote_speaker`)
and its `speaker_name` as the members' names joined by `SEPARATOR`, each name once, in case-insensitive
alphabetical order: equal sets are equal strings, so sorting, grouping, filtering and exports treat them as one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

SEPARATOR = "; "


def speaker_set(names: Iterable[str]) -> tuple[str, ...]:
    """The members' names, each once (case-insensitively), in canonical order."""
    unique: dict[str, str] = {}
    for name in names:
        name = name.strip()
        if name:
            unique.setdefault(name.casefold(), name)
    return tuple(unique[k] for k in sorted(unique))


def members(speaker_name: str | None) -> tuple[str, ...]:
    """The names a stored speaker name holds (one for a single speaker)."""
    return speaker_set((speaker_name or "").split(SEPARATOR.strip()))


def joint_name(names: Iterable[str]) -> str | None:
    """The stored name of a speaker set: its members in canonical order; None for no one."""
    return SEPARATOR.join(speaker_set(names)) or None


def canonicalise_joint_names(conn: sqlite3.Connection) -> int:
    """Put every stored joint speaker's name in canonical order (the upgrade to schema 5), inside the caller's
    transaction. Returns how many names changed."""
    changed = [
        (joint_name(members(name)), qid)
        for qid, name in conn.execute("SELECT id, speaker_name FROM quote WHERE instr(speaker_name, ';') > 0")
        if joint_name(members(name)) != name
    ]
    conn.executemany("UPDATE quote SET speaker_name=? WHERE id=?", changed)
    return len(changed)
