"""Faults: an ingest killed with SIGKILL, the browser open while ingest writes, read-only files
and folders, databases of another schema version, damaged and foreign files.

Nothing crashes, nothing is lost, every problem is one clear line. One subprocess only (the
ingest that is killed); everything else runs in this process with the session's spaCy pipeline.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.corpus import store, write
from model.ingest import pipeline as ingest
from model.ingest import pool
from model.records import Extraction
from tests.conftest import ROOT
from tests.robustness.corpus import count_articles, exports
from tests.robustness.perms import unprivileged, world_dir
from tests.tui.conftest import screen_of, settle
from tests.tui.fixture_db import build
from tui import cli
from tui.config import Config

N_ARTICLES = 40  # batches of 16: the kill lands after the first commit, with two batches to go
PEOPLE = ["Vladimir Putin", "Xi Jinping", "Sergei Lavrov", "Wang Yi", "Dmitry Peskov", "Maria Zakharova"]
PLACES = ["Moscow", "Beijing", "Vladivostok", "Shanghai", "Kazan", "Harbin"]
TOPICS = ["gas supplies", "grain exports", "a new bridge", "yuan settlements", "joint naval drills", "Arctic shipping"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def make_corpus(d: Path, n: int = N_ARTICLES) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        r = random.Random(i)
        a, b = r.sample(PEOPLE, 2)
        place, topic, month = r.choice(PLACES), r.choice(TOPICS), r.choice(MONTHS)
        (d / f"a{i:03d}.txt").write_text(
            f"Talks on {topic}, round {i}\n\n"
            f"{a} met {b} in {place} on {month} {r.randint(1, 28)}, 2023, to discuss {topic}.\n"
            f"“We will deepen cooperation on {topic},” {a} said after the meeting.\n"
            f"{b} told reporters that the next round would take place next week.\n",
            encoding="utf-8",
        )
    return d


def run_cli(*argv: str) -> tuple[int, str, str]:
    """`sinorus-tui ARGV` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def per_article(db) -> dict[str, tuple]:
    """key -> everything extracted from that article (entity names aside: they are merged at the end)."""
    conn = sqlite3.connect(db)
    out = {}
    for aid, key, text in conn.execute("SELECT id, key, text FROM article"):
        out[key] = (
            text,
            conn.execute("SELECT idx, start, end FROM sentence WHERE article=? ORDER BY idx", (aid,)).fetchall(),
            conn.execute(
                "SELECT start, end, text, label FROM mention WHERE article=? ORDER BY start, end", (aid,)
            ).fetchall(),
            conn.execute(
                "SELECT start, end, text, kind, cue FROM quote WHERE article=? ORDER BY start", (aid,)
            ).fetchall(),
            conn.execute(
                "SELECT start, end, text, type, value FROM timex WHERE article=? ORDER BY start", (aid,)
            ).fetchall(),
        )
    conn.close()
    return out


@pytest.fixture(scope="module")
def use_session_nlp(nlp):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        yield


@pytest.fixture(scope="module")
def reference(tmp_path_factory, use_session_nlp):
    """The corpus and a database from one uninterrupted ingest of it."""
    d = tmp_path_factory.mktemp("faults")
    corpus = make_corpus(d / "corpus")
    db = d / "reference.db"
    code, out, err = run_cli("ingest", "--db", str(db), str(corpus), "-j", "1")
    assert code == 0 and f"{N_ARTICLES} new" in out, err
    return corpus, db


# ---------------------------------------------------------------- kill -9


def test_kill_9_mid_ingest_then_resume_gives_the_same_database(reference, tmp_path, use_session_nlp):
    corpus, ref = reference
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", "--db", str(db), str(corpus), "-j", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while count_articles(db) == 0:  # wait for the first committed articles, then kill at once
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "ingest stored nothing in time"
            time.sleep(0.005)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and any worker it forked
        proc.wait(30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)  # a writer's open recovers the WAL, as the next ingest does
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    killed, full = per_article(db), per_article(ref)
    assert 0 < len(killed) < N_ARTICLES, "the kill did not land mid-ingest"
    for key, facts in killed.items():  # every stored article is whole: all it has in an uninterrupted run
        assert facts == full[key], key

    code, out, err = run_cli("ingest", "--db", str(db), str(corpus), "-j", "1")
    assert code == 0, err
    assert f"{N_ARTICLES - len(killed)} new, 0 updated, {len(killed)} unchanged, 0 skipped" in out
    assert exports(db) == exports(ref)


# ---------------------------------------------------------------- the browser while ingest writes (WAL)


