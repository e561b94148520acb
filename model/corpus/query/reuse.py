"""Results a list's reads share: the rows a filter keeps, found once for its count and reused by its pages.

A pane counts its list and reads its first page on one connection, one after the other, under the same
filters: both evaluated the same full-text match and the same joins (a common word's statements: ~15 ms each at
100,000 articles). What the first read finds (the kept rows' ids, compact) is kept here, for that connection, as
long as the database is as it was: the key holds the connection's `PRAGMA data_version` (it changes when another
connection commits) and its own `total_changes` (its own writes), so a write between two reads is never answered
from before it. Kept per connection, not across them: `data_version` is one connection's view, and the
connections of other threads compare nothing with it.

Bounded: `KEEP` results at most (the least recently used go first), and a result of more than `MAX_IDS` ids
is not kept (its reads run their own SQL, as before).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable

from model.corpus.query.base import run

KEEP = 16  # results kept, over every connection
MAX_IDS = 50_000  # ids in one result (8 bytes each: 400 kB); a larger one is not kept

_lock = threading.Lock()
# (id of the connection, what was asked) -> (the connection, its version then, the result). The connection is
# held, so its id is not given to another one while its results are kept.
_kept: OrderedDict[tuple, tuple[sqlite3.Connection, tuple[int, int], object]] = OrderedDict()


def version(conn: sqlite3.Connection) -> tuple[int, int]:
    """What the database is, as `conn` sees it: changed by any commit of another connection or of its own."""
    return run(conn, "PRAGMA data_version")[0][0], conn.total_changes


def reused(conn: sqlite3.Connection, key: Hashable, compute: Callable[[], object]) -> object:
    """`compute()`, or what it gave for `key` on this connection while the database has not changed since.
    A result that is an `array` of more than `MAX_IDS` is returned but not kept."""
    slot = (id(conn), key)
    now = version(conn)
    with _lock:
        hit = _kept.get(slot)
        if hit is not None and hit[0] is conn and hit[1] == now:
            _kept.move_to_end(slot)
            return hit[2]
    value = compute()
    if isinstance(value, array) and len(value) > MAX_IDS:
        return value
    if version(conn) == now:  # else the database changed while it was read: which state it shows is unknown
        with _lock:
            _kept[slot] = (conn, now, value)
            _kept.move_to_end(slot)
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
    return value


def as_json(ids: array) -> str:
    """`ids` as a JSON array, for `json_each(?)`: one parameter whatever their number."""
    return json.dumps(ids.tolist())


def forget() -> None:
    """Drop everything kept (tests; a database replaced under the same connections)."""
    with _lock:
        _kept.clear()
