"""Reports of one event across articles, merged; the event's readings of its date, its value and its conflict.

Pure functions over `Report`s (no SQL). Two reports are of one event when their triggers are of the same or a
related kind (`model.lexicon.event_frames`), they share a participant, and their dates are compatible. Reports
dated to the day join when their days (or the day a stated weekday points to) lie at most
`CONFLICT_WINDOW_DAYS` apart: the same event, maybe misdated. A report dated to the month, then one dated to the
year, joins the one event its period contains, when exactly one fits; otherwise it joins the reports of its own
granularity it agrees with. Reports whose trigger names no kind of happening ("said", "rose") join others only on
the same day. The result does not depend on the order of the reports.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from model.dates import granularity, named_weekday, value_range
from model.lexicon.countries import COUNTRY_FORMS, OTHER_STATES
from model.lexicon.event_frames import (
    CONFLICT_WINDOW_DAYS,
    CONVERSE_TRIGGERS,
    NOUN_VERBS,
    RELATED_KINDS,
    THIRD_PERSON,
    TRIGGER_KINDS,
)

KINDS_OF: dict[str, frozenset[str]] = {}
for _kind, _words in TRIGGER_KINDS.items():
    for _w in _words.split():
        KINDS_OF[_w] = KINDS_OF.get(_w, frozenset()) | {_kind}

GRANULARITY_RANK = {"year": 0, "month": 1, "day": 2}
STATES = OTHER_STATES | {country for country, _names, _adjectives in COUNTRY_FORMS}


@dataclass
class Report:
    id: int
    article: str  # the article's key
    timex_start: int
    trigger: str
    value: str
    weekday_value: str | None = None
    basis: str = ""
    agents: list[str] = field(default_factory=list)  # canonical names
    patients: list[str] = field(default_factory=list)
    place: str | None = None
    trigger_at: int | None = None  # the trigger's offset in its article: one trigger with two dates is one span
    noun: bool = False  # the trigger is an event noun ("the talks"), not a verb
    timex_text: str = ""  # the date as the article wrote it
    place_named: str | None = (
        None  # a city, region or state its own sentence names as where it happened (`_places_clash`)
    )

    @property
    def weekday_agrees(self) -> bool:
        """The date names its day of month and a weekday it falls on ("Sunday, April 7" in 2024): two cues that
        agree (a weekday alone is where its day came from)."""
        return (
            self.weekday_value is None
            and granularity(self.value) == "day"
            and named_weekday(self.timex_text) is not None
        )

    @property
    def participants(self) -> set[str]:
        return set(self.agents) | set(self.patients)

    @property
    def readings(self) -> tuple[str, ...]:
        return (self.value, self.weekday_value) if self.weekday_value else (self.value,)


@dataclass
class Reading:
    value: str
    articles: list[str]
    basis: list[str]
    contradicted: bool  # every report giving it names a weekday the day does not fall on


@dataclass
class Event:
    id: str
    value: str
    summary: str
    trigger: str
    participants: list[str]
    place: str | None
    readings: list[Reading]
    conflict: bool
    reports: list[Report]


def related(a: str, b: str) -> bool:
    """The same trigger, or triggers of the same or related kinds."""
    if a == b:
        return True
    ka, kb = KINDS_OF.get(a, frozenset()), KINDS_OF.get(b, frozenset())
    return bool(ka & kb) or any(frozenset({x, y}) in RELATED_KINDS for x in ka for y in kb)


def _agree(a: Report, b: Report) -> bool:
    return (
        bool(a.participants & b.participants)
        and related(a.trigger, b.trigger)
        and not _converse(a, b)
        and not _other_counterparts(a, b)
        and not _places_clash(a, b)
    )


def _other_counterparts(a: Report, b: Report) -> bool:
    """Each names someone the other does not, both naming two or more ("Lavrov held talks with Wang", "Li met
    Lavrov later that day"): one participant's meetings with different people, two events. (A report naming
    fewer, or all of the other's and more, may be of the same event.)"""
    pa, pb = a.participants, b.participants
    return len(pa) >= 2 and len(pb) >= 2 and bool(pa - pb) and bool(pb - pa)


def _converse(a: Report, b: Report) -> bool:
    """One buys what the other sells, with the same one acting ("Britain bought grain", "Britain sold cars"): two
    events. (One event told from both sides has the buyer of one the seller of the other.)"""
    return any(
        (a.trigger in one and b.trigger in other or a.trigger in other and b.trigger in one)
        for one, other in CONVERSE_TRIGGERS
    ) and bool(set(a.agents) & set(b.agents))


def _same_cast(a: Report, b: Report) -> bool:
    """Enough of the same participants to take two different days for one event misdated: two shared, or the
    one same participant doing the same thing (a trip's meetings with different people stay apart, and a report
    naming one of them does not chain them together)."""
    pa, pb = a.participants, b.participants
    return len(pa & pb) >= 2 or (bool(pa) and pa == pb and a.trigger == b.trigger)


def _places_clash(a: Report, b: Report) -> bool:
    """Each names where it happened, and the two places cannot both be right: two cities (or regions), or two
    states ("met in Beijing on Tuesday", "attended a summit in Tianjin on Monday"). A state and a city may be one
    place ("visited Uzbekistan", "arrived in Tashkent"); a place told by a dateline alone is where the copy was
    filed, not where it happened, and is no place named."""
    pa, pb = a.place_named, b.place_named
    return pa is not None and pb is not None and pa != pb and (pa in STATES) == (pb in STATES)


def _day(value: str) -> _dt.date:
    return _dt.date.fromisoformat(value)


def _named(r: Report) -> bool:
    """The trigger names a kind of happening (`TRIGGER_KINDS`), not any verb ("said", "rose")."""
    return r.trigger in KINDS_OF


def _shifted(value: str, days: int) -> _dt.date | None:
    """The day `days` after `value`, or None past the calendar's ends."""
    try:
        return _day(value) + _dt.timedelta(days=days)
    except OverflowError:
        return None


def _near(a: Report, b: Report) -> bool:
    """Days of one event: the same day; or, for a named happening in two articles, days close enough to be the
    one event misdated (one article giving two days means two events; "said on Friday … said on Saturday" too)."""
    window = CONFLICT_WINDOW_DAYS if a.article != b.article and _named(a) and _named(b) else 0
    return any(abs((_day(x) - _day(y)).days) <= window for x in a.readings for y in b.readings)


def _inside(value: str, period: str) -> bool:
    inner, outer = value_range(value), value_range(period)
    return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _disjoint(a: str, b: str) -> bool:
    ra, rb = value_range(a), value_range(b)
    return ra is None or rb is None or ra[1] < rb[0] or rb[1] < ra[0]


class _Groups:
    """Union-find over report indexes, with each group's members."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)
            self.members[min(a, b)] += self.members.pop(max(a, b))

    def group(self, i: int) -> list[int]:
        return self.members[self.find(i)]


def cluster(reports: list[Report]) -> list[list[Report]]:
    """The reports grouped into events (each group in the order given). Candidates are found through an index
    of (participant, date), so a year of a large corpus costs about as many comparisons as it has reports."""
    reports = sorted(reports, key=lambda r: (r.article, r.timex_start, r.id))
    tiers = {g: [i for i, r in enumerate(reports) if granularity(r.value) == g] for g in GRANULARITY_RANK}
    groups = _Groups(len(reports))
    _join_days(reports, tiers["day"], groups)
    placed = list(tiers["day"])
    for tier in ("month", "year"):
        unplaced = _attach(reports, tiers[tier], placed, groups)
        _join_alike(reports, unplaced, groups)
        placed += tiers[tier]
    out: dict[int, list[Report]] = {}
    for i in placed:
        out.setdefault(groups.find(i), []).append(reports[i])
    return [sorted(g, key=lambda r: (r.article, r.timex_start)) for _, g in sorted(out.items())]


def _join_days(reports: list[Report], days: list[int], groups: _Groups) -> None:
    """Reports dated to the day: the same event when they agree and their days do. Reports giving the same day
    join first, then days close enough to be one event misdated, so a near day does not take a report from the
    event its own day names."""
    index: dict[tuple[str, _dt.date], list[int]] = {}
    for i in days:
        for p in reports[i].participants:
            for v in reports[i].readings:
                index.setdefault((p, _day(v)), []).append(i)
    for exact in (True, False):
        for i in days:
            a = reports[i]
            candidates = {
                j
                for p in a.participants
                for v in a.readings
                for shift in ((0,) if exact else range(-CONFLICT_WINDOW_DAYS, CONFLICT_WINDOW_DAYS + 1))
                for j in index.get((p, _shifted(v, shift)), ())
                if j > i
            }
            for j in sorted(candidates):
                b = reports[j]
                same_day = bool(set(a.readings) & set(b.readings))
                if (
                    _agree(a, b)
                    and (same_day if exact else _same_cast(a, b) and _near(a, b))
                    and _may_join(reports, groups, i, j)
                ):
                    groups.join(i, j)


def _may_join(reports: list[Report], groups: _Groups, i: int, j: int) -> bool:
    """Whether the groups of i and j may be one event: neither an article's two days (`_splits_an_article`) nor two
    reports with other counterparts (`_other_counterparts`) would be in it, chained by a report naming fewer."""
    if _splits_an_article(reports, groups, i, j):
        return False
    gi, gj = groups.group(i), groups.group(j)
    return gi is gj or not _counterparts_clash(reports, gi, gj)


def _counterparts_clash(reports: list[Report], these: list[int], those: list[int]) -> bool:
    """Some report of `these` and some of `those` name other counterparts (`_other_counterparts`)."""
    return any(_other_counterparts(reports[m], reports[n]) for m in these for n in those)


def _splits_an_article(reports: list[Report], groups: _Groups, i: int, j: int) -> bool:
    """Joining the groups of i and j would give one event two different days from one article ("met Funaro
    yesterday … today's talks with Funaro"): an article dating two days tells of two events, and a third
    article's day between them must not chain them into one (a false conflict). One trigger with two days
    ("met on Tuesday and Wednesday") is a span, not two events."""
    gi, gj = groups.group(i), groups.group(j)
    if gi is gj:
        return False
    by_article: dict[str, list[Report]] = {}
    for m in gi:
        by_article.setdefault(reports[m].article, []).append(reports[m])
    for n in gj:
        b = reports[n]
        for a in by_article.get(b.article, ()):
            if not set(a.readings) & set(b.readings) and (a.trigger_at is None or a.trigger_at != b.trigger_at):
                return True
    return False


def _attach(reports: list[Report], tier: list[int], placed: list[int], groups: _Groups) -> list[int]:
    """Reports dated to the month (or year) join the one event their period contains, when exactly one fits.
    Returns those that joined none."""
    members: dict[int, list[int]] = {}
    for i in placed:
        members.setdefault(groups.find(i), []).append(i)
    by_participant: dict[str, set[int]] = {}
    for root, ms in members.items():
        for m in ms:
            for p in reports[m].participants:
                by_participant.setdefault(p, set()).add(root)
    unplaced = []
    joins = []
    for i in tier:
        r = reports[i]
        if not _named(r):  # "said last year": too little to join another report by
            continue
        roots = sorted({root for p in r.participants for root in by_participant.get(p, ())})
        fits = [
            root
            for root in roots
            if any(_agree(r, reports[m]) for m in members[root])
            and all(any(_inside(v, r.value) for v in reports[m].readings) for m in members[root])
        ]
        if len(fits) == 1 and not _counterparts_clash(reports, [i], members[fits[0]]):
            joins.append((i, fits[0]))
        else:
            unplaced.append(i)
    for i, root in joins:  # after every report of the tier is decided: the order does not matter
        groups.join(i, root)
    return unplaced


def _join_alike(reports: list[Report], tier: list[int], groups: _Groups) -> None:
    """Reports of one month (or year) that joined no finer event: together when they agree."""
    index: dict[tuple[str, str], list[int]] = {}
    for i in tier:
        for p in reports[i].participants:
            index.setdefault((p, reports[i].value), []).append(i)
    for i in tier:
        a = reports[i]
        for j in sorted({j for p in a.participants for j in index.get((p, a.value), ()) if j > i}):
            if _agree(a, reports[j]) and _may_join(reports, groups, i, j):
                groups.join(i, j)


def readings(reports: list[Report]) -> list[Reading]:
    """Each distinct date reading of the reports: who gives it and on what basis. A weekday that contradicts its
    day of month offers the day it points to as a reading of its own."""
    by_value: dict[str, Reading] = {}

    def add(value: str, article: str, basis: str, contradicted: bool) -> None:
        rd = by_value.setdefault(value, Reading(value, [], [], True))
        if article not in rd.articles:
            rd.articles.append(article)
        if basis not in rd.basis:
            rd.basis.append(basis)
        rd.contradicted = rd.contradicted and contradicted

    for r in reports:
        if r.weekday_value:
            add(r.value, r.article, f"{r.basis} (its weekday falls on {r.weekday_value})", True)
            add(r.weekday_value, r.article, f"the weekday named, not the day of month ({r.value})", False)
        else:
            add(r.value, r.article, r.basis, False)
    return sorted(by_value.values(), key=lambda rd: rd.value)


def has_conflict(rds: list[Reading], reports: list[Report] = ()) -> bool:
    """Two readings that cannot both be true (neither contains the other), unless one trigger carries both
    ("met on Tuesday and Wednesday": a span of days, not a disagreement)."""
    spans = {}
    for r in reports:
        spans.setdefault((r.article, r.trigger_at), set()).add(r.value)
    together = [s for s in spans.values() if len(s) > 1]

    def excused(a: str, b: str) -> bool:
        return any(a in s and b in s for s in together)

    return any(
        _disjoint(a.value, b.value) and not excused(a.value, b.value) for i, a in enumerate(rds) for b in rds[i + 1 :]
    )


def best_value(reports: list[Report], rds: list[Reading]) -> str:
    """The reading best supported: not contradicted by its own weekday, given or contained by more reports, given
    with a weekday it falls on, the more specific."""

    def support(rd: Reading) -> tuple:
        backing = sum(any(_inside(rd.value, v) for v in r.readings) for r in reports)
        agreeing = any(r.weekday_agrees and r.value == rd.value for r in reports)
        rank = GRANULARITY_RANK.get(granularity(rd.value) or "", -1)
        return (not rd.contradicted, backing, agreeing, rank, rd.value)

    return max(rds, key=support).value


def event_of(reports: list[Report]) -> Event:
    """One merged event from its reports."""
    rds = readings(reports)
    names = Counter(n for r in reports for n in dict.fromkeys([*r.agents, *r.patients]))
    places = Counter(r.place for r in reports if r.place)
    place = min(places, key=lambda p: (-places[p], p)) if places else None
    triggers = Counter(r.trigger for r in reports)
    trigger = min(triggers, key=lambda t: (-triggers[t], t))
    first = min(reports, key=lambda r: (r.article, r.timex_start))
    return Event(
        id="e" + hashlib.sha1(f"{first.article}\x00{first.timex_start}".encode()).hexdigest()[:15],
        value=best_value(reports, rds),
        summary=summary(reports, place),
        trigger=trigger,
        participants=sorted(names, key=lambda n: (-names[n], n)),
        place=place,
        readings=rds,
        conflict=has_conflict(rds, reports),
        reports=reports,
    )


def summary(reports: list[Report], place: str | None) -> str:
    """One line: who did what to whom, where ("Vladimir Putin welcomes Wang Yi · Moscow"), from the report whose
    frame names most (one who acts on another first, then the more specific date)."""
    r = max(
        reports,
        key=lambda r: (
            len(set(r.agents)) + len(set(r.patients)),
            bool(r.agents) and bool(r.patients),
            bool(r.agents),
            GRANULARITY_RANK.get(granularity(r.value) or "", -1),
            -r.id,
        ),
    )
    agents = list(dict.fromkeys(r.agents))
    patients = [p for p in dict.fromkeys(r.patients) if p not in agents]
    if agents and (not r.noun or r.trigger in NOUN_VERBS):
        verb = NOUN_VERBS.get(r.trigger, r.trigger)
        if not patients:
            verb = verb.removesuffix(" with")  # "Xi Jinping holds talks", not "… holds talks with"
        words = [_names(agents), verb if len(agents) > 1 else _third_person(verb), _names(patients)]
    elif agents:  # "Iris Resende: news conference"
        words = [f"{_names(agents)}:", r.trigger, _names(patients)]
    else:
        words = [f"{r.trigger}:" if patients else r.trigger, _names(patients)]
    line = " ".join(w for w in words if w)
    return f"{line} · {place}" if place else line


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _third_person(verb: str) -> str:
    """'welcome' → 'welcomes', 'hold talks' → 'holds talks'."""
    first, _, rest = verb.partition(" ")
    if first in THIRD_PERSON:
        first = THIRD_PERSON[first]
    elif first.endswith(("s", "sh", "ch", "x", "z", "o")):
        first += "es"
    elif first.endswith("y") and len(first) > 1 and first[-2] not in "aeiou":
        first = first[:-1] + "ies"
    else:
        first += "s"
    return f"{first} {rest}".strip()
