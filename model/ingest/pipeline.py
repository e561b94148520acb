"""Ingest orchestration: read → nlp.pipe (all cores) → extract → store.

Unchanged articles (same content hash, same pipeline version) are recognised
before any NLP and skipped. Each article is written in its own transaction, so
an interrupted run leaves whole articles only and simply resumes when run
again. Parsing and extraction run in the worker pool (`model.ingest.pool`,
`model.ingest.extraction`); the main process only reads files and writes SQLite.

The corpus-wide entity state is marked stale before the first article is written and
rebuilt at the end (`model.corpus.staleness`): a run that dies in between (killed, a full
disk, a crash, ctrl+c) leaves the mark, and the next run, even one with nothing new to
read, rebuilds that state for every entity first. One ingest writes a database at a time
(`model.corpus.writer_lock`): a second one waits for the first.
"""

from __future__ import annotations

import signal
import sqlite3
import time
from collections.abc import Callable

from model.corpus import correction_store, staleness, store, write, writer_lock
from model.corpus.correction_apply import replay
from model.corpus.entity_refresh import rebuild_entities, refresh_entities
from model.corpus.event_refresh import refresh_events
from model.corpus.statement_refresh import refresh_statements
from model.ingest import pool
from model.ingest.progress import Progress, Summary
from model.ingest.sources import read_all
from model.ingest.stopping import StopOnSignals, Stopped
from model.records import Article, ReadWarning, Skipped

__all__ = ["Progress", "Summary", "ingest"]


def ingest(
    paths: list[str],
    db_path: str,
    *,
    jobs: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    follow_links: bool = False,
    on_wait: Callable[[], None] | None = None,
    article_seconds: float | None = pool.ARTICLE_SECONDS,
) -> Summary:
    """Read `paths`, parse and extract what is new or changed, and store it in the database at `db_path`.
    Inside a folder, symbolic links that leave it are followed only with `follow_links`. When another
    writer holds the database, `on_wait()` is called once and the ingest waits for it to finish. An article
    that takes longer than `article_seconds` of CPU time to parse is skipped (None: no limit)."""
    with StopOnSignals() as stop, writer_lock.holding(db_path, on_wait):
        return _ingest(paths, db_path, jobs, progress, stop, follow_links, article_seconds)


def _ingest(paths, db_path, jobs, progress, stop: StopOnSignals, follow_links: bool, article_seconds) -> Summary:
    """`ingest`, SIGINT and SIGTERM raising `Stopped` (KeyboardInterrupt) outside an article's write."""
    t0 = time.monotonic()
    summary = Summary()
    conn = store.connect(
        db_path,
        progress=progress
        and (lambda done, total: progress(Progress("upgrading the database", done, total, 0, time.monotonic() - t0))),
    )
    try:
        stale = staleness.stale_since(conn) is not None  # an earlier run died before its refresh
        known = write.article_hashes(conn)
        todo = _to_extract(conn, read_all(paths, follow_links=follow_links), known, summary, progress, t0)
        cache = write.EntityCache(conn)
        if todo:
            staleness.mark(conn)
            jobs = jobs or pool.default_jobs()
            _extract_and_store(conn, todo, known, summary, cache, jobs, progress, t0, stop, article_seconds)
        if summary.stored or stale:
            if progress:
                progress(Progress("finishing", len(todo), len(todo), summary.words, time.monotonic() - t0))
            summary.rebuilt = stale
            _refresh(conn, None if stale else cache.touched)
        elif todo:  # nothing stored after all (every article skipped): the mark is this run's, and nothing changed
            _refresh(conn, set())
        with conn:  # the user's corrections, again on what was extracted again (and every entity's)
            replay(conn)
            summary.orphaned_corrections = correction_store.count(conn, correction_store.ORPHANED)
        refresh_events(conn)  # the years whose reports this run (or one that died) wrote or removed
        refresh_statements(conn)  # the speakers whose quotes this run (or one that died) wrote or removed
    except KeyboardInterrupt as e:  # the corpus-wide state stays marked stale: the next run rebuilds it
        summary.interrupted = True
        summary.stopped_by = e.signum if isinstance(e, Stopped) else signal.SIGINT
    finally:
        summary.seconds = time.monotonic() - t0
        conn.close()
    return summary


