"""The navigation benchmark still drives the browser as it is: a change of keys or of a list's sorts that the
bench's scripted steps no longer match makes it wait forever (a timeout), which only a run shows."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT
from tests.tui.fixture_db import build

STEPS = ("group quotes by speaker", "group every quote by speaker", "jump to end: quotes by speaker")


def test_the_bench_runs_its_grouping_and_end_of_list_steps_on_a_small_corpus(tmp_path):
    db = build(tmp_path / "corpus.db")
    run = subprocess.run(
        [sys.executable, "-m", "tests.bench.nav", str(db), "--reps", "1", "--steps", ",".join(STEPS)]
        + ["--quit-reps", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert {step: result["steps"][step]["n"] for step in STEPS} == dict.fromkeys(STEPS, 1)
    probe = result["machine_ms"]
    assert 0 < probe["start"]["best"] <= probe["start"]["median"] and 0 < probe["end"]["best"] <= probe["end"]["median"]
