"""Escape sequences in file names never reach the terminal (issue 15, item 1).

An article's key is its file stem, and every message names the file it is about: a name can carry
OSC 52 (write the clipboard), OSC 0 (set the window title), CSI (clear the screen), OSC 8
(hyperlinks), C1 controls, a bidi override or a newline (which would forge a line of the report).
Ingest shows such characters escaped where the name enters (keys, origins), the command line prints
every line through one function, and the command palette cleans what it lists whatever is stored.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3

import pytest

from model.corpus import query as q
from model.ingest import pool
from model.ingest.progress import Summary
from model.records import Skipped
from tests.robustness.hostile import FORBIDDEN
from tests.tui.conftest import settle
from tests.tui.fixture_db import build
from tui import cli
from tui.config import Config

# What a file name may carry, each after a word the palette can be searched by.
NAMES = {
    "osc52": "putin_talks_\x1b]52;c;ZXZpbA==\x1b\\",
    "osc0": "esc_\x1b]0;PWNED\x07_\x1b[2J",
    "osc8": "link_\x1b]8;;mailto:evil@example.com\x1b\\x\x1b]8;;\x1b\\",  # (no '/' in a file name)
    "c1": "csi_\x9b2J\x9d0;C1\x9c",
    "bidi": "bidi_\u202etxt.exe",
    "newline": "nl_\nskipped forged: line",
}
# Made-up text with no title line, so the browser names each article by its key.
BODY = "Officials met in Moscow on Tuesday and talked for an hour about trade and transport links.\n"

# Nothing a terminal would act on: controls (a newline too: every report line is one line), bidi.
NOT_ON_A_LINE = FORBIDDEN.pattern[:-1] + "\n\u2028\u2029]"


def unsafe(text: str) -> list[str]:
    import re

    return sorted(set(re.findall(NOT_ON_A_LINE, text)))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, nlp):
    """A folder of files with hostile names (each once with text, once empty, so it is skipped) ingested
    through `sinorus-tui ingest`: (db, exit code, stdout, stderr)."""
    d = tmp_path_factory.mktemp("names")
    for name in NAMES.values():
        (d / f"{name}.txt").write_text(BODY)
        (d / f"empty_{name}.txt").write_bytes(b"")
    db = d.parent / (d.name + ".db")
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["ingest", "--db", str(db), str(d), "-j", "1"])
    return db, code, out.getvalue(), err.getvalue()


def test_keys_and_origins_are_stored_escaped(ingested):
    db, code, _, err = ingested
    assert code == 0, err
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT key, origin, title FROM article ORDER BY key").fetchall()
    conn.close()
    assert len(rows) == len(NAMES), rows
    for key, origin, title in rows:
        assert title is None  # so the key is what the browser shows
        assert not unsafe(key) and not unsafe(origin), (key, origin)
    keys = {r[0] for r in rows}
    assert "esc_\\x1b]0;PWNED\\x07_\\x1b[2J" in keys  # shown escaped: still tells the files apart
    assert "nl_\\nskipped forged: line" in keys and "bidi_\\u202etxt.exe" in keys


def test_what_the_palette_lists_for_them_is_clean(ingested):
    from tui import palette

    db = ingested[0]
    conn = q.connect(str(db))
    try:
        for word in ("putin", "esc_", "link_", "csi_", "bidi_", "nl_"):
            rows = q.find_articles(conn, word)
            assert rows, word
            for row in rows:
                for line in palette.article_lines(row):
                    assert not unsafe(line), line
    finally:
        conn.close()


def test_skipped_lines_name_the_file_on_one_line(ingested):
    _, _, out, err = ingested
    assert not unsafe(out.replace("\n", "")) and not unsafe(err.replace("\n", "")), err
    lines = err.splitlines()
    skipped = [line for line in lines if line.startswith("skipped ")]
    assert len(skipped) == len(NAMES), err  # one line each, none forged by a newline in a name
    assert not any(line.startswith("skipped forged") for line in lines), err
    assert any("empty_esc_\\x1b]0;PWNED\\x07_\\x1b[2J.txt: empty file" in line for line in skipped), err


def test_every_printed_line_goes_through_one_safe_function(capsys):
    """Skipped and warning lines (and the summary) are made safe where they are printed, whatever made them."""
    summary = Summary(new=1)
    for name in NAMES.values():
        summary.skipped.append(Skipped(f"/in/{name}.txt", f"reason with {name}"))
        summary.warnings.append(Skipped(f"/in/{name}.txt", "stored, but quotes failed (\x1b[2J)"))
    assert cli._ingested(summary) == 0
    out, err = capsys.readouterr()
    assert not unsafe(out.replace("\n", "")) and not unsafe(err.replace("\n", "")), err
    assert len(err.splitlines()) == 2 * len(NAMES), err


def test_a_typed_argument_is_quoted_safely_in_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        cli.main(["export", "articles", "\x1b]0;PWNED\x07"])  # argparse quotes it raw: "unrecognized arguments"
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and not unsafe(err.replace("\n", "")), err


async def test_the_palette_cleans_a_key_stored_raw(tmp_path):
    """A key written past ingest (an older version, another program) is cleaned by the palette itself."""
    from textual.command import CommandList

    from tui.app import SinorusApp

    db = build(tmp_path / "raw.db")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE article SET key=?, title=NULL WHERE id=(SELECT min(id) FROM article)", (NAMES["osc0"],))
    conn.close()
    app = SinorusApp(db, config=Config(), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"esc_")
        options = app.screen.query_one(CommandList)
        texts: list[str] = []
        for _ in range(500):  # the palette searches in a worker: poll for its answer
            await pilot.pause(0.02)
            texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
            if any("PWNED" in t for t in texts):  # other titles can match first: wait for the raw key's row
                break
        await pilot.press("escape")
    shown = [t for t in texts if "Go to article" in t]
    assert any("esc_]0;PWNED_[2J" in t for t in shown), texts
    for t in shown:
        assert not any(unsafe(line) for line in t.split("\n")), t  # the prompt: its line, then its help line
