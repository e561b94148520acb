"""Articles: their lists (filtered, sorted, in pages) and one article with everything found in it."""

from __future__ import annotations

import sqlite3

from model.corpus.query.base import FREQUENT, entity_counts, has_summary, quote_cols, run, sql_where
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
from model.corpus.query.search import fts_only, is_common, search_clauses

ARTICLE_SORTS = ("date", "oldest", "title")
_ARTICLE_ORDER = {
    "date": "a.published DESC, a.id DESC",
    "oldest": "a.published IS NULL, a.published, a.id",
    "title": "a.title IS NULL, a.title COLLATE NOCASE, a.id",
}


def _article_where(f: Filters, summed: bool = False) -> tuple[str, list]:
    clauses, params = [], []
    if f.entity is not None:  # with the summary, one row per article
        clauses.append(f"a.id IN (SELECT article FROM {'entity_article' if summed else 'mention'} WHERE entity=?)")
        params.append(f.entity)
    if f.search:
        c, p = search_clauses(f.search, "article_fts", "a.id", ("a.title", "a.text"))
        clauses += c
        params += p
    return sql_where(clauses), params


def _many(conn: sqlite3.Connection, f: Filters) -> bool:
    """Whether a filter keeps FREQUENT articles or more (an estimate that costs an index lookup):
    then a page is best read off the date index; for fewer, sorting the matches is quicker."""
    if f.entity is not None:
        return entity_counts(conn, f.entity)[1] >= FREQUENT
    match = fts_only(f)
    return bool(match) and is_common(conn, "article_fts", match)


def count_articles(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    match = fts_only(f, entity=f.entity)
    if match:
        return run(conn, "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH ?", (match,))[0][0]
    summed = has_summary(conn)
    if f.entity is not None and not f.search and summed:
        return run(conn, "SELECT COUNT(*) FROM entity_article WHERE entity = ?", (f.entity,))[0][0]
    where, params = _article_where(f, summed)
    return run(conn, f"SELECT COUNT(*) FROM article a{where}", params)[0][0]


def articles(
    conn: sqlite3.Connection, f: Filters = Filters(), sort: str = "date", offset: int = 0, limit: int = 100
) -> list[ArticleRow]:
    summed = has_summary(conn)
    if f.entity is not None and not f.search and sort not in ("oldest", "title") and summed:
        # the entity's articles newest first: a range of the summary's date index
        rows = run(
            conn,
            f"SELECT a.id, a.key, a.published, a.published_basis, a.source, {TITLE} FROM entity_article "
            "ea INDEXED BY idx_entity_article_published CROSS JOIN article a ON a.id = ea.article "
            "WHERE ea.entity = ? ORDER BY ea.published DESC, ea.article DESC LIMIT ? OFFSET ?",
            (f.entity, limit, offset),
        )
        return [ArticleRow(*r) for r in rows]
    where, params = _article_where(f, summed)
    order = _ARTICLE_ORDER.get(sort, _ARTICLE_ORDER["date"])
    # Newest first, a page of a filter that keeps many articles (a common word, a frequent entity) is
    # read off the date index, keeping the rows that match, instead of sorting every match.
    table = "article a INDEXED BY idx_article_published" if where and sort == "date" and _many(conn, f) else "article a"
    rows = run(
        conn,
        f"SELECT a.id, a.key, a.published, a.published_basis, a.source, {TITLE} FROM {table}"
        f"{where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [ArticleRow(*r) for r in rows]


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
