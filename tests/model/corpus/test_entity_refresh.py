"""The corpus-wide join of a body named with its country and without it (`_merge_bodies_by_country`)."""

from model.corpus import store
from model.corpus.entity_refresh import refresh_entities
from model.corpus.write import EntityCache, write_article
from model.records import Article, Extraction, Mention


def _article(conn, cache, key: str, *names: str) -> None:
    """An article naming each of `names` once, as an organisation."""
    text = ". ".join(names) + "."
    mentions, at = [], 0
    for name in names:
        mentions.append(Mention(at, at + len(name), name, "ORG", name))
        at += len(name) + 2
    a = Article(key=key, text=text)
    a.sha256 = key + text
    write_article(conn, a, Extraction(sentences=[(0, len(text))], mentions=mentions), cache)


def _entities(conn) -> dict[str, tuple[int, set[str]]]:
    out = {}
    for eid, name, mentions in conn.execute("SELECT id, canonical, mentions FROM entity"):
        aliases = {r[0] for r in conn.execute("SELECT alias FROM alias WHERE entity=?", (eid,))}
        out[name] = (mentions, aliases)
    return out


def _corpus(tmp_path, *articles: tuple[str, ...]):
    conn = store.connect(tmp_path / "c.db")
    cache = EntityCache(conn)
    for i, names in enumerate(articles):
        _article(conn, cache, f"a{i}", *names)
    refresh_entities(conn)
    return conn


def test_a_body_with_its_one_country_joins_the_body_without_it(tmp_path):
    conn = _corpus(tmp_path, ("US Trade Office",), ("Trade Office",), ("U.S. Trade Office", "Commerce Bureau"))
    got = _entities(conn)
    assert got["Trade Office"] == (3, {"US Trade Office", "U.S. Trade Office", "Trade Office"})
    assert "US Trade Office" not in got and "U.S. Trade Office" not in got
    basis = conn.execute("SELECT basis FROM mention WHERE text='US Trade Office'").fetchone()[0]
    assert "named with its country" in basis


def test_two_countries_keep_the_bare_name_apart_and_join_each_country_forms(tmp_path):
    conn = _corpus(
        tmp_path,
        ("Chinese Commerce Ministry", "Chinese Commerce Ministry"),
        ("China's Commerce Ministry",),
        ("Russian Commerce Ministry",),
        ("Commerce Ministry",),
    )
    got = _entities(conn)
    assert set(got) == {"Chinese Commerce Ministry", "Russian Commerce Ministry", "Commerce Ministry"}
    assert got["Chinese Commerce Ministry"] == (3, {"Chinese Commerce Ministry", "China's Commerce Ministry"})
    assert got["Commerce Ministry"][0] == 1


def test_a_gazetteer_name_is_never_merged_into_its_bare_words(tmp_path):
    conn = _corpus(tmp_path, ("Chinese Communist Party",), ("Communist Party",))
    assert set(_entities(conn)) == {"Chinese Communist Party", "Communist Party"}


def test_no_body_without_the_country_leaves_the_name_as_it_is(tmp_path):
    conn = _corpus(tmp_path, ("American Teachers Federation",), ("Teachers Union",))
    assert set(_entities(conn)) == {"American Teachers Federation", "Teachers Union"}
