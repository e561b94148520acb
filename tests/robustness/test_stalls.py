"""Small inputs that once stalled ingest: a long run of one punctuation character ("(" or "[") costs spaCy's
tokenizer time growing with the run's square. The parser reads such runs as spaces (`layout.blank_runs`); the
stored text and every offset stay as they were."""

from __future__ import annotations

import sqlite3

import pytest

from model.ingest import pool
from model.parse import layout
from tui import cli

SENTENCE = "Angela Merkel flew to Lisbon on Monday."  # made up


@pytest.mark.parametrize("char", ["(", "[", "*", "_", "=", "\u2014"])
def test_a_run_longer_than_the_limit_is_blanked_and_the_length_kept(char):
    run = char * (layout.MAX_RUN + 1)
    text = f"before {run} after {char * 5000}."
    out = layout.blank_runs(text)
    assert len(out) == len(text)
    assert out == f"before {' ' * len(run)} after {' ' * 5000}."


@pytest.mark.parametrize(
    "text",
    [
        "Wait... what?! -- no --- never (really) [sic] ***",
        "-" * layout.MAX_RUN + "\n" + "=" * layout.MAX_RUN,  # rules up to the limit stay
        "a" * 500 + " " * 500 + "\n" * 50 + "1" * 100,  # letters, digits and spaces are never blanked
        "((((((((((nested))))))))))",
        "",
    ],
)
def test_ordinary_punctuation_is_left_alone(text):
    assert layout.blank_runs(text) == text


def test_parse_text_flows_soft_newlines_and_blanks_runs_at_the_same_offsets():
    text = "[" * 100 + " " + SENTENCE
    flat = layout.parse_text(text)
    assert len(flat) == len(text) and flat.endswith(SENTENCE) and "[" not in flat


def test_a_file_with_a_long_bracket_run_is_stored_with_the_entity_after_it(tmp_path, nlp, capsys):
    src = tmp_path / "in"
    src.mkdir()
    text = "[" * 5000 + "\n\n" + SENTENCE + "\n"
    (src / "brackets.txt").write_text(text)
    db = tmp_path / "c.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)  # the session pipeline
        code = cli.main(["ingest", "--db", str(db), str(src), "-j", "1"])
    assert code == 0, capsys.readouterr().err
    conn = sqlite3.connect(db)
    [(art_id, stored)] = conn.execute("SELECT id, text FROM article").fetchall()
    assert stored.startswith("[" * 5000)  # the stored text is untouched
    mentions = conn.execute("SELECT start, end, text, label FROM mention WHERE article = ?", (art_id,)).fetchall()
    conn.close()
    where = stored.index("Angela")
    assert (where, where + len("Angela Merkel"), "Angela Merkel", "PERSON") in mentions
    assert all(stored[s:e] == t for s, e, t, _ in mentions)
