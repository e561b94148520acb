"""The `sinorus-tui` command: open the browser, ingest, export, set a date, repair.

Imports are lazy: browsing never imports spaCy, and `--help` is instant.
Bad input is a one-line message and a non-zero exit, never a traceback.
Every line printed goes through `say`: a file name, a key or a reason can neither drive the
terminal nor forge a line (controls, bidi and newlines are shown escaped).
"""

from __future__ import annotations

import gc
import os
import signal
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from tui.cli_io import EXIT_USAGE, fail, say
from tui.cli_io import say_waiting as _say_waiting
from tui.cli_io import sqlite_reason as _sqlite_reason
from tui.cli_io import write_file as _write_file

if TYPE_CHECKING:
    import argparse


def default_db() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "sinorus-tui" / "corpus.db"


def seeds_dir() -> Path:
    """The bundled seed articles: inside the wheel (model/_seeds) or the source tree (seeds/)."""
    import model

    here = Path(model.__file__).resolve().parent
    for p in (here / "_seeds", here.parent / "seeds"):
        if p.is_dir():
            return p
    raise FileNotFoundError("the bundled seed articles are missing from this installation")


def _parser(**kwargs) -> argparse.ArgumentParser:
    """A parser whose usage, help and errors (which quote what was typed) go through `say`, line by line.
    argparse is imported here: opening the browser (`browse_only`) needs none of it."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def _print_message(self, message: str, file=None) -> None:
            if message:
                for line in message.rstrip("\n").split("\n"):
                    say(line, file or sys.stderr)

    return _Parser(**kwargs)


def build_parser() -> argparse.ArgumentParser:
    p = _parser(
        prog="sinorus-tui",
        description="Browse news on China–Russia relations: who said "
        "what, when, about whom. With no command, opens the browser.",
    )
    p.add_argument("--db", metavar="FILE", help=_db_help("made by `ingest` if it does not exist, else an error"))
    p.add_argument("--version", action="version", version="sinorus-tui 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ing = _command(
        sub,
        "ingest",
        "add .txt/.md/.html files, feeds (.rss/.atom/.xml), web archives (.warc/.warc.gz), folders, .jsonl/.csv exports",
        "Read the files and folders given, find who said what about whom and when, and store it in the "
        "database (made if it does not exist). A file already stored and unchanged is skipped; a file that "
        "cannot be read is skipped with a one-line reason. Stopped, the same command resumes.",
        db_help=_db_help("made if it does not exist"),
    )
    ing.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (read recursively)")
    ing.add_argument("-j", "--jobs", type=int, default=None, help="worker processes for NLP (default: all cores)")
    ing.add_argument(
        "--follow-links",
        action="store_true",
        help="inside a folder, also follow symbolic links that lead out of it (by default they are skipped)",
    )
    ing.add_argument(
        "--article-seconds",
        type=float,
        default=None,
        metavar="S",
        help="CPU seconds one article may take to parse before it is skipped (default: 300; 0: no limit)",
    )
    ing.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="parse on a Dask cluster: a scheduler's address (tcp://host:8786), or local[:N] for N worker "
        "processes on this machine; needs pip install 'sinorus-tui[cluster]'",
    )
    ing.add_argument(
        "--read-on",
        choices=["client", "workers"],
        default="client",
        help="with --cluster: who reads the files: this machine, which sends the records (the default), or the "
        "workers, from the same paths on a file system they share",
    )
    ing.add_argument(
        "--part",
        action="store_true",
        help="the database is one part of a corpus, to be merged with others by `sinorus-tui merge`: family names "
        "and bodies named with their country are left for the merge to join across the whole corpus",
    )
    ex = _command(
        sub,
        "export",
        "write articles, entities, mentions, quotes, timeline or events as jsonl or csv",
        "Write one kind of record from the database, one a line (JSON Lines) or as CSV with a header, to "
        "standard output or a file (replaced only once complete).",
    )
    ex.add_argument(
        "kind",
        choices=["articles", "entities", "mentions", "quotes", "statements", "timeline", "events", "review"],
        help="which records to write (review: the share right per kind, from `sinorus-tui review`)",
    )
    ex.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="jsonl (the default) or csv")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    narrow = ex.add_argument_group("filters (each kind takes those that apply to it)")
    narrow.add_argument(
        "--speaker", metavar="NAME", help="quotes: spoken by NAME (a name or alias; a joint speaker too)"
    )
    narrow.add_argument(
        "--since",
        metavar="DATE",
        help="quotes (when said), articles (published), timeline and events: from DATE (YYYY, YYYY-MM or YYYY-MM-DD)",
    )
    narrow.add_argument("--until", metavar="DATE", help="the same kinds: up to the end of DATE")
    narrow.add_argument(
        "--kind",
        dest="kinds",
        metavar="A,B",
        help="quotes: direct, partial, indirect, stance; entities: their types (PERSON, ORG, GPE, …)",
    )
    narrow.add_argument("--entity", metavar="NAME", help="timeline (named in its sentence), events, mentions")
    ex.add_argument(
        "--raw-csv",
        action="store_true",
        help="CSV cells as stored: no ' before a cell starting with = + - @ (a spreadsheet would run it as a formula)",
    )
    ex.add_argument(
        "--uncorrected",
        action="store_true",
        help="what extraction found, without your corrections (by default they are applied)",
    )
    sd = _command(
        sub,
        "set-date",
        "set an article's publication date (kept across re-ingest); its relative dates are resolved again",
        "Set the publication date of one article, by its key (the `article` field of `export articles`): "
        '"yesterday" and "next week" in it are dated again from it. The date is kept when the article '
        "is ingested again.",
    )
    sd.add_argument("article", help="the article's key (the `article` field of `export articles`)")
    sd.add_argument("date", help="YYYY-MM-DD, or 'clear' to go back to the detected date")
    _corrections_parser(sub)
    rv = _command(
        sub,
        "review",
        "measure accuracy: answer right/wrong/skip on a random sample; --report prints the share right per kind",
        "Draw a random sample of what was extracted (seeded; stratified by kind: quotes and speakers, entity "
        "links, dates, events), show each item with its context, and ask right (r), wrong (w) or skip (s); q "
        "stops. Answers are kept: a later review draws only items not answered yet. Reports, per kind, the share "
        "right with its 95% Wilson interval and how many were reviewed.",
    )
    rv.add_argument("--seed", type=int, default=1, help="the random seed of the sample (default: 1)")
    rv.add_argument("--per-kind", type=int, default=10, metavar="N", help="items of each kind to draw (default: 10)")
    rv.add_argument(
        "--kinds",
        default="quotes,entities,dates,events",
        help="which kinds, comma-separated (default: quotes,entities,dates,events)",
    )
    rv.add_argument("--report", action="store_true", help="print the figures of every review so far, ask nothing")
    from tui import cli_merge

    cli_merge.add_parser(sub)
    _command(
        sub,
        "repair",
        "rebuild the corpus-wide entity state (counts, aliases, merged family names) and the entity "
        "summaries from the articles, e.g. after an ingest that was killed",
        "Rebuild what is derived across the corpus (entity counts, aliases, types, merged family names) and "
        "the entity summaries from the stored articles, and say what changed. Nothing is parsed again.",
    )
    _command(
        sub,
        "browse",
        "open the browser (the default)",
        "Open the terminal browser over the database: articles, entities, timeline and quotes, linked. "
        "With no --db, the default corpus is built from the bundled seed articles on first run.",
    )
    return p


def _corrections_parser(sub) -> None:
    import argparse

    co = _command(
        sub,
        "corrections",
        "list, export, import or undo your corrections (kept across re-ingest)",
        "Your corrections (a merged entity, a speaker set, a date rejected, …) are kept apart from what extraction "
        "found and applied again after every ingest. List them (orphaned: their target is no longer in the "
        "corpus), share them as JSON Lines between copies of a corpus, or undo some.",
    )
    cs = co.add_subparsers(dest="action", metavar="ACTION", required=True, help="list, export, import or undo")
    ls = cs.add_parser("list", help="one line a correction: id, date, status, what it changes")
    ls.add_argument("--orphaned", action="store_true", help="only those whose target is gone")
    ce = cs.add_parser("export", help="write them as JSON Lines")
    ce.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    ci = cs.add_parser("import", help="read JSON Lines of corrections; report applied, orphaned, already present")
    ci.add_argument("file", metavar="FILE", help="a file `corrections export` wrote")
    cu = cs.add_parser("undo", help="undo corrections by id (what extraction found comes back)")
    cu.add_argument("ids", nargs="+", type=int, metavar="ID", help="the id `corrections list` shows")
    for action in (ls, ce, ci, cu):  # --db after the action too (not reset when given before it)
        action.add_argument("--db", metavar="FILE", dest="db_sub", default=argparse.SUPPRESS, help=_db_help())


def _db_help(missing: str = "an error if it does not exist") -> str:
    return f"the database file (default: {default_db()}); {missing}"


def _command(sub, name: str, summary: str, description: str, db_help: str | None = None) -> argparse.ArgumentParser:
    """A subcommand with its one-line `summary` (in the commands list), its `description` (in its --help)
    and its own --db."""
    cmd = sub.add_parser(name, help=summary, description=description)
    cmd.add_argument("--db", metavar="FILE", dest="db_sub", help=db_help or _db_help())
    return cmd


def main(argv: list[str] | None = None) -> int:
    """The command. A reader that closes the pipe early (`sinorus-tui export … | head`) ends it quietly, exit 1:
    nothing is left to tell anyone, and a traceback would be noise on a terminal."""
    try:
        return _main(argv)
    except BrokenPipeError:
        _silence_closed_pipes()
        return 1


def browse_only(argv: list[str]) -> SimpleNamespace | None:
    """The arguments of opening the browser with at most `--db FILE`, as the full parser reads them, without
    building every command's parser (~7 ms of each start-up); None for any other command line."""
    if not argv:
        return SimpleNamespace(db=None, command=None)
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return SimpleNamespace(db=argv[1], command=None)
    if len(argv) == 1 and argv[0].startswith("--db="):
        return SimpleNamespace(db=argv[0].removeprefix("--db="), command=None)
    return None


