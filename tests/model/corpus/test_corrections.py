"""A user's corrections: each kind and its undo, kept apart from the extracted rows, replayed after re-ingest (the
same files, changed files, a new extraction version), orphans listed, shared through JSON records."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing

import pytest

from model import corrections
from model.corpus import correction_store, export, store, write
from model.ingest import pipeline as ingest

TALKS = (
    "Russian President Vladimir Putin met the Chinese diplomat Wang Yi in Moscow on Wednesday. "
    '"Our ties are reaching new heights," Putin said after the meeting. Wang told reporters that the '
    "partnership was stronger than ever. The State Department said the visit was worrying. "
    '"We are watching closely," said Ned Price, a spokesman for the US State Department.'
)
VISIT = (
    "Wang Yi arrived in Moscow on 22 February 2023 for talks with Vladimir Putin. "
    '"The world is changing," Wang said on Tuesday. Donald Trump Jr. wrote that the talks were a mistake. '
    "Donald Trump said last year that he would meet Putin."
)
RECORDS = [
    {"id": "talks", "title": "Talks in Moscow", "published": "2023-02-24", "text": TALKS},
    {"id": "visit", "title": "A visit", "published": "2023-02-23", "text": VISIT},
]
KINDS = ("articles", "entities", "mentions", "quotes", "statements", "timeline", "events")


def write_records(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("corr")
    src = folder / "in.jsonl"
    write_records(src, RECORDS)
    db = folder / "c.db"
    assert ingest.ingest([str(src)], str(db), jobs=1).new == 2
    return db, src


@pytest.fixture
def corpus(built, tmp_path):
    """A copy of the two articles' database, its input file and a connection to it."""
    db, src = built
    mine = tmp_path / "c.db"
    shutil.copy(db, mine)
    shutil.copy(src, tmp_path / "in.jsonl")
    conn = store.connect(mine)
    yield mine, tmp_path / "in.jsonl", conn
    conn.close()


def dump(conn) -> dict:
    return {k: list(export.rows(conn, k)) for k in KINDS}


def quote(conn, text: str) -> dict | None:
    return next((q for q in export.rows(conn, "quotes") if q["text"] == text), None)


def mention_entity(conn, article: str, text: str) -> list[str]:
    return [m["entity"] for m in export.rows(conn, "mentions") if m["article"] == article and m["text"] == text]


def entity(conn, name: str) -> dict | None:
    return next((e for e in export.rows(conn, "entities") if e["entity"] == name), None)


def span(conn, table: str, text: str) -> dict:
    row = conn.execute(
        f"SELECT a.key, t.start, t.end FROM {table} t JOIN article a ON a.id = t.article WHERE t.text=?", (text,)
    ).fetchone()
    return {"article": row[0], "start": row[1], "end": row[2]}


def reingest(db, src, **kw):
    return ingest.ingest([str(src)], str(db), jobs=1, **kw)


# ---------------------------------------------------------------- each correction and its undo


def test_split_an_alias_off_into_a_new_entity_and_undo(corpus):
    db, _, conn = corpus
    before = dump(conn)
    c = corrections.correct(
        conn, "entity_split", {"entity": "Donald Trump Jr.", "alias": "Donald Trump"}, {"into": "Donald Trump"}
    )
    assert mention_entity(conn, "visit", "Donald Trump") == ["Donald Trump"]
    assert mention_entity(conn, "visit", "Donald Trump Jr.") == ["Donald Trump Jr."]
    assert quote(conn, "he would meet Putin")["speaker"] == "Donald Trump"  # read from the mention that moved
    assert quote(conn, "the talks were a mistake")["speaker"] == "Donald Trump Jr."
    assert entity(conn, "Donald Trump")["label"] == "PERSON"
    corrections.undo(conn, c.id)
    assert dump(conn) == before


