"""The command line: bad input is a one-line message, never a traceback; nothing stored is lost."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "tui.cli"]


def run(*args, **kw):
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text("  \n\n\t\n")
    (d / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (d / "broken.jsonl").write_text('{"id": "j1", "text": "Good record about Putin."}\n{oops\n')
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    return d


def test_bad_files_are_skipped_with_one_line_reasons(bad_dir, tmp_path):
    db = tmp_path / "c.db"
    r = run("ingest", "--db", str(db), str(bad_dir), "-j", "1")
    assert r.returncode == 0, r.stderr  # one good record was ingested
    assert "Traceback" not in r.stderr
    skipped = [line for line in r.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 5, r.stderr  # notes.pdf is not picked up from a folder
    assert "1 new" in r.stdout and "5 skipped" in r.stdout
    assert f"no database at {db}; creating it" in r.stderr  # an explicit ingest says it makes one


def test_nothing_ingestable_exits_non_zero(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    r = run("ingest", "--db", str(tmp_path / "c.db"), str(tmp_path / "e.txt"), str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "nothing could be ingested" in r.stderr


def test_export_of_a_missing_or_foreign_database_is_a_clear_message(tmp_path):
    r = run("export", "articles", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 1 and "no database" in r.stderr and "Traceback" not in r.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 1000)
    r = run("export", "quotes", "--db", str(junk))
    assert r.returncode == 1 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_export_to_file_and_set_date(seeds_db, tmp_path):
    out = tmp_path / "a.jsonl"
    r = run("export", "articles", "--db", str(seeds_db), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert len(out.read_text().splitlines()) == 5
    r = run("set-date", "nope", "2024-01-01", "--db", str(seeds_db))
    assert r.returncode == 1 and "no article" in r.stderr
    r = run("set-date", "002_b4e3e2a3ab8100e1", "20240101", "--db", str(seeds_db))
    assert r.returncode == 1 and "not a date" in r.stderr


def test_export_filters_narrow_and_a_bad_one_is_one_line_and_no_file(seeds_db, tmp_path):
    r = run("export", "quotes", "--db", str(seeds_db), "--kind", "direct,partial", "--until", "2030")
    assert r.returncode == 0, r.stderr
    kinds = {line.split('"kind": "')[1].split('"')[0] for line in r.stdout.splitlines()}
    assert kinds and kinds <= {"direct", "partial"}
    out = tmp_path / "q.jsonl"
    for bad in (["--since", "2023-02-30"], ["--kind", "hearsay"], ["--entity", "Putin"]):
        r = run("export", "quotes", "--db", str(seeds_db), "-o", str(out), *bad)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
        assert not out.exists()


def test_help_is_fast_and_lists_commands():
    r = run("--help")
    assert r.returncode == 0
    for cmd in ("ingest", "export", "set-date"):
        assert cmd in r.stdout


def _browse_without_screen(monkeypatch, db):
    """cmd_browse up to the point it would draw: what it hands the app."""
    from tui import app, cli

    opened = []
    monkeypatch.setattr(app, "run", lambda path, readonly=False, notices=(): opened.append((path, readonly)))
    assert cli.cmd_browse(db, explicit=True) == 0
    return opened


def _version(db):
    import sqlite3

    c = sqlite3.connect(db)
    try:
        return c.execute("PRAGMA user_version").fetchone()[0]
    finally:
        c.close()


def test_browsing_an_older_database_upgrades_it_first_with_progress(seeds_db, tmp_path, monkeypatch, capsys):
    import shutil

    from model.corpus import store
    from tests.model.corpus.helpers import as_version_1

    db = tmp_path / "old.db"
    shutil.copy(seeds_db, db)
    as_version_1(db)
    assert _browse_without_screen(monkeypatch, db) == [(str(db), False)]
    assert _version(db) == store.SCHEMA_VERSION
    err = capsys.readouterr().err
    assert "upgrading" in err and "5 articles" in err and "Traceback" not in err
    assert _browse_without_screen(monkeypatch, db) == [(str(db), False)]  # once: nothing to say the second time
    assert "upgrading" not in capsys.readouterr().err


def test_an_older_database_that_cannot_be_written_is_browsed_as_it_is(seeds_db, monkeypatch, capsys):
    import shutil

    from tests.model.corpus.helpers import as_version_1
    from tests.robustness.perms import unprivileged, world_dir

    with world_dir() as d:
        db = d / "old.db"
        shutil.copy(seeds_db, db)
        as_version_1(db)
        os.chmod(db, 0o444)
        os.chmod(d, 0o555)
        with unprivileged():
            opened = _browse_without_screen(monkeypatch, db)
        assert opened == [(str(db), True)]
        assert _version(db) == 1
        assert "upgrading" not in capsys.readouterr().err


def test_ingest_into_an_older_database_says_it_upgrades_it(seeds_db, tmp_path):
    import shutil

    from model.corpus import store
    from tests.model.corpus.helpers import as_version_1

    db = tmp_path / "old.db"
    shutil.copy(seeds_db, db)
    as_version_1(db)
    empty = tmp_path / "none.txt"
    empty.write_text("")
    r = run("ingest", "--db", str(db), str(empty))  # nothing new to ingest; the upgrade still happens
    assert "Traceback" not in r.stderr
    assert "ingest: upgrading the database: 5/5 articles" in r.stderr, r.stderr
    assert _version(db) == store.SCHEMA_VERSION


@pytest.mark.parametrize("command", [[], ["browse"], ["export", "quotes"], ["set-date", "k", "2023-01-01"], ["repair"]])
def test_a_database_path_that_does_not_exist_is_an_error_not_a_new_corpus(tmp_path, command):
    typo = tmp_path / "typo.db"
    r = run(*command, "--db", str(typo))
    assert r.returncode == 1 and "no database at" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # nothing made, no seeds corpus, no empty database


def test_every_command_help_says_what_it_does_its_arguments_and_db():
    from tui.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert set(commands) == {"ingest", "export", "set-date", "corrections", "review", "repair", "browse", "merge"}
    for name, sub in commands.items():
        text = sub.format_help()
        assert sub.description and len(sub.description) > 60, name  # what it does, in a sentence or two
        assert "--db FILE" in text, name
        assert "the database file (default:" in text or name == "merge", name  # merge names the database it writes
        for action in sub._actions:
            assert action.help and action.help != "==SUPPRESS==", (name, action.dest)
    assert "creat" not in commands["repair"].format_help()
    assert "made if it does not exist" in commands["ingest"].format_help()


def test_a_reader_closing_the_pipe_early_gets_no_traceback():
    """`sinorus-tui export --help | head -1`: the reader is gone before the command writes; it ends quietly."""
    r, w = os.pipe()
    os.close(r)  # the reader has already gone: every write to the pipe fails
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "export", "--help"],
            stdout=w,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            cwd=Path(__file__).resolve().parents[1],
        )
    finally:
        os.close(w)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.returncode == 1
