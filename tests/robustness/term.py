"""Run a command in a real pseudo-terminal and keep every byte it writes.

The app then runs with Textual's real Linux driver, exactly as over SSH, and the
tests assert on what reaches the terminal, not on widget state. `sequences`
splits the output into escape sequences and text the way a terminal would.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import threading
import time


class Pty:
    def __init__(
        self, argv: list[str], *, size: tuple[int, int] = (100, 30), env: dict | None = None, cwd: str | None = None
    ) -> None:
        self.master, slave = os.openpty()
        self._winsize(slave, size)
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.out = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @staticmethod
    def _winsize(fd: int, size: tuple[int, int]) -> None:
        cols, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO once the child closed the terminal
                return
            if not data:
                return
            with self._lock:
                self.out += data

    def mark(self) -> int:
        with self._lock:
            return len(self.out)

    def text(self, since: int = 0) -> str:
        with self._lock:
            return bytes(self.out[since:]).decode("utf-8", "replace")

    def wait_for(self, predicate, timeout: float = 30.0, since: int = 0, what: str = "") -> str:
        """Poll until `predicate(output text since mark)` holds; the text. Fails with the tail of the output."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text(since)
            if predicate(text):
                return text
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"the app exited ({self.proc.returncode}) waiting for {what}:\n{visible(self.text())[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}:\n{visible(text)[-2000:]}")
            time.sleep(0.02)  # polling interval, not a wait for the app

    def send(self, data: str) -> None:
        os.write(self.master, data.encode())

    def resize(self, size: tuple[int, int]) -> None:
        self._winsize(self.master, size)
        os.killpg(self.proc.pid, signal.SIGWINCH)

    def close(self, timeout: float = 10.0) -> int | None:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            return self.proc.wait(5)
        finally:
            self._reader.join(2)
            os.close(self.master)


# ---------------------------------------------------------------- what a terminal makes of the bytes

_SEQ = re.compile(
    r"\x1b\[(?P<csi>[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e])"  # CSI params intermediates final
    r"|\x1b\](?P<osc>[^\x07\x1b]*)(?:\x07|\x1b\\)"  # OSC ... BEL or ST
    r"|\x1bP(?P<dcs>.*?)\x1b\\"  # DCS ... ST
    r"|\x1b(?P<esc>[\x20-\x7e])",  # any other two-character escape
    re.S,
)


def sequences(text: str) -> tuple[list[tuple[str, str]], str]:
    """([(kind, body)] for every escape sequence, the text between them joined)."""
    seqs, parts, pos = [], [], 0
    for m in _SEQ.finditer(text):
        parts.append(text[pos : m.start()])
        kind = m.lastgroup
        seqs.append((kind, m.group(kind)))
        pos = m.end()
    parts.append(text[pos:])
    return seqs, "".join(parts)


def visible(text: str) -> str:
    """The output with escape sequences dropped (for messages)."""
    return sequences(text)[1]
