"""Speakers: pronouns in subordinate clauses, unnamed people as antecedents, descriptions as written."""

from __future__ import annotations

import pytest

from model.extract import entities
from model.extract.quotes.extractor import extract_quotes

# (text, a word of the quote, speaker)
CASES = [
    # a pronoun in a subordinate clause is the subject of the clause above it, not the nearest name
    (
        "Maria Zakharova spoke with Olga Skabeeva on Friday.\n\n"
        "Zakharova says she admired Skabeeva’s patience through what she calls a “season of some very "
        "ugly headlines.”",
        "ugly headlines",
        "Maria Zakharova",
    ),
    # … and when the subject above is the same pronoun, what that pronoun means
    (
        "Carlos Mendes spoke in Lisbon on Monday.\n\n"
        "He criticised the fishing quota agreed by Minister Duarte, who he noted was “in her last month, at last.”",
        "last month",
        "Carlos Mendes",
    ),
    # "she"/"he" can mean an unnamed woman or man who was the subject before
    (
        "My grandmother has mellowed over the years, but she still says things such as, “We are not all born "
        "to be lucky, you know.”",
        "born to be lucky",
        "grandmother",
    ),
    (
        "“We live in a borrowed house,” my grandfather often said.\n\n"
        "He also told one of his old colleagues that “silence is the answer.”",
        "silence is the answer",
        "grandfather",
    ),
    # a statement, tweet or letter speaks for its author: who put it out, its owner, who it is from
    ("Hillary Clinton issued a statement calling the ruling “a victory for families.”", "victory", "Hillary Clinton"),
    (
        "Senator Marco Rubio spoke on Monday. Rubio’s statement called the deal “a dangerous mistake.”",
        "dangerous mistake",
        "Marco Rubio",
    ),
    (
        "Boris Titov released a letter from his physician, Dr. Irina Volkova, that says he has “remarkably sound "
        "health” for his age.",
        "sound health",
        "Irina Volkova",
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
        "Anna Kuznetsova, an economist, said Elvira Nabiullina’s statement did not settle the matter.\n\n"
        "“I don’t see figures about who will pay,” she said.",
        "who will pay",
        "Anna Kuznetsova",
    ),
    # a writing's author may be described rather than named
    (
        "Boris Titov released a letter from his doctor on Friday that says he has “remarkably sound health” "
        "for a man of his years.",
        "sound health",
        "doctor",
    ),
    # a relative clause on a name's apposition: the name
    (
        "Medvedev has had a cool relationship with Sergei Sobyanin, now the mayor of Moscow, who in 2012 said "
        "the main task was to make Medvedev a “caretaker president.”",
        "caretaker",
        "Sergei Sobyanin",
    ),
    # a dateline is where the story was filed, not who spoke
    (
        "LONDON — Donald Trump said on Friday that the vote was “a great and historic day.”",
        "historic day",
        "Donald Trump",
    ),
    # an unnamed description keeps its words as written
    (
        "According to a 14-count federal indictment, the traders ran a “sprawling three-year smuggling "
        "scheme” in which they moved tonnes of oil.",
        "smuggling scheme",
        "14-count federal indictment",
    ),
    (
        "When asked why the scheme leaves out pensioners, the 41-year-old father of two replied, “It is meant to "
        "help the family that has young children.”",
        "meant to",
        "41-year-old father",
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
