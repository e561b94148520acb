"""A user's corrections as stored: their kinds, their stable targets, the `correction` table, and the JSON record
they are shared as (`sinorus-tui corrections export|import`).

A correction names what it corrects by keys that survive re-ingest: an article's key and a character span (with
the span's text, to find it again when the article changed), an entity's canonical name (unique in the corpus), an
event by one of its reports (article key and the offset of the report's date). Row ids are never stored: they
change whenever an article is extracted again. `model.corpus.correction_apply` applies them; the browser and the
command line make them through `model.corrections`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from model.corpus.write import utc_now

# kind -> (what its target names, the keys its target needs, the keys its value needs)
KINDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "entity_merge": ("entity", ("entity",), ("into",)),
    "entity_split": ("entity", ("entity", "alias"), ("into",)),
    "entity_rename": ("entity", ("entity",), ("name",)),
    "entity_type": ("entity", ("entity",), ("label",)),
    "quote_speaker": ("quote", ("article", "start", "end"), ("speaker",)),
    "quote_kind": ("quote", ("article", "start", "end"), ("kind",)),
    "quote_reject": ("quote", ("article", "start", "end"), ()),
    "date_reject": ("date", ("article", "start", "end"), ()),
    "date_value": ("date", ("article", "start", "end"), ("value",)),
    "article_date": ("article", ("article",), ("published",)),
    "event_merge": ("event", ("article", "timex_start"), ("article", "timex_start")),
    "event_split": ("event", ("article", "timex_start"), ()),
    # The quote is a statement of its own (`model.corpus.statement_refresh.wrong_groupings`).
    "statement_wrong": ("statement", ("article", "start", "end"), ()),
}
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")
# What each kind does, in a few words (the list, the confirm line, the provenance).
SAYS = {
    "entity_merge": "merged into {into}",
    "entity_split": "alias split off into {into}",
    "entity_rename": "renamed {name}",
    "entity_type": "type set to {label}",
    "quote_speaker": "speaker set to {speaker}",
    "quote_kind": "kind set to {kind}",
    "quote_reject": "rejected (not a quote)",
    "date_reject": "rejected (not a date)",
    "date_value": "value set to {value}",
    "article_date": "publication date set to {published}",
    "event_merge": "merged with the event of {article} @{timex_start}",
    "event_split": "report split off its event",
    "statement_wrong": "statement grouping marked wrong",
}
PENDING, APPLIED, ORPHANED = "pending", "applied", "orphaned"


class BadCorrection(ValueError):
    """A correction record that cannot be used: one line saying why."""


@dataclass
class Correction:
    id: int | None
    kind: str
    target: dict
    value: dict = field(default_factory=dict)
    original: dict | None = None
    status: str = PENDING
    created: str = ""
    applied: str | None = None

    @property
    def article_key(self) -> str | None:
        return self.target.get("article") if KINDS[self.kind][0] != "entity" else None

    def describe(self) -> str:
        """One line: what it corrects and how."""
        t = self.target
        what = {
            "entity": lambda: t["entity"] + (f" (alias '{t['alias']}')" if "alias" in t else ""),
            "article": lambda: t["article"],
            "event": lambda: f"{t['article']} @{t['timex_start']}",
        }.get(KINDS[self.kind][0], lambda: f"{t['article']} {t['start']}-{t['end']}" + _quoted(t.get("text")))()
        says = SAYS[self.kind].format(**{k: ("nobody" if v is None else v) for k, v in self.value.items()})
        return f"{what}: {says}"

    def record(self) -> dict:
        """The JSON record it is shared as."""
        return {"kind": self.kind, "target": self.target, "value": self.value, "created": self.created}


def _quoted(text: str | None) -> str:
    if not text:
        return ""
    return f" “{text[:40]}…”" if len(text) > 40 else f" “{text}”"


def from_record(d) -> Correction:
    """A correction from its JSON record, checked: a missing or wrong field is a `BadCorrection`."""
    if not isinstance(d, dict):
        raise BadCorrection("not a JSON object")
    kind = d.get("kind")
    if kind not in KINDS:
        raise BadCorrection(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    target, value = d.get("target"), d.get("value") or {}
    if not isinstance(target, dict) or not isinstance(value, dict):
        raise BadCorrection("target and value must be JSON objects")
    _, target_keys, value_keys = KINDS[kind]
    for keys, obj, name in ((target_keys, target, "target"), (value_keys, value, "value")):
        missing = [k for k in keys if k not in obj]
        if missing:
            raise BadCorrection(f"{kind}: {name} lacks {', '.join(missing)}")
    for obj in (target, value):
        for k in ("start", "end", "timex_start"):
            if k in obj and (not isinstance(obj[k], int) or isinstance(obj[k], bool) or obj[k] < 0):
                raise BadCorrection(f"{kind}: {k} must be a whole number of characters, not {obj[k]!r}")
        for k, v in obj.items():
            if k not in ("start", "end", "timex_start") and v is not None and not isinstance(v, str):
                raise BadCorrection(f"{kind}: {k} must be text, not {v!r}")
    created = d.get("created") if isinstance(d.get("created"), str) else ""
    return Correction(None, kind, dict(target), dict(value), created=created or utc_now())


def _row(r) -> Correction:
    return Correction(
        r[0], r[1], json.loads(r[2]), json.loads(r[3] or "{}"), json.loads(r[4]) if r[4] else None, r[5], r[6], r[7]
    )


_COLUMNS = "id, kind, target, value, original, status, created, applied"


def has_table(conn: sqlite3.Connection) -> bool:
    """Whether the database keeps corrections (schema 5 on)."""
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='correction'").fetchone())


def add(conn: sqlite3.Connection, c: Correction) -> Correction:
    """Store `c` (pending), in the caller's transaction."""
    c.id = conn.execute(
        "INSERT INTO correction(kind, article_key, target, value, status, created) VALUES (?,?,?,?,?,?)",
        (c.kind, c.article_key, dumps(c.target), dumps(c.value), PENDING, c.created or utc_now()),
    ).lastrowid
    return c


