"""Start-up counted in instructions, which no machine load changes: valgrind's callgrind counts what the bare
Textual app and `sinorus-tui --db DB` execute up to the first frame with data (and the `q` that ends them),
for each checkout given:

    python tests/tools/startup_instructions.py DB CHECKOUT... [--imports]

Each run takes ~30-60 s (callgrind is ~50x slower than the program). `--imports` counts only the imports:
the bare app's, and the browse path's on top of them (the CLI, the app, the store checks), without the run.
Wall-clock ratios on the shared 2-core machine ranged 1.11-1.54 for one checkout at a load of 5; import
counts repeat to within 0.1%, whole start-ups to within ~2% (how many frames and timer turns the app runs
before its data arrives still varies).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import bare_app, startup  # noqa: E402

BROWSE_IMPORTS = (
    "import tests.bench.bare_app, gc; gc.disable(); import tui.cli, tui.app, tui.terminal; "
    "from model.corpus import store, staleness, writer_lock"
)


def _env(root: str) -> dict:
    return dict(os.environ, PYTHONPATH=root, PYTHONHASHSEED="0", XDG_CONFIG_HOME=os.path.join(root, ".no-config"))


def _collected(log: str) -> int:
    found = re.search(r"Collected : (\d+)", Path(log).read_text())
    if not found:
        raise SystemExit(f"callgrind reported no count; see {log}")
    return int(found.group(1))


def _valgrind(log: str) -> list[str]:
    return ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log}"]


def run_count(cmd: list[str], ready, root: str, log: str) -> int:
    r = startup.time_to_frame(_valgrind(log) + cmd, ready, env=_env(root), cwd=root, timeout=900)
    if r["seconds"] is None:
        raise SystemExit(f"never showed its first frame under valgrind:\n{r['screen']}")
    return _collected(log)


def import_count(code: str, root: str, log: str) -> int:
    subprocess.run(_valgrind(log) + [sys.executable, "-c", code], env=_env(root), cwd=root, check=True)
    return _collected(log)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("checkouts", nargs="+")
    ap.add_argument("--imports", action="store_true", help="count the imports only")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed")
    ready = startup.app_ready_for(args.db)[1]
    logs = tempfile.mkdtemp(prefix="startup-ir-")
    for root in args.checkouts:
        startup.compile_checkout(root)
        name = os.path.basename(os.path.abspath(root))
        if args.imports:
            bare = import_count("import tests.bench.bare_app", root, f"{logs}/{name}-bare.log")
            app = import_count(BROWSE_IMPORTS, root, f"{logs}/{name}-app.log")
            print(f"{name}: the bare app's imports {bare:,} instructions; the browse path's on top {app - bare:,}")
            continue
        bare = run_count(
            [sys.executable, "-m", "tests.bench.bare_app"], bare_app_ready, root, f"{logs}/{name}-bare.log"
        )
        cli = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", "--db", args.db]
        app = run_count(cli, ready, root, f"{logs}/{name}-app.log")
        print(f"{name}: bare app {bare:,} instructions, sinorus-tui {app:,}; ratio {app / bare:.3f}")


def bare_app_ready(screen: str) -> bool:
    return bare_app.MARKER in screen


if __name__ == "__main__":
    main()
