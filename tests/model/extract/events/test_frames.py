"""Event frames: a dated event word's trigger, participants (agents, patients, joint subjects) and place."""

from __future__ import annotations

import pytest

from model.extract.events import _dateline, weekday_reading
from model.ingest.extraction import extract
from model.records import Article, Mention

PUBLISHED = "2021-06-10"  # a Thursday


@pytest.fixture(scope="module")
def frames(nlp):
    text = (
        "Maria Lopez welcomed Jan Novak in Vienna on Tuesday. "
        "Maria Lopez and Jan Novak signed the treaty on 3 March 2020. "
        "Jan Novak met Maria Lopez."
    )
    ext = extract(Article(key="a", text=text, published=PUBLISHED), nlp(text))

    def named(spans):
        return [text[s:e] for s, e in spans]

    return [
        (r.trigger, r.value, named(r.agents), named(r.patients), text[r.place[0] : r.place[1]] if r.place else None)
        for r in ext.events
    ]


def test_agent_patient_and_place(frames):
    assert ("welcome", "2021-06-08", ["Maria Lopez"], ["Jan Novak"], "Vienna") in frames


def test_joint_subjects_are_all_agents(frames):
    assert ("sign", "2020-03-03", ["Maria Lopez", "Jan Novak"], [], None) in frames


def test_an_undated_event_sentence_is_no_event(frames):
    assert not any(trigger == "meet" for trigger, *_ in frames)


def test_a_weekday_that_contradicts_its_day_offers_its_own_day():
    assert weekday_reading("Monday, June 9th", "2021-06-09") == "2021-06-07"  # the 9th was a Wednesday
    assert weekday_reading("Wednesday, June 9", "2021-06-09") is None  # it agrees
    assert weekday_reading("Monday", "2021-06-07") is None  # a weekday alone is the day it resolves to
    assert weekday_reading("Monday, June 2021", "2021-06") is None  # not a day


def test_the_dateline_gives_a_place():
    text = "LISBON, June 10 (Wire) - The talks went on."
    mentions = [Mention(0, 6, "LISBON", "GPE", "Lisbon")]
    assert _dateline(text, mentions) == (0, 6)
    assert _dateline("The talks in Lisbon went on.", [Mention(13, 19, "Lisbon", "GPE", "Lisbon")]) is None


def _frames_of(nlp, text: str) -> list[tuple]:
    ext = extract(Article(key="b", text=text, published=PUBLISHED), nlp(text))
    return [
        (
            r.trigger,
            [text[s:e] for s, e in r.agents],
            [text[s:e] for s, e in r.patients],
            r.place and text[slice(*r.place)],
        )
        for r in ext.events
    ]


def test_a_light_verbs_event_noun_is_the_event_and_its_phrases_its_roles(nlp):
    # "held talks with X in Y": the talks are the event, X takes part in them, Y is where
    for text in (
        "Maria Lopez held talks with Jan Novak in Vienna on Tuesday.",  # the date on the talks
        "On Tuesday, Maria Lopez held talks with Jan Novak in Vienna.",  # on the verb
    ):
        assert _frames_of(nlp, text) == [("talk", ["Maria Lopez"], ["Jan Novak"], "Vienna")]


def test_a_place_in_the_dateline_the_parse_joined_to_the_subject_takes_no_part(nlp):
    frames = _frames_of(nlp, "VIENNA, Austria (Wire) - Maria Lopez welcomed Jan Novak on Tuesday.")
    assert frames == [("welcome", ["Maria Lopez"], ["Jan Novak"], "VIENNA")]


def _values_of(nlp, text: str) -> list[tuple]:
    ext = extract(Article(key="c", text=text, published=PUBLISHED), nlp(text))
    return [(r.trigger, r.value, r.place and text[slice(*r.place)]) for r in ext.events]


def test_a_half_year_dates_its_event_to_the_year_and_a_baseline_dates_nothing(nlp):
    # the change happened in the first half, not a year before it: the year is what is known of it
    values = _values_of(nlp, "Exports from Portugal to Chile fell 6% in the first half of 2020 from a year earlier.")
    assert [(trigger, value) for trigger, value, _ in values] == [("fall", "2020")]
    assert _values_of(nlp, "Wool output was lower than a year ago.") == []
    compared = "Sales in Lima totalled 6.2 billion soles, compared with 6.7 billion soles in the previous quarter."
    assert _values_of(nlp, compared) == []
    from_amount = "Car sales in Lima dropped 65 pct to 926 cars from 2,672 cars in the same period a year ago."
    assert _values_of(nlp, from_amount) == []


