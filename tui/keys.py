"""Checking a user's key remapping before it is applied: every key must be one Textual knows, and no key may
take over another binding that is active at the same time (the README's old example made `b` go back,
which silently hid Articles' `b`). A remapping with a problem is dropped: that binding keeps its default keys.
"""

from __future__ import annotations

import string
from functools import cache

from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key

from .bindings import scopes

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@cache
def _named_keys() -> frozenset[str]:
    """Key names without modifiers: Textual's named keys (up, f5, pageup…) and the names of printable
    characters (slash, comma, question_mark…)."""
    named = {k.value.rpartition("+")[2] for k in Keys if not k.value.startswith("<")}
    named |= {_character_to_key(c) for c in string.printable if not c.isspace() or c == " "}
    named |= set(KEY_NAME_REPLACEMENTS.values())
    return frozenset(named)


def normalise(key: str) -> str:
    """`key` as Textual names it in a binding: a single character by its name (`?` → question_mark)."""
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def key_problem(key: str) -> str | None:
    """Why `key` (one key, like `ctrl+b` or `question_mark`) is not a key Textual can bind, or None."""
    if not key.strip():
        return "an empty key (keys are separated by commas)"
    *mods, base = key.strip().split("+")
    unknown = [m for m in mods if m not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier (ctrl, shift, alt, meta, super, hyper)"
    # A character by its Unicode name is left out: "banana" names one (🍌), but no keyboard sends ctrl+shift+🍌.
    if len(base) == 1 or base in _named_keys():
        return None
    return f"{base!r} is not a key name"


def _default_keys(binding) -> set[str]:
    return {normalise(k) for k in binding.key.split(",")}


def check_keymap(keys: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The remappings of `keys` (binding id → "key,key") that can be applied, and one line for each
    that cannot (a bad key name, or a key another binding active at the same time already has)."""
    problems: list[str] = []
    accepted: dict[str, str] = {}
    for binding_id, value in keys.items():
        bad = next((p for p in map(key_problem, value.split(",")) if p), None)
        if bad:
            problems.append(f"keys for {binding_id!r}: {bad}; it keeps its default keys")
        else:
            accepted[binding_id] = value
    while True:  # dropping one remapping gives another binding its default keys back: look again
        clash = _first_clash(accepted)
        if clash is None:
            return accepted, problems
        binding_id, line = clash
        del accepted[binding_id]
        problems.append(line)


def _first_clash(accepted: dict[str, str]) -> tuple[str, str] | None:
    """The first remapped binding (in the config's order) with a key another binding has in the same place
    (a pane, the reader), unless the two shared it by default (the reader's `tab` over the screen's); with
    the line that says so."""
    for binding_id, value in accepted.items():
        for scope, bindings in scopes().items():
            own = next((b for b in bindings if b.id == binding_id), None)
            if own is None:
                continue
            for key in dict.fromkeys(normalise(k) for k in value.split(",")):
                for other in bindings:
                    if other.id in (None, binding_id) or (key in _default_keys(other) and key in _default_keys(own)):
                        continue
                    keys = {normalise(k) for k in accepted.get(other.id, other.key).split(",")}
                    if key in keys:
                        return binding_id, (
                            f"keys for {binding_id!r}: {key!r} is already {other.id!r} ({other.description}) "
                            f"in {scope}; it keeps its default keys"
                        )
    return None
