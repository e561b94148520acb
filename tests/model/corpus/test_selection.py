"""Export filters: each kind narrowed by the filters that apply to it; a bad one is one line, before any row."""

import pytest

from model.corpus import export, store
from model.corpus.entity_refresh import refresh_entities
from model.corpus.selection import Narrowing, Selection, SelectionError, parse_kinds
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote, Timex


def _article(key, published, speaker, kind):
    text = f'"Trade grows," {speaker} said. Dorn met Lee in Oslo on 2 May {published[:4]}.'
    a = Article(key=key, text=text, published=published, published_basis="given")
    a.sha256 = key
    at = text.index(speaker)
    met = text.index("Dorn met")
    mentions = [
        Mention(at, at + len(speaker), speaker, "PERSON", speaker, family=speaker),
        Mention(met, met + 4, "Dorn", "PERSON", "Dorn", family="Dorn"),
        Mention(text.index("Oslo"), text.index("Oslo") + 4, "Oslo", "GPE", "Oslo"),
    ]
    day = text.index("2 May")
    timex = Timex(day, len(text) - 1, text[day:-1], "DATE", f"{published[:4]}-05-02")
    timex.value_start = timex.value_end = timex.value
    timex.sentence = 1
    quote = Quote(1, 12, "Trade grows", kind, speaker=speaker, speakers=[speaker], cue_start=at + len(speaker) + 1)
    ext = Extraction(sentences=[(0, met - 1), (met, len(text))], mentions=mentions, quotes=[quote], timexes=[timex])
    return a, ext


@pytest.fixture
def conn(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    for args in (("a", "2023-03-01", "Ana Ruiz", "direct"), ("b", "2024-07-09", "Lee", "indirect")):
        write_article(conn, *_article(*args), cache)
    refresh_entities(conn, cache.touched)
    yield conn
    conn.close()


def keys(conn, kind, **kw):
    return [r.get("article", r.get("entity")) for r in export.rows(conn, kind, Selection(**kw))]


def test_quotes_by_speaker_date_and_kind(conn):
    assert keys(conn, "quotes") == ["a", "b"]
    assert keys(conn, "quotes", speaker="ana ruiz") == ["a"]
    assert keys(conn, "quotes", since="2024") == ["b"]
    assert keys(conn, "quotes", until="2023-03") == ["a"]
    assert keys(conn, "quotes", since="2023-03-02", until="2024-07-08") == []
    assert keys(conn, "quotes", kinds=parse_kinds("direct, partial")) == ["a"]


def test_articles_timeline_events_entities_and_mentions(conn):
    assert keys(conn, "articles", since="2024-01-01") == ["b"]
    assert keys(conn, "timeline", until="2023") == ["a"]
    assert keys(conn, "timeline", entity="dorn") == ["a", "b"]  # named in the date's sentence in both
    assert keys(conn, "timeline", entity="Ana Ruiz") == []  # named in the other sentence
    assert keys(conn, "entities", kinds=("gpe",)) == ["Oslo"]
    assert set(keys(conn, "mentions", entity="Oslo")) == {"a", "b"}


def test_events_by_value_and_participant():
    may, oslo = {"value": "2023-05-02", "participants": ["Dorn", "Lee"], "place": "Oslo"}, ("Oslo",)
    assert Narrowing(first="2023-05-01", last="2023-05-31").keeps_event(may)
    assert not Narrowing(first="2023-05-03").keeps_event(may)
    assert not Narrowing(last="2023").keeps_event({"value": None})
    assert Narrowing(names=oslo).keeps_event(may) and Narrowing(names=("lee",)).keeps_event(may)
    assert not Narrowing(names=("Ana Ruiz",)).keeps_event(may)


@pytest.mark.parametrize(
    "kind, sel, says",
    [
        ("quotes", Selection(since="2023-13"), "--since: not a date"),
        ("quotes", Selection(since="2024", until="2023"), "is after --until"),
        ("quotes", Selection(kinds=("quoted",)), "no quote kind 'quoted'"),
        ("quotes", Selection(speaker="Nobody Here"), "no speaker or entity named"),
        ("articles", Selection(speaker="Lee"), "--speaker does not apply to articles"),
        ("entities", Selection(since="2023"), "--since does not apply to entities"),
        ("timeline", Selection(entity="Nobody"), "no entity named"),
        ("entities", Selection(kinds=("planet",)), "no entities of type 'PLANET'"),
    ],
)
def test_a_bad_filter_is_one_line_before_any_row(conn, kind, sel, says):
    with pytest.raises(SelectionError, match=says) as e:
        next(export.rows(conn, kind, sel))
    assert "\n" not in str(e.value)
