"""Saved searches: a name for a query of the search language, kept in the user's data folder.

$XDG_DATA_HOME/sinorus-tui/searches.json (default ~/.local/share/…) holds `{"name": "query", …}`; `:save NAME`
in the search line writes it, the command palette lists it. A file that cannot be read is a one-line
problem and an empty list, never a traceback; one that is not ours is never overwritten.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

NAME = re.compile(r"[\w][\w .\-]{0,39}", re.UNICODE)  # what a saved search may be called


class SavedError(Exception):
    """Saving or reading saved searches failed, in one line for the user."""


def searches_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sinorus-tui" / "searches.json"


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a saved search, or None."""
    if not NAME.fullmatch(name):
        return "a name is 1 to 40 letters, digits, spaces, dots or dashes, e.g. :save putin-direct"
    return None


def load(path: Path | None = None) -> dict[str, str]:
    """The saved searches by name (in the order saved); `SavedError` when the file is there but unreadable."""
    path = path or searches_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise SavedError(f"cannot read saved searches in {path}: {e}") from None
    if not isinstance(data, dict):
        raise SavedError(f"{path} is not a table of saved searches")
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and not name_problem(k)}


def save(name: str, query: str, path: Path | None = None) -> None:
    """Keep `query` under `name` (replacing one of that name), written whole or not at all."""
    _write({**load(path), name: query}, path)


def delete(name: str, path: Path | None = None) -> bool:
    """Forget the search called `name`; False when there was none."""
    searches = load(path)
    if searches.pop(name, None) is None:
        return False
    _write(searches, path)
    return True


def _write(searches: dict[str, str], path: Path | None) -> None:
    path = path or searches_path()
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(searches, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        raise SavedError(f"cannot save searches in {path}: {e}") from None
