"""One part database's articles copied into the corpus (`sinorus-tui merge`), in SQL, ids renumbered.

Past one writer's rate, each node ingests its share into a database of its own and the parts are merged. A part
is attached read-only; inside the caller's transaction, its articles that the corpus does not hold already (the
same key, content hash and pipeline version: the dedupe ingest applies) are copied with every row that hangs off
them. Which tables those are is read from the schema itself (`per_article_tables`): every table with an `article`
column, or a foreign key to a table copied, except the rows derived from them (`DERIVED`), which are made again
here or by the corpus-wide refresh that follows. Each table's own `id` is shifted past the corpus's largest; a
foreign key follows its table's new ids; an entity is found by the key ingest finds it by (its canonical name,
case-folded: `write.EntityCache`), or made with the label and family its first mention gave it. An article whose
key the corpus holds with other text is replaced, as a re-ingest replaces it.

The user's rows a part may carry that change no extracted row (marks, read articles, review answers: keyed by an
article's key and a span) are added where the corpus has none of their key. A part's corrections are not merged
(`model.ingest.merge` refuses such a part): they are applied in place to the part's rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote as uri_quote

from model.corpus import write
from model.corpus.entity_refresh import BODY_MERGED, FAMILY_MERGED
from model.corpus.joint import members
from model.corpus.statement_merge import speaker_part
from model.corpus.summary import SUMMARY_TABLES, summarise

ALIAS = "part"  # the schema name a part is attached under

# Rows with an `article` column (or under one) that are derived from the others, made again after the copy:
# the per-entity summary (`summarise`), each quote's speaker part (`speaker_part`: it names entity and article
# ids). And the column derived inside a copied table: an event report's merged event (the refresh merges it).
DERIVED = frozenset({*SUMMARY_TABLES, "quote_statement"})
DERIVED_COLUMNS = {"event_report": ("event",)}
# The user's own rows, keyed by stable keys and changing no extracted row: added unless the corpus has their key.
USER_TABLES = ("mark", "seen", "review_answer")
# The rest of the schema: corpus-wide state derived from the articles' rows (refreshed after a merge), the stale
# marks, the user's corrections (refused in a part), and what triggers keep (full-text indexes, event_day).
CORPUS_WIDE = frozenset(
    {
        "entity",
        "alias",
        "event",
        "event_dirty",
        "statement",
        "statement_dirty",
        "entity_wording",
        "speaker_name",
        "corpus_stale",
        "correction",
        "event_day",
    }
)


@dataclass
class Copied:
    """What copying one part did."""

    articles: int = 0  # articles in the part
    added: int = 0  # copied as new
    replaced: int = 0  # copied over an article of the same key with other text (or an older pipeline)
    duplicates: int = 0  # skipped: the corpus holds them already
    touched: set[int] = field(default_factory=set)  # the corpus's entities whose rows changed
    merged_alone: int = 0  # entities of the part that took in others over its own articles (`merged_in_part`)


def attach(conn: sqlite3.Connection, path: str) -> None:
    """Attach the part at `path`, read-only (the path quoted for the URI: a name may hold '?', '#' or '%')."""
    conn.execute(f"ATTACH DATABASE ? AS {ALIAS}", ("file:" + uri_quote(path) + "?mode=ro",))


def detach(conn: sqlite3.Connection) -> None:
    conn.execute(f"DETACH DATABASE {ALIAS}")


def _tables(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    """The ordinary tables of `schema` (no full-text index or its shadow tables, no SQLite internals)."""
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
        "ORDER BY name"
    )
    return [r[0] for r in rows if not r[0].startswith("sqlite_") and "_fts" not in r[0]]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]


def _foreign_keys(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """column -> the table it refers to."""
    return {r[3]: r[2] for r in conn.execute(f"PRAGMA main.foreign_key_list({table})")}


def per_article_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables copied with an article, parents before children: `article`, then each table with an `article`
    column or a foreign key to a table already listed, except the derived ones and the user's."""
    candidates = [t for t in _tables(conn) if t not in DERIVED and t not in CORPUS_WIDE and t not in USER_TABLES]
    order = ["article"]
    rest = [t for t in candidates if t != "article"]
    while True:
        ready = [
            t
            for t in rest
            if all(parent in order or parent == "entity" for parent in _foreign_keys(conn, t).values())
            and ("article" in _columns(conn, t) or any(p in order for p in _foreign_keys(conn, t).values()))
        ]
        if not ready:
            return order
        order += ready
        rest = [t for t in rest if t not in ready]


