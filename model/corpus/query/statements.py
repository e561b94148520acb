"""Statements: the Quotes pane grouped by statement, filtered like the quotes, and one statement's page."""

from __future__ import annotations

import json
import re
import sqlite3
from array import array
from dataclasses import replace

from model.corpus.query import reuse
from model.corpus.query.base import AtLeast, capped, has_summary, ints, run, schema_at_least
from model.corpus.query.language import DATE_FIELDS, Query, is_cjk, parse
from model.corpus.query.paging import window
from model.corpus.query.quotes import quote_where
from model.corpus.query.rows import QUOTE_COLS, Filters, StatementPage, StatementRow, quote_row
from model.corpus.query.search import (
    Columns,
    columns,
    day_after,
    few_entities_named,
    fts_match,
    fts_only,
    kind_clauses,
    names_a_speaker,
    quotes_need_article,
    walk_bound,
    with_sources,
)
from model.corpus.schema import (
    ENTITY_WORDING_VERSION,
    ORDER_INDEX_VERSION,
    QUOTE_ENTITY_VERSION,
    STATEMENT_FACTS_VERSION,
    STATEMENT_FTS_VERSION,
    STATEMENT_PAGE_INDEX,
    STATEMENT_PAGE_VERSION,
    STATEMENTS_VERSION,
)
from model.corpus.statement_words import ENTITY_WORDING, STATEMENT_FTS, WORDING_SLOTS

STATEMENT_COLS = "s.id, s.speaker, s.speaker_entity, s.kind, s.text, s.first, s.last, s.articles, s.outlets, s.quotes"
_FROM = "statement s JOIN quote q ON q.id = s.fullest JOIN article a ON a.id = q.article"
_ORDER = {  # a statement is dated by when it was said: the date sort and the said sort are one (as indexed: schema 10)
    "date": "s.last IS NULL, s.last DESC, s.first DESC, s.id",
    "said": "s.last IS NULL, s.last DESC, s.first DESC, s.id",
    "speaker": "s.speaker IS NULL, s.speaker COLLATE NOCASE, s.last DESC, s.id",
}
_ORDER_INDEX = {  # the index in each order (`schema.ORDER_INDEXES`)
    "date": "idx_statement_date_order",
    "said": "idx_statement_date_order",
    "speaker": "idx_statement_speaker_order",
}
_MEMBERS = (
    f"SELECT {QUOTE_COLS} FROM quote_statement qs JOIN quote q ON q.id = qs.quote "
    "JOIN article a ON a.id = q.article WHERE qs.statement = ? ORDER BY a.published IS NULL, a.published, a.key, q.start"
)
# Schema 13: the wordings in the same order, each with its place (`schema.WORDING_PLACES`), a range of the index on
# (statement, place) from a place on: a page's first screen is read without reading the others.
_MEMBERS_IN_PLACE = (
    f"SELECT {QUOTE_COLS} FROM quote_statement qs INDEXED BY {STATEMENT_PAGE_INDEX} CROSS JOIN quote q "
    "ON q.id = qs.quote JOIN article a ON a.id = q.article WHERE qs.statement = ? AND qs.place >= ? "
    "ORDER BY qs.place LIMIT ?"
)
_PLACE_OF = "SELECT place FROM quote_statement WHERE quote = ?"
HEAD_WORDINGS = 50  # the wordings a statement page's head reads: more than a screen shows


def has_statements(conn: sqlite3.Connection) -> bool:
    """Whether the database groups its quotes into statements (schema 5); an older one is read as quotes."""
    return schema_at_least(conn, STATEMENTS_VERSION)


# The quotes' statements as rows of `q` with the quote's id alone: filters on nothing but `q.id` (words, an
# entity, fields matched in the index) read the statement of each quote they keep off `quote_statement` by its
# key, without reading each quote's own row (a common word at 100,000 articles: ~9,000 rows of `quote` skipped).
_STATEMENT_OF = "(SELECT quote AS id, statement FROM quote_statement) q"
_QUOTE_COLUMN = re.compile(r"\bq\.(?!id\b)\w")  # a column of the quote other than its id


# A search of words alone: the statement of each of its matches, read straight off the full-text index (as
# `IN (SELECT rowid ...)` the matches were first gathered into a list and read back: ~20% more at 100,000 articles).
_STATEMENTS_MATCHING = (
    " WHERE s.id IN (SELECT qs.statement FROM quote_fts CROSS JOIN quote_statement qs ON qs.quote = quote_fts.rowid "
    "WHERE quote_fts MATCH ?)"
)

