"""Opt-in (`-m bench`: each worker process loads spaCy, a minute or more on 2 cores): `ingest --cluster
local:2` with one worker process killed by SIGKILL while it holds a batch. Its batch runs again on the
other worker (or the one its nanny starts again), and every export is that of a local ingest.
The light version, in this process, is `test_cluster.py`."""

from __future__ import annotations

import os
import signal

import pytest

distributed = pytest.importorskip("distributed")

from model.ingest import cluster, pipeline, pool  # noqa: E402
from tests.robustness import killing  # noqa: E402
from tests.robustness.corpus import exports  # noqa: E402

pytestmark = pytest.mark.bench

N_ARTICLES = 24


def test_a_worker_process_killed_mid_ingest_costs_nothing(tmp_path, nlp, monkeypatch):
    folder = killing.make_corpus(tmp_path / "corpus", N_ARTICLES)
    with monkeypatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        assert pipeline.ingest([str(folder)], str(tmp_path / "local.db"), jobs=1).new == N_ARTICLES
    monkeypatch.setattr(cluster, "BATCH_ARTICLES", 2)
    store = pipeline._Run.store
    killed = []

    def store_and_kill_a_busy_worker(run, results):
        store(run, results)
        if killed:
            return
        client = distributed.default_client()
        busy = [addr for addr, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append((busy[0], client.processing()[busy[0]]))

    monkeypatch.setattr(pipeline._Run, "store", store_and_kill_a_busy_worker)
    summary = pipeline.ingest([str(folder)], str(tmp_path / "cluster.db"), cluster="local:2")
    assert killed and killed[0][1], "no worker held a batch when the kill came"
    assert (summary.new, summary.skipped, summary.interrupted) == (N_ARTICLES, [], False)
    assert exports(tmp_path / "cluster.db") == exports(tmp_path / "local.db")
