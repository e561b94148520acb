"""Articles: their lists (filtered, sorted, in pages) and one article with everything found in it."""

from __future__ import annotations

import re
import sqlite3
from array import array

from model.corpus.query import reuse
from model.corpus.query.base import (
    FREQUENT,
    AtLeast,
    QueryError,
    capped,
    entity_counts,
    fts_count,
    ints,
    quote_cols,
    run,
    schema_at_least,
    sql_where,
    within,
    within_ints,
)
from model.corpus.query.language import Query, parse
from model.corpus.query.paging import window
from model.corpus.query.rows import (
    TIMEX_COLS,
    TIMEX_FROM,
    TITLE,
    ArticleDoc,
    ArticleRow,
    Filters,
    MentionSpan,
    quote_row,
    timex_row,
)
from model.corpus.query.search import (
    PLAIN,
    Columns,
    article_query_clauses,
    columns,
    few_entities_named,
    fts_match,
    fts_only,
    has_fields,
    is_common,
    keeps_many,
    looks_at_quotes,
    names_a_speaker,
    walk_bound,
    with_sources,
    word_walk_bound,
)
from model.corpus.schema import ARTICLE_DATE_BY_ID_INDEX, ARTICLE_DATE_BY_ID_VERSION

_ROW_COLS = f"a.id, a.key, a.published, a.published_basis, a.source, {TITLE}"  # an `ArticleRow`, from `article a`
ARTICLE_SORTS = ("date", "oldest", "title", "source", "source_desc")
# Each sort's ORDER BY, as its index holds it (`schema.ORDER_INDEXES`, `COLUMN_SORT_INDEXES`; the date sorts' on
# `published`): every order ends on the unique id, so a page may be read from either end (`paging`). The
# undated, untitled and those with no source come last, whichever way their column is sorted; by source, each
# source's articles are newest first either way.
_ARTICLE_ORDER = {
    "date": "a.published DESC, a.id DESC",
    "oldest": "a.published IS NULL, a.published, a.id",
    "title": "a.title IS NULL, a.title COLLATE NOCASE, a.id",
    "source": "a.source IS NULL, a.source COLLATE NOCASE, a.published DESC, a.id DESC",
    "source_desc": "a.source IS NULL, a.source COLLATE NOCASE DESC, a.published DESC, a.id DESC",
}


def _article_where(f: Filters, cols: Columns = PLAIN, walking: bool = False) -> tuple[str, list]:
    """The WHERE clause of a filter on `article a`; `walking`: for a page read off the date index."""
    clauses, params = [], []
    if f.entity is not None:  # with the summary, one row per article
        table = "entity_article" if cols.summed else "mention"
        clauses.append(f"a.id IN (SELECT article FROM {table} WHERE entity=?)")
        params.append(f.entity)
    if f.search:
        c, p = article_query_clauses(f.search, cols, walking)
        clauses += c
        params += p
    return sql_where(clauses), params


# A filter's first clause that finds articles by id in another table (the words' matches, an entity's articles,
# a speaker's quotes): when no clause reads an article's own columns, the kept articles are read from that table,
# each id distinct, without looking up every article row (~2.5 µs each at 100,000 articles).
_FOUND_IN = re.compile(r"a\.id IN \(SELECT (\w+(?:\.\w+)?) (FROM .*)\)", re.S)
_ARTICLE_COLUMN = re.compile(r"\ba\.(?!id\b)\w")  # a column of the article other than its id


def _kept_sql(f: Filters, cols: Columns) -> tuple[str, list]:
    """The SELECT of the ids of the articles `f` keeps (a fielded search)."""
    clauses, params = [], []
    if f.entity is not None:
        table = "entity_article" if cols.summed else "mention"
        clauses.append(f"a.id IN (SELECT article FROM {table} WHERE entity=?)")
        params.append(f.entity)
    c, p = article_query_clauses(f.search, cols)
    clauses += c
    params += p
    found = _FOUND_IN.fullmatch(clauses[0])
    if found and not any(_ARTICLE_COLUMN.search(c) for c in clauses) and "?" not in clauses[0][: found.start(2)]:
        # the first clause's table, each article once (its parameters come first, as in the clause)
        driver = f"(SELECT DISTINCT {found.group(1)} AS id {found.group(2)}) a"
        return f"SELECT a.id FROM {driver}{sql_where(clauses[1:])}", params
    return f"SELECT a.id FROM article a{sql_where(clauses)}", params


