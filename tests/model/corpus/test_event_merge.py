"""Reports merged into events across articles: when they merge, when not, their readings and conflicts."""

from __future__ import annotations

from model.corpus.event_merge import Report, cluster, event_of, related


def _r(rid, article, trigger, value, agents=(), patients=(), weekday=None, place=None) -> Report:
    return Report(rid, article, rid * 10, trigger, value, weekday, "test", list(agents), list(patients), place=place)


def _groups(reports) -> list[set[int]]:
    return sorted(({r.id for r in g} for g in cluster(reports)), key=min)


def test_related_triggers_of_one_kind_and_of_related_kinds():
    assert related("welcome", "visit") and related("host", "talks") and related("host", "declare")
    assert related("land", "arrive") and related("fly", "visit")  # "landed in Moscow", "arrived in Moscow"
    assert not related("warn", "welcome") and not related("invade", "visit")


def test_reports_of_one_meeting_merge_across_articles():
    reports = [
        _r(1, "a", "welcome", "2021-06-09", ["Ana Ruiz"], ["Tom Berg"]),
        _r(2, "b", "talks", "2021-06-09", [], ["Tom Berg"]),
        _r(3, "c", "visit", "2021-06", ["Tom Berg"], place="Lisbon"),
    ]
    assert _groups(reports) == [{1, 2, 3}]
    ev = event_of(cluster(reports)[0])
    assert ev.value == "2021-06-09"  # known to the day: shown as a day though one report says the month
    assert not ev.conflict  # the month contains the day
    assert ev.place == "Lisbon" and set(ev.participants) == {"Ana Ruiz", "Tom Berg"}
    assert ev.summary == "Ana Ruiz welcomes Tom Berg · Lisbon"


def test_different_participants_do_not_merge():
    reports = [_r(1, "a", "meet", "2021-06-09", ["Ana Ruiz"]), _r(2, "b", "meet", "2021-06-09", ["Lee Park"])]
    assert _groups(reports) == [{1}, {2}]


def test_incompatible_dates_do_not_merge():
    reports = [
        _r(1, "a", "meet", "2021-06-09", ["Ana Ruiz"]),
        _r(2, "b", "meet", "2021-06-20", ["Ana Ruiz"]),
        _r(3, "c", "meet", "2021-07", ["Ana Ruiz"]),
    ]
    assert _groups(reports) == [{1}, {2}, {3}]


def test_unrelated_triggers_do_not_merge():
    reports = [_r(1, "a", "warn", "2021-06-09", ["Ana Ruiz"]), _r(2, "b", "welcome", "2021-06-09", ["Ana Ruiz"])]
    assert _groups(reports) == [{1}, {2}]


def test_a_month_fitting_two_events_joins_neither():
    reports = [
        _r(1, "a", "meet", "2021-06-02", ["Ana Ruiz"]),
        _r(2, "b", "meet", "2021-06-25", ["Ana Ruiz"]),
        _r(3, "c", "meet", "2021-06", ["Ana Ruiz"]),
    ]
    assert _groups(reports) == [{1}, {2}, {3}]


def test_days_close_together_are_one_event_in_conflict():
    reports = [
        _r(1, "a", "meet", "2021-06-09", ["Ana Ruiz"], ["Tom Berg"]),
        _r(2, "b", "meet", "2021-06-11", ["Tom Berg", "Ana Ruiz"]),
        _r(3, "c", "meet", "2021-06-09", ["Ana Ruiz"]),
    ]
    (group,) = cluster(reports)
    ev = event_of(group)
    assert ev.conflict
    assert [(rd.value, rd.articles) for rd in ev.readings] == [("2021-06-09", ["a", "c"]), ("2021-06-11", ["b"])]
    assert ev.value == "2021-06-09"  # more reports


