#!/usr/bin/env python3
"""Kill an ingest at random moments, resume it, and compare every export with a clean ingest's.

  PYTHONPATH=$PWD python tests/tools/kill_resume.py [--runs 20] [--seed 1] [--big] [--keep DIR]

Each run ingests the same input into a new database, SIGKILLs the ingest's main process at a
point chosen by a seeded RNG (after k committed articles, or in the corpus-wide step), runs the
same command again to its end, and compares the five JSONL exports with those of one clean
ingest. Runs alternate -j 1 and -j 2. The small set is 60 made-up articles
(`tests/robustness/killing.py`); `--big` adds the bundled seeds and 200 Reuters records
(../shared/corpora/reuters21578.jsonl). Prints a line a run and "N runs, M identical".
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.robustness import killing  # noqa: E402
from tests.robustness.corpus import exports  # noqa: E402

REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def inputs(work: Path, big: bool) -> tuple[list[str], int]:
    """The paths to ingest and how many articles they hold."""
    paths, n = [str(killing.make_corpus(work / "made-up", 60))], 60
    if big:
        reuters = work / "reuters.jsonl"
        with open(REUTERS, encoding="utf-8") as src, open(reuters, "w", encoding="utf-8") as out:
            out.writelines(itertools.islice(src, 200))
        paths += [str(ROOT / "seeds"), str(reuters)]
        n += 200 + len(list((ROOT / "seeds").iterdir()))
    return paths, n


def _left(db: Path) -> str:
    """What the kill left: the corpus-wide state marked stale (the rebuild is exercised) or whole."""
    from contextlib import closing

    from model.corpus import staleness, store

    try:
        with closing(store.connect(db, readonly=True)) as conn:
            return "left stale" if staleness.stale(conn) else "left whole"
    except store.StoreError:
        return "no database yet"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big", action="store_true", help="add the seeds and 200 Reuters records")
    ap.add_argument("--keep", metavar="DIR", help="work here (kept) instead of a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        paths, n = inputs(work, args.big)
        clean = killing.ingest(paths, work / "clean.db", 2)
        if clean.returncode != 0:
            print(clean.stderr, file=sys.stderr)
            return 1
        want = exports(work / "clean.db")
        print(f"clean ingest: {clean.stdout.strip()}")
        rng = random.Random(args.seed)
        identical = landed = 0
        for run, kill in enumerate(killing.random_kills(rng, n, args.runs)):
            jobs = 1 + run % 2
            db = work / f"run{run}.db"
            t0 = time.monotonic()
            at = killing.killed(paths, db, jobs, kill, work / f"run{run}.log")
            left = _left(db)
            differ = killing.resume_and_compare(paths, db, jobs, want)
            identical += not differ
            landed += at >= 0
            where = f"{at} articles stored, {left}" if at >= 0 else "ingest ended first"
            print(
                f"run {run + 1:2d}: -j {jobs}, killed {kill} ({where}); resumed: "
                f"{'identical' if not differ else 'DIFFERENT: ' + ', '.join(differ)} ({time.monotonic() - t0:.0f} s)",
                flush=True,
            )
        print(f"{args.runs} runs ({landed} killed mid-ingest), {identical} identical")
        return 0 if identical == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
