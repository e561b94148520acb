"""Review: how accurate is this corpus? A seeded random sample of what was extracted, stratified by kind, each item
answered right, wrong or skipped, and per kind the share right with its 95% Wilson interval.

Items are named by stable keys (an article's key and a span; an event by its id), so answers survive re-ingest.
Every answer is kept (`review_answer`): a later review draws only items not answered yet, so the sample grows and
never repeats an item. The same seed on the same corpus and answers draws the same items.
"""

from __future__ import annotations

import json
import math
import random
import sqlite3
from dataclasses import dataclass, field

from model.corpus.write import utc_now
from model.records import QUOTED_KINDS
from model.wording import counted

REVIEW_KINDS = ("quotes", "entities", "dates", "events")
ANSWERS = ("right", "wrong", "skip")
Z95 = 1.959963984540054  # the normal quantile of a two-sided 95% interval
# What "right" means, per kind (shown with each item and in the report).
QUESTIONS = {
    "quotes": "is this reported speech, said by this speaker, of this kind?",
    "entities": "does this mention name this entity (and is its type right)?",
    "dates": "does this expression mean this date?",
    "events": "are these reports of one event, on this date?",
}
_SMALL = 20_000  # a table of up to this many rows is shuffled whole; a larger one is sampled by random rowid
_CONTEXT = 160  # characters of the article shown on each side of an item


@dataclass
class Item:
    kind: str
    key: dict  # stable: {article, start, end} or {event}
    claim: str  # what extraction says, in one line
    context: str  # the text it was read from
    # what correcting it needs (`tui.correcting.review_fact`): the article's row id and the span, what extraction
    # says of it (speaker, kind, value, entity name and label); an event's reports, each as a date's span
    fact: dict = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        return json.dumps(self.key, sort_keys=True, ensure_ascii=False)


@dataclass
class Figure:
    kind: str
    right: int
    wrong: int
    skipped: int

    @property
    def reviewed(self) -> int:
        return self.right + self.wrong

    @property
    def share(self) -> float | None:
        return self.right / self.reviewed if self.reviewed else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.right, self.reviewed)

    def record(self) -> dict:
        low, high = self.interval or (None, None)
        return {
            "kind": self.kind,
            "reviewed": self.reviewed,
            "right": self.right,
            "wrong": self.wrong,
            "skipped": self.skipped,
            "share": self.share,
            "low": low,
            "high": high,
        }

    def line(self) -> str:
        if not self.reviewed:
            return f"{self.kind}: none reviewed" + (f" ({self.skipped} skipped)" if self.skipped else "")
        low, high = self.interval
        return (
            f"{self.kind}: {self.right}/{self.reviewed} right, {self.share:.0%} "
            f"(95% interval {low:.0%}–{high:.0%})" + (f", {self.skipped} skipped" if self.skipped else "")
        )


