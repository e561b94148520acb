"""set-date that cannot be done, and an ingest stopped by a signal.

set-date: another writer's lock, a date whose relative expressions leave the calendar, a table
missing, a device for a database: one line, a non-zero exit, nothing changed (one transaction).
Signals: SIGINT or SIGTERM during an ingest stop it like ctrl+c (a message, exit 130 or 143, no
traceback, whole articles only) and the same command run again completes it; a write that
fails says SQLite's own reason, never "cannot rollback".
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3

import pytest

from model.corpus import store
from tui import cli


def run_cli(*argv: str) -> tuple[int, str, str]:
    """`sinorus-tui ARGV` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------- set-date


def dump(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def corpus_db(seeds_db, tmp_path):
    db = tmp_path / "corpus.db"
    shutil.copy(seeds_db, db)
    return db


def keys(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT key FROM article ORDER BY key")]
    finally:
        conn.close()


def assert_one_line_failure(code: int, out: str, err: str, *words: str) -> None:
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and err.startswith("sinorus-tui: ") and "Traceback" not in err, err
    for w in words:
        assert w in err, err


def test_set_date_while_another_writer_holds_the_lock_changes_nothing(corpus_db, monkeypatch):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 0)  # do not wait for the lock to be given up
    before = dump(corpus_db)
    holder = sqlite3.connect(corpus_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run_cli("set-date", "--db", str(corpus_db), keys(corpus_db)[0], "2020-01-01")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_line_failure(code, out, err, "database is locked", "nothing was changed")
    assert dump(corpus_db) == before


def test_set_date_whose_relative_dates_leave_the_calendar_changes_nothing(seeds_db, tmp_path):
    """9999-12-31: "next week" would be in year 10000. Before, the overrides were written and the
    article's date was not (OverflowError half-way)."""
    failed = 0
    for key in keys(seeds_db):
        db = tmp_path / f"{key}.db"
        shutil.copy(seeds_db, db)
        before = dump(db)
        code, out, err = run_cli("set-date", "--db", str(db), key, "9999-12-31")
        if code == 0:
            continue
        failed += 1
        assert_one_line_failure(code, out, err, "outside the calendar", "nothing was changed")
        assert dump(db) == before, key
    assert failed, "no seed article has a relative date after its publication day"


@pytest.mark.parametrize("table", ["override", "timex"])
def test_set_date_on_a_database_missing_a_table_changes_nothing(corpus_db, table):
    conn = sqlite3.connect(corpus_db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    before = dump(corpus_db)
    code, out, err = run_cli("set-date", "--db", str(corpus_db), keys(corpus_db)[-1], "2020-01-01")
    assert_one_line_failure(code, out, err, f"no such table: {table}", "nothing was changed")
    assert dump(corpus_db) == before


def test_set_date_on_a_device_is_one_line_and_writes_nothing_beside_it():
    stray = [p for p in ("/dev/null-journal", "/dev/null-wal", "/dev/null-shm") if os.path.exists(p)]
    code, out, err = run_cli("set-date", "--db", "/dev/null", "a", "2020-01-01")
    assert_one_line_failure(code, out, err, "/dev/null", "not a regular file")
    assert [p for p in ("/dev/null-journal", "/dev/null-wal", "/dev/null-shm") if os.path.exists(p)] == stray


def test_set_date_then_clear_still_works(corpus_db):
    key = keys(corpus_db)[0]
    before = dump(corpus_db)
    code, out, err = run_cli("set-date", "--db", str(corpus_db), key, "2020-01-01")
    assert code == 0 and out.startswith(f"set-date: {key} → 2020-01-01;"), err
    code, out, err = run_cli("set-date", "--db", str(corpus_db), key, "clear")
    assert code == 0 and out.startswith(f"set-date: {key} → detected date;"), err
    conn = sqlite3.connect(corpus_db)
    assert conn.execute("SELECT COUNT(*) FROM override").fetchone()[0] == 0
    conn.close()
    assert dump(corpus_db).count('INSERT INTO "article"') == before.count('INSERT INTO "article"')
