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
    `on_wait()` once and wait for it (a signal's exception ends the wait). Where there can be no lock (a
    folder one may not write, a file system without locks) the writer goes on without: its own open of
    the database then says why it cannot write, or SQLite's own locking is all there is."""
    fd = _open(db)
    try:
        if fd is not None and not _take(fd, wait=True, on_wait=on_wait):
            os.close(fd)
            fd = None
        yield
    finally:
        _release(fd)


@contextmanager
def holding_if_free(db: str | os.PathLike) -> Iterator[bool]:
    """Hold the writer lock for the `with` if no one else does: yields whether it is held (False: a writer
    is at work, or there can be no lock)."""
    fd = _open(db)
    try:
        if fd is not None and not _take(fd, wait=False):
            os.close(fd)
            fd = None
        yield fd is not None
    finally:
        _release(fd)


def _take(fd: int, wait: bool, on_wait: Callable[[], None] | None = None) -> bool:
    """Lock `fd` exclusively; False when it is another's and `wait` is not asked, or locks do not work here."""
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                return False
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
    except BlockingIOError:
        return False
    except OSError:  # e.g. ENOLCK on a network file system
        return False
    _HELD.add(fd)
    return True


def _release(fd: int | None) -> None:
    if fd is not None:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


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