def _silence_closed_pipes() -> None:
    """Point stdout and stderr at /dev/null, so that flushing them at exit raises nothing more."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError):
            pass


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = browse_only(argv) or build_parser().parse_args(argv)
    db = Path(getattr(args, "db_sub", None) or args.db or default_db())
    try:
        if args.command == "ingest":
            if not db.exists():
                say(f"sinorus-tui: no database at {db}; creating it")
            return cmd_ingest(
                args.paths,
                db,
                args.jobs,
                follow_links=args.follow_links,
                article_seconds=args.article_seconds,
                cluster=args.cluster,
                read_on_workers=args.read_on == "workers",
                part=args.part,
            )
        if args.command == "export":
            return cmd_export(
                args.kind,
                db,
                args.format,
                args.output,
                raw_csv=args.raw_csv,
                selection=_selection(args),
                uncorrected=args.uncorrected,
            )
        if args.command == "corrections":
            from tui import cli_corrections

            return cli_corrections.cmd_corrections(db, args)
        if args.command == "review":
            from tui import cli_corrections

            return cli_corrections.cmd_review(db, args.seed, args.per_kind, args.kinds, args.report)
        if args.command == "set-date":
            return cmd_set_date(db, args.article, args.date)
        if args.command == "repair":
            return cmd_repair(db)
        if args.command == "merge":
            from tui import cli_merge

            paths = cli_merge.out_and_parts(args.paths, getattr(args, "db_sub", None) or args.db)
            if isinstance(paths, str):
                return fail(paths, EXIT_USAGE)
            return cli_merge.cmd_merge(Path(paths[0]), paths[1])
        return cmd_browse(db, explicit=bool(getattr(args, "db_sub", None) or args.db))
    except KeyboardInterrupt as e:  # ctrl+c; or an ingest's SIGTERM (model.ingest.stopping.Stopped)
        signum = getattr(e, "signum", signal.SIGINT)
        return fail(_stop_word(signum), 128 + signum)
    except BrokenPipeError:
        return 0


# ---------------------------------------------------------------- ingest


class _Reporter:
    """Progress on a terminal as a bar (count, rate, ETA); elsewhere as plain lines every few seconds."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.tty = stream.isatty()
        self.bar = None
        self.task = None
        self.last_line = 0.0

    def __enter__(self):
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[count]}"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("{task.fields[eta]}"),
                console=Console(file=self.stream),
                transient=False,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task("reading", total=None, count="", rate="", eta="")
        return self

    def __exit__(self, *exc):
        if self.bar:
            self.bar.__exit__(*exc)

    def __call__(self, p) -> None:
        rate, eta = _rate(p), _eta(p)
        if self.bar:
            label = "starting" if p.phase == "parsing" and not p.done and not p.parsed_chars else p.phase
            count = f"{p.done}/{'~' if p.estimated else ''}{p.total}" if p.total else ""
            if p.fraction is not None:  # the bar fills with the text parsed: it moves inside a long article too
                count += f" articles, {p.fraction:.0%} of the text"
                completed, total = p.parsed_chars, p.total_chars
            else:
                completed, total = p.done, p.total or None
            self.bar.update(
                self.task, description=label, completed=completed, total=total, count=count, rate=rate, eta=eta
            )
            return
        line = self._line(p, rate, eta)
        if line:
            say(line, self.stream, flush=True)

    def _line(self, p, rate: str, eta: str) -> str | None:
        """A line of progress for a log (not a terminal): parsing and upgrading every 5 s and at the end."""
        now = time.monotonic()
        due = now - self.last_line >= 5 or p.done == p.total
        if p.phase == "parsing" and due:
            self.last_line = now
            part = f", {p.fraction:.0%} of the text" if p.fraction is not None else ""
            return f"ingest: {p.done}/{'~' if p.estimated else ''}{p.total} articles{part}{', ' + rate if rate else ''}{', ' + eta if eta else ''}"
        if p.phase == "finishing":
            return "ingest: resolving entities across the corpus"
        if p.phase.startswith("upgrading") and due:
            self.last_line = now
            return f"ingest: {p.phase}: {p.done:,}/{p.total:,} articles"
        return None


