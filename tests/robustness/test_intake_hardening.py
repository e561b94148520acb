"""What ingest is given to read, judged before it is read: links leaving a folder, special files, names
that are not UTF-8, folders it may not enter, an empty path, a very deep folder. Each is skipped with a
one-line reason (or repaired, and the origin says so); the rest is still read; nothing raises.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import threading

import pytest

from model.ingest import pool, sources
from model.records import Article, Skipped
from tests.robustness.perms import unprivileged, world_dir
from tui import cli

TEXT = "Vladimir Putin met Xi Jinping in Moscow on Tuesday, the Kremlin said."


def read(paths, **kw) -> tuple[dict[str, Article], dict[str, str]]:
    """(articles by key, skipped origin -> reason) of reading `paths` as ingest does."""
    arts, skipped = {}, {}
    for item in sources.read_all([str(p) for p in paths], **kw):
        if isinstance(item, Skipped):
            skipped[item.origin] = item.reason
        else:
            arts[item.key] = item
    return arts, skipped


def run_cli(argv, nlp=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        if nlp is not None:
            mp.setattr(pool, "_NLP", nlp)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def linked(tmp_path):
    """in/ holds a good file, a link to a file outside it, a link to a folder outside it and a link inside it."""
    outside = tmp_path / "outside"
    (outside / "private").mkdir(parents=True)
    (outside / "secret.txt").write_text("outsidesecret " + TEXT)
    (outside / "private" / "history.txt").write_text("outsidehistory " + TEXT)
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(TEXT)
    (d / "sub" / "inner.txt").write_text("innerword " + TEXT)
    (d / "leak.txt").symlink_to(outside / "secret.txt")
    (d / "dirlink").symlink_to(outside / "private")
    (d / "alias.txt").symlink_to(d / "sub" / "inner.txt")
    return d


# ---------------------------------------------------------------- item 3: symbolic links


def test_a_link_leaving_the_folder_is_not_followed_and_says_why(linked):
    arts, skipped = read([linked])
    assert {"good", "inner", "alias"} <= set(arts)
    assert not any("outside" in a.text for a in arts.values())
    assert "outside the folder" in skipped[str(linked / "leak.txt")]
    assert "--follow-links" in skipped[str(linked / "leak.txt")]
    assert "outside the folder" in skipped[str(linked / "dirlink")]


def test_follow_links_reads_links_that_leave_the_folder(linked):
    arts, skipped = read([linked], follow_links=True)
    assert "outsidesecret" in arts["leak"].text and "outsidehistory" in arts["history"].text
    assert not skipped


def test_a_link_named_on_the_command_line_is_followed(linked):
    arts, skipped = read([linked / "leak.txt", linked / "dirlink"])
    assert "outsidesecret" in arts["leak"].text and "outsidehistory" in arts["history"].text
    assert not skipped


def test_the_ingest_command_takes_follow_links(linked, tmp_path):
    code, out, err = run_cli(["ingest", "--db", str(tmp_path / "c.db"), "--follow-links", str(linked / "nope")])
    assert code == 1 and "no such file or folder" in err and "Traceback" not in err


def test_a_link_loop_is_read_once(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT)
    (d / "loop").symlink_to(d)
    arts, skipped = read([d], follow_links=True)
    assert set(arts) == {"a"} and "already read" in skipped[str(d / "loop")]


# ---------------------------------------------------------------- item 9: special files, sizes


def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(TEXT)
    fifo = d / "pipe.txt"
    os.mkfifo(fifo)
    # A writer waits for a reader: were the FIFO opened to be read, the read would end (empty) instead of hanging.
    writer = threading.Thread(target=lambda: os.close(os.open(fifo, os.O_WRONLY)), daemon=True)
    writer.start()
    try:
        arts, skipped = read([d])
    finally:
        release = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer go if nobody read the FIFO
        writer.join()
        os.close(release)
    assert set(arts) == {"good"}
    assert skipped[str(fifo)] == "not a regular file (a named pipe)"


def test_a_link_to_a_device_is_never_read(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(TEXT)
    (d / "zero.txt").symlink_to("/dev/zero")
    arts, skipped = read([d], follow_links=True)
    assert set(arts) == {"good"}
    assert skipped[str(d / "zero.txt")] == "not a regular file (a link to a character device)"
    arts, skipped = read([d])
    assert set(arts) == {"good"} and "outside the folder" in skipped[str(d / "zero.txt")]


def test_the_size_limit_holds_on_what_is_read_not_on_what_the_file_says(tmp_path, monkeypatch):
    """/proc files say they are 0 bytes long; the limit still holds."""
    link = tmp_path / "maps.txt"
    link.symlink_to("/proc/self/maps")
    assert link.stat().st_size == 0 and len(link.read_bytes()) > 200
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    arts, skipped = read([link])
    assert not arts
    assert skipped[str(link)].startswith("file too large (more than ")


# ---------------------------------------------------------------- item 6: names and records that are not text


def ingest_twice(d, db, nlp) -> dict[str, tuple[str, str]]:
    """Ingest `d` into `db`, then again (all unchanged); key -> (title, origin) of what was stored."""
    code, out, err = run_cli(["ingest", "--db", str(db), str(d), "-j", "1"], nlp)
    assert code == 0 and "Traceback" not in err, err
    conn = sqlite3.connect(db)
    rows = {k: (t, o) for k, t, o in conn.execute("SELECT key, title, origin FROM article")}
    conn.close()
    code, out, err = run_cli(["ingest", "--db", str(db), str(d), "-j", "1"], nlp)
    assert code == 0 and f"{len(rows)} unchanged" in out, out + err
    return rows


def test_a_file_name_not_utf8_is_repaired_and_the_rest_ingested(tmp_path, nlp):
    d = tmp_path / "in"
    d.mkdir()
    with open(os.fsencode(d) + b"/bad\xffname.txt", "wb") as f:
        f.write(TEXT.encode())
    (d / "z.txt").write_text("Last file: lastword.")
    rows = ingest_twice(d, tmp_path / "c.db", nlp)
    assert set(rows) == {"bad\ufffdname", "z"}
    assert rows["bad\ufffdname"][1] == str(d / "bad\ufffdname.txt")


def test_lone_surrogates_in_a_record_are_repaired_and_the_rest_ingested(tmp_path, nlp):
    d = tmp_path / "in"
    d.mkdir()
    records = [
        json.dumps({"id": "s\ud800id", "title": "T\udfff", "text": "Surrogate record: surrogateword."}),
        json.dumps({"id": "after", "text": "The record after it: afterword."}),
    ]
    (d / "recs.jsonl").write_text("\n".join(records), encoding="ascii")
    rows = ingest_twice(d, tmp_path / "c.db", nlp)
    assert set(rows) == {"s\ufffdid", "after"}
    title, origin = rows["s\ufffdid"]
    assert title == "T\ufffd" and origin == f"{d / 'recs.jsonl'}:1 (lone surrogates replaced in id, title)"


# ---------------------------------------------------------------- item 13: folders it may not enter, ''


@pytest.fixture
def locked():
    """(folder, locked subfolder): the subfolder holds a file and has mode 000."""
    with world_dir() as w:
        d = w / "in"
        (d / "locked").mkdir(parents=True)
        (d / "good.txt").write_text(TEXT)
        (d / "locked" / "a.txt").write_text(TEXT)
        d.chmod(0o777)
        (d / "locked").chmod(0)
        yield d, d / "locked"


def test_a_folder_it_may_not_enter_is_reported(locked):
    d, sub = locked
    with unprivileged():
        arts, skipped = read([d])
        named = read([sub])
    assert set(arts) == {"good"}
    assert skipped == {str(sub): "cannot read folder: Permission denied"}
    assert named == ({}, {str(sub): "cannot read folder: Permission denied"})


def test_a_file_in_a_folder_it_may_not_enter_is_not_a_database_error(locked):
    d, sub = locked
    db = d / "c.db"
    with unprivileged():
        code, out, err = run_cli(["ingest", "--db", str(db), str(sub / "a.txt")])
    assert code == 1 and "cannot write" not in err
    assert f"skipped {sub / 'a.txt'}: cannot read: Permission denied" in err.splitlines()


def test_an_empty_path_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "here.txt").write_text(TEXT)
    code, out, err = run_cli(["ingest", "--db", str(tmp_path / "c.db"), ""])
    assert code == 2 and "empty path" in err and "Traceback" not in err
    assert not (tmp_path / "c.db").exists()
    arts, skipped = read([""])
    assert not arts and skipped == {"''": "an empty path names no file or folder"}


# ---------------------------------------------------------------- item 12: a very deep folder


def test_a_folder_1100_levels_deep_is_walked(tmp_path):
    d = tmp_path / "deep"
    d.mkdir()
    deepest = d
    for _ in range(1100):  # os.makedirs recurses too
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "bottom.txt").write_text(TEXT)
    try:
        arts, skipped = read([d])
        assert set(arts) == {"bottom"} and not skipped
    finally:  # shutil.rmtree recurses too: take it down from the bottom
        (deepest / "bottom.txt").unlink()
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent
