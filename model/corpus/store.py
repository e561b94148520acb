"""The SQLite schema, migrations and writes.

One file anyone can open in other tools. `PRAGMA user_version` versions the
schema; WAL lets the TUI read while ingest writes. Each article is written in
one transaction, so an interrupted ingest never leaves half an article.

The schema is made with sqlite-utils (tables, indexes, FTS5 with triggers);
writes are plain parameterised SQL on the same connection. The read side
(`model.corpus.query`) uses bare sqlite3 so the TUI starts without importing this.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: the browser imports this module at start-up
    from model.records import Article, Extraction

SCHEMA_VERSION = 2
SUMMARY_VERSION = 2  # the first with the per-entity summary and event_day (`SUMMARY_TABLES`)
READABLE_VERSIONS = (
    1,
    2,
)  # a version-1 database is browsed as it is (without the summaries) until a writer upgrades it
PIPELINE_VERSION = "2"  # bump when extraction changes so re-ingest redoes NLP (2: hard-wrapped text parsed unwrapped)


class StoreError(Exception):
    """A database that cannot be used: one line for the user."""


def connect(
    path: str | os.PathLike, *, readonly: bool = False, progress: Callable[[int, int], None] | None = None
) -> sqlite3.Connection:
    """Open (and for writers, create or migrate) the database at `path`. A migration that
    has work to do reports `progress(done, total)` as it goes."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if readonly:
        if not path.exists():
            raise StoreError(f"no database at {path}")
        conn = open_readonly(path)
    else:
        if path.parent and not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create folder {path.parent}: {e.strerror}") from None
        why = _unwritable(path)
        if why:
            raise StoreError(f"cannot write {path}: {why}")
        try:
            conn = sqlite3.connect(path, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open {path}: {e}") from None
    conn.row_factory = sqlite3.Row
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path} is not a sinorus-tui database (or is corrupt): {e}") from None
    if readonly:
        if version == 0:
            conn.close()
            raise StoreError(f"{path} is not a sinorus-tui database (no schema version)")
        if version not in READABLE_VERSIONS:
            conn.close()
            raise StoreError(f"{path} has schema version {version}; this sinorus-tui reads version {SCHEMA_VERSION}")
        return conn
    migrate(conn, path, progress)
    return conn


def _unwritable(path: Path) -> str | None:
    """Why a writer cannot use `path`, in words, or None. SQLite writes `NAME-wal` and
    `NAME-shm` beside the database, so its folder must be writable too."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only (browsing and export still work)"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only (SQLite needs to write {path.name}-wal beside the database)"
    return None


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection. The path is quoted for the URI (a name may hold '?', '#' or '%')."""
    from urllib.parse import quote

    uri = "file:" + quote(str(path.absolute())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            # A WAL database in a folder we cannot write gets no -shm index; nobody can be
            # writing it there either (no -wal), so it is read as immutable.
            if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
                conn.close()
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
        except sqlite3.DatabaseError:
            pass  # not a database: the caller's first statement says so
    except sqlite3.Error as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    return conn


def migrate(
    conn: sqlite3.Connection, path: Path | str = "database", progress: Callable[[int, int], None] | None = None
) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version == 0:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        if tables:
            raise StoreError(
                f"{path} is an SQLite database of another program (tables: {', '.join(tables[:5])}); "
                "give a new file with --db"
            )
        create_schema(conn)
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this sinorus-tui ({SCHEMA_VERSION}); upgrade it"
        )
    if version == 1:
        # Adds tables only, in one transaction: an interrupted upgrade leaves version 1 as it was.
        conn.execute("BEGIN IMMEDIATE")
        try:
            _create_summary(conn)
            conn.execute(
                "INSERT INTO event_day(value_start, events) SELECT value_start, COUNT(*) FROM timex "
                "WHERE value_start IS NOT NULL GROUP BY value_start"
            )
            summarise_all(conn, progress)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return
    raise StoreError(f"{path} has schema version {version}; no migration to {SCHEMA_VERSION} is known")


