"""A `--db` that names no regular file (issue 15, item 12): a named pipe, a device.

SQLite opens whatever it is given: a named pipe blocks the opener until some other program writes to
it, so `export --db FIFO` (and the browser) waited for ever. Every command now opens a database
only if it is a regular file (or, for a writer, does not exist yet) and says so in one line.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tui import cli

COMMANDS = {
    "export": ["export", "articles"],
    "browse": ["browse"],
    "set-date": ["set-date", "a", "2020-01-01"],
    "ingest": ["ingest", "nothing-here.txt"],
}


def run_cli(*argv: str) -> subprocess.CompletedProcess:
    """`sinorus-tui ARGV` in a child process: a command that waits on the pipe fails the test by its timeout
    instead of hanging the suite."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_a_named_pipe_as_the_database_is_refused_in_one_line(tmp_path, command):
    fifo = tmp_path / "corpus.db"
    os.mkfifo(fifo)
    done = run_cli(*COMMANDS[command], "--db", str(fifo))
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(fifo) in done.stderr and "not a regular file" in done.stderr, done.stderr
    assert sorted(os.listdir(tmp_path)) == ["corpus.db"]  # no -journal, -wal or -shm beside it


def test_a_device_as_the_database_of_a_reader_says_it_is_not_a_file():
    done = run_cli("export", "articles", "--db", "/dev/null")
    assert done.returncode == 1
    assert done.stderr == "sinorus-tui: /dev/null is not a regular file (a device, a pipe or a socket)\n"


def test_set_date_on_a_missing_database_creates_nothing(tmp_path, capsys):
    db = tmp_path / "none.db"
    code = cli.main(["set-date", "--db", str(db), "a", "2020-01-01"])
    assert (code, *capsys.readouterr()) == (1, "", f"sinorus-tui: no database at {db}\n")
    assert os.listdir(tmp_path) == []


def test_a_full_disk_during_ingest_says_so(tmp_path, nlp, capsys):
    """Issue 15, item 8: the real cause ("database or disk is full"), never a masking rollback error; the
    articles stored before it stay whole. SQLite's page limit stands in for the full disk."""
    from model.corpus import store
    from model.ingest import pool

    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"a{n}.txt").write_text(f"Officials in Moscow met envoys from Beijing on day {n}. " * 60)
    db = tmp_path / "c.db"
    real_connect = store.connect

    def cramped(path, **kw):
        conn = real_connect(path, **kw)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages + 8}")  # room for an article, not three
        return conn

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        mp.setattr(store, "connect", cramped)
        code = cli.main(["ingest", "--db", str(db), str(src), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1] == f"sinorus-tui: cannot write {db}: database or disk is full", err
    assert "rollback" not in err and "Traceback" not in err
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
