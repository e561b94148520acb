"""Where an event happened, as the merge of events across outlets reads it: a dateline's place is where the copy was
filed (two outlets filing from two capitals report one call), a place the sentence names is where it happened (two
cities named: two events), and speaking by telephone is a call, however each outlet words it."""

from __future__ import annotations

import json
import sqlite3

from model.ingest import pipeline as ingest

ARTICLES = [
    {
        "id": "wire-a",
        "published": "2024-03-08",
        "text": "OSLO, March 8 (Wire) - Ana Ruiz and Tom Berg spoke by telephone on Thursday, her office said.",
    },
    {
        "id": "wire-b",
        "published": "2024-03-07",
        "text": "LISBON, March 7 (Wire) - Tom Berg held a phone conversation with Ana Ruiz on Thursday.",
    },
    {
        "id": "paper-c",
        "published": "2024-03-09",
        "text": "Ana Ruiz and Tom Berg met in Bergen on Friday, March 1.",
    },
    {
        "id": "paper-d",
        "published": "2024-03-09",
        "text": "Ana Ruiz and Tom Berg met in Porto on Saturday, March 2.",
    },
]


def _events(tmp_path) -> list[dict]:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert ingest.ingest([str(src)], db, jobs=1).new == len(ARTICLES)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT e.value, e.trigger, e.place, e.conflict, group_concat(a.key) FROM event e "
        "JOIN event_report r ON r.event = e.id JOIN article a ON a.id = r.article GROUP BY e.id ORDER BY e.value"
    )
    return [dict(zip(("value", "trigger", "place", "conflict", "articles"), row)) for row in rows]


def test_a_call_filed_from_two_capitals_is_one_event_and_two_cities_two(tmp_path, nlp):
    events = _events(tmp_path)
    call = [e for e in events if "wire-a" in e["articles"]]
    assert len(call) == 1 and sorted(call[0]["articles"].split(",")) == ["wire-a", "wire-b"]
    assert call[0]["value"] == "2024-03-07" and not call[0]["conflict"]
    met = {e["articles"]: e for e in events if e["articles"] in ("paper-c", "paper-d")}
    assert {e["place"] for e in met.values()} == {"Bergen", "Porto"} and not any(e["conflict"] for e in met.values())
