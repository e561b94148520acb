"""Stopping the pool of an ingest that fails or is interrupted: its workers finish the batch in hand and leave;
only one still busy after the grace is killed, the pool ended (a SIGTERM could find a worker writing its result,
holding the result queue's lock, and a worker dead with it left the pool's threads waiting for it for ever)."""

from __future__ import annotations

import multiprocessing as mp
import sys

from model.ingest import pool as ingest_pool

_NEVER = None  # an event the busy worker waits on, inherited when the pool forks (events do not pickle)


def _busy(_) -> None:
    _NEVER.wait()  # a batch that never ends


def _done(_) -> int:
    return 1


def _pool_that_records_terminate(ctx, monkeypatch):
    p = ctx.Pool(2)
    terminated = []
    real = p.terminate
    monkeypatch.setattr(p, "terminate", lambda: (terminated.append(True), real()))
    return p, terminated


def test_workers_that_finish_their_batches_leave_without_being_terminated(monkeypatch):
    ctx = mp.get_context("fork")
    p, terminated = _pool_that_records_terminate(ctx, monkeypatch)
    pending = [p.apply_async(_done, (i,)) for i in range(4)]
    assert ingest_pool._stop(p) is True
    p.join()
    assert terminated == [] and [r.get(timeout=0) for r in pending] == [1, 1, 1, 1]


def test_a_worker_still_busy_after_the_grace_is_killed_and_the_pool_ended_without_terminate(monkeypatch):
    """`Pool.terminate` waits for the task queue's lock and for each worker (a hang one run in five under load);
    the pool is ended instead: no worker started after, every worker killed and reaped."""
    ctx = mp.get_context("fork")
    monkeypatch.setattr(ingest_pool, "STOP_GRACE_SECONDS", 0.3)
    monkeypatch.setattr(sys.modules[__name__], "_NEVER", ctx.Event())
    p, terminated = _pool_that_records_terminate(ctx, monkeypatch)
    p.apply_async(_busy, (0,))
    assert ingest_pool._stop(p) is False
    assert terminated == [] and p._pool and all(w.exitcode is not None for w in p._pool)
