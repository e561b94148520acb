"""Corpus-wide statements after an ingest: the quotes of the speakers an ingest touched, grouped again.

Quotes are grouped within their speaker (`quote_statement.part`, `statement_merge.speaker_part`): two speakers'
quotes are never one statement. Writing or removing an article marks its quotes' speakers behind
(`statement_dirty`, in the article's own transaction: the mark cannot be lost); so does a family name merged into
a full name (`entity_refresh`: its quotes move to the full name's part, `repart`) and a user's publication date
(`corrections`: the statements' dates). A quote a user marked as wrongly grouped (a `statement_wrong` correction,
by its article's key and span) is a statement of its own, and its speaker's other quotes are grouped without it
(`wrong_groupings`). `refresh_statements` groups those speakers' quotes again, in one
transaction that clears their marks, so an ingest that died before it leaves them marked and the next one redoes
them; an ingest that wrote nothing has nothing to do. A speaker grouped again gives what a grouping of the whole
corpus does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from model.corpus.statement_facts import fill_statement_facts
from model.corpus.statement_merge import Said, Statement, group, speaker_part, statement_of
from model.corpus.statement_words import (
    ENTITY_WORDING,
    STATEMENT_FTS,
    WORDING_SLOTS,
    has_entity_wordings,
    index_grouped_entities,
    index_wordings,
    unindex_entity_wordings,
)

# When a quote was said, as the statements date it: the first day of its `said_on` (`model.corpus.said_on`), else
# its article's publication date.
SAID_ON = "COALESCE(q.said_on_start, a.published)"

_MEMBERS = (
    f"SELECT q.id, a.key, q.start, q.end, q.text, q.kind, {SAID_ON}, a.source, "
    "COALESCE(e.canonical, q.speaker_name), q.speaker_entity, a.published "
    "FROM quote_statement qs JOIN quote q ON q.id = qs.quote JOIN article a ON a.id = q.article "
    "LEFT JOIN entity e ON e.id = q.speaker_entity WHERE qs.part = ?"
)
_INSERT_STATEMENT = (
    "INSERT INTO statement(id, part, speaker, speaker_entity, kind, text, fullest, first, last, articles, outlets, "
    "quotes, sources) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
MARK_ARTICLE_DIRTY = (  # the speakers of an article's quotes: behind once it is written, removed or redated
    "INSERT OR IGNORE INTO statement_dirty(part) SELECT DISTINCT qs.part FROM quote_statement qs "
    "JOIN quote q ON q.id = qs.quote WHERE q.article = ?"
)
UNLINK_ARTICLE = "DELETE FROM quote_statement WHERE quote IN (SELECT id FROM quote WHERE article = ?)"


def link_quote(conn: sqlite3.Connection, quote: int, part: str) -> None:
    """A quote just written: its speaker's statements are behind (inside the article's transaction)."""
    conn.execute("INSERT OR REPLACE INTO quote_statement(quote, part, statement) VALUES (?, ?, NULL)", (quote, part))
    conn.execute("INSERT OR IGNORE INTO statement_dirty(part) VALUES (?)", (part,))


def unlink_quote(conn: sqlite3.Connection, quote: int) -> None:
    """A quote about to go (a user rejected it, or it is put back as extracted): its speaker's statements are
    behind, and its link goes with it (inside the caller's transaction)."""
    row = conn.execute("SELECT part FROM quote_statement WHERE quote=?", (quote,)).fetchone()
    if row is not None:
        conn.execute("INSERT OR IGNORE INTO statement_dirty(part) VALUES (?)", (row[0],))
        conn.execute("DELETE FROM quote_statement WHERE quote=?", (quote,))


def part_of(conn: sqlite3.Connection, quote: int) -> str:
    """The part of a stored quote, from its speakers as stored now."""
    article, name = conn.execute("SELECT article, speaker_name FROM quote WHERE id=?", (quote,)).fetchone()
    entities = [r[0] for r in conn.execute("SELECT entity FROM quote_speaker WHERE quote=?", (quote,))]
    return speaker_part(entities, name, article)


def repart(conn: sqlite3.Connection, quotes: Iterable[int]) -> None:
    """Quotes whose speakers changed (inside the caller's transaction): they leave their old part for the new
    one, and both are behind."""
    for quote in quotes:
        row = conn.execute("SELECT part FROM quote_statement WHERE quote=?", (quote,)).fetchone()
        if row is not None:
            conn.execute("INSERT OR IGNORE INTO statement_dirty(part) VALUES (?)", (row[0],))
        link_quote(conn, quote, part_of(conn, quote))


_ALL_SPEAKERS = (
    "SELECT q.id, q.article, q.speaker_name, group_concat(qs.entity) FROM quote q "
    "LEFT JOIN quote_speaker qs ON qs.quote = q.id GROUP BY q.id"
)


def link_all(conn: sqlite3.Connection) -> None:
    """Every quote in its part and every part behind (inside the caller's transaction): a whole regrouping."""
    conn.execute("DELETE FROM quote_statement")
    links = [
        (quote, speaker_part([int(e) for e in entities.split(",")] if entities else [], name, article))
        for quote, article, name, entities in conn.execute(_ALL_SPEAKERS).fetchall()
    ]
    conn.executemany("INSERT INTO quote_statement(quote, part, statement) VALUES (?, ?, NULL)", links)
    conn.execute("INSERT OR IGNORE INTO statement_dirty(part) SELECT DISTINCT part FROM quote_statement")


def refresh_statements(conn: sqlite3.Connection, everything: bool = False) -> int:
    """Group the quotes of every speaker marked behind (or, `everything`, of every speaker) into statements
    again and clear the marks, in one transaction. Returns the number of speakers grouped."""
    if not everything and conn.execute("SELECT 1 FROM statement_dirty LIMIT 1").fetchone() is None:
        return 0  # nothing written since the last grouping: no work
    with conn:
        indexed = _has_wording_index(conn)
        entities = has_entity_wordings(conn)
        if everything:
            link_all(conn)
            conn.execute("DELETE FROM statement")
            if indexed:
                conn.execute(f"DELETE FROM {STATEMENT_FTS}")
            if entities:
                conn.execute(f"DELETE FROM {ENTITY_WORDING}")
        parts = [r[0] for r in conn.execute("SELECT part FROM statement_dirty ORDER BY part")]
        behind = _rowids_behind(conn) if indexed or entities else []
        if indexed:
            _unindex_wordings(conn, behind)
        if entities:
            unindex_entity_wordings(conn, behind)
        conn.execute("DELETE FROM statement WHERE part IN (SELECT part FROM statement_dirty)")
        wrong = wrong_groupings(conn)
        for part in parts:
            _group_part(conn, part, wrong, indexed, entities)
        conn.execute("DELETE FROM statement_dirty")
    return len(parts)


def _has_wording_index(conn: sqlite3.Connection) -> bool:
    """Whether the statements' wordings are indexed (`schema.STATEMENT_FTS`, version 14; an older database is
    grouped without it until the upgrade indexes them all)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (STATEMENT_FTS,)).fetchone() is not None


def _rowids_behind(conn: sqlite3.Connection) -> list[int]:
    """The rowids of the statements about to be grouped again (those of the speakers marked behind)."""
    return [r[0] for r in conn.execute("SELECT rowid FROM statement WHERE part IN (SELECT part FROM statement_dirty)")]


def _unindex_wordings(conn: sqlite3.Connection, rowids: list[int]) -> None:
    """The indexed wordings of the statements at `rowids`, about to be grouped again (`_rowids_behind`)."""
    conn.executemany(
        f"DELETE FROM {STATEMENT_FTS} WHERE rowid BETWEEN ? AND ?",
        [(r * WORDING_SLOTS, r * WORDING_SLOTS + WORDING_SLOTS - 1) for r in rowids],
    )


def wrong_groupings(conn: sqlite3.Connection) -> set[tuple[str, int, int]]:
    """The quotes (article key, start, end) a user marked as wrongly grouped into their statement (the
    `statement_wrong` corrections; read here, not through `correction_store`, which sits above the writer)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='correction'").fetchone():
        return set()
    targets = (json.loads(r[0]) for r in conn.execute("SELECT target FROM correction WHERE kind='statement_wrong'"))
    return {(t.get("article"), t.get("start"), t.get("end")) for t in targets}


def grouped(quotes: list[Said], wrong: set[tuple[str, int, int]]) -> list[list[Said]]:
    """`group` with a user's say: each quote marked wrongly grouped is a statement of its own, and the others are
    grouped as if it were not there (it bridges nothing). Groups in the order `group` gives, by their first."""
    alone = [s for s in quotes if (s.article, s.start, s.end) in wrong]
    if not alone:
        return group(quotes)
    rest = group([s for s in quotes if (s.article, s.start, s.end) not in wrong])
    return sorted(rest + [[s] for s in alone], key=lambda g: (g[0].article, g[0].start, g[0].end, g[0].id))


def _group_part(
    conn: sqlite3.Connection,
    part: str,
    wrong: set[tuple[str, int, int]],
    indexed: bool = True,
    entities: bool = False,
) -> None:
    rows = conn.execute(_MEMBERS, (part,)).fetchall()
    speakers = {r[0]: (r[8], r[9]) for r in rows}
    published = {r[0]: r[10] for r in rows}
    quotes = [Said(*r[:8]) for r in rows]
    for members in grouped(quotes, wrong):
        st = statement_of(members)
        ordered = in_page_order(st.members, published)
        rowid = _store(conn, part, st, *speakers[st.fullest], ordered, indexed)
        if entities:
            index_grouped_entities(conn, rowid, [(s.id, s.text) for s in ordered])


def in_page_order(members: list[Said], published: dict[int, str | None]) -> list[Said]:
    """A statement's wordings as its page lists them (`schema.WORDING_PLACES`): the earliest article first (by
    publication date, the undated last), then by article key and where each quote starts."""
    return sorted(members, key=lambda s: (published[s.id] is None, published[s.id] or "", s.article, s.start, s.id))


def sources_of(members: list[Said]) -> str:
    """A statement's outlets as `statement.sources` holds them (`schema.STATEMENT_SOURCES`): JSON, each source as
    its articles give it ("" for none) -> how many of the statement's articles give it, in order."""
    articles: dict[str, set[str]] = {}
    for s in members:
        articles.setdefault(s.source or "", set()).add(s.article)
    return json.dumps(
        {source: len(articles[source]) for source in sorted(articles)}, ensure_ascii=False, separators=(",", ":")
    )


def _store(
    conn: sqlite3.Connection,
    part: str,
    st: Statement,
    speaker: str | None,
    entity: int | None,
    ordered: list[Said],
    indexed: bool = True,
) -> int:
    """One statement: its row, its wordings' places, and (`indexed`) its wordings in the full-text index. Returns
    its rowid."""
    cursor = conn.execute(
        _INSERT_STATEMENT,
        (
            st.id,
            part,
            speaker,
            entity,
            st.kind,
            st.text,
            st.fullest,
            st.first,
            st.last,
            len(st.articles),
            st.outlets,
            len(st.members),
            sources_of(st.members),
        ),
    )
    conn.executemany(
        "UPDATE quote_statement SET statement=?, place=? WHERE quote=?",
        [(st.id, place, s.id) for place, s in enumerate(ordered)],
    )
    fill_statement_facts(conn, st.id)
    if indexed:
        index_wordings(conn, cursor.lastrowid, speaker, [s.text for s in ordered])
    return cursor.lastrowid
