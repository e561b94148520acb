"""Part databases merged into one corpus (`sinorus-tui merge OUT PART...`): a database per node, past one writer.

Every part is checked before anything is written (`check_part`): a sinorus-tui corpus extracted by this pipeline
version, without a user's corrections. A part of an older schema is upgraded as `store.connect` upgrades a
database, on a copy beside the corpus (a merge never writes a part: a node's output stays as it was). A part's corrections are
refused because they are applied in place to its rows (`model.corpus.correction_apply`): copied, the rows would
carry them without what extraction found under them; they travel as records instead (`corrections export`,
then `corrections import` into the merged corpus, which replays them there).

A part is best ingested with `ingest --part`: its ingest then leaves family names and bodies named with their
country as its articles name them, and the merge joins them over the whole corpus, as one ingest of every article
would. A part ingested as a corpus of its own has joined them over its own articles alone ("Varnov" into the one
Varnov it names in full, where the whole corpus names two): the merge keeps that and says so (`MERGED_ALONE`).

Each part is copied in one transaction (`model.corpus.part_merge`): a kill at any point leaves the corpus as it
was before that part or after it, never half of it. A new corpus is built beside its name and renamed once its
first part is in. As in an ingest, the corpus-wide state (entities' merges, counts and aliases; events; statements)
is marked stale before the first part and rebuilt once at the end, with the functions an ingest ends with; a merge
that dies in between leaves the mark, and the next writer rebuilds it all.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from model.corpus import correction_store, part_merge, staleness, store, write, writer_lock
from model.corpus.correction_apply import replay
from model.corpus.entity_refresh import rebuild_entities, refresh_entities
from model.corpus.event_refresh import refresh_events
from model.corpus.statement_refresh import refresh_statements
from model.ingest.stopping import StopOnSignals, Stopped
from model.wording import counted


class PartRefused(Exception):
    """A part that cannot be merged: one line saying which and why."""


@dataclass
class MergeProgress:
    phase: str  # "copying" | "finishing"
    part: int = 0  # 1-based
    parts: int = 0
    path: str = ""
    done: int = 0  # articles of this part copied so far
    total: int = 0  # ... of those to copy
    elapsed: float = 0.0


@dataclass
class MergeSummary:
    parts: list[tuple[str, part_merge.Copied]] = field(default_factory=list)
    seconds: float = 0.0
    copy_seconds: float = 0.0  # of which copying the parts (the rest: the corpus-wide refresh)
    interrupted: bool = False
    stopped_by: int = 0
    rebuilt: bool = False  # an earlier ingest or merge had died: the entity state was rebuilt for every entity
    orphaned_corrections: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (part, what to know about it)

    @property
    def added(self) -> int:
        return sum(c.added for _p, c in self.parts)

    @property
    def replaced(self) -> int:
        return sum(c.replaced for _p, c in self.parts)

    @property
    def duplicates(self) -> int:
        return sum(c.duplicates for _p, c in self.parts)

    def line(self) -> str:
        copied = self.added + self.replaced
        s = (
            f"{counted(len(self.parts), 'part')}: {counted(self.added, 'article')} added, {self.replaced} replaced, "
            f"{self.duplicates} skipped as duplicates"
        )
        if copied and self.copy_seconds:
            s += (
                f" in {self.seconds:.1f} s (copied at {copied / self.copy_seconds:,.0f} articles/s; the corpus-wide "
                f"refresh {self.seconds - self.copy_seconds:.1f} s)"
            )
        if self.rebuilt:
            s += "; entity state rebuilt (an earlier ingest or merge had stopped before finishing)"
        if self.orphaned_corrections:
            s += f"; {self.orphaned_corrections} of your corrections orphaned (see `sinorus-tui corrections list`)"
        return s


def check_part(path: str, out: str, name: str | None = None) -> int:
    """Raise `PartRefused` unless the database at `path` (called `name` to the user) can be merged into `out`;
    returns its schema version (an older one is merged from an upgraded copy: `_ready`)."""
    name = name or path
    if not os.path.isfile(path):
        raise PartRefused(f"{name}: no such database file")
    if os.path.exists(out) and os.path.samefile(path, out):
        raise PartRefused(f"{name} is the database merged into; give the parts apart from it")
    try:
        conn = store.connect(path, readonly=True)
    except store.StoreError as e:
        raise PartRefused(f"{e}; not a part to merge") from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_pipeline(conn, name)
        corrections = (
            conn.execute("SELECT COUNT(*) FROM correction").fetchone()[0] if correction_store.has_table(conn) else 0
        )
    except sqlite3.DatabaseError as e:
        raise PartRefused(f"{name} cannot be read as a sinorus-tui corpus: {e}") from None
    finally:
        conn.close()
    if corrections:
        raise PartRefused(
            f"{name} holds {corrections} of a user's corrections, applied to its rows: merge copies none; "
            f"move them with `sinorus-tui --db {name} corrections export -o FILE`, `corrections undo` and, after "
            "the merge, `corrections import FILE`"
        )
    return version


def _check_pipeline(conn: sqlite3.Connection, name: str) -> None:
    others = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT pipeline_version FROM article WHERE pipeline_version IS NOT ?", (write.PIPELINE_VERSION,)
        )
    ]
    if others:
        raise PartRefused(
            f"{name} holds articles extracted by pipeline version {', '.join(map(str, others))}, not "
            f"{write.PIPELINE_VERSION}: ingest its inputs again with this sinorus-tui"
        )


def _ready(path: str, out: str, scratch: Callable[[], str], i: int) -> str:
    """The part at `path`, checked; a part of an older schema upgraded on a copy in `scratch()` (as `store.connect`
    upgrades a database: the part itself is never written), checked again. The path to merge from."""
    if check_part(path, out) >= store.SCHEMA_VERSION:
        return path
    copy = os.path.join(scratch(), f"part{i}.db")
    src, dst = store.open_readonly(Path(path)), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    try:
        store.connect(copy).close()
    except (store.StoreError, sqlite3.Error) as e:
        raise PartRefused(f"{path} is of an older schema and could not be upgraded: {e}") from None
    check_part(copy, out, name=path)
    return copy


def merge(
    out: str,
    parts: list[str],
    *,
    progress: Callable[[MergeProgress], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> MergeSummary:
    """Merge the databases `parts` into the database at `out` (made if it does not exist), in their order: a later
    part's article replaces an earlier one of the same key with other text, as a later ingest would. Every part is
    checked first (`PartRefused`, nothing written); one of an older schema is upgraded on a copy beside `out`."""
    with ExitStack() as stack:

        def scratch() -> str:
            if not scratches:
                folder = os.path.dirname(os.path.abspath(out))
                os.makedirs(folder, exist_ok=True)
                scratches.append(stack.enter_context(tempfile.TemporaryDirectory(prefix=".merge-", dir=folder)))
            return scratches[0]

        scratches: list[str] = []
        ready = [_ready(path, out, scratch, i) for i, path in enumerate(parts)]
        with StopOnSignals(), writer_lock.holding(out, on_wait):
            return _merge(out, list(zip(parts, ready)), progress)


def _merge(out: str, parts: list[tuple[str, str]], progress) -> MergeSummary:
    """Merge `parts` ((its name, the path to read it at)) into `out`."""
    t0 = time.monotonic()
    summary = MergeSummary()
    beside = _beside(out) if not os.path.exists(out) else None
    conn = store.connect(beside or out)
    touched: set[int] = set()
    try:
        stale = staleness.stale_since(conn) is not None
        staleness.mark(conn)
        cache = write.EntityCache(conn)
        for i, (name, path) in enumerate(parts, 1):

            def report(done: int, total: int, i=i, name=name) -> None:
                if progress:
                    progress(MergeProgress("copying", i, len(parts), name, done, total, time.monotonic() - t0))

            copied = _merge_part(conn, path, cache, report)
            if copied.merged_alone:
                summary.warnings.append((name, MERGED_ALONE.format(n=copied.merged_alone)))
            summary.parts.append((name, copied))
            touched |= copied.touched
            if beside:  # the new corpus has its first part: it takes its name
                conn.close()
                os.replace(beside, out)
                beside = None
                conn = store.connect(out)
                cache = write.EntityCache(conn)
        summary.copy_seconds = time.monotonic() - t0
        if progress:
            progress(MergeProgress("finishing", len(parts), len(parts), elapsed=time.monotonic() - t0))
        summary.rebuilt = stale
        _refresh(conn, None if stale else touched)
        with conn:  # the corpus's corrections, on what the parts brought (and every entity's)
            replay(conn)
            summary.orphaned_corrections = correction_store.count(conn, correction_store.ORPHANED)
        refresh_events(conn)
        refresh_statements(conn)
    except KeyboardInterrupt as e:  # the part being copied is rolled back; the stale mark stays for the next run
        summary.interrupted = True
        summary.stopped_by = e.signum if isinstance(e, Stopped) else signal.SIGINT
    finally:
        summary.seconds = time.monotonic() - t0
        conn.close()
        if beside:  # stopped before the first part was in: no corpus was made
            _remove(beside)
    return summary


def _beside(out: str) -> str:
    """Where a new corpus is built until its first part is in (a leftover of a killed merge removed first)."""
    path = str(Path(out).with_name(f".{Path(out).name}.merging"))
    _remove(path)
    return path


def _remove(path: str) -> None:
    for side in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(path + side)
        except FileNotFoundError:
            pass


MERGED_ALONE = (
    "its ingest joined family names or bodies named with their country into {n} entities over its own articles "
    "alone; they stay joined here (ingest each part with --part to leave that to the merge)"
)


def _merge_part(conn: sqlite3.Connection, path: str, cache: write.EntityCache, report) -> part_merge.Copied:
    """One part, copied in one transaction: all of it or (an error, a signal) none of it."""
    part_merge.attach(conn, path)
    try:
        merged = part_merge.merged_in_part(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            copied = part_merge.copy_part(conn, cache, report)
            copied.merged_alone = merged
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        part_merge.detach(conn)
    return copied


def _refresh(conn: sqlite3.Connection, touched: set[int] | None) -> None:
    """The corpus-wide entity state, as an ingest ends: for the entities the parts touched, or (None) rebuilt for
    all of them when an earlier run left it stale."""
    if touched is None:
        rebuild_entities(conn)
    else:
        refresh_entities(conn, touched)
