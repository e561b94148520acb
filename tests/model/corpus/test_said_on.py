"""When a quote was said: its attribution's date, else its article's; kept through the upgrade and corrections."""

import sqlite3

import pytest

from model import corrections
from model.corpus import export, query, said_on, schema, store
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Quote, Timex


def art(key, text, **kw):
    a = Article(key=key, text=text, **kw)
    a.sha256 = key + text
    return a


def ingest(conn, nlp, key, text, **kw):
    from model.ingest.extraction import extract

    a = art(key, text, **kw)
    write_article(conn, a, extract(a, nlp(text)), EntityCache(conn))


def said(conn, key):
    return conn.execute(
        "SELECT q.said_on, q.said_on_basis FROM quote q JOIN article a ON a.id = q.article WHERE a.key = ?", (key,)
    ).fetchall()


# Sentences of each construction, written for this test; the article is dated Thursday 2024-05-16.
SENTENCES = [
    ("weekday", "The trade envoy Ana Dorn said on Monday that the tariffs would be lifted soon.", "2024-05-13"),
    ("weekday, no preposition", '"We expect a deal," the envoy Ana Dorn told reporters Tuesday.', "2024-05-14"),
    ("explicit date", '"The border is open," the agency said in a statement on 2 May.', "2024-05-02"),
    ("occasion", '"Nothing was signed," Ana Dorn said at a news conference on Wednesday.', "2024-05-15"),
    ("none", "The envoy Ana Dorn said that the tariffs would be lifted soon.", "2024-05-16"),
]


@pytest.mark.parametrize("case, text, day", SENTENCES, ids=[c for c, _, _ in SENTENCES])
def test_a_quote_is_dated_by_its_attribution_else_by_its_article(tmp_path, nlp, case, text, day):
    conn = store.connect(tmp_path / "c.db")
    ingest(conn, nlp, "a", text, published="2024-05-16", published_confidence=1.0)
    ((value, basis),) = said(conn, "a")
    assert value == day
    assert basis.startswith(said_on.ARTICLE_DATE if case == "none" else said_on.ATTRIBUTION)


def timex(start, end, text, value, event_start=None, event_end=None, type="DATE"):
    return Timex(start, end, text, type, value, event_start=event_start, event_end=event_end)


TEXT = "Dorn said on Monday that the talks of Friday failed."
#       0    5    10   15   20   25   30   35   40   45
CUE = (5, 9)


def test_a_date_among_the_reported_words_dates_what_was_said_not_the_saying():
    q = Quote(25, 51, "the talks of Friday failed", "indirect", cue_start=CUE[0], cue_end=CUE[1])
    friday = timex(38, 44, "Friday", "2024-05-10", event_start=5, event_end=9)  # a parser's slip: still inside
    found = said_on.said_on(q, [friday], [(0, len(TEXT))], TEXT, "2024-05-16", None)
    assert (found.value, found.basis) == ("2024-05-16", said_on.ARTICLE_DATE)
    monday = timex(13, 19, "Monday", "2024-05-13", event_start=5, event_end=9)
    found = said_on.said_on(q, [friday, monday], [(0, len(TEXT))], TEXT, "2024-05-16", None)
    assert (found.value, found.start, found.end) == ("2024-05-13", "2024-05-13", "2024-05-13")
    assert "“Monday” dates “said”" in found.basis


def test_a_date_of_another_sentence_or_of_no_calendar_day_is_not_the_attribution():
    q = Quote(25, 51, "the talks of Friday failed", "indirect", cue_start=CUE[0], cue_end=CUE[1])
    other_sentence = timex(13, 19, "Monday", "2024-05-13", event_start=5, event_end=9)
    found = said_on.said_on(q, [other_sentence], [(0, 12), (12, len(TEXT))], TEXT, "2024-05-16", None)
    assert found.value == "2024-05-16"
    duration = timex(13, 19, "Monday", "P1D", event_start=5, event_end=9, type="DURATION")
    assert said_on.said_on(q, [duration], [(0, len(TEXT))], TEXT, "2024-05-16", None).value == "2024-05-16"
    week = timex(13, 19, "last week", "2024-W19", event_start=5, event_end=9)
    found = said_on.said_on(q, [week], [(0, len(TEXT))], TEXT, "2024-05-16", None)
    assert (found.value, found.start, found.end) == ("2024-W19", "2024-05-06", "2024-05-12")