def test_merge_an_entity_into_another_and_undo(corpus):
    _, _, conn = corpus
    before = dump(conn)
    c = corrections.correct(conn, "entity_merge", {"entity": "Ned Price"}, {"into": "US State Department"})
    assert entity(conn, "Ned Price") is None
    assert "Ned Price" in entity(conn, "US State Department")["aliases"]
    assert quote(conn, "We are watching closely,")["speaker"] == "US State Department"
    corrections.undo(conn, c.id)
    assert dump(conn) == before


def test_rename_an_entity_and_undo(corpus):
    _, _, conn = corpus
    before = dump(conn)
    c = corrections.correct(conn, "entity_rename", {"entity": "Wang Yi"}, {"name": "Wang Yi (minister)"})
    assert entity(conn, "Wang Yi") is None and entity(conn, "Wang Yi (minister)")["mentions"] == 4
    assert quote(conn, "The world is changing,")["speaker"] == "Wang Yi (minister)"
    events = list(export.rows(conn, "events"))
    assert any("Wang Yi (minister)" in e["participants"] for e in events)
    corrections.undo(conn, c.id)
    assert dump(conn) == before


def test_set_an_entity_type_survives_the_entity_refresh_and_undo(corpus):
    _, _, conn = corpus
    before = dump(conn)
    c = corrections.correct(conn, "entity_type", {"entity": "Moscow"}, {"label": "LOC"})
    from model.corpus.entity_refresh import refresh_entities

    refresh_entities(conn, None)  # what an ingest does after writing: the labels come from the mentions again
    assert entity(conn, "Moscow")["label"] == "LOC"
    corrections.undo(conn, c.id)
    assert dump(conn) == before


def test_set_clear_a_speaker_change_the_kind_reject_a_quote_and_undo_each(corpus):
    _, _, conn = corpus
    before = dump(conn)
    target = span(conn, "quote", "the visit was worrying")
    set_speaker = corrections.correct(conn, "quote_speaker", target, {"speaker": "Ned Price"})
    assert quote(conn, "the visit was worrying")["speaker"] == "Ned Price"
    kind = corrections.correct(conn, "quote_kind", target, {"kind": "stance"})
    assert quote(conn, "the visit was worrying")["kind"] == "stance"
    corrections.undo(conn, set_speaker.id)  # the other correction of the quote stays
    q = quote(conn, "the visit was worrying")
    assert (q["speaker"], q["kind"]) == ("US State Department", "stance")
    corrections.undo(conn, kind.id)
    assert dump(conn) == before
    cleared = corrections.correct(conn, "quote_speaker", target, {"speaker": None})
    assert quote(conn, "the visit was worrying")["speaker"] is None
    corrections.undo(conn, cleared.id)
    reject = corrections.correct(conn, "quote_reject", span(conn, "quote", "The world is changing,"))
    assert quote(conn, "The world is changing,") is None
    corrections.undo(conn, reject.id)
    assert dump(conn) == before


def statement_of(conn, text: str) -> dict | None:
    return next((st for st in export.rows(conn, "statements") if text in st["text"]), None)


def test_a_quotes_corrected_speaker_moves_it_to_that_speakers_statements(corpus):
    _, _, conn = corpus
    target = span(conn, "quote", "the visit was worrying")
    assert statement_of(conn, "the visit was worrying")["speaker"] == "US State Department"
    made = corrections.correct(conn, "quote_speaker", target, {"speaker": "Ned Price"})
    assert statement_of(conn, "the visit was worrying")["speaker"] == "Ned Price"
    rejected = corrections.correct(conn, "quote_reject", target)
    assert statement_of(conn, "the visit was worrying") is None
    corrections.undo(conn, rejected.id)
    corrections.undo(conn, made.id)
    assert statement_of(conn, "the visit was worrying")["speaker"] == "US State Department"


