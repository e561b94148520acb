"""The ingest's main-process memory over time, on a big JSONL made by re-keying Reuters records (issue 21).

    python tests/tools/ingest_rss.py --records 6000 [--max-chars 400] [--seconds 240] [--cluster local:2]

Writes `--records` records (the Reuters records, cycled, each under a new id; with `--max-chars` only those
that short, so that parsing goes faster) to a JSONL file, runs `sinorus-tui ingest` on it (the real one:
reading, spaCy, writing) and samples the main process's RSS every second, and the articles stored every
five; with `--seconds` the ingest is stopped (SIGTERM: it stops after the article it writes) then.
One JSON line on stdout: the samples, the peak, and the RSS at each quarter of the run.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def make_input(path: Path, records: int, max_chars: int | None) -> int:
    base = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if (
                line.strip()
                and (rec := json.loads(line)).get("text")
                and (not max_chars or len(rec["text"]) <= max_chars)
            ):
                base.append(rec)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(records):
            rec = dict(base[i % len(base)], id=f"re{i}")
            out.write(json.dumps(rec) + "\n")
    return path.stat().st_size


def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, required=True)
    ap.add_argument("--max-chars", type=int)
    ap.add_argument("--seconds", type=float, help="stop the ingest after this long")
    ap.add_argument("--cluster")
    ap.add_argument("--root", default=str(ROOT), help="the checkout to run (e.g. an older one, to compare)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "big.jsonl", Path(tmp) / "c.db"
        size = make_input(src, args.records, args.max_chars)
        cmd = [sys.executable, "-m", "tui.cli", "ingest", "--db", str(db), str(src)]
        if args.cluster:
            cmd += ["--cluster", args.cluster]
        env = dict(os.environ, PYTHONPATH=args.root)
        t0 = time.monotonic()
        proc = subprocess.Popen(
            cmd, cwd=args.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        samples = []
        while proc.poll() is None:
            t = time.monotonic() - t0
            mb = rss_mb(proc.pid)
            if mb is not None:
                samples.append([round(t, 1), round(mb, 1), stored(db) if len(samples) % 5 == 0 else None])
            if args.seconds and t > args.seconds:
                proc.send_signal(signal.SIGTERM)
                break
            time.sleep(1)
        out, _ = proc.communicate()
        last = stored(db)
    peak = max(s[1] for s in samples)
    quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)][1] for q in (1, 2, 3)] + [samples[-1][1]]
    print(
        json.dumps(
            {
                "records": args.records,
                "input_mb": round(size / 1048576, 1),
                "seconds": round(time.monotonic() - t0, 1),
                "stored": last,
                "peak_rss_mb": peak,
                "rss_at_quarters_mb": quarters,
                "summary": out.strip().splitlines()[-1] if out.strip() else "",
                "samples": samples,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
