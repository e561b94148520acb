"""Corrections from the browser, as plain functions: which ones apply to the fact under the cursor, the confirm
line each asks on, and the correction it makes of what was typed there (`model.corrections.correct`).

Facts are what the provenance shows (`navigation.fact_in_reader`, `navigation.FACT_OF_ROW`): a quote, a date
(or an event's date), a mention, an entity row, an article. The menu's keys are bindings (`bindings.CORRECT_MENU`,
ids `correct.*`), so a user may remap them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.text import clean


@dataclass(frozen=True)
class Action:
    name: str  # the menu binding's argument
    label: str  # one line in the menu
    asks: str  # the confirm line's placeholder: what to type, or only enter to confirm
    typed: bool = True  # whether what is typed is the value (else the line only confirms)


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