# Schema 14: the statements whose wordings match, off their own full-text index (`model.corpus.statement_words`): one
# row a distinct wording, the statement's rowid in its rowid. A common word's statements cost their distinct wordings,
# not every quote that repeats them, and are counted up to a cap.
_STATEMENTS_OF_WORDINGS = f"SELECT rowid / {WORDING_SLOTS} FROM {STATEMENT_FTS} WHERE {STATEMENT_FTS} MATCH ?"
_EACH_STATEMENT_OF_WORDINGS = _STATEMENTS_OF_WORDINGS.replace("SELECT", "SELECT DISTINCT", 1)
_WORDINGS_MATCHING = f" WHERE s.rowid IN ({_STATEMENTS_OF_WORDINGS})"

# An entity's quotes with words searched, from either side (`schema.QUOTE_ENTITY_INDEXES`), each quote's statement
# looked up only once it is known to be both the entity's and a match. From the entity's side: its quotes read in
# order off its index, each looked up among the words' matches (gathered once, in order too). From the words'
# side: each match looked up in the summary by its quote, which is a seek in another part of the index each time.
_ENTITYS_MATCHING = (
    " WHERE s.id IN (SELECT qs.statement FROM entity_quote e CROSS JOIN quote_statement qs ON qs.quote = e.quote "
    "WHERE e.entity = ? AND +e.quote IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?))"
)  # (the `+`: the matches are looked up in, not read through)
_MATCHES_OF_ENTITY = (
    " WHERE s.id IN (SELECT qs.statement FROM quote_fts CROSS JOIN quote_statement qs ON qs.quote = quote_fts.rowid "
    "WHERE quote_fts MATCH ? AND EXISTS (SELECT 1 FROM entity_quote e WHERE e.quote = quote_fts.rowid AND e.entity = ?))"
)

# Schema 16: the entity's wordings (`statement_words.ENTITY_WORDING`) among the wordings that match, both sides
# distinct wordings, not every quote that repeats them. A statement is kept when one of its wordings is the entity's
# and matches: when one of its quotes does, as through the quotes (the quotes of a wording have its words).
_ENTITYS_WORDINGS_MATCHING = (
    f" WHERE s.rowid IN (SELECT w.wording / {WORDING_SLOTS} FROM {ENTITY_WORDING} w WHERE w.entity = ? "
    f"AND w.wording IN (SELECT rowid FROM {STATEMENT_FTS} WHERE {STATEMENT_FTS} MATCH ?))"
)

# How many of the entity's quotes read in order cost what one match looked up in the summary costs (CPU at
# 100,000 articles: ~1 µs a match looked up, ~0.2 an entity's quote and ~0.15 a match gathered): the words'
# side is read when their matches are fewer than the entity's quotes by this much.
QUOTES_A_LOOKUP = 4


def _has_order_indexes(conn: sqlite3.Connection) -> bool:
    """Whether the statements are indexed in their sort orders (schema 10)."""
    return schema_at_least(conn, ORDER_INDEX_VERSION)


def _has_wording_index(conn: sqlite3.Connection) -> bool:
    """Whether the statements' wordings have a full-text index of their own (schema 14)."""
    return schema_at_least(conn, STATEMENT_FTS_VERSION)


def _wordings_match(conn: sqlite3.Connection, f: Filters) -> str | None:
    """The FTS5 query when `f` is a search of words alone (no entity, article, speaker or date) and the statements'
    wordings have their own index: such a search is counted and paged off that index."""
    match = fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker, said=f.said)
    return match if match and _has_wording_index(conn) else None


def _many_wordings(conn: sqlite3.Connection, f: Filters, total: int | None) -> bool:
    """Whether `f`'s statements, off the wordings' index, were counted past the cap (`total` an `AtLeast`): its pages
    are read off the order's index, each statement looked up among the matches, not gathered first."""
    return isinstance(total, AtLeast) and _wordings_match(conn, f) is not None


def _quotes_have_entity_index(conn: sqlite3.Connection) -> bool:
    """Whether the summary's quotes are indexed by quote (schema 11); an older database reads the entity's."""
    return schema_at_least(conn, QUOTE_ENTITY_VERSION)


