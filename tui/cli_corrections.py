"""The `sinorus-tui corrections` and `sinorus-tui review` commands, and the copy an `export --uncorrected` reads.

Every line printed goes through `cli_io.say` (escaped), as the rest of the command line's.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from tui.cli_io import EXIT_USAGE, fail, say, say_waiting, sqlite_reason, write_file


def _open(db: Path, write: bool = False):
    """A connection to `db` (a writer's migrates it), or a one-line reason."""
    from model.corpus import store

    if not db.exists():
        return f"no database at {db}"
    try:
        return store.connect(db, readonly=not write)
    except store.StoreError as e:
        return str(e)
    except sqlite3.Error as e:
        return f"cannot open {db}: {sqlite_reason(e)}"


def cmd_corrections(db: Path, args) -> int:
    if args.action in ("list", "export"):
        conn = _open(db)
        if isinstance(conn, str):
            return fail(conn)
        with closing(conn):
            return _list(conn, args.orphaned) if args.action == "list" else _export(conn, args.output)
    from model.corpus import writer_lock

    if not db.exists():
        return fail(f"no database at {db}")
    with writer_lock.holding(db, say_waiting(db)):
        conn = _open(db, write=True)
        if isinstance(conn, str):
            return fail(conn)
        with closing(conn):
            try:
                return _import(conn, Path(args.file)) if args.action == "import" else _undo(conn, args.ids)
            except sqlite3.Error as e:
                return fail(f"cannot change {db}: {sqlite_reason(e)}; nothing was changed")


def _list(conn: sqlite3.Connection, orphaned_only: bool) -> int:
    from model.corpus import correction_store

    found = correction_store.every(conn, "status='orphaned'" if orphaned_only else "1")
    for c in found:
        status = "ORPHANED (its target is gone)" if c.status == correction_store.ORPHANED else c.status
        say(f"#{c.id}  {c.created[:10]}  {c.kind:<15}  {status}  {c.describe()}", sys.stdout)
    if not found:
        say("no orphaned corrections" if orphaned_only else "no corrections", sys.stdout)
    return 0


def _export(conn: sqlite3.Connection, output: str | None) -> int:
    from model.corpus import correction_store
    from model.corpus.export import json_line

    records = [c.record() for c in correction_store.every(conn)]

    def write(out) -> int:
        for r in records:
            out.write(json_line(r))
        return len(records)

    if output:
        try:
            n = write_file(Path(output), write)
        except OSError as e:
            return fail(f"cannot write {output}: {e.strerror or e}")
        say(f"corrections export: {n} corrections → {output}")
    else:
        write(sys.stdout)
    return 0


def _records(path: Path) -> Iterator[tuple[int, object]]:
    """(line number, parsed JSON) of each non-blank line; a line that is no JSON gives its error (a ValueError)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except ValueError as e:
                yield n, ValueError(f"not JSON ({e.msg})")


def _import(conn: sqlite3.Connection, path: Path) -> int:
    from model import corrections

    if not path.is_file():
        return fail(f"no file {path}")
    done = corrections.import_records(conn, list(_records(path)))
    for line in done.bad:
        say(f"skipped {path}: {line}")
    say(
        f"corrections import: {done.applied} applied, {done.orphaned} orphaned (target not in this corpus), "
        f"{done.present} already present, {len(done.bad)} skipped",
        sys.stdout,
    )
    return 0


def _undo(conn: sqlite3.Connection, ids: list[int]) -> int:
    from model import corrections

    code = 0
    for cid in ids:
        try:
            c = corrections.undo(conn, cid)
        except corrections.CorrectionError as e:
            code = fail(str(e))
            continue
        say(f"undone #{cid}: {c.describe()}", sys.stdout)
    return code


@contextmanager
def uncorrected_copy(db: Path):
    """A temporary copy of `db` with every correction undone (the extraction as found), or a one-line reason."""
    from model import corrections
    from model.corpus import correction_store

    conn = _open(db)
    if isinstance(conn, str):
        yield conn
        return
    if not correction_store.every(conn):  # nothing to undo: the database is the extraction as found
        conn.close()
        yield db
        return
    with tempfile.TemporaryDirectory(prefix="sinorus-uncorrected-") as tmp:
        copy = Path(tmp) / "copy.db"
        try:
            with closing(conn), closing(sqlite3.connect(copy)) as out:
                conn.backup(out)
            copied = _open(copy, write=True)
            if isinstance(copied, str):
                yield copied
                return
            with closing(copied):
                corrections.undo_all(copied)
        except (sqlite3.Error, OSError) as e:
            yield f"cannot make the uncorrected copy of {db}: {e}"
            return
        yield copy


# ---------------------------------------------------------------- review

KEYS = {"r": "right", "w": "wrong", "s": "skip", "q": "quit"}


def cmd_review(db: Path, seed: int, per_kind: int, kinds: str, report: bool) -> int:
    from model.corpus import review

    wanted = tuple(k.strip() for k in kinds.split(",") if k.strip())
    unknown = [k for k in wanted if k not in review.REVIEW_KINDS]
    if unknown:
        return fail(f"unknown kind {unknown[0]!r} (use {', '.join(review.REVIEW_KINDS)})", EXIT_USAGE)
    if per_kind < 1:
        return fail("--per-kind must be 1 or more", EXIT_USAGE)
    conn = _open(db, write=not report)
    if isinstance(conn, str):
        return fail(conn)
    with closing(conn):
        if not report:
            asked = run_review(conn, seed, per_kind, wanted, _ask)
            say(f"review: {asked} answered", sys.stdout)
        for f in review.figures(conn):
            say(f.line(), sys.stdout)
    return 0


def run_review(conn: sqlite3.Connection, seed: int, per_kind: int, kinds: tuple[str, ...], ask) -> int:
    """Ask `ask(item, n, total)` about each drawn item ('right', 'wrong', 'skip' or 'quit'); keep each answer."""
    from model.corpus import review

    items = review.draw(conn, seed, per_kind, kinds)
    if not items:
        say("review: nothing left to review in these kinds", sys.stdout)
    for n, item in enumerate(items, 1):
        said = ask(item, n, len(items))
        if said == "quit":
            return n - 1
        review.answer(conn, item, said, seed)
    return len(items)


def _ask(item, n: int, total: int) -> str:
    from model.corpus import review

    say("", sys.stdout)
    say(f"[{n}/{total}] {item.kind}: {review.QUESTIONS[item.kind]}", sys.stdout)
    say(f"  {item.claim}", sys.stdout)
    say(f"  {item.context}", sys.stdout)
    while True:
        key = _key("  right (r) / wrong (w) / skip (s) / quit (q)? ")
        if key in KEYS:
            return KEYS[key]
        if key == "":
            return "quit"  # the end of the input


def _key(prompt: str) -> str:
    """One key from a terminal (no Enter needed); a line's first letter from anything else ('' at its end)."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        sys.stdout.write("\n")
        return line.strip()[:1].lower() if line else ""
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        ch = os.read(fd, 1).decode("utf-8", "replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    sys.stdout.write(ch + "\n")
    return "q" if ch in ("\x03", "\x04") else ch.lower()
