"""The SQLite schema, as data, and the migrations between its versions.

`PRAGMA user_version` versions the schema. The tables are made with sqlite-utils (tables,
indexes, FTS5 with triggers), imported only when a schema is created: the browser reads
without it. The per-entity summary's tables and triggers are in `model.corpus.summary`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from model.corpus import marks
from model.corpus.errors import StoreError
from model.corpus.joint import canonicalise_joint_names
from model.corpus.speaker_names import create_speaker_names, fill_speaker_names
from model.corpus.statement_facts import STATEMENT_FACTS, fill_statement_facts
from model.corpus.statement_words import (
    ENTITY_WORDING_SCHEMA,
    STATEMENT_FTS,
    create_statement_fts,
    fill_entity_wordings,
    index_wordings,
)
from model.corpus.summary import create_summary, summarise_all

SCHEMA_VERSION = 18
SUMMARY_VERSION = 2  # the first with the per-entity summary and event_day (`summary.SUMMARY_TABLES`)
EVENT_WORD_VERSION = 3  # the first whose timex rows say which event word they date (`EVENT_WORD_COLUMNS`)
EVENTS_VERSION = 4  # the first with event reports and the events merged from them (`EVENT_TABLES`)
SAID_ON_VERSION = 5  # the first whose quote rows say when the words were said (`SAID_ON_COLUMNS`)
STATEMENTS_VERSION = 6  # the first with quotes grouped into statements (`STATEMENT_TABLES`)
CORRECTIONS_VERSION = 7  # the first with the user's corrections and review answers (`CORRECTION_TABLES`)
MARKS_VERSION = 8  # the first with the user's marks and read articles (`model.corpus.marks`)
FIELD_INDEX_VERSION = 9  # the first with indexes on the search language's broad fields (`FIELD_INDEXES`)
ORDER_INDEX_VERSION = 10  # the first with indexes in the browser's sort orders (`ORDER_INDEXES`)
QUOTE_ENTITY_VERSION = 11  # the first with the summary's quotes indexed by quote (`QUOTE_ENTITY_INDEXES`)
COLUMN_SORT_VERSION = (
    12  # the first with indexes for sorting articles by source and events by reports (`COLUMN_SORT_INDEXES`)
)
STATEMENT_PAGE_VERSION = (
    13  # the first whose statements hold their wordings' order and outlets (`STATEMENT_PAGE_COLUMNS`)
)
STATEMENT_FTS_VERSION = 14  # the first with the statements' wordings in a full-text index (`STATEMENT_FTS`)
EVENT_VALUE_BY_ID_VERSION = 14  # the first with each event's date value indexed by its id (`EVENT_VALUE_BY_ID`)
QUOTE_FACTS_VERSION = 15  # the first whose index of each article's quotes holds their kind and dates (`QUOTE_FACTS`)
ENTITY_WORDING_VERSION = 16  # the first with each statement wording's entities (`statement_words.ENTITY_WORDING`)
SPEAKER_NAMES_VERSION = 17  # the first with the quotes' distinct speaker names indexed (`model.corpus.speaker_names`)
STATEMENT_FACTS_VERSION = 18  # the first whose statements hold what their quotes have (`STATEMENT_FACTS`)
ARTICLE_DATE_BY_ID_VERSION = 18  # the first with each article's date indexed by its id (`ARTICLE_DATE_BY_ID`)
READABLE_VERSIONS = (
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    18,
)  # an older database is browsed as it is (without the summaries, the event words) until a writer upgrades it


@dataclass(frozen=True)
class Index:
    """An index of a table, by its columns."""

    columns: tuple[str, ...]
    unique: bool = False
    name: str | None = None  # sqlite-utils names it idx_TABLE_COLUMNS otherwise


@dataclass(frozen=True)
class Table:
    """A table of the corpus: its columns, primary key and indexes."""

    name: str
    columns: dict[str, type]
    pk: str | tuple[str, ...]
    not_null: frozenset[str] = frozenset()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    indexes: tuple[Index, ...] = ()


# Each article's quotes in order, with what a search's fields ask of a quote (its kind, the days it was said): an
# article's quotes are checked for them on this index alone, not on each quote's row (schema 15; before, the index
# held the article and the start only, and an entity's 1,300 articles looked up 7,000 quote rows, ~10 ms).
QUOTES_OF_ARTICLE_INDEX = "idx_quote_article_start"
QUOTE_FACTS = ("article", "start", "kind", "said_on_start", "said_on_end")

TABLES = (
    Table(
        "article",
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
        not_null=frozenset({"key", "text"}),
        # source: a fielded search (`source:reut`) reads the small index, not every article's text
        indexes=(Index(("key",), unique=True), Index(("published",)), Index(("source",))),
    ),
    Table(
        "sentence",
        {"article": int, "idx": int, "start": int, "end": int},
        pk=("article", "idx"),
        foreign_keys=(("article", "article", "id"),),
    ),
    Table(
        "entity",
        {"id": int, "canonical": str, "label": str, "family": str, "mentions": int, "articles": int},
        pk="id",
        not_null=frozenset({"canonical"}),
        indexes=(Index(("canonical",), unique=True), Index(("family",)), Index(("mentions",))),
    ),
    Table(
        "alias",
        {"entity": int, "alias": str, "count": int},
        pk=("entity", "alias"),
        foreign_keys=(("entity", "entity", "id"),),
        indexes=(Index(("alias",)),),
    ),
    Table(
        "mention",
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
        foreign_keys=(("article", "article", "id"), ("entity", "entity", "id")),
        indexes=(
            Index(("article", "start")),
            Index(("entity", "article")),
            # "does this entity occur in this span of this article" (events and quotes filtered by an entity)
            Index(("article", "entity", "start")),
        ),
    ),
    Table(
        "quote",
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
            "said_on": str,  # when the words were said (`model.corpus.said_on`): a TIMEX3 value
            "said_on_start": str,  # the first and last day it covers
            "said_on_end": str,
            "said_on_basis": str,
        },
        pk="id",
        foreign_keys=(("article", "article", "id"), ("speaker_entity", "entity", "id")),
        indexes=(
            Index(QUOTE_FACTS, name=QUOTES_OF_ARTICLE_INDEX),
            Index(("speaker_entity",)),
            Index(("said_on_end", "said_on_start")),
            Index(("kind",)),  # a fielded search (`kind:direct`) starts from it
        ),
    ),
    Table(
        "quote_speaker",
        {"quote": int, "entity": int},
        pk=("quote", "entity"),
        foreign_keys=(("quote", "quote", "id"), ("entity", "entity", "id")),
        indexes=(Index(("entity",), name="idx_qs_entity"),),
    ),
    Table(
        "timex",
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
            "event_start": int,
            "event_end": int,
        },
        pk="id",
        foreign_keys=(("article", "article", "id"),),
        indexes=(Index(("article", "start")), Index(("value_start",))),
    ),
    # Each dated event report of an article (written with the article), and the mentions in its frame.
    Table(
        "event_report",
        {
            "id": int,
            "article": int,
            "start": int,
            "end": int,
            "timex_start": int,
            "timex_end": int,
            "event_start": int,
            "event_end": int,
            "trigger": str,
            "trigger_pos": str,
            "value": str,
            "weekday_value": str,
            "basis": str,
            "place_start": int,
            "place_end": int,
            "part": str,  # the year its merge is decided in (`model.corpus.event_refresh`)
            "event": str,  # the merged event it belongs to (derived), or NULL until the merge
        },
        pk="id",
        foreign_keys=(("article", "article", "id"),),
        indexes=(Index(("article", "timex_start")), Index(("part",)), Index(("event",))),
    ),
    Table(
        "event_role",
        {"report": int, "role": str, "article": int, "start": int, "end": int},
        pk=("report", "role", "start"),
        foreign_keys=(("report", "event_report", "id"),),
        indexes=(Index(("article",)),),
    ),
    # The events merged across articles (derived from the reports, year by year).
    Table(
        "event",
        {
            "id": str,
            "part": str,
            "value": str,
            "summary": str,
            "trigger": str,
            "participants": str,  # JSON list of canonical names
            "place": str,
            "readings": str,  # JSON list of {value, articles, basis}
            "conflict": int,
            "reports": int,
        },
        pk="id",
        indexes=(Index(("part",)), Index(("value",))),
    ),
    # Years whose events are behind their reports (an article written or removed since the last merge).
    Table("event_dirty", {"part": str}, pk="part"),
    # The statements quotes make across articles (derived from the quotes, speaker by speaker).
    Table(
        "statement",
        {
            "id": str,
            "part": str,  # whose quotes it groups (`model.corpus.statement_merge.speaker_part`)
            "speaker": str,  # the speaker's name, as its fullest quote gives it
            "speaker_entity": int,
            "kind": str,  # the strongest kind of its quotes
            "text": str,  # the fullest wording
            "fullest": int,  # the quote that has it
            "first": str,  # the first and last dates it was said on
            "last": str,
            "articles": int,
            "outlets": int,
            "quotes": int,
            "sources": str,  # JSON: each outlet as its articles give it ("" for none) -> how many of its articles
            # what its quotes have (`STATEMENT_FACTS`, schema 18): their kinds as JSON, the last day any may have been
            # said, the first and last publication dates of their articles
            "kinds": str,
            "said_until": str,
            "published_from": str,
            "published_until": str,
        },
        pk="id",
        indexes=(Index(("part",)), Index(("last",)), Index(("speaker_entity",))),
    ),
    # Each quote's part and statement (the part written with the quote, the statement derived).
    # `place`: the quote's place among its statement's wordings on the statement's page (its article's date, key,
    # then where it stands in it), so that a page of them is a range of an index (schema 13).
    Table(
        "quote_statement",
        {"quote": int, "part": str, "statement": str, "place": int},
        pk="quote",
        indexes=(Index(("part",)), Index(("statement",)), Index(("statement", "place"))),
    ),
    # Parts whose statements are behind their quotes (an article written or removed since the last grouping).
    Table("statement_dirty", {"part": str}, pk="part"),
    # A user's corrections live apart from the extracted rows, addressed by stable keys (an article's key and a
    # span, an entity's canonical name), and are replayed after every extraction (`model.corpus.correction_apply`).
    Table(
        "correction",
        {
            "id": int,
            "kind": str,
            "article_key": str,  # the article it is about (NULL for an entity's): its corrections wait on its re-ingest
            "target": str,  # JSON: what it corrects, by stable keys
            "value": str,  # JSON: the corrected value
            "original": str,  # JSON: what extraction had there, when it was last applied
            "status": str,  # pending (to apply again), applied, orphaned (its target is gone)
            "created": str,
            "applied": str,
        },
        pk="id",
        not_null=frozenset({"kind", "target", "status", "created"}),
        indexes=(Index(("article_key",)), Index(("kind",))),
    ),
    # A reviewer's answers on sampled items (`model.corpus.review`), one an item: a later review extends the sample.
    Table(
        "review_answer",
        {"kind": str, "item": str, "answer": str, "seed": int, "created": str},
        pk=("kind", "item"),
    ),
)

CORRECTION_TABLES = ("correction", "review_answer")

# The timex columns version 3 added: the event word a date anchors (its offsets, or NULL).
EVENT_WORD_COLUMNS = ("event_start", "event_end")

# The quote columns version 5 added: when the words were said (derived from stored rows, `model.corpus.said_on`).
SAID_ON_COLUMNS = ("said_on", "said_on_start", "said_on_end", "said_on_basis")

# Full-text search: table -> its indexed columns (FTS5, kept by triggers).
FULL_TEXT = (("article", ("title", "text")), ("quote", ("text", "speaker_name")))
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def refuse_foreign_database(conn: sqlite3.Connection, path: Path | str) -> None:
    """A database without a schema version that has tables belongs to another program."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    if tables:
        raise StoreError(
            f"{path} is an SQLite database of another program (tables: {', '.join(tables[:5])}); "
            "give a new file with --db"
        )


