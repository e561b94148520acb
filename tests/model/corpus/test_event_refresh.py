"""Events kept up to date incrementally: an article written or removed marks its years, the refresh merges them."""

from __future__ import annotations

import json
from contextlib import closing

from model.corpus import export, store, write
from model.corpus.event_refresh import refresh_events
from model.records import Article, EventReport, Extraction, Mention

SENTENCE = "Ana Ruiz met Tom Berg in Lisbon on Monday."  # names at 0-8 and 13-21, Lisbon at 25-31


def _article(key: str, value: str, text: str = SENTENCE) -> tuple[Article, Extraction]:
    mentions = [
        Mention(0, 8, "Ana Ruiz", "PERSON", "Ana Ruiz", family="Ruiz"),
        Mention(13, 21, "Tom Berg", "PERSON", "Tom Berg", family="Berg"),
        Mention(25, 31, "Lisbon", "GPE", "Lisbon"),
    ]
    report = EventReport(0, len(text), 35, 41, 9, 12, "meet", value, [(0, 8)], [(13, 21)], (25, 31), basis="test")
    ext = Extraction(sentences=[(0, len(text))], mentions=mentions, events=[report])
    return Article(key=key, text=text, sha256=key + value), ext


def _store(conn, key: str, value: str) -> None:
    art, ext = _article(key, value)
    write.write_article(conn, art, ext, write.EntityCache(conn))


def _events(conn) -> list[dict]:
    return list(export.rows(conn, "events"))


def test_a_second_article_merges_into_the_event_and_a_removal_undoes_it(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "2021-06-07")
        assert refresh_events(conn) == 1
        (first,) = _events(conn)
        _store(conn, "b", "2021-06")
        assert refresh_events(conn) == 1
        (ev,) = _events(conn)
        assert ev["event"] == first["event"] and ev["value"] == "2021-06-07" and not ev["conflict"]
        assert [r["article"] for r in ev["reports"]] == ["a", "b"]
        assert ev["summary"] == "Ana Ruiz meets Tom Berg · Lisbon" and ev["place"] == "Lisbon"
        assert ev["reports"][0]["text"] == SENTENCE
        _store(conn, "c", "2021-06-09")  # two days later: the same meeting, misdated
        refresh_events(conn)
        (ev,) = _events(conn)
        assert ev["conflict"] and [r["value"] for r in ev["readings"]] == ["2021-06", "2021-06-07", "2021-06-09"]
        write.delete_article(conn, "c")
        refresh_events(conn)
        (ev,) = _events(conn)
        assert not ev["conflict"] and len(ev["reports"]) == 2


def test_nothing_written_is_no_work_and_other_years_stay(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "2021-06-07")
        _store(conn, "b", "2019-02-01")
        assert refresh_events(conn) == 2
        assert refresh_events(conn) == 0  # nothing written since
        _store(conn, "c", "2019-02")
        assert refresh_events(conn) == 1  # only 2019 is merged again
        assert refresh_events(conn, everything=True) == 2
        assert len(_events(conn)) == 2


def test_a_refresh_that_never_ran_leaves_its_years_marked(tmp_path):
    db = tmp_path / "c.db"
    with closing(store.connect(db)) as conn:
        _store(conn, "a", "2021-06-07")  # the ingest dies here, before its refresh
    with closing(store.connect(db)) as conn:
        assert [tuple(r) for r in conn.execute("SELECT part FROM event_dirty")] == [("2021",)]
        assert refresh_events(conn) == 1 and len(_events(conn)) == 1


def test_timeline_rows_name_their_event_and_csv_lists_are_json(tmp_path):
    import io

    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "2021-06-07")
        conn.execute(
            "INSERT INTO timex(article, start, end, text, type, value) VALUES (1, 35, 41, 'Monday', 'DATE', "
            "'2021-06-07'), (1, 0, 3, 'Ana', 'DATE', '2021')"
        )
        refresh_events(conn)
        (ev,) = _events(conn)
        events_of_rows = [r["event"] for r in export.rows(conn, "timeline")]
        assert events_of_rows == [None, ev["event"]]
        out = io.StringIO()
        export.write(conn, "events", out, "csv")
        header, line = out.getvalue().splitlines()[:2]
        assert header == "event,value,summary,trigger,participants,place,reports,readings,conflict"
        assert json.loads(next(iter(__import__("csv").reader([line])))[4]) == ["Ana Ruiz", "Tom Berg"]


def test_an_ingest_merges_a_new_article_and_a_second_run_over_unchanged_articles_does_no_work(tmp_path, nlp):
    from model.ingest.pipeline import ingest

    folder, db = tmp_path / "in", tmp_path / "c.db"
    folder.mkdir()
    (folder / "one.txt").write_text("Talks\n\nOn 9 June 2021, Ana Ruiz welcomed Tom Berg in Lisbon.\n")
    ingest([str(folder)], str(db), jobs=1)
    (folder / "two.txt").write_text("Visit\n\nTom Berg visited Lisbon in June 2021 to meet Ana Ruiz.\n")
    ingest([str(folder)], str(db), jobs=1)
    with closing(store.connect(db)) as conn:
        merged = [e for e in _events(conn) if len(e["reports"]) == 2]
        assert [e["value"] for e in merged] == ["2021-06-09"]
        before = conn.execute("SELECT * FROM event ORDER BY id").fetchall()
    summary = ingest([str(folder)], str(db), jobs=1)
    assert summary.unchanged == 2 and summary.stored == 0
    with closing(store.connect(db)) as conn:
        assert conn.execute("SELECT * FROM event ORDER BY id").fetchall() == before
        assert conn.execute("SELECT COUNT(*) FROM event_dirty").fetchone()[0] == 0


def test_a_users_publication_date_moves_the_reports_dates_and_their_years(tmp_path):
    from model import corrections

    with closing(store.connect(tmp_path / "c.db")) as conn:
        _store(conn, "a", "2021-06-07")
        refresh_events(conn)
        # what re-resolving "Monday" against a later publication date leaves in the timex row
        conn.execute(
            "INSERT INTO timex(article, start, end, text, type, value) VALUES (1, 35, 41, 'Monday', 'DATE', "
            "'2022-01-03')"
        )
        with conn:
            corrections._reread_event_dates(conn, 1)
        assert refresh_events(conn) == 0  # its events merged again in place (`remerge`), not the years left and joined
        (ev,) = _events(conn)
        assert ev["value"] == "2022-01-03" and ev["reports"][0]["value"] == "2022-01-03"
