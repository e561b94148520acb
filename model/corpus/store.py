"""Opening the database: create or migrate it for a writer, open it read-only for a reader.

One file anyone can open in other tools. WAL lets the TUI read while ingest writes. The schema
and its migrations are in `model.corpus.schema`, writes in `model.corpus.write`, the corpus-wide
entity refresh in `model.corpus.entity_refresh`, the user's corrections in `model.corpus.correction_store`.
The read side (`model.corpus.query`) uses bare sqlite3 so the TUI starts without sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from model.corpus.errors import StoreError
from model.corpus.schema import READABLE_VERSIONS, SAID_ON_VERSION, SCHEMA_VERSION, SUMMARY_VERSION, migrate

BUSY_TIMEOUT_MS = 10_000  # how long a statement waits for another writer's lock before "database is locked"

__all__ = [
    "READABLE_VERSIONS",
    "SAID_ON_VERSION",
    "SCHEMA_VERSION",
    "SUMMARY_VERSION",
    "StoreError",
    "connect",
    "open_readonly",
]


def connect(
    path: str | os.PathLike, *, readonly: bool = False, progress: Callable[[int, int], None] | None = None
) -> sqlite3.Connection:
    """Open (and for writers, create or migrate) the database at `path`. A migration that
    has work to do reports `progress(done, total)` as it goes."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    conn = _open_for_reading(path) if readonly else _open_for_writing(path)
    conn.row_factory = sqlite3.Row
    version = _configure(conn, path, readonly)
    if readonly:
        _check_readable(conn, path, version)
        return conn
    migrate(conn, path, progress)
    return conn


def _open_for_reading(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise StoreError(f"no database at {path}")
    return open_readonly(path)


def _open_for_writing(path: Path) -> sqlite3.Connection:
    if path.parent and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create folder {path.parent}: {e.strerror}") from None
    why = _unwritable(path)
    if why:
        raise StoreError(f"cannot write {path}: {why}")
    try:
        return sqlite3.connect(path, check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open {path}: {e}") from None


def _configure(conn: sqlite3.Connection, path: Path, readonly: bool) -> int:
    """The connection's pragmas (WAL for writers); returns the schema version."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path} is not a sinorus-tui database (or is corrupt): {e}") from None
    return version


def _check_readable(conn: sqlite3.Connection, path: Path, version: int) -> None:
    if version == 0:
        conn.close()
        raise StoreError(f"{path} is not a sinorus-tui database (no schema version)")
    if version not in READABLE_VERSIONS:
        conn.close()
        raise StoreError(f"{path} has schema version {version}; this sinorus-tui reads version {SCHEMA_VERSION}")


def _unwritable(path: Path) -> str | None:
    """Why a writer cannot use `path`, in words, or None. SQLite writes `NAME-wal` and
    `NAME-shm` beside the database, so its folder must be writable too."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not path.is_file():  # SQLite would write NAME-journal beside a device, e.g. /dev/null
        return NOT_REGULAR
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only (browsing and export still work)"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only (SQLite needs to write {path.name}-wal beside the database)"
    return None


NOT_REGULAR = "not a regular file (a device, a pipe or a socket)"


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection. The path is quoted for the URI (a name may hold '?', '#' or '%'). Only a
    regular file is opened: SQLite would wait for ever on a named pipe's writer."""
    from urllib.parse import quote

    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is {NOT_REGULAR}")
    uri = "file:" + quote(str(path.absolute())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            # A WAL database in a folder we cannot write gets no -shm index; nobody can be
            # writing it there either (no -wal), so it is read as immutable.
            if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
                conn.close()
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
        except sqlite3.DatabaseError:
            pass  # not a database: the caller's first statement says so
    except sqlite3.Error as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    return conn
