"""Start-up time, process start to first frame with the expected content, in a pty.

Both programs run the same way: spawned in a pseudo-terminal of a fixed size, their
output fed to a minimal screen emulator (cursor moves and text; styles ignored), and
timed until a predicate on the screen holds. Then `q` is sent (SIGTERM after 5 s).
No hook in the app is needed.

Both are timed as installed: `compile_checkout` byte-compiles a checkout first, as pip does on install
(the bench's `main` compiles model/ and tui/ before its phases). Textual's own modules are compiled in
site-packages; with PYTHONDONTWRITEBYTECODE set (as in this project's shell) and no current .pyc, every
run of the app would compile its own ~60 modules from source, ~100 ms the bare app never pays.
"""

from __future__ import annotations

import compileall
import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import termios
import time
import unicodedata
from collections.abc import Callable

_CSI = re.compile(r"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])")
_OSC = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_ESC2 = re.compile(r"\x1b[()][0-9A-Za-z]|\x1b[=>78cDEHMNOZ\\]")


class Screen:
    """Just enough of a terminal for Textual's output: CUP/CHA/VPA/CUF/EL/ED, CR/LF/BS, text."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self._pending = ""
        self.in_sync = False  # inside a synchronized update (?2026h … ?2026l): a frame half drawn

    def feed(self, data: str) -> None:
        data = self._pending + data
        self._pending = ""
        i, n = 0, len(data)
        while i < n:
            ch = data[i]
            if ch == "\x1b":
                m = _CSI.match(data, i) or None
                if m:
                    self._csi(m.group(1), m.group(3))
                    i = m.end()
                    continue
                m = _OSC.match(data, i) or _ESC2.match(data, i)
                if m:
                    i = m.end()
                    continue
                if n - i < 64:  # an incomplete sequence: wait for more
                    self._pending = data[i:]
                    return
                i += 1
                continue
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self.y = min(self.y + 1, self.rows - 1)
            elif ch == "\b":
                self.x = max(0, self.x - 1)
            elif ch >= " " and ch != "\x7f":
                w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
                if unicodedata.combining(ch):
                    w = 0
                if w and 0 <= self.y < self.rows and self.x < self.cols:
                    self.grid[self.y][self.x] = ch
                    if w == 2 and self.x + 1 < self.cols:
                        self.grid[self.y][self.x + 1] = ""
                self.x += w
            i += 1

    def _csi(self, params: str, final: str) -> None:
        if params.startswith(("?", ">", "<", "=")):
            if params == "?2026" and final in "hl":
                self.in_sync = final == "h"
            return
        ps = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        p1 = ps[0] if ps else 0
        if final in "Hf":
            self.y = max(0, min((p1 or 1) - 1, self.rows - 1))
            self.x = max(0, min(((ps[1] if len(ps) > 1 else 0) or 1) - 1, self.cols - 1))
        elif final == "G":
            self.x = max(0, min((p1 or 1) - 1, self.cols - 1))
        elif final == "d":
            self.y = max(0, min((p1 or 1) - 1, self.rows - 1))
        elif final == "C":
            self.x = min(self.cols - 1, self.x + (p1 or 1))
        elif final == "D":
            self.x = max(0, self.x - (p1 or 1))
        elif final == "A":
            self.y = max(0, self.y - (p1 or 1))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + (p1 or 1))
        elif final == "K":
            row = self.grid[self.y]
            a, b = {0: (self.x, self.cols), 1: (0, self.x + 1), 2: (0, self.cols)}.get(p1, (0, 0))
            for j in range(a, min(b, self.cols)):
                row[j] = " "
        elif final == "J" and p1 in (2, 3):
            self.grid = [[" "] * self.cols for _ in range(self.rows)]

    def text(self) -> str:
        return "\n".join("".join(r) for r in self.grid)


def app_ready_for(db) -> tuple[int, Callable[[str], bool]]:
    """How many articles `db` holds, and when the app's first screen is ready on it: the Articles pane has its
    count and first row, and the reader shows that article (its title is the reader's border title too, so it is
    on screen twice)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    total = conn.execute("SELECT count(*) FROM article").fetchone()[0]
    newest = conn.execute("SELECT title FROM article ORDER BY published DESC, id DESC LIMIT 1").fetchone()
    conn.close()
    count_text, title = f"Articles {total:,}", ((newest[0] if newest else None) or "")[:16]
    return total, lambda screen: count_text in screen and "─ Reader ─" not in screen and screen.count(title) >= 2


