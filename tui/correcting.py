"""Corrections from the browser, as plain functions: which ones apply to the fact under the cursor, the confirm
line each asks on, and the correction it makes of what was typed there (`model.corrections.correct`).

Facts are what the provenance shows (`navigation.fact_in_reader`, `navigation.FACT_OF_ROW`): a quote, a date
(or an event's date), a mention, an entity row, an article. The menu's keys are bindings (`bindings.CORRECT_MENU`,
ids `correct.*`), so a user may remap them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tui.text import clean


@dataclass(frozen=True)
class Action:
    name: str  # the menu binding's argument
    label: str  # one line in the menu
    asks: str  # the confirm line's placeholder: what to type, or only enter to confirm
    typed: bool = True  # whether what is typed is the value (else the line only confirms)


UNDO = Action("undo", "undo", "undo your latest correction? enter confirms, escape cancels", typed=False)


def _short(text: str | None, n: int = 40) -> str:
    text = clean(text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


def actions(kind: str, fact) -> list[Action]:
    """The corrections that apply to `fact` (of `kind`), in menu order."""
    if kind == "quote":
        return [
            Action("speaker", "set the speaker", "the speaker's name (enter sets it, escape cancels)"),
            Action("clear_speaker", "clear the speaker", "no speaker: enter confirms, escape cancels", typed=False),
            Action("kind", "change its kind", "direct, partial, indirect or stance (enter sets it)"),
            Action("reject", "reject: not a quote", f"reject “{_short(fact.text)}”? enter confirms", typed=False),
            Action("statement", "its statement grouping is wrong", "mark it? enter confirms", typed=False),
        ]
    if kind in ("date", "event"):
        return [
            Action("value", "set its value", "YYYY, YYYY-MM or YYYY-MM-DD (enter sets it, escape cancels)"),
            Action("reject", "reject: not a date", f"reject “{_short(fact.text)}”? enter confirms", typed=False),
            Action("split", "split its report off its event", "split it off? enter confirms", typed=False),
            Action("merge", "merge its event with another (m here, then on the other)", "merge? enter confirms", False),
        ]
    if kind in ("mention", "entity-row"):
        out = [Action("merge", "merge the entity into another", "the entity to merge it into (enter merges)")]
        if kind == "mention":
            out.append(Action("split", f"split the alias “{_short(fact.text, 24)}” off", "into the entity named"))
        out += [
            Action("rename", "rename the entity", "its new name (enter renames, escape cancels)"),
            Action("type", "set the entity's type", "PERSON, ORG, GPE, NORP, LOC, … (enter sets it)"),
        ]
        return out
    if kind == "article":
        return [Action("date", "set the publication date", "YYYY-MM-DD (enter sets it, escape cancels)")]
    return []


def entity_name(kind: str, fact) -> str | None:
    return getattr(fact, "name", None) if kind in ("mention", "entity-row") else None


def prefill(action: Action, kind: str, fact) -> str:
    """What the confirm line starts with: the value as it is, to edit."""
    values = {
        "speaker": getattr(fact, "speaker", None),
        "kind": getattr(fact, "kind", None),
        "value": getattr(fact, "value", None),
        "rename": entity_name(kind, fact),
        "type": getattr(fact, "label", None),
        "split": getattr(fact, "text", None),
        "date": getattr(fact, "published", None),
    }
    return clean(values.get(action.name) or "") if action.typed else ""


def request(action: str, kind: str, fact, typed: str, article_key: str | None, other_event: dict | None = None):
    """(correction kind, target, value) of `action` on `fact` with what was `typed`, or a one-line reason."""
    typed = typed.strip()
    if not typed and any(a.name == action and a.typed for a in actions(kind, fact)):
        return "type a value first (escape cancels)"
    if kind == "quote":
        span = {"article": article_key, "start": fact.start, "end": fact.end}
        return {
            "speaker": ("quote_speaker", span, {"speaker": typed}),
            "clear_speaker": ("quote_speaker", span, {"speaker": None}),
            "kind": ("quote_kind", span, {"kind": typed.lower()}),
            "reject": ("quote_reject", span, {}),
            "statement": ("statement_wrong", span, {}),
        }[action]
    if kind in ("date", "event"):
        span = {"article": article_key, "start": fact.start, "end": fact.end}
        report = {"article": article_key, "timex_start": fact.start}
        if action == "merge":
            if other_event is None:
                return "merge: press m on the other event's date too"
            return ("event_merge", other_event, report)
        return {
            "value": ("date_value", span, {"value": typed}),
            "reject": ("date_reject", span, {}),
            "split": ("event_split", report, {}),
        }[action]
    if kind in ("mention", "entity-row"):
        name = entity_name(kind, fact)
        if not name:
            return "this mention names no entity"
        return {
            "merge": ("entity_merge", {"entity": name}, {"into": typed}),
            "rename": ("entity_rename", {"entity": name}, {"name": typed}),
            "type": ("entity_type", {"entity": name}, {"label": typed.upper()}),
            "split": ("entity_split", {"entity": name, "alias": clean(getattr(fact, "text", ""))}, {"into": typed}),
        }[action]
    if kind == "article":
        return ("article_date", {"article": fact.key}, {"published": typed})
    return "nothing to correct here"


# ---------------------------------------------------------------- writing one


def write_correction(path, action: str | None, kind: str | None, fact, typed: str, mark) -> tuple[str, str, bool]:
    """Make the correction `action` of `fact` with what was `typed` (None: undo the latest), through a connection
    of its own, only while no ingest is writing: (message, severity, whether the corpus changed)."""
    from model import corrections
    from model.corpus import store, writer_lock

    changed, severity = False, "information"
    try:
        with writer_lock.holding_if_free(path) as held:
            if not held:
                message, severity = "an ingest is writing the database: correct when it has finished", "warning"
            else:
                conn = store.connect(path)
                try:
                    message = _undo_latest(conn) if action is None else _correct(conn, action, kind, fact, typed, mark)
                    changed = not message.startswith("nothing")
                finally:
                    conn.close()
    except (corrections.CorrectionError, ValueError) as e:
        message, severity = str(e), "warning"
    except (sqlite3.Error, store.StoreError, OSError) as e:
        message, severity = f"could not correct: {e}", "error"
    return message, severity, changed


def _article_key(conn: sqlite3.Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT key FROM article WHERE id=?", (article_id,)).fetchone()
    return row[0] if row else None


def _correct(conn: sqlite3.Connection, action: str, kind: str, fact, typed: str, mark) -> str:
    from model import corrections

    key = _article_key(conn, fact.article) if kind in ("quote", "date", "event") else None
    other = {"article": _article_key(conn, mark[0]), "timex_start": mark[1]} if mark else None
    made = request(action, kind, fact, typed, key, other)
    if isinstance(made, str):
        return "nothing changed: " + made
    c = corrections.correct(conn, *made)
    return f"corrected: {c.describe()} · u undoes"


def _undo_latest(conn: sqlite3.Connection) -> str:
    from model import corrections
    from model.corpus.query import corrections as notes

    latest = notes.latest(conn)
    if latest is None:
        return "nothing to undo: no corrections"
    c = corrections.undo(conn, latest.id)
    return f"undone: {c.describe()}"


# ---------------------------------------------------------------- from the review


@dataclass(frozen=True)
class Fact:
    """A review item as the corrections read a fact (`actions`, `prefill`, `request`): the article's row id, the
    span, and what extraction says of it."""

    article: int
    start: int
    end: int
    text: str = ""
    speaker: str | None = None
    kind: str | None = None
    value: str | None = None
    name: str | None = None
    label: str | None = None


# review kind -> (the kind of fact it is, the corrections a wrong answer offers, in menu order)
REVIEW_ACTIONS = {
    "quotes": ("quote", ("speaker", "clear_speaker", "kind", "reject")),
    "dates": ("date", ("value", "reject")),
    "entities": ("mention", ("merge", "split", "type")),
    "events": ("event", ("value", "split", "merge")),
}
PICK_REPORT = "the report to split off: its number as listed, 1 to {n} (enter splits, escape cancels)"


def review_fact(kind: str, fact: dict, report: int = 1) -> tuple[str, Fact] | None:
    """(kind of fact, fact) of a review item of `kind` (`model.corpus.review.Item.fact`); of an event, its report
    number `report` as listed (its date: what the browser corrects of an event), the event's date as its value."""
    what = REVIEW_ACTIONS[kind][0]
    if kind != "events":
        return what, Fact(**{k: v for k, v in fact.items() if k in Fact.__dataclass_fields__})
    reports = fact.get("reports") or []
    if not 1 <= report <= len(reports):
        return None
    r = reports[report - 1]
    value = fact.get("value") if report == 1 else r.get("value")
    return what, Fact(r["article"], r["start"], r["end"], r.get("text") or "", value=value)


def review_actions(kind: str, fact: dict) -> list[Action]:
    """The corrections a wrong answer on a review item offers: those of its fact in the browser; an event's
    split asks which of its reports, when it has more than one."""
    found = review_fact(kind, fact)
    if found is None:
        return []
    names = REVIEW_ACTIONS[kind][1]
    out = [a for a in actions(*found) if a.name in names]
    n = len(fact.get("reports") or [])
    if kind == "events" and n > 1:
        out = [Action(a.name, a.label, PICK_REPORT.format(n=n)) if a.name == "split" else a for a in out]
    return sorted(out, key=lambda a: names.index(a.name))
