"""A "statement grouping wrong" correction is honoured by the grouping: the quote is a statement of its own, and
stays one after its article is written again and after a whole regrouping; undoing it groups it back."""

from __future__ import annotations

from contextlib import closing

from model import corrections
from model.corpus import correction_store, export, store, write
from model.corpus.correction_apply import replay
from model.corpus.entity_refresh import refresh_entities
from model.corpus.statement_merge import Said
from model.corpus.statement_refresh import grouped, refresh_statements
from model.records import Article, Extraction, Mention, Quote

WORDS = "The harbour wall will be rebuilt in stone before the storms of autumn,"
SPEAKER = "Lena Vogt"


def _article(key: str, before: str = "") -> tuple[Article, Extraction]:
    text = f"{before}{SPEAKER} said: “{WORDS}” and left."
    at = len(before)
    start = text.index(WORDS)
    mention = Mention(at, at + len(SPEAKER), SPEAKER, "PERSON", SPEAKER, family="Vogt")
    quote = Quote(
        start, start + len(WORDS), WORDS, "direct", speaker=SPEAKER, speaker_start=at, speaker_end=mention.end
    )
    art = Article(key=key, text=text, sha256=key + before, published="2024-03-0" + key[-1])
    return art, Extraction(sentences=[(0, len(text))], mentions=[mention], quotes=[quote])


def _write(conn, key: str, before: str = "") -> None:
    cache = write.EntityCache(conn)
    write.write_article(conn, *_article(key, before), cache)
    refresh_entities(conn, cache.touched)


def _reingest(conn, key: str, before: str = "") -> None:
    """What an ingest does with a file written again: the article, then the corrections, then the statements."""
    _write(conn, key, before)
    with conn:
        replay(conn)
    refresh_statements(conn)


def _groups(conn) -> list[list[str]]:
    return sorted(sorted(m["article"] for m in st["quotes"]) for st in export.rows(conn, "statements"))


def _target(conn, key: str) -> dict:
    row = conn.execute(
        "SELECT q.start, q.end FROM quote q JOIN article a ON a.id = q.article WHERE a.key=?", (key,)
    ).fetchone()
    return {"article": key, "start": row[0], "end": row[1]}


def test_a_quote_marked_wrongly_grouped_is_its_own_statement_until_undone(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        for key in ("a1", "b2", "c3"):
            _write(conn, key)
        refresh_statements(conn)
        assert _groups(conn) == [["a1", "b2", "c3"]]
        c = corrections.correct(conn, "statement_wrong", _target(conn, "b2"))
        assert _groups(conn) == [["a1", "c3"], ["b2"]]
        refresh_statements(conn, everything=True)  # a whole regrouping honours it too
        assert _groups(conn) == [["a1", "c3"], ["b2"]]
        corrections.undo(conn, c.id)
        assert _groups(conn) == [["a1", "b2", "c3"]]


def test_it_holds_after_the_article_is_written_again_even_changed(tmp_path):
    with closing(store.connect(tmp_path / "c.db")) as conn:
        for key in ("a1", "b2"):
            _write(conn, key)
        refresh_statements(conn)
        corrections.correct(conn, "statement_wrong", _target(conn, "a1"))
        assert _groups(conn) == [["a1"], ["b2"]]
        _reingest(conn, "a1")  # the same file again
        assert _groups(conn) == [["a1"], ["b2"]]
        _reingest(conn, "a1", before="In the port town, ")  # changed: the quote moved, the correction follows it
        assert _groups(conn) == [["a1"], ["b2"]]
        (c,) = correction_store.every(conn, "kind='statement_wrong'")
        assert c.status == correction_store.APPLIED and c.target["start"] == _target(conn, "a1")["start"]
        refresh_statements(conn, everything=True)
        assert _groups(conn) == [["a1"], ["b2"]]


def test_the_others_are_grouped_as_if_the_wrong_one_were_not_there():
    def said(i: int, article: str, text: str) -> Said:
        return Said(i, article, 0, len(text), text, "direct")

    long = "the harbour wall will be rebuilt in stone before the storms of autumn"
    quotes = [
        said(1, "a", "the harbour wall will be rebuilt in stone"),
        said(2, "b", long),  # the bridge between the two others
        said(3, "c", "rebuilt in stone before the storms of autumn"),
    ]
    assert [[s.id for s in g] for g in grouped(quotes, set())] == [[1, 2, 3]]
    assert [[s.id for s in g] for g in grouped(quotes, {("b", 0, len(long))})] == [[1], [2], [3]]
