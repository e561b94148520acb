"""The export contract (DESIGN.md): one JSON object a line, or CSV with the same columns.

Offsets are character offsets into the article's `text` as exported by
`export articles`. Rows are streamed, so exports of large corpora use little memory.

An export is read in a terminal, a spreadsheet or another program, so what a stored string may
carry is made harmless on the way out (ingest strips it, but a database may have been written by
something else):
- JSONL writes every C0/C1 control, DEL, bidi control, line or paragraph separator, BOM and lone
  surrogate as a `\\uXXXX` escape: valid JSON, the same value when parsed, nothing raw on a screen.
- CSV has no escapes: such a character (but tab and newline) becomes U+FFFD, one character for one,
  so offsets still hold. A text cell that a spreadsheet would run as a formula (a leading `=`, `+`,
  `-`, `@`, tab or CR) gets a leading `'` (OWASP), unless `raw_csv`. Numbers (offsets, counts,
  confidence) are written as numbers and never changed.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import IO

from model.corpus import review
from model.corpus.schema import EVENT_WORD_COLUMNS, SAID_ON_COLUMNS
from model.corpus.selection import Narrowing, Selection, narrowed, narrowing
from model.unsafe import UNSAFE_CHARS

# What json.dumps(ensure_ascii=False) leaves raw that must not reach a terminal (it escapes C0 itself).
_JSON_RAW = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_CSV_UNSAFE = re.compile(f"[{UNSAFE_CHARS}\u061c\u200e\u200f\u2028\u2029\ud800-\udfff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# what was extracted (and corrected)
KINDS = ("articles", "entities", "mentions", "quotes", "statements", "timeline", "events")
# Not extracted but measured: the review's figures (`model.corpus.review`), per kind the share answered right and
# its 95% interval; exported the same way.
REVIEW_COLUMNS = ["kind", "reviewed", "right", "wrong", "skipped", "share", "low", "high"]

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
        "q.confidence, q.said_on, q.said_on_basis, a.title, a.source, a.published, "
        "(SELECT qs.statement FROM quote_statement qs WHERE qs.quote=q.id) AS statement FROM quote q "
        "JOIN article a ON a.id=q.article LEFT JOIN entity e ON e.id=q.speaker_entity ORDER BY a.key, q.start",
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
            "said_on",
            "said_on_basis",
            "title",
            "source",
            "published",
            "statement",
        ],
    ),
    "statements": (
        "SELECT id AS statement, speaker, kind, text, first, last, id AS articles, outlets, id AS quotes "
        "FROM statement ORDER BY first IS NULL, first, last, speaker IS NULL, speaker, id",
        ["statement", "speaker", "kind", "text", "first", "last", "articles", "outlets", "quotes"],
    ),
    "timeline": (
        "SELECT a.key AS article, t.start, t.end, t.text, t.type, t.value, t.anchor, t.basis, t.sentence, "
        "t.event_start, t.event_end, (SELECT r.event FROM event_report r WHERE r.article=t.article "
        "AND r.timex_start=t.start AND r.timex_end=t.end) AS event FROM timex t JOIN article a ON a.id=t.article "
        "ORDER BY a.key, t.start",
        [
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
        ],
    ),
    "events": (
        "SELECT id AS event, value, summary, trigger, participants, place, id AS reports, readings, conflict "
        "FROM event ORDER BY value, id",
        ["event", "value", "summary", "trigger", "participants", "place", "reports", "readings", "conflict"],
    ),
    "entities": (
        "SELECT e.canonical AS entity, e.label, "
        "(SELECT json_group_array(alias) FROM (SELECT alias FROM alias WHERE entity=e.id "
        "ORDER BY count DESC, alias)) AS aliases, e.mentions, e.articles FROM entity e "
        "ORDER BY e.mentions DESC, e.canonical",
        ["entity", "label", "aliases", "mentions", "articles"],
    ),
}


_REPORTS = (
    "SELECT a.key, r.start, r.end, r.timex_start, r.timex_end, r.value, r.event_start, r.event_end, "
    "r.weekday_value FROM event_report r JOIN article a ON a.id=r.article WHERE r.event=? ORDER BY a.key, r.start"
)
_EVENT_LISTS = ("participants", "readings", "reports")  # JSON text cells in CSV
_MEMBERS = (
    "SELECT a.key, q.start, q.end, q.text, q.kind, q.said_on, a.title, a.source, a.published "
    "FROM quote_statement qs JOIN quote q ON q.id=qs.quote "
    "JOIN article a ON a.id=q.article WHERE qs.statement=? ORDER BY a.key, q.start"
)
_MEMBER_FIELDS = ("article", "start", "end", "text", "kind", "said_on", "title", "source", "published")


_DERIVED_TABLE = {"events": "event", "statements": "statement"}  # a kind a database older than its table lacks


def _query(conn: sqlite3.Connection, kind: str) -> str | None:
    """The kind's query; on a database older than the event words or the events (read as it is), they are NULL,
    or (events) there are none."""
    sql = QUERIES[kind][0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if _DERIVED_TABLE.get(kind, "article") not in tables:
        return None
    if kind == "quotes" and "quote_statement" not in tables:
        start = sql.index("(SELECT qs.statement")
        sql = sql[:start] + "NULL" + sql[sql.index(" AS statement FROM") :]
    if kind == "quotes" and not {r[1] for r in conn.execute("PRAGMA table_info(quote)")} >= set(SAID_ON_COLUMNS):
        sql = sql.replace("q.said_on_basis", "NULL AS said_on_basis").replace("q.said_on", "NULL AS said_on")
    if kind == "timeline":
        have = {r[1] for r in conn.execute("PRAGMA table_info(timex)")}
        for column in EVENT_WORD_COLUMNS:
            if column not in have:
                sql = sql.replace(f"t.{column}", f"NULL AS {column}")
        if "event_report" not in tables:
            start = sql.index("(SELECT r.event")
            sql = sql[:start] + "NULL" + sql[sql.index(" AS event FROM") :]
    return sql


def rows(
    conn: sqlite3.Connection, kind: str, selection: Selection = Selection(), ids: Sequence[int] | None = None
) -> Iterator[dict]:
    """The records of `kind`, narrowed to `selection` (a SelectionError, before the first row, if it cannot be);
    with `ids` (the rows' ids in their table, as a list in the browser has them), those records only, in that
    order."""
    if kind == "review":
        yield from (f.record() for f in review.figures(conn))
        return
    sql, cols = _query(conn, kind), QUERIES[kind][1]
    if sql is None:
        return
    narrow = narrowing(conn, kind, selection)
    found = (
        _picked(conn, kind, sql, narrow, ids) if ids is not None else conn.execute(narrowed(sql, narrow), narrow.params)
    )
    for r in found:
        d = dict(zip(cols, r))
        if kind == "entities":
            d["aliases"] = json.loads(d["aliases"] or "[]")
        elif kind == "events":
            d["participants"] = _json_list(d["participants"])
            if not narrow.keeps_event(d):
                continue
            _event_lists(conn, d)
        elif kind == "statements":
            _statement_lists(conn, d)
        yield d


# The id column of each kind's rows (the table its query reads one row from), and how many ids a query takes.
_ID_COLUMN = {
    "articles": "id",
    "mentions": "m.id",
    "quotes": "q.id",
    "timeline": "t.id",
    "events": "id",
    "entities": "e.id",
    "statements": "id",
}
_IDS_A_QUERY = 500


def _picked(conn: sqlite3.Connection, kind: str, sql: str, narrow: Narrowing, ids: Sequence[int]) -> Iterator[tuple]:
    """The rows of `sql` whose id is in `ids`, in the order of `ids` (an id with no row left out)."""
    column = _ID_COLUMN[kind]
    keyed = sql.replace("SELECT ", f"SELECT {column} AS row_id, ", 1)
    for at in range(0, len(ids), _IDS_A_QUERY):
        chunk = tuple(ids[at : at + _IDS_A_QUERY])
        some = replace(narrow, clauses=(*narrow.clauses, f"{column} IN ({','.join('?' * len(chunk))})"))
        by_id = {r[0]: r[1:] for r in conn.execute(narrowed(keyed, some), (*narrow.params, *chunk))}
        yield from (by_id[i] for i in chunk if i in by_id)


def _event_lists(conn: sqlite3.Connection, d: dict) -> None:
    """An event's readings and reports as lists (its participants are one already); its conflict as a bool."""
    d["readings"] = _json_list(d["readings"])
    d["conflict"] = bool(d["conflict"])
    d["reports"] = [
        {
            "article": key,
            "start": start,
            "end": end,
            "text": _sentence_text(conn, key, start, end),
            "value": value,
            "weekday_value": weekday,
            "timex_start": ts,
            "timex_end": te,
            "event_start": es,
            "event_end": ee,
        }
        for key, start, end, ts, te, value, es, ee, weekday in conn.execute(_REPORTS, (d["reports"],)).fetchall()
    ]


def _statement_lists(conn: sqlite3.Connection, d: dict) -> None:
    """A statement's quotes, each with when it was said and its article's key, title, source and date; the
    articles they are in."""
    d["quotes"] = [dict(zip(_MEMBER_FIELDS, r)) for r in conn.execute(_MEMBERS, (d["quotes"],)).fetchall()]
    d["articles"] = sorted({m["article"] for m in d["quotes"]})


def _json_list(cell) -> list:
    """A stored JSON list; a cell something else wrote that is none reads as empty, not as a traceback."""
    try:
        value = json.loads(cell or "[]")
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []


def _sentence_text(conn: sqlite3.Connection, key: str, start: int, end: int) -> str:
    row = conn.execute("SELECT substr(text, ?, ?) FROM article WHERE key=?", (start + 1, end - start, key)).fetchone()
    return row[0] if row else ""


def json_line(d: dict) -> str:
    """One row as a line of JSON, with nothing raw that a terminal would act on."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(d, ensure_ascii=False)) + "\n"


def csv_cell(value, raw: bool = False):
    """A value as a CSV cell: text with unsafe characters replaced (offsets kept) and, unless `raw`,
    a leading `'` where a spreadsheet would read a formula; anything else (numbers, None) as it is."""
    if not isinstance(value, str):
        return value
    value = _CSV_UNSAFE.sub("\ufffd", value)
    if not raw and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write(
    conn: sqlite3.Connection,
    kind: str,
    out: IO[str],
    fmt: str = "jsonl",
    raw_csv: bool = False,
    selection: Selection = Selection(),
    ids: Sequence[int] | None = None,
) -> int:
    """Write the records of `kind` (narrowed to `selection`; with `ids`, those rows in that order) to `out` as
    `fmt`; how many were written."""
    n = 0
    if fmt == "jsonl":
        for d in rows(conn, kind, selection, ids):
            out.write(json_line(d))
            n += 1
    elif fmt == "csv":
        cols = REVIEW_COLUMNS if kind == "review" else QUERIES[kind][1]
        w = csv.writer(out, lineterminator="\n")
        w.writerow(cols)
        for d in rows(conn, kind, selection, ids):
            if kind == "entities":
                d["aliases"] = "; ".join(d["aliases"])
            if kind == "events":
                d.update({c: json.dumps(d[c], ensure_ascii=False) for c in _EVENT_LISTS})
            if kind == "statements":
                d["articles"] = "; ".join(d["articles"])
                d["quotes"] = json.dumps(d["quotes"], ensure_ascii=False)
            w.writerow([csv_cell(d[c], raw_csv) for c in cols])
            n += 1
    else:
        raise ValueError(f"unknown format '{fmt}' (use jsonl or csv)")
    return n
