"""Speakers: a common noun speaks only when it can (people, a body, a record); an abstract noun never does."""

from __future__ import annotations

import pytest

from model.extract.quotes.speakers import may_speak
from tests.model.extract.quotes.helpers import speakers as _speakers

CASES = [
    # the subject of 'said' is the rejection (the parse): no one who speaks; the name after the verb does
    (
        "Fans in Leeds rejected the merger on Friday. The rejection of the merger marks “the start of the "
        "decline” for the club, said Gary Holt, the chairman of the Supporters Trust.",
        "the start of the decline",
        "Gary Holt",
    ),
    # what someone owns speaks for the owner
    (
        "Minister Paul Grant faces a tough budget. His final verdict: “It’s not entirely hopeless,” he said.",
        "It’s not entirely hopeless,",
        "Paul Grant",
    ),
]


@pytest.mark.parametrize("text,quote,speaker", CASES)
def test_an_abstract_noun_is_no_speaker(nlp, text, quote, speaker):
    assert _speakers(nlp, text)[quote] == speaker


def test_people_bodies_and_records_may_speak(nlp):
    doc = nlp("The strategist, the campaign, the report, the crowd and the assessment and the rejection.")
    got = {t.text: may_speak(t) for t in doc if t.pos_ == "NOUN"}
    assert got == {
        "strategist": True,
        "campaign": True,
        "report": True,
        "crowd": True,
        "assessment": False,
        "rejection": False,
    }
