"""The seeds end to end: ingest into a temporary database, export every kind, check the contract."""

import io
import json
import sqlite3

import pytest

from model.corpus import export, store, write
from model.ingest import pipeline as ingest
from model.ingest import pool

CONTRACT = {
    "articles": {"article", "title", "source", "url", "published", "published_basis", "text"},
    "quotes": {
        "article",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_start",
        "speaker_end",
        "cue",
        "basis",
        "confidence",
        "said_on",
        "said_on_basis",
        "title",
        "source",
        "published",
        "statement",
    },
    "statements": {"statement", "speaker", "kind", "text", "first", "last", "articles", "outlets", "quotes"},
    "timeline": {
        "article",
        "start",
        "end",
        "text",
        "type",
        "value",
        "anchor",
        "basis",
        "sentence",
        "event_start",
        "event_end",
        "event",
    },
    "events": {"event", "value", "summary", "trigger", "participants", "place", "reports", "readings", "conflict"},
    "entities": {"entity", "label", "aliases", "mentions", "articles"},
    "mentions": {"article", "start", "end", "text", "entity", "label"},
}


def dump(db, kind, fmt="jsonl"):
    conn = store.connect(db, readonly=True)
    buf = io.StringIO()
    export.write(conn, kind, buf, fmt)
    conn.close()
    return buf.getvalue()


def rows(db, kind):
    return [json.loads(line) for line in dump(db, kind).splitlines()]


def test_every_export_has_the_contract_fields(seeds_db):
    for kind, fields in CONTRACT.items():
        got = rows(seeds_db, kind)
        assert got, kind
        assert all(set(r) == fields for r in got), kind


def test_quotes_name_exported_statements_and_no_statement_mixes_two_speakers(seeds_db):
    statements = {s["statement"]: s for s in rows(seeds_db, "statements")}
    quotes = rows(seeds_db, "quotes")
    assert {q["statement"] for q in quotes} == set(statements)
    speakers: dict[str, set] = {}
    for q in quotes:
        speakers.setdefault(q["statement"], set()).add(q["speaker"])
    assert all(len(names) == 1 for names in speakers.values())
    assert sum(len(s["quotes"]) for s in statements.values()) == len(quotes)
    assert any(len(s["articles"]) > 1 for s in statements.values())


def test_timeline_rows_name_exported_events_and_reports_have_their_offsets(seeds_db):
    events = {e["event"]: e for e in rows(seeds_db, "events")}
    named = [r["event"] for r in rows(seeds_db, "timeline") if r["event"] is not None]
    assert named and set(named) <= set(events)
    report_fields = {"article", "start", "end", "text", "value", "timex_start", "timex_end", "event_start", "event_end"}
    assert all(report_fields <= set(r) for e in events.values() for r in e["reports"])
    assert any(e["conflict"] for e in events.values()) and any(len(e["reports"]) > 2 for e in events.values())


def test_articles_keys_titles_and_boilerplate(seeds_db):
    arts = {a["article"]: a for a in rows(seeds_db, "articles")}
    assert sorted(arts) == [
        "000_1291fdc6df49977e",
        "001_78f9c8f826e79d3a",
        "002_b4e3e2a3ab8100e1",
        "003_e44606e05703f7a6",
        "004_cb1a4ce9872c9508",
    ]
    assert arts["002_b4e3e2a3ab8100e1"]["title"] == "Russia, China Announce Boundless Friendship"
    assert arts["003_e44606e05703f7a6"]["source"] == "Reuters"
    assert "Leave a Reply" not in arts["003_e44606e05703f7a6"]["text"]
    assert "Reset Password" not in arts["004_cb1a4ce9872c9508"]["text"]
    assert all(a["published"] is None or a["published_basis"] for a in arts.values())


def test_mention_offsets_point_into_the_exported_text(seeds_db):
    texts = {a["article"]: a["text"] for a in rows(seeds_db, "articles")}
    ms = rows(seeds_db, "mentions")
    assert len(ms) > 200
    assert all(texts[m["article"]][m["start"] : m["end"]] == m["text"] for m in ms)


def test_canonical_entities_across_the_corpus(seeds_db):
    ents = {e["entity"]: e for e in rows(seeds_db, "entities")}
    assert {"Xi", "XI", "President Xi", "Xi Jinping"} <= set(ents["Xi Jinping"]["aliases"])
    assert {"PRC", "People’s Republic of China"} <= set(ents["China"]["aliases"])
    assert {"U.S.", "US", "United States"} <= set(ents["United States"]["aliases"])
    assert ents["Vladimir Putin"]["articles"] == 5
    owners = {}
    for e in ents.values():
        for a in e["aliases"]:
            owners.setdefault(a, set()).add(e["entity"])
    for alias in ("Wang", "Wan", "Price", "Xi", "Putin", "Qin", "Shen"):
        assert len(owners[alias]) == 1, (alias, owners[alias])
    assert owners["Wan"] == {"Wan Qingsong"} and owners["Wang"] == {"Wang Yi"}
    assert "Daniel Russell" in ents and "Daniel Krettenbrink" in ents


def test_csv_export_round_trips(seeds_db):
    import csv

    got = list(csv.DictReader(io.StringIO(dump(seeds_db, "entities", "csv"))))
    assert got and set(got[0]) == CONTRACT["entities"]