def test_a_weekday_that_contradicts_its_day_is_flagged_and_its_reading_wins():
    reports = [
        # "Monday, June 9th" in 2021: the 9th was a Wednesday; the Monday is the 7th
        _r(1, "a", "meet", "2021-06-09", ["Ana Ruiz"], weekday="2021-06-07"),
        _r(2, "b", "meet", "2021-06-07", ["Ana Ruiz"]),
    ]
    (group,) = cluster(reports)
    ev = event_of(group)
    assert ev.conflict and ev.value == "2021-06-07"
    by_value = {rd.value: rd for rd in ev.readings}
    assert by_value["2021-06-07"].articles == ["a", "b"] and by_value["2021-06-09"].contradicted
    alone = event_of([_r(3, "c", "meet", "2021-06-09", ["Ana Ruiz"], weekday="2021-06-07")])
    assert alone.conflict and alone.value == "2021-06-07"


def test_of_two_readings_one_each_the_one_given_with_the_weekday_it_falls_on_wins():
    arrived = _r(1, "a", "arrive", "2021-06-08", ["Ana Ruiz"])  # "arrived on June 8"
    sunday = _r(2, "b", "arrive", "2021-06-06", ["Ana Ruiz"])  # "arrived on Sunday, June 6": a Sunday in 2021
    sunday.timex_text = "Sunday, June 6"
    ev = event_of(cluster([arrived, sunday])[0])
    assert ev.conflict and ev.value == "2021-06-06"
    sunday.timex_text = "Sunday"  # a weekday alone is where its day came from: no second cue
    assert event_of(cluster([arrived, sunday])[0]).value == "2021-06-08"


def test_a_coarser_reading_is_no_conflict():
    reports = [_r(1, "a", "sign", "2020-03-05", ["Ana Ruiz"]), _r(2, "b", "declare", "2020", ["Ana Ruiz"])]
    (group,) = cluster(reports)
    ev = event_of(group)
    assert not ev.conflict and ev.value == "2020-03-05"
    joint = event_of([_r(3, "c", "sign", "2020-03-05", ["Ana Ruiz", "Tom Berg"])])
    assert joint.summary == "Ana Ruiz and Tom Berg sign"  # joint subjects: the plural


def test_the_merge_does_not_depend_on_the_order_of_the_reports():
    reports = [
        _r(1, "a", "meet", "2021-06-09", ["Ana Ruiz"]),
        _r(2, "b", "visit", "2021-06", ["Ana Ruiz"]),
        _r(3, "c", "host", "2021", ["Ana Ruiz"]),
        _r(4, "d", "meet", "2021-06-10", ["Ana Ruiz"]),
    ]
    assert _groups(reports) == _groups(list(reversed(reports))) == [{1, 2, 3, 4}]


def test_one_trigger_with_two_days_is_a_span_not_a_conflict():
    reports = [
        Report(1, "a", 10, "meet", "2021-06-07", agents=["Ana Ruiz"], trigger_at=5),
        Report(2, "a", 20, "meet", "2021-06-08", agents=["Ana Ruiz"], trigger_at=5),
        Report(3, "b", 10, "meet", "2021-06-07", agents=["Ana Ruiz"], trigger_at=9),
    ]
    (group,) = cluster(reports)
    assert not event_of(group).conflict


def test_a_trips_meetings_with_different_people_on_different_days_stay_apart():
    reports = [
        _r(1, "a", "meet", "2021-06-07", ["Ana Ruiz"], ["Lee Park"]),
        _r(2, "b", "talks", "2021-06-09", ["Ana Ruiz"], ["Tom Berg"]),
        _r(3, "c", "talks", "2021-06-08", [], ["Ana Ruiz"]),  # names one of them: no chain
    ]
    assert _groups(reports) == [{1}, {2}, {3}]


