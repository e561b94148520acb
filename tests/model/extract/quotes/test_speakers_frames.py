"""Speakers: the subject of a speech frame when the parse misplaces it (see docs/rules/quotes.md)."""

from __future__ import annotations

import pytest

from tests.model.extract.quotes.helpers import speakers as _speakers

CASES = [
    # the quote's own subject hung on the speech verb too: the subject outside the quote speaks
    (
        "Jane Doe spoke on Monday.\n\n“My reaction, that was absurd,” the mayor's former campaign adviser said in an "
        "interview.",
        "My reaction, that was absurd,",
        "former campaign adviser",
    ),
    # a name, a long apposition, then its verb parsed as a participle of the name
    (
        "Trump questioned the hosts.\n\nIvan Petrov, the head of rhetoric at the University of Kazan, "
        'compared Trump to a boxer who is "working the judges" before a bout.',
        "working the judges",
        "Ivan Petrov",
    ),
]


@pytest.mark.parametrize("text,quote,speaker", CASES)
def test_the_speaker_is_the_subject_the_parse_misplaced(nlp, text, quote, speaker):
    assert _speakers(nlp, text)[quote] == speaker


def test_who_asks_a_person_speaks_in_the_passive(nlp):
    text = (
        "The debate turned to taxes.\n\nMarco Rubio was asked by moderator Gerard Baker whether the plan would "
        "risk “adding another expensive entitlement program to the budget.”"
    )
    assert _speakers(nlp, text)["adding another expensive entitlement program to the budget."] == "Gerard Baker"
