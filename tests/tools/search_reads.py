"""What each pane's reads cost for a search step, without the app: the reads the panes make (their count,
then their first page with that count) for every search shape the nav benchmark measures.

    PYTHONPATH=TREE python tests/tools/search_reads.py DB [--reps 20] [--repeat 3]

Thread CPU of each pane's reads (the least of `--repeat` runs, nothing kept between them: other work on the
machine only adds) (Articles: count capped at 1,000 and first page; Quotes grouped by statement:
count and first page; Timeline: value counts and first page), p50/p95 per shape and pane.
"""

from __future__ import annotations

import argparse
import json
import time

from model.corpus import query as q

try:
    from model.corpus.query.reuse import forget
except ImportError:  # a tree from before `reuse` (to compare with): nothing is kept between reads

    def forget() -> None:
        pass


from tests.bench.nav import sample_targets

PAGE = 40
CAP = 1000


def _articles(conn, f: q.Filters) -> None:
    total = q.count_articles(conn, f, CAP)
    q.articles(conn, f, "date", 0, PAGE, total)


def _statements(conn, f: q.Filters) -> None:
    total = q.count_statements(conn, f)
    q.statements(conn, f, "date", 0, PAGE, total)


def _timeline(conn, f: q.Filters) -> None:
    counts = q.value_counts(conn, q.Filters(article=f.article, entity=f.entity, search=f.search))
    q.merged_events(conn, f, 0, PAGE, counts=counts)


PANES = {"articles": _articles, "statements": _statements, "timeline": _timeline}


def pane_reads(conn, f: q.Filters) -> dict[str, float]:
    """CPU ms of each pane's count and first page, as tui/panes reads them (a pane whose read is refused,
    like the Timeline under a search of fields alone, costs what it spent)."""
    out = {}
    for pane, read in PANES.items():
        c0 = time.thread_time()
        try:
            read(conn, f)
        except q.QueryError:
            pass
        out[pane] = (time.thread_time() - c0) * 1000
    out["all"] = sum(out.values())
    return out


def pct(v: list[float], p: float) -> float:
    v = sorted(v)
    return round(v[min(len(v) - 1, int(p / 100 * len(v)))], 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--shapes", default="")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each search; the least CPU counts (load)")
    args = ap.parse_args()
    targets = sample_targets(args.db, args.reps)
    conn = q.connect(args.db)
    ents = [e.id for e in q.entities(conn, q.Filters(), 0, 10)]
    shapes = {
        "word": [q.Filters(search=w) for w in targets["words"]],
        "rare": [q.Filters(search=w) for w in targets["rare"]],
        "under 1,000": [q.Filters(search=w) for w in targets["under 1,000"]],
        "over 1,000": [q.Filters(search=w) for w in targets["over 1,000"]],
        "fields": [q.Filters(search=x) for x in targets["fielded"]],
        "entity + word": [q.Filters(entity=ents[i % len(ents)], search=w) for i, w in enumerate(targets["words"])],
    }
    only = [s for s in args.shapes.split(",") if s]
    result = {}
    for shape, filters in shapes.items():
        if only and shape not in only:
            continue
        per: dict[str, list[float]] = {}
        for f in filters:
            runs = []
            for _ in range(args.repeat):
                forget()  # each run as a new step finds it (nothing kept from the run before)
                runs.append(pane_reads(conn, f))
            for pane in runs[0]:
                per.setdefault(pane, []).append(min(r[pane] for r in runs))
        result[shape] = {pane: [pct(v, 50), pct(v, 95)] for pane, v in per.items()}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
