"""Two writers on one database: the second waits for the first, with one line saying so.

Two ingests started together used to abort each other ("UNIQUE constraint failed: entity.canonical"
on an existing database, "table article already exists" on a new file). Now each holds the
writer lock (`model.corpus.writer_lock`) for its whole run, so both inputs end in the corpus, as
a sequential ingest of both would leave it. set-date and repair wait for an ingest the same way.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from model.corpus import writer_lock
from model.ingest import pipeline, pool
from tests.conftest import ROOT
from tests.robustness import killing
from tests.robustness.corpus import exports


def started(*argv: str) -> subprocess.Popen:
    return subprocess.Popen(
        killing.cli(*argv), cwd=ROOT, env=killing.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def waiting_line(proc: subprocess.Popen) -> str:
    """The first line a writer prints on standard error (it is waiting for the lock before anything else)."""
    return proc.stderr.readline()


@pytest.fixture(scope="module")
def halves(tmp_path_factory, nlp):
    """Two folders of made-up articles, a database of a third, and the exports of ingesting the three in turn."""
    d = tmp_path_factory.mktemp("writers")
    whole = killing.make_corpus(d / "whole", 24)
    parts = {name: d / name for name in ("old", "a", "b")}
    for i, f in enumerate(sorted(whole.iterdir())):
        target = parts[("old", "a", "b")[i % 3]]
        target.mkdir(exist_ok=True)
        shutil.copy(f, target / f.name)
    old_db = d / "old.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        pipeline.ingest([str(parts["old"])], str(old_db), jobs=1)
        sequential = {}
        for name, first in (("new", None), ("existing", old_db)):
            db = d / f"sequential-{name}.db"
            if first:
                shutil.copy(first, db)
            pipeline.ingest([str(parts["a"])], str(db), jobs=1)
            pipeline.ingest([str(parts["b"])], str(db), jobs=1)
            sequential[name] = exports(db)
    return parts, old_db, sequential


@pytest.mark.parametrize("start", ["new", "existing"])
def test_two_ingests_started_together_both_end_in_the_corpus(halves, tmp_path, start):
    parts, old_db, sequential = halves
    db = tmp_path / "together.db"
    if start == "existing":
        shutil.copy(old_db, db)
    with writer_lock.holding(db):  # both start while a writer is at work, so both must wait, then take turns
        procs = [started("ingest", "--db", str(db), "-j", "1", str(parts[p])) for p in ("a", "b")]
        if start == "new":  # each says first that it makes the database
            assert [waiting_line(p) for p in procs] == [f"sinorus-tui: no database at {db}; creating it\n"] * 2
        lines = [waiting_line(p) for p in procs]
    results = [p.communicate(timeout=300) for p in procs]
    assert lines == [f"sinorus-tui: another ingest is writing to {db}; waiting…\n"] * 2
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "Error" not in err, err
        assert out.startswith("ingest: 8 new, 0 updated, 0 unchanged, 0 skipped")
    assert exports(db) == sequential[start]


@pytest.mark.parametrize("argv", [("set-date", "k000", "2020-01-02"), ("repair",)])
def test_set_date_and_repair_wait_for_an_ingest_and_then_do_their_work(halves, tmp_path, argv):
    _, old_db, _ = halves
    db = tmp_path / "busy.db"
    shutil.copy(old_db, db)
    with writer_lock.holding(db):
        proc = started(argv[0], "--db", str(db), *argv[1:])
        line = waiting_line(proc)
        assert proc.poll() is None  # still waiting
    out, err = proc.communicate(timeout=60)
    assert line == f"sinorus-tui: another ingest is writing to {db}; waiting…\n"
    assert proc.returncode == 0 and err == "", err
    assert out.startswith(f"{argv[0]}: ")
