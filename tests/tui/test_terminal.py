"""A real terminal: `sinorus-tui` in tmux at 80×24, keys sent, the screen read back.

Waits poll `tmux capture-pane` with a timeout; nothing sleeps a fixed time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, command: list[str], width: int = 80, height: int = 24, env: dict | None = None):
        self.name = f"sinorus-test-{uuid.uuid4().hex[:8]}"
        env_words = [f"{k}={v}" for k, v in (env or {}).items()]
        line = " ".join(_quote(w) for w in ["env", *env_words, *command])
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), line], check=True
        )
        self.seen: list[str] = []  # the distinct screens seen, oldest first (shown when a wait times out)

    def screen(self) -> str:
        out = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        if not self.seen or self.seen[-1] != out.stdout:
            self.seen = [*self.seen[-5:], out.stdout]
        return out.stdout

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True).returncode == 0

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def wait_for(self, predicate, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)  # a polling interval, not a wait for the app
        before = "".join(f"--- a screen before it:\n{seen}" for seen in self.seen[:-1])
        raise AssertionError(f"timed out; {before}--- the screen was:\n{screen}")

    def wait_text(self, text: str, timeout: float = 20.0) -> str:
        return self.wait_for(lambda s: text in s, timeout)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


@pytest.fixture
def terminal(db_path, tmp_path):
    script = os.path.join(os.path.dirname(sys.executable), "sinorus-tui")
    command = [script] if os.path.exists(script) else [sys.executable, "-m", "tui.cli"]
    env = {
        "XDG_CONFIG_HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "PYTHONPATH": os.getcwd(),
    }
    t = Terminal([*command, "--db", str(db_path)], env=env)
    yield t
    t.close()


def test_what_a_person_sees_at_80x24(terminal):
    t = terminal
    screen = t.wait_text("1 Articles 4")
    t.wait_text("China-Russia ties enter 'a higher stage', says Putin")  # the reader shows the newest article
    screen = t.screen()
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
    assert "2 Entities" not in screen  # one pane and the reader at 80×24

    t.keys("4")  # Quotes pane, grouped by statement
    t.wait_text("4 Quotes 8")
    t.keys("v")  # every quote (no statement's "N×" left)
    t.wait_for(lambda s: "every quote" in s and "1×" not in s)
    t.keys("j", "Enter")  # Wang Yi's quote opens its article at the quote
    screen = t.wait_text("quote direct · Wang Yi")
    assert "stood firm" in screen

    t.keys("Enter")  # the quote's speaker: an entity page
    screen = t.wait_text("Entity · Wang Yi")
    assert "Quotes by Wang Yi (1)" in screen or "Mentions" in screen

    t.keys("[")  # back to the article, cursor still on the quote
    t.wait_text("quote direct · Wang Yi")

    t.keys("/")
    t.wait_text("search: words")  # as a person would: type once the search line is open
    t.type("instructions")
    t.keys("Enter")
    screen = t.wait_text("search: instructions")
    t.wait_text("Moscow rejects Western criticism")

    t.keys("1")
    t.keys("j")  # hostile markup in a title shows literally
    t.keys("x")  # drop the search chip
    screen = t.wait_text("[bold]Markup[/] title")
    assert "\x1b" not in screen

    t.keys("?")
    screen = t.wait_text("history.back")
    t.keys("Escape")
    t.wait_for(lambda s: "history.back" not in s)

    t.keys("q")
    t.wait_for(lambda s: not t.alive() or "1 Articles" not in s, timeout=10)
