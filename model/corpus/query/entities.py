"""Entities: their list (by type, by name or alias), one entity, the types."""

from __future__ import annotations

import sqlite3

from model.corpus.query.base import run, sql_where
from model.corpus.query.rows import EntityRow, Filters

# ---------------------------------------------------------------- entities


def _entity_where(f: Filters) -> tuple[str, list]:
    clauses, params = [], []
    if f.label:
        clauses.append("e.label = ?")
        params.append(f.label)
    if f.name:
        like = "%" + f.name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            "(e.canonical LIKE ? ESCAPE '\\' OR e.id IN (SELECT entity FROM alias WHERE alias LIKE ? ESCAPE '\\'))"
        )
        params += [like, like]
    return sql_where(clauses), params


def count_entities(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    where, params = _entity_where(f)
    return run(conn, f"SELECT COUNT(*) FROM entity e{where}", params)[0][0]


ENTITY_SORTS = ("mentions", "articles", "name", "type")
_ENTITY_ORDER = {
    "mentions": "e.mentions DESC, e.canonical COLLATE NOCASE",
    "articles": "e.articles DESC, e.mentions DESC, e.canonical COLLATE NOCASE",
    "name": "e.canonical COLLATE NOCASE, e.id",
    "type": "e.label IS NULL, e.label, e.mentions DESC, e.canonical COLLATE NOCASE",
}


def entities(
    conn: sqlite3.Connection, f: Filters = Filters(), offset: int = 0, limit: int = 100, sort: str = "mentions"
) -> list[EntityRow]:
    """A page of entities, most mentioned first, or by `sort` (`ENTITY_SORTS`)."""
    where, params = _entity_where(f)
    order = _ENTITY_ORDER.get(sort, _ENTITY_ORDER["mentions"])
    rows = run(
        conn,
        f"SELECT e.id, e.canonical, e.label, e.mentions, e.articles FROM entity e{where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [EntityRow(*r) for r in rows]


def entity(conn: sqlite3.Connection, entity_id: int) -> EntityRow | None:
    rows = run(conn, "SELECT id, canonical, label, mentions, articles FROM entity WHERE id=?", (entity_id,))
    return EntityRow(*rows[0]) if rows else None


def labels(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Entity types with how many entities have each, most first."""
    return [
        (r[0], r[1])
        for r in run(
            conn, "SELECT label, COUNT(*) FROM entity WHERE label IS NOT NULL GROUP BY label ORDER BY 2 DESC, 1"
        )
    ]