def test_a_date_that_bounds_a_span_is_not_the_events_date(nlp):
    assert _values_of(nlp, "The fair in Lyon will run until July 19.") == []
    since = "The franc has been steady since the February 22 accord in Paris."
    assert [(trigger, value) for trigger, value, _ in _values_of(nlp, since)] == [("accord", "2021-02-22")]
    assert [v for _, v, _ in _values_of(nlp, "The fair in Lyon opened on July 12 and will run until July 19.")] == [
        "2020-07-12"  # (opened: the July 12 before the publication date)
    ]


def test_a_where_clause_is_the_events_place_and_its_pronoun_the_subject_before(nlp):
    frames = _frames_of(nlp, "Angela Merkel flew to Vienna, where she met Emmanuel Macron on April 24.")
    assert frames == [("meet", ["Angela Merkel"], ["Emmanuel Macron"], "Vienna")]


def test_two_dates_of_one_frame_give_the_finer(nlp):
    # "last year … in September": one event, September of last year, where the drills were held
    values = _values_of(nlp, "Last year, the two navies held large drills near Lisbon in September.")
    assert values == [("drill", "2020-09", "Lisbon")]


def test_what_a_proposal_is_about_takes_no_part(nlp):
    frames = _frames_of(nlp, "The Kremlin on Wednesday welcomed a Chilean proposal for talks on Peru.")
    assert frames and all("Peru" not in agents + patients for _, agents, patients, _ in frames)


def test_whom_a_visit_is_to_or_at_whose_invitation_takes_no_part_in_the_arrival(nlp):
    frames = _frames_of(
        nlp, "Angela Merkel arrived in Madrid on Monday for a state visit to Spain at the invitation of Pedro Sanchez."
    )
    assert frames == [("arrive", ["Angela Merkel"], [], "Madrid")]


def test_ministers_of_a_group_are_the_groups(nlp):
    frames = _frames_of(nlp, "The meeting of the finance ministers of Chile and Peru on June 2 ended early.")
    assert frames and set(frames[0][1] + frames[0][2]) == {"Chile", "Peru"}


def test_who_is_due_to_leave_and_who_signed_a_series_of_deals(nlp):
    assert _frames_of(nlp, "Angela Merkel, who arrived on Monday, is due to leave Madrid on Wednesday.")[-1] == (
        "leave",
        ["Angela Merkel"],
        [],
        "Madrid",
    )
    frames = _frames_of(nlp, "Chile and Peru signed a series of agreements on Tuesday covering mining and trade.")
    assert [(agents, patients) for _, agents, patients, _ in frames] == [(["Chile", "Peru"], [])]


def test_who_is_expected_or_scheduled_to_come_comes(nlp):
    """A passive's subject does what the verb it completes says: "X is expected to arrive" is X's arrival."""
    (frame,) = _frames_of(nlp, "Angela Merkel is expected to arrive in Madrid on Thursday.")
    assert frame == ("arrive", ["Angela Merkel"], [], "Madrid")
    (frame,) = _frames_of(nlp, "Pedro Sanchez is scheduled to visit Lisbon on Friday.")
    assert frame == ("visit", ["Pedro Sanchez"], [], "Lisbon")


def test_who_held_hours_of_talks_took_part_in_them(nlp):
    (frame,) = _frames_of(nlp, "Maria Lopez and Jan Novak held more than four hours of talks on Monday evening.")
    assert frame[:2] == ("talk", ["Maria Lopez", "Jan Novak"])


def test_where_a_speaker_is_takes_no_part(nlp):
    frames = _frames_of(nlp, "The Chilean embassy in Lima said on its website on Monday that trade grew.")
    assert all("Lima" not in agents + patients for _, agents, patients, _ in frames)


def test_the_name_that_opens_a_transcripts_turn_takes_no_part(nlp):
    text = "Reporter question.\n\nTASS: Will President Merkel travel to Madrid for the Victory Day celebrations in May?"
    frames = _frames_of(nlp, text)
    assert frames and all("TASS" not in agents + patients for _, agents, patients, _ in frames)


def test_a_subject_with_a_to_infinitive_is_still_to_come(nlp):
    # a headline's future: published on a Thursday, "on Tuesday" is the coming one
    values = _values_of(nlp, "Merkel, Macron to talk by video link on Tuesday")
    assert [value for _, value, _ in values] == ["2021-06-15"]