def _rate(p) -> str:
    return f"{p.words / p.elapsed:,.0f} words/s" if p.elapsed > 0 and p.words else ""


def _eta(p) -> str:
    """Time left while parsing, from the overall rate (of the text parsed, else of the articles): batches
    arrive in bursts, so a recent-rate estimate jumps about."""
    share = p.fraction if p.fraction is not None else (p.done / p.total if p.total else 0)
    if p.phase == "parsing" and 0 < share < 1:
        secs = int(p.elapsed / share * (1 - share))
        return f"ETA {secs // 3600}:{secs % 3600 // 60:02d}:{secs % 60:02d}"
    return ""


def cmd_ingest(
    paths: list[str],
    db: Path,
    jobs: int | None = None,
    *,
    follow_links: bool = False,
    article_seconds: float | None = None,
    cluster: str | None = None,
    read_on_workers: bool = False,
    part: bool = False,
) -> int:
    from model.corpus import store
    from model.ingest import pipeline as ingest
    from model.ingest.errors import ClusterError
    from model.parse import nlp

    if article_seconds is not None and not article_seconds >= 0:  # also NaN
        return fail(f"--article-seconds must be 0 (no limit) or more, not {article_seconds:g}", EXIT_USAGE)
    if any(str(p) == "" for p in paths):  # Path('') is the current folder: never what an empty argument meant
        return fail("an empty path ('') names no file or folder; to ingest the current folder, write '.'", EXIT_USAGE)
    if read_on_workers and not cluster:
        return fail("--read-on workers needs --cluster", EXIT_USAGE)
    if cluster is not None and (why := _cluster_unusable(cluster)):
        return fail(why, EXIT_USAGE)
    try:
        with _Reporter() as rep:
            summary = ingest.ingest(
                [str(p) for p in paths],
                str(db),
                jobs=jobs,
                progress=rep,
                follow_links=follow_links,
                on_wait=_say_waiting(db),
                article_seconds=_article_seconds(article_seconds),
                cluster=cluster,
                read_on_workers=read_on_workers,
                part=part,
            )
    except (store.StoreError, nlp.ModelMissing, ClusterError) as e:
        return fail(str(e))
    except OSError as e:
        return fail(f"cannot write {db}: {e.strerror or e}")
    except sqlite3.Error as e:  # e.g. the disk filled up, or another process holds the database
        return fail(f"cannot write {db}: {_sqlite_reason(e)}")
    return _ingested(summary)


