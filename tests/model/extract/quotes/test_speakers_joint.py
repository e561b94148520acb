"""A joint speaker names each member by its canonical entity."""

from model.corpus import entity_refresh, store, write
from model.records import Article, Extraction, Mention, Quote


def art(key, text):
    a = Article(key=key, text=text)
    a.sha256 = key + text
    return a


def test_joint_speaker_member_takes_the_merged_full_name(tmp_path):
    conn = store.connect(tmp_path / "c.db")
    cache = write.EntityCache(conn)
    text = "Xi Jinping and Putin noted that their friendship has no limits."
    write.write_article(
        conn,
        art("a", text),
        Extraction(
            mentions=[
                Mention(0, 10, "Xi Jinping", "PERSON", "Xi Jinping", family="Xi"),
                Mention(15, 20, "Putin", "PERSON", "Putin", family="Putin"),
            ],
            quotes=[
                Quote(32, 62, text[32:62], "indirect", speaker="Xi Jinping; Putin", speakers=["Xi Jinping", "Putin"])
            ],
        ),
        cache,
    )
    write.write_article(
        conn,
        art("b", "Vladimir Putin spoke."),
        Extraction(mentions=[Mention(0, 14, "Vladimir Putin", "PERSON", "Vladimir Putin", family="Putin")]),
        cache,
    )
    entity_refresh.refresh_entities(conn)
    # in canonical order (`model.corpus.joint`), whatever the order the article named them in
    assert conn.execute("SELECT speaker_name FROM quote").fetchone()[0] == "Vladimir Putin; Xi Jinping"
    members = {r[0] for r in conn.execute("SELECT e.canonical FROM quote_speaker qs JOIN entity e ON e.id = qs.entity")}
    assert members == {"Xi Jinping", "Vladimir Putin"}