def create_schema(conn: sqlite3.Connection) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    with conn:
        db["article"].create(
            {
                "id": int,
                "key": str,
                "sha256": str,
                "title": str,
                "title_basis": str,
                "source": str,
                "source_basis": str,
                "url": str,
                "published": str,
                "published_basis": str,
                "published_confidence": float,
                "text": str,
                "lang": str,
                "pipeline_version": str,
                "origin": str,
                "ingested_at": str,
                "removed": str,
            },
            pk="id",
            not_null={"key", "text"},
        )
        db["article"].create_index(["key"], unique=True)
        db["article"].create_index(["published"])
        db["sentence"].create(
            {"article": int, "idx": int, "start": int, "end": int},
            pk=("article", "idx"),
            foreign_keys=[("article", "article", "id")],
        )
        db["entity"].create(
            {"id": int, "canonical": str, "label": str, "family": str, "mentions": int, "articles": int},
            pk="id",
            not_null={"canonical"},
        )
        db["entity"].create_index(["canonical"], unique=True)
        db["entity"].create_index(["family"])
        db["entity"].create_index(["mentions"])
        db["alias"].create(
            {"entity": int, "alias": str, "count": int},
            pk=("entity", "alias"),
            foreign_keys=[("entity", "entity", "id")],
        )
        db["alias"].create_index(["alias"])
        db["mention"].create(
            {
                "id": int,
                "article": int,
                "entity": int,
                "start": int,
                "end": int,
                "text": str,
                "label": str,
                "basis": str,
                "title": str,
            },
            pk="id",
            foreign_keys=[("article", "article", "id"), ("entity", "entity", "id")],
        )
        db["mention"].create_index(["article", "start"])
        db["mention"].create_index(["entity", "article"])
        # "does this entity occur in this span of this article" (events and quotes filtered by an entity)
        db["mention"].create_index(["article", "entity", "start"])
        db["quote"].create(
            {
                "id": int,
                "article": int,
                "start": int,
                "end": int,
                "text": str,
                "kind": str,
                "cue": str,
                "cue_start": int,
                "cue_end": int,
                "speaker_name": str,
                "speaker_entity": int,
                "speaker_start": int,
                "speaker_end": int,
                "basis": str,
                "confidence": float,
            },
            pk="id",
            foreign_keys=[("article", "article", "id"), ("speaker_entity", "entity", "id")],
        )
        db["quote"].create_index(["article", "start"])
        db["quote"].create_index(["speaker_entity"])
        db["quote_speaker"].create(
            {"quote": int, "entity": int},
            pk=("quote", "entity"),
            foreign_keys=[("quote", "quote", "id"), ("entity", "entity", "id")],
        )
        db["quote_speaker"].create_index(["entity"], index_name="idx_qs_entity")
        db["timex"].create(
            {
                "id": int,
                "article": int,
                "start": int,
                "end": int,
                "text": str,
                "type": str,
                "value": str,
                "anchor": str,
                "basis": str,
                "sentence": int,
                "value_start": str,
                "value_end": str,
                "uncertain": int,
                "spec": str,
            },
            pk="id",
            foreign_keys=[("article", "article", "id")],
        )
        db["timex"].create_index(["article", "start"])
        db["timex"].create_index(["value_start"])
        # User overrides live apart, keyed by article key, so re-ingest never loses them.
        db["override"].create(
            {"article_key": str, "field": str, "value": str, "created": str}, pk=("article_key", "field")
        )
        db["article"].enable_fts(
            ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
        )
        db["quote"].enable_fts(
            ["text", "speaker_name"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
        )
        _create_summary(conn)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


# ---------------------------------------------------------------- per-entity summary (schema 2)

# What an entity page and the entity filters read, written with each article so that a page of
# a frequent entity is a range of one index instead of a join of mentions × articles × events:
#   entity_article  each article that mentions the entity, with its date (articles newest first)
#   entity_event    each dated event whose sentence mentions the entity (events in date order)
#   entity_quote    each quote the entity speaks (speaks=1) or is mentioned inside and does not
#                   speak (speaks=0), with its article's date (quotes newest first)
# Every row is a function of one article's rows: `summarise` redoes an article's, and triggers
# follow the two changes made in place, a new `article.published` and an event resolved again
# against it (`model.corrections.set_published`).
# And event_day: how many dated events start on each day, kept by triggers on `timex` (any write,
# in any order), so that the timeline finds the position of a date, or the page at a position,
# without counting through every event before it.
SUMMARY_TABLES = ("entity_article", "entity_event", "entity_quote")
_DAY_ADD = (
    "INSERT INTO event_day(value_start, events) SELECT new.value_start, 1 WHERE new.value_start IS NOT NULL "
    "ON CONFLICT (value_start) DO UPDATE SET events = events + 1"
)
_DAY_REMOVE = (
    "UPDATE event_day SET events = events - 1 WHERE value_start = old.value_start; "
    "DELETE FROM event_day WHERE value_start = old.value_start AND events <= 0"
)
# An event and the entities of its sentence, by the same test as the events filter: a mention starting inside it.
_EVENT_ENTITIES = (
    "SELECT DISTINCT m.entity, t.value_start, t.id, t.article FROM timex t JOIN sentence s ON "
    "s.article = t.article AND s.idx = t.sentence JOIN mention m ON m.article = t.article AND "
    "m.start >= s.start AND m.start < s.end WHERE {which} AND t.value_start IS NOT NULL "
    "AND m.entity IS NOT NULL"
)
_SUMMARY_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entity_article (entity INTEGER NOT NULL, article INTEGER NOT NULL, published TEXT, "
    "PRIMARY KEY (entity, article)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS idx_entity_article_published ON entity_article(entity, published DESC, article DESC)",
    "CREATE INDEX IF NOT EXISTS idx_entity_article_article ON entity_article(article, entity)",
    "CREATE TABLE IF NOT EXISTS entity_event (entity INTEGER NOT NULL, value_start TEXT NOT NULL, "
    "timex INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (entity, value_start, timex)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS idx_entity_event_article ON entity_event(article)",
    # (a rowid table: a WITHOUT ROWID key may not hold the NULL date of an undated article)
    "CREATE TABLE IF NOT EXISTS entity_quote (entity INTEGER NOT NULL, speaks INTEGER NOT NULL, published TEXT, "
    "article INTEGER NOT NULL, start INTEGER NOT NULL, quote INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS idx_entity_quote_speaks ON entity_quote(entity, speaks, published DESC, "
    "article DESC, start, quote)",
    "CREATE INDEX IF NOT EXISTS idx_entity_quote_published ON entity_quote(entity, published DESC, article DESC, "
    "start, quote)",
    "CREATE INDEX IF NOT EXISTS idx_entity_quote_article ON entity_quote(article)",
    "CREATE TRIGGER IF NOT EXISTS article_published_summary AFTER UPDATE OF published ON article "
    "WHEN old.published IS NOT new.published BEGIN "
    "UPDATE entity_article SET published = new.published WHERE article = new.id; "
    "UPDATE entity_quote SET published = new.published WHERE article = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS timex_summary AFTER UPDATE OF value_start, sentence ON timex BEGIN "
    "DELETE FROM entity_event WHERE article = old.article AND timex = old.id; "
    "INSERT INTO entity_event(entity, value_start, timex, article) "
    + _EVENT_ENTITIES.format(which="t.id = new.id")
    + "; END",
    "CREATE TABLE IF NOT EXISTS event_day (value_start TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TRIGGER IF NOT EXISTS event_day_insert AFTER INSERT ON timex WHEN new.value_start IS NOT NULL BEGIN "
    f"{_DAY_ADD}; END",
    "CREATE TRIGGER IF NOT EXISTS event_day_delete AFTER DELETE ON timex WHEN old.value_start IS NOT NULL BEGIN "
    f"{_DAY_REMOVE}; END",
    "CREATE TRIGGER IF NOT EXISTS event_day_update AFTER UPDATE OF value_start ON timex "
    f"WHEN old.value_start IS NOT new.value_start BEGIN {_DAY_REMOVE}; {_DAY_ADD}; END",
    "CREATE TRIGGER IF NOT EXISTS article_deleted_summary AFTER DELETE ON article BEGIN "
    "DELETE FROM entity_article WHERE article = old.id; DELETE FROM entity_event WHERE article = old.id; "
    "DELETE FROM entity_quote WHERE article = old.id; END",
)


def _create_summary(conn: sqlite3.Connection) -> None:
    for sql in _SUMMARY_SCHEMA:
        conn.execute(sql)


def summarise(conn: sqlite3.Connection, articles: str, params: tuple = ()) -> None:
    """Redo the summary rows of the articles `articles` selects (SQL giving article ids), from
    their mentions, sentences, events and quotes. Inside the caller's transaction."""
    for table in SUMMARY_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article IN ({articles})", params)
    conn.execute(
        "INSERT INTO entity_article(entity, article, published) SELECT DISTINCT m.entity, m.article, "
        "a.published FROM mention m JOIN article a ON a.id = m.article "
        f"WHERE m.article IN ({articles}) AND m.entity IS NOT NULL",
        params,
    )
    conn.execute(
        "INSERT INTO entity_event(entity, value_start, timex, article) "
        + _EVENT_ENTITIES.format(which=f"t.article IN ({articles})"),
        params,
    )
    conn.execute(
        f"WITH q AS (SELECT id, article, start, end, speaker_entity FROM quote WHERE article IN ({articles})), "
        "speaker(entity, quote) AS (SELECT qs.entity, qs.quote FROM quote_speaker qs JOIN q ON q.id = qs.quote "
        "UNION SELECT speaker_entity, id FROM q WHERE speaker_entity IS NOT NULL), "
        "inside(entity, quote) AS (SELECT m.entity, q.id FROM q JOIN mention m ON m.article = q.article "
        "AND q.start <= m.start AND m.end <= q.end WHERE m.entity IS NOT NULL), "
        "every(entity, quote) AS (SELECT entity, quote FROM speaker UNION SELECT entity, quote FROM inside) "
        "INSERT INTO entity_quote(entity, speaks, published, article, start, quote) "
        "SELECT x.entity, EXISTS (SELECT 1 FROM speaker s WHERE s.entity = x.entity AND s.quote = x.quote), "
        "a.published, q.article, q.start, q.id FROM every x JOIN q ON q.id = x.quote "
        "JOIN article a ON a.id = q.article",
        params,
    )


def summarise_all(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None, step: int = 5000
) -> None:
    """Redo the whole summary, `step` articles at a time, reporting `progress(done, total)`."""
    total = conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    ids = [r[0] for r in conn.execute("SELECT id FROM article ORDER BY id")]
    if progress:
        progress(0, total)
    for i in range(0, len(ids), step):
        summarise(conn, "SELECT id FROM article WHERE id BETWEEN ? AND ?", (ids[i], ids[min(i + step, len(ids)) - 1]))
        if progress:
            progress(min(i + step, total), total)


# ---------------------------------------------------------------- reads used by ingest


def article_hashes(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """key -> (sha256, pipeline_version) for every stored article."""
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT key, sha256, pipeline_version FROM article")}


def overrides(conn: sqlite3.Connection, key: str) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT field, value FROM override WHERE article_key=?", (key,))}


def set_override(conn: sqlite3.Connection, key: str, field: str, value: str | None) -> None:
    with conn:
        if value is None:
            conn.execute("DELETE FROM override WHERE article_key=? AND field=?", (key, field))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO override(article_key, field, value, created) VALUES (?,?,?,?)",
                (key, field, value, _now()),
            )


# ---------------------------------------------------------------- writes


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


class EntityCache:
    """canonical name (casefolded) -> entity id, shared across one ingest run."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.ids = {r[1].casefold(): r[0] for r in conn.execute("SELECT id, canonical FROM entity")}
        self.touched: set[int] = set()  # entities whose mentions or quotes this run added or removed

    def get(self, canonical: str, label: str, family: str | None) -> int:
        k = canonical.casefold()
        eid = self.ids.get(k)
        if eid is None:
            cur = self.conn.execute(
                "INSERT INTO entity(canonical, label, family, mentions, articles) VALUES (?,?,?,0,0)",
                (canonical, label, family),
            )
            eid = self.ids[k] = cur.lastrowid
        self.touched.add(eid)
        return eid


def write_article(conn: sqlite3.Connection, art: Article, ext: Extraction, entities: EntityCache) -> int:
    """Replace-or-insert one article and everything extracted from it, atomically."""
    published = art.published or ext.published
    basis = art.published_basis if art.published or not ext.published else ext.published_basis
    conf = art.published_confidence if art.published else ext.published_confidence
    try:
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute("SELECT id FROM article WHERE key=?", (art.key,)).fetchone()
        if row:
            aid = row[0]
            entities.touched.update(_entities_of(conn, aid))
            _delete_children(conn, aid)
            conn.execute(
                "UPDATE article SET sha256=?, title=?, title_basis=?, source=?, source_basis=?, url=?, "
                "published=?, published_basis=?, published_confidence=?, text=?, lang=?, "
                "pipeline_version=?, origin=?, ingested_at=?, removed=? WHERE id=?",
                (
                    art.sha256,
                    art.title,
                    art.title_basis,
                    art.source,
                    art.source_basis,
                    art.url,
                    published,
                    basis,
                    conf,
                    art.text,
                    "en",
                    PIPELINE_VERSION,
                    art.origin,
                    _now(),
                    json.dumps(art.removed, ensure_ascii=False),
                    aid,
                ),
            )
        else:
            aid = conn.execute(
                "INSERT INTO article(key, sha256, title, title_basis, source, source_basis, url, published, "
                "published_basis, published_confidence, text, lang, pipeline_version, origin, ingested_at, removed) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    art.key,
                    art.sha256,
                    art.title,
                    art.title_basis,
                    art.source,
                    art.source_basis,
                    art.url,
                    published,
                    basis,
                    conf,
                    art.text,
                    "en",
                    PIPELINE_VERSION,
                    art.origin,
                    _now(),
                    json.dumps(art.removed, ensure_ascii=False),
                ),
            ).lastrowid
        conn.executemany(
            "INSERT INTO sentence(article, idx, start, end) VALUES (?,?,?,?)",
            [(aid, i, s, e) for i, (s, e) in enumerate(ext.sentences)],
        )
        conn.executemany(
            "INSERT INTO mention(article, entity, start, end, text, label, basis, title) VALUES (?,?,?,?,?,?,?,?)",
            [
                (aid, entities.get(m.canonical, m.label, m.family), m.start, m.end, m.text, m.label, m.basis, m.title)
                for m in ext.mentions
            ],
        )
        for q in ext.quotes:
            names = q.speakers or ([q.speaker] if q.speaker else [])
            ids = [entities.ids.get(n.casefold()) for n in names]
            entities.touched.update(i for i in ids if i is not None)
            single = ids[0] if len(ids) == 1 else None
            qid = conn.execute(
                "INSERT INTO quote(article, start, end, text, kind, cue, cue_start, cue_end, speaker_name, "
                "speaker_entity, speaker_start, speaker_end, basis, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    aid,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    q.cue,
                    q.cue_start,
                    q.cue_end,
                    q.speaker or ("; ".join(names) if names else None),
                    single,
                    q.speaker_start,
                    q.speaker_end,
                    q.basis,
                    q.confidence,
                ),
            ).lastrowid
            conn.executemany(
                "INSERT OR IGNORE INTO quote_speaker(quote, entity) VALUES (?,?)",
                [(qid, i) for i in ids if i is not None],
            )
        conn.executemany(
            "INSERT INTO timex(article, start, end, text, type, value, anchor, basis, sentence, value_start, "
            "value_end, uncertain, spec) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    aid,
                    t.start,
                    t.end,
                    t.text,
                    t.type,
                    t.value,
                    t.anchor,
                    t.basis,
                    t.sentence,
                    t.value_start,
                    t.value_end,
                    int(t.uncertain),
                    t.spec,
                )
                for t in ext.timexes
            ],
        )
        summarise(conn, "SELECT ?", (aid,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return aid


def _rename_joint(conn: sqlite3.Connection, sid: int, fid: int, name: str) -> None:
    """A joint speaker ("Xi Jinping; Putin") names each member by its canonical entity: the one-word name merged
    into a full name is replaced there too ("Xi Jinping; Vladimir Putin")."""
    full = conn.execute("SELECT canonical FROM entity WHERE id=?", (fid,)).fetchone()[0]
    for qid, joint in conn.execute(
        "SELECT q.id, q.speaker_name FROM quote q JOIN quote_speaker qs ON qs.quote = q.id "
        "WHERE qs.entity=? AND q.speaker_entity IS NULL",
        (sid,),
    ).fetchall():
        parts = [full if p.casefold() == name.casefold() else p for p in (joint or "").split("; ")]
        conn.execute("UPDATE quote SET speaker_name=? WHERE id=?", ("; ".join(dict.fromkeys(parts)), qid))


def _entities_of(conn: sqlite3.Connection, aid: int) -> set[int]:
    """The entities an article mentions or quotes: those whose counts change when it does."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT entity FROM mention WHERE article=? UNION SELECT qs.entity FROM quote_speaker qs "
            "JOIN quote q ON q.id = qs.quote WHERE q.article=?",
            (aid, aid),
        )
    }


