"""Streaming ingest: records read a line at a time, as a whole read makes them; the reading never runs more
than a window of batches ahead of the parsing; pieces of a file read apart make what the whole makes;
what a run need not parse is judged on disk; the progress's totals are estimates until the reading ends."""

from __future__ import annotations

import io
import json

import pytest

from model.corpus import store, write
from model.ingest import decode, estimate, pipeline, pool, record_files, shards, sources
from model.ingest.dedupe import RunKeys, Verdict
from model.records import Article, Extraction, Skipped


def rec(i: int, text: str | None = None, ensure_ascii: bool = True, **extra) -> str:
    text = text or f"The minister said on day {i} that talks would go on."
    return json.dumps({"id": f"r{i}", "text": text, **extra}, ensure_ascii=ensure_ascii)


TRICKY = (
    rec(1)
    + "\r\n"
    + rec(2, "A line with a separator\u2028inside and a next-line\x85 mark.", ensure_ascii=False)
    + "\r"  # a lone CR ends a line too
    + "{not json\n"
    + "\n"
    + json.dumps({"text": "A record without an id takes its line's number."})
    + "\n   \n"
    + rec(3, title="Talks", published="2022-05-03")
)  # and no newline at the end


def whole(items) -> list:
    return [(type(i).__name__, getattr(i, "key", None), getattr(i, "origin", None), getattr(i, "text", None),
             getattr(i, "reason", None)) for i in items]  # fmt: skip


def test_a_streamed_jsonl_reads_as_the_whole_text_does():
    data = TRICKY.encode("utf-8")
    want = whole(record_files.read_jsonl(TRICKY, "in.jsonl", "in"))
    assert whole(record_files.stream_jsonl(io.BytesIO(data), "in.jsonl", "in")) == want
    assert whole(record_files.stream_jsonl(io.BytesIO(b"\xef\xbb\xbf" + data), "in.jsonl", "in")) == want
    assert [w[1] for w in want if w[0] == "Article"] == ["r1", "r2", "in:5", "r3"]


def test_a_line_past_the_limit_is_skipped_and_the_next_read(monkeypatch):
    monkeypatch.setattr(record_files, "MAX_LINE_BYTES", 128)
    data = (rec(1, "x " * 100) + "\n" + rec(2) + "\n").encode()
    items = list(record_files.stream_jsonl(io.BytesIO(data), "in.jsonl", "in"))
    assert isinstance(items[0], Skipped) and "line too long" in items[0].reason and items[0].origin == "in.jsonl:1"
    assert [i.key for i in items[1:]] == ["r2"]


@pytest.mark.parametrize(
    ("data", "plain"),
    [
        (b'{"text": "caf\xc3\xa9"}\n', True),
        (b"\xef\xbb\xbf" + b'{"text": "a"}\n', True),
        (b'{"text": "caf\xe9"}\n', False),  # Latin-1: decoded whole, as before
        (b"\xff\xfe" + '{"text": "a"}'.encode("utf-16-le"), False),
        (b'{"text": "a\x00"}\n', False),
        (b"\x01\x02\x03\x04" * 100, False),
    ],
)
def test_which_files_are_plain_utf8(data, plain):
    assert decode.is_plain_utf8(io.BytesIO(data)) is plain


def test_a_plain_utf8_jsonl_has_no_size_limit_and_another_keeps_its_old_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_RECORDS_FILE_BYTES", 10)
    (tmp_path / "u.jsonl").write_bytes(TRICKY.encode("utf-8"))
    assert whole(sources.read_path(tmp_path / "u.jsonl")) == whole(
        record_files.read_jsonl(TRICKY, sources.shown(tmp_path / "u.jsonl"), "u")
    )
    (tmp_path / "l.jsonl").write_bytes(rec(1, "Caf\xe9 talks went on.", ensure_ascii=False).encode("latin-1") + b"\n")
    (s,) = sources.read_path(tmp_path / "l.jsonl")
    assert isinstance(s, Skipped) and "too large" in s.reason
    monkeypatch.setattr(sources, "MAX_RECORDS_FILE_BYTES", 1000)
    (a,) = sources.read_path(tmp_path / "l.jsonl")
    assert a.text == "Café talks went on."


def test_empty_streamed_files_say_so(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "w.jsonl").write_bytes(b"  \n\n \n")
    assert [s.reason for s in sources.read_path(tmp_path / "e.jsonl")] == ["empty file"]
    assert [s.reason for s in sources.read_path(tmp_path / "w.jsonl")] == ["empty file (only whitespace)"]