def unclassified_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables a merge neither copies nor knows as derived, the user's or corpus-wide: a new table that needs a
    decision (the test suite asks for none)."""
    known = {*per_article_tables(conn), *DERIVED, *CORPUS_WIDE, *USER_TABLES}
    return [t for t in _tables(conn) if t not in known]


CHUNK = 500  # articles copied between two progress reports (all of a part in the caller's one transaction)


def merged_in_part(conn: sqlite3.Connection) -> int:
    """How many entities of the attached part took in others across its articles (family names, bodies named with
    their country: `entity_refresh`), decided on the part alone: its ingest was not told it was a part."""
    return conn.execute(
        f"SELECT COUNT(DISTINCT entity) FROM {ALIAS}.mention WHERE basis LIKE ? OR basis LIKE ?",
        (f"%; {FAMILY_MERGED}%", f"%, {BODY_MERGED}%"),
    ).fetchone()[0]


def copy_part(
    conn: sqlite3.Connection,
    entities: write.EntityCache,
    on_chunk: Callable[[int, int], None] | None = None,
    chunk: int = CHUNK,
) -> Copied:
    """Copy the attached part's new and changed articles with their rows, inside the caller's transaction, `chunk`
    articles at a time (`on_chunk(done, to_copy)` after each); the corpus-wide state is left to the caller's
    refresh (the years, speakers and entities touched are marked)."""
    done = Copied(articles=conn.execute(f"SELECT COUNT(*) FROM {ALIAS}.article").fetchone()[0])
    _pick_all(conn)
    done.added, done.replaced = _counts(conn)
    done.duplicates = done.articles - done.added - done.replaced
    tables = per_article_tables(conn)
    before = _largest_id(conn, "entity")  # the corpus's entities before this part: ids up to it (`_resolve_speakers`)
    copied, last = 0, -1
    if on_chunk:
        on_chunk(0, done.added + done.replaced)
    while True:
        n = _next_chunk(conn, last, chunk)
        if not n:
            break
        last = conn.execute("SELECT MAX(part_id) FROM temp.pick").fetchone()[0]
        done.touched |= _clear_replaced(conn)
        shift = {t: _largest_id(conn, t) for t in tables if "id" in _columns(conn, t)}
        _map_articles(conn, shift["article"])
        done.touched |= _map_entities(conn, entities, tables)
        for table in tables:
            _copy_table(conn, table, shift)
        done.touched |= _resolve_speakers(conn, entities, before)
        _after_copy(conn)
        copied += n
        if on_chunk:
            on_chunk(copied, done.added + done.replaced)
    _add_user_rows(conn)
    return done


def _pick_all(conn: sqlite3.Connection) -> None:
    """temp.pick_all: the part's articles to copy (not stored already with the same text by this pipeline), with
    the id of the corpus's article of the same key, if any (to be replaced)."""
    for name in ("pick_all", "pick"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        conn.execute(f"CREATE TEMP TABLE {name} (part_id INTEGER PRIMARY KEY, key TEXT, old_id INTEGER)")
    conn.execute(
        f"INSERT INTO temp.pick_all(part_id, key, old_id) SELECT p.id, p.key, a.id FROM {ALIAS}.article p "
        "LEFT JOIN main.article a ON a.key = p.key "
        "WHERE a.id IS NULL OR a.sha256 IS NOT p.sha256 OR a.pipeline_version IS NOT p.pipeline_version "
        "ORDER BY p.id"
    )


def _next_chunk(conn: sqlite3.Connection, after: int, chunk: int) -> int:
    """temp.pick: the next `chunk` articles of temp.pick_all after part id `after`; how many."""
    conn.execute("DELETE FROM temp.pick")
    return conn.execute(
        "INSERT INTO temp.pick SELECT * FROM temp.pick_all WHERE part_id > ? ORDER BY part_id LIMIT ?", (after, chunk)
    ).rowcount


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    added, replaced = conn.execute("SELECT COUNT(*) - COUNT(old_id), COUNT(old_id) FROM temp.pick_all").fetchone()
    return added, replaced


def _clear_replaced(conn: sqlite3.Connection) -> set[int]:
    """The corpus's articles a part replaces go, with every row of theirs (their corrections are marked pending,
    for the replay); returns the entities they touched."""
    touched: set[int] = set()
    for old_id, key in conn.execute("SELECT old_id, key FROM temp.pick WHERE old_id IS NOT NULL").fetchall():
        touched |= write.forget_article(conn, old_id, key)
    return touched


def _largest_id(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM main.{table}").fetchone()[0]


def _map_articles(conn: sqlite3.Connection, shift: int) -> None:
    """temp.art_map: each picked article's id in the corpus (its id in the part, shifted past the corpus's)."""
    conn.execute("DROP TABLE IF EXISTS temp.art_map")
    conn.execute("CREATE TEMP TABLE art_map (part_id INTEGER PRIMARY KEY, out_id INTEGER NOT NULL)")
    conn.execute("INSERT INTO temp.art_map SELECT part_id, part_id + ? FROM temp.pick", (shift,))


def _map_entities(conn: sqlite3.Connection, entities: write.EntityCache, tables: list[str]) -> set[int]:
    """temp.ent_map: each entity the copied rows name, as the corpus's entity of the same case-folded canonical
    name, made (in the part's order, with the label and family of its first mention) where there is none.
    Returns the corpus's entities mapped to."""
    conn.execute("DROP TABLE IF EXISTS temp.ent_map")
    conn.execute("CREATE TEMP TABLE ent_map (part_id INTEGER PRIMARY KEY, out_id INTEGER NOT NULL)")
    named = " UNION ".join(
        f"SELECT {column} FROM {ALIAS}.{table} WHERE {_picked(conn, table)} AND {column} IS NOT NULL"
        for table in tables
        for column, parent in _foreign_keys(conn, table).items()
        if parent == "entity"
    )
    first_label = dict(
        conn.execute(
            f"SELECT entity, label FROM {ALIAS}.mention WHERE id IN (SELECT MIN(id) FROM {ALIAS}.mention "
            f"WHERE {_picked(conn, 'mention')} GROUP BY entity)"
        ).fetchall()
    )
    rows = conn.execute(
        f"SELECT id, canonical, label, family FROM {ALIAS}.entity WHERE id IN ({named}) ORDER BY id"
    ).fetchall()
    pairs = [
        (pid, entities.get(canonical, first_label.get(pid, label), family)) for pid, canonical, label, family in rows
    ]
    conn.executemany("INSERT INTO temp.ent_map(part_id, out_id) VALUES (?, ?)", pairs)
    return {out_id for _pid, out_id in pairs}


def _picked(conn: sqlite3.Connection, table: str) -> str:
    """A WHERE clause on the part's `table` keeping the rows of picked articles (through its parent when it has
    no `article` column)."""
    if table == "article":
        return "id IN (SELECT part_id FROM temp.pick)"
    if "article" in _columns(conn, table):
        return "article IN (SELECT part_id FROM temp.pick)"
    column, parent = next((c, p) for c, p in _foreign_keys(conn, table).items() if p != "entity")
    return f"{column} IN (SELECT id FROM {ALIAS}.{parent} WHERE {_picked(conn, parent)})"


def _copy_table(conn: sqlite3.Connection, table: str, shift: dict[str, int]) -> None:
    """The picked rows of one table, each id renumbered: its own by `shift`, an article's and an entity's by
    their maps, another parent's by that parent's shift; a derived column left empty."""
    fks = _foreign_keys(conn, table)
    cols = [c for c in _columns(conn, table) if c in _part_columns(conn, table)]
    exprs = []
    for c in cols:
        parent = "article" if c == "article" else fks.get(c)
        if c in DERIVED_COLUMNS.get(table, ()):
            exprs.append("NULL")
        elif c == "id":
            exprs.append(f"id + {int(shift[table])}")
        elif parent == "article":
            exprs.append(f"(SELECT out_id FROM temp.art_map WHERE part_id = {_q(c)})")
        elif parent == "entity":
            exprs.append(f"(SELECT out_id FROM temp.ent_map WHERE part_id = {_q(c)})")
        elif parent is not None:
            exprs.append(f"{_q(c)} + {int(shift[parent])}")
        else:
            exprs.append(_q(c))
    order = " ORDER BY id" if "id" in cols else ""  # new ids in the part's order
    conn.execute(
        f"INSERT INTO main.{table}({', '.join(map(_q, cols))}) SELECT {', '.join(exprs)} FROM {ALIAS}.{table} "
        f"WHERE {_picked(conn, table)}{order}"
    )


def _part_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA {ALIAS}.table_info({table})")}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_UNRESOLVED = (
    "SELECT q.id, q.speaker_name, (SELECT group_concat(e.canonical, char(31)) FROM main.quote_speaker qs "
    "JOIN main.entity e ON e.id = qs.entity WHERE qs.quote = q.id) FROM main.quote q "
    "WHERE q.article IN (SELECT out_id FROM temp.art_map) AND q.speaker_name IS NOT NULL AND q.speaker_entity IS NULL"
)


def _resolve_speakers(conn: sqlite3.Connection, entities: write.EntityCache, before: int) -> set[int]:
    """The copied quotes' speaker names that no entity of their part stood for when they were written, found among
    the entities the corpus held before the part (ids up to `before`: a new one's id is past them), as a write finds
    them (`write._speakers`: one ingest of every article would have written the earlier parts' articles first).
    Returns the entities found."""
    found: set[int] = set()
    for qid, name, linked in conn.execute(_UNRESOLVED).fetchall():
        names = members(name)
        have = {n.casefold() for n in linked.split("\x1f")} if linked else set()
        ids = [entities.ids[k] for k in _keys(names, have) if entities.ids.get(k, before + 1) <= before]
        if not ids:
            continue
        conn.executemany("INSERT OR IGNORE INTO quote_speaker(quote, entity) VALUES (?, ?)", [(qid, i) for i in ids])
        if len(names) == 1:
            conn.execute("UPDATE quote SET speaker_entity=? WHERE id=?", (ids[0], qid))
        found.update(ids)
    return found


def _keys(names, linked: set[str]) -> list[str]:
    """The case-folded names of a speaker's members not linked to an entity yet."""
    return [n.casefold() for n in names if n.casefold() not in linked]


_COPIED_QUOTES = (
    "SELECT q.id, q.article, q.speaker_name, group_concat(qs.entity) FROM main.quote q "
    "LEFT JOIN main.quote_speaker qs ON qs.quote = q.id WHERE q.article IN (SELECT out_id FROM temp.art_map) "
    "GROUP BY q.id"
)


def _after_copy(conn: sqlite3.Connection) -> None:
    """What a write of the copied articles does besides their rows: their per-entity summary, each quote's
    speaker part (its statements behind), their event years behind, their corrections pending."""
    summarise(conn, "SELECT out_id FROM temp.art_map")
    links = [
        (quote, speaker_part([int(e) for e in ids.split(",")] if ids else [], name, article))
        for quote, article, name, ids in conn.execute(_COPIED_QUOTES).fetchall()
    ]
    conn.executemany("INSERT OR REPLACE INTO quote_statement(quote, part, statement) VALUES (?, ?, NULL)", links)
    conn.executemany("INSERT OR IGNORE INTO statement_dirty(part) VALUES (?)", {(part,) for _q, part in links})
    conn.execute(
        "INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report "
        "WHERE article IN (SELECT out_id FROM temp.art_map)"
    )
    conn.execute("UPDATE correction SET status='pending' WHERE article_key IN (SELECT key FROM temp.pick)")


def _add_user_rows(conn: sqlite3.Connection) -> None:
    """The part's marks, read articles and review answers, where the corpus has none of their key."""
    have = set(_tables(conn, ALIAS))
    for table in USER_TABLES:
        if table in have and table in _tables(conn):
            cols = ", ".join(_q(c) for c in _columns(conn, table) if c in _part_columns(conn, table))
            conn.execute(f"INSERT OR IGNORE INTO main.{table}({cols}) SELECT {cols} FROM {ALIAS}.{table}")