def _kept(conn: sqlite3.Connection, f: Filters, cols: Columns) -> array:
    """The ids of the articles a fielded search keeps, found once (`reuse`) for the list's count and its pages."""

    def read() -> array:
        sql, params = _kept_sql(f, cols)
        return ints(conn, sql, params)

    return reuse.reused(conn, ("articles", f.entity, f.search), read)


def _counted_to_cap(f: Filters) -> bool:
    """Whether a fielded search is counted up to a cap, its first page walked off the date index: all but those
    that name a speaker, whose articles come from the speaker's quotes gathered whole (`names_a_speaker`)."""
    return has_fields(f.search) and not names_a_speaker(f.search)


def _count_kept(conn: sqlite3.Connection, f: Filters, cols: Columns, cap: int) -> int:
    """The articles a fielded search keeps, counted up to `cap` (`AtLeast` past it): an entity's articles, or a
    word's, each checked until the cap, not every one (an entity in 16,000 articles at a million, each article's
    quotes looked at: 51 ms gathered, 4 counted to 1,000). When they are all found, they are kept as the whole
    set (`_kept`) for the pages."""

    def read() -> array:
        sql, params = _kept_sql(f, cols)
        return ints(conn, f"{sql} LIMIT {int(cap) + 1}", params)

    ids = reuse.reused(conn, ("articles up to", cap, f.entity, f.search), read)
    if len(ids) > cap:
        return AtLeast(cap)
    reuse.reused(conn, ("articles", f.entity, f.search), lambda: ids)
    return len(ids)


# A fielded search's first page, newest first, is tried off the date index, each article checked, for this many of
# SQLite's instructions (~10 ms): at a million articles the page of an entity's or a word's articles that look at
# their quotes fills within 110,000-200,000; one whose articles all lie far back stops and is gathered instead.
WALK_STEPS = 400_000


_FIND = object()  # `_walked_page`'s entities not found yet


def _walked_page(
    conn: sqlite3.Connection, f: Filters, cols: Columns, limit: int, walked=_FIND
) -> list[ArticleRow] | None:
    """The first `limit` articles a fielded search keeps, newest first, read off a date index within `WALK_STEPS`
    (None past them): the same rows as its kept articles sorted, and what they are when fewer. When the search keeps
    articles of a few entities only (the entity filter, or an `entity:` that names a few), each entity's articles
    are walked on their own index (`idx_entity_article_published`), checked against the rest of the search, and
    the pages merged: the kept articles lie among the entity's own, wherever they lie among all (OPEC's at a
    million: 1,070,000 instructions on every article's date index, a page at once on its own). `walked`: what
    `_walk_entities` found for `f`, when the caller has it."""
    if walked is _FIND:
        walked = _walk_entities(conn, f, cols)
    if walked is None:
        where, params = _article_where(f, cols, walking=True)
        return _walk(conn, "article a INDEXED BY idx_article_published", _ARTICLE_ORDER["date"], where, params, limit)
    entities, rest = walked
    where, params = _article_where(rest, cols, walking=True) if rest.search else ("", [])
    also = " AND " + where.removeprefix(" WHERE ") if where else ""
    pages = [
        _walk(
            conn,
            "entity_article ea INDEXED BY idx_entity_article_published CROSS JOIN article a ON a.id = ea.article",
            "ea.published DESC, ea.article DESC",
            " WHERE ea.entity = ?" + also,
            [entity, *params],
            limit,
        )
        for entity in entities
    ]
    if any(page is None for page in pages):
        return None
    rows = sorted({row.id: row for page in pages for row in page}.values(), key=lambda r: r.id, reverse=True)
    rows.sort(key=lambda r: r.published or "", reverse=True)  # the date sort: newest first, the undated last
    return rows[:limit]


# A fielded search whose articles are checked cheaply (its words, a source, a date: not their quotes) and found off
# the full-text index is first gathered within this many instructions (~5 ms: 10,000 of a phrase's matches take
# 80,000): at most `KEPT_SORTED_UP_TO` are sorted, not walked. A phrase in 6,670 articles at a million, most of them
# far down the date index, walked 457,000 of it (21 ms) before being gathered anyway.
GATHER_STEPS = 100_000