def dumps(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


def get(conn: sqlite3.Connection, cid: int) -> Correction | None:
    r = conn.execute(f"SELECT {_COLUMNS} FROM correction WHERE id=?", (cid,)).fetchone()
    return _row(r) if r else None


def every(conn: sqlite3.Connection, where: str = "1", params: tuple = ()) -> list[Correction]:
    """The corrections `where` selects, oldest first (the order they are applied in)."""
    if not has_table(conn):
        return []
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM correction WHERE {where} ORDER BY id", params)]


def count(conn: sqlite3.Connection, status: str) -> int:
    if not has_table(conn):
        return 0
    return conn.execute("SELECT COUNT(*) FROM correction WHERE status=?", (status,)).fetchone()[0]


def same(conn: sqlite3.Connection, c: Correction) -> Correction | None:
    """A stored correction of the same kind, target and value (an import of one already present)."""
    for other in every(conn, "kind=? AND target=?", (c.kind, dumps(c.target))):
        if other.value == c.value:
            return other
    return None


def on_target(conn: sqlite3.Connection, kind_of_target: str, target: dict) -> list[Correction]:
    """Every correction of the one thing `target` names (an article's span, an entity), oldest first."""
    kinds = [k for k, spec in KINDS.items() if spec[0] == kind_of_target]
    marks = ",".join("?" * len(kinds))
    found = every(conn, f"kind IN ({marks}) AND target=?", (*kinds, dumps(target)))
    return found


def mark(conn: sqlite3.Connection, c: Correction, status: str, original: dict | None = None) -> None:
    """Record how applying `c` went (and what it replaced, when it did)."""
    c.status = status
    if original is not None:
        c.original = original
    c.applied = utc_now()
    conn.execute(
        "UPDATE correction SET status=?, original=COALESCE(?, original), applied=?, target=? WHERE id=?",
        (status, None if original is None else dumps(original), c.applied, dumps(c.target), c.id),
    )


def remove(conn: sqlite3.Connection, cid: int) -> None:
    conn.execute("DELETE FROM correction WHERE id=?", (cid,))


def mark_article_pending(conn: sqlite3.Connection, key: str) -> None:
    """The article `key` was written again (or removed): its corrections are to be applied again."""
    conn.execute("UPDATE correction SET status=? WHERE article_key=?", (PENDING, key))