def _cluster_unusable(address: str) -> str | None:
    """Why `--cluster address` cannot be used here (Dask not installed, no address), or None."""
    import importlib.util

    if not address.strip():
        return "--cluster needs a scheduler's address (tcp://host:8786) or local[:N]"
    if importlib.util.find_spec("distributed") is None:
        return "--cluster needs Dask, which is not installed: pip install 'sinorus-tui[cluster]'"
    return None


def _article_seconds(given: float | None) -> float | None:
    """The time budget of one article: the default, the one given, or None (no limit) for 0."""
    from model.ingest import pool

    if given is None:
        return pool.ARTICLE_SECONDS
    return given or None


def _stop_word(signum: int) -> str:
    return "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"


def _ingested(summary) -> int:
    """Report an ingest's skipped files, warnings and summary line; its exit code."""
    for s in summary.skipped:
        say(f"skipped {s.origin}: {s.reason}")
    for s in summary.warnings:
        say(f"warning {s.origin}: {s.reason}")
    say(f"ingest: {summary.line()}", sys.stdout)
    if summary.interrupted:
        signum = summary.stopped_by or signal.SIGINT
        return fail(
            f"{_stop_word(signum)}; {summary.stored} articles stored. Run the same command again to resume.",
            128 + signum,
        )
    if summary.stored == 0 and summary.unchanged == 0:
        return fail("nothing could be ingested" + (f" ({len(summary.skipped)} skipped)" if summary.skipped else ""))
    return 0


