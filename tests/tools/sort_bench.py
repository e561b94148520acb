"""Sorting by a column at scale: the articles by source and the events by reports (schema 12's
`COLUMN_SORT_INDEXES`), on a synthetic database of N articles and their events, without NLP.

    python -m tests.tools.sort_bench OUT.db [--articles 1000000] [--events-per-article 1.5]

Writes N articles (a few hundred outlets, skewed as a news corpus's are, 8% with no outlet, 4% undated) and
their merged events (reports skewed: most have one) straight into a new schema's tables (the full-text
triggers dropped: they are no part of a sort), then prints one JSON object: each index's size and build time
(what the upgrade to 12 costs), the cost the reports index adds to writing the events (what a merge pays), and
for each sort the SQL and CPU time of its first, middle and last page with the query plan of its page.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from model.corpus import query as q
from model.corpus import schema, store

PAGE = 40


def _outlets(rng: random.Random, n: int = 300) -> list[str]:
    """Outlet names, some in lower case (a sort by source ignores case)."""
    words = ("North", "east", "Harbour", "Cove", "atlas")
    return [f"{rng.choice(['The ', '', ''])}{rng.choice(words)} {i}" for i in range(n)]


def _fill(conn: sqlite3.Connection, articles: int, events_per_article: float, rng: random.Random) -> dict:
    for name in ("article_ai", "article_ad", "article_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in schema.COLUMN_SORT_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    outlets = _outlets(rng)
    weights = [1 / (i + 1) for i in range(len(outlets))]

    def article(i: int) -> tuple:
        source = None if rng.random() < 0.08 else rng.choices(outlets, weights)[0]
        published = (
            None if rng.random() < 0.04 else f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        )
        return (i + 1, f"k{i}", f"t{i}", source, published, "x")

    conn.execute("BEGIN")
    for start in range(0, articles, 50_000):
        conn.executemany(
            "INSERT INTO article(id, key, title, source, published, text) VALUES (?, ?, ?, ?, ?, ?)",
            (article(i) for i in range(start, min(articles, start + 50_000))),
        )
    conn.execute("COMMIT")
    n_events = int(articles * events_per_article)

    def event(i: int) -> tuple:
        reports = min(500, int(rng.paretovariate(1.6)))
        value = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02}" + (
            f"-{rng.randint(1, 28):02}" if rng.random() < 0.8 else ""
        )
        return (f"e{i:08x}", value[:4], value, "s", "met", "[]", "[]", 0, reports)

    rows = [event(i) for i in range(n_events)]
    insert = (
        "INSERT INTO event(id, part, value, summary, trigger, participants, readings, conflict, reports) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    timings = {}
    for label in ("without_reports_index", "with_reports_index"):
        conn.execute("DELETE FROM event")
        if label == "with_reports_index":
            name = "idx_event_reports_order"
            conn.execute(f"CREATE INDEX {name} ON event({schema.COLUMN_SORT_INDEXES[name][1]})")
        conn.execute("BEGIN")
        t0, c0 = time.perf_counter(), time.process_time()
        conn.executemany(insert, rows)
        conn.execute("COMMIT")
        timings[label] = {"wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(time.process_time() - c0, 2)}
    conn.execute("DROP INDEX idx_event_reports_order")
    return {"articles": articles, "events": n_events, "event_insert": timings}


def _indexes(conn: sqlite3.Connection) -> dict:
    out = {}
    for name, (table, terms) in schema.COLUMN_SORT_INDEXES.items():
        t0, c0 = time.perf_counter(), time.process_time()
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({terms})")
        conn.commit()
        build = {"wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(time.process_time() - c0, 2)}
        pages = conn.execute("SELECT COUNT(*) FROM dbstat WHERE name = ?", (name,)).fetchone()[0]
        size = pages * conn.execute("PRAGMA page_size").fetchone()[0]
        out[name] = {"build": build, "mb": round(size / 1e6, 1)}
    return out


def _plans(conn: sqlite3.Connection, call) -> list[str]:
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    return [
        r[3]
        for sql in statements
        if sql.lstrip().upper().startswith(("SELECT", "WITH"))
        for r in conn.execute("EXPLAIN QUERY PLAN " + sql)
    ]


def _pages(conn: sqlite3.Connection) -> dict:
    articles = q.count_articles(conn)
    counts = q.value_counts(conn)
    events = q.counts_total(counts)
    reads = {
        "articles_source": (articles, lambda o: q.articles(conn, q.Filters(), "source", o, PAGE, articles)),
        "articles_source_desc": (articles, lambda o: q.articles(conn, q.Filters(), "source_desc", o, PAGE, articles)),
        "events_reports": (events, lambda o: q.merged_events(conn, q.Filters(), o, PAGE, counts, sort="reports")),
        # for comparison: the date sorts the lists had
        "articles_date": (articles, lambda o: q.articles(conn, q.Filters(), "date", o, PAGE, articles)),
        "events_date": (events, lambda o: q.merged_events(conn, q.Filters(), o, PAGE, counts)),
    }
    out = {}
    for name, (total, read) in reads.items():
        out[name] = {}
        for where, offset in (("first", 0), ("middle", total // 2), ("last", total - PAGE)):
            read(offset)  # warm
            t0, c0 = time.perf_counter(), time.process_time()
            rows = read(offset)
            out[name][where] = {
                "ms": round((time.perf_counter() - t0) * 1000, 2),
                "cpu_ms": round((time.process_time() - c0) * 1000, 2),
                "rows": len(rows),
            }
        out[name]["plan_last"] = _plans(conn, lambda read=read, total=total: read(total - PAGE))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--events-per-article", type=float, default=1.5)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    path = Path(args.out)
    if path.exists():
        raise SystemExit(f"{path} exists: give a new file")
    store.connect(path).close()  # a new database at the schema's version
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA synchronous=OFF")
        result = _fill(conn, args.articles, args.events_per_article, random.Random(args.seed))
        result["indexes"] = _indexes(conn)
    with closing(q.connect(path, readonly=True)) as conn:
        result["pages"] = _pages(conn)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
