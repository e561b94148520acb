"""End to end: news-database exports ingested with the command line and exported again."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.model.ingest import export_samples as S

CLI = [sys.executable, "-m", "tui.cli"]


def run(*args):
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=300)


def test_ingest_and_export_of_a_lexis_and_a_factiva_export(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "herald.txt").write_text(S.lexis_classic_txt())
    (folder / "fx.html").write_text(S.factiva_rich_html(S.ARTICLES[:2]))
    db = tmp_path / "c.db"
    r = run("ingest", "--db", str(db), str(folder), "-j", "1")
    assert r.returncode == 0, r.stderr
    assert "5 new" in r.stdout and "Traceback" not in r.stderr, (r.stdout, r.stderr)
    r = run("export", "articles", "--db", str(db), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = {row["article"]: row for row in map(json.loads, r.stdout.splitlines())}
    expected = {f"herald:{n}": a for n, a in enumerate(S.ARTICLES, 1)}
    expected.update({S.factiva_an(n): a for n, a in enumerate(S.ARTICLES[:2], 1)})
    assert set(rows) == set(expected)
    for key, (title, source, _, iso, paras) in expected.items():
        row = rows[key]
        assert (row["title"], row["source"], row["published"]) == (title, source, iso)
        assert row["published_basis"].startswith("export header")
        assert row["text"] == "\n\n".join(paras)
        for header in ("DOCUMENTS", "LENGTH:", "BYLINE:", "LOAD-DATE", "Final Edition", "words", "Document "):
            assert header not in row["text"], (key, header)
