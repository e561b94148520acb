"""Every binding, grouped for the help screen and the README, and the user's remapping.

Bindings carry ids (`history.back`, `reader.next_link`, …). The config file at
$XDG_CONFIG_HOME/sinorus-tui/config.toml (default ~/.config/…) may remap them:

    theme = "ansi-dark"
    [keys]
    "history.back" = "b,left_square_bracket"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding


def groups() -> list[tuple[str, list[Binding]]]:
    from .app import SinorusApp
    from .panes import ArticlesList, EntitiesList, QuotesList, TimelineList
    from .screens import MainScreen
    from .widgets.reader import Reader
    from .widgets.vlist import VirtualList

    return [
        ("Everywhere", [*SinorusApp.BINDINGS, *MainScreen.BINDINGS]),
        ("Lists (Articles, Entities, Timeline, Quotes)", VirtualList.BINDINGS),
        ("Articles", ArticlesList.BINDINGS),
        ("Entities", EntitiesList.BINDINGS),
        ("Timeline", TimelineList.BINDINGS),
        ("Quotes", QuotesList.BINDINGS),
        ("Reader", Reader.BINDINGS),
    ]


def all_ids() -> list[str]:
    return [b.id for _, bindings in groups() for b in bindings if b.id]


def display_keys(app, binding: Binding) -> str:
    keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
    return " ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in keys.split(","))


def help_rows(app) -> list[tuple[str, list[tuple[str, str, str]]]]:
    out = []
    for group, bindings in groups():
        rows = [(display_keys(app, b), b.description, b.id or "") for b in bindings]
        if group == "Everywhere":
            rows.append(("ctrl+p", "Command palette: go to entity, article, date; theme", ""))
        out.append((group, rows))
    return out


@dataclass
class Config:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "sinorus-tui" / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """The user's config; problems are reported, never raised."""
    path = path or config_path()
    cfg = Config()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return cfg
    except (OSError, UnicodeDecodeError) as e:
        cfg.problems.append(f"{path}: {e}")
        return cfg
    import tomllib  # only with a config file to read: a few ms of every start-up otherwise

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        cfg.problems.append(f"{path}: {e}")
        return cfg
    theme = data.get("theme")
    if isinstance(theme, str):
        cfg.theme = theme
    elif theme is not None:
        cfg.problems.append(f"{path}: theme must be a string")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        cfg.problems.append(f'{path}: [keys] must be a table of binding id = "key,key"')
        return cfg
    known = set(all_ids())
    for binding_id, value in keys.items():
        if binding_id not in known:
            cfg.problems.append(f"{path}: unknown binding id {binding_id!r}")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            cfg.keys[binding_id] = ",".join(value)
        elif isinstance(value, str) and value.strip():
            cfg.keys[binding_id] = value
        else:
            cfg.problems.append(f'{path}: keys for {binding_id!r} must be a string like "ctrl+b,b"')
    return cfg
