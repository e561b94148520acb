"""Ingest on a Dask cluster (`model.ingest.cluster`): the corpus is the one a local ingest makes, also when a
worker is lost mid-batch or the client stops and resumes; a scheduler out of reach is one line.

These run a `LocalCluster` in this process (worker threads sharing the session's spaCy pipeline, a batch at
a time): no model is loaded again. The same with worker processes killed by a signal is opt-in
(`test_cluster_processes.py`, `-m bench`).
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import threading

import pytest

distributed = pytest.importorskip("distributed")  # the [cluster] extra; installed with [test]

from model.ingest import cluster, pipeline, pool  # noqa: E402
from tests.robustness import killing  # noqa: E402
from tests.robustness.corpus import exports  # noqa: E402
from tui import cli  # noqa: E402

N_ARTICLES = 12
BATCH = 2  # six batches: the lost worker holds one while the other worker goes on


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """The made-up articles and the exports of a local ingest of them."""
    d = tmp_path_factory.mktemp("cluster")
    folder = killing.make_corpus(d / "corpus", N_ARTICLES)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        assert pipeline.ingest([str(folder)], str(d / "local.db"), jobs=1).new == N_ARTICLES
    return folder, exports(d / "local.db")


# What the workers run, reached by name (Dask sends a function by reference when it can): the session's
# pipeline, one batch at a time, and the worker to lose and the events of its loss.
_ONE_AT_A_TIME = threading.Lock()
_REAL_PROCESS_BATCH = pool.process_batch
_LOSS: dict = {}


def one_at_a_time(arts, nlp=None, seconds=None):
    with _ONE_AT_A_TIME:
        return _REAL_PROCESS_BATCH(arts, pool._worker_nlp(), seconds)


def parse_or_hang(arts, nlp=None, seconds=None):
    """The victim's first batch waits until the victim is closed under it (what it returns is thrown away)."""
    if distributed.get_worker() is _LOSS["victim"] and not _LOSS["lost"].is_set():
        _LOSS["in_batch"].set()
        _LOSS["lost"].wait(60)
        return []
    return one_at_a_time(arts, nlp, seconds)


@pytest.fixture
def local_cluster(nlp, monkeypatch):
    """Two single-threaded workers in this process, parsing one batch at a time with the session's pipeline."""
    monkeypatch.setattr(pool, "_NLP", nlp)
    monkeypatch.setattr(pool, "process_batch", one_at_a_time)
    monkeypatch.setattr(cluster, "BATCH_ARTICLES", BATCH)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as c:
        yield c


def test_a_cluster_ingest_stores_what_a_local_one_does(corpus, local_cluster, tmp_path):
    folder, want = corpus
    summary = pipeline.ingest([str(folder)], str(tmp_path / "c.db"), cluster=local_cluster.scheduler_address)
    assert (summary.new, summary.skipped, summary.interrupted) == (N_ARTICLES, [], False)
    assert exports(tmp_path / "c.db") == want


def test_records_read_on_the_workers_make_the_same_corpus(corpus, local_cluster, tmp_path):
    folder, want = corpus
    db = tmp_path / "c.db"
    summary = pipeline.ingest([str(folder)], str(db), cluster=local_cluster.scheduler_address, read_on_workers=True)
    assert summary.new == N_ARTICLES
    assert exports(db) == want
    again = pipeline.ingest([str(folder)], str(db), cluster=local_cluster.scheduler_address, read_on_workers=True)
    assert (again.new, again.unchanged) == (0, N_ARTICLES)


def test_a_worker_lost_mid_batch_has_its_batch_run_again_with_nothing_lost_or_doubled(
    corpus, local_cluster, tmp_path, monkeypatch
):
    """The first batch given to one worker blocks until that worker is closed under it; the scheduler gives
    the batch to the other worker. Every export is the local ingest's."""
    folder, want = corpus
    victim = next(iter(local_cluster.workers.values()))
    _LOSS.update(victim=victim, in_batch=threading.Event(), lost=threading.Event())

    def close_victim_once_it_parses() -> None:
        assert _LOSS["in_batch"].wait(60), "the victim worker never received a batch"
        local_cluster.sync(victim.close, executor_wait=False)
        _LOSS["lost"].set()

    monkeypatch.setattr(pool, "process_batch", parse_or_hang)
    killer = threading.Thread(target=close_victim_once_it_parses)
    killer.start()
    summary = pipeline.ingest([str(folder)], str(tmp_path / "c.db"), cluster=local_cluster.scheduler_address)
    killer.join()
    assert victim.status.name in ("closed", "closing")
    assert (summary.new, summary.skipped) == (N_ARTICLES, [])
    assert exports(tmp_path / "c.db") == want


def test_a_client_stopped_mid_ingest_resumes_to_the_same_corpus(corpus, local_cluster, tmp_path, monkeypatch):
    folder, want = corpus
    db = tmp_path / "c.db"
    store = pipeline._Run.store

    def store_then_stop(run, results):
        store(run, results)
        raise KeyboardInterrupt  # ctrl+c after the first batch is written

    with monkeypatch.context() as mp:
        mp.setattr(pipeline._Run, "store", store_then_stop)
        first = pipeline.ingest([str(folder)], str(db), cluster=local_cluster.scheduler_address)
    assert first.interrupted and first.new == BATCH
    rest = pipeline.ingest([str(folder)], str(db), cluster=local_cluster.scheduler_address)
    assert (rest.new, rest.unchanged, rest.rebuilt) == (N_ARTICLES - BATCH, BATCH, True)
    assert exports(db) == want


def run_cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(list(argv))
    return code, err.getvalue()


def test_a_scheduler_out_of_reach_is_one_line_and_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 0.5)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "a.txt").write_text("The envoy said the talks would resume.\n")
    code, err = run_cli("ingest", "--db", str(tmp_path / "c.db"), "--cluster", f"tcp://127.0.0.1:{port}", str(tmp_path))
    assert code == 1
    lines = [ln for ln in err.splitlines() if "cannot reach" in ln]
    assert lines == [lines[0]] and f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in lines[0]
    assert "Traceback" not in err


def test_a_bad_local_worker_count_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("The envoy said the talks would resume.\n")
    code, err = run_cli("ingest", "--db", str(tmp_path / "c.db"), "--cluster", "local:none", str(tmp_path))
    assert code == 1 and "needs a number of workers" in err and "Traceback" not in err


def test_without_dask_the_cluster_option_says_how_to_install_it(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    code, err = run_cli("ingest", "--db", str(tmp_path / "c.db"), "--cluster", "local", str(tmp_path))
    assert code == 2 and "pip install 'sinorus-tui[cluster]'" in err


def test_reading_on_workers_needs_a_cluster(tmp_path):
    code, err = run_cli("ingest", "--db", str(tmp_path / "c.db"), "--read-on", "workers", str(tmp_path))
    assert code == 2 and "--read-on workers needs --cluster" in err


def test_a_scheduler_with_no_workers_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 0.5)
    (tmp_path / "a.txt").write_text("The envoy said the talks would resume.\n")
    with distributed.LocalCluster(
        n_workers=0, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as empty:
        code, err = run_cli(
            "ingest", "--db", str(tmp_path / "c.db"), "--cluster", empty.scheduler_address, str(tmp_path)
        )
    assert code == 1 and "has no workers (start some: dask worker" in err and "Traceback" not in err
