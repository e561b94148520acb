"""The timeline of one article: recognise, interpret, direction, resolve; the records stored."""

from __future__ import annotations

import bisect
import json
import re

from model.dates import value_range
from model.records import Timex

from .candidates import Cand, candidates
from .context import Context
from .direction import LEAN_BACK, direction_of
from .interpret import interpret
from .resolve import resolve


def _sentence_index(doc):
    if doc is None:
        return lambda i: None
    starts = [s.start_char for s in doc.sents]

    def find(i: int) -> int | None:
        return max(0, bisect.bisect_right(starts, i) - 1) if starts else None

    return find


def extract_timexes(text: str, doc, published: str | None, *, uncertain: bool = False) -> list[Timex]:
    """Temporal expressions in `text`, TIMEX3-normalised against `published` (YYYY-MM-DD or None)."""
    ctx = Context(text, doc)
    sent_of = _sentence_index(doc)
    anchor = published[:10] if published else None
    ctx.anchor_year = int(anchor[:4]) if anchor and anchor[:4].isdigit() else None
    out: list[Timex] = []
    bare: list[tuple[int, Cand]] = []  # clock times with no day of their own

    def _extract_one(c: Cand) -> None:
        it = interpret(c, text, ctx)
        if it.drop:
            return
        surface = text[c.start : c.end]
        spec = it.spec
        value, basis = it.value, it.basis
        if spec is not None and spec.get("kind") == "abs":
            value, basis, spec = spec["value"], "the quarter last mentioned", None
        if spec is not None:
            if it.needs_dir and "dir" not in spec:
                direction, why = direction_of(doc, c.start, c.end, spec["kind"], text)
                if isinstance(direction, str):
                    spec["lean"] = -1 if direction == LEAN_BACK else 1
                    direction = 0
                if direction == 0 and spec["kind"] == "weekday":
                    direction, why = -1, (why + "; news reports a bare weekday as past by default")
                spec["dir"] = direction
                spec["why"] = why
        t = _timex(c, surface, it.type, spec, value, basis, anchor, uncertain, sent_of(c.start))
        value = t.value
        if c.kind == "time":
            bare.append((len(out), c))
        out.append(t)
        # a quarter named ('the third quarter', 'the latest quarter', 'the 1989 period'), not one a year back
        named = (
            c.kind in ("quarter", "qcode", "relunit") or c.kind == "period" and (value or "-")[:4] == (anchor or "")[:4]
        )
        if (
            named
            and it.type == "DATE"
            and value
            and re.fullmatch(r"\d{4}-Q[1-4]", value)
            and not re.search(r"year-ago|year-earlier|year-before|a year|last year", surface, re.I)
        ):
            ctx.quarters.append((c.start, {"spec": spec, "value": value, "q": int(value[-1])}))
        if (
            it.type in ("DATE", "TIME")
            and value
            and re.match(r"\d{4}-\d\d(?:-\d\d)?(?:T|$)", value)
            and c.kind not in ("time", "refmonth")
        ):
            ctx.refs.append(
                (
                    c.start,
                    "day" if re.match(r"\d{4}-\d\d-\d\d", value) else "month",
                    dict(spec) if spec is not None else {"kind": "abs", "value": value},
                )
            )
        if c.kind in ("year", "my", "mdy", "dmy", "iso") and spec is None and value and value[:4].isdigit():
            ctx.years.append((c.start, int(value[:4])))

    for c in candidates(text):
        try:
            _extract_one(c)
        except (ArithmeticError, ValueError):
            # a date out of range ("230013 years ago": no such year, a timedelta too large) is left out, never
            # the article; any other error is a bug, for the ingest's per-extractor guard to report
            continue
    # "at about 10:35 a.m. (0735 GMT) Friday": a bare clock time takes the day named nearest to it in its sentence
    for i, c in bare:
        t = out[i]
        days = [
            u
            for u in out
            if u is not t
            and u.sentence == t.sentence
            and u.type in ("DATE", "TIME")
            and u.value
            and re.match(r"\d{4}-\d\d-\d\d", u.value)
        ]
        if not days or t.sentence is None:
            continue
        u = min(days, key=lambda u: min(abs(u.start - t.end), abs(t.start - u.end)))
        base = json.loads(u.spec) if u.spec else {"kind": "abs", "value": u.value}
        spec = {"kind": "relref", "unit": "day", "n": 0, "base": base, "time": json.loads(t.spec)["t"], "near": True}
        out[i] = _timex(c, t.text, t.type, spec, None, "", anchor, uncertain, t.sentence)
    return out


def _timex(
    c: Cand, surface: str, typ: str, spec: dict | None, value, basis: str, anchor, uncertain: bool, sentence
) -> Timex:
    """The stored record: relative expressions resolved against the anchor, with the basis in words."""
    if spec is not None:
        if anchor:
            value, b = resolve(spec, anchor)
            basis = f"{surface} → {value}: {b}"
            if uncertain:
                basis += "; the publication date was inferred, so this value is uncertain"
        else:
            value, basis = None, f"{surface}: relative, and the publication date is unknown"
    else:
        basis = f"{surface} → {value}: {basis}"
    vs, ve = (value_range(value) or (None, None)) if typ in ("DATE", "TIME") else (None, None)
    return Timex(
        start=c.start,
        end=c.end,
        text=surface,
        type=typ,
        value=value,
        anchor=anchor if spec is not None else None,
        basis=basis,
        sentence=sentence,
        value_start=vs,
        value_end=ve,
        uncertain=bool(uncertain and spec is not None),
        spec=json.dumps(spec, ensure_ascii=False, sort_keys=True) if spec is not None else None,
    )