def _words_alone(conn: sqlite3.Connection, f: Filters) -> tuple[str, list] | None:
    """The statements of a search of words alone (`fts_only`), or of one entity's quotes with words searched (and
    no other filter), read from the matches and the summary; None for any other filter. An entity's quotes are
    counted off its index, the matches up to the share of that count that decides the side."""
    match = fts_only(f, article=f.article, speaker=f.speaker, said=f.said)
    if not match:
        return None
    if f.entity is None:
        return (_WORDINGS_MATCHING if _has_wording_index(conn) else _STATEMENTS_MATCHING), [match]
    if not has_summary(conn):
        return None
    if schema_at_least(conn, ENTITY_WORDING_VERSION):
        return _ENTITYS_WORDINGS_MATCHING, [f.entity, match]
    if _quotes_have_entity_index(conn):
        quoted = run(conn, "SELECT COUNT(*) FROM entity_quote WHERE entity = ?", (f.entity,))[0][0]
        few = quoted // QUOTES_A_LOOKUP
        if capped(conn, "SELECT 1 FROM quote_fts WHERE quote_fts MATCH ?", (match,), few) < few:
            return _MATCHES_OF_ENTITY, [match, f.entity]
    return _ENTITYS_MATCHING, [f.entity, match]


# A search with fields: its statements found among a few (those whose wordings have its words, off their own index,
# else those with a wording of the entity it keeps, when the statements' facts narrow them), each looked at only when
# its facts allow one of its quotes (schema 18: kinds, days said, articles' dates) and kept when one of its quotes has
# all the search asks, its quotes looked at one by one until one has (`quote_where(each=True)`: the words and the
# entity looked up for that quote, nothing gathered). At a million articles a few dozen statements, where the words'
# or the entity's quotes are 30,000-100,000: `wheat -yen said:1987-03` 60-90 ms through every matching quote, 2-3
# this way; `entity:"Ronald Reagan" -kind:indirect` 80-122, 1.
_CHECKED = " WHERE {among} AND EXISTS (SELECT 1 FROM {quoted} WHERE {statement} = s.id AND {checks})"
_EACH_QUOTE = "quote_statement qs CROSS JOIN quote q ON q.id = qs.quote"  # (a check on the quote's own columns)
_OF_ENTITIES = f"s.rowid IN (SELECT wording / {WORDING_SLOTS} FROM {ENTITY_WORDING} WHERE entity IN (SELECT value FROM json_each(?)))"
_KINDS_KEPT = "(s.kinds IS NULL OR EXISTS (SELECT 1 FROM json_each(s.kinds) WHERE {kept}))"


def _checked(conn: sqlite3.Connection, f: Filters, cols: Columns) -> tuple[str, list] | None:
    """The statements of a search with fields found among a few and checked (`_CHECKED`); None for one naming a
    speaker (their quotes are read off their own index), one with no words that must be there and no entity whose
    statements the facts narrow (`_among`), one with a CJK word (matched as a substring), or an older database."""
    if not f.search or f.speaker is not None or names_a_speaker(f.search) or not _has_wording_index(conn):
        return None
    query = parse(f.search)
    if not query.fields or any(is_cjk(t.value) for t in query.words):
        return None
    facts, fact_params = _facts_allow(query, cols) if schema_at_least(conn, STATEMENT_FACTS_VERSION) else ([], [])
    among = _among(conn, f, query, bool(facts))
    if among is None:
        return None
    among = (" AND ".join([among[0], *facts]), among[1] + fact_params)
    checks, params = quote_where(f, cols, each=True)
    if quotes_need_article(f.search, cols):
        quoted, statement = f"{_EACH_QUOTE} JOIN article a ON a.id = q.article", "qs.statement"
    elif _QUOTE_COLUMN.search(checks):
        quoted, statement = _EACH_QUOTE, "qs.statement"
    else:  # checks on the quote's id alone (its words, its entity): no quote's row read (at a million, 37 -> 22 ms)
        quoted, statement = _STATEMENT_OF, "q.statement"
    sql = _CHECKED.format(among=among[0], quoted=quoted, statement=statement, checks=checks.removeprefix(" WHERE "))
    return sql, among[1] + params


def _facts_allow(query: Query, cols: Columns) -> tuple[list[str], list]:
    """Clauses on a statement's facts (schema 18, `model.corpus.statement_facts`) that hold when one of its quotes
    may have what the search's kinds and its periods (said, published) ask: one of its kinds kept, a quote said
    within the period (its first day said on or before the period's end, its last day said on or after its start),
    an article published within it."""
    clauses, params = [], []
    kinds, kind_params = kind_clauses(query.fields, "value")
    if kinds:
        clauses.append(_KINDS_KEPT.format(kept=" AND ".join(kinds)))
        params += kind_params
    for t in query.fields:
        if t.negated or t.field not in DATE_FIELDS or (t.field == "said" and not cols.said_on):
            continue
        said = t.field == "said"
        if t.first:
            clauses.append("s.said_until >= ?" if said else "s.published_until >= ?")
            params.append(t.first)
        if t.last:
            clauses.append("s.first <= ?" if said else "s.published_from < ?")
            params.append(t.last if said else day_after(t.last))
    return clauses, params