def _gathered_few(conn: sqlite3.Connection, f: Filters, cols: Columns) -> bool:
    """Whether the articles a fielded search keeps are few enough to sort (`KEPT_SORTED_UP_TO`), found by gathering
    them within `GATHER_STEPS` (then kept whole for the pages, `_kept`): tried for a search with words that must be
    there, not for one that looks at each article's quotes (nor, the caller's part, one whose articles are those of
    a few entities, walked on their own index: `_walk_entities`)."""
    if looks_at_quotes(f.search) or not schema_at_least(conn, ARTICLE_DATE_BY_ID_VERSION):
        return False
    if fts_match(parse(f.search).words) is None:
        return False
    sql, params = _kept_sql(f, cols)
    ids = within_ints(conn, f"{sql} LIMIT {KEPT_SORTED_UP_TO + 1}", params, GATHER_STEPS)
    if ids is None or len(ids) > KEPT_SORTED_UP_TO:
        return False
    reuse.reused(conn, ("articles", f.entity, f.search), lambda: ids)
    return True


def _walk(
    conn: sqlite3.Connection, table: str, order: str, where: str, params: list, limit: int
) -> list[ArticleRow] | None:
    rows = within(
        conn,
        f"SELECT {_ROW_COLS} FROM {table}{where} ORDER BY {order} LIMIT ?",
        [*params, limit],
        WALK_STEPS,
    )
    return None if rows is None else [ArticleRow(*r) for r in rows]


def _walk_entities(conn: sqlite3.Connection, f: Filters, cols: Columns) -> tuple[list[int], Filters] | None:
    """The entities whose articles hold all that `f` keeps, when they are few, and the filter left to check on
    each of their articles: the entity filter, else those the first `entity:` term names, up to `search.FEW_ENTITIES`
    (with the summary's per-entity index to walk); a name that names none keeps nothing."""
    if not cols.summed:
        return None
    if f.entity is not None:
        return [f.entity], Filters(search=f.search)
    query = parse(f.search)
    first = next((i for i, t in enumerate(query.terms) if t.field == "entity" and not t.negated), None)
    if first is None:
        return None
    ids = few_entities_named(conn, query.terms[first].value)
    if ids is None:  # many: every article's date index is walked
        return None
    rest = query.without(first)
    if rest.terms and not _typed_back(rest):
        return None
    return ids, Filters(search=rest.text or None)


def _typed_back(query: Query) -> bool:
    """Whether `query`, typed as its text, reads back as the same terms (a value the line cannot hold: no)."""
    try:
        return parse(query.text).terms == query.terms
    except QueryError:
        return False


# A page of kept articles, newest first, is read off the date index (each row looked up among the kept ids)
# from this many kept on, for every PAGE_ROWS thousand articles (√(rows × PAGE_ROWS) / 4: ~800 at 100,000
# articles): sorting them reads each kept article's row (2,000 kept: 5.4 ms against 1.3 walking).
WALK_KEPT_SHARE = 4
# With each article's date indexed by its id (schema 18) kept articles are sorted off that index at ~1 µs each: up to
# this many they are sorted, not walked (a speaker's 3,335 at a million far down the date index: 26 ms walked, 9
# sorted; a word's 15,000 near its top: 7.6 walked).
KEPT_SORTED_UP_TO = 10_000

_BY_DATE = ("date", "oldest")  # the sorts a set of kept articles is put in off `ARTICLE_DATE_BY_ID_INDEX`


def _many(conn: sqlite3.Connection, f: Filters, where: str, params: list, total: int | None = None) -> bool:
    """Whether a filter keeps enough articles that a page is best read off the date index (for fewer, sorting
    them is quicker): an entity in FREQUENT articles or more; a fielded search by `keeps_many`; words alone in
    `word_walk_bound` articles or more, which the count the caller has (`total`) says, or an index lookup."""
    if has_fields(f.search):
        return keeps_many(conn, "article a", where, params, total, costly=looks_at_quotes(f.search))
    if f.entity is not None:
        return entity_counts(conn, f.entity)[1] >= FREQUENT
    match = fts_only(f)
    if not match:
        return False
    bound = word_walk_bound(conn)
    if total is not None and (not isinstance(total, AtLeast) or total >= bound):
        return total >= bound  # the count says it (a capped one past the bound: more still)
    return is_common(conn, "article_fts", match, bound)


def page_apart_from_count(f: Filters) -> bool:
    """Whether a page of `f`'s articles shares no work with their count, so that both may be read at once on two
    connections: all but a fielded search that names a speaker, whose kept ids are found once, on one connection,
    for both (`_kept`)."""
    return not has_fields(f.search) or _counted_to_cap(f)


