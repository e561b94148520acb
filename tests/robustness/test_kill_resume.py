"""An ingest that dies (SIGKILL, a full disk, a crash in the corpus-wide step) and the run after it.

The corpus-wide entity state (family names merged across articles, counts, aliases, labels) used
to be built only at the end of a run that finished: after a kill, the resumed run said "N unchanged",
repaired nothing, and left counts at 0, family names unmerged and quote speakers unresolved. Now
the database carries a stale mark from before the first write until that state is committed, and
the next ingest, export, browse or `repair` rebuilds it: the resumed corpus exports exactly what
a clean ingest does. Many random kill points: `tests/tools/kill_resume.py`.
"""

from __future__ import annotations

import contextlib
import io
import random
import sqlite3

import pytest

from model.corpus import entity_refresh, staleness, store, write, writer_lock
from model.ingest import pipeline, pool
from tests.robustness import killing
from tests.robustness.corpus import exports
from tui import cli

N_ARTICLES = 30  # two batches of 16: with two jobs the kill can land while a worker parses


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def clean(tmp_path_factory, nlp):
    """The made-up corpus and the exports of one uninterrupted ingest of it."""
    d = tmp_path_factory.mktemp("kill")
    corpus = killing.make_corpus(d / "corpus", N_ARTICLES)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        assert pipeline.ingest([str(corpus)], str(d / "clean.db"), jobs=1).new == N_ARTICLES
    want = exports(d / "clean.db")
    assert '{"entity": "Voronov"' not in want["entities"]  # the family name alone was merged into the full name
    return corpus, want


def resume(corpus, db, nlp) -> pipeline.Summary:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        return pipeline.ingest([str(corpus)], str(db), jobs=1)


@pytest.mark.parametrize(("jobs", "seed"), [(1, 15), (2, 4)])
def test_an_ingest_killed_at_a_random_moment_resumes_to_what_a_clean_ingest_stores(clean, tmp_path, nlp, jobs, seed):
    corpus, want = clean
    db = tmp_path / "killed.db"
    kill = killing.Kill(random.Random(seed).randrange(1, N_ARTICLES))
    n = killing.killed([str(corpus)], db, jobs, kill, tmp_path / "log")  # the writer lock is free after
    assert 0 < n < N_ARTICLES, f"the kill ({kill}) did not land mid-ingest"
    with contextlib.closing(store.connect(db, readonly=True)) as conn:
        assert staleness.stale_since(conn)
    summary = resume(corpus, db, nlp)
    assert (summary.new, summary.unchanged, summary.rebuilt) == (N_ARTICLES - n, n, True)
    assert exports(db) == want
    with contextlib.closing(store.connect(db, readonly=True)) as conn:
        assert staleness.stale_since(conn) is None


def test_a_run_with_nothing_new_rebuilds_what_a_dead_corpus_wide_step_left(clean, tmp_path, nlp, monkeypatch):
    """The run dies in its last step (here the disk fills up): every article is stored, none of the corpus-wide
    state. Before, the next run said "30 unchanged" and left it so."""
    corpus, want = clean
    db = tmp_path / "full.db"

    def disk_full(conn, touched=None):
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as mp:
        mp.setattr(pipeline, "refresh_entities", disk_full)
        with pytest.raises(sqlite3.OperationalError):
            resume(corpus, db, nlp)
    assert exports(db) != want
    summary = resume(corpus, db, nlp)
    assert (summary.new, summary.unchanged, summary.rebuilt) == (0, N_ARTICLES, True)
    assert "entity state rebuilt" in summary.line()
    assert exports(db) == want


def test_a_signal_leaves_the_corpus_wide_state_to_the_next_run(clean, tmp_path, nlp, monkeypatch):
    """ctrl+c after some articles: no corpus-wide step on the way out (it would merge family names on part of the
    corpus); the mark stays and the resumed run rebuilds for every entity."""
    corpus, want = clean
    db = tmp_path / "stopped.db"
    real = write.write_article
    written = []

    def stop_after_ten(conn, art, ext, cache):
        if len(written) == 10:
            raise KeyboardInterrupt
        written.append(art.key)
        return real(conn, art, ext, cache)

    with monkeypatch.context() as mp:
        mp.setattr(write, "write_article", stop_after_ten)
        assert resume(corpus, db, nlp).interrupted
    with contextlib.closing(store.connect(db, readonly=True)) as conn:
        assert staleness.stale_since(conn)
        assert conn.execute("SELECT SUM(mentions) FROM entity").fetchone()[0] == 0
    assert resume(corpus, db, nlp).rebuilt
    assert exports(db) == want


