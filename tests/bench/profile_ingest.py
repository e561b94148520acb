"""Where ingest time goes beyond spaCy, on a sample, in one process:

    python -m tests.bench.profile_ingest FILE.jsonl [--sample N]

Times, for the same articles: reading (model.ingest.sources), `nlp.pipe` (one process),
each extraction function (wrapped in place, so `extraction.extract` runs unchanged),
pickling the results (what the worker pool sends back), `write.write_article`
into a fresh database, and `entity_refresh.refresh_entities`. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import pickle
import tempfile
import time
from collections import defaultdict

TIMES: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        t = time.perf_counter()
        try:
            return fn(*a, **kw)
        finally:
            TIMES[name] += time.perf_counter() - t
            CALLS[name] += 1

    return wrapper


def _wrap(module, names: list[str], prefix: str) -> list[str]:
    done = []
    for n in names:
        fn = getattr(module, n, None)
        if callable(fn):
            setattr(module, n, _timed(f"{prefix}.{n}", fn))
            done.append(f"{prefix}.{n}")
    return done


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--sample", type=int, default=300)
    args = ap.parse_args()

    from model.corpus import entity_refresh, store, write
    from model.extract import entities
    from model.ingest import extraction, pool
    from model.ingest.sources import read_all
    from model.parse import nlp as nlp_mod
    from model.records import Article

    wrapped = _wrap(entities, ["resolve_mentions", "acronym_aliases"], "model.extract.entities")
    try:
        from model.extract import timeline
        from model.extract.quotes import extractor as quotes

        wrapped += _wrap(quotes, ["extract_quotes"], "model.extract.quotes.extractor")
        wrapped += _wrap(timeline, ["infer_published", "extract_timexes"], "model.extract.timeline")
    except ImportError:
        pass

    t = time.perf_counter()
    arts = []
    for a in read_all([args.path]):
        if isinstance(a, Article):
            arts.append(a)
            if len(arts) >= args.sample:
                break
    read_s = time.perf_counter() - t
    arts = [a for a in arts if len(a.text) <= pool.CHUNK_CHARS]
    words = sum(len(a.text.split()) for a in arts)

    nlp = nlp_mod.load()
    nlp.max_length = pool.CHUNK_CHARS + 10
    list(nlp.pipe([a.text for a in arts[:4]]))  # warm up
    t = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in arts]))
    nlp_s = time.perf_counter() - t

    t = time.perf_counter()
    exts = [extraction.extract(a, d) for a, d in zip(arts, docs)]
    extract_s = time.perf_counter() - t

    results = list(zip(arts, exts, [None] * len(arts)))
    t = time.perf_counter()
    for i in range(0, len(results), pool.BATCH_ARTICLES):
        pickle.loads(pickle.dumps(results[i : i + pool.BATCH_ARTICLES]))
    pickle_s = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "p.db")
        conn = store.connect(db)
        cache = write.EntityCache(conn)
        t = time.perf_counter()
        for a, e in zip(arts, exts):
            write.write_article(conn, a, e, cache)
        write_s = time.perf_counter() - t
        t = time.perf_counter()
        entity_refresh.refresh_entities(conn)
        refresh_s = time.perf_counter() - t
        conn.close()

    parts = {name: TIMES[name] for name in wrapped}
    parts["extract (other)"] = max(0.0, extract_s - sum(parts.values()))
    out = {
        "articles": len(arts),
        "words": words,
        "read_s": read_s,
        "nlp_pipe_s": nlp_s,
        "extract_s": extract_s,
        "extract_parts_s": parts,
        "pickle_s": pickle_s,
        "write_article_s": write_s,
        "refresh_entities_s": refresh_s,
        "counts": {
            "mentions": sum(len(e.mentions) for e in exts),
            "quotes": sum(len(e.quotes) for e in exts),
            "timexes": sum(len(e.timexes) for e in exts),
            "sentences": sum(len(e.sentences) for e in exts),
        },
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
