"""Add N corrections to a (big) database, drawn at random with a seed, the way `corrections import` adds them:
for the navigation benchmark with corrections (issue 20), and to time the import and its replay.

    python -m tests.tools.corrections_bench BIG.db [--n 1000] [--seed 20]
    python -m tests.bench.nav BIG.db

The mix: quotes (speaker set, kind changed, rejected), dates (value set, rejected) and entity types, by stable
keys read from the database. Prints one JSON line: how many were applied and the seconds taken.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from contextlib import closing

from model import corrections
from model.corpus import store

MIX = (("quote_speaker", 0.4), ("quote_kind", 0.2), ("quote_reject", 0.1), ("date_value", 0.15), ("date_reject", 0.05))


def _rows(conn, table: str, n: int, rng: random.Random) -> list[tuple]:
    top = conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0
    out, seen = [], set()
    while len(out) < n and len(seen) < top:
        rid = rng.randint(1, top)
        if rid in seen:
            continue
        seen.add(rid)
        row = conn.execute(
            f"SELECT a.key, t.start, t.end, t.text FROM {table} t JOIN article a ON a.id = t.article WHERE t.id=?",
            (rid,),
        ).fetchone()
        if row:
            out.append(row)
    return out


def records(conn, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    speakers = [r[0] for r in conn.execute("SELECT canonical FROM entity WHERE label='PERSON' LIMIT 200")]
    out = []
    quotes = iter(_rows(conn, "quote", int(n * 0.7) + 1, rng))
    dates = iter(_rows(conn, "timex", int(n * 0.2) + 1, rng))
    for kind, share in MIX:
        for _ in range(int(n * share)):
            source = quotes if kind.startswith("quote") else dates
            row = next(source, None)
            if row is None:
                break
            target = {"article": row[0], "start": row[1], "end": row[2], "text": row[3]}
            value = {
                "quote_speaker": {"speaker": rng.choice(speakers) if speakers else "Somebody"},
                "quote_kind": {"kind": "indirect"},
                "date_value": {"value": "2020-01-01"},
            }.get(kind, {})
            out.append({"kind": kind, "target": target, "value": value})
    names = [r[0] for r in conn.execute("SELECT canonical FROM entity ORDER BY mentions LIMIT ?", (n - len(out),))]
    out += [{"kind": "entity_type", "target": {"entity": e}, "value": {"label": "ORG"}} for e in names]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20)
    args = ap.parse_args()
    with closing(store.connect(args.db)) as conn:
        made = records(conn, args.n, args.seed)
        t0 = time.perf_counter()
        done = corrections.import_records(conn, enumerate(made, 1))
        seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {"corrections": len(made), "applied": done.applied, "orphaned": done.orphaned, "seconds": round(seconds, 1)}
        )
    )


if __name__ == "__main__":
    main()