def test_reingest_is_unchanged_and_does_no_nlp(seeds_db, monkeypatch):
    def boom(*a, **k):
        raise AssertionError("NLP ran on unchanged articles")

    monkeypatch.setattr(pool, "process_batch", boom)
    s = ingest.ingest([_seeds()], str(seeds_db), jobs=1)
    assert (s.new, s.updated, s.unchanged) == (0, 0, 5)


def test_changed_file_is_updated_and_user_date_survives(tmp_path, nlp):
    from model import corrections

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Putin met Xi Jinping in Beijing on Thursday, officials said.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert ingest.ingest([str(src)], db, jobs=1).new == 1
    conn = store.connect(db)
    corrections.set_published(conn, "a", "2024-05-16")
    conn.close()
    (src / "a.txt").write_text(
        "Putin met Xi Jinping in Beijing on Thursday, officials said. Talks went on.\n", encoding="utf-8"
    )
    s = ingest.ingest([str(src)], db, jobs=1)
    assert (s.new, s.updated) == (0, 1)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT published, published_basis FROM article").fetchone() == ("2024-05-16", "set by user")


def test_a_new_pipeline_version_extracts_unchanged_articles_again(tmp_path, nlp, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Putin met Xi Jinping in Beijing on Thursday, officials said.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert ingest.ingest([str(src)], db, jobs=1).new == 1
    assert ingest.ingest([str(src)], db, jobs=1).unchanged == 1
    monkeypatch.setattr(write, "PIPELINE_VERSION", write.PIPELINE_VERSION + "-next")
    s = ingest.ingest([str(src)], db, jobs=1)
    assert (s.new, s.updated, s.unchanged) == (0, 1, 0)
    assert ingest.ingest([str(src)], db, jobs=1).unchanged == 1


def _seeds():
    from tests.conftest import ROOT

    return str(ROOT / "seeds")


def test_a_failing_extractor_costs_its_records_not_the_article(tmp_path, nlp, monkeypatch):
    from model.extract.quotes import extractor as quotes

    def broken(*a, **k):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(quotes, "extract_quotes", broken)
    src = tmp_path / "a.txt"
    src.write_text("“We will meet again,” Putin said in Beijing on Thursday.\n", encoding="utf-8")
    s = ingest.ingest([str(src)], str(tmp_path / "c.db"), jobs=1)
    assert s.new == 1 and not s.skipped
    assert [w.reason for w in s.warnings] == ["stored, but quotes failed (OverflowError: date value out of range)"]
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT COUNT(*) FROM mention").fetchone()[0] >= 1  # the other extractors still ran
    assert conn.execute("SELECT COUNT(*) FROM timex").fetchone()[0] >= 1
    assert conn.execute("SELECT COUNT(*) FROM quote").fetchone()[0] == 0


def test_ingesting_in_two_runs_gives_the_same_entities_as_one(tmp_path, seeds_db, nlp):
    import shutil

    from tests.conftest import ROOT

    files = sorted((ROOT / "seeds").glob("*.txt"))
    parts = [tmp_path / "one", tmp_path / "two"]
    for i, f in enumerate(files):
        d = parts[0] if i < 3 else parts[1]
        d.mkdir(exist_ok=True)
        shutil.copy(f, d / f.name)
    db = tmp_path / "two-runs.db"
    assert ingest.ingest([str(parts[0])], str(db), jobs=1).new == 3
    assert ingest.ingest([str(parts[1])], str(db), jobs=1).new == 2
    key = lambda r: r["entity"]  # noqa: E731
    got = sorted(rows(db, "entities"), key=key)
    want = sorted(rows(seeds_db, "entities"), key=key)
    assert [(r["entity"], r["label"], sorted(r["aliases"]), r["mentions"], r["articles"]) for r in got] == [
        (r["entity"], r["label"], sorted(r["aliases"]), r["mentions"], r["articles"]) for r in want
    ]


def test_ingest_in_worker_processes_stores_what_one_process_does(tmp_path, seeds_db, nlp, monkeypatch):
    # several batches on two workers: the pool path (worker start-up, preloading, pickling) end to end
    monkeypatch.setattr(pool, "BATCH_ARTICLES", 2)
    db = tmp_path / "pool.db"
    summary = ingest.ingest([_seeds()], str(db), jobs=2)
    assert (summary.new, summary.skipped, summary.warnings) == (5, [], [])
    for kind in ("mentions", "quotes", "timeline"):
        assert dump(db, kind) == dump(seeds_db, kind), kind


def test_a_worker_that_cannot_start_fails_the_ingest_instead_of_hanging(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "BATCH_ARTICLES", 2)

    def broken():
        raise OSError("no language model here")

    monkeypatch.setattr(pool, "_worker_nlp", broken)
    with pytest.raises(OSError, match="no language model"):
        ingest.ingest([_seeds()], str(tmp_path / "broken.db"), jobs=2)


def test_an_error_inside_the_quote_rules_reaches_the_ingest_summary(tmp_path, nlp, monkeypatch):
    # the extractor hides nothing: one error guard per extractor, in ingest (model/ingest/extraction.py)
    from model.extract.quotes import extractor as quotes

    def broken_rule(*a, **k):
        raise IndexError("a rule read past the sentence")

    monkeypatch.setattr(quotes, "find_frames", broken_rule)
    src = tmp_path / "a.txt"
    src.write_text("“We will meet again,” Putin said in Beijing on Thursday.\n", encoding="utf-8")
    s = ingest.ingest([str(src)], str(tmp_path / "c.db"), jobs=1)
    assert s.new == 1
    assert [w.reason for w in s.warnings] == ["stored, but quotes failed (IndexError: a rule read past the sentence)"]
