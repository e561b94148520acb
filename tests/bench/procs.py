"""Process helpers on /proc: peak RSS and CPU time of a process tree, sampled while it runs."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field

_TICK = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def status_kb(pid: int | str, field_name: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) / _TICK  # utime + stime
    except (OSError, IndexError, ValueError):
        return None


@dataclass
class ProcInfo:
    pid: int
    role: str  # "main" or "worker"
    peak_rss_mb: float = 0.0
    cpu_s: float = 0.0


@dataclass
class TreeMonitor:
    """Samples a process tree every `interval` s: VmHWM (peak RSS) and CPU time of each process."""

    root: int
    interval: float = 0.2
    procs: dict[int, ProcInfo] = field(default_factory=dict)

    def __post_init__(self):
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> TreeMonitor:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        for pid in tree(self.root):
            hwm = status_kb(pid, "VmHWM")
            cpu = cpu_seconds(pid)
            if hwm is None or cpu is None:
                continue
            info = self.procs.setdefault(pid, ProcInfo(pid, "main" if pid == self.root else "worker"))
            info.peak_rss_mb = max(info.peak_rss_mb, hwm / 1024)
            info.cpu_s = max(info.cpu_s, cpu)

    def summary(self) -> dict:
        main = [p for p in self.procs.values() if p.role == "main"]
        workers = [p for p in self.procs.values() if p.role == "worker"]
        return {
            "main_peak_rss_mb": round(max((p.peak_rss_mb for p in main), default=0), 1),
            "main_cpu_s": round(sum(p.cpu_s for p in main), 1),
            "workers": len(workers),
            "worker_peak_rss_mb": round(max((p.peak_rss_mb for p in workers), default=0), 1),
            "worker_peak_rss_mb_each": [round(p.peak_rss_mb, 1) for p in workers],
            "workers_cpu_s": round(sum(p.cpu_s for p in workers), 1),
        }


def run_monitored(cmd: list[str], *, env=None, cwd=None, timeout: float | None = None) -> dict:
    """Run `cmd` to completion; wall time, exit code, output and the tree's peak RSS / CPU."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    mon = TreeMonitor(proc.pid).start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        mon.stop()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the whole tree: the child and every descendant it waited for (pool workers are joined)
    tree_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall_s": wall,
        "returncode": proc.returncode,
        "stdout": out,
        "stderr": err,
        "tree_cpu_s": tree_cpu,
        **mon.summary(),
    }
