"""Speakers: a person reported on inside someone's report is not whom a later pronoun or quote means."""

from __future__ import annotations

import pytest

from tests.model.extract.quotes.helpers import speakers as _speakers

LEAD = (
    "Donald Trump held a rally in Manchester on Friday.\n\nBrian Walsh, the chairman of the county party, said "
    "Donald Trump continued to hurt the party in the state. "
)


@pytest.mark.parametrize(
    "tail,quote",
    [
        ("“I don’t think it helps him,” he said after the event.", "I don’t think it helps him,"),  # a pronoun
        ("“I don’t think it helps him.”", "I don’t think it helps him."),  # a continuation
    ],
)
def test_the_reporter_not_the_reported_person_speaks_next(nlp, tail, quote):
    assert _speakers(nlp, LEAD + tail)[quote] == "Brian Walsh"