def count_articles(conn: sqlite3.Connection, f: Filters = Filters(), cap: int | None = None) -> int:
    """The articles `f` keeps; with `cap`, a search of words alone stops counting past it (`AtLeast`)."""
    match = fts_only(f, entity=f.entity)
    if match:
        return fts_count(conn, "article_fts", match, cap)
    cols = with_sources(conn, columns(conn), f.search)
    match = fts_only(f)
    if match and f.entity is not None and cols.summed and cap is not None:
        # words in one entity's articles: the word's matches, each looked up in the entity's (its key), until
        # past the cap; gathering both sets first cost the entity's articles every time
        return capped(
            conn,
            "SELECT 1 FROM article_fts f CROSS JOIN entity_article ea ON ea.entity = ? AND ea.article = f.rowid "
            "WHERE article_fts MATCH ?",
            [f.entity, match],
            cap,
        )
    if f.entity is not None and not f.search and cols.summed:
        return run(conn, "SELECT COUNT(*) FROM entity_article WHERE entity = ?", (f.entity,))[0][0]
    if has_fields(f.search):
        if cap is not None and _counted_to_cap(f):
            return _count_kept(conn, f, cols, cap)
        return len(_kept(conn, f, cols))
    where, params = _article_where(f, cols)
    return run(conn, f"SELECT COUNT(*) FROM article a{where}", params)[0][0]


def articles(
    conn: sqlite3.Connection,
    f: Filters = Filters(),
    sort: str = "date",
    offset: int = 0,
    limit: int = 100,
    total: int | None = None,
) -> list[ArticleRow]:
    """A page of articles; `total`, when the caller counted them already (`count_articles`), picks the plan,
    and a page nearer the end is read from there (`paging.window`)."""
    sort = sort if sort in _ARTICLE_ORDER else "date"
    cols = with_sources(conn, columns(conn), f.search)
    match = fts_only(f) if f.search else None
    if f.entity is not None and (match or not f.search) and sort == "date" and cols.summed:
        # the entity's articles newest first: a range of the summary's date index (with words, each article
        # looked up among their matches: walking every article for them read the whole corpus when none matched)
        w = window("ea.published DESC, ea.article DESC", offset, limit, total)
        words = " AND ea.article IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)" if match else ""
        rows = run(
            conn,
            f"SELECT {_ROW_COLS} FROM entity_article "
            "ea INDEXED BY idx_entity_article_published CROSS JOIN article a ON a.id = ea.article "
            f"WHERE ea.entity = ?{words} ORDER BY {w.order} LIMIT ? OFFSET ?",
            (f.entity, *([match] if match else []), w.limit, w.offset),
        )
        return [ArticleRow(*r) for r in w.rows(rows)]
    if has_fields(f.search):
        known = total is not None and not isinstance(total, AtLeast)  # counted whole: few, or not capped
        if sort == "date" and offset == 0 and not known and _counted_to_cap(f):
            walked = _walk_entities(conn, f, cols)  # a few entities' own indexes: walked first
            if walked is None and _gathered_few(conn, f, cols):
                return _kept_page(conn, f, cols, sort, offset, limit, walk=False)
            rows = _walked_page(conn, f, cols, limit, walked)
            if rows is not None:
                return rows
            return _kept_page(conn, f, cols, sort, offset, limit, walk=False)  # they lie far down the date index
        return _kept_page(conn, f, cols, sort, offset, limit)
    where, params = _article_where(f, cols)
    w = window(_ARTICLE_ORDER[sort], offset, limit, total)
    # Newest first, a page of a filter that keeps many articles (a common word, a frequent entity) is
    # read off the date index, keeping the rows that match, instead of sorting every match.
    table = "article a"
    if where and sort == "date" and _many(conn, f, where, params, total):
        table = "article a INDEXED BY idx_article_published"
        where, params = _article_where(f, cols, walking=True)
    rows = run(
        conn,
        f"SELECT {_ROW_COLS} FROM {table}{where} ORDER BY {w.order} LIMIT ? OFFSET ?",
        [*params, w.limit, w.offset],
    )
    return [ArticleRow(*r) for r in w.rows(rows)]