def test_reject_a_date_or_set_its_value_and_undo(corpus):
    _, _, conn = corpus
    before = dump(conn)
    target = span(conn, "timex", "Tuesday")
    value = corrections.correct(conn, "date_value", target, {"value": "2023-02-14"})
    row = next(t for t in export.rows(conn, "timeline") if t["text"] == "Tuesday")
    assert (row["value"], row["basis"]) == ("2023-02-14", "set by you")
    assert any(e["value"] == "2023-02-14" for e in export.rows(conn, "events"))  # its event moved with it
    corrections.undo(conn, value.id)
    assert dump(conn) == before
    reject = corrections.correct(conn, "date_reject", target)
    assert all(t["text"] != "Tuesday" for t in export.rows(conn, "timeline"))
    corrections.undo(conn, reject.id)
    assert dump(conn) == before


def test_a_value_that_cannot_be_or_a_target_not_there_changes_nothing(corpus):
    _, _, conn = corpus
    before = dump(conn)
    with pytest.raises(corrections.CorrectionError, match="not a calendar date"):
        corrections.correct(conn, "date_value", span(conn, "timex", "Tuesday"), {"value": "soon"})
    with pytest.raises(corrections.CorrectionError, match="not a kind of quote"):
        corrections.correct(conn, "quote_kind", span(conn, "quote", "The world is changing,"), {"kind": "rumour"})
    with pytest.raises(corrections.CorrectionError, match="not in the corpus"):
        corrections.correct(conn, "quote_reject", {"article": "talks", "start": 1, "end": 5})
    with pytest.raises(corrections.CorrectionError, match="not in the corpus"):
        corrections.correct(conn, "entity_merge", {"entity": "Nobody"}, {"into": "Nobody Else"})
    assert dump(conn) == before and correction_store.every(conn) == []


def test_set_an_articles_date_through_a_correction_and_undo(corpus):
    _, _, conn = corpus
    before = dump(conn)
    c = corrections.correct(conn, "article_date", {"article": "visit"}, {"published": "2023-03-02"})
    assert next(t for t in export.rows(conn, "timeline") if t["text"] == "Tuesday")["value"] == "2023-02-28"
    corrections.undo(conn, c.id)
    assert dump(conn) == before


def _event_of(conn, text_start: int, article: str) -> str:
    return next(
        e["event"]
        for e in export.rows(conn, "events")
        if any(r["article"] == article and r["timex_start"] == text_start for r in e["reports"])
    )


def test_split_a_report_off_an_event_and_merge_two_events_and_undo(corpus):
    _, _, conn = corpus
    before = dump(conn)
    joined = [e for e in export.rows(conn, "events") if len(e["reports"]) > 1]
    assert joined, "the two articles' meeting is one event"
    r = joined[0]["reports"][-1]
    split = corrections.correct(conn, "event_split", {"article": r["article"], "timex_start": r["timex_start"]})
    assert len(list(export.rows(conn, "events"))) == len(before["events"]) + 1
    corrections.undo(conn, split.id)
    assert dump(conn) == before
    tuesday = span(conn, "timex", "Tuesday")
    wednesday = span(conn, "timex", "Wednesday")
    merge = corrections.correct(
        conn,
        "event_merge",
        {"article": tuesday["article"], "timex_start": tuesday["start"]},
        {"article": wednesday["article"], "timex_start": wednesday["start"]},
    )
    assert _event_of(conn, tuesday["start"], "visit") == _event_of(conn, wednesday["start"], "talks")
    corrections.undo(conn, merge.id)
    assert dump(conn) == before


# ---------------------------------------------------------------- replay


def make_some(conn) -> None:
    corrections.correct(
        conn, "entity_split", {"entity": "Donald Trump Jr.", "alias": "Donald Trump"}, {"into": "Donald Trump"}
    )
    corrections.correct(conn, "entity_type", {"entity": "Moscow"}, {"label": "LOC"})
    corrections.correct(conn, "quote_speaker", span(conn, "quote", "the visit was worrying"), {"speaker": "Ned Price"})
    corrections.correct(conn, "quote_reject", span(conn, "quote", "The world is changing,"))
    corrections.correct(conn, "date_value", span(conn, "timex", "last year"), {"value": "2021"})
    corrections.set_published(conn, "talks", "2023-02-25")


