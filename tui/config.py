"""The user's config file: theme and key remapping, read once at start-up.

$XDG_CONFIG_HOME/sinorus-tui/config.toml (default ~/.config/…) may set a theme and remap bindings
by id (`history.back`, `reader.next_link`, …; see tui/bindings.py):

    theme = "ansi-dark"
    pipe = false        # `|` (pipe an article or the quotes to a shell command) off; on by default
    [keys]
    "history.back" = "b,left_square_bracket"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .bindings import all_ids


@dataclass
class Config:
    """The browser's settings, read from the user's config file."""

    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    # `|` runs a command the user types, with their rights, the text on its stdin (never in the command line):
    # no more than the shell they started the browser from. Off where the browser is all a user may run.
    pipe: bool = True
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
    _read_theme(cfg, path, data.get("theme"))
    _read_pipe(cfg, path, data.get("pipe", True))
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        cfg.problems.append(f'{path}: [keys] must be a table of binding id = "key,key"')
        return cfg
    _read_keys(cfg, path, keys)
    return cfg


def _read_theme(cfg: Config, path: Path, theme) -> None:
    if isinstance(theme, str):
        cfg.theme = theme
    elif theme is not None:
        cfg.problems.append(f"{path}: theme must be a string")


def _read_pipe(cfg: Config, path: Path, pipe) -> None:
    if isinstance(pipe, bool):
        cfg.pipe = pipe
    else:
        cfg.pipe = False  # a setting that cannot be read keeps the shell out
        cfg.problems.append(f"{path}: pipe must be true or false (pipe is off)")


def _read_keys(cfg: Config, path: Path, keys: dict) -> None:
    from .keys import check_keymap  # only with keys to check: not on every start-up

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
    cfg.keys, problems = check_keymap(cfg.keys)
    cfg.problems.extend(f"{path}: {line}" for line in problems)
