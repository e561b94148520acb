"""How fast `sinorus-tui merge` copies parts, in CPU and wall time, the copy and the corpus-wide refresh apart.

    python -m tests.tools.merge_bench OUT.db PART.db [PART.db ...]

OUT is made (an existing one is replaced). Prints one JSON object: articles copied, CPU and wall seconds of the
copy and of the refresh, and the copy's rate in articles per CPU second (the figure to hold against an ingest's
writer: records per CPU second, docs/performance.md).
"""

from __future__ import annotations

import json
import os
import sys
import time

from model.ingest import merge


def _remove(path: str) -> None:
    for side in ("", "-wal", "-shm"):
        if os.path.exists(path + side):
            os.unlink(path + side)


def bench(out: str, parts: list[str]) -> dict:
    _remove(out)
    marks: dict[str, tuple[float, float]] = {}
    start = (time.process_time(), time.monotonic())

    def progress(p: merge.MergeProgress) -> None:
        if p.phase == "finishing":
            marks["copied"] = (time.process_time(), time.monotonic())

    summary = merge.merge(out, parts, progress=progress)
    end = (time.process_time(), time.monotonic())
    copied = summary.added + summary.replaced
    copy_cpu, copy_wall = (marks["copied"][i] - start[i] for i in (0, 1))
    return {
        "articles": copied,
        "copy_cpu_s": round(copy_cpu, 2),
        "copy_wall_s": round(copy_wall, 2),
        "refresh_cpu_s": round(end[0] - marks["copied"][0], 2),
        "refresh_wall_s": round(end[1] - marks["copied"][1], 2),
        "copy_articles_per_cpu_s": round(copied / copy_cpu) if copy_cpu else None,
        "all_articles_per_cpu_s": round(copied / (end[0] - start[0])) if end[0] > start[0] else None,
        "load": os.getloadavg()[0],
    }


if __name__ == "__main__":
    print(json.dumps(bench(sys.argv[1], sys.argv[2:])))