def test_repair_rebuilds_a_stale_corpus_and_says_what_it_did(clean, tmp_path, nlp, monkeypatch):
    corpus, want = clean
    db = tmp_path / "crashed.db"
    with monkeypatch.context() as mp:
        mp.setattr(pipeline, "refresh_entities", lambda conn, touched=None: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            resume(corpus, db, nlp)
    code, out, err = run_cli("repair", "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith(f"repair: {db}: entity state was stale since ")
    assert " changed, " in out and "0 changed" not in out and "entity summaries of 30 articles redone" in out
    assert exports(db) == want
    code, out, _ = run_cli("repair", "--db", str(db))  # a whole corpus: nothing to change
    assert code == 0 and "was not marked stale" in out and ": 0 changed, 0 family names merged" in out
    assert exports(db) == want


RECOUNTING = "sinorus-tui: an ingest stopped before finishing; recounting the corpus-wide entity state…\n"
MERGES_PENDING = (
    "sinorus-tui: an ingest stopped before finishing: family names are merged across the corpus when it is run "
    "again to its end, or by `sinorus-tui repair`\n"
)


def test_reading_a_stale_corpus_recounts_it_and_the_resumed_ingest_still_ends_as_a_clean_one(
    clean, tmp_path, nlp, monkeypatch
):
    """The disk fills up at the 13th article. An export then recounts every entity first (none is left at 0),
    but merges no family name over part of the corpus: the resumed run does, and ends as a clean ingest."""
    corpus, want = clean
    db = tmp_path / "stale.db"
    real = write.write_article
    written = []

    def disk_full_at_13(conn, art, ext, cache):
        if len(written) == 12:
            raise sqlite3.OperationalError("database or disk is full")
        written.append(art.key)
        return real(conn, art, ext, cache)

    with monkeypatch.context() as mp:
        mp.setattr(write, "write_article", disk_full_at_13)
        with pytest.raises(sqlite3.OperationalError):
            resume(corpus, db, nlp)
    code, out, err = run_cli("export", "entities", "--db", str(db))
    assert code == 0 and err == RECOUNTING + MERGES_PENDING
    assert out and '"mentions": 0' not in out and '{"entity": "Voronov"' in out  # counted; not yet merged
    code, out2, err = run_cli("export", "entities", "--db", str(db))
    assert (code, out2, err) == (0, out, MERGES_PENDING)  # counted once
    assert resume(corpus, db, nlp).rebuilt
    assert exports(db) == want


def test_the_browser_opens_a_stale_corpus_recounted_with_a_notice(clean, tmp_path, nlp, monkeypatch):
    from tui import app

    corpus, _ = clean
    db = tmp_path / "browsed.db"
    with monkeypatch.context() as mp:
        mp.setattr(pipeline, "refresh_entities", lambda conn, touched=None: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            resume(corpus, db, nlp)
    opened = []
    monkeypatch.setattr(app, "run", lambda path, readonly=False, notices=(): opened.append(notices))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert cli.cmd_browse(db, explicit=True) == 0
    assert err.getvalue() == RECOUNTING
    assert opened == [(MERGES_PENDING.removeprefix("sinorus-tui: ").rstrip("\n"),)]
    with contextlib.closing(store.connect(db, readonly=True)) as conn:
        assert staleness.stale(conn).keys() == {staleness.MERGES}
        assert conn.execute("SELECT COUNT(*) FROM entity WHERE mentions = 0").fetchone()[0] == 0


def test_a_stale_corpus_an_ingest_is_writing_is_read_as_it_is_with_a_notice(clean, tmp_path, nlp, monkeypatch):
    corpus, _ = clean
    db = tmp_path / "busy.db"
    with monkeypatch.context() as mp:
        mp.setattr(entity_refresh, "rebuild_entities", lambda conn, merge=True: 1 / 0)  # must not be called
        mp.setattr(pipeline, "refresh_entities", lambda conn, touched=None: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            resume(corpus, db, nlp)
        with writer_lock.holding(db):  # an ingest at work: it will rebuild when it finishes
            notice = cli._rebuild_if_stale(db)
            code, out, err = run_cli("export", "articles", "--db", str(db))
    assert notice == f"an ingest is writing to {db}; entity counts and merges are complete when it finishes"
    assert code == 0 and out and err == f"sinorus-tui: {notice}\n"
    with contextlib.closing(store.connect(db, readonly=True)) as conn:
        assert staleness.stale_since(conn)
