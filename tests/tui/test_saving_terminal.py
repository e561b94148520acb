"""Save what you see and pipe it, in a real terminal: `sinorus-tui` in tmux at 80×24, the files read back."""

from __future__ import annotations

import csv
import os
import shutil
import sys

import pytest

from tests.tui.test_terminal import Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal(db_path, tmp_path):
    command = [sys.executable, "-m", "tui.cli"]
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "PYTHONPATH": os.getcwd(),
    }
    t = Terminal([*command, "--db", str(db_path)], env=env)
    yield t
    t.close()


def test_a_searched_list_saved_from_the_terminal_reads_back(terminal, tmp_path):
    t = terminal
    t.wait_text("1 Articles 4")
    t.keys("/")
    t.wait_text("search: words")
    t.type("Moscow")
    t.keys("Enter")
    t.wait_text("search: Moscow")
    screen = t.wait_text("hit 1 of")  # the search's step is over: the reader took focus on the first hit
    t.keys("S")
    t.wait_text("articles-")  # the default path, in the prompt line
    target = tmp_path / "moscow.csv"
    t.keys("C-u")  # clear the default
    # ctrl+u is a binding, run once the key has bubbled up to the screen; keys typed at once could reach
    # the line before it (Textual), so the line is seen empty first (its placeholder shows)
    t.wait_for(lambda s: s.rstrip().splitlines()[-1].strip().startswith("save this list to ("))
    t.type(str(target))
    t.keys("Enter")
    screen = t.wait_text("saved ")
    saved = int(screen.split("saved ", 1)[1].split(" ", 1)[0])
    with target.open(encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    assert 1 <= saved == len(records) and f"1 Articles {saved}" in screen  # as many as the pane's title says
    assert all("Moscow" in r["title"] + r["text"] for r in records)
    assert records[0]["title"][:30] in screen  # the first row shown is the first saved


def test_pipe_suspends_the_app_runs_the_command_and_comes_back(terminal, tmp_path):
    t = terminal
    t.wait_text("1 Articles 4")
    t.keys("4")
    t.wait_text("4 Quotes")
    t.keys("|")
    t.wait_text("pipe 8 quotes to the command")
    out = tmp_path / "quotes.txt"
    t.type(f"cat > {out}.part && mv {out}.part {out}")
    t.keys("Enter")
    t.wait_for(lambda s: out.exists())
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8 and all(" — " in line for line in lines)  # one quote a line, with its citation
    t.keys("1")  # the browser is back and answers keys
    t.wait_for(lambda s: "1 Articles" in s and "pipe 8 quotes" not in s)
