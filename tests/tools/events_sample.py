"""Figures of a corpus's events and a random sample of merged events and of conflicts, for a hand check.

    PYTHONPATH=$PWD python -m tests.tools.events_sample DB OUT.txt [--n 30] [--seed 17]

Prints the number of events, of events merging two or more reports and of conflicts; writes to OUT.txt, for
each sampled event, its value, summary, readings and every report (article, the date as written, its reading,
the sentence).
"""

from __future__ import annotations

import argparse
import random
import sqlite3

from model.corpus import export


def _report_lines(conn: sqlite3.Connection, ev: dict) -> list[str]:
    lines = []
    for r in ev["reports"]:
        (text,) = conn.execute(
            "SELECT substr(text, ?, ?) FROM article WHERE key=?",
            (r["timex_start"] + 1, r["timex_end"] - r["timex_start"], r["article"]),
        ).fetchone()
        sentence = " ".join(r["text"].split())[:300]
        lines.append(f"    - [{r['article']}] '{text}' → {r['value']}: {sentence}")
    return lines


def _block(conn: sqlite3.Connection, ev: dict) -> str:
    readings = "; ".join(f"{rd['value']} ({', '.join(rd['articles'])})" for rd in ev["readings"])
    head = [
        f"{ev['event']}  value {ev['value']}  {'CONFLICT' if ev['conflict'] else ''}",
        f"  summary: {ev['summary']}",
        f"  participants: {', '.join(ev['participants'])}; place: {ev['place']}; trigger: {ev['trigger']}",
        f"  readings: {readings}",
        "  reports:",
    ]
    return "\n".join(head + _report_lines(conn, ev)) + "\n  judgement: \n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("db")
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args(argv)
    conn = sqlite3.connect(a.db)
    events = list(export.rows(conn, "events"))
    merged = [e for e in events if len(e["reports"]) >= 2]
    conflicts = [e for e in events if e["conflict"]]
    reports = sum(len(e["reports"]) for e in events)
    print(f"events {len(events)}, reports {reports}, merging 2+ reports {len(merged)}, conflicts {len(conflicts)}")
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as f:
        for title, pool in (("MERGED EVENTS", merged), ("CONFLICTS", conflicts)):
            sample = rng.sample(pool, min(a.n, len(pool)))
            f.write(f"# {title}: {len(sample)} of {len(pool)}\n\n")
            for i, ev in enumerate(sample, 1):
                f.write(f"{i}. " + _block(conn, ev) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
