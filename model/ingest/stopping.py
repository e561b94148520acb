"""Stopping an ingest on a signal: SIGINT (ctrl+c) and SIGTERM alike, never in the middle of a write.

While an ingest runs, either signal raises `Stopped` in the main process, except inside `held()`
(an article being written): there it waits for the write to end, so an interrupted ingest keeps
whole articles only and resumes when run again. Pool workers fork with these handlers; a
worker that meets one dies as the signal's default would have it (the parent stops the pool).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(KeyboardInterrupt):
    """An ingest stopped by a signal; `signum` says which (exit code 128 + signum)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StopOnSignals:
    """For the duration of a `with`: SIGINT and SIGTERM raise `Stopped`, deferred inside `held()`.
    Outside the main thread (where Python cannot set handlers) it does nothing."""

    def __init__(self) -> None:
        self.depth = 0
        self.pending: int | None = None
        self.pid = os.getpid()
        self.previous: dict[int, object] = {}

    def __enter__(self) -> StopOnSignals:
        if threading.current_thread() is threading.main_thread():
            for s in SIGNALS:
                self.previous[s] = signal.signal(s, self._on_signal)
        return self

    def __exit__(self, *exc) -> None:
        for s, h in self.previous.items():
            signal.signal(s, h)
        self.previous.clear()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Signals arriving inside wait for its end (a write that must be whole)."""
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
        if not self.depth and self.pending is not None:
            raise Stopped(self.pending)

    def _on_signal(self, signum: int, frame) -> None:
        if os.getpid() != self.pid:  # a forked worker, before it set its own handlers: the default
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        if self.depth:
            if self.pending is None:
                self.pending = signum
            return
        raise Stopped(signum)