def test_one_persons_meetings_with_different_counterparts_on_one_day_stay_apart():
    reports = [
        _r(1, "a", "talks", "2021-06-08", ["Ana Ruiz", "Tom Berg"]),  # "Ana Ruiz and Tom Berg held talks on Tuesday"
        _r(2, "a", "meet", "2021-06-08", ["Lee Park"], ["Ana Ruiz"]),  # "Lee Park met Ana Ruiz later on Tuesday"
        _r(3, "b", "meet", "2021-06-08", ["Ana Ruiz"]),  # naming fewer: it may be either
        _r(4, "c", "talks", "2021-06-08", ["Tom Berg", "Ana Ruiz", "Eva Holm"]),  # naming all of one and more
    ]
    groups = _groups(reports)
    assert not any({1, 2} <= g for g in groups)
    assert any({1, 4} <= g for g in groups)


def test_an_article_giving_two_days_is_never_chained_into_one_event():
    # article "a" tells of a meeting yesterday and of talks today: two events; "b", a day later, and "c", a day
    # earlier, must not chain them into one conflict
    reports = [
        _r(1, "a", "meet", "2021-06-09", ["Ana Ruiz"], ["Tom Berg"]),
        _r(2, "a", "talks", "2021-06-10", ["Ana Ruiz"], ["Tom Berg"]),
        _r(3, "b", "meet", "2021-06-09", ["Ana Ruiz", "Tom Berg"]),
        _r(4, "c", "talks", "2021-06-10", ["Tom Berg", "Ana Ruiz"]),
    ]
    groups = _groups(reports)
    assert {1, 3} in groups and {2, 4} in groups
    assert not any(event_of(g).conflict for g in cluster(reports))


def test_one_trigger_with_two_days_stays_one_event():
    a = _r(1, "a", "meet", "2021-06-08", ["Ana Ruiz"], ["Tom Berg"])
    b = _r(2, "a", "meet", "2021-06-09", ["Ana Ruiz"], ["Tom Berg"])
    a.trigger_at = b.trigger_at = 5  # "met on Tuesday and Wednesday"
    c = _r(3, "b", "meet", "2021-06-09", ["Ana Ruiz", "Tom Berg"])
    assert _groups([a, b, c]) == [{1, 2, 3}]


def test_one_buying_and_the_same_one_selling_are_two_events():
    reports = [
        _r(1, "a", "buy", "2021-06-09", ["Norland"], ["grain"]),
        _r(2, "b", "sell", "2021", ["Norland", "Ostmark"]),
    ]
    assert _groups(reports) == [{1}, {2}]


def test_a_sale_told_from_both_sides_is_one_event():
    reports = [
        _r(1, "a", "buy", "2021-06-09", ["Norland"], ["Ostmark"]),
        _r(2, "b", "sell", "2021-06-09", ["Ostmark"], ["Norland"]),
    ]
    assert _groups(reports) == [{1, 2}]


def test_reports_naming_two_cities_or_two_states_are_two_events():
    """One cast on near days: one event misdated, unless each names a different city (or state) as where it
    happened ("met in Bergen on Tuesday", "attended a summit in Oslo on Monday"): then two events, no conflict. A
    state and a city in it may be one place; a place the dateline gave is no place named."""

    def at(rid, article, value, named):
        r = _r(rid, article, "meet", value, ["Ana Ruiz", "Tom Berg"], place=named)
        r.place_named = named
        return r

    assert _groups([at(1, "a", "2021-06-08", "Bergen"), at(2, "b", "2021-06-07", "Oslo")]) == [{1}, {2}]
    assert _groups([at(1, "a", "2021-06-08", "Japan"), at(2, "b", "2021-06-07", "Brazil")]) == [{1}, {2}]
    assert _groups([at(1, "a", "2021-06-08", "Norway"), at(2, "b", "2021-06-07", "Oslo")]) == [{1, 2}]
    assert _groups([at(1, "a", "2021-06-08", "Bergen"), at(2, "b", "2021-06-07", None)]) == [{1, 2}]
    (group,) = cluster([at(1, "a", "2021-06-08", "Oslo"), at(2, "b", "2021-06-07", "Oslo")])
    assert event_of(group).conflict
    # nor on one day: a trip to one state and a trip to another
    assert _groups([at(1, "a", "2021-06-08", "Japan"), at(2, "b", "2021-06-08", "Brazil")]) == [{1}, {2}]