def compile_checkout(root) -> None:
    """Byte-compile the modules a start-up imports from the checkout at `root` (the app's and the bare app's),
    so that no run compiles them from source; up-to-date .pyc files are left as they are."""
    for part in ("tui", "model", "tests/bench"):
        if not compileall.compile_dir(os.path.join(root, part), quiet=2):
            raise SystemExit(f"cannot byte-compile {root}/{part}")
    compileall.compile_file(os.path.join(root, "tests", "__init__.py"), quiet=2)


def time_to_frame(
    cmd: list[str],
    ready: Callable[[str], bool],
    *,
    size=(120, 35),
    timeout: float = 60,
    env: dict | None = None,
    cwd: str | None = None,
    marks: dict[str, Callable[[str], bool]] | None = None,
) -> dict:
    """Seconds from spawning `cmd` in a pty until `ready(screen_text)` is true; and, for each of `marks`,
    until it first held (e.g. the first frame of any kind). `cpu_seconds`: the CPU time the process had used
    by then, all its threads (None where /proc does not say): on a loaded machine the wall time measures the
    other programs too, the CPU time mostly this one."""
    cols, rows = size
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    e = dict(os.environ if env is None else env)
    e.update({"TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows), "COLORTERM": "truecolor"})
    e.pop("TEXTUAL", None)
    screen = Screen(cols, rows)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=slave, stdout=slave, stderr=slave, env=e, cwd=cwd, start_new_session=True, close_fds=True
    )
    os.close(slave)
    elapsed = cpu = None
    nbytes = 0
    seen: dict[str, float] = {}
    try:
        while time.perf_counter() - t0 < timeout:
            r, _, _ = select.select([master], [], [], 0.5)
            if master in r:
                try:
                    data = os.read(master, 1 << 16)
                except OSError:
                    break
                if not data:
                    break
                nbytes += len(data)
                screen.feed(data.decode("utf-8", "replace"))
                if screen.in_sync:
                    continue
                text = screen.text()
                for name, pred in (marks or {}).items():
                    if name not in seen and pred(text):
                        seen[name] = time.perf_counter() - t0
                if ready(text):
                    elapsed = time.perf_counter() - t0
                    cpu = cpu_seconds(proc.pid)
                    break
            elif proc.poll() is not None:
                break
    finally:
        try:
            os.write(master, b"q")
        except OSError:
            pass
        try:
            deadline = time.time() + 5
            while proc.poll() is None and time.time() < deadline:
                select.select([master], [], [], 0.1) and _drain(master)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            proc.wait()
        os.close(master)
    return {
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "marks": seen,
        "bytes": nbytes,
        "screen": screen.text(),
        "returncode": proc.returncode,
    }


def cpu_seconds(pid: int) -> float | None:
    """The CPU time process `pid` has used so far, summed over its threads (Linux's per-thread schedstat, in ns:
    finer than the clock ticks of /proc/PID/stat), or None without /proc."""
    tasks = f"/proc/{pid}/task"
    if not os.path.isdir(tasks):
        return None
    ns = 0
    for tid in os.listdir(tasks):
        try:
            with open(f"{tasks}/{tid}/schedstat") as f:
                ns += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):  # a thread that ended meanwhile
            continue
    return ns / 1e9


def _drain(fd: int) -> None:
    try:
        os.read(fd, 1 << 16)
    except OSError:
        pass