# ---------------------------------------------------------------- export


def _selection(args):
    """The export's filters, as given."""
    from model.corpus.selection import Selection, parse_kinds

    return Selection(
        speaker=args.speaker, since=args.since, until=args.until, kinds=parse_kinds(args.kinds), entity=args.entity
    )


def cmd_export(
    kind: str,
    db: Path,
    fmt: str,
    output: str | None,
    raw_csv: bool = False,
    selection=None,
    uncorrected: bool = False,
) -> int:
    from model.corpus import export, store
    from model.corpus.selection import Selection, SelectionError, narrowing

    if raw_csv and fmt != "csv":
        return fail("--raw-csv applies to --format csv only", EXIT_USAGE)
    if output and _is_database(Path(output), db):
        return fail(
            f"will not export onto the database: {output} is {db} or one of its side files; choose another file"
        )
    notice = _rebuild_if_stale(db)
    if notice:
        say(f"sinorus-tui: {notice}")
    if uncorrected:
        from tui import cli_corrections

        with cli_corrections.uncorrected_copy(db) as copy:
            if isinstance(copy, str):
                return fail(copy)
            return cmd_export(kind, copy, fmt, output, raw_csv, selection)
    try:
        conn = store.connect(db, readonly=True)
    except store.StoreError as e:
        return fail(str(e))

    selection = selection or Selection()
    try:
        narrowing(conn, kind, selection)  # checked before anything is written
    except SelectionError as e:
        conn.close()
        return fail(f"export {kind}: {e}", EXIT_USAGE)
    except sqlite3.DatabaseError as e:
        conn.close()
        return fail(f"cannot read {db}: {e}")

    def write(out) -> int:
        return export.write(conn, kind, out, fmt, raw_csv=raw_csv, selection=selection)

    try:
        if output:
            try:
                n = _write_file(Path(output), write)
            except OSError as e:
                return fail(f"cannot write {output}: {e.strerror or e}")
            say(f"export: {n} {kind} → {output}")
        else:
            try:
                write(sys.stdout)
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as e:  # e.g. > /dev/full: say so, and leave nothing for the exit's flush to retry
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return fail(f"cannot write to standard output: {e.strerror or e}")
    except sqlite3.DatabaseError as e:  # a damaged file: the header reads, a later page does not
        return fail(f"cannot read {db}: {e}")
    finally:
        conn.close()
    return 0


def _is_database(output: Path, db: Path) -> bool:
    """Whether `output` is the database or one of its side files (WAL, shared memory, journal, writer lock): by the file
    itself (a link or another path to it) where it exists, else by its resolved path."""
    for f in (db, *(Path(f"{db}{side}") for side in ("-wal", "-shm", "-journal", ".lock"))):
        try:
            if os.path.samefile(output, f):
                return True
        except OSError:  # one of them does not exist (yet)
            pass
        try:
            if output.resolve() == f.resolve():
                return True
        except (OSError, RuntimeError):  # a loop of symbolic links: not the database, and writing it fails later
            pass
    return False


# ---------------------------------------------------------------- set-date


