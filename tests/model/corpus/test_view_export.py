"""A list as the browser shows it, written with the export's fields: its rows, in its order."""

from __future__ import annotations

import io
import json

import pytest

from model.corpus import export
from model.corpus import query as q
from model.corpus.view_export import ViewError, format_for, save_view, shown_rows
from tests.tui.fixture_db import build


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("view") / "corpus.db")
    c = q.connect(path)
    yield c
    c.close()


def test_rows_by_id_come_in_the_order_asked_and_unknown_ids_are_left_out(conn):
    quotes = q.quotes(conn, q.Filters(), "speaker", 0, 100)
    ids = [row.id for row in reversed(quotes)] + [10**9]
    out = io.StringIO()
    n = export.write(conn, "quotes", out, "jsonl", ids=ids)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(quotes) and [(r["start"], r["end"]) for r in records] == [
        (row.start, row.end) for row in reversed(quotes)
    ]
    whole = {json.dumps(d, sort_keys=True) for d in export.rows(conn, "quotes")}
    assert {json.dumps(r, sort_keys=True) for r in records} <= whole  # the same records as `export quotes`


def test_a_lists_rows_and_kind(conn):
    f = q.Filters(search="Moscow")
    kind, ids = shown_rows(conn, lambda c, o, n: q.articles(c, f, "title", o, n))
    assert kind == "articles" and ids == [r.id for r in q.articles(conn, f, "title", 0, 100)]
    assert shown_rows(conn, lambda c, o, n: []) == (None, [])


def test_format_by_extension():
    assert format_for("a.csv") == format_for("A.CSV") == "csv"
    assert format_for("a.jsonl") == format_for("a") == format_for("a.txt") == "jsonl"


def test_nothing_to_save_and_an_unwritable_path_are_one_line(conn, tmp_path):
    with pytest.raises(ViewError, match="the list is empty"):
        save_view(conn, lambda c, o, n: [], tmp_path / "x.jsonl")
    with pytest.raises(ViewError, match="cannot write"):
        save_view(conn, lambda c, o, n: q.entities(c, q.Filters(), o, n), tmp_path / "missing" / "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()
