"""The `sinorus-tui merge OUT PART...` command: part databases (one a node) merged into one corpus."""

from __future__ import annotations

import signal
import sqlite3
import sys
import time
from pathlib import Path

from tui.cli_io import EXIT_USAGE, fail, say, say_waiting, sqlite_reason

USAGE = "sinorus-tui merge [-h] [--db FILE] OUT PART [PART ...]"
SUMMARY = "merge part databases (one a node of a cluster, each made by `ingest`) into one corpus, OUT"
DESCRIPTION = (
    "Copy the articles of each PART database, with everything extracted from them, into the database OUT (made if "
    "it does not exist), then rebuild what is derived across the corpus (entities merged and counted, events, "
    "statements) once, as an ingest ends. Nothing is parsed again. Ingest each part with `ingest --part`: family "
    "names and bodies named with their country are then joined over the whole corpus, as one ingest of every "
    "article would. An article OUT holds with the same text, from "
    "the same pipeline version, is skipped; one with other text is replaced, a later part winning. A part must be a "
    "sinorus-tui corpus of this schema and pipeline version, without corrections (move those with `corrections "
    "export` and `import`); the parts are checked before anything is written. Each part is merged in one "
    "transaction: stopped, OUT holds whole parts only, and the same command resumes. `--db OUT` may name OUT."
)


def add_parser(sub) -> None:
    mg = sub.add_parser("merge", help=SUMMARY, description=DESCRIPTION, usage=USAGE)
    mg.add_argument(
        "paths",
        nargs="+",
        metavar="[OUT] PART",
        help="OUT: the database merged into (made if it does not exist), unless --db names it; then each PART, a "
        "database made by `sinorus-tui ingest --part`, read only",
    )
    mg.add_argument(
        "--db",
        metavar="FILE",
        dest="db_sub",
        help="the database merged into, in place of OUT (merge has no default database: it names the one it writes)",
    )


def out_and_parts(paths: list[str], db: str | None) -> tuple[str, list[str]] | str:
    """(OUT, the parts) from the command's paths and its --db; or why they are not enough."""
    if db:
        return db, paths
    if len(paths) < 2:
        return "merge needs the database merged into and at least one part: merge OUT PART... (or --db OUT PART...)"
    return paths[0], paths[1:]


class _Reporter:
    """A line on standard error when a part starts, every few seconds while it is copied, and when it is done."""

    def __init__(self, stream=None):
        self.stream, self.last, self.part = stream or sys.stderr, 0.0, 0  # (the stream of the time it is made)

    def __call__(self, p) -> None:
        now = time.monotonic()
        if p.phase == "finishing":
            say("merge: rebuilding entities, events and statements across the corpus", self.stream, flush=True)
            return
        first = p.part != self.part
        if first or now - self.last >= 3 or p.done == p.total:
            self.part, self.last = p.part, now
            say(f"merge: part {p.part}/{p.parts} {p.path}: {p.done:,}/{p.total:,} articles", self.stream, flush=True)


def cmd_merge(out: Path, parts: list[str]) -> int:
    from model.corpus import store
    from model.ingest import merge

    if any(str(p) == "" for p in [out, *parts]):
        return fail("an empty path ('') names no database", EXIT_USAGE)
    try:
        summary = merge.merge(str(out), [str(p) for p in parts], progress=_Reporter(), on_wait=say_waiting(out))
    except merge.PartRefused as e:
        return fail(str(e), EXIT_USAGE)
    except store.StoreError as e:
        return fail(str(e))
    except OSError as e:
        return fail(f"cannot write {out}: {e.strerror or e}")
    except sqlite3.Error as e:  # the disk filled up, a damaged part: the part being copied was rolled back
        return fail(f"cannot merge into {out}: {sqlite_reason(e)}")
    for path, copied in summary.parts:
        say(
            f"merge: {path}: {copied.articles} articles, {copied.added} added, {copied.replaced} replaced, "
            f"{copied.duplicates} skipped as duplicates"
        )
    for path, warning in summary.warnings:
        say(f"warning {path}: {warning}")
    say(f"merge: {summary.line()}", sys.stdout)
    if summary.interrupted:
        signum = summary.stopped_by or signal.SIGINT
        word = "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"
        return fail(f"{word}; {len(summary.parts)} parts merged. Run the same command again to resume.", 128 + signum)
    return 0