def cmd_set_date(db: Path, key: str, date: str) -> int:
    from model import dates
    from model.corpus import writer_lock

    value = None if date == "clear" else dates.parse_iso_day(date)
    if date != "clear" and value is None:
        return fail(f"'{date}' is not a date; give YYYY-MM-DD")
    if not db.exists():  # a writer's connect would create it: an empty database nobody asked for
        return fail(f"no database at {db}")
    with writer_lock.holding(db, _say_waiting(db)):
        return _set_date(db, key, value)


def _set_date(db: Path, key: str, value) -> int:
    from model import corrections
    from model.corpus import store

    try:
        conn = store.connect(db, progress=_upgrade_progress(db))
    except store.StoreError as e:
        return fail(str(e))
    except sqlite3.Error as e:  # e.g. a device, not a file: its schema cannot be written
        return fail(f"cannot change {db}: {_sqlite_reason(e)}")
    try:
        if not conn.execute("SELECT 1 FROM article WHERE key=?", (key,)).fetchone():
            return fail(f"no article '{key}' in {db}")
        n = corrections.set_published(conn, key, value)
    except corrections.CorrectionError as e:
        return fail(str(e))
    except sqlite3.Error as e:  # another writer's lock, a table missing: the one transaction changed nothing
        return fail(f"cannot change {db}: {_sqlite_reason(e)}; nothing was changed")
    finally:
        conn.close()
    say(f"set-date: {key} → {value or 'detected date'}; {n} relative dates resolved again", sys.stdout)
    return 0


# ---------------------------------------------------------------- repair


def cmd_repair(db: Path) -> int:
    """Rebuild what is derived corpus-wide (entity counts, aliases, labels, merged family names, the entity
    summaries) from the articles' own rows, and say what changed."""
    from model.corpus import writer_lock

    if not db.exists():
        return fail(f"no database at {db}")
    with writer_lock.holding(db, _say_waiting(db)):
        return _repair(db)


def _repair(db: Path) -> int:
    from model.corpus import staleness, store
    from model.corpus.entity_refresh import rebuild_entities
    from model.corpus.event_refresh import refresh_events
    from model.corpus.statement_refresh import refresh_statements
    from model.corpus.summary import summarise_all

    try:
        conn = store.connect(db, progress=_upgrade_progress(db))
    except store.StoreError as e:
        return fail(str(e))
    except sqlite3.Error as e:
        return fail(f"cannot repair {db}: {_sqlite_reason(e)}")
    from model.corpus.correction_apply import replay

    try:
        since = staleness.stale_since(conn)
        done = rebuild_entities(conn)
        with conn:  # the user's corrections, on the entities as rebuilt
            replay(conn)
        with conn:
            summarise_all(conn)
        refresh_events(conn, everything=True)
        refresh_statements(conn, everything=True)
        articles = conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    except sqlite3.Error as e:  # a full disk, another program's lock: each step is one transaction
        return fail(f"cannot repair {db}: {_sqlite_reason(e)}")
    finally:
        conn.close()
    state = f"stale since {since} (an ingest stopped before finishing)" if since else "not marked stale"
    say(
        f"repair: {db}: entity state was {state}; rebuilt for {done.entities} entities: {done.changed} changed, "
        f"{done.merged} family names merged, {done.dropped} left without mentions dropped; "
        f"entity summaries of {articles} articles redone",
        sys.stdout,
    )
    return 0


def _rebuild_if_stale(db: Path) -> str | None:
    """Before reading: if an ingest died before finishing the corpus-wide entity state, recount it (no spaCy:
    it is SQL over the stored rows); family names are merged by that ingest run again, or `repair`. Returns a
    one-line notice while something is still behind (merges pending, a read-only database, an ingest writing
    it now), else None."""
    from model.corpus import staleness, store, writer_lock

    try:
        with closing(store.connect(db, readonly=True)) as conn:
            parts = staleness.stale(conn)
    except (store.StoreError, sqlite3.Error):  # the command's own open says what is wrong
        return None
    if not parts:
        return None
    busy = f"an ingest is writing to {db}; entity counts and merges are complete when it finishes"
    if writer_lock.writer_active(db):
        return busy
    if staleness.COUNTS in parts:
        if not os.access(db, os.W_OK) or not os.access(db.parent, os.W_OK):
            return "corpus-wide entity state is stale; run `sinorus-tui repair`"
        with writer_lock.holding_if_free(db) as held:
            failed = _recount(db) if held else busy
        if failed:
            return failed
    return (
        "an ingest stopped before finishing: family names are merged across the corpus when it is run again "
        "to its end, or by `sinorus-tui repair`"
    )


