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
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from model.corpus import store, write
from model.records import Article, Extraction
from tests.conftest import ROOT
from tests.robustness.corpus import count_articles, exports
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


@pytest.mark.parametrize("table", ["correction", "timex"])
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


# ---------------------------------------------------------------- a write that fails says why


class CommitThenInterrupt(sqlite3.Connection):
    """A connection on which ctrl+c lands just after COMMIT has run (the signal's "wrong moment")."""

    def execute(self, sql, *args):
        cur = super().execute(sql, *args)
        if sql == "COMMIT":
            raise KeyboardInterrupt
        return cur


def empty_db(tmp_path):
    db = tmp_path / "w.db"
    store.connect(db).close()
    return db


def test_ctrl_c_just_after_an_article_is_committed_is_an_interruption_not_a_rollback_error(tmp_path):
    db = empty_db(tmp_path)
    conn = sqlite3.connect(db, factory=CommitThenInterrupt)
    with pytest.raises(KeyboardInterrupt):
        write.write_article(conn, Article(key="a", text="Talks went on."), Extraction(), write.EntityCache(conn))
    conn.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT key FROM article").fetchall() == [("a",)]  # committed, whole
    conn.close()


def test_a_write_another_writer_blocks_says_database_is_locked(tmp_path):
    db = empty_db(tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    conn = sqlite3.connect(db, timeout=0)
    try:
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            write.write_article(conn, Article(key="a", text="Talks went on."), Extraction(), write.EntityCache(conn))
    finally:
        conn.close()
        holder.execute("ROLLBACK")
        holder.close()


def test_a_signal_inside_a_held_write_waits_for_its_end():
    from model.ingest.stopping import StopOnSignals, Stopped

    done = []
    with StopOnSignals() as stop:
        with pytest.raises(Stopped) as e:
            with stop.held():
                os.kill(os.getpid(), signal.SIGTERM)
                done.append("the write went on")
        assert done and e.value.signum == signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handlers are given back


# ---------------------------------------------------------------- SIGINT and SIGTERM during an ingest

N_ARTICLES = 40  # batches of 16 with two jobs: the signal lands with batches to go
PEOPLE = ["Vladimir Putin", "Xi Jinping", "Sergei Lavrov", "Wang Yi", "Dmitry Peskov"]
TOPICS = ["gas supplies", "grain exports", "a new bridge", "yuan settlements", "Arctic shipping"]


def make_corpus(d):
    d.mkdir(parents=True, exist_ok=True)
    for i in range(N_ARTICLES):
        a, b = PEOPLE[i % 5], PEOPLE[(i + 2) % 5]
        topic = TOPICS[i * 3 % 5]
        (d / f"s{i:03d}.txt").write_text(
            f"Round {i} of talks on {topic}\n\n"
            f"{a} met {b} on March {i % 28 + 1}, 2023, to discuss {topic}.\n"
            f"“We will deepen cooperation on {topic},” {a} said.\n"
            f"{b} said the next round would take place next week.\n",
            encoding="utf-8",
        )
    return d


@pytest.fixture(scope="module")
def clean(tmp_path_factory, nlp):
    """The corpus and the exports of one uninterrupted ingest of it."""
    from model.ingest import pipeline, pool

    d = tmp_path_factory.mktemp("signals")
    corpus = make_corpus(d / "corpus")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        summary = pipeline.ingest([str(corpus)], str(d / "clean.db"), jobs=1)
    assert summary.new == N_ARTICLES
    return corpus, exports(d / "clean.db")


@pytest.mark.parametrize(
    ("signum", "jobs", "group", "code", "message"),
    [
        (signal.SIGTERM, "2", False, 143, "stopped by SIGTERM;"),  # `kill PID`: the workers are the ingest's to stop
        (signal.SIGTERM, "2", True, 143, "stopped by SIGTERM;"),  # the whole group, workers too
        (signal.SIGINT, "1", False, 130, "interrupted;"),  # inside spaCy, in this process
    ],
)
def test_a_signal_stops_an_ingest_like_ctrl_c_and_the_same_command_resumes_it(
    clean, tmp_path, nlp, signum, jobs, group, code, message
):
    from model.ingest import pipeline, pool

    corpus, want = clean
    db = tmp_path / "stopped.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", "--db", str(db), str(corpus), "-j", jobs],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert proc.stderr.readline() == f"sinorus-tui: no database at {db}; creating it\n"
        first = proc.stderr.readline()  # "ingest: 0/40 articles": parsing has begun
        assert first.startswith("ingest: 0/"), first + proc.stderr.read()
        while count_articles(db) == 0 and proc.poll() is None:  # then the first articles are committed
            time.sleep(0.005)
        (os.killpg if group else os.kill)(proc.pid, signum)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    n = count_articles(db)
    assert 0 < n < N_ARTICLES, "the signal did not land mid-ingest"
    assert proc.returncode == code, err
    assert "Traceback" not in err and "Error" not in err, err
    assert f"sinorus-tui: {message} {n} articles stored. Run the same command again to resume." in err
    assert out.startswith(f"ingest: {n} new, 0 updated, 0 unchanged, 0 skipped")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        summary = pipeline.ingest([str(corpus)], str(db), jobs=1)
    assert (summary.new, summary.unchanged, summary.skipped) == (N_ARTICLES - n, n, [])
    assert exports(db) == want


# ---------------------------------------------------------------- export to a full disk


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_to_a_full_device_is_one_line(seeds_db, fmt):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "tui.cli", "export", "articles", "--db", str(seeds_db), "--format", fmt],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert proc.returncode == 1
    assert proc.stderr == "sinorus-tui: cannot write to standard output: No space left on device\n"


def _hold_the_lock_until_signalled(lock, stopping, held) -> None:
    """A pool worker waiting for a batch: the pool's SIGTERM handler installed, the queue's lock held."""
    from model.ingest import pool

    pool._STOPPING = stopping
    signal.signal(signal.SIGTERM, pool._on_sigterm)
    with lock:
        held.set()
        while True:
            time.sleep(0.01)


def test_a_worker_stopped_while_it_holds_the_queue_lock_leaves_the_lock_free():
    # The group's SIGTERM can reach a worker's handler just after the parent began stopping the pool, while the
    # worker waits for a batch holding the pool's queue lock: dead with it, it left the parent's terminate waiting
    # for ever (seen as an ingest that never exited after `kill -TERM -PGID`).
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    lock, stopping, held = ctx.Lock(), ctx.RawValue("b", 1), ctx.Event()
    worker = ctx.Process(target=_hold_the_lock_until_signalled, args=(lock, stopping, held))
    worker.start()
    try:
        assert held.wait(30)
        os.kill(worker.pid, signal.SIGTERM)
        worker.join(30)
        assert worker.exitcode == 128 + signal.SIGTERM
        assert lock.acquire(timeout=5)
    finally:
        if worker.is_alive():
            worker.kill()
