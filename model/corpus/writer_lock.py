"""One writer at a time: an exclusive lock on a file beside the database.

SQLite serialises single transactions, not whole runs: two ingests interleaving their articles
each kept an entity cache the other made stale ("UNIQUE constraint failed: entity.canonical"),
and two creating a new database both created its tables ("table article already exists"). A
writer (ingest, set-date, repair, the corpus-wide rebuild) holds this lock from before it opens
the database until it has closed it; the next one waits.

`fcntl.flock` on `DB.lock`: the kernel releases it when its holder dies, even by SIGKILL, and it
is never taken over by the lock's holder's forked workers (they close their copy at fork).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_HELD: set[int] = set()  # descriptors of the locks this process holds


def _close_in_child() -> None:
    """A forked process (an ingest's pool worker) does not keep its parent's lock alive after the parent dies."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


def lock_path(db: str | os.PathLike) -> Path:
    return Path(f"{os.fspath(db)}.lock")


@contextmanager
def holding(db: str | os.PathLike, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of the database `db` for the `with`. When another process holds it, call
    `on_wait()` once and wait for it (a signal's exception ends the wait). A lock file that cannot be
    made (a folder one may not write) is no lock: the writer's own open then says why it cannot write."""
    fd = _open(db)
    if fd is None:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


@contextmanager
def holding_if_free(db: str | os.PathLike) -> Iterator[bool]:
    """Hold the writer lock for the `with` if no one else does: yields whether it is held (False: a writer
    is at work, or the lock file cannot be made)."""
    fd = _open(db)
    if fd is None:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        _HELD.add(fd)
        yield True
    finally:
        _HELD.discard(fd)
        os.close(fd)


def writer_active(db: str | os.PathLike) -> bool:
    """Whether a writer holds the lock of `db` now (for a reader's notice; it takes nothing)."""
    try:
        fd = os.open(lock_path(db), os.O_RDONLY | os.O_CLOEXEC)
    except OSError:  # no lock file: no writer ever ran here (or one we cannot see)
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _open(db: str | os.PathLike) -> int | None:
    """The lock file's descriptor, or None where there is to be none: beside a device, a pipe or a folder
    (the writer refuses those itself), or where it cannot be made."""
    if os.path.lexists(db) and not os.path.isfile(db):
        return None
    path = lock_path(db)
    if path.parent and not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError:
        return None
