"""The connection and the helpers every read shares: running SQL, WHERE clauses, which plans apply."""

from __future__ import annotations

import json
import sqlite3
from array import array
from pathlib import Path

from model.corpus.query.rows import QUOTE_COLS, QUOTE_COLS_BEFORE_SAID_ON
from model.corpus.store import SAID_ON_VERSION, SUMMARY_VERSION, StoreError, open_readonly


class QueryError(Exception):
    """A read that cannot be done, in one line for the user (a bad search, a missing database)."""


class AtLeast(int):
    """A count that stopped at its cap: there are this many rows at least, maybe more."""


def fts_count(conn: sqlite3.Connection, fts_table: str, match: str, cap: int | None = None) -> int:
    """The rows an FTS5 query matches; with `cap`, counting stops past it (an `AtLeast(cap)` then): a
    common word costs a page's worth of the index, not every match."""
    if cap is None:
        return run(conn, f"SELECT COUNT(*) FROM {fts_table} WHERE {fts_table} MATCH ?", (match,))[0][0]
    return capped(conn, f"SELECT 1 FROM {fts_table} WHERE {fts_table} MATCH ?", (match,), cap)


def capped(conn: sqlite3.Connection, select: str, params: list | tuple, cap: int) -> int:
    """How many rows `select` gives, counted up to `cap`: past it, `AtLeast(cap)`."""
    n = run(conn, f"SELECT COUNT(*) FROM ({select} LIMIT {int(cap) + 1})", params)[0][0]
    return AtLeast(cap) if n > cap else n


def connect(path: str | Path, *, readonly: bool = True) -> sqlite3.Connection:
    """A connection for one thread. Read-only unless asked."""
    path = Path(path)
    if not path.exists():
        raise QueryError(f"no database at {path}")
    try:
        if readonly:
            conn = open_readonly(path)  # also reads a WAL database in a folder it cannot write
        else:
            conn = sqlite3.connect(path)
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA query_only=1")
    except sqlite3.Error as e:
        raise QueryError(f"cannot open {path}: {e}") from None
    except StoreError as e:
        raise QueryError(str(e)) from None
    return conn


# ---------------------------------------------------------------- helpers


def run(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[tuple]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as e:  # also a damaged file ('database disk image is malformed')
        msg = str(e)
        if "fts5" in msg or "MATCH" in msg:
            raise QueryError(f"cannot search for that: {msg}") from None
        raise QueryError(msg) from None


def ints(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> array:
    """The integers of `sql`'s one column, in no particular order, read as one row (SQLite joins them): the reading
    thread takes Python's lock once for them all, not once a row. Row by row, 10,000 ids took 3 ms alone and 40
    beside one busy thread (the event loop drawing a frame), 274 beside two (the other panes' readers)."""
    return _joined_ints(run(conn, _JOINED.format(sql=sql), params))


def within_ints(conn: sqlite3.Connection, sql: str, params: list | tuple, steps: int) -> array | None:
    """`ints` within `steps` of SQLite's virtual machine (`within`), or None when they ran out."""
    rows = within(conn, _JOINED.format(sql=sql), params, steps)
    return None if rows is None else _joined_ints(rows)


def pairs(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[tuple]:
    """The rows of `sql`'s two columns, in no particular order, read as one row (one JSON array: see `ints`)."""
    joined = run(conn, _PAIRED.format(sql=sql), params)[0][0]
    return [tuple(pair) for pair in json.loads(joined)] if joined else []


_JOINED = "WITH joined_(v) AS ({sql}) SELECT group_concat(v) FROM joined_"
_PAIRED = "WITH paired_(a, b) AS ({sql}) SELECT json_group_array(json_array(a, b)) FROM paired_"


def _joined_ints(rows: list[tuple]) -> array:
    joined = rows[0][0] if rows else None
    return array("q", map(int, joined.split(","))) if joined else array("q")


WITHIN_PERIODS = 2  # the handler's calls a bounded read runs through before it is stopped, at the next


def within(conn: sqlite3.Connection, sql: str, params: list | tuple, steps: int) -> list[tuple] | None:
    """`run`, or None when SQLite has run `steps` instructions of its virtual machine (up to half as many again)
    without finishing: a plan that is cheap when its guess holds (a page found near the start of an index) tried
    first, within a bound, before one whose cost is known. The bound is counted in work, not time: a busy machine
    does not change it. An interruption from elsewhere (`Connection.interrupt`, navigation away) is still an error."""
    calls: list[bool] = []

    def stop() -> int:
        calls.append(True)
        return len(calls) > WITHIN_PERIODS

    # (SQLite calls the handler first after fewer than a period when the statement is one it cached and ran before:
    # its count of instructions goes on from the last run. Stopped at the call after `WITHIN_PERIODS` periods, a
    # read runs `steps` instructions at least, and 1.5 times as many at most, however often it ran.)
    conn.set_progress_handler(stop, max(1, steps // WITHIN_PERIODS))
    try:
        return run(conn, sql, params)
    except QueryError:
        if len(calls) > WITHIN_PERIODS:
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def sql_where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def schema_at_least(conn: sqlite3.Connection, version: int) -> bool:
    """Whether the database's schema is `version` or newer (an older one is read with the plans it allows)."""
    return run(conn, "PRAGMA user_version")[0][0] >= version


def has_summary(conn: sqlite3.Connection) -> bool:
    """Whether the database has the per-entity summary and `event_day` (schema 2, `summary.SUMMARY_TABLES`);
    a version-1 database is read with the plans that join mentions, articles and events."""
    return schema_at_least(conn, SUMMARY_VERSION)


def has_said_on(conn: sqlite3.Connection) -> bool:
    """Whether the quotes say when they were said (schema 5, `SAID_ON_VERSION`); an older database is read
    without it. Read off the version (the upgrade to 5 adds the columns and sets it in one transaction): the
    columns' list, `PRAGMA table_info`, cost 0.7 ms a search at a million articles."""
    return schema_at_least(conn, SAID_ON_VERSION)


def quote_cols(conn: sqlite3.Connection) -> str:
    """The columns a `QuoteRow` is read from, on this database's schema."""
    return QUOTE_COLS if has_said_on(conn) else QUOTE_COLS_BEFORE_SAID_ON


# Without the summary (a version-1 database), an entity with this many mentions has its sections
# read newest-first off the article (or date) index and cut at the page: sorting all of its rows
# first took most of a second for the most frequent ones at 100,000 articles. Rarer ones keep the
# plan that starts from their own rows.
FREQUENT = 1000
FREQUENT_EVENTS = 10000


def entity_counts(conn: sqlite3.Connection, entity_id: int) -> tuple[int, int]:
    """(mentions, articles) of an entity, (0, 0) when there is none: what the plans are picked by."""
    rows = run(conn, "SELECT mentions, articles FROM entity WHERE id = ?", (entity_id,))
    return (rows[0][0] or 0, rows[0][1] or 0) if rows else (0, 0)
