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
