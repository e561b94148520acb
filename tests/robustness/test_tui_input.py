"""Input the terminal sends that is not UTF-8: one stray byte (0xff from `tmux send-keys -H ff`,
Alt+key on an 8-bit xterm, a Latin-1 paste) is replaced, and the app goes on and quits normally.
The app runs with Textual's real Linux driver in a pseudo-terminal, so the byte takes the same path
as from a keyboard."""

from __future__ import annotations

import os
import sys

import pytest

from tests.conftest import ROOT
from tests.robustness.term import Pty, sequences
from tests.tui.fixture_db import build


@pytest.fixture(scope="module")
def input_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("input") / "input.db")


@pytest.mark.parametrize("raw", [b"\xff", b"\xc3(", b"\xe1"], ids=["invalid-start", "bad-continuation", "lone-lead"])
def test_a_non_utf8_input_byte_is_not_fatal(input_db, tmp_path, raw):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLUMNS", "LINES", "NO_COLOR"))}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    term = Pty([sys.executable, "-m", "tui.cli", "--db", str(input_db)], size=(100, 30), env=env, cwd=str(ROOT))
    shown = lambda s: sequences(s)[1]  # noqa: E731
    try:
        term.wait_for(lambda s: "tab/e: next link" in shown(s), what="the reader")
        mark = term.mark()
        os.write(term.master, raw)
        term.send("3")
        term.wait_for(lambda s: "Timeline" in shown(s), since=mark, what="the timeline after the bad byte")
        term.send("q")
        code = term.close()
    finally:
        term.close() if term.proc.poll() is None else None
    out = shown(term.text())
    assert "Traceback" not in out and "UnicodeDecodeError" not in out, out[-2000:]
    assert code == 0, out[-2000:]


async def test_paging_the_command_palette_with_no_room_is_not_fatal(input_db):
    """In a 10×3 terminal the palette's input takes every row and its list gets none; PageDown and
    PageUp there raised KeyError: 0 (inside Textual's OptionList) and ended the app."""
    from textual.command import CommandPalette

    from tests.tui.conftest import settle
    from tui.app import SinorusApp
    from tui.config import Config

    app = SinorusApp(input_db, config=Config(), theme="textual-dark")
    async with app.run_test(size=(10, 3)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        for key in ("pagedown", "pageup", "pagedown"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# ---------------------------------------------------------------- terminals it cannot draw on


def run_in(input_db, tmp_path, size, term_name):
    """The browser started in a pseudo-terminal of `size` with TERM=`term_name`: (exit code, what it wrote)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLUMNS", "LINES", "NO_COLOR"))}
    env.update(TERM=term_name, LANG="C.UTF-8", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    term = Pty([sys.executable, "-m", "tui.cli", "--db", str(input_db)], size=size, env=env, cwd=str(ROOT))
    try:
        # Before the check, the app spun here for ever: it never exited, and q was ignored.
        term.wait_for(lambda s: "sinorus-tui:" in s, what="a one-line refusal")
        code = term.close()
    finally:
        term.close() if term.proc.poll() is None else None
    return code, term.text()


@pytest.mark.parametrize(
    "size, term_name, said",
    [
        ((80, 24), "dumb", "TERM=dumb"),
        ((80, 24), "unknown", "TERM=unknown"),
        ((0, 0), "xterm-256color", "0×0"),
        ((80, 0), "xterm-256color", "80×0"),
    ],
    ids=["dumb", "unknown", "0x0", "no-rows"],
)
def test_a_terminal_it_cannot_draw_on_is_refused_in_one_line(input_db, tmp_path, size, term_name, said):
    code, out = run_in(input_db, tmp_path, size, term_name)
    assert code == 2, out
    seqs, text = sequences(out)
    assert seqs == [], seqs  # Textual never started: no alternate screen, no mode switches
    assert text.count("\n") == 1 and said in text and "Traceback" not in text, text


def test_a_one_by_one_terminal_is_not_refused():
    from tui.terminal import why_it_cannot_draw

    master, slave = os.openpty()
    devnull = os.open(os.devnull, os.O_RDONLY)
    try:
        Pty._winsize(slave, (1, 1))
        assert why_it_cannot_draw({"TERM": "xterm-256color"}, slave) is None
        Pty._winsize(slave, (0, 0))
        assert "0×0" in why_it_cannot_draw({"TERM": "xterm-256color"}, slave)
        assert why_it_cannot_draw({"TERM": "xterm-256color"}, devnull) is None  # not a terminal: Textual decides
    finally:
        os.close(devnull)
        os.close(master)
        os.close(slave)
