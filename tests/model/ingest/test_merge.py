"""`sinorus-tui merge OUT PART...`: parts ingested apart and merged export what one ingest of them all does.

The articles are the made-up ones of the kill tests (`tests/robustness/killing.py`): people named in full in one
article and by their family name alone in others (merged across the corpus when the family has one full name,
not when it has two), quotes whose speaker is such a name, places and dates that make events across articles.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from model.corpus import part_merge, staleness, store
from model.ingest import merge, pipeline, pool
from tests.conftest import ROOT
from tests.robustness import killing
from tests.robustness.corpus import count_articles, exports
from tui import cli

N_ARTICLES = 24
SPLIT = 12  # part a: the first SPLIT articles, part b: the rest


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def ingest(paths, db, nlp, part: bool = False) -> pipeline.Summary:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        return pipeline.ingest([str(p) for p in paths], str(db), jobs=1, part=part)


@pytest.fixture(scope="module")
def parts(tmp_path_factory, nlp):
    """(part a, part b, the exports of one ingest of all the articles): each part ingested on its own, as a part
    (`ingest --part`)."""
    d = tmp_path_factory.mktemp("merge")
    every = killing.make_corpus(d / "all", N_ARTICLES)
    files = sorted(every.iterdir())
    for name, some in (("a", files[:SPLIT]), ("b", files[SPLIT:])):
        (d / name).mkdir()
        for f in some:
            shutil.copy(f, d / name / f.name)
        assert ingest([d / name], d / f"{name}.db", nlp, part=True).new == len(some)
    assert ingest([every], d / "all.db", nlp).new == N_ARTICLES
    want = exports(d / "all.db")
    assert '{"entity": "Voronov"' not in want["entities"]  # a family name merged across the two parts
    return d / "a.db", d / "b.db", want


def test_two_parts_merged_export_what_one_ingest_of_every_article_does(parts, tmp_path):
    a, b, want = parts
    summary = merge.merge(str(tmp_path / "out.db"), [str(a), str(b)])
    assert (summary.added, summary.replaced, summary.duplicates) == (N_ARTICLES, 0, 0)
    got = exports(tmp_path / "out.db")
    assert [k for k in want if got[k] != want[k]] == []
    assert not list(tmp_path.glob(".out.db.merging*"))  # built beside, then renamed


# A family name one part holds once in full and the whole corpus twice: "Varnov" alone is no one's.
VARNOV = {
    "a": {
        "v1": "Bridge opens in Omsk\n\nMinister Oleg Varnov opened the new bridge in Omsk on Monday.\n",
        "v2": "Freight plans\n\nVarnov told reporters the bridge would carry freight.\n",
    },
    "b": {"v3": "Visit to Tomsk\n\nDeputy minister Pavel Varnov visited Tomsk on Friday, officials said.\n"},
}


@pytest.fixture(scope="module")
def varnov(tmp_path_factory, nlp):
    d = tmp_path_factory.mktemp("varnov")
    for name, files in VARNOV.items():
        for stem, text in files.items():
            for folder in (d / name, d / "all"):
                folder.mkdir(exist_ok=True)
                (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    ingest([d / "all"], d / "all.db", nlp)
    for name in VARNOV:
        ingest([d / name], d / f"{name}.db", nlp, part=True)
        ingest([d / name], d / f"{name}-whole.db", nlp)  # not told it is a part
    want = exports(d / "all.db")
    assert '{"entity": "Varnov"' in want["entities"]  # two full names of the family: the name alone stays apart
    return d, want


def test_a_family_name_one_part_alone_would_join_stays_apart_as_in_one_ingest(varnov, tmp_path):
    d, want = varnov
    summary = merge.merge(str(tmp_path / "out.db"), [str(d / "a.db"), str(d / "b.db")])
    assert summary.warnings == []
    assert exports(tmp_path / "out.db") == want


def test_a_part_ingested_as_a_whole_corpus_keeps_what_it_joined_and_the_merge_says_so(varnov, tmp_path):
    d, want = varnov
    summary = merge.merge(str(tmp_path / "out.db"), [str(d / "a-whole.db"), str(d / "b-whole.db")])
    assert summary.warnings == [(str(d / "a-whole.db"), merge.MERGED_ALONE.format(n=1))]
    got = exports(tmp_path / "out.db")
    assert '{"entity": "Varnov"' not in got["entities"] and got["articles"] == want["articles"]


def test_merging_a_part_again_adds_nothing(parts, tmp_path):
    a, b, want = parts
    out = tmp_path / "out.db"
    merge.merge(str(out), [str(a), str(b)])
    again = merge.merge(str(out), [str(b), str(a)])
    assert (again.added, again.replaced, again.duplicates) == (0, 0, N_ARTICLES)
    assert exports(out) == want


def test_a_part_merged_into_a_corpus_that_holds_the_other_exports_the_same(parts, tmp_path):
    a, b, want = parts
    out = tmp_path / "out.db"
    shutil.copy(a, out)  # a corpus made by an ingest, merged into
    summary = merge.merge(str(out), [str(b)])
    assert (summary.added, summary.duplicates) == (N_ARTICLES - SPLIT, 0)
    assert exports(out) == want


def test_an_article_with_other_text_replaces_the_stored_one_as_a_re_ingest_does(parts, tmp_path, nlp):
    a, b, _want = parts
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "k003.txt").write_text("Talks end in Kazan\n\nIrina Sokolova opened a bridge in Kazan on May 4, 2022.\n")
    assert ingest([folder], tmp_path / "c.db", nlp).new == 1
    out = tmp_path / "out.db"
    summary = merge.merge(str(out), [str(a), str(tmp_path / "c.db")])
    assert (summary.added, summary.replaced) == (SPLIT, 1)
    got = exports(out)
    assert any('"article": "k003"' in line and "Irina Sokolova" in line for line in got["mentions"].splitlines())
    with contextlib.closing(store.connect(out, readonly=True)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM article WHERE key='k003'").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH 'Sokolova'").fetchone()[0] == 1


def test_an_exception_in_a_part_leaves_the_parts_before_it_whole_and_the_next_run_finishes(
    parts, tmp_path, monkeypatch
):
    a, b, want = parts
    out = tmp_path / "out.db"
    calls = []
    real = part_merge._after_copy

    def failing(conn):
        calls.append(1)
        if len(calls) == 2:  # inside part b's transaction, its rows written
            raise sqlite3.OperationalError("disk I/O error")
        real(conn)

    monkeypatch.setattr(part_merge, "_after_copy", failing)
    with pytest.raises(sqlite3.OperationalError):
        merge.merge(str(out), [str(a), str(b)])
    assert count_articles(out) == SPLIT
    with contextlib.closing(store.connect(out, readonly=True)) as conn:
        assert staleness.stale_since(conn)  # the corpus-wide state is behind until a writer ends
    monkeypatch.setattr(part_merge, "_after_copy", real)
    summary = merge.merge(str(out), [str(a), str(b)])
    assert (summary.added, summary.duplicates, summary.rebuilt) == (N_ARTICLES - SPLIT, SPLIT, True)
    assert exports(out) == want


# A merge killed by SIGKILL inside a table's copy: `_copy_table`'s `n`th call kills its own process.
_KILLED_MERGE = textwrap.dedent(
    """
    import os, signal, sys
    from model.corpus import part_merge
    from model.ingest import merge
    real, calls = part_merge._copy_table, []
    def killing(*args):
        calls.append(1)
        if len(calls) == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        real(*args)
    part_merge._copy_table = killing
    merge.merge(sys.argv[2], sys.argv[3:])
    """
)


def killed_merge(at: int, out, *paths) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_MERGE, str(at), str(out), *map(str, paths)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode


@pytest.mark.parametrize("at", [3, 9])  # inside part a's copy (a new corpus), inside part b's
def test_a_merge_killed_inside_a_part_leaves_the_corpus_as_before_it_and_resumes(parts, tmp_path, at):
    a, b, want = parts
    out = tmp_path / "out.db"
    with contextlib.closing(sqlite3.connect(a)) as conn:
        tables = len(part_merge.per_article_tables(conn))
    assert 3 <= tables < 9 <= 2 * tables  # each part's articles fit one chunk: one copy of each table a part
    assert killed_merge(at, out, a, b) == -9
    if at <= tables:
        assert not out.exists()  # the new corpus was not made
        assert list(tmp_path.glob(".out.db.merging*"))  # (its half-built file, removed by the next run)
    else:
        assert count_articles(out) == SPLIT
    summary = merge.merge(str(out), [str(a), str(b)])
    assert summary.added == (N_ARTICLES if at <= tables else N_ARTICLES - SPLIT)
    assert exports(out) == want
    assert not list(tmp_path.glob(".out.db.merging*"))


def test_the_command_merges_and_says_what_it_did(parts, tmp_path):
    a, b, _want = parts
    code, out, err = run_cli("merge", str(tmp_path / "out.db"), str(a), str(b))
    assert code == 0
    assert f"{N_ARTICLES} articles added, 0 replaced, 0 skipped as duplicates" in out
    assert f"merge: part 2/2 {b}: 0/{N_ARTICLES - SPLIT:,} articles" in err  # as it starts, and when it is done
    assert f"merge: part 2/2 {b}: {N_ARTICLES - SPLIT:,}/{N_ARTICLES - SPLIT:,} articles" in err
    code, out, _err = run_cli("merge", str(tmp_path / "out.db"), str(a))
    assert (code, "0 articles added, 0 replaced, 12 skipped as duplicates" in out) == (0, True)


def _copy_with(src, dst, *sql: str):
    shutil.copy(src, dst)
    with contextlib.closing(sqlite3.connect(dst)) as conn, conn:
        for s in sql:
            conn.execute(s)
    return dst


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (None, "is not a sinorus-tui database"),
        ("PRAGMA user_version=99", "has schema version 99"),
        ("UPDATE article SET pipeline_version='5' WHERE key='k013'", "extracted by pipeline version 5, not"),
        (
            "INSERT INTO correction(kind, article_key, target, value, status, created) VALUES "
            "('quote_reject', 'k001', '{\"article\": \"k001\", \"start\": 1, \"end\": 5}', '{}', 'applied', 'now')",
            "holds 1 of a user's corrections",
        ),
    ],
)
def test_a_part_that_cannot_be_merged_is_one_line_and_exit_2_with_the_corpus_untouched(parts, tmp_path, change, says):
    a, b, _want = parts
    if change is None:
        bad = tmp_path / "notes.db"
        bad.write_text("not a database\n")
    else:
        bad = _copy_with(b, tmp_path / "bad.db", change)
    out = tmp_path / "out.db"
    shutil.copy(a, out)
    before = out.read_bytes()
    code, stdout, err = run_cli("merge", str(out), str(a), str(bad))
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and says in err and str(bad) in err
    assert out.read_bytes() == before
    code, _out, err = run_cli("merge", str(tmp_path / "new.db"), str(bad))
    assert code == 2 and not (tmp_path / "new.db").exists()


def test_a_part_of_an_older_schema_is_merged_from_an_upgraded_copy_and_left_as_it_was(parts, tmp_path):
    a, b, want = parts
    older = _copy_with(b, tmp_path / "older.db", "DROP INDEX idx_entity_quote_quote", "PRAGMA user_version=10")
    before = older.read_bytes()
    summary = merge.merge(str(tmp_path / "out.db"), [str(a), str(older)])
    assert summary.added == N_ARTICLES and [p for p, _c in summary.parts] == [str(a), str(older)]
    assert exports(tmp_path / "out.db") == want
    assert older.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no copy left beside


def test_merge_takes_its_corpus_as_out_or_as_db_and_needs_a_part(parts, tmp_path):
    a, b, want = parts
    code, _out, err = run_cli("--db", str(tmp_path / "out.db"), "merge", str(a), str(b))
    assert code == 0 and exports(tmp_path / "out.db") == want
    code, _out, err = run_cli("merge", str(a), "--db", str(tmp_path / "out.db"))
    assert code == 0 and "12 skipped as duplicates" in _out
    code, _out, err = run_cli("merge", str(tmp_path / "new.db"))
    assert code == 2 and "at least one part" in err and not (tmp_path / "new.db").exists()


def test_the_parts_marks_and_review_answers_come_along_unless_the_corpus_has_their_own(parts, tmp_path):
    a, b, want = parts
    part = _copy_with(
        b,
        tmp_path / "b.db",
        "INSERT INTO mark(kind, article_key, start, \"end\", created) VALUES ('article', 'k020', 0, 0, 'then')",
        "INSERT INTO seen(article_key, at) VALUES ('k020', 'then')",
        "INSERT INTO review_answer(kind, item, answer, seed, created) VALUES ('quotes', 'q1', 'wrong', 1, 'then')",
    )
    out = _copy_with(
        a,
        tmp_path / "out.db",
        "INSERT INTO review_answer(kind, item, answer, seed, created) VALUES ('quotes', 'q1', 'right', 1, 'now')",
    )
    merge.merge(str(out), [str(part)])
    with contextlib.closing(sqlite3.connect(out)) as conn:
        assert conn.execute("SELECT article_key FROM mark").fetchall() == [("k020",)]
        assert conn.execute("SELECT article_key FROM seen").fetchall() == [("k020",)]
        assert conn.execute("SELECT answer FROM review_answer").fetchall() == [("right",)]
    assert exports(out) == want


def test_the_entity_of_a_name_the_corpus_holds_is_found_by_its_case_folded_name(parts, tmp_path):
    a, b, _want = parts
    out = _copy_with(a, tmp_path / "out.db", "UPDATE entity SET canonical=upper(canonical) WHERE canonical='Harbin'")
    merge.merge(str(out), [str(b)])
    with contextlib.closing(sqlite3.connect(out)) as conn:
        names = [r[0] for r in conn.execute("SELECT canonical FROM entity WHERE canonical LIKE 'harbin'")]
    assert names == ["HARBIN"]


def test_the_summary_line_counts_one_part_and_one_article_in_the_singular():
    from model.corpus.part_merge import Copied
    from model.ingest.merge import MergeSummary

    one = MergeSummary(parts=[("a.db", Copied(articles=1, added=1))])
    two = MergeSummary(parts=[("a.db", Copied(articles=1, added=1)), ("b.db", Copied(articles=1, duplicates=1))])
    assert one.line().startswith("1 part: 1 article added, 0 replaced, 0 skipped as duplicates")
    assert two.line().startswith("2 parts: 1 article added, 0 replaced, 1 skipped as duplicates")


def test_the_merged_corpus_keeps_each_wordings_entities_as_its_rows_make_them(parts, tmp_path):
    from model.corpus import statement_words

    a, b, _want = parts
    out = tmp_path / "out.db"
    merge.merge(str(out), [str(a), str(b)])
    with contextlib.closing(store.connect(out)) as conn:
        table = f"SELECT entity, wording FROM {statement_words.ENTITY_WORDING}"
        kept = set(conn.execute(table))
        conn.execute("SAVEPOINT again")
        statement_words.fill_entity_wordings(conn)
        made = set(conn.execute(table))
        conn.execute("ROLLBACK TO again")
        # every entity named by a statement's quotes: a speaker whose family name the merge joined to a full name
        named = {r[0] for r in conn.execute("SELECT DISTINCT entity FROM entity_quote")}
    assert kept == made and {e for e, _ in kept} == named
