"""The timeline of one article: recognise, interpret, direction, resolve; the records stored."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from model.dates import value_range
from model.extract.datelines import dateline_spans, inside
from model.lexicon.time_words import FIGURATIVE_PAIRS
from model.records import Timex

from .anchoring import events_of
from .candidates import Cand, candidates
from .context import Context
from .direction import LEAN_BACK, direction_of
from .interpret import Interp, interpret
from .resolve import resolve, resolve_between


def _sentence_index(doc):
    """Offset → the index of the sentence holding it (None without a parse)."""
    if doc is None:
        return lambda i: None
    starts = [s.start_char for s in doc.sents]

    def find(i: int) -> int | None:
        return max(0, bisect.bisect_right(starts, i) - 1) if starts else None

    return find


@dataclass
class Run:
    """One article's extraction: its text and parse, the anchor, and the records so far."""

    text: str
    doc: object
    ctx: Context
    anchor: str | None
    uncertain: bool
    interval: tuple[str, str] | None  # (earliest, latest) when the publication date is known only to lie between
    sent_of: Callable[[int], int | None]
    out: list[Timex] = field(default_factory=list)
    bare: list[tuple[int, Cand]] = field(default_factory=list)  # clock times with no day of their own


def _settle_direction(spec: dict, c: Cand, run: Run) -> None:
    """The side of the anchor an expression lies on, from the parse (a lean is kept apart in `lean`)."""
    direction, why = direction_of(run.doc, c.start, c.end, spec["kind"], run.text)
    if isinstance(direction, str):
        spec["lean"] = -1 if direction == LEAN_BACK else 1
        direction = 0
    if direction == 0 and spec["kind"] == "weekday":
        direction, why = -1, (why + "; news reports a bare weekday as past by default")
    spec["dir"] = direction
    spec["why"] = why


def _names_a_quarter(c: Cand, it: Interp, value: str | None, run: Run) -> bool:
    """A quarter named ('the third quarter', 'the latest quarter', 'the 1989 period'), not one a year back."""
    named = (
        c.kind in ("quarter", "qcode", "relunit") or c.kind == "period" and (value or "-")[:4] == (run.anchor or "")[:4]
    )
    return bool(
        named
        and it.type == "DATE"
        and value
        and re.fullmatch(r"\d{4}-Q[1-4]", value)
        and not re.search(r"year-ago|year-earlier|year-before|a year|last year", run.text[c.start : c.end], re.I)
    )


def _names_a_day_or_month(c: Cand, it: Interp, value: str | None) -> bool:
    return bool(
        it.type in ("DATE", "TIME")
        and value
        and re.match(r"\d{4}-\d\d(?:-\d\d)?(?:T|$)", value)
        and c.kind not in ("time", "refmonth")
    )


def _remember(c: Cand, it: Interp, spec: dict | None, value: str | None, run: Run) -> None:
    """What later expressions may refer to: the quarters named, the dates and the years mentioned."""
    ctx = run.ctx
    if _names_a_quarter(c, it, value, run):
        ctx.quarters.append((c.start, {"spec": spec, "value": value, "q": int(value[-1])}))
    if _names_a_day_or_month(c, it, value):
        gran = "day" if re.match(r"\d{4}-\d\d-\d\d", value) else "month"
        ctx.refs.append((c.start, gran, dict(spec) if spec is not None else {"kind": "abs", "value": value}))
    if c.kind in ("year", "my", "mdy", "dmy", "iso") and spec is None and value and value[:4].isdigit():
        ctx.years.append((c.start, int(value[:4])))


def _extract_one(c: Cand, run: Run) -> None:
    """Interpret one candidate, give it a direction if it needs one, resolve and store it."""
    it = interpret(c, run.text, run.ctx)
    if it.drop:
        return
    if it.type == "DURATION":
        c.start = _past_the_verb_last(c, run)
    surface = run.text[c.start : c.end]
    spec = it.spec
    value, basis = it.value, it.basis
    if spec is not None and spec.get("kind") == "abs":
        value, basis, spec = spec["value"], "the quarter last mentioned", None
    if spec is not None and it.needs_dir and "dir" not in spec:
        _settle_direction(spec, c, run)
    t = _timex(c, surface, it.type, spec, value, basis, run, run.sent_of(c.start))
    if c.kind == "time":
        run.bare.append((len(run.out), c))
    run.out.append(t)
    _remember(c, it, spec, t.value, run)


def _past_the_verb_last(c: Cand, run: Run) -> int:
    """Where a duration starts: after a first word "last" that is the verb ("will last five days", "to last a
    week": the expression is "five days"), not the adjective ("the last two weeks")."""
    m = re.match(r"last\s+", run.text[c.start : c.end], re.IGNORECASE)
    if m is None or run.doc is None:
        return c.start
    span = run.doc.char_span(c.start, c.start + 4)
    return c.start + m.end() if span is not None and span.root.pos_ in ("VERB", "AUX") else c.start


