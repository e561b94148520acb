"""A date's correction merges again only the events its reports' merge can touch (`event_refresh.around`,
`remerge`), and the result is what a merge of the whole corpus gives: compared after each of a run of seeded
corrections (values within the year, into another year, to a month, rejects, undos, with a user's event merge
joining two casts and splits) on a small made-up corpus."""

from __future__ import annotations

import random
from contextlib import closing

import pytest

from model import corrections
from model.corpus import store, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.event_refresh import neighbourhood, refresh_events
from model.records import Article, EventReport, Extraction, Mention, Timex

NAMES = ["Ilse Brandt", "Omar Haddad", "Chen Lu", "Marta Silva", "Paul Okafor", "Vera Novak", "Jan Smit"]
TRIGGERS = ["meet", "visit", "talks", "sign", "warn", "said"]


def _day(rng: random.Random) -> str:
    return rng.choice(["2023-03-0%d" % rng.randint(1, 9), "2023-03-1%d" % rng.randint(0, 4), "2023-03", "2023"])


def _article(rng: random.Random, key: str) -> tuple[Article, Extraction]:
    text, mentions, timexes, reports = "", [], [], []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.sample(NAMES[:4] if key < "k20" else NAMES[4:], 2)  # two casts: some reports never meet
        value, trigger = _day(rng), rng.choice(TRIGGERS)
        sentence = f"{a} {trigger} with {b} on day {value}. "
        at = len(text)
        spans = {n: (at + sentence.index(n), at + sentence.index(n) + len(n)) for n in (a, b)}
        mentions += [Mention(*spans[n], n, "PERSON", n, family=n.split()[-1]) for n in (a, b)]
        ts = at + sentence.index("day ")
        te = ts + len("day ") + len(value)
        timexes.append(Timex(ts, te, text=f"day {value}", type="DATE", value=value, basis="stated"))
        t0 = at + len(a) + 1
        reports.append(
            EventReport(
                at,
                at + len(sentence) - 1,
                ts,
                te,
                t0,
                t0 + len(trigger),
                trigger,
                value,
                agents=[spans[a]],
                patients=[spans[b]],
                basis="stated",
                trigger_pos="VERB",
            )  # fmt: skip
        )
        text += sentence
    art = Article(key=key, text=text, sha256=key, published="2023-03-20")
    return art, Extraction(sentences=[(0, len(text))], mentions=mentions, timexes=timexes, events=reports)


def _state(conn) -> tuple[list, list]:
    events = conn.execute("SELECT * FROM event ORDER BY id").fetchall()
    reports = conn.execute(
        "SELECT a.key, r.timex_start, r.value, r.event FROM event_report r JOIN article a ON a.id = r.article "
        "ORDER BY 1, 2"
    ).fetchall()
    return events, reports


def _dates(conn) -> list[dict]:
    return [
        {"article": k, "start": s, "end": e}
        for k, s, e in conn.execute(
            "SELECT a.key, t.start, t.end FROM timex t JOIN article a ON a.id = t.article ORDER BY a.key, t.start"
        )
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_date_corrections_remerge_equals_a_merge_of_everything(tmp_path, seed):
    rng = random.Random(seed)
    with closing(store.connect(tmp_path / "c.db")) as conn:
        cache = write.EntityCache(conn)
        for i in range(40):
            write.write_article(conn, *_article(rng, f"k{i:02d}"), cache)
        refresh_entities(conn, cache.touched)
        refresh_events(conn)
        reports = conn.execute(
            "SELECT a.key, r.timex_start FROM event_report r JOIN article a ON a.id = r.article WHERE r.part='2023'"
        ).fetchall()
        early, late = [r for r in reports if r[0] < "k20"], [r for r in reports if r[0] >= "k20"]
        (a, at), (b, bt) = rng.choice(early), rng.choice(late)  # two casts' events, merged by the user
        corrections.correct(conn, "event_merge", {"article": a, "timex_start": at}, {"article": b, "timex_start": bt})
        refresh_events(conn, everything=True)
        made = []
        for step in range(16):
            if made and step % 4 == 3:
                corrections.undo(conn, made.pop(rng.randrange(len(made))).id)
            elif step % 7 == 6:
                key, ts = rng.choice(reports)
                made.append(corrections.correct(conn, "event_split", {"article": key, "timex_start": ts}))
                refresh_events(conn)  # an event correction merges its year (as before)
            else:
                target = rng.choice(_dates(conn))
                if step % 5 == 4:
                    made.append(corrections.correct(conn, "date_reject", target))
                else:
                    value = rng.choice(["2023-03-0%d" % rng.randint(1, 9), "2024-01-02", "2023-04"])
                    made.append(corrections.correct(conn, "date_value", target, {"value": value}))
            assert conn.execute("SELECT COUNT(*) FROM event_dirty").fetchone()[0] == 0  # no year merged whole
            local = _state(conn)
            refresh_events(conn, everything=True)
            assert local == _state(conn), f"step {step}"


def test_a_reports_neighbourhood_is_its_cast_not_its_year(tmp_path):
    rng = random.Random(3)
    with closing(store.connect(tmp_path / "c.db")) as conn:
        cache = write.EntityCache(conn)
        for i in range(40):
            write.write_article(conn, *_article(rng, f"k{i:02d}"), cache)
        refresh_entities(conn, cache.touched)
        (first,) = conn.execute(
            "SELECT r.id FROM event_report r JOIN article a ON a.id = r.article WHERE a.key='k30' AND r.part='2023' "
            "LIMIT 1"
        ).fetchone()
        year = {r[0] for r in conn.execute("SELECT id FROM event_report WHERE part='2023'")}
        near = neighbourhood(conn, "2023", {first})
        later_cast = {
            r[0] for r in conn.execute("SELECT r.id FROM event_report r JOIN article a ON a.id = r.article "
                                       "WHERE a.key >= 'k20' AND r.part='2023'")
        }  # fmt: skip
        assert first in near and near == later_cast and near < year