def wilson(right: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of a share `right`/`n` (None for n = 0): unlike the normal approximation it
    stays inside 0..1 and holds for small samples and shares near 0 or 1."""
    if n <= 0:
        return None
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # all right (or all wrong): the bound is 1 (or 0) exactly, which rounding in centre ± half can miss
    low = 0.0 if right == 0 else max(0.0, centre - half)
    high = 1.0 if right == n else min(1.0, centre + half)
    return low, high


# ---------------------------------------------------------------- drawing the sample

_SPAN_TABLES = {"quotes": "quote", "entities": "mention", "dates": "timex"}


def answered(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT item FROM review_answer WHERE kind=?", (kind,))}


def draw(conn: sqlite3.Connection, seed: int, per_kind: int, kinds: tuple[str, ...] = REVIEW_KINDS) -> list[Item]:
    """Up to `per_kind` items of each kind not answered yet, drawn at random with `seed`, interleaved by kind."""
    drawn = [_draw_kind(conn, kind, seed, per_kind) for kind in kinds]
    out = []
    for i in range(max((len(d) for d in drawn), default=0)):
        out += [d[i] for d in drawn if i < len(d)]
    return out


def _draw_kind(conn: sqlite3.Connection, kind: str, seed: int, n: int) -> list[Item]:
    rng = random.Random(f"{seed}:{kind}")
    done = answered(conn, kind)
    if kind == "events":
        ids = [r[0] for r in conn.execute("SELECT id FROM event ORDER BY id")]
        rng.shuffle(ids)
        keys = (json.dumps({"event": i}) for i in ids)
        return [_event_item(conn, json.loads(k)) for k in _fresh(keys, done, n)]
    table = _SPAN_TABLES[kind]
    total = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    if total <= _SMALL:
        rowids = [r[0] for r in conn.execute(f"SELECT id FROM {table} ORDER BY id")]
        rng.shuffle(rowids)
    else:
        rowids = _random_rowids(conn, table, rng, n * 20)
    keys = (json.dumps(k, sort_keys=True) for k in (_span_key(conn, table, i) for i in rowids) if k)
    return [_span_item(conn, kind, json.loads(k)) for k in _fresh(keys, done, n)]


def _fresh(keys, done: set[str], n: int) -> list[str]:
    out: list[str] = []
    for k in keys:
        if len(out) == n:
            break
        if k not in done and k not in out:
            out.append(k)
    return out


def _random_rowids(conn: sqlite3.Connection, table: str, rng: random.Random, tries: int):
    top = conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0
    for _ in range(tries):
        yield rng.randint(1, top)


def _span_key(conn: sqlite3.Connection, table: str, rowid: int) -> dict | None:
    row = conn.execute(
        f"SELECT a.key, t.start, t.end FROM {table} t JOIN article a ON a.id = t.article WHERE t.id=?", (rowid,)
    ).fetchone()
    return {"article": row[0], "start": row[1], "end": row[2]} if row else None


def context_of(text: str, start: int, end: int, width: int = _CONTEXT) -> str:
    """The span in its surroundings, the span in ⟦ ⟧, on one line."""
    a, b = max(0, start - width), min(len(text), end + width)
    line = (
        ("…" if a else "") + text[a:start] + "⟦" + text[start:end] + "⟧" + text[end:b] + ("…" if b < len(text) else "")
    )
    return " ".join(line.split())


def _as_said(words: str, kind: str, cue: str | None) -> str:
    """Words as the reader must take them (as the browser shows them): “own words”, `≈ reported speech` (never in
    quotation marks), a stance after its verb (`accuse: Washington of …`): a position held, no words reported."""
    if kind in QUOTED_KINDS:
        return f"“{words}”"
    if kind == "stance":
        return f"{cue or 'holds'}: {words}"
    return f"≈ {words}"


def _span_item(conn: sqlite3.Connection, kind: str, key: dict) -> Item:
    aid, text = conn.execute("SELECT id, text FROM article WHERE key=?", (key["article"],)).fetchone()
    where = "a.key=? AND t.start=? AND t.end=?"
    params = (key["article"], key["start"], key["end"])
    words = text[key["start"] : key["end"]]
    fact = {"article": aid, "start": key["start"], "end": key["end"], "text": words}
    if kind == "quotes":
        speaker, qkind, cue = conn.execute(
            "SELECT COALESCE(e.canonical, t.speaker_name), t.kind, t.cue FROM quote t JOIN article a ON a.id = t.article "
            f"LEFT JOIN entity e ON e.id = t.speaker_entity WHERE {where}",
            params,
        ).fetchone()
        claim = f"{speaker or 'no speaker'} ({qkind}): {_as_said(words, qkind, cue)}"
        fact.update(speaker=speaker, kind=qkind)
    elif kind == "entities":
        name, label = conn.execute(
            "SELECT e.canonical, e.label FROM mention t JOIN article a ON a.id = t.article "
            f"JOIN entity e ON e.id = t.entity WHERE {where}",
            params,
        ).fetchone()
        claim = f"“{words}” → {name} ({label})"
        fact.update(name=name, label=label)
    else:
        value = conn.execute(f"SELECT t.value FROM timex t JOIN article a ON a.id = t.article WHERE {where}", params)
        fact["value"] = value.fetchone()[0]
        claim = f"“{words}” → {fact['value'] or 'no value'}"
    return Item(kind, key, claim, f"{key['article']}: " + context_of(text, key["start"], key["end"]), fact)


def _event_item(conn: sqlite3.Connection, key: dict) -> Item:
    value, summary = conn.execute("SELECT value, summary FROM event WHERE id=?", (key["event"],)).fetchone()
    reports = conn.execute(
        "SELECT a.key, substr(a.text, r.start + 1, r.end - r.start), r.value, r.article, r.timex_start, r.timex_end, "
        "substr(a.text, r.timex_start + 1, r.timex_end - r.timex_start) FROM event_report r "
        "JOIN article a ON a.id = r.article WHERE r.event=? ORDER BY a.key, r.timex_start",
        (key["event"],),
    ).fetchall()
    context = " | ".join(f"[{i}] {r[0]} ({r[2]}): " + " ".join(r[1].split()) for i, r in enumerate(reports[:4], 1))
    more = f" | … {len(reports) - 4} more" if len(reports) > 4 else ""
    n = len(reports)
    dates = [{"article": r[3], "start": r[4], "end": r[5], "text": r[6], "value": r[2]} for r in reports]
    fact = {"value": value, "reports": dates}
    return Item("events", key, f"{value}: {summary} ({counted(n, 'report')})", context + more, fact)


# ---------------------------------------------------------------- answers and figures


def answer(conn: sqlite3.Connection, item: Item, said: str, seed: int) -> None:
    """Keep one answer (right, wrong or skip), in its own transaction."""
    if said not in ANSWERS:
        raise ValueError(f"an answer is one of {', '.join(ANSWERS)}, not {said!r}")
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO review_answer(kind, item, answer, seed, created) VALUES (?,?,?,?,?)",
            (item.kind, item.id, said, seed, utc_now()),
        )


def figures(conn: sqlite3.Connection) -> list[Figure]:
    """Per kind: how many answered right, wrong, skipped (every review so far)."""
    counts = {k: dict.fromkeys(ANSWERS, 0) for k in REVIEW_KINDS}
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='review_answer'").fetchone()
    if has:
        for kind, said, n in conn.execute("SELECT kind, answer, COUNT(*) FROM review_answer GROUP BY kind, answer"):
            if kind in counts and said in counts[kind]:
                counts[kind][said] = n
    return [Figure(k, c["right"], c["wrong"], c["skip"]) for k, c in counts.items()]
