"""No export harms its reader or the database (issue 15, items 1c, 2 and 5).

- Standard output gets nothing raw a terminal would act on: JSONL writes C1, DEL, bidi controls
  (and the C0 controls json escapes anyway) as `\\uXXXX`, the same values once parsed; CSV has no
  escapes and writes U+FFFD in their place, one character for one, so offsets hold.
- A CSV text cell that a spreadsheet would run as a formula (leading = + - @ tab CR) gets a leading
  `'` (OWASP) in every kind; numbers are never touched; `--raw-csv` writes the cells as stored.
- `-o` naming the database (or its -wal/-shm, through any path or link) is refused and the database
  is left as it was; an export goes to a temporary file renamed into place, so one that fails leaves
  no empty or partial file, and an older file of that name stays whole.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import sqlite3

import pytest

from model.corpus import export
from tests.robustness.hostile import FORBIDDEN, poison
from tests.tui.fixture_db import build
from tui import cli

KINDS = export.KINDS


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


# ---------------------------------------------------------------- escapes on standard output


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("export-hostile") / "hostile.db")
    poison(db)  # escapes, C0/C1 controls and bidi in every string column, past ingest
    return db


@pytest.mark.parametrize("kind", KINDS)
def test_jsonl_to_stdout_escapes_every_control_and_keeps_the_values(hostile_db, kind):
    code, out, err = run("export", kind, "--db", str(hostile_db))
    assert code == 0, err
    assert not FORBIDDEN.search(out), sorted(set(FORBIDDEN.findall(out)))
    conn = sqlite3.connect(hostile_db)
    try:
        assert [json.loads(line) for line in out.splitlines()] == list(export.rows(conn, kind))  # lossless
    finally:
        conn.close()


@pytest.mark.parametrize("kind", KINDS)
def test_csv_to_stdout_replaces_every_control_one_for_one(hostile_db, kind):
    code, out, err = run("export", kind, "--db", str(hostile_db), "--format", "csv")
    assert code == 0, err
    assert not FORBIDDEN.search(out), sorted(set(FORBIDDEN.findall(out)))
    if kind == "articles":  # offsets into the text still hold: the text is as long as stored
        conn = sqlite3.connect(hostile_db)
        lengths = dict(conn.execute("SELECT key, length(text) FROM article"))
        conn.close()
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {r["article"]: len(r["text"]) for r in rows} == lengths


# ---------------------------------------------------------------- formulas in CSV

FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1"]


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory):
    """Every text column an export writes begins with a formula, a different one in turn."""
    db = build(tmp_path_factory.mktemp("export-formula") / "formula.db")
    columns = {
        "article": ["key", "title", "source", "url", "published_basis", "text"],
        "entity": ["canonical", "label"],
        "alias": ["alias"],
        "mention": ["text", "label"],
        "quote": ["text", "kind", "speaker_name", "cue", "basis"],
        "timex": ["text", "type", "value", "anchor", "basis"],
        "event": ["summary", "trigger", "place"],
        "statement": ["speaker", "kind", "text"],
    }
    conn = sqlite3.connect(db)
    with conn:
        i = 0
        for table, cols in columns.items():
            for col in cols:
                conn.execute(f"UPDATE {table} SET {col} = ? || COALESCE({col}, '')", (FORMULAS[i % 6],))
                i += 1
        conn.execute("UPDATE quote SET speaker_entity=NULL")  # so the speaker column is the name above
    conn.close()
    return db


def cells(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


NUMBERS = {"start", "end", "speaker_start", "speaker_end", "confidence", "sentence", "mentions", "articles"}


@pytest.mark.parametrize("kind", KINDS)
def test_csv_cells_that_would_run_as_formulas_get_a_quote(formula_db, kind):
    code, out, err = run("export", kind, "--db", str(formula_db), "--format", "csv")
    assert code == 0, err
    rows = cells(out)
    assert rows
    quoted = 0
    for row in rows:
        for col, value in row.items():
            if col in NUMBERS and not (kind == "statements" and col == "articles"):  # there: the articles' keys
                assert value == "" or value.replace(".", "", 1).isdigit(), (col, value)  # numbers as they are
                continue
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (col, value)
            quoted += value.startswith("'")
    assert quoted >= len(rows)


@pytest.mark.parametrize("kind", KINDS)
def test_raw_csv_writes_the_cells_as_stored(formula_db, kind):
    code, out, err = run("export", kind, "--db", str(formula_db), "--format", "csv", "--raw-csv")
    assert code == 0, err
    rows = cells(out)
    assert all(any(v.startswith(("=", "+", "-", "@", "\t")) for v in r.values()) for r in rows)
    assert not FORBIDDEN.search(out)  # raw formulas, but still no control characters


def test_raw_csv_with_jsonl_is_a_usage_error(formula_db):
    code, out, err = run("export", "articles", "--db", str(formula_db), "--raw-csv")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err


# ---------------------------------------------------------------- the output file


@pytest.fixture
def db(tmp_path):
    """A database with its -wal and -shm present (a reader holds it open), and its digest."""
    path = build(tmp_path / "corpus.db")
    reader = sqlite3.connect(path)
    reader.execute("PRAGMA journal_mode=WAL")
    reader.execute("SELECT count(*) FROM article").fetchone()
    yield path
    reader.close()


@pytest.mark.parametrize("target", ["db", "wal", "shm", "relative", "dotted", "symlink", "hardlink"])
def test_export_onto_its_own_database_is_refused(db, tmp_path, target, monkeypatch):
    before = digest(db)
    monkeypatch.chdir(tmp_path)
    out = {
        "db": str(db),
        "wal": f"{db}-wal",
        "shm": f"{db}-shm",
        "relative": "corpus.db",
        "dotted": f"{tmp_path}/./sub/../corpus.db",
        "symlink": "link.db",
        "hardlink": "hard.db",
    }[target]
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.db").symlink_to(db)
    os.link(db, tmp_path / "hard.db")
    for fmt in ("jsonl", "csv"):
        code, stdout, err = run("export", "articles", "--db", str(db), "--format", fmt, "-o", out)
        assert code != 0 and stdout == "" and len(err.splitlines()) == 1 and "database" in err, err
    assert digest(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] > 0
    conn.close()


def broken_write(conn, kind, out, fmt="jsonl", raw_csv=False, selection=None):
    out.write('{"article": "half a row')
    raise sqlite3.DatabaseError("database disk image is malformed")


def test_a_failed_export_leaves_no_file_and_no_temporary(db, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "write", broken_write)
    out = tmp_path / "out" / "articles.jsonl"
    out.parent.mkdir()
    code, _, err = run("export", "articles", "--db", str(db), "-o", str(out))
    assert code == 1 and "cannot read" in err, err
    assert list(out.parent.iterdir()) == []


def test_a_failed_export_keeps_the_older_file_whole(db, tmp_path, monkeypatch):
    out = tmp_path / "out" / "articles.jsonl"
    out.parent.mkdir()
    code, _, err = run("export", "articles", "--db", str(db), "-o", str(out))
    assert code == 0, err
    before = out.read_bytes()
    monkeypatch.setattr(export, "write", broken_write)
    code, _, err = run("export", "articles", "--db", str(db), "-o", str(out))
    assert code == 1, err
    assert out.read_bytes() == before and list(out.parent.iterdir()) == [out]


def test_an_interrupted_export_leaves_nothing_behind(db, tmp_path, monkeypatch):
    def interrupted(conn, kind, out, fmt="jsonl", raw_csv=False, selection=None):
        out.write("{")
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "write", interrupted)
    out = tmp_path / "out" / "articles.csv"
    out.parent.mkdir()
    code, _, err = run("export", "articles", "--db", str(db), "--format", "csv", "-o", str(out))
    assert code == 130, err
    assert list(out.parent.iterdir()) == []


def test_export_through_a_link_replaces_the_file_it_points_at(db, tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    os.chmod(real, 0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    code, _, err = run("export", "articles", "--db", str(db), "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and real.read_text() != "old\n" and len(real.read_text().splitlines()) > 1
    assert real.stat().st_mode & 0o777 == 0o640


def test_export_to_a_device_writes_in_place(db):
    code, _, err = run("export", "articles", "--db", str(db), "-o", os.devnull)
    assert code == 0 and os.path.exists(os.devnull) and not os.path.isfile(os.devnull), err


def test_export_onto_a_loop_of_links_is_a_message_and_leaves_them(db, tmp_path):
    (tmp_path / "a.jsonl").symlink_to(tmp_path / "b.jsonl")
    (tmp_path / "b.jsonl").symlink_to(tmp_path / "a.jsonl")
    code, _, err = run("export", "articles", "--db", str(db), "-o", str(tmp_path / "a.jsonl"))
    assert code == 1 and "cannot write" in err and len(err.splitlines()) == 1, err
    assert (tmp_path / "a.jsonl").is_symlink() and (tmp_path / "b.jsonl").is_symlink()