def test_where_a_gathering_it_attends_takes_place_is_where_it_happens(nlp):
    """ "attended a summit of the X in Y": the summit's place (through its "of" phrase) is the attending's; not any
    verb's object ("condemned the attack in Y" happened elsewhere)."""
    (frame,) = _frames_of(nlp, "On Friday, Maria Lopez attended a summit of the Nordic Council in Bergen.")
    assert frame[0] == "attend" and frame[3] == "Bergen"
    (frame,) = _frames_of(nlp, "Jan Novak watched a parade in Lyon on Sunday.")
    assert frame == ("watch", ["Jan Novak"], [], "Lyon")
    (frame,) = _frames_of(nlp, "On Friday, Maria Lopez condemned the attack in Bergen.")
    assert frame[0] == "condemn" and frame[3] is None


def test_the_two_leaders_are_the_last_pair_of_people_named_together(nlp):
    text = (
        "Maria Lopez and Jan Novak arrived in Vienna on Monday, a spokesman for Paul Weber said.\n\n"
        "The two leaders held talks in Vienna on Tuesday. Both men signed a treaty on Wednesday."
    )
    frames = _frames_of(nlp, text)
    assert ("talk", ["Maria Lopez", "Jan Novak"], [], "Vienna") in frames
    assert any(f[0] == "sign" and f[1] == ["Maria Lopez", "Jan Novak"] for f in frames)


def test_two_people_named_apart_or_too_long_before_are_no_pair(nlp):
    apart = "Maria Lopez flew to Vienna to see Jan Novak. The two leaders held talks on Tuesday."
    assert [f[:2] for f in _frames_of(nlp, apart)] == [("talk", [])]
    far = (
        "Maria Lopez and Jan Novak met. They spoke. It rained. Nothing was said. All left. "
        "The two leaders held talks on Tuesday."
    )
    assert [f[:2] for f in _frames_of(nlp, far)] == [("talk", [])]


def test_nations_describing_a_subject_that_names_no_one_act(nlp):
    """ "Austrian and Czech troops began …": the nations act (no one else is named); a named subject keeps its own
    name ("the Austrian minister Jan Novak")."""
    (frame,) = _frames_of(nlp, "Austrian and Czech troops began a joint exercise near Linz on Tuesday.")
    assert frame == ("exercise", ["Austrian", "Czech"], [], "Linz")
    (frame,) = _frames_of(nlp, "The Austrian minister Jan Novak arrived in Linz on Tuesday.")
    assert frame[:2] == ("arrive", ["Jan Novak"])
    (frame,) = _frames_of(nlp, "Austrian and Czech wheat exports rose on Tuesday.")  # no one acts
    assert frame[:2] == ("rise", [])
    (frame,) = _frames_of(nlp, "Austrian troops crossed the river on Tuesday.")  # one nation: too little to merge by
    assert frame[:2] == ("cross", [])


def test_the_start_of_a_happening_dates_the_happening(nlp):
    for text in (
        "Maria Lopez and Jan Novak began talks in Vienna on Tuesday.",
        "On Tuesday, Maria Lopez and Jan Novak kicked off talks in Vienna.",
    ):
        assert _frames_of(nlp, text) == [("talk", ["Maria Lopez", "Jan Novak"], [], "Vienna")]


def test_a_pronoun_that_begins_a_happening_is_the_subject_of_the_clause_it_hangs_on(nlp):
    frames = _frames_of(nlp, "Jan Novak landed in Vienna as he began his state visit on Thursday.")
    assert [f[:2] for f in frames] == [("visit", ["Jan Novak"])]


def test_a_date_on_a_plan_dates_what_is_planned(nlp):
    """ "On Thursday, X is expected to meet Y": the meeting, X meeting Y (the report had been "expect: X")."""
    (frame,) = _frames_of(nlp, "On Thursday, Maria Lopez is also expected to meet Paul Weber in Vienna.")
    assert frame[:3] == ("meet", ["Maria Lopez"], ["Paul Weber"])
    (frame,) = _frames_of(nlp, "On Friday, Paul Weber is scheduled to attend the opening of a trade fair in Graz.")
    assert frame == ("attend", ["Paul Weber"], [], "Graz")


def test_a_joint_dateline_names_no_one_and_a_bullet_is_no_event(nlp):
    frames = _frames_of(nlp, "OSLO/VIENNA (Wire) - The talks ended on Tuesday, the Austrian ministry said.")
    assert [f[:2] for f in frames] == [("end", [])]  # the agency in the dateline took part before
    assert _frames_of(nlp, "• MENU Wednesday, June 19, 2024\n\nNothing happened.") == []
