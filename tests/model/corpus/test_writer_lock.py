"""The writer lock: exclusive across processes and within one, free when its holder dies or forks."""

from __future__ import annotations

import os
import subprocess
import sys

from model.corpus import writer_lock


def test_the_lock_of_a_writer_that_died_is_free(tmp_path):
    """flock: the kernel drops it with its holder's last descriptor, whatever killed the holder."""
    db = tmp_path / "dead.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import fcntl, os, sys; fd = os.open({str(db) + '.lock'!r}, os.O_RDWR | os.O_CREAT); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "held\n"
    assert writer_lock.writer_active(db)
    holder.kill()
    holder.wait()
    assert not writer_lock.writer_active(db)
    with writer_lock.holding_if_free(db) as held:
        assert held


def test_a_second_writer_in_one_process_waits_too(tmp_path):
    """Each holder opens the lock file anew, so two in one process exclude each other as well."""
    db = tmp_path / "one.db"
    with writer_lock.holding(db):
        with writer_lock.holding_if_free(db) as held:
            assert not held
    with writer_lock.holding_if_free(db) as held:
        assert held


def test_a_forked_worker_does_not_keep_the_lock(tmp_path):
    """An ingest's pool workers are forked while it holds the lock; killed with SIGKILL, the ingest leaves
    them behind, and they must not keep the next writer waiting."""
    db = tmp_path / "forked.db"
    ready_r, ready_w = os.pipe()
    stop_r, stop_w = os.pipe()
    with writer_lock.holding(db):
        pid = os.fork()
        if pid == 0:  # the worker: says it is alive, then waits to be told to go
            os.write(ready_w, b"x")
            os.read(stop_r, 1)
            os._exit(0)
        assert os.read(ready_r, 1) == b"x"
    try:
        assert not writer_lock.writer_active(db)  # the parent let go; the worker, still alive, holds nothing
    finally:
        os.write(stop_w, b"x")
        os.waitpid(pid, 0)
        for fd in (ready_r, ready_w, stop_r, stop_w):
            os.close(fd)


def test_no_lock_file_beside_a_device_or_a_folder(tmp_path):
    with writer_lock.holding_if_free(tmp_path) as held:
        assert not held
    assert not (tmp_path.parent / f"{tmp_path.name}.lock").exists()
    with writer_lock.holding("/dev/null"):  # the writer's own open says why it cannot write there
        pass
    assert not os.path.exists("/dev/null.lock")