def _among(conn: sqlite3.Connection, f: Filters, query: Query, facts: bool) -> tuple[str, list] | None:
    """Which statements may be kept, as a clause on `s`: those whose wordings have the words that must be there (a
    word left out is checked on each quote: a wording may hold others joined); else, when their `facts` narrow them
    further, those with a wording of the entity the search keeps (the entity filter, or up to `search.FEW_ENTITIES` an
    `entity:` names). None when neither narrows them."""
    match = fts_match(tuple(t for t in query.words if not t.negated))
    if match:
        return f"s.rowid IN ({_STATEMENTS_OF_WORDINGS})", [match]
    if not facts:
        return None
    if f.entity is not None:
        return _OF_ENTITIES, [json.dumps([f.entity])]
    named = next((t for t in query.fields if t.field == "entity" and not t.negated), None)
    if named is None:
        return None
    ids = few_entities_named(conn, named.value)  # many: the statements of their quotes gathered
    return (_OF_ENTITIES, [json.dumps(ids)]) if ids is not None else None


def _where(conn: sqlite3.Connection, f: Filters) -> tuple[str, list]:
    """Statements with at least one quote the filters keep."""
    if (f.article, f.entity, f.speaker, f.said, f.search) == (None, None, None, None, None):
        return "", []
    words = _words_alone(conn, f)
    if words:
        return words
    cols = with_sources(conn, columns(conn), f.search)
    checked = _checked(conn, f, cols)
    if checked:
        return checked
    where, params = quote_where(f, cols)
    if quotes_need_article(f.search, cols):
        quoted = "quote q JOIN article a ON a.id = q.article JOIN quote_statement qs ON qs.quote = q.id"
    elif _QUOTE_COLUMN.search(where):
        quoted = "quote q JOIN quote_statement qs ON qs.quote = q.id"
    else:
        return f" WHERE s.id IN (SELECT q.statement FROM {_STATEMENT_OF}{where})", params
    return f" WHERE s.id IN (SELECT qs.statement FROM {quoted}{where})", params


def _kept(conn: sqlite3.Connection, f: Filters) -> tuple[str, list, int | None]:
    """The WHERE clause of the statements `f` keeps and its parameters, and how many they are when known: a
    filtered list's statements are found once (their rowids, `reuse`) for its count and its pages, which then
    read them by rowid (more than `reuse.MAX_IDS`: by the clause). Unfiltered, every statement (no clause, not
    counted here). The clause is made on a miss only (for an entity's words it counts their matches)."""
    key = (f.article, f.entity, f.speaker, f.said, f.search)
    if key == (None, None, None, None, None):
        return "", [], None

    def read() -> array:
        where, params = _where(conn, f)
        return ints(conn, f"SELECT s.rowid FROM statement s{where}", params)

    ids = reuse.reused(conn, ("statements", *key), read)
    if len(ids) > reuse.MAX_IDS:  # too many to keep, or to sort for a page: the clause, as it is
        return (*_where(conn, f), len(ids))
    return _BY_ROWID, [reuse.as_json(ids)], len(ids)


_BY_ROWID = " WHERE s.rowid IN (SELECT value FROM json_each(?))"


def _statement_row(r: tuple) -> StatementRow:
    return StatementRow(*r[:10], quote=quote_row(r[10:]))


def count_statements(conn: sqlite3.Connection, f: Filters = Filters(), cap: int | None = None) -> int:
    """The statements `f` keeps; with `cap`, a search of words alone stops counting past it (`AtLeast`)."""
    match = _wordings_match(conn, f) if cap is not None else None
    if match:
        return capped(conn, _EACH_STATEMENT_OF_WORDINGS, [match], cap)
    where, params, known = _kept(conn, f)
    if known is not None:
        return known
    return run(conn, f"SELECT COUNT(*) FROM statement s{where}", params)[0][0]