def test_corrections_hold_after_reingest_of_the_same_files_and_a_new_extraction_version(corpus, monkeypatch):
    db, src, conn = corpus
    make_some(conn)
    corrected = dump(conn)
    assert reingest(db, src).unchanged == 2
    assert dump(conn) == corrected
    monkeypatch.setattr(write, "PIPELINE_VERSION", "next")  # every article extracted again
    summary = reingest(db, src)
    assert summary.updated == 2 and summary.orphaned_corrections == 0
    assert dump(conn) == corrected
    assert {c.status for c in correction_store.every(conn)} == {"applied"}


def test_changed_files_keep_what_they_still_hold_and_list_the_rest_as_orphaned(corpus):
    db, src, conn = corpus
    make_some(conn)
    changed = [
        dict(RECORDS[0], text="An added first sentence moves every offset. " + TALKS),
        dict(RECORDS[1], text=VISIT.replace('"The world is changing," Wang said on Tuesday. ', "")),
    ]
    write_records(src, changed)
    summary = reingest(db, src)
    assert summary.orphaned_corrections == 1
    assert quote(conn, "the visit was worrying")["speaker"] == "Ned Price"  # found again by its text
    assert quote(conn, "the visit was worrying")["start"] == span(conn, "quote", "the visit was worrying")["start"]
    orphans = correction_store.every(conn, "status='orphaned'")
    assert [c.kind for c in orphans] == ["quote_reject"]
    assert mention_entity(conn, "visit", "Donald Trump") == ["Donald Trump"]
    assert entity(conn, "Moscow")["label"] == "LOC"
    assert next(a for a in export.rows(conn, "articles") if a["article"] == "talks")["published"] == "2023-02-25"
    write_records(src, RECORDS)  # the text back: the orphan holds again
    reingest(db, src)
    assert quote(conn, "The world is changing,") is None
    assert correction_store.count(conn, "orphaned") == 0


def test_undoing_every_correction_gives_the_extraction_back(corpus):
    _, _, conn = corpus
    before = dump(conn)
    make_some(conn)
    assert dump(conn) != before
    corrections.undo_all(conn)
    assert dump(conn) == before and correction_store.every(conn) == []


# ---------------------------------------------------------------- shared as records


def test_records_imported_into_another_copy_apply_once(corpus, built, tmp_path):
    _, _, conn = corpus
    make_some(conn)
    records = [c.record() for c in correction_store.every(conn)]
    records.append({"kind": "quote_reject", "target": {"article": "elsewhere", "start": 0, "end": 4, "text": "abcd"}})
    records.append({"kind": "quote_kind", "target": {"article": "talks"}})
    other = tmp_path / "other.db"
    shutil.copy(built[0], other)
    with closing(store.connect(other)) as conn2:
        done = corrections.import_records(conn2, enumerate(records, 1))
        assert (done.applied, done.orphaned, done.present, len(done.bad)) == (6, 1, 0, 1)
        assert "lacks start, end" in done.bad[0]
        assert dump(conn2) == dump(conn)
        again = corrections.import_records(conn2, enumerate(records, 1))
        assert (again.applied, again.orphaned, again.present) == (0, 0, 7)


def test_a_version_6_database_keeps_its_user_dates_as_corrections(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, key TEXT)")
    conn.execute("CREATE TABLE override (article_key TEXT, field TEXT, value TEXT, created TEXT)")
    conn.executemany(
        "INSERT INTO override VALUES (?,?,?,?)",
        [
            ("a", "published", "2020-01-02", "t"),
            ("a", "detected_published", "", "t"),
            ("a", "detected_basis", "x", "t"),
        ],
    )
    conn.execute("PRAGMA user_version=6")
    conn.commit()
    conn.close()
    from model.corpus import schema

    conn = sqlite3.connect(db, isolation_level=None)
    schema.upgrade_from_6(conn)
    (c,) = correction_store.every(conn)
    assert (c.kind, c.target, c.value, c.original) == (
        "article_date",
        {"article": "a"},
        {"published": "2020-01-02"},
        {"published": None, "published_basis": "x"},
    )
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name='override'").fetchone()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
