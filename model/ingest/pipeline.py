"""Ingest orchestration: read → nlp.pipe (all cores, or a Dask cluster) → extract → store, as a stream.

Records are read, parsed and written as they come, a bounded number of batches ahead (`model.ingest.pool`,
`model.ingest.cluster`): the memory of an ingest does not grow with its input. Unchanged articles (same
content hash, same pipeline version) are recognised before any NLP and skipped (`model.ingest.dedupe`).
Each article is written in its own transaction, so an interrupted run leaves whole articles only and simply
resumes when run again. Parsing and extraction run in the worker pool or on the cluster's workers
(`model.ingest.extraction`); this process reads files (or receives what the workers read) and writes
SQLite. The progress's totals are estimates (`model.ingest.estimate`: records counted before reading)
until the reading ends.

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
from collections.abc import Callable, Iterator

from model.corpus import correction_store, staleness, store, write, writer_lock
from model.corpus.correction_apply import replay
from model.corpus.entity_refresh import rebuild_entities, refresh_entities
from model.corpus.event_refresh import refresh_events
from model.corpus.statement_refresh import refresh_statements
from model.ingest import pool
from model.ingest.dedupe import RunKeys, Verdict
from model.ingest.estimate import expected_records
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
    cluster: str | None = None,
    read_on_workers: bool = False,
    part: bool = False,
) -> Summary:
    """Read `paths`, parse and extract what is new or changed, and store it in the database at `db_path`.
    Inside a folder, symbolic links that leave it are followed only with `follow_links`. When another
    writer holds the database, `on_wait()` is called once and the ingest waits for it to finish. An article
    that takes longer than `article_seconds` of CPU time to parse is skipped (None: no limit). With
    `cluster` (a Dask scheduler's address, or `local[:N]`), parsing runs on that cluster's workers, and with
    `read_on_workers` so does reading (the paths are then the workers' own: a shared file system). With `part`
    the database is a part of a corpus, to be merged with others (`model.ingest.merge`): family names and bodies
    named with their country are left for the merge to join across the whole corpus."""
    with StopOnSignals() as stop, writer_lock.holding(db_path, on_wait):
        return _ingest(
            paths, db_path, jobs, progress, stop, follow_links, article_seconds, cluster, read_on_workers, part
        )


def _ingest(
    paths, db_path, jobs, progress, stop: StopOnSignals, follow_links: bool, seconds, cluster, read_on_workers, part
) -> Summary:
    """`ingest`, SIGINT and SIGTERM raising `Stopped` (KeyboardInterrupt) outside an article's write."""
    t0 = time.monotonic()
    summary = Summary()
    conn = store.connect(
        db_path,
        progress=progress
        and (lambda done, total: progress(Progress("upgrading the database", done, total, 0, time.monotonic() - t0))),
    )
    try:
        stale = _stale(conn, part)  # an earlier run died before its refresh
        with RunKeys(conn) as keys:
            run = _Run(conn, summary, keys, stop, progress, t0)
            if cluster:
                from model.ingest import cluster as dask_cluster  # Dask only when asked for (the [cluster] extra)

                dask_cluster.ingest(cluster, paths, run, follow_links=follow_links, read_on_workers=read_on_workers)
            else:
                run.expected = expected_records(paths, follow_links=follow_links) if progress else 0
                parts = pool.batches(run.to_parse(read_all(paths, follow_links=follow_links)))
                jobs = jobs or pool.default_jobs()
                pool.parse_all(
                    parts, jobs, run.store, seconds=seconds, on_parsed=progress and run.on_parsed, on_start=run.start
                )
        if summary.stored or stale:
            if progress:
                progress(Progress("finishing", run.done, run.done, summary.words, time.monotonic() - t0))
            summary.rebuilt = stale
            _refresh(conn, None if stale else run.cache.touched, merge=not part)
        elif (
            run.started
        ):  # nothing stored after all (every article skipped): the mark is this run's, and nothing changed
            _refresh(conn, set(), merge=not part)
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


def _stale(conn: sqlite3.Connection, part: bool) -> bool:
    """Whether an earlier run left the corpus-wide state behind (in a part, the merges are the merge's own)."""
    marks = staleness.stale(conn)
    return staleness.COUNTS in marks if part else bool(marks)


def _refresh(conn: sqlite3.Connection, touched: set[int] | None, merge: bool = True) -> None:
    """The corpus-wide entity state after this run's writes: for the entities it `touched`, or (None) rebuilt
    for all of them when an earlier run left it stale; family names and bodies merged unless not `merge`."""
    joins = {} if merge else {"merge": False}
    if touched is None:
        rebuild_entities(conn, **joins)
    else:
        refresh_entities(conn, touched, **joins)


class _Run:
    """One ingest as it goes: what it read, chose to parse and stored, its summary and its progress. The
    runners (the local pool, a Dask cluster) feed it what is read (`to_parse`, `take`) and what is parsed
    (`store`); it writes on this process's one connection."""

    READ_REPORT_EVERY = 500  # records read between two reports while nothing is parsed yet

    def __init__(self, conn, summary: Summary, keys: RunKeys, stop: StopOnSignals, progress, t0: float):
        self.conn, self.summary, self.keys, self.stop, self.progress, self.t0 = conn, summary, keys, stop, progress, t0
        self.cache = write.EntityCache(conn)
        self.expected = 0  # records the inputs are expected to hold (`estimate`); 0: not counted
        self.read = 0  # records read (articles and skipped ones)
        self.todo = self.todo_chars = 0  # articles to parse so far, and their characters
        self.reading = True  # until the inputs are read to their end
        self.started = False  # the first batch is about to be parsed: the corpus-wide state is marked stale
        self.done = self.parsed = self.finished = 0  # articles done with; characters parsed, and done with

    # ------------------------------------------------------------ reading

    def to_parse(self, items) -> Iterator[Article]:
        """The articles of `items` (what was read) that are new or changed, with the user's overrides applied;
        the others are counted (unchanged) or reported (skipped) in the summary."""
        for item in items:
            if (art := self.take(item)) is not None:
                yield art
        self.end_of_reading()

    def take(self, item: Article | Skipped) -> Article | None:
        """`item` if it is an article to parse (its overrides applied), else None (counted or reported)."""
        if isinstance(item, ReadWarning):
            self.summary.warnings.append(item)
            return None
        self.read += 1
        if self.progress and self.read % self.READ_REPORT_EVERY == 0 and not self.todo:
            self.progress(Progress("reading", self.read, 0, 0, time.monotonic() - self.t0))
        if isinstance(item, Skipped):
            self.summary.skipped.append(item)
            return None
        verdict = self.keys.judge(item.key, item.sha256)
        if verdict is Verdict.CONFLICT:
            why = f"duplicate id '{item.key}' with different text in this batch; kept the first"
            self.summary.skipped.append(Skipped(item.origin or item.key, why))
        elif verdict is Verdict.UNCHANGED:
            self.summary.unchanged += 1
        if verdict is not Verdict.PARSE:
            return None
        _apply_overrides(self.conn, item)
        self.todo += 1
        self.todo_chars += len(item.text)
        return item

    def end_of_reading(self) -> None:
        self.reading = False

    def totals(self) -> tuple[int, int, bool]:
        """(articles to parse, their characters, whether these are estimates): while reading goes on, what
        was read so far and the rest of the expected records at the rate read so far."""
        if not self.reading or not self.read or self.expected <= self.read:
            return self.todo, self.todo_chars, self.reading
        rest = (self.expected - self.read) / self.read
        return self.todo + round(self.todo * rest), self.todo_chars + round(self.todo_chars * rest), True

    # ------------------------------------------------------------ parsing and storing

    def start(self) -> None:
        """Before the first batch is parsed: the corpus-wide state falls behind until the refresh."""
        staleness.mark(self.conn)
        self.started = True
        self.report()

    def on_parsed(self, chars: int) -> None:  # inside a long article too: its pieces as they are parsed
        self.parsed = chars
        self.report()

    def store(self, results: pool.Results) -> None:
        """Write a parsed batch, an article a transaction; a signal waits for the article being written."""
        for art, ext, err in results:
            self.done += 1
            self.finished += len(art.text)  # a skipped article's text too: it is done with
            if err:
                self.summary.skipped.append(Skipped(art.origin or art.key, err))
                continue
            with self.stop.held():  # a signal now stops the ingest after this article, not inside it
                known = write.stored_version(self.conn, art.key) is not None
                write.write_article(self.conn, art, ext, self.cache)
                _count_stored(self.summary, art, ext, known)
        self.report()

    def report(self) -> None:
        if self.progress:
            total, total_chars, estimated = self.totals()
            elapsed = time.monotonic() - self.t0
            chars = max(self.parsed, self.finished)
            total_chars = max(total_chars, chars)
            self.progress(
                Progress(
                    "parsing",
                    self.done,
                    max(total, self.done),
                    self.summary.words,
                    elapsed,
                    chars,
                    total_chars,
                    estimated,
                )
            )


def _apply_overrides(conn: sqlite3.Connection, art: Article) -> None:
    """A user's publication date, before extraction: the article's relative dates are resolved against it."""
    stored = correction_store.every(conn, "kind='article_date' AND article_key=?", (art.key,))
    if stored:
        art.published, art.published_basis, art.published_confidence = (
            stored[-1].value["published"],
            "set by user",
            1.0,
        )


def _count_stored(summary: Summary, art: Article, ext, known: bool) -> None:
    for problem in ext.problems:
        summary.warnings.append(Skipped(art.origin or art.key, f"stored, but {problem}"))
    if known:
        summary.updated += 1
    else:
        summary.new += 1
    summary.words += len(art.text.split())
