"""Corrections a user makes to the corpus, applied on top of what extraction found.

A user's publication date is kept apart from the detected one (the `override` table) and
survives re-ingest; setting or clearing it resolves the article's relative dates again
against it, without spaCy. This module sits above both the extractors and the corpus:
it re-runs an extraction step (`timeline.reanchor`) and writes the result.
"""

from __future__ import annotations

import sqlite3

from model.corpus.overrides import overrides, set_override
from model.dates import value_range
from model.extract.timeline import extractor as timeline


def set_published(conn: sqlite3.Connection, key: str, value: str | None) -> int:
    """Set (or with None, clear) a user's publication date for article `key`; re-resolve its relative
    expressions against it. Returns how many expressions were resolved again."""
    row = conn.execute("SELECT id, text, published, published_basis FROM article WHERE key=?", (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    aid, text, cur, cur_basis = row
    ov = overrides(conn, key)
    if value is not None:
        if "published" not in ov:  # remember what was detected, to restore on clear
            set_override(conn, key, "detected_published", cur or "")
            set_override(conn, key, "detected_basis", cur_basis or "")
        set_override(conn, key, "published", value)
        new, basis, uncertain = value, "set by user", False
    else:
        new = ov.get("detected_published") or None
        basis = ov.get("detected_basis") or None
        uncertain = True
        for f in ("published", "detected_published", "detected_basis"):
            set_override(conn, key, f, None)
    n = 0
    with conn:
        conn.execute("UPDATE article SET published=?, published_basis=? WHERE id=?", (new, basis, aid))
        rows = conn.execute(
            "SELECT id, start, end, spec FROM timex WHERE article=? AND spec IS NOT NULL", (aid,)
        ).fetchall()
        for tid, s, e, spec in rows:
            if new is None:
                conn.execute(
                    "UPDATE timex SET value=NULL, anchor=NULL, value_start=NULL, value_end=NULL, "
                    "basis='no publication date to resolve against', uncertain=1 WHERE id=?",
                    (tid,),
                )
                continue
            val, vbasis = timeline.reanchor(text[s:e], spec, new)
            rng = value_range(val)
            conn.execute(
                "UPDATE timex SET value=?, anchor=?, basis=?, value_start=?, value_end=?, uncertain=? WHERE id=?",
                (val, new, vbasis, rng[0] if rng else None, rng[1] if rng else None, int(uncertain), tid),
            )
            n += 1
    return n