def test_pieces_of_a_file_read_apart_make_what_the_whole_makes(tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "SHARD_RECORDS", 2)
    lines = [rec(i) if i % 3 else json.dumps({"text": f"Record {i} has no id."}) for i in range(11)]
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "r.jsonl"
    path.write_bytes(("\r\n".join(lines[:5]) + "\r" + "\n".join(lines[5:]) + "\n").encode())
    (tmp_path / "in" / "a.txt").write_text("The envoy said the talks would resume.\n")
    plan = shards.plan([str(tmp_path / "in")])
    assert len(plan) > 4 and shards.size(plan)[0] >= 11
    apart = [i for s in plan for i in shards.read(s)]
    assert whole(apart) == whole(sources.read_all([str(tmp_path / "in")]))


def test_the_expected_records_count_lines_of_record_files_and_one_a_file(tmp_path):
    (tmp_path / "r.jsonl").write_text("\n".join(rec(i) for i in range(7)))
    (tmp_path / "c.csv").write_text("id,text\n1,a\n2,b\n")
    (tmp_path / "a.txt").write_text("Some text.\n")
    assert estimate.expected_records([str(tmp_path)]) == 7 + 2 + 1


def test_a_run_judges_records_on_disk(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    art = Article(key="k1", text="The envoy said the talks would resume.", sha256="h1")
    write.write_article(conn, art, Extraction(), write.EntityCache(conn))
    conn.execute("UPDATE article SET pipeline_version='an older one'")
    conn.commit()
    with RunKeys(conn) as keys:
        assert keys.judge("k1", "h1") is Verdict.PARSE  # stored by an older pipeline: parsed again
    conn.execute("UPDATE article SET pipeline_version=?", (write.PIPELINE_VERSION,))
    conn.commit()
    with RunKeys(conn) as keys:
        assert keys.judge("k1", "h1") is Verdict.UNCHANGED
        assert keys.judge("k2", "h2") is Verdict.PARSE
        assert keys.judge("k2", "h2") is Verdict.REPEAT
        assert keys.judge("k2", "other") is Verdict.CONFLICT
        assert keys.judge("k1", "h1") is Verdict.REPEAT
    conn.close()


def fake_parse(arts, nlp=None, seconds=None):
    return [(a, None, "not parsed in this test") for a in arts]


def test_reading_stays_a_window_of_batches_ahead_of_the_parsing(monkeypatch):
    monkeypatch.setattr(pool, "process_batch", fake_parse)
    read = []

    def parts():
        for i in range(100):
            read.append(i)
            yield [Article(key=f"k{i}", text="x")]

    seen_when_written = []
    pool.parse_all(parts(), 1, lambda results: seen_when_written.append(len(read)))
    assert seen_when_written[0] <= pool.WINDOW_PER_JOB + 1
    assert len(seen_when_written) == 100 and seen_when_written[-1] == 100


def test_progress_totals_are_estimates_until_the_reading_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "process_batch", fake_parse)
    monkeypatch.setattr(pool, "BATCH_ARTICLES", 2)
    n = 4 * pool.WINDOW_PER_JOB * 2 + 5
    (tmp_path / "r.jsonl").write_text("\n".join(rec(i) for i in range(n)) + "\n")
    seen = []
    summary = pipeline.ingest([str(tmp_path / "r.jsonl")], str(tmp_path / "c.db"), jobs=1, progress=seen.append)
    assert len(summary.skipped) == n
    parsing = [p for p in seen if p.phase == "parsing"]
    assert parsing[0].estimated and parsing[0].total == n  # the pre-count: the lines of the file
    assert not parsing[-1].estimated and (parsing[-1].done, parsing[-1].total) == (n, n)


def test_the_pre_count_is_skipped_without_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "process_batch", fake_parse)
    monkeypatch.setattr(pipeline, "expected_records", lambda *a, **k: pytest.fail("counted for no one"))
    (tmp_path / "a.txt").write_text("Some text.\n")
    assert len(pipeline.ingest([str(tmp_path / "a.txt")], str(tmp_path / "c.db"), jobs=1).skipped) == 1


def test_the_ingest_imports_no_dask_unless_a_cluster_is_asked_for():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; import tui.cli, model.ingest.pipeline, model.ingest.shards; "
        "sys.exit(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, capture_output=True)
    assert done.returncode == 0, done.stderr
