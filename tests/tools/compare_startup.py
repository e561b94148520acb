"""Start-up of two checkouts against the bare Textual app, interleaved, with one driver:

    python tests/tools/compare_startup.py DB BEFORE_DIR AFTER_DIR [--runs 12]

Each run spawns `sinorus-tui --db DB` with PYTHONPATH set to a checkout (and the bare app), in a
pty at 120×35, and times it to the first frame with data, as `python -m tests.bench --only startup`
does. Alternating the three in one process keeps a drifting machine load off the comparison; the
bench's own driver differs between checkouts, so comparing two bench runs compares drivers too.
The checkouts are byte-compiled first, as installed (`--as-is` leaves their .pyc files as they are);
the CPU time to the same frame is printed beside the wall time (it survives a loaded machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import bare_app, startup  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument("--as-is", action="store_true", help="leave the checkouts' .pyc files as they are")
    args = ap.parse_args()
    cli = str(Path(sys.executable).parent / "sinorus-tui")
    app_ready, bare_ready = startup.app_ready_for(args.db)[1], (lambda screen: bare_app.MARKER in screen)
    for root in () if args.as_is else (ROOT, args.before, args.after):
        startup.compile_checkout(root)  # timed as installed (see `tests.bench.startup`)
    runs: dict[str, list[float]] = {"bare": [], "before": [], "after": []}
    cpu: dict[str, list[float]] = {"bare": [], "before": [], "after": []}
    for k in range(args.runs + 1):  # the first round warms the caches and is dropped
        order = [("bare", str(ROOT)), ("before", args.before), ("after", args.after)]
        for name, root in order if k % 2 == 0 else reversed(order):
            env = dict(os.environ, PYTHONPATH=root, XDG_CONFIG_HOME=os.path.join(root, ".no-config"))
            cmd = [sys.executable, "-m", "tests.bench.bare_app"] if name == "bare" else [cli, "--db", args.db]
            r = startup.time_to_frame(cmd, bare_ready if name == "bare" else app_ready, env=env, cwd=root)
            if r["seconds"] is None:
                raise SystemExit(f"{name} never showed its first frame")
            if k:
                runs[name].append(r["seconds"])
                cpu[name].append(r["cpu_seconds"] or 0.0)
    med = {name: statistics.median(v) for name, v in runs.items()}
    med_cpu = {name: statistics.median(v) for name, v in cpu.items()}
    for name in ("before", "after"):
        print(
            f"{name:6} {med[name]:.3f} s  ratio {med[name] / med['bare']:.2f} to the bare app ({med['bare']:.3f} s); "
            f"CPU {med_cpu[name]:.3f} s, ratio {med_cpu[name] / (med_cpu['bare'] or 1):.2f} ({med_cpu['bare']:.3f} s)"
        )


if __name__ == "__main__":
    main()
