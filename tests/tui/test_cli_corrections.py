"""`sinorus-tui corrections list|export|import|undo`, `review` and `export --uncorrected`, run as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from model import corrections
from model.corpus import store
from tests.model.corpus.test_corrections import built  # noqa: F401 (the two articles' database)

CLI = [sys.executable, "-m", "tui.cli"]


def run(*args, stdin: str | None = None):
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=300, input=stdin)


@pytest.fixture
def db(built, tmp_path):  # noqa: F811
    path = tmp_path / "c.db"
    shutil.copy(built[0], path)
    return path


def corrected(db) -> None:
    conn = store.connect(db)
    corrections.correct(conn, "entity_merge", {"entity": "Ned Price"}, {"into": "US State Department"})
    corrections.correct(conn, "quote_reject", {"article": "visit", "start": 78, "end": 100})
    conn.close()


def test_list_export_import_and_undo(db, built, tmp_path):  # noqa: F811
    corrected(db)
    listed = run("corrections", "list", "--db", str(db))
    assert listed.returncode == 0
    assert (
        listed.stdout.count("\n") == 2 and "#1" in listed.stdout and "merged into US State Department" in listed.stdout
    )
    shared = tmp_path / "mine.jsonl"
    assert run("corrections", "export", "--db", str(db), "-o", str(shared)).returncode == 0
    records = [json.loads(line) for line in shared.read_text().splitlines()]
    assert [r["kind"] for r in records] == ["entity_merge", "quote_reject"]
    shared.write_text(
        shared.read_text()
        + '{"kind": "quote_reject", "target": {"article": "gone", "start": 0, "end": 3, "text": "abc"}}\n{oops\n'
    )
    other = tmp_path / "other.db"
    shutil.copy(built[0], other)
    done = run("corrections", "import", str(shared), "--db", str(other))
    assert done.returncode == 0
    assert "2 applied, 1 orphaned (target not in this corpus), 0 already present, 1 skipped" in done.stdout
    assert "line 4: not JSON" in done.stderr
    again = run("corrections", "import", str(shared), "--db", str(other))
    assert "0 applied, 0 orphaned (target not in this corpus), 3 already present" in again.stdout
    orphans = run("corrections", "list", "--orphaned", "--db", str(other))
    assert orphans.stdout.count("\n") == 1 and "ORPHANED" in orphans.stdout and "gone" in orphans.stdout
    assert run("export", "entities", "--db", str(db)).stdout == run("export", "entities", "--db", str(other)).stdout
    undone = run("corrections", "undo", "1", "99", "--db", str(other))
    assert undone.returncode == 1 and "undone #1" in undone.stdout and "no correction #99" in undone.stderr


def test_export_carries_the_corrections_and_uncorrected_the_extraction(db, built):  # noqa: F811
    before = run("export", "quotes", "--db", str(built[0])).stdout
    corrected(db)
    after = run("export", "quotes", "--db", str(db)).stdout
    assert after != before and "The world is changing" not in after
    assert '"speaker": "US State Department"' in after.split("We are watching closely")[1].split("\n")[0]
    assert run("export", "quotes", "--uncorrected", "--db", str(db)).stdout == before
    assert run("corrections", "list", "--db", str(db)).stdout.count("\n") == 2  # the database kept them


def test_review_asks_keeps_the_answers_and_reports(db):
    out = run("review", "--db", str(db), "--per-kind", "1", "--seed", "5", stdin="r\nw\nx\ns\nq\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("right (r) / wrong (w) / skip (s) / quit (q)?") == 5  # x asked again
    assert "review: 3 answered" in out.stdout
    report = run("review", "--report", "--db", str(db))
    lines = report.stdout.splitlines()
    assert lines[0].startswith("quotes: 1/1 right, 100% (95% interval 21%–100%)")
    assert lines[1].startswith("entities: 0/1 right, 0%")
    assert lines[2] == "dates: none reviewed (1 skipped)"
    exported = [json.loads(x) for x in run("export", "review", "--db", str(db)).stdout.splitlines()]
    assert exported[0] == {
        "kind": "quotes",
        "reviewed": 1,
        "right": 1,
        "wrong": 0,
        "skipped": 0,
        "share": 1.0,
        "low": pytest.approx(0.2065, abs=1e-4),
        "high": 1.0,
    }
    nothing = run("review", "--db", str(db), "--kinds", "rumours")
    assert nothing.returncode == 2 and "unknown kind 'rumours'" in nothing.stderr