def _recount(db: Path) -> str | None:
    """Every entity's counts, aliases and label from the stored rows (not the family-name merges); a notice when
    it cannot be done now."""
    from model.corpus import staleness, store
    from model.corpus.entity_refresh import rebuild_entities

    try:
        with closing(store.connect(db)) as conn:
            if staleness.COUNTS in staleness.stale(conn):  # (another writer may have done it meanwhile)
                say("sinorus-tui: an ingest stopped before finishing; recounting the corpus-wide entity state…")
                rebuild_entities(conn, merge=False)
    except (store.StoreError, sqlite3.Error) as e:
        return f"corpus-wide entity state is stale and could not be rebuilt now ({e}); run `sinorus-tui repair`"
    return None


# ---------------------------------------------------------------- browse


def _upgrade_progress(db: Path):
    """A `progress(done, total)` for a schema upgrade: a line on stderr every few seconds."""
    from model.corpus import store

    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if not last[0]:
            say(
                f"sinorus-tui: upgrading {db} to schema {store.SCHEMA_VERSION} (once: it adds the summaries and "
                f"indexes the browser reads): {total:,} articles",
                flush=True,
            )
            last[0] = now
        elif now - last[0] >= 3 or done == total:
            last[0] = now
            say(f"sinorus-tui: upgrading: {done:,}/{total:,} articles", flush=True)

    return report


def _upgrade(db: Path) -> None:
    """Bring an older database the browser can read up to the current schema before browsing,
    reporting progress. If it cannot be done now (another program is writing, the disk is full,
    ctrl+c), say so in one line and browse it as it is: nothing stored changes."""
    from model.corpus import store, writer_lock

    try:
        with writer_lock.holding_if_free(db) as held:
            if not held:
                say(f"sinorus-tui: could not upgrade {db} now (an ingest is writing it); browsing it as it is")
                return
            store.connect(db, progress=_upgrade_progress(db)).close()
    except KeyboardInterrupt:
        say(f"sinorus-tui: upgrade interrupted; {db} is unchanged and is browsed as it is")
    except (store.StoreError, sqlite3.Error) as e:
        say(f"sinorus-tui: could not upgrade {db} now ({e}); browsing it as it is")


def cmd_browse(db: Path, explicit: bool) -> int:
    from tui.terminal import why_it_cannot_draw

    if explicit and not db.exists():  # a typo, most likely: only the default corpus is made on first run
        return fail(f"no database at {db}; to make one: sinorus-tui ingest --db {db} FILE_OR_FOLDER…")
    why = why_it_cannot_draw()
    if why:  # before Textual starts: it would never draw there, and ignore q and ctrl+c
        return fail(why, EXIT_USAGE)
    if not db.exists():
        say(f"sinorus-tui: no database at {db}; building it from the bundled seed articles…")
        try:
            seeds = seeds_dir()
        except FileNotFoundError as e:
            return fail(str(e))
        code = cmd_ingest([str(seeds)], db)
        if code != 0:
            return code
    gc.disable()  # importing Textual makes ~500,000 long-lived objects and no garbage: no collections meanwhile
    try:
        from model.corpus import store
        from tui import app
    finally:
        gc.freeze()  # and none of them in later collections (see SinorusApp)
        gc.enable()

    try:  # another program's database, another schema version, a damaged file: one line, before any screen
        with closing(store.connect(db, readonly=True)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except store.StoreError as e:
        return fail(str(e))
    readonly = not os.access(db, os.W_OK) or not os.access(db.parent, os.W_OK)
    if not readonly and version < store.SCHEMA_VERSION:
        _upgrade(db)
    notice = _rebuild_if_stale(db)
    try:
        app.run(str(db), readonly=readonly, notices=(notice,) if notice else ())
    except Exception as e:  # the app reports its own errors; this catches a database it cannot open at all
        from model.corpus import store

        if isinstance(e, store.StoreError):
            return fail(str(e))
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
