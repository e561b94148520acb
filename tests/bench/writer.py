"""`python -m tests.bench.writer`: the records/s one SQLite writer sustains, fed precomputed records.

Figures per CPU second as well as per second: on a shared machine the wall clock measures the others' load.
A sample of Reuters records is read and parsed once (in this process); then copies of them under new keys
are handed to the ingest's own writer (`pipeline._Run.store`: the stored-version look-up, the per-article
transaction, the counts) as a cluster's client receives them, timed; then the end of the run (entity and
event refresh), timed apart. Also the client's reading side: reading the records file and judging each
record (`RunKeys`), as a client that reads and sends does. One JSON line on stdout.

    python -m tests.bench.writer --sample 200 --records 10000
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from pathlib import Path

from model.corpus import store
from model.ingest import pipeline, pool
from model.ingest.dedupe import RunKeys
from model.ingest.progress import Summary
from model.ingest.sources import read_all
from model.ingest.stopping import StopOnSignals

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "reuters21578.jsonl"


def _sample(corpus: Path, n: int, work: Path) -> Path:
    lines = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                lines.append(line)
            if len(lines) == n:
                break
    out = work / "sample.jsonl"
    out.write_text("".join(lines), encoding="utf-8")
    return out


def _copies(results: pool.Results, records: int):
    """`records` results: copies of the parsed sample under new keys, in batches of the sample's size."""
    made = 0
    copy = 0
    while made < records:
        batch = []
        for art, ext, err in results[: records - made]:
            batch.append((dataclasses.replace(art, key=f"{art.key}~{copy}"), ext, err))
        made += len(batch)
        copy += 1
        yield batch


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.writer", description=__doc__)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--sample", type=int, default=200, help="records parsed once")
    ap.add_argument("--records", type=int, default=10_000, help="records written")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = _sample(Path(args.corpus), args.sample, work)
        arts = [a for a in read_all([str(sample)]) if hasattr(a, "text")]
        pool.load_worker_model()
        cpu = time.process_time()
        results = pool.process_batch(arts, seconds=None)
        parse_cpu = time.process_time() - cpu
        conn = store.connect(work / "w.db")
        summary = Summary()
        with RunKeys(conn) as keys, StopOnSignals() as stop:
            run = pipeline._Run(conn, summary, keys, stop, None, time.monotonic())
            run.start()
            t, cpu = time.perf_counter(), time.process_time()
            for batch in _copies(results, args.records):
                run.store(batch)
            write_s, write_cpu = time.perf_counter() - t, time.process_time() - cpu
            t, cpu = time.perf_counter(), time.process_time()
            pipeline._refresh(conn, run.cache.touched)
            pipeline.refresh_events(conn)
            finish_s, finish_cpu = time.perf_counter() - t, time.process_time() - cpu
        conn.close()
        big = work / "big.jsonl"  # the reading side: the sample re-keyed to `records` lines
        text = sample.read_text(encoding="utf-8").splitlines()
        with open(big, "w", encoding="utf-8") as f:
            for i in range(args.records):
                rec = json.loads(text[i % len(text)])
                rec["id"] = f"{rec.get('id')}~{i}"
                f.write(json.dumps(rec) + "\n")
        conn = store.connect(work / "r.db")
        with RunKeys(conn) as keys, StopOnSignals() as stop:
            run = pipeline._Run(conn, Summary(), keys, stop, None, time.monotonic())
            t, cpu = time.perf_counter(), time.process_time()
            taken = sum(1 for _ in run.to_parse(read_all([str(big)])))
            read_s, read_cpu = time.perf_counter() - t, time.process_time() - cpu
        conn.close()
    words = summary.words
    print(
        json.dumps(
            {
                "sample": len(arts),
                "records": summary.new,
                "words": words,
                "parse_articles_per_cpu_s": len(arts) / parse_cpu,
                "write_s": write_s,
                "write_cpu_s": write_cpu,
                "write_records_per_s": summary.new / write_s,
                "write_records_per_cpu_s": summary.new / write_cpu,
                "write_words_per_cpu_s": words / write_cpu,
                "finish_s": finish_s,
                "finish_cpu_s": finish_cpu,
                "read_and_judge_records": taken,
                "read_and_judge_records_per_s": taken / read_s,
                "read_and_judge_records_per_cpu_s": taken / read_cpu,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