def _date_bare_times(run: Run) -> None:
    """`at about 10:35 a.m. (0735 GMT) Friday`: a bare clock time takes the day named nearest to it in its
    sentence."""
    out = run.out
    for i, c in run.bare:
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
        out[i] = _timex(c, t.text, t.type, spec, None, "", run, t.sentence)


def extract_timexes(
    text: str, doc, published: str | None, *, uncertain: bool = False, interval: tuple[str, str] | None = None
) -> list[Timex]:
    """Temporal expressions in `text`, TIMEX3-normalised against `published` (YYYY-MM-DD or None); with no
    `published` but an `interval` (earliest, latest) the publication date lies in, against both its ends
    (`resolve_between`), every such value marked uncertain."""
    anchor = published[:10] if published else None
    year = anchor[:4] if anchor else interval[0][:4] if interval and interval[0][:4] == interval[1][:4] else None
    ctx = Context(text, doc, int(year) if year and year.isdigit() else None)
    run = Run(
        text, doc, ctx, anchor, uncertain or interval is not None, None if anchor else interval, _sentence_index(doc)
    )
    for c in candidates(text):
        try:
            _extract_one(c, run)
        except (ArithmeticError, ValueError):
            # a date out of range ("230013 years ago": no such year, a timedelta too large) is left out, never
            # the article; any other error is a bug, for the ingest's per-extractor guard to report
            continue
    _date_bare_times(run)
    _drop_figurative_pairs(run)
    _anchor_events(run)
    return run.out


def _drop_figurative_pairs(run: Run) -> None:
    """`Ukraine today could be Taiwan tomorrow`, `Hong Kong yesterday, Taiwan today`: a pair of FIGURATIVE_PAIRS
    in one sentence, each word right after a proper name, contrasts the names and dates nothing."""
    pair_words = {w for pair in FIGURATIVE_PAIRS for w in pair}
    if run.doc is None or sum(t.text.lower() in pair_words for t in run.out) < 2:
        return  # most articles: no pair, and no walk over the parse
    dropped = set()
    for sent in run.doc.sents:
        after_name = {w.lower_: w.idx for w in sent if w.i > sent.start and run.doc[w.i - 1].pos_ == "PROPN"}
        for first, second in FIGURATIVE_PAIRS:
            if first in after_name and second in after_name and after_name[first] < after_name[second]:
                dropped |= {after_name[first], after_name[second]}
    if dropped:
        run.out[:] = [t for t in run.out if t.start not in dropped]


def _anchor_events(run: Run) -> None:
    """Each expression's event: the verb or event noun it dates, from the parse (`anchoring`). A date in a wire
    dateline ("BEIJING, May 16 (Xinhua) --") says when the copy was filed: it dates no event of the lede."""
    if run.doc is None:
        return
    filed = dateline_spans(run.text)
    dated = [t for t in run.out if not inside(filed, t.start)]
    for t, (start, end) in zip(dated, events_of(run.doc, [(t.start, t.end) for t in dated])):
        t.event_start, t.event_end = start, end


def _resolved(spec: dict, surface: str, run: Run) -> tuple[str | None, str, str | None]:
    """A relative expression's value, basis and anchor: against the publication date, or both ends of the
    interval it lies in, or none."""
    if run.anchor:
        value, b = resolve(spec, run.anchor)
        basis = f"{surface} → {value}: {b}"
        if run.uncertain:
            basis += "; the publication date was inferred, so this value is uncertain"
        return value, basis, run.anchor
    if run.interval:
        value, b = resolve_between(spec, *run.interval)
        basis = f"{surface} → {value}: {b}; the publication date is not stated, so this value is uncertain"
        return value, basis, "/".join(run.interval)
    return None, f"{surface}: relative, and the publication date is unknown", None


def _timex(c: Cand, surface: str, typ: str, spec: dict | None, value, basis: str, run: Run, sentence) -> Timex:
    """The stored record: relative expressions resolved against the anchor, with the basis in words."""
    anchor = None
    if spec is not None:
        value, basis, anchor = _resolved(spec, surface, run)
    else:
        basis = f"{surface} → {value}: {basis}"
    vs, ve = (value_range(value) or (None, None)) if typ in ("DATE", "TIME") else (None, None)
    return Timex(
        start=c.start,
        end=c.end,
        text=surface,
        type=typ,
        value=value,
        anchor=anchor,
        basis=basis,
        sentence=sentence,
        value_start=vs,
        value_end=ve,
        uncertain=bool(run.uncertain and spec is not None and anchor is not None),
        spec=json.dumps(spec, ensure_ascii=False, sort_keys=True) if spec is not None else None,
    )
