"""A document without a date: no day guessed, the interval its text allows stored, the relative dates
resolved against it marked uncertain; a page-header date the text contradicts gives way; `set-date` overrides
and clears the uncertainty, and clearing it brings the interval back."""

from __future__ import annotations

import sqlite3

from model import corrections
from model.corpus import store
from model.ingest import pipeline as ingest

UNDATED = (
    "Grain talks resume\n\n"
    "The two trade ministers signed a grain protocol in Harbin on 6 March 2023, and officials said on Friday "
    "that shipments would rise. The next round of talks will open on 20 March 2023. Exports rose last year.\n"
)


def _ingest(tmp_path, name: str, text: str) -> str:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert ingest.ingest([str(src)], db, jobs=1).new == 1
    return db


def _timexes(conn) -> dict[str, tuple]:
    return {r[0]: tuple(r[1:]) for r in conn.execute("SELECT text, value, uncertain, anchor FROM timex")}


def test_undated_text_stores_the_interval_and_uncertain_relative_dates(tmp_path, nlp):
    db = _ingest(tmp_path, "talks.txt", UNDATED)
    conn = sqlite3.connect(db)
    published, basis = conn.execute("SELECT published, published_basis FROM article").fetchone()
    assert published is None
    assert "the text allows 2023-03-06..2023-03-20" in basis
    got = _timexes(conn)
    assert got["last year"] == ("2022", 1, "2023-03-06/2023-03-20")
    assert got["6 March 2023"][:2] == ("2023-03-06", 0)  # absolute: sure whatever the publication date
    assert got["Friday"] == ("2023-03", 1, "2023-03-06/2023-03-20")  # 2023-03-03 or 2023-03-17: in March
    assert "not stated" in conn.execute("SELECT basis FROM timex WHERE text='Friday'").fetchone()[0]


def test_set_date_overrides_and_clears_the_uncertainty(tmp_path, nlp):
    db = _ingest(tmp_path, "talks.txt", UNDATED)
    conn = store.connect(db)
    corrections.set_published(conn, "talks", "2023-03-08")
    assert tuple(conn.execute("SELECT published, published_basis FROM article").fetchone()) == (
        "2023-03-08",
        "set by user",
    )
    got = {k: tuple(v) for k, v in _timexes(conn).items()}
    assert got["Friday"] == ("2023-03-03", 0, "2023-03-08")
    assert got["last year"] == ("2022", 0, "2023-03-08")
    corrections.set_published(conn, "talks", None)  # cleared: the interval and the uncertainty are back
    published, basis = conn.execute("SELECT published, published_basis FROM article").fetchone()
    assert published is None and "the text allows 2023-03-06..2023-03-20" in basis
    assert tuple(_timexes(conn)["last year"]) == ("2022", 1, "2023-03-06/2023-03-20")


def test_a_page_header_date_the_text_contradicts_gives_way(tmp_path, nlp):
    text = "Monday, January 8, 2024\n\n" + UNDATED.split("\n\n", 1)[1]
    conn = sqlite3.connect(_ingest(tmp_path, "talks.txt", text))
    published, basis = conn.execute("SELECT published, published_basis FROM article").fetchone()
    assert published is None and "the text allows 2023-03-06..2023-03-20" in basis and "contradicted" in basis


def test_a_page_header_date_the_text_allows_is_kept(tmp_path, nlp):
    text = "Wednesday, March 8, 2023\n\n" + UNDATED.split("\n\n", 1)[1]
    conn = sqlite3.connect(_ingest(tmp_path, "talks.txt", text))
    published, basis = conn.execute("SELECT published, published_basis FROM article").fetchone()
    assert published == "2023-03-08" and basis.startswith("page header")
    assert _timexes(conn)["Friday"][:2] == ("2023-03-03", 1)


def test_a_dateline_dates_the_copy(tmp_path, nlp):
    text = "ASTANA, May 14, 2024 (Reuters) - Officials said on Monday that the pipeline would open next year.\n"
    conn = sqlite3.connect(_ingest(tmp_path, "wire.txt", text))
    assert conn.execute("SELECT published FROM article").fetchone()[0] == "2024-05-14"
    assert _timexes(conn)["next year"][:2] == ("2025", 1)