def _kept_page(
    conn: sqlite3.Connection, f: Filters, cols: Columns, sort: str, offset: int, limit: int, walk: bool = True
) -> list:
    """A page of the articles a fielded search keeps (`_kept`), looked up by id: newest first, off the date
    index when they are many (`WALK_KEPT_SHARE`, `KEPT_SORTED_UP_TO`) and `walk` (not when a walk of the index for
    the first page has just stopped without it: 14 ms more to stop again, at a million articles), else sorted (off
    the index of dates by id, schema 18). More than `reuse.MAX_IDS`: by the clauses."""
    ids = _kept(conn, f, cols)
    kept = len(ids)
    w = window(_ARTICLE_ORDER[sort], offset, limit, kept)
    select = f"SELECT {_ROW_COLS} FROM "
    if kept > reuse.MAX_IDS:
        where, params = _article_where(f, cols, walking=sort == "date")
        table = "article a INDEXED BY idx_article_published" if sort == "date" else "article a"
        rows = run(conn, f"{select}{table}{where} ORDER BY {w.order} LIMIT ? OFFSET ?", [*params, w.limit, w.offset])
        return [ArticleRow(*r) for r in w.rows(rows)]
    where, params = " WHERE a.id IN (SELECT value FROM json_each(?))", [reuse.as_json(ids), w.limit, w.offset]
    rows = None
    indexed = schema_at_least(conn, ARTICLE_DATE_BY_ID_VERSION)
    many = kept >= max(1, walk_bound(conn, "article") // WALK_KEPT_SHARE) and (not indexed or kept > KEPT_SORTED_UP_TO)
    if walk and sort == "date" and many:
        # walked while the kept lie near the top of the index; sorted when they lie far down (a speaker's 3,335
        # articles at a million: 37 ms walked, 16 stopped and sorted; a word's 15,000 near the top: 7.6 walked)
        walked = f"{select}article a INDEXED BY idx_article_published{where} ORDER BY {w.order} LIMIT ? OFFSET ?"
        rows = within(conn, walked, params, WALK_STEPS)
    if rows is None and sort in _BY_DATE and indexed:
        # the page's ids sorted off the index of dates by id, then those articles' rows alone
        rows = run(
            conn,
            f"WITH page AS (SELECT a.id, row_number() OVER (ORDER BY {w.order}) AS n FROM article a INDEXED BY "
            f"{ARTICLE_DATE_BY_ID_INDEX}{where} ORDER BY {w.order} LIMIT ? OFFSET ?) "
            f"{select}page CROSS JOIN article a ON a.id = page.id ORDER BY page.n",
            params,
        )
    elif rows is None:
        rows = run(conn, f"{select}article a{where} ORDER BY {w.order} LIMIT ? OFFSET ?", params)
    return [ArticleRow(*r) for r in w.rows(rows)]


def find_articles(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[ArticleRow]:
    """Articles whose title contains `text` (for the command palette)."""
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = run(
        conn,
        "SELECT id, key, published, published_basis, source, title FROM article "
        "WHERE title LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\' ORDER BY published DESC LIMIT ?",
        (like, like, limit),
    )
    return [ArticleRow(*r) for r in rows]


def get_article(conn: sqlite3.Connection, article_id: int) -> ArticleDoc | None:
    row = run(
        conn,
        "SELECT id, key, title, title_basis, source, source_basis, url, published, published_basis, "
        "published_confidence, text FROM article WHERE id=?",
        (article_id,),
    )
    if not row:
        return None
    doc = ArticleDoc(*row[0])
    doc.sentences = [
        (s, e) for s, e in run(conn, "SELECT start, end FROM sentence WHERE article=? ORDER BY idx", (article_id,))
    ]
    doc.mentions = [
        MentionSpan(*r)
        for r in run(
            conn,
            "SELECT m.id, m.start, m.end, m.text, m.label, m.entity, e.canonical, m.basis FROM mention m "
            "LEFT JOIN entity e ON e.id = m.entity WHERE m.article=? ORDER BY m.start",
            (article_id,),
        )
    ]
    doc.quotes = [
        quote_row(r)
        for r in run(
            conn,
            f"SELECT {quote_cols(conn)} FROM quote q JOIN article a ON a.id = q.article WHERE q.article=? ORDER BY q.start",
            (article_id,),
        )
    ]
    doc.timexes = [
        timex_row(r)
        for r in run(conn, f"SELECT {TIMEX_COLS} FROM {TIMEX_FROM} WHERE t.article=? ORDER BY t.start", (article_id,))
    ]
    return doc


def article_row(conn: sqlite3.Connection, article_id: int) -> ArticleRow | None:
    rows = run(conn, "SELECT id, key, published, published_basis, source, title FROM article WHERE id=?", (article_id,))
    return ArticleRow(*rows[0]) if rows else None
