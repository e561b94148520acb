"""What every command of the command line prints and writes with: one safe line, a failure's exit code, a file
replaced only once complete, SQLite's reason in words.

Every line printed goes through `say`: a file name, a key or a reason can neither drive the
terminal nor forge a line (controls, bidi and newlines are shown escaped).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from contextlib import suppress
from pathlib import Path

from model.unsafe import one_line

EXIT_USAGE, EXIT_FAIL, EXIT_INTERRUPTED = 2, 1, 130


def say(line: str, out=None, flush: bool = False) -> None:
    """Print one line for a person to read (standard error unless `out`), made safe: every control,
    bidi or line-breaking character in it is shown escaped (`\\x1b`, `\\n`, `\\u202e`)."""
    print(one_line(line), file=out or sys.stderr, flush=flush)


def fail(msg: str, code: int = EXIT_FAIL) -> int:
    say(f"sinorus-tui: {msg}")
    return code


def say_waiting(db: Path):
    """What a writer calls when another holds the database: one line, then it waits."""
    return lambda: say(f"sinorus-tui: another ingest is writing to {db}; waiting…", flush=True)


def write_file(output: Path, write) -> int:
    """Run `write(file)` into a temporary file beside `output`, renamed over it once complete: an export that
    fails or is interrupted leaves `output` as it was (no empty or partial file). Something other than a
    regular file (/dev/null, a FIFO, a terminal) is written in place."""
    import tempfile

    target = Path(os.path.realpath(output))  # through a symbolic link: the file it points at is replaced
    if target.is_symlink():  # still a link: a loop of them
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8", newline="") as f:
            return write(f)
    if target.exists():
        mode = target.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            n = write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    return n


def sqlite_reason(e: sqlite3.Error) -> str:
    """SQLite's own words for why a statement failed, with what to do where there is something to do."""
    msg = str(e) or type(e).__name__
    if "database is locked" in msg:
        return f"{msg} (another program is writing it; try again when it has finished)"
    return msg
