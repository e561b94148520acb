"""Parsing and extracting batches of articles: in this process, or in a pool of worker processes.

Each worker loads spaCy and the extractors once (`_worker_init`); the main process only reads
files and writes SQLite. A text longer than `CHUNK_CHARS` is parsed in pieces, whose offsets are
shifted back into the whole text. An article gets `ARTICLE_SECONDS` of CPU time to be parsed and
extracted; past that it is skipped with the reason (`time_budget`). The characters parsed so far,
counted after each article and each piece of a long one, are the ingest's progress.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.connection as mp_connection
import multiprocessing.pool as mp_pool
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import chain, islice

from model.ingest.extraction import extract
from model.parse import layout
from model.records import Article, Extraction

CHUNK_CHARS = 100_000  # longer texts are parsed in pieces of about this size
BATCH_ARTICLES = 16  # articles sent to a worker at a time
# CPU seconds one article may take to be parsed and extracted. Prose goes at some 3,000 words a CPU
# second: 300 s is a 5 MB article; one that takes longer is skipped with the reason.
ARTICLE_SECONDS = 300.0
POLL_SECONDS = 0.5  # how often the main process reports the workers' progress while it waits
WINDOW_PER_JOB = 4  # batches read ahead and in flight for each worker, at most

Results = list[tuple[Article, Extraction | None, str | None]]  # (article, extraction, error) for each


class TookTooLong(BaseException):
    """An article ran past its time budget. A BaseException, so that no `except Exception` on the way
    (an extractor's error guard) takes it for that extractor's failure."""


def too_long(seconds: float) -> str:
    return (
        f"parsing took longer than {seconds:g} s of CPU time, the limit for one article "
        "(ingest --article-seconds changes it)"
    )


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `TookTooLong` in the block once this process has spent `seconds` of CPU time in it: a
    profiling timer (CPU time, so a busy machine does not shorten the budget). Signals reach only the
    main thread: elsewhere, and with no `seconds`, there is no limit."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TookTooLong

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# The characters parsed so far (a shared counter in a pool: `_worker_init`), and, in this process, what
# to call after each count (`parse_all`'s progress).
_PARSED = None
_ON_PARSED: Callable[[], None] | None = None


def _count_parsed(chars: int) -> None:
    if _PARSED is not None:
        with _PARSED.get_lock():
            _PARSED.value += chars
    if _ON_PARSED is not None:
        _ON_PARSED()


def _chunks(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """Split a long text at paragraph (else sentence, else any) boundaries: [(offset, piece)] of about
    `size` (`CHUNK_CHARS`) characters each."""
    size = size or CHUNK_CHARS
    out, pos = [], 0
    while len(text) - pos > size:
        window = text[pos : pos + size]
        cut = window.rfind("\n")
        if cut < size // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= size // 2 else -1
        if cut < size // 2:
            cut = window.rfind(" ")
        if cut < size // 2:
            cut = size
        out.append((pos, text[pos : pos + cut]))
        pos += cut
    out.append((pos, text[pos:]))
    return out


def _shift(ext: Extraction, offset: int, sent_offset: int) -> Extraction:
    ext.sentences = [(s + offset, e + offset) for s, e in ext.sentences]
    for rec in (*ext.mentions, *ext.quotes, *ext.timexes):
        rec.start += offset
        rec.end += offset
        for a in ("speaker_start", "speaker_end", "cue_start", "cue_end", "event_start", "event_end"):
            v = getattr(rec, a, None)
            if v is not None:
                setattr(rec, a, v + offset)
        if getattr(rec, "sentence", None) is not None:
            rec.sentence += sent_offset
    return ext


def process_batch(arts: list[Article], nlp=None, seconds: float | None = ARTICLE_SECONDS) -> Results:
    """Parse and extract a batch, each article within `seconds` of CPU time. Returns (article, extraction,
    error) for each."""
    if _STOPPING is not None and _STOPPING.value:
        return []  # a pool worker of an ingest that is stopping: the batches left are not parsed
    if nlp is None:
        nlp = _worker_nlp()
    results = _parse_short(nlp, [a for a in arts if len(a.text) <= CHUNK_CHARS], seconds)
    for a in arts:
        if len(a.text) > CHUNK_CHARS:
            results[id(a)] = _within(seconds, lambda a=a: _extract_long(a, nlp))
    return [(a, *results[id(a)]) for a in arts]


def _within(seconds: float | None, work: Callable[[], tuple]) -> tuple[Extraction | None, str | None]:
    """`work()`, or the reason it is skipped when it runs past `seconds` of CPU time."""
    try:
        with time_budget(seconds):
            return work()
    except TookTooLong:
        return None, too_long(seconds or 0)


def _parse_short(
    nlp, short: list[Article], seconds: float | None = None
) -> dict[int, tuple[Extraction | None, str | None]]:
    """The texts of one piece each, parsed together: id(article) -> (extraction, error). Together they
    get each one's budget; past it, or on an error, the rest are parsed one at a time, each with its own."""
    results: dict[int, tuple[Extraction | None, str | None]] = {}
    try:
        with time_budget(seconds and seconds * len(short)):
            for a, doc in zip(short, nlp.pipe([layout.parse_text(a.text) for a in short])):
                results[id(a)] = _safe_extract(a, doc)
                _count_parsed(len(a.text))
    except (Exception, TookTooLong):  # one bad or slow text costs that article only
        for a in short:
            if id(a) not in results:
                results[id(a)] = _within(seconds, lambda a=a: _parse_one(nlp, a))
                _count_parsed(len(a.text))
    return results


def _parse_one(nlp, art: Article) -> tuple[Extraction | None, str | None]:
    try:
        return _safe_extract(art, nlp(layout.parse_text(art.text)))
    except Exception as e:
        return None, f"NLP failed: {type(e).__name__}: {e}"[:200]


def _safe_extract(art: Article, doc) -> tuple[Extraction | None, str | None]:
    try:
        return extract(art, doc), None
    except Exception as e:  # never lose the whole batch to one article's odd text
        return None, f"extraction failed: {type(e).__name__}: {e}"[:200]


def _extract_long(art: Article, nlp) -> tuple[Extraction | None, str | None]:
    total = Extraction()
    try:
        for offset, piece in _chunks(layout.parse_text(art.text)):
            part = Article(
                key=art.key,
                text=piece,
                published=art.published or total.published,
                published_basis=art.published_basis if art.published else total.published_basis,
                published_confidence=art.published_confidence if art.published else total.published_confidence,
            )
            ext, err = _safe_extract(part, nlp(piece))
            _count_parsed(len(piece))
            if err:
                return None, err
            _shift(ext, offset, len(total.sentences))
            total.sentences += ext.sentences
            total.mentions += ext.mentions
            total.quotes += ext.quotes
            total.timexes += ext.timexes
            total.problems += [p for p in ext.problems if p not in total.problems]
            if ext.published_basis and not total.published_basis:
                total.published, total.published_basis = ext.published, ext.published_basis
                total.published_confidence = ext.published_confidence
    except Exception as e:
        return None, f"NLP failed: {type(e).__name__}: {e}"[:200]
    return total, None


_NLP = None


def _worker_nlp():
    global _NLP
    if _NLP is None:
        from model.parse import nlp

        _NLP = nlp.load()
        _NLP.max_length = CHUNK_CHARS + 10
    return _NLP


_STOPPING = None  # in a worker: set (to 1) by the parent when it stops the pool


def _worker_init(stopping=None, parsed=None):
    """Preload spaCy and the extractors in a pool worker, before its first batch.

    Signals are the parent's to handle: it stops the pool (`_stop`). ctrl+c (SIGINT to the whole group) is
    ignored here; SIGTERM too, unless the parent has begun stopping the pool (a worker still busy after the
    grace is terminated): a worker that died of a SIGTERM sent to the whole group while it waited for a batch
    would hold the pool's queue lock for ever, and the parent's terminate would wait for it.

    Best effort: a failure here is left for the first batch to meet and report (an exception
    raised by a pool's initializer makes multiprocessing start the worker again, forever)."""
    import signal

    global _STOPPING, _PARSED, _ON_PARSED
    _STOPPING, _PARSED, _ON_PARSED = stopping, parsed, None
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        load_worker_model()
    except Exception:  # met again, and reported, by process_batch
        pass


def load_worker_model() -> None:
    """spaCy and the extractors (about a second of regex compiling), loaded in a worker before its first
    batch (a pool's initializer, a Dask worker plugin)."""
    from model.extract import timeline as _timeline  # noqa: F401
    from model.extract.quotes import extractor as _quotes  # noqa: F401

    _worker_nlp()


def _on_sigterm(signum, frame) -> None:
    """A worker's SIGTERM: it leaves once the parent stops the pool; else ignored, the parent (which a
    signal to the group reaches too) stops the pool. It leaves by an exception, not by dying where it
    stands: the group's signal can reach a worker's handler just after the parent began stopping, while
    the worker waits for a batch holding the pool's queue lock, and a worker dead with that lock left the
    parent's `terminate` waiting for it for ever; unwinding releases it."""
    if _STOPPING is None or _STOPPING.value:
        raise SystemExit(128 + signum)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def batches(articles: Iterable[Article], size: int | None = None) -> Iterator[list[Article]]:
    """`articles` in batches of `size` (`BATCH_ARTICLES`), taken as they come: the input is never held whole."""
    size = size or BATCH_ARTICLES
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def parse_all(
    parts: Iterable[list[Article]],
    jobs: int,
    on_results: Callable[[Results], None],
    *,
    seconds: float | None = ARTICLE_SECONDS,
    on_parsed: Callable[[int], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> None:
    """Parse and extract each batch, handing each batch's results to `on_results` in order: here
    with one job (or one batch), else in a pool of `jobs` workers, stopped on any error or ctrl-c.
    `parts` is read as the work goes, `WINDOW_PER_JOB` batches a worker ahead at most (back-pressure: the
    memory of an ingest does not grow with its input); `on_start()` is called before the first batch is
    parsed. Each article gets `seconds` of CPU time. `on_parsed(characters parsed so far)` is called as they
    are parsed: after each article and each piece of a long one (from a pool, every `POLL_SECONDS`)."""
    global _PARSED, _ON_PARSED
    parts = iter(parts)
    ahead = list(islice(parts, WINDOW_PER_JOB * max(1, jobs)))  # a small input: all of it
    if not ahead:
        return
    if on_start:
        on_start()
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    parsed = ctx.Value("q", 0)
    if jobs <= 1 or len(ahead) <= 1:
        nlp = _worker_nlp()
        _PARSED, _ON_PARSED = parsed, on_parsed and (lambda: on_parsed(parsed.value))
        try:
            for b in chain(ahead, parts):
                on_results(process_batch(b, nlp, seconds))
        finally:
            _PARSED = _ON_PARSED = None
        return
    stopping = ctx.RawValue("b", 0)
    pool = ctx.Pool(min(jobs, len(ahead)), initializer=_worker_init, initargs=(stopping, parsed))
    submit = partial(_submit, pool, seconds)
    try:
        pending = deque(submit(b) for b in ahead)
        del ahead
        while pending:
            results = _result(pending.popleft(), parsed, on_parsed)
            if (b := next(parts, None)) is not None:  # the workers stay busy while this process writes
                pending.append(submit(b))
            on_results(results)
        pool.close()
    except BaseException:
        stopping.value = 1  # the workers skip the batches left; a SIGTERM now makes them leave
        if not _stop(pool):
            raise  # (its workers killed: no join, which would wait for the pool's threads)
        pool.join()
        raise
    pool.join()


# How long a stopping ingest waits for its workers to finish the batch each is parsing (the batches left are
# skipped) before it terminates them.
STOP_GRACE_SECONDS = 10.0


def _stop(pool) -> bool:
    """Stop the pool after an error or an interruption (`stopping` set): closed, its workers finish the batch in
    hand, skip the rest (`process_batch`) and leave. True when they all left with every batch answered within
    STOP_GRACE_SECONDS; else (a worker still busy, or batches lost with workers that left: the pool would start
    others to wait for them for ever) the pool is ended (`_end`) and False.
    Terminating at once sent SIGTERM to workers that could be writing a result, holding the result queue's lock:
    one that died with it left the pool's own threads waiting for it for ever (a hang seen in the test of a worker
    that cannot start, one run in many)."""
    pool.close()
    first = list(pool._pool)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    while (left := deadline - time.monotonic()) > 0:
        alive = [p for p in list(pool._pool) if p.exitcode is None]
        if not alive and not pool._cache:
            return True
        if pool._cache and all(p.exitcode is not None for p in first):
            break  # batches lost with workers that left (a SIGTERM to the group): the pool would wait for them
        mp_connection.wait([p.sentinel for p in alive] or [p.sentinel for p in first], timeout=min(left, 0.5))
    _end(pool)
    return False


def _end(pool) -> None:
    """End a pool whose workers did not leave: no new worker started (the pool replaces one that died while
    batches are pending: after a SIGTERM to the whole group, one was, and waited for a task for ever), then
    every worker killed and reaped. Not `Pool.terminate`: it waits for the task queue's lock, which a worker
    killed while waiting for a task holds for ever, and then for each worker, and a SIGTERM that reached a
    worker before its handler was set left it waiting (a hang one run in five under load). The pool's own
    threads are daemons, left to end with the process; its finalizer, which would do what `terminate` does,
    is cancelled."""
    handler = pool._worker_handler
    handler._state = mp_pool.TERMINATE
    pool._change_notifier.put(None)
    handler.join()
    for p in list(pool._pool):
        if p.exitcode is None:
            p.kill()
    for p in list(pool._pool):
        p.join()
    pool._terminate.cancel()


def _submit(pool, seconds: float | None, batch: list[Article]):
    return pool.apply_async(process_batch, (batch,), {"seconds": seconds})


def _result(pending, parsed, on_parsed: Callable[[int], None] | None) -> Results:
    """A batch's results from the pool, reporting `on_parsed(characters parsed)` while waiting for them."""
    while not pending.ready():
        pending.wait(POLL_SECONDS)
        if on_parsed and not pending.ready():
            on_parsed(parsed.value)
    return pending.get()