def test_without_an_article_date_the_interval_it_lies_in_or_nothing():
    found = said_on.article_date(None, "from its dates: the text allows 2024-05-01..2024-05-09")
    assert (found.value, found.start, found.end) == ("2024-05-01/2024-05-09", "2024-05-01", "2024-05-09")
    assert found.basis.startswith(said_on.ARTICLE_DATE)
    assert said_on.article_date(None, None) == said_on.SaidOn(None, None, None, said_on.NOT_STATED)
    assert said_on.article_date(None, "the text allows ..2024-05-09").value == "../2024-05-09"


def _quote_article(conn, key="a", published="2024-05-16"):
    """An article with a quote dated by its attribution ("said on Monday") and one dated by the article."""
    text = "Dorn said on Monday that the talks failed. Lee said the talks went well."
    ext = Extraction(
        sentences=[(0, 42), (43, len(text))],
        quotes=[
            Quote(25, 41, "the talks failed", "indirect", cue_start=5, cue_end=9),
            Quote(52, 71, "the talks went well", "indirect", cue_start=47, cue_end=51),
        ],
        timexes=[
            Timex(
                13,
                19,
                "Monday",
                "DATE",
                "2024-05-13",
                value_start="2024-05-13",
                value_end="2024-05-13",
                spec='{"dir": -1, "dow": 0, "kind": "weekday", "why": "past tense"}',
                event_start=5,
                event_end=9,
            )
        ],
    )
    write_article(conn, art(key, text, published=published, published_basis="given"), ext, EntityCache(conn))
    return text


def test_a_new_publication_date_dates_the_quotes_again(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    _quote_article(conn)
    assert [v for v, _ in said(conn, "a")] == ["2024-05-13", "2024-05-16"]
    corrections.set_published(conn, "a", "2024-06-06")  # a Thursday: "Monday" is now 2024-06-03
    assert [v for v, _ in said(conn, "a")] == ["2024-06-03", "2024-06-06"]


def _as_version_4(path) -> None:
    """What the version-4 schema made: no said_on columns."""
    c = sqlite3.connect(path)
    c.execute("DROP INDEX idx_quote_said_on_end_said_on_start")
    for name in schema.ORDER_INDEXES:  # (schema 10)
        c.execute(f"DROP INDEX {name}")
    c.execute(f"DROP INDEX {schema.QUOTES_OF_ARTICLE_INDEX}")  # (schema 15: with the dates)
    c.execute(f"CREATE INDEX {schema.QUOTES_OF_ARTICLE_INDEX} ON quote(article, start)")
    c.execute("DROP INDEX idx_quote_speaker_facts")  # (schema 17: with the dates)
    for column in schema.SAID_ON_COLUMNS:
        c.execute(f"ALTER TABLE quote DROP COLUMN {column}")
    c.execute("UPDATE quote SET speaker_name = 'Lee; Dorn' WHERE start = 52")  # a joint speaker, out of order
    (sql,) = c.execute("SELECT sql FROM sqlite_master WHERE name = 'quote_au'").fetchone()
    c.execute("DROP TRIGGER quote_au")  # version 4's: every update of a quote reindexed its words
    c.execute(sql.replace('AFTER UPDATE OF "text", "speaker_name" ON', "AFTER UPDATE ON"))
    c.execute("PRAGMA user_version=4")
    c.commit()
    c.close()


def test_a_version_4_database_is_read_without_the_dates_and_upgraded_with_them(tmp_path):
    p = tmp_path / "old.db"
    conn = store.connect(p)
    _quote_article(conn)
    conn.close()
    _as_version_4(p)
    with query.connect(p) as rc:  # browsing and export need no upgrade
        assert [r.said_on for r in query.quotes(rc)] == [None, None]
        (row, *_) = export.rows(rc, "quotes")
        assert row["said_on"] is None and row["published"] == "2024-05-16"
    conn = store.connect(p)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    assert [v for v, _ in said(conn, "a")] == ["2024-05-13", "2024-05-16"]
    assert conn.execute("SELECT speaker_name FROM quote WHERE start = 52").fetchone()[0] == "Dorn; Lee"
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quote_au'").fetchone()
    assert 'AFTER UPDATE OF "text", "speaker_name" ON' in sql  # a quote dated again reindexes no words
    conn.execute("UPDATE quote SET text = 'the talks collapsed' WHERE start = 25")
    conn.commit()
    with query.connect(p) as rc:
        assert [r.start for r in query.quotes(rc, query.Filters(search="collapsed"))] == [25]
        assert [r.start for r in query.quotes(rc, query.Filters(search="Lee"))] == [52]
