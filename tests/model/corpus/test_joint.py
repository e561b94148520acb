"""A joint speaker is a set: one canonical name whatever the order its members were named in."""

from model.corpus import joint, query, store
from model.corpus.entity_refresh import refresh_entities
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention, Quote


def test_a_speaker_set_is_order_insensitive():
    assert joint.joint_name(["Xi Jinping", "Vladimir Putin"]) == joint.joint_name(["Vladimir Putin", "Xi Jinping"])
    assert joint.joint_name(["xi jinping", "Xi Jinping", " Lavrov "]) == "Lavrov; xi jinping"
    assert joint.members("Xi Jinping; Vladimir Putin") == ("Vladimir Putin", "Xi Jinping")
    assert joint.members("Vladimir Putin") == ("Vladimir Putin",)
    assert joint.joint_name([]) is None


def _article(key, text, first, second):
    """`text` names both speakers; its one quote is theirs, named in the order given."""
    a = Article(key=key, text=text)
    a.sha256 = key
    names = {"Putin": "Vladimir Putin", "Xi": "Xi Jinping"}
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "PERSON", names[n], family=n) for n in ("Putin", "Xi")
    ]
    quote = Quote(0, 12, "We are close", "direct", speakers=[names[first], names[second]])
    return a, Extraction(sentences=[(0, len(text))], mentions=mentions, quotes=[quote])


def test_two_orders_are_one_speaker_with_each_member_an_entity(tmp_path):
    db = tmp_path / "c.db"
    conn = store.connect(db)
    cache = EntityCache(conn)
    write_article(conn, *_article("a", '"We are close," Xi and Putin said.', "Xi", "Putin"), cache)
    write_article(conn, *_article("b", '"We are close," Putin and Xi said.', "Putin", "Xi"), cache)
    refresh_entities(conn, cache.touched)
    conn.close()
    with query.connect(db) as rc:
        rows = query.quotes(rc)
        ids = {e.name: e.id for e in query.entities(rc)}
    assert {r.speaker for r in rows} == {"Vladimir Putin; Xi Jinping"}
    assert all(r.joint for r in rows)
    assert {r.members for r in rows} == {((ids["Vladimir Putin"], "Vladimir Putin"), (ids["Xi Jinping"], "Xi Jinping"))}