def statements(
    conn: sqlite3.Connection,
    f: Filters = Filters(),
    sort: str = "date",
    offset: int = 0,
    limit: int = 100,
    total: int | None = None,
) -> list[StatementRow]:
    """A page of statements, the latest said first (or by speaker), each with its fullest quote; `total`, when
    the caller counted them, has a page nearer the end read from there (`paging.window`)."""
    w = window(_ORDER.get(sort, _ORDER["date"]), offset, limit, total)
    table = "statement s"
    if _many_wordings(conn, f, total) and _has_order_indexes(conn):
        where, params = _where(conn, f)  # the matches gathered once, by SQLite, for the walk to look each up in
        kept = None
        table = f"statement s INDEXED BY {_ORDER_INDEX.get(sort, _ORDER_INDEX['date'])}"
    else:
        where, params, kept = _kept(conn, f)
    if where == _BY_ROWID and kept >= walk_bound(conn, "statement") and _has_order_indexes(conn):
        # many kept: walking the order's index, each statement looked up among them, finds a page sooner than
        # sorting them all (10,000 of 20,000 at 100,000 articles: 5 ms against 10)
        table = f"statement s INDEXED BY {_ORDER_INDEX.get(sort, _ORDER_INDEX['date'])}"
    # the page's statements first, then the fullest quote and article of those alone (not of every match)
    rows = run(
        conn,
        f"WITH page AS (SELECT s.id, row_number() OVER (ORDER BY {w.order}) AS n FROM {table}{where} "
        f"ORDER BY {w.order} LIMIT ? OFFSET ?) "
        f"SELECT {STATEMENT_COLS}, {QUOTE_COLS} FROM page CROSS JOIN statement s ON s.id = page.id "
        "JOIN quote q ON q.id = s.fullest JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, w.limit, w.offset],
    )
    return [_statement_row(r) for r in w.rows(rows)]


def statement_page(conn: sqlite3.Connection, statement_id: str) -> StatementPage | None:
    """One statement and every wording of it, the earliest first; None when it is gone (grouped again)."""
    head = statement_page_head(conn, statement_id, limit=None)
    return statement_page_rest(conn, head) if head is not None else None


def _has_wording_places(conn: sqlite3.Connection) -> bool:
    """Whether the wordings hold their place on their statement's page and the statements their outlets (13)."""
    return schema_at_least(conn, STATEMENT_PAGE_VERSION)


def statement_page_head(
    conn: sqlite3.Connection, statement_id: str, limit: int | None = HEAD_WORDINGS
) -> StatementPage | None:
    """The top of a statement's page: the statement, its outlets and its first `limit` wordings, the earliest
    first, read off the index of their places (schema 13; `complete` when they are all). An older database, or
    `limit` None, reads every wording. None when the statement is gone (grouped again)."""
    if not has_statements(conn):
        return None
    placed = _has_wording_places(conn)
    sources = ", s.sources" if placed else ""
    rows = run(conn, f"SELECT {STATEMENT_COLS}, {QUOTE_COLS}{sources} FROM {_FROM} WHERE s.id = ?", (statement_id,))
    if not rows:
        return None
    row = rows[0][:-1] if placed else rows[0]
    outlets = _sources(rows[0][-1]) if placed else None
    if not placed or outlets is None:  # older, or not yet refreshed: every wording, as they were always read
        wordings = [quote_row(r) for r in run(conn, _MEMBERS, (statement_id,))]
        return StatementPage(_statement_row(row), wordings, outlets)
    read = run(conn, _MEMBERS_IN_PLACE, (statement_id, 0, -1 if limit is None else limit + 1))
    complete = limit is None or len(read) <= limit
    wordings = [quote_row(r) for r in (read if complete else read[:limit])]
    return StatementPage(_statement_row(row), wordings, outlets, complete)


def statement_page_rest(conn: sqlite3.Connection, head: StatementPage) -> StatementPage:
    """`head` (`statement_page_head`) with the wordings after its own read, in their places."""
    if head.complete:
        return head
    last = run(conn, _PLACE_OF, (head.wordings[-1].id,)) if head.wordings else []
    after = last[0][0] + 1 if last and last[0][0] is not None else len(head.wordings)
    rest = run(conn, _MEMBERS_IN_PLACE, (head.statement.id, after, -1))
    return replace(head, wordings=[*head.wordings, *(quote_row(r) for r in rest)], complete=True)


def _sources(text: str | None) -> dict[str, int] | None:
    """`statement.sources` read (untrusted: anything but an object of counts is None, and the page reads its
    wordings' outlets instead)."""
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(isinstance(k, str) and type(n) is int for k, n in value.items()):
        return None
    return value