def _refresh(conn: sqlite3.Connection, touched: set[int] | None) -> None:
    """The corpus-wide entity state after this run's writes: for the entities it `touched`, or (None) rebuilt
    for all of them when an earlier run left it stale."""
    if touched is None:
        rebuild_entities(conn)
    else:
        refresh_entities(conn, touched)


def _to_extract(conn, items, known, summary: Summary, progress, t0) -> list[Article]:
    """The articles read (`items`) that are new or changed, with the user's overrides applied; the others
    are counted (unchanged) or reported (skipped) in `summary`."""
    todo: list[Article] = []
    batch_keys: dict[str, str] = {}
    for item in items:
        if isinstance(item, ReadWarning):
            summary.warnings.append(item)
            continue
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            continue
        if _seen_in_this_batch(item, batch_keys, summary):
            continue
        if known.get(item.key) == (item.sha256, write.PIPELINE_VERSION):
            summary.unchanged += 1
            continue
        _apply_overrides(conn, item)
        todo.append(item)
        if progress and len(todo) % 500 == 0:
            progress(Progress("reading", len(todo), 0, 0, time.monotonic() - t0))
    return todo


def _seen_in_this_batch(item: Article, batch_keys: dict[str, str], summary: Summary) -> bool:
    """Whether an article of the same key came earlier in this run (the first is kept; a different text is
    reported as skipped)."""
    prev = batch_keys.get(item.key)
    if prev is None:
        batch_keys[item.key] = item.sha256
        return False
    if prev != item.sha256:
        summary.skipped.append(
            Skipped(
                item.origin or item.key,
                f"duplicate id '{item.key}' with different text in this batch; kept the first",
            )
        )
    return True


def _apply_overrides(conn: sqlite3.Connection, art: Article) -> None:
    """A user's publication date, before extraction: the article's relative dates are resolved against it."""
    stored = correction_store.every(conn, "kind='article_date' AND article_key=?", (art.key,))
    if stored:
        art.published, art.published_basis, art.published_confidence = (
            stored[-1].value["published"],
            "set by user",
            1.0,
        )


def _extract_and_store(conn, todo, known, summary: Summary, cache, jobs: int, progress, t0, stop, seconds) -> None:
    done = parsed = finished = 0
    total_chars = sum(len(a.text) for a in todo)

    def report() -> None:
        if progress:
            elapsed = time.monotonic() - t0
            chars = max(parsed, finished)
            progress(Progress("parsing", done, len(todo), summary.words, elapsed, chars, total_chars))

    def store_results(results: pool.Results) -> None:
        nonlocal done, finished
        for art, ext, err in results:
            done += 1
            finished += len(art.text)  # a skipped article's text too: it is done with
            if err:
                summary.skipped.append(Skipped(art.origin or art.key, err))
                continue
            with stop.held():  # a signal now stops the ingest after this article, not inside it
                write.write_article(conn, art, ext, cache)
                _count_stored(summary, art, ext, known)
        report()

    def on_parsed(chars: int) -> None:  # inside a long article too: its pieces as they are parsed
        nonlocal parsed
        parsed = chars
        report()

    report()
    pool.parse_all(pool.batches(todo), jobs, store_results, seconds=seconds, on_parsed=progress and on_parsed)


def _count_stored(summary: Summary, art: Article, ext, known) -> None:
    for problem in ext.problems:
        summary.warnings.append(Skipped(art.origin or art.key, f"stored, but {problem}"))
    if art.key in known:
        summary.updated += 1
    else:
        summary.new += 1
    summary.words += len(art.text.split())