@pytest.fixture
def small_db(tmp_path):
    return build(tmp_path / "corpus.db")


def app_for(db, **kw):
    from tui.app import SinorusApp

    return SinorusApp(db, config=Config(), theme="textual-dark", **kw)


async def test_browser_keeps_working_while_ingest_writes_and_sees_new_articles_on_reload(
    small_db, tmp_path, use_session_nlp
):
    corpus = make_corpus(tmp_path / "more", n=6)
    app = app_for(small_db)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app)
        articles = s.lst("articles")
        assert articles.total == 4
        # An uncommitted article (a write transaction held open) is invisible and blocks nothing.
        writer = sqlite3.connect(small_db, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO article(key, text, title) VALUES ('half', 'Half written.', 'Half')")
        articles.reload()
        await settle(pilot)
        assert articles.total == 4
        writer.execute("ROLLBACK")
        writer.close()
        # A real ingest in a thread while the user keeps moving around.
        job = asyncio.ensure_future(asyncio.to_thread(ingest.ingest, [str(corpus)], str(small_db), jobs=1))
        keys = ["2", "j", "enter", "3", "j", "4", "j", "1", "j", "enter", "left_square_bracket"]
        i = 0
        while not job.done():
            await pilot.press(keys[i % len(keys)])
            articles.reload()
            await settle(pilot, 1)
            i += 1
        summary = await job
        assert summary.new == 6 and not summary.skipped
        assert app.is_running and not [n for n in app._notifications if n.severity == "error"]
        articles.reload()
        await settle(pilot)
        assert articles.total == 10
        await pilot.press("1", "G")
        await settle(pilot)
        assert articles.highlighted is not None


async def test_a_refresh_key_shows_articles_ingested_meanwhile(small_db):
    from tui.bindings import all_ids, groups

    app = app_for(small_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        conn = store.connect(small_db)
        write.write_article(conn, _article("late"), Extraction(sentences=[(0, 5)]), write.EntityCache(conn))
        conn.close()
        ids = [i for i in all_ids() if "refresh" in i or "reload" in i]
        assert ids, "no binding with 'refresh' or 'reload' in its id"
        binding = next(b for _, bs in groups() for b in bs if b.id == ids[0])
        await pilot.press(binding.key.split(",")[0])
        await settle(pilot)
        assert screen_of(app).lst("articles").total == 5


def _article(key):
    from model.records import Article

    return Article(key=key, text="Late.", title="Late", sha256=key)


# ---------------------------------------------------------------- read-only files and folders


def _preload():
    """What the unprivileged blocks run, imported while the standard library is readable."""
    import argparse  # noqa: F401
    import gettext  # noqa: F401
    import locale  # noqa: F401
    import urllib.parse  # noqa: F401

    import model.parse.nlp  # noqa: F401

    cli.build_parser().format_help()


@pytest.fixture(params=["file", "folder"])
def read_only(request):
    """A database that cannot be written: (kind, db path)."""
    with world_dir() as d:
        db = build(d / "corpus.db")
        extra = [p for p in d.iterdir() if p != db]
        assert not extra, extra  # the writer closed cleanly: no -wal or -shm left to lean on
        if request.param == "file":
            db.chmod(0o444)
        else:
            db.chmod(0o666)
            d.chmod(0o555)
        _preload()
        yield request.param, db


def test_ingest_into_a_read_only_database_says_why_and_changes_nothing(read_only, tmp_path):
    kind, db = read_only
    before = db.read_bytes()
    src = make_corpus(tmp_path / "in", n=1)
    with unprivileged():
        code, out, err = run_cli("ingest", "--db", str(db), str(src))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"cannot write {db}: " in err
    assert ("the file is read-only" if kind == "file" else f"the folder {db.parent} is read-only") in err
    assert db.read_bytes() == before


def test_export_from_a_read_only_database_works(read_only):
    kind, db = read_only
    with unprivileged():
        code, out, err = run_cli("export", "articles", "--db", str(db))
    assert code == 0, err
    assert len(out.splitlines()) == 4


async def _browse(db, readonly):
    app = app_for(db, readonly=readonly)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app) if app.is_running else None
        total = s.lst("articles").total if s else None
        if s:
            await pilot.press("2", "enter")
            await settle(pilot)
        return app, (total if app.is_running else None)


async def test_browser_reads_a_read_only_database(read_only):
    kind, db = read_only
    await _warm_up(db)
    with unprivileged():
        readonly = not os.access(db, os.W_OK) or not os.access(db.parent, os.W_OK)
        app, total = await _browse(db, readonly)
    assert readonly and total == 4, [n.message for n in app._notifications]


async def test_browser_says_the_database_is_read_only(small_db):
    app, total = await _browse(small_db, readonly=True)
    assert any("read-only" in str(n.message) or "read only" in str(n.message) for n in app._notifications)


_warmed = False


async def _warm_up(db):
    """One browse as root first, so that what Textual imports lazily is imported."""
    global _warmed
    if not _warmed and os.geteuid() == 0:
        import shutil

        with world_dir() as d:
            shutil.copy(db, d / "warm.db")
            await _browse(d / "warm.db", readonly=False)
        _warmed = True


# ---------------------------------------------------------------- other schemas, damaged and foreign files


def _newer(p):
    c = sqlite3.connect(p)
    c.execute("PRAGMA user_version=99")
    c.close()


def _older(p):  # our tables from before versioning (user_version 0): not guessed at
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE article(id INTEGER PRIMARY KEY, key TEXT, text TEXT)")
    c.close()


def _foreign(p):
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE invoices(id, total)")
    c.close()


def _damaged(p):
    """A real database whose header and article pages read, and whose mention, quote and
    timex pages are garbage: it opens, then fails on the first read of those tables."""
    build(p)
    c = sqlite3.connect(p)
    c.execute("PRAGMA journal_mode=DELETE")
    roots = dict(c.execute("SELECT name, rootpage FROM sqlite_master WHERE name IN ('mention', 'quote', 'timex')"))
    size = c.execute("PRAGMA page_size").fetchone()[0]
    c.close()
    data = bytearray(p.read_bytes())
    for page in roots.values():
        off = (page - 1) * size
        data[off + 8 : off + size] = bytes([0xAB]) * (size - 8)
    p.write_bytes(bytes(data))


FILES = {
    "newer": (_newer, "has schema version 99"),
    "older": (_older, "an SQLite database of another program (tables: article)"),
    "foreign": (_foreign, "an SQLite database of another program (tables: invoices)"),
    "junk": (lambda p: p.write_bytes(b"<html>not a database</html>" * 300), "is not a sinorus-tui database"),
    "folder": (lambda p: p.mkdir(), "is a folder, not a database file"),
}


@pytest.mark.parametrize("name", FILES)
def test_ingest_export_and_browse_of_an_unusable_file_are_one_clear_line(name, tmp_path, use_session_nlp):
    make, message = FILES[name]
    db = tmp_path / f"{name}.db"
    make(db)
    src = make_corpus(tmp_path / "in", n=1)
    for argv in (["ingest", "--db", str(db), str(src)], ["export", "quotes", "--db", str(db)], ["--db", str(db)]):
        code, out, err = run_cli(*argv)
        assert code == 1 and out == "", argv
        assert err.count("\n") == 1 and "Traceback" not in err, err
        if argv[0] == "ingest" or name not in ("older", "foreign"):
            assert message in err, (argv, err)
        else:  # readers do not look at tables: any unversioned file is not ours
            assert "is not a sinorus-tui database" in err, (argv, err)


def test_an_empty_file_becomes_a_new_database(tmp_path, use_session_nlp):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    code, out, err = run_cli("ingest", "--db", str(db), str(make_corpus(tmp_path / "in", n=1)), "-j", "1")
    assert code == 0 and "1 new" in out, err


def test_export_of_a_damaged_database_is_one_clear_line(tmp_path):
    db = tmp_path / "damaged.db"
    _damaged(db)
    code, out, err = run_cli("export", "mentions", "--db", str(db))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert f"cannot read {db}: database disk image is malformed" in err


async def test_browser_on_a_damaged_database_keeps_running_with_messages(tmp_path):
    db = tmp_path / "damaged.db"
    _damaged(db)
    app = app_for(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        for key in ("2", "enter", "1", "enter"):  # an entity page, then an article: both read broken pages
            await pilot.press(key)
            await settle(pilot, 2)
        assert app.is_running
        assert screen_of(app).lst("articles").total is not None  # what can be read is shown
        messages = {str(n.message) for n in app._notifications}
        assert any("database disk image is malformed" in m for m in messages), messages


@pytest.mark.parametrize("name", ["a?b.db", "a#b.db", "100%25.db", "sp ace.db", "ключ 😀.db"])
async def test_database_names_with_uri_characters(name, tmp_path):
    db = build(tmp_path / name)
    code, out, err = run_cli("export", "articles", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 4, err
    app = app_for(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen_of(app).lst("articles").total == 4
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(name)) == []  # no stray files
