"""What an export is narrowed to: `--speaker NAME`, `--since DATE`, `--until DATE`, `--kind A,B`, `--entity NAME`.

Each kind of record takes the filters that apply to it (`APPLIES`); one given to a kind it does not apply to, a
date that is not on the calendar, an unknown quote kind, entity type or name is a `SelectionError`, one line for
the user, before anything is written. Dates are YYYY, YYYY-MM or YYYY-MM-DD: `--since` from its first day,
`--until` to its last, both inclusive; a record dated by a span (a month, a week, an article known only to lie in
an interval) is in when the span overlaps. A record with no date is left out once a date is asked for.
- quotes: dated by when they were said (`said_on`), spoken by `--speaker` (its canonical name or an alias, case
  aside; a member of a joint speaker too), of the `--kind`s direct, partial, indirect, stance;
- statements: those with a quote the same filters keep;
- articles: by their publication date; timeline: by the dates' values, `--entity` named in the date's sentence;
- events: by their values, `--entity` among the participants or the place; entities: `--kind` their types
  (PERSON, ORG, …); mentions: `--entity`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields

from model.dates import value_range
from model.records import QUOTE_KINDS

DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")
APPLIES = {
    "articles": ("since", "until"),
    "quotes": ("speaker", "since", "until", "kinds"),
    "statements": ("speaker", "since", "until", "kinds"),
    "timeline": ("since", "until", "entity"),
    "events": ("since", "until", "entity"),
    "entities": ("kinds",),
    "mentions": ("entity",),
    "review": (),  # the review's figures: one row a kind, nothing to narrow
}
OPTION = {"speaker": "--speaker", "since": "--since", "until": "--until", "kinds": "--kind", "entity": "--entity"}


class SelectionError(ValueError):
    """A filter that cannot be applied as given: one line for the user."""


@dataclass(frozen=True)
class Selection:
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    kinds: tuple[str, ...] = ()
    entity: str | None = None

    @property
    def given(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


@dataclass(frozen=True)
class Narrowing:
    """A selection made ready for one kind's query: SQL conditions and their parameters, and what is checked on
    each row in Python (the events' values and participants)."""

    clauses: tuple[str, ...] = ()
    params: tuple = ()
    first: str | None = None  # the first and last day asked for
    last: str | None = None
    names: tuple[str, ...] = ()  # the entity's canonical names (events)

    def keeps_event(self, event: dict) -> bool:
        if self.first or self.last:
            days = value_range(event.get("value"))
            if days is None or not _overlaps(days, self.first, self.last):
                return False
        if self.names:
            named = {str(n).casefold() for n in [*(event.get("participants") or []), event.get("place") or ""]}
            return any(n.casefold() in named for n in self.names)
        return True


def _overlaps(days: tuple[str, str], first: str | None, last: str | None) -> bool:
    return (first is None or days[1] >= first) and (last is None or days[0] <= last)


def narrowing(conn: sqlite3.Connection, kind: str, sel: Selection) -> Narrowing:
    """`sel` for records of `kind`, checked; a SelectionError says what is wrong with it."""
    wrong = [OPTION[name] for name in sel.given if name not in APPLIES[kind]]
    if wrong:
        takes = ", ".join(OPTION[n] for n in APPLIES[kind]) or "no filter"
        raise SelectionError(f"{' and '.join(wrong)} does not apply to {kind} (it takes {takes})")
    first, last = _day(sel.since, "--since", 0), _day(sel.until, "--until", 1)
    if first and last and first > last:
        raise SelectionError(f"--since {sel.since} is after --until {sel.until}")
    return _NARROW[kind](conn, sel, first, last)


def _day(value: str | None, option: str, end: int) -> str | None:
    """The first (end=0) or last (end=1) day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    if value is None:
        return None
    days = value_range(value.strip()) if DATE.fullmatch(value.strip()) else None
    if days is None:
        raise SelectionError(f"{option}: not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return days[end]


def entity_ids(conn: sqlite3.Connection, name: str) -> tuple[int, ...]:
    """The entities a name names: by canonical name, else by alias (case aside)."""
    for sql in (
        "SELECT id FROM entity WHERE canonical = ? COLLATE NOCASE",
        "SELECT DISTINCT entity FROM alias WHERE alias = ? COLLATE NOCASE",
    ):
        ids = tuple(r[0] for r in conn.execute(sql, (name.strip(),)))
        if ids:
            return ids
    return ()


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _quotes(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    clauses, params = [], []
    have = {r[1] for r in conn.execute("PRAGMA table_info(quote)")}
    start, end = ("q.said_on_start", "q.said_on_end") if "said_on_start" in have else ("a.published", "a.published")
    if first:
        clauses.append(f"{end} >= ?")
        params.append(first)
    if last:
        clauses.append(f"{start} <= ?")
        params.append(last)
    if sel.kinds:
        unknown = [k for k in sel.kinds if k not in QUOTE_KINDS]
        if unknown:
            raise SelectionError(f"--kind: no quote kind {unknown[0]!r} (use {', '.join(QUOTE_KINDS)})")
        clauses.append(f"q.kind IN ({_marks(len(sel.kinds))})")
        params += sel.kinds
    if sel.speaker:
        ids = entity_ids(conn, sel.speaker)
        named = conn.execute("SELECT 1 FROM quote WHERE speaker_name = ? COLLATE NOCASE LIMIT 1", (sel.speaker,))
        if not ids and named.fetchone() is None:
            raise SelectionError(f"--speaker: no speaker or entity named {sel.speaker!r}")
        clauses.append(
            f"(q.speaker_name = ? COLLATE NOCASE OR q.speaker_entity IN ({_marks(len(ids))}) OR q.id IN "
            f"(SELECT quote FROM quote_speaker WHERE entity IN ({_marks(len(ids))})))"
        )
        params += [sel.speaker.strip(), *ids, *ids]
    return Narrowing(tuple(clauses), tuple(params))


def _statements(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    """The statements with at least one quote the quotes' narrowing keeps."""
    quotes = _quotes(conn, sel, first, last)
    if not quotes.clauses:
        return Narrowing()
    return Narrowing(
        (
            "id IN (SELECT qs.statement FROM quote_statement qs JOIN quote q ON q.id = qs.quote "
            f"JOIN article a ON a.id = q.article WHERE {' AND '.join(quotes.clauses)})",
        ),
        quotes.params,
    )


def _articles(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    clauses = (["published >= ?"] if first else []) + (["published <= ?"] if last else [])
    return Narrowing(tuple(clauses), tuple(d for d in (first, last) if d))


def _named(conn: sqlite3.Connection, sel: Selection) -> tuple[int, ...]:
    ids = entity_ids(conn, sel.entity) if sel.entity else ()
    if sel.entity and not ids:
        raise SelectionError(f"--entity: no entity named {sel.entity!r}")
    return ids


def _timeline(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    clauses = (["t.value_end >= ?"] if first else []) + (["t.value_start <= ?"] if last else [])
    params: list = [d for d in (first, last) if d]
    ids = _named(conn, sel)
    if ids:
        clauses.append(
            "EXISTS (SELECT 1 FROM sentence s JOIN mention m ON m.article = s.article AND m.start >= s.start "
            f"AND m.start < s.end WHERE s.article = t.article AND s.idx = t.sentence AND m.entity IN ({_marks(len(ids))}))"
        )
        params += ids
    return Narrowing(tuple(clauses), tuple(params))


def _events(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    ids = _named(conn, sel)
    names = tuple(r[0] for r in conn.execute(f"SELECT canonical FROM entity WHERE id IN ({_marks(len(ids))})", ids))
    return Narrowing(first=first, last=last, names=names)


def _entities(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    if not sel.kinds:
        return Narrowing()
    labels = {r[0] for r in conn.execute("SELECT DISTINCT label FROM entity WHERE label IS NOT NULL")}
    kinds = tuple(k.upper() for k in sel.kinds)
    unknown = [k for k in kinds if k not in labels]
    if unknown:
        raise SelectionError(f"--kind: no entities of type {unknown[0]!r} (types here: {', '.join(sorted(labels))})")
    return Narrowing((f"e.label IN ({_marks(len(kinds))})",), kinds)


def _mentions(conn: sqlite3.Connection, sel: Selection, first: str | None, last: str | None) -> Narrowing:
    ids = _named(conn, sel)
    return Narrowing((f"m.entity IN ({_marks(len(ids))})",), ids) if ids else Narrowing()


_NARROW = {
    "articles": _articles,
    "quotes": _quotes,
    "statements": _statements,
    "timeline": _timeline,
    "events": _events,
    "entities": _entities,
    "mentions": _mentions,
    "review": lambda conn, sel, first, last: Narrowing(),
}


def narrowed(sql: str, n: Narrowing) -> str:
    """`sql` (one SELECT with no WHERE of its own before its last ORDER BY) with the narrowing's conditions."""
    if not n.clauses:
        return sql
    at = sql.rindex(" ORDER BY ")
    return f"{sql[:at]} WHERE {' AND '.join(n.clauses)}{sql[at:]}"


def parse_kinds(value: str | None) -> tuple[str, ...]:
    """`direct,partial` → ("direct", "partial"): the `--kind` option's list, lower case (entity types are
    upper-cased where they are read), blanks left out."""
    return tuple(dict.fromkeys(k.strip().lower() for k in (value or "").split(",") if k.strip()))
