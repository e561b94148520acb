"""Ingest on a Dask cluster (`ingest --cluster ADDRESS`, or `local[:N]` for a `LocalCluster` here): parsing
and extraction, and with `read_on_workers` the reading too, run on the cluster's workers; this process
receives the records and writes them, an article a transaction, as a local ingest does.

Each worker loads spaCy and the extractors once (`LoadModel`, a worker plugin). Batches of `BATCH_ARTICLES`
go out, at most `WINDOW_PER_WORKER` a worker in flight or waiting to be written (back-pressure: the input
is read as the work goes); they come back in any order (`as_completed`) and are written in the order they
were read, so that the corpus is the one a local ingest makes. A worker that dies mid-batch has its batch
run again elsewhere (Dask's own rescheduling, `retries` for a batch that raises); only what comes back is
written, once. A batch whose workers keep dying (Dask's `KilledWorker`) is skipped with the reason, article
by article: the next run tries them again.

Imported only when a cluster is asked for: Dask is an optional extra (`pip install 'sinorus-tui[cluster]'`).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from model.ingest import pool, shards
from model.ingest.errors import ClusterError
from model.ingest.estimate import expected_records
from model.ingest.sources import read_all
from model.records import Article, Skipped

BATCH_ARTICLES = 16  # articles a task parses: some seconds of work, against milliseconds of scheduling
WINDOW_PER_WORKER = 4  # batches in flight or waiting to be written, for each worker thread
READ_AHEAD = 8  # shards being read on the workers ahead of what is parsed (`read_on_workers`)
PLAN_PAGE = 1000  # shards fetched from the plan at a time (the plan stays on a worker)
RETRIES = 2  # a batch that raises is run again this many times
CONNECT_SECONDS = 10  # how long to try to reach a scheduler
# A local cluster's settings (a remote one has its workers' own: the same as DASK_* variables). Dask's
# statistical profiler samples every thread's stack every 10 ms, its event loops wake every 20 ms to check
# they are not blocked, and memory and system monitors poll every 0.1 and 0.5 s: on a busy 2-core machine
# these took a third more CPU than the parse itself. On Linux the workers are forked, as the local pool's
# are (spawned, each imports Python's and the project's modules again: 5.7 s to start two, 3.3 s to stop).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.multiprocessing-method": "fork" if sys.platform.startswith("linux") else "spawn",
}


class LoadModel(WorkerPlugin):
    """Loads spaCy and the extractors on each worker as it joins, before its first batch."""

    name = "sinorus-tui-model"

    async def setup(self, worker) -> None:
        await asyncio.to_thread(pool.load_worker_model)  # in a thread: the worker's event loop goes on answering


def ingest(address: str, paths: list[str], run, *, follow_links: bool = False, read_on_workers: bool = False) -> None:
    """Read `paths` (here, or on the workers), parse on the cluster at `address`, and hand what comes back to
    `run` (`pipeline._Run`) to write."""
    with connected(address) as client:
        client.register_plugin(LoadModel())
        if read_on_workers:
            items = _read_on_workers(client, paths, follow_links, run)
        else:
            run.expected = expected_records(paths, follow_links=follow_links) if run.progress else 0
            items = read_all(paths, follow_links=follow_links)
        parse_all(client, pool.batches(run.to_parse(items), BATCH_ARTICLES), run.store, on_start=run.start)


@contextmanager
def connected(address: str) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a `LocalCluster` of N single-threaded worker processes
    (`local:N`; `local`: one a core). Raises `ClusterError` for a scheduler it cannot reach."""
    if address == "local" or address.startswith("local:"):
        n = _local_workers(address)
        with (
            dask.config.set(LOCAL_CONFIG),
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({_reason(e)})") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError):
            raise ClusterError(
                f"the Dask scheduler at {address} has no workers (start some: dask worker {address})"
            ) from None
        yield client


def _local_workers(address: str) -> int:
    count = address.partition(":")[2]
    if not count:
        return pool.default_jobs()
    if not count.isdigit() or int(count) < 1:
        raise ClusterError(f"--cluster local:N needs a number of workers N ≥ 1, not '{count}'")
    return int(count)


def _reason(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def parse_all(
    client: Client,
    parts: Iterable[list[Article]],
    on_results: Callable[[pool.Results], None],
    *,
    on_start: Callable[[], None] | None = None,
    window: int | None = None,
) -> None:
    """Parse and extract each batch on the cluster, handing each batch's results to `on_results` in the
    order of `parts`, which is read as the work goes: at most `window` batches (`WINDOW_PER_WORKER` a
    worker thread) are in flight or waiting for their turn to be written."""
    parts = iter(parts)
    first = next(parts, None)
    if first is None:
        return
    if on_start:
        on_start()
    window = window or WINDOW_PER_WORKER * max(1, _threads(client))
    sent: dict = {}  # future -> (its place in the order, its batch)
    ready: dict[int, pool.Results] = {}  # results that came back before an earlier batch's
    finished = as_completed()
    order = 0

    def send(batch: list[Article]) -> None:
        nonlocal order
        future = client.submit(pool.process_batch, batch, pure=False, retries=RETRIES)
        sent[future] = (order, batch)
        order += 1
        finished.add(future)

    send(first)
    for batch in islice(parts, window - 1):
        send(batch)
    written = 0
    for future in finished:
        place, batch = sent.pop(future)
        ready[place] = _results(future, batch)
        future.release()
        while written in ready:
            results = ready.pop(written)
            written += 1
            if (batch := next(parts, None)) is not None:  # the workers stay busy while this process writes
                send(batch)
            on_results(results)


def _results(future, batch: list[Article]) -> pool.Results:
    """A batch's results; or, when its workers kept dying, each of its articles skipped with the reason."""
    try:
        return future.result()
    except Exception as e:
        if type(e).__name__ != "KilledWorker":
            raise
        why = "the Dask workers parsing its batch kept dying (KilledWorker); the next ingest tries it again"
        return [(a, None, why) for a in batch]


def _threads(client: Client) -> int:
    return sum(client.nthreads().values())


def _read_on_workers(client: Client, paths: list[str], follow_links: bool, run) -> Iterator[Article | Skipped]:
    """What the workers read of `paths` (theirs), shard by shard in order, `READ_AHEAD` shards ahead."""
    plan = client.submit(shards.plan, paths, follow_links, pure=False)
    expected, count = client.submit(shards.size, plan, pure=False).result()
    run.expected = expected
    reading: deque = deque()
    for start in range(0, count, PLAN_PAGE):
        for shard in client.submit(shards.page, plan, start, PLAN_PAGE, pure=False).result():
            reading.append(client.submit(shards.read, shard, pure=False, retries=RETRIES))
            if len(reading) > READ_AHEAD:
                yield from reading.popleft().result()
    plan.release()
    while reading:
        yield from reading.popleft().result()
