"""model/extract/timeline/publication.py: a day only on strong evidence, else the interval the text allows;
relative dates resolved against an interval are uncertain."""

from __future__ import annotations

import pytest

from model.dates import allowed_interval, covering_value
from model.extract import timeline
from model.extract.timeline.direction import side_of_writing


def dating(nlp, text):
    return timeline.infer_published(text, nlp(text))


def test_a_deadline_ahead_is_no_publication_date(nlp):
    d = dating(nlp, "The two ministers signed the grain accord on 3 March 2023. Exports will double by 2027.")
    assert d.day is None  # neither 2023-03-03 (a bound) nor 2027-12-31 (a deadline)
    assert (d.earliest, d.latest) == ("2023-03-03", "2027-12-31")
    assert allowed_interval(d.basis) == ("2023-03-03", "2027-12-31") and "still to come" in d.basis


def test_past_and_coming_dates_bound_the_interval(nlp):
    d = dating(nlp, "Delegates gathered in Astana on May 14, 2024. The next round will open on June 2, 2024.")
    assert d.day is None and d.interval == ("2024-05-14", "2024-06-02")
    assert "not stated" in d.basis and "'May 14, 2024' is reported as past" in d.basis


def test_one_day_left_is_the_day(nlp):
    text = "The envoys arrived in Harbin on 9 April 2021. They will sign the protocol on 9 April 2021 at noon."
    d = dating(nlp, text)
    assert d.day == "2021-04-09" and d.interval is None and "one day" in d.basis


def test_a_dateline_with_a_year_gives_the_day(nlp):
    d = dating(nlp, "ASTANA, May 14, 2024 (Reuters) - Officials said the pipeline would open next year.")
    assert d.day == "2024-05-14" and d.basis.startswith("dateline")


def test_a_dateline_without_a_year_takes_the_one_the_text_allows(nlp):
    text = (
        "HARBIN, Oct 12 (Xinhua) -- The partners opened a new plant.\n"
        "They first met in March 2021. A second plant will open in March 2022."
    )
    d = dating(nlp, text)
    assert d.day == "2021-10-12" and "dateline" in d.basis


def test_no_clue_is_no_date(nlp):
    assert dating(nlp, "Nothing here is dated at all.") is None


@pytest.mark.parametrize(
    "text, needle, side",
    [
        ("The treaty was signed in 2019.", "2019", -1),
        ("The plant will open in 2026.", "2026", 1),
        ("The tour runs until 2030.", "2030", 1),  # a deadline ahead: true, if weak
        ("The firm had until 2011 to repay the loan.", "2011", 0),  # a deadline set in the past: either side
        ("Officials called for a ban by May 2015.", "May 2015", 0),
        ("The dividend is payable June 3, 2020 to holders.", "June 3, 2020", 0),  # a term's date
        ("Profit was forecast for the year ending March 31, 2021.", "March 31, 2021", 0),
        ("Lending in 2016/17 is expected to rise.", "2016", 0),  # a split year
        ("Output is expected to double from the levels of 2012 to 2014.", "2014", 0),  # a range's end
    ],
)
def test_which_side_of_the_time_of_writing(nlp, text, needle, side):
    start = text.index(needle)
    assert side_of_writing(nlp(text), start, start + len(needle), text)[0] == side


def test_a_revision_note_and_a_quoted_post(nlp):
    text = (
        "The council approved the budget on Nov. 2, 2018.\n"
        "Correction added Dec. 9, 2018: an earlier version misspelled the mayor's name.\n"
        "Great result for the city!\n— Jo Smith (@josmith) November 5, 2018"
    )
    d = dating(nlp, text)
    assert d.earliest == "2018-11-04"  # the post, less a day for time zones; not the correction's date


def test_a_bare_weekday_names_the_week_of_the_latest_day(nlp):
    text = "Leaders met in Kazan on Tuesday, October 22, 2024. The host praised the talks on Tuesday."
    d = dating(nlp, text)
    assert d.interval == ("2024-10-22", "2024-10-28")


@pytest.mark.parametrize(
    "a, b, covering",
    [
        ("2023-02-20", "2023-02-20", "2023-02-20"),
        ("2023-02-20", "2023-02-22", "2023-W08"),
        ("2023-02-13", "2023-02-27", "2023-02"),
        ("2022", "2023", "202"),
        ("P3D", "P4D", None),
    ],
)
def test_covering_value(a, b, covering):
    assert covering_value(a, b) == covering


def test_relative_dates_against_an_interval_are_uncertain(nlp):
    text = "Trade rose last year. The minister spoke on Monday."
    got = {t.text: t for t in timeline.extract_timexes(text, nlp(text), None, interval=("2023-02-24", "2023-03-02"))}
    assert got["last year"].value == "2022" and got["last year"].uncertain
    assert got["last year"].anchor == "2023-02-24/2023-03-02"
    monday = got["Monday"]  # 2023-02-20 counted from the first end, 2023-02-27 from the last
    assert monday.value == "2023-02" and monday.uncertain and "not stated" in monday.basis
    assert (monday.value_start, monday.value_end) == ("2023-02-01", "2023-02-28")