def migrate(
    conn: sqlite3.Connection, path: Path | str = "database", progress: Callable[[int, int], None] | None = None
) -> None:
    """Bring the database at `conn` to `SCHEMA_VERSION`: create it when new, upgrade it when older."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version == 0:
        refuse_foreign_database(conn, path)
        create_schema(conn)
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this sinorus-tui ({SCHEMA_VERSION}); upgrade it"
        )
    while version < SCHEMA_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise StoreError(f"{path} has schema version {version}; no migration to {SCHEMA_VERSION} is known")
        if step in UPGRADES_WITH_PROGRESS:
            step(conn, progress)
        else:
            step(conn)
        version += 1


@contextmanager
def _upgrading(conn: sqlite3.Connection):
    """One upgrade step as one transaction: all of it, or (an error, ctrl+c) none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@contextmanager
def _upgrading_heard(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None):
    """`_upgrading`, with `progress` hearing of its start and end (in articles: the step's work follows them)."""
    articles = conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    if progress is not None:
        progress(0, articles)
    with _upgrading(conn):
        yield
    if progress is not None:
        progress(articles, articles)


def upgrade_from_1(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 1 -> 2 adds tables only, in one transaction: an interrupted upgrade leaves version 1 as it was."""
    with _upgrading(conn):
        create_summary(conn)
        conn.execute(
            "INSERT INTO event_day(value_start, events) SELECT value_start, COUNT(*) FROM timex "
            "WHERE value_start IS NOT NULL GROUP BY value_start"
        )
        summarise_all(conn, progress)
        conn.execute("PRAGMA user_version=2")


def upgrade_from_2(conn: sqlite3.Connection) -> None:
    """Schema 2 -> 3 adds the event-word columns to `timex` (empty until the articles are extracted again: the
    pipeline version changed with them), in one transaction."""
    with _upgrading(conn):
        have = {r[1] for r in conn.execute("PRAGMA table_info(timex)")}
        for column in EVENT_WORD_COLUMNS:
            if column not in have:
                conn.execute(f"ALTER TABLE timex ADD COLUMN {column} INTEGER")
        conn.execute("PRAGMA user_version=3")


EVENT_TABLES = ("event_report", "event_role", "event", "event_dirty")


def upgrade_from_3(conn: sqlite3.Connection) -> None:
    """Schema 3 -> 4 adds the event tables (empty until the articles are extracted again: the pipeline version
    changed with them), in one transaction."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    with _upgrading(conn):
        for table in TABLES:
            if table.name in EVENT_TABLES and not db[table.name].exists():
                create_table(db, table)
        conn.execute("PRAGMA user_version=4")


def upgrade_from_4(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 4 -> 5 adds when each quote was said (`SAID_ON_COLUMNS`), derived from the stored quotes, dates and
    publication dates (no parse), and puts joint speakers' names in canonical order (`model.corpus.joint`), in one
    transaction: an interrupted upgrade leaves version 4 as it was."""
    from model.corpus import said_on  # the derivation: for this upgrade only, not on every open

    with _upgrading(conn):
        have = {r[1] for r in conn.execute("PRAGMA table_info(quote)")}
        for column in SAID_ON_COLUMNS:
            if column not in have:
                conn.execute(f"ALTER TABLE quote ADD COLUMN {column} TEXT")
        conn.execute(
            "CREATE INDEX IF NOT EXISTS idx_quote_said_on_end_said_on_start ON quote(said_on_end, said_on_start)"
        )
        narrow_fts_updates(conn)  # before the rows are written: a said_on is no change of the words searched
        said_on.refresh_all(conn, progress)
        canonicalise_joint_names(conn)
        conn.execute(f"PRAGMA user_version={SAID_ON_VERSION}")


STATEMENT_TABLES = ("statement", "quote_statement", "statement_dirty")


def upgrade_from_5(conn: sqlite3.Connection) -> None:
    """Schema 5 -> 6 adds the statement tables, every stored quote linked to its speaker's part and every part
    marked behind, in one transaction; the statements are then grouped (a grouping cut short stays marked: the
    next writer does it)."""
    import sqlite_utils

    from model.corpus.statement_refresh import link_all, refresh_statements

    db = sqlite_utils.Database(conn)
    with _upgrading(conn):
        for table in TABLES:
            if table.name in STATEMENT_TABLES and not db[table.name].exists():
                create_table(db, table)
        link_all(conn)
        conn.execute(f"PRAGMA user_version={STATEMENTS_VERSION}")
    refresh_statements(conn)


def upgrade_from_6(conn: sqlite3.Connection) -> None:
    """Schema 6 -> 7 adds the corrections and review tables and moves the user's publication dates out of the
    former `override` table into corrections (the table goes), in one transaction."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    with _upgrading(conn):
        for table in TABLES:
            if table.name in CORRECTION_TABLES and not db[table.name].exists():
                create_table(db, table)
        if db["override"].exists():
            _move_overrides(conn)
            conn.execute("DROP TABLE override")
        conn.execute(f"PRAGMA user_version={CORRECTIONS_VERSION}")


def _move_overrides(conn: sqlite3.Connection) -> None:
    """Each article's user date (`override` rows published, detected_published, detected_basis) as one
    `article_date` correction, the detected date as its original."""
    fields: dict[str, dict[str, tuple[str, str]]] = {}
    for key, field, value, created in conn.execute("SELECT article_key, field, value, created FROM override"):
        fields.setdefault(key, {})[field] = (value, created)
    for key, ov in sorted(fields.items()):
        if "published" not in ov:
            continue
        value, created = ov["published"]
        original = {
            "published": (ov.get("detected_published") or ("", ""))[0] or None,
            "published_basis": (ov.get("detected_basis") or ("", ""))[0] or None,
        }
        conn.execute(
            "INSERT INTO correction(kind, article_key, target, value, original, status, created, applied) "
            "VALUES ('article_date', ?, ?, ?, ?, 'applied', ?, ?)",
            (
                key,
                json.dumps({"article": key}, ensure_ascii=False),
                json.dumps({"published": value}),
                json.dumps(original, ensure_ascii=False),
                created,
                created,
            ),
        )


def upgrade_from_7(conn: sqlite3.Connection) -> None:
    """Schema 7 -> 8 adds the user's marks and read articles (`model.corpus.marks`), empty, in one transaction."""
    with _upgrading(conn):
        marks.create_tables(conn)
        conn.execute(f"PRAGMA user_version={MARKS_VERSION}")


# The indexes version 9 added (named as sqlite-utils names those `TABLES` declares): table -> column.
FIELD_INDEXES = (("quote", "kind"), ("article", "source"))


def upgrade_from_8(conn: sqlite3.Connection) -> None:
    """Schema 8 -> 9 indexes the search language's broad fields (`FIELD_INDEXES`), in one transaction."""
    with _upgrading(conn):
        for table, column in FIELD_INDEXES:
            conn.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_{column} ON {table}({column})")
        conn.execute(f"PRAGMA user_version={FIELD_INDEX_VERSION}")


# The indexes version 10 added: each holds a sort of the browser's lists exactly as its ORDER BY reads (the
# same expressions, collations and directions), so a page of it, from either end, is a range of the index and
# not a sort of every row (`model.corpus.query.articles`, `quotes`, `statements`; `paging`): name -> (table,
# its terms).
ORDER_INDEXES = {
    "idx_article_title_order": ("article", "title IS NULL, title COLLATE NOCASE, id"),
    "idx_article_oldest_order": ("article", "published IS NULL, published, id"),
    "idx_quote_speaker_order": (
        "quote",
        "speaker_name IS NULL, speaker_name COLLATE NOCASE, said_on_end DESC, said_on_start DESC, article DESC, "
        "start, id",
    ),
    "idx_statement_date_order": ("statement", "last IS NULL, last DESC, first DESC, id"),
    "idx_statement_speaker_order": ("statement", "speaker IS NULL, speaker COLLATE NOCASE, last DESC, id"),
}


def create_indexes(conn: sqlite3.Connection, indexes: dict[str, tuple[str, str]]) -> None:
    """`indexes` (name -> (table, its terms)), each unless it is there already."""
    for name, (table, terms) in indexes.items():
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({terms})")


def upgrade_from_9(conn: sqlite3.Connection) -> None:
    """Schema 9 -> 10 indexes the browser's sort orders (`ORDER_INDEXES`), in one transaction."""
    with _upgrading(conn):
        create_indexes(conn, ORDER_INDEXES)
        conn.execute(f"PRAGMA user_version={ORDER_INDEX_VERSION}")


# The index version 11 added: the entities of each quote in the summary, so that a search's few matches look
# up whether a much-mentioned entity has them (`model.corpus.query.statements`) rather than that entity's every
# quote being looked up among the matches: name -> (table, its terms).
QUOTE_ENTITY_INDEXES = {"idx_entity_quote_quote": ("entity_quote", "quote, entity")}


def upgrade_from_10(conn: sqlite3.Connection) -> None:
    """Schema 10 -> 11 indexes the summary's quotes by quote (`QUOTE_ENTITY_INDEXES`), in one transaction."""
    with _upgrading(conn):
        create_indexes(conn, QUOTE_ENTITY_INDEXES)
        conn.execute(f"PRAGMA user_version={QUOTE_ENTITY_VERSION}")


# The indexes version 12 added, as `ORDER_INDEXES` are (a page of the sort, from either end, is a range of its
# index): articles by source, A to Z and Z to A, each source's newest first and the articles with no source last
# either way (as the date sorts put the undated last: `model.corpus.query.articles`); events by their number of
# reports, most first, ties in date order (`model.corpus.query.event_list`; the rowid, which the value order breaks
# ties by, is the last column of every index). Name -> (table, its terms).
COLUMN_SORT_INDEXES = {
    "idx_article_source_order": ("article", "source IS NULL, source COLLATE NOCASE, published DESC, id DESC"),
    "idx_article_source_desc_order": (
        "article",
        "source IS NULL, source COLLATE NOCASE DESC, published DESC, id DESC",
    ),
    "idx_event_reports_order": ("event", "reports DESC, value"),
}


def upgrade_from_11(conn: sqlite3.Connection) -> None:
    """Schema 11 -> 12 indexes the sorts by source and by reports (`COLUMN_SORT_INDEXES`), in one transaction."""
    with _upgrading(conn):
        create_indexes(conn, COLUMN_SORT_INDEXES)
        conn.execute(f"PRAGMA user_version={COLUMN_SORT_VERSION}")


# The columns version 13 added, as (table, column, type): each wording's place on its statement's page and each
# statement's outlets (`model.corpus.statement_refresh` keeps both; `model.corpus.query.statements` reads a page's
# first screen of wordings off the index on (statement, place) and its outlets off the statement's row).
STATEMENT_PAGE_COLUMNS = (("quote_statement", "place", "INTEGER"), ("statement", "sources", "TEXT"))
STATEMENT_PAGE_INDEX = "idx_quote_statement_statement_place"

# A statement's wordings in page order, each with its place (from 0): the earliest article first (undated last),
# then by article key and where the quote starts.
WORDING_PLACES = (
    "SELECT qs.quote, row_number() OVER (PARTITION BY qs.statement ORDER BY a.published IS NULL, a.published, "
    "a.key, q.start, q.id) - 1 AS place FROM quote_statement qs JOIN quote q ON q.id = qs.quote "
    "JOIN article a ON a.id = q.article WHERE qs.statement IS NOT NULL"
)
# A statement's outlets as `statement.sources` holds them (`model.corpus.statement_refresh.sources_of`).
STATEMENT_SOURCES = (
    "SELECT json_group_object(src, n) FROM (SELECT COALESCE(a.source, '') AS src, COUNT(DISTINCT a.id) AS n "
    "FROM quote_statement qs JOIN quote q ON q.id = qs.quote JOIN article a ON a.id = q.article "
    "WHERE qs.statement = statement.id GROUP BY src ORDER BY src)"
)


def fill_statement_pages(conn: sqlite3.Connection) -> None:
    """Every wording's place on its statement's page and every statement's outlets, from the stored rows (the
    upgrade to 13; the benchmark's copied corpora)."""
    conn.execute(
        f"UPDATE quote_statement SET place = p.place FROM ({WORDING_PLACES}) p WHERE quote_statement.quote = p.quote"
    )
    conn.execute(f"UPDATE statement SET sources = ({STATEMENT_SOURCES})")


def upgrade_from_12(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 12 -> 13 adds each wording's place on its statement's page, indexed, and each statement's outlets
    (`STATEMENT_PAGE_COLUMNS`), derived from the stored rows, in one transaction (a minute at a million articles:
    `progress` hears of its start and end)."""
    with _upgrading_heard(conn, progress):
        for table, column, kind in STATEMENT_PAGE_COLUMNS:
            if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        conn.execute(f"CREATE INDEX IF NOT EXISTS {STATEMENT_PAGE_INDEX} ON quote_statement(statement, place)")
        fill_statement_pages(conn)
        conn.execute(f"PRAGMA user_version={STATEMENT_PAGE_VERSION}")


# Version 14: the statements' wordings in a full-text index of their own (`model.corpus.statement_words`), and each
# event's date value by its id: the Timeline of a search reads the values of its articles' events, each found by the
# id its reports name, off this index alone (the table's row of each cost a third more: 4-7 ms at a million).
EVENT_VALUE_BY_ID_INDEX = "idx_event_id_value"
EVENT_VALUE_BY_ID = {EVENT_VALUE_BY_ID_INDEX: ("event", "id, value")}


def fill_statement_fts(conn: sqlite3.Connection) -> None:
    """Every statement's wordings into `STATEMENT_FTS`, from the stored rows (the upgrade to 14)."""
    conn.execute(f"DELETE FROM {STATEMENT_FTS}")
    rows = conn.execute(
        "SELECT s.rowid, s.speaker, q.text FROM statement s JOIN quote_statement qs ON qs.statement = s.id "
        "JOIN quote q ON q.id = qs.quote ORDER BY s.rowid, qs.place, q.id"
    )
    current, speaker, texts = None, None, []
    for rowid, said_by, text in rows:
        if rowid != current:
            if current is not None:
                index_wordings(conn, current, speaker, texts)
            current, speaker, texts = rowid, said_by, []
        texts.append(text)
    if current is not None:
        index_wordings(conn, current, speaker, texts)


def upgrade_from_13(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 13 -> 14 indexes the statements' wordings (`STATEMENT_FTS`), from the stored rows, and the events'
    values by id (`EVENT_VALUE_BY_ID`), in one transaction (`progress` hears of its start and end)."""
    with _upgrading_heard(conn, progress):
        create_statement_fts(conn, FTS_TOKENIZE)
        fill_statement_fts(conn)
        create_indexes(conn, EVENT_VALUE_BY_ID)
        conn.execute(f"PRAGMA user_version={STATEMENT_FTS_VERSION}")


def upgrade_from_14(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 14 -> 15 makes the index of each article's quotes hold their kind and dates (`QUOTE_FACTS`), in one
    transaction (`progress` hears of its start and end)."""
    with _upgrading_heard(conn, progress):
        conn.execute(f"DROP INDEX IF EXISTS {QUOTES_OF_ARTICLE_INDEX}")
        conn.execute(f"CREATE INDEX {QUOTES_OF_ARTICLE_INDEX} ON quote({', '.join(QUOTE_FACTS)})")
        conn.execute(f"PRAGMA user_version={QUOTE_FACTS_VERSION}")


def create_entity_wordings(conn: sqlite3.Connection) -> None:
    for sql in ENTITY_WORDING_SCHEMA:
        conn.execute(sql)


def upgrade_from_15(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 15 -> 16 keeps each statement wording's entities (`statement_words.ENTITY_WORDING`), derived from the
    stored statements and summary, in one transaction (`progress` hears of its start and end)."""
    with _upgrading_heard(conn, progress):
        create_entity_wordings(conn)
        fill_entity_wordings(conn)
        conn.execute(f"PRAGMA user_version={ENTITY_WORDING_VERSION}")


def upgrade_from_16(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 16 -> 17 indexes the quotes by their speaker's name and the distinct names in a full-text index of their
    own (`model.corpus.speaker_names`), in one transaction (`progress` hears of its start and end)."""
    with _upgrading_heard(conn, progress):
        create_speaker_names(conn, FTS_TOKENIZE)
        fill_speaker_names(conn)
        conn.execute(f"PRAGMA user_version={SPEAKER_NAMES_VERSION}")


# Version 18: what a statement's quotes have, on its row (`model.corpus.statement_facts`); and each article's date by
# its id, so that a set of kept articles (a fielded search's, gathered) is sorted by date off this index alone: at a
# million articles 6,670 articles' own rows cost 17 ms to sort, this index 6 (`model.corpus.query.articles`).
ARTICLE_DATE_BY_ID_INDEX = "idx_article_id_published"
ARTICLE_DATE_BY_ID = {ARTICLE_DATE_BY_ID_INDEX: ("article", "id, published")}


def upgrade_from_17(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Schema 17 -> 18 adds what each statement's quotes have (`STATEMENT_FACTS`), derived from the stored rows, and
    the articles' dates by id (`ARTICLE_DATE_BY_ID`), in one transaction (`progress` hears of its start and end)."""
    with _upgrading_heard(conn, progress):
        have = {r[1] for r in conn.execute("PRAGMA table_info(statement)")}
        for column, kind in STATEMENT_FACTS:
            if column not in have:
                conn.execute(f"ALTER TABLE statement ADD COLUMN {column} {kind}")
        fill_statement_facts(conn)
        create_indexes(conn, ARTICLE_DATE_BY_ID)
        conn.execute(f"PRAGMA user_version={STATEMENT_FACTS_VERSION}")


# Each upgrade step by the version it upgrades from (to the next); those that report progress take `progress`.
UPGRADES = {
    1: upgrade_from_1,
    2: upgrade_from_2,
    3: upgrade_from_3,
    4: upgrade_from_4,
    5: upgrade_from_5,
    6: upgrade_from_6,
    7: upgrade_from_7,
    8: upgrade_from_8,
    9: upgrade_from_9,
    10: upgrade_from_10,
    11: upgrade_from_11,
    12: upgrade_from_12,
    13: upgrade_from_13,
    14: upgrade_from_14,
    15: upgrade_from_15,
    16: upgrade_from_16,
    17: upgrade_from_17,
}
UPGRADES_WITH_PROGRESS = (
    upgrade_from_1,
    upgrade_from_4,
    upgrade_from_12,
    upgrade_from_13,
    upgrade_from_14,
    upgrade_from_15,
    upgrade_from_16,
    upgrade_from_17,
)


def create_schema(conn: sqlite3.Connection) -> None:
    """Every table, index, full-text index and summary of a new database, at `SCHEMA_VERSION`."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    with conn:
        for table in TABLES:
            create_table(db, table)
        for name, columns in FULL_TEXT:
            db[name].enable_fts(list(columns), fts_version="FTS5", create_triggers=True, tokenize=FTS_TOKENIZE)
        narrow_fts_updates(conn)
        create_statement_fts(conn, FTS_TOKENIZE)
        create_summary(conn)
        create_entity_wordings(conn)
        create_speaker_names(conn, FTS_TOKENIZE)
        marks.create_tables(conn)
        create_indexes(conn, ORDER_INDEXES)
        create_indexes(conn, QUOTE_ENTITY_INDEXES)
        create_indexes(conn, COLUMN_SORT_INDEXES)
        create_indexes(conn, EVENT_VALUE_BY_ID)
        create_indexes(conn, ARTICLE_DATE_BY_ID)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def narrow_fts_updates(conn: sqlite3.Connection) -> None:
    """Each full-text index's update trigger (sqlite-utils' `TABLE_au`) fires on a change of the columns it
    indexes only: a quote dated again or an article's publication date reindexed no words (schema 5)."""
    for name, columns in FULL_TEXT:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type='trigger' AND name=?", (f"{name}_au",)).fetchone()
        every_update = f'AFTER UPDATE ON "{name}"'
        if row is None or every_update not in row[0]:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        narrowed = row[0].replace(every_update, f'AFTER UPDATE OF {quoted} ON "{name}"')
        conn.execute(f'DROP TRIGGER "{name}_au"')
        conn.execute(narrowed)


def create_table(db, table: Table) -> None:
    """One table of `TABLES` and its indexes, with sqlite-utils."""
    options = {"pk": table.pk}
    if table.not_null:
        options["not_null"] = set(table.not_null)
    if table.foreign_keys:
        options["foreign_keys"] = list(table.foreign_keys)
    db[table.name].create(table.columns, **options)
    for index in table.indexes:
        extra = {"index_name": index.name} if index.name else {}
        db[table.name].create_index(list(index.columns), unique=index.unique, **extra)
