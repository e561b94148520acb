"""Read-only files and folders that hold even when the tests run as root.

Root ignores file modes, so there the test drops to the `nobody` user for the block
(real and effective ids; the saved id stays 0, so it can come back). Everything the block
runs must already be imported: the interpreter's standard library may sit under /root.
A non-root user just gets the modes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

NOBODY = 65534


@contextlib.contextmanager
def world_dir():
    """A temporary folder anyone can enter (pytest's tmp_path is private to its user)."""
    d = Path(tempfile.mkdtemp(prefix="sinorus-ro-"))
    d.chmod(0o777)
    try:
        yield d
    finally:
        for p in (d, *d.rglob("*")):
            with contextlib.suppress(OSError):
                p.chmod(p.stat().st_mode | stat.S_IWUSR | stat.S_IXUSR | stat.S_IRUSR)
        shutil.rmtree(d, ignore_errors=True)


@contextlib.contextmanager
def unprivileged():
    """Run the block as an ordinary user, so file modes apply."""
    if os.geteuid() != 0:
        yield
        return
    try:
        os.setresgid(NOBODY, NOBODY, 0)
        os.setresuid(NOBODY, NOBODY, 0)
    except PermissionError:  # a sandbox without CAP_SETUID: modes cannot be made to apply
        os.setresgid(0, 0, 0)
        pytest.skip("running as root without the right to become another user")
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
        os.setresgid(0, 0, 0)
