"""The export contract (DESIGN.md): one JSON object a line, or CSV with the same columns.

Offsets are character offsets into the article's `text` as exported by
`export articles`. Rows are streamed, so exports of large corpora use little memory.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO

KINDS = ("articles", "entities", "mentions", "quotes", "timeline")

QUERIES = {
    "articles": (
        "SELECT key AS article, title, source, url, published, published_basis, text FROM article ORDER BY key",
        ["article", "title", "source", "url", "published", "published_basis", "text"],
    ),
    "mentions": (
        "SELECT a.key AS article, m.start, m.end, m.text, e.canonical AS entity, m.label FROM mention m "
        "JOIN article a ON a.id=m.article JOIN entity e ON e.id=m.entity ORDER BY a.key, m.start",
        ["article", "start", "end", "text", "entity", "label"],
    ),
    "quotes": (
        "SELECT a.key AS article, q.start, q.end, q.text, q.kind, "
        "COALESCE(e.canonical, q.speaker_name) AS speaker, q.speaker_start, q.speaker_end, q.cue, q.basis, "
        "q.confidence FROM quote q JOIN article a ON a.id=q.article "
        "LEFT JOIN entity e ON e.id=q.speaker_entity ORDER BY a.key, q.start",
        [
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
        ],
    ),
    "timeline": (
        "SELECT a.key AS article, t.start, t.end, t.text, t.type, t.value, t.anchor, t.basis, t.sentence "
        "FROM timex t JOIN article a ON a.id=t.article ORDER BY a.key, t.start",
        ["article", "start", "end", "text", "type", "value", "anchor", "basis", "sentence"],
    ),
    "entities": (
        "SELECT e.canonical AS entity, e.label, "
        "(SELECT json_group_array(alias) FROM (SELECT alias FROM alias WHERE entity=e.id "
        "ORDER BY count DESC, alias)) AS aliases, e.mentions, e.articles FROM entity e "
        "ORDER BY e.mentions DESC, e.canonical",
        ["entity", "label", "aliases", "mentions", "articles"],
    ),
}


def rows(conn: sqlite3.Connection, kind: str) -> Iterator[dict]:
    sql, cols = QUERIES[kind]
    for r in conn.execute(sql):
        d = dict(zip(cols, r))
        if kind == "entities":
            d["aliases"] = json.loads(d["aliases"] or "[]")
        yield d


def write(conn: sqlite3.Connection, kind: str, out: IO[str], fmt: str = "jsonl") -> int:
    n = 0
    if fmt == "jsonl":
        for d in rows(conn, kind):
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        cols = QUERIES[kind][1]
        w = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for d in rows(conn, kind):
            if kind == "entities":
                d["aliases"] = "; ".join(d["aliases"])
            w.writerow(d)
            n += 1
    else:
        raise ValueError(f"unknown format '{fmt}' (use jsonl or csv)")
    return n