def _delete_children(conn: sqlite3.Connection, aid: int) -> None:
    conn.execute("DELETE FROM quote_speaker WHERE quote IN (SELECT id FROM quote WHERE article=?)", (aid,))
    for table in ("quote", "timex", "mention", "sentence"):  # the summary rows: by `summarise` or the delete trigger
        conn.execute(f"DELETE FROM {table} WHERE article=?", (aid,))


def delete_article(conn: sqlite3.Connection, key: str) -> set[int]:
    """Remove one article and everything extracted from it (its overrides stay, keyed by
    its key, for when it comes back). Returns the entities it touched, for `refresh_entities`."""
    with conn:
        row = conn.execute("SELECT id FROM article WHERE key=?", (key,)).fetchone()
        if row is None:
            return set()
        aid = row[0]
        touched = _entities_of(conn, aid)
        _delete_children(conn, aid)
        conn.execute("DELETE FROM article WHERE id=?", (aid,))
    return touched


def refresh_entities(conn: sqlite3.Connection, touched: set[int] | None = None) -> None:
    """After an ingest: merge surname-only people into the unique full name they stand for
    across the corpus, recount mentions and articles, rebuild aliases and labels, drop orphans —
    for the entities an ingest `touched` (its EntityCache.touched), or for all with None. A small
    addition to a large corpus then costs little."""
    with conn:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS refresh_ids(id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM refresh_ids")
        if touched is None:
            conn.execute("INSERT INTO refresh_ids SELECT id FROM entity")
        else:
            conn.executemany("INSERT OR IGNORE INTO refresh_ids VALUES (?)", [(i,) for i in touched])
        _merge_surnames(conn)
        some = "entity IN (SELECT id FROM refresh_ids)"
        conn.execute(f"DELETE FROM alias WHERE {some}")
        conn.execute(
            f"INSERT INTO alias(entity, alias, count) SELECT entity, text, COUNT(*) FROM mention "
            f"WHERE {some} GROUP BY entity, text"
        )
        conn.execute(
            f"INSERT OR IGNORE INTO alias(entity, alias, count) SELECT entity, title || ' ' || text, "
            f"COUNT(*) FROM mention WHERE title IS NOT NULL AND {some} GROUP BY entity, title || ' ' || text"
        )
        conn.execute(
            "UPDATE entity SET mentions=(SELECT COUNT(*) FROM mention WHERE mention.entity=entity.id), "
            "articles=(SELECT COUNT(DISTINCT article) FROM mention WHERE mention.entity=entity.id) "
            "WHERE id IN (SELECT id FROM refresh_ids)"
        )
        # The label is the one most mentions carry.
        labels: dict[int, Counter] = {}
        for eid, label, n in conn.execute(
            f"SELECT entity, label, COUNT(*) FROM mention WHERE {some} GROUP BY entity, label"
        ):
            labels.setdefault(eid, Counter())[label] = n
        conn.executemany(
            "UPDATE entity SET label=? WHERE id=?", [(c.most_common(1)[0][0], eid) for eid, c in labels.items()]
        )
        conn.execute(
            "DELETE FROM entity WHERE mentions=0 AND id IN (SELECT id FROM refresh_ids) "
            "AND id NOT IN (SELECT entity FROM quote_speaker) "
            "AND id NOT IN (SELECT speaker_entity FROM quote WHERE speaker_entity IS NOT NULL)"
        )


def _merge_surnames(conn: sqlite3.Connection) -> None:
    """A person entity named by one word (a family name no article resolved) joins the one
    corpus person with that family name, when there is exactly one."""
    # Candidates: one-word people this run touched, and older ones a full name it touched may now resolve.
    singles = conn.execute(
        "SELECT id, canonical FROM entity WHERE label='PERSON' AND canonical NOT LIKE '% %' AND "
        "(id IN (SELECT id FROM refresh_ids) OR canonical COLLATE NOCASE IN (SELECT family FROM entity "
        "WHERE id IN (SELECT id FROM refresh_ids) AND label='PERSON' AND canonical LIKE '% %'))"
    ).fetchall()
    for sid, name in singles:
        full = conn.execute(
            "SELECT id FROM entity WHERE label='PERSON' AND canonical LIKE '% %' AND family=? COLLATE NOCASE", (name,)
        ).fetchall()
        if len(full) != 1:
            continue
        fid = full[0][0]
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS merged_articles(id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM merged_articles")
        conn.execute(
            "INSERT INTO merged_articles SELECT article FROM mention WHERE entity=? UNION "
            "SELECT article FROM quote WHERE speaker_entity=? UNION SELECT q.article FROM quote_speaker qs "
            "JOIN quote q ON q.id = qs.quote WHERE qs.entity=?",
            (sid, sid, sid),
        )
        conn.execute(
            "UPDATE mention SET entity=?, basis=basis || '; family name unique in corpus' WHERE entity=?", (fid, sid)
        )
        conn.execute(
            "UPDATE quote SET speaker_entity=?, speaker_name=(SELECT canonical FROM entity WHERE id=?) "
            "WHERE speaker_entity=?",
            (fid, fid, sid),
        )
        _rename_joint(conn, sid, fid, name)
        conn.execute("UPDATE OR IGNORE quote_speaker SET entity=? WHERE entity=?", (fid, sid))
        conn.execute("DELETE FROM quote_speaker WHERE entity=?", (sid,))
        conn.execute("DELETE FROM alias WHERE entity=?", (sid,))
        conn.execute("DELETE FROM entity WHERE id=?", (sid,))
        conn.execute("INSERT OR IGNORE INTO refresh_ids VALUES (?)", (fid,))
        summarise(conn, "SELECT id FROM temp.merged_articles")
