"""Speakers: pronouns in subordinate clauses, unnamed people as antecedents, descriptions as written."""

from __future__ import annotations

import pytest

from model.extract import entities
from model.extract.quotes.extractor import extract_quotes

# (text, a word of the quote, speaker)
CASES = [
    # a pronoun in a subordinate clause is the subject of the clause above it, not the nearest name
    (
        "Hillary Clinton spoke with Alicia Machado on Friday.\n\n"
        "Clinton says she appreciated Machado’s courage through what she calls a “war of some pretty "
        "unpleasant words.”",
        "unpleasant words",
        "Hillary Clinton",
    ),
    # … and when the subject above is the same pronoun, what that pronoun means
    (
        "Donald Trump spoke in Washington on Monday.\n\n"
        "He lambasted the Iran nuclear deal negotiated by President Obama, who he noted was “in his final year, yay.”",
        "final year",
        "Donald Trump",
    ),
    # "she"/"he" can mean an unnamed woman or man who was the subject before
    (
        "My mother has softened with age, but she still says things such as, “We are not all meant to be "
        "equal, you know.”",
        "meant to be equal",
        "mother",
    ),
    (
        "“We live in Satan’s kingdom,” my father often said.\n\n"
        "He also told one of his young friends that “terrorism is the answer.”",
        "terrorism is the answer",
        "father",
    ),
    # a statement, tweet or letter speaks for its author: who put it out, its owner, who it is from
    ("Hillary Clinton issued a statement calling the ruling “a victory for families.”", "victory", "Hillary Clinton"),
    (
        "Senator Marco Rubio spoke on Monday. Rubio’s statement called the deal “a dangerous mistake.”",
        "dangerous mistake",
        "Marco Rubio",
    ),
    (
        "Gary Johnson released a letter from his doctor, Dr. Ann Smith, that says he has “extraordinarily good "
        "health” for his age.",
        "good health",
        "Ann Smith",
    ),
    # a name glued to the closing mark by the tokenizer
    (
        "Hillary Clinton spoke on Friday.\n\n“I think he traffics in a lot of prejudice and paranoia,”Clinton said.",
        "paranoia",
        "Hillary Clinton",
    ),
    # "a number of lawmakers": the lawmakers, not "number"
    ("A number of other lawmakers said the program had become “a magnet for fraud and abuse.”", "magnet", "lawmakers"),
    # a speaker read off a writing is no antecedent for a later "she"
    (
        "Aparna Mathur, an economist, said Ivanka Trump’s statement did not clarify the matter.\n\n"
        "“I don’t see details about who is eligible,” she said.",
        "eligible",
        "Aparna Mathur",
    ),
    # a writing's author may be described rather than named
    (
        "Gary Johnson released a letter from his doctor on Friday that says he has “extraordinarily good health” "
        "for a man of his age.",
        "good health",
        "doctor",
    ),
    # a relative clause on a name's apposition: the name
    (
        "Obama has had a frosty relationship with Mitch McConnell, now the Senate majority leader, who in 2010 said "
        "the most important goal was to make Obama a “one-term president.”",
        "one-term",
        "Mitch McConnell",
    ),
    # a dateline is where the story was filed, not who spoke
    (
        "LONDON — Donald Trump said on Friday that the vote was “a great and historic day.”",
        "historic day",
        "Donald Trump",
    ),
    # an unnamed description keeps its words as written
    (
        "According to a 52-count civil complaint, the developers engaged in a “massive eight-year fraudulent "
        "scheme” in which they looted millions of dollars.",
        "fraudulent scheme",
        "52-count civil complaint",
    ),
    (
        "When pressed on why the plan leaves out dads, the 34-year-old mother of three replied, “It is meant to "
        "benefit the mother who has given birth.”",
        "meant to",
        "34-year-old mother",
    ),
    # "a man" met in passing is no antecedent for a later "he"
    (
        "Senator Bob Corker spoke to reporters in Nashville on Monday. A man in the crowd shouted at him.\n\n"
        "“We will not give up,” he said.",
        "give up",
        "Bob Corker",
    ),
]


@pytest.mark.parametrize("text,needle,speaker", CASES)
def test_speaker(nlp, text, needle, speaker):
    doc = nlp(text)
    got = [q.speaker for q in extract_quotes(text, doc, entities.resolve_mentions(doc)) if needle in q.text]
    assert got == [speaker]


def test_a_day_is_no_speaker(nlp):
    from model.extract.quotes.speakers import Resolver

    doc = nlp("Saturday said it all.")
    day = doc[0]
    assert day.pos_ == "PROPN" and day.ent_type_ == "DATE"  # the parse this rule is for
    r = Resolver(doc, entities.resolve_mentions(doc), [False] * len(doc), lambda pos: 0)
    assert r.resolve(day, "said") is None
