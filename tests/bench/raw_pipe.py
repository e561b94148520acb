"""The baseline for ingest throughput: raw `nlp.pipe` of the same spaCy pipeline
(`model.parse.nlp.load()`, with our domain patterns) over the same texts, with the same
number of processes, and nothing else — no extraction, no SQLite.

    python -m tests.bench.raw_pipe FILE.jsonl --jobs N

Texts are read exactly as ingest reads them (`model.ingest.sources.read_all`), so both
parse the same strings. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time

T0 = time.perf_counter()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--jobs", type=int, required=True)
    ap.add_argument("--batch-size", type=int, default=None, help="default: the pipeline's own (nlp.batch_size)")
    args = ap.parse_args()

    from model.ingest import pool
    from model.ingest.sources import read_all
    from model.parse import nlp as nlp_mod
    from model.records import Article

    texts = [a.text for a in read_all([args.path]) if isinstance(a, Article)]
    t_read = time.perf_counter()
    nlp = nlp_mod.load()
    nlp.max_length = pool.CHUNK_CHARS + 10
    t_load = time.perf_counter()
    n_docs = n_tokens = 0
    kw = {"n_process": args.jobs}
    if args.batch_size:
        kw["batch_size"] = args.batch_size
    for doc in nlp.pipe(texts, **kw):
        n_docs += 1
        n_tokens += len(doc)
    t_end = time.perf_counter()
    print(
        json.dumps(
            {
                "docs": n_docs,
                "tokens": n_tokens,
                "words": sum(len(t.split()) for t in texts),
                "read_s": t_read - T0,
                "load_s": t_load - t_read,
                "pipe_s": t_end - t_load,
                "batch_size": kw.get("batch_size", nlp.batch_size),
                "n_process": args.jobs,
            }
        )
    )


if __name__ == "__main__":
    main()
