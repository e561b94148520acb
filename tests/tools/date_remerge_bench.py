"""Time a date's correction (and its undo) on a big database: the events its reports are in merged again.

    python -m tests.tools.date_remerge_bench BIG.db [--n 5] [--seed 20] [--merge-all-first]

Draws `n` event reports dated to the day in the year with the most reports (seeded), corrects each one's date to
the next day, then undoes it, timing both. `--merge-all-first` merges every year once before (a database whose
events were copied, not merged, e.g. `tests.bench.bigdb`'s, is then what a merge gives). Runs under any version of
the code (PYTHONPATH): the same calls time the whole year's merge where that is what a correction does. Prints
one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from contextlib import closing

from model import corrections
from model.corpus import store
from model.corpus.event_refresh import refresh_events


def _targets(conn, n: int, seed: int) -> tuple[str, list[dict]]:
    (part,) = conn.execute("SELECT part FROM event_report GROUP BY part ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    rows = conn.execute(
        "SELECT a.key, t.start, t.end, t.text, r.value FROM event_report r JOIN article a ON a.id = r.article "
        "JOIN timex t ON t.article = r.article AND t.start = r.timex_start AND t.end = r.timex_end "
        "WHERE r.part = ? AND length(r.value) = 10 ORDER BY r.id",
        (part,),
    ).fetchall()
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    return part, [{"article": k, "start": s, "end": e, "text": t, "value": v} for k, s, e, t, v in picked]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--merge-all-first", action="store_true")
    args = ap.parse_args()
    out: dict = {"db": args.db}
    with closing(store.connect(args.db)) as conn:
        if args.merge_all_first:
            out["merge_all_years_s"] = round(_merge_all(conn), 1)
        part, targets = _targets(conn, args.n, args.seed)
        out["year"], out["reports_in_year"] = (
            part,
            conn.execute("SELECT COUNT(*) FROM event_report WHERE part=?", (part,)).fetchone()[0],
        )
        correct_s, undo_s = [], []
        for t in targets:
            day = (dt.date.fromisoformat(t.pop("value")) + dt.timedelta(days=1)).isoformat()
            t0 = time.perf_counter()
            c = corrections.correct(conn, "date_value", t, {"value": day})
            t1 = time.perf_counter()
            corrections.undo(conn, c.id)
            t2 = time.perf_counter()
            correct_s.append(round(t1 - t0, 3))
            undo_s.append(round(t2 - t1, 3))
        out.update(
            corrections=len(targets),
            correct_s=correct_s,
            undo_s=undo_s,
            correct_median_s=statistics.median(correct_s) if correct_s else None,
            undo_median_s=statistics.median(undo_s) if undo_s else None,
        )
    print(json.dumps(out))


def _merge_all(conn) -> float:
    t0 = time.perf_counter()
    refresh_events(conn, everything=True)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
