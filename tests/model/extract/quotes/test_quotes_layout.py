"""Quotes: reported speech that the layout carries (transcript turns, colon leads, headlines), not a parse."""

from __future__ import annotations

import pytest

from tests.model.extract.quotes.helpers import one, run

# (text, a word of the quote, speaker, cue, the quote's text)
INTERVIEW = (
    "The author spoke about her book.\n\nQ: You open your book on May 17, 2001. What did you find?\n\n"
    "A: I got back from practice and the whole house was empty."
)
LAID_OUT = [
    # an interview's questions and answers: turns, speaker unknown
    (INTERVIEW, "got back", None, ":", "I got back from practice and the whole house was empty."),
    (INTERVIEW, "What did you find", None, ":", "You open your book on May 17, 2001. What did you find?"),
    # a title-case label: the person of that surname
    (
        "Trump: My immigration plans aren't set in stone.\n\n"
        "Donald Trump told supporters in Ohio on Monday that he would listen to them.",
        "immigration plans",
        "Donald Trump",
        ":",
        "My immigration plans aren't set in stone.",
    ),
    # a speech verb ending its paragraph in a colon: the next paragraph
    (
        "Gov. Greg Abbott spoke to a radio show on Tuesday.\n\nThe governor added:\n\n"
        "It’s typical of Joe Biden. He promises everything, but the money never comes.",
        "typical of",
        "Greg Abbott",
        "add",
        "It’s typical of Joe Biden. He promises everything, but the money never comes.",
    ),
    # a speech verb and a colon before two apostrophes
    (
        "Mr. Alan Forde spoke in Cork.\n\nMr. Forde said: ''Shouting doesn't fix it. Delay doesn't fix it.''",
        "Shouting",
        "Alan Forde",
        "say",
        "Shouting doesn't fix it. Delay doesn't fix it.",
    ),
    # a headline's source (a people noun) and its cue: the rest of the line
    (
        "Former White House Doctor Says Reagan Concealed Memory Lapses From Aides\n\n"
        "A former White House physician said on Monday that Ronald Reagan had hidden his memory lapses.",
        "Concealed",
        "Former White House Doctor",  # an unnamed source: its description
        "say",
        "Reagan Concealed Memory Lapses From Aides",
    ),
    # a cue ending the headline after a comma reports what goes before it
    (
        "Reagan Concealed Memory Lapses From Aides, Former White House Doctor Says.\n\n"
        "His former physician spoke to a radio show on Monday.",
        "Concealed",
        "Former White House Doctor",
        "say",
        "Reagan Concealed Memory Lapses From Aides",
    ),
    # a headline's infinitive, a headline's verb of attack, a body as source
    (
        "Barack Obama to Endorse Hillary Clinton at Ohio Rally\n\nPresident Barack Obama will speak in Ohio on Monday.",
        "Ohio Rally",
        "Barack Obama",
        "endorse",
        "Hillary Clinton at Ohio Rally",
    ),
    (
        "Biden Trashes Trump Over Tax Returns\n\nVice President Joe Biden spoke in Scranton on Monday.",
        "Tax Returns",
        "Joe Biden",
        "trash",
        "Trump Over Tax Returns",
    ),
    (
        "Popular Newspaper Shows Bias Against Moscow\n\nThe paper rates claims made by politicians.",
        "Bias",
        None,
        "show",
        "Bias Against Moscow",
    ),
    # a second cue after a comma: the same source, its own report; a source past its apposition, one word reported
    (
        "Walsh Says Thieves Raided Warehouse, Calls Grant’s Dublin Remarks Troubling\n\nKaren Walsh spoke on Sunday.",
        "Thieves",
        "Karen Walsh",
        "say",
        "Thieves Raided Warehouse",
    ),
    (
        "Walsh Says Thieves Raided Warehouse, Calls Grant’s Dublin Remarks Troubling\n\nKaren Walsh spoke on Sunday.",
        "Remarks",
        "Karen Walsh",
        "call",
        "Grant’s Dublin Remarks Troubling",
    ),
    (
        "Biden, stumping for Clinton, trashes Trump.\n\nVice President Joe Biden spoke in Ohio.",
        "Trump",
        "Joe Biden",
        "trash",
        "Trump",
    ),
    # people as a label, unnamed
    (
        "Insiders: Trump will rebound in New Hampshire.\n\nThe survey asked party activists in the state.",
        "rebound",
        None,
        ":",
        "Trump will rebound in New Hampshire.",
    ),
    # a headline cue after a person's name
    (
        "Glenn Beck Blasts Drudge for Mocking His Fast\n\nRadio host Glenn Beck criticized the website on Tuesday.",
        "Drudge",
        "Glenn Beck",
        "blast",
        "Drudge for Mocking His Fast",
    ),
]


@pytest.mark.parametrize("text,needle,speaker,cue,quote", LAID_OUT)
def test_reported_speech_in_the_layout(nlp, text, needle, speaker, cue, quote):
    q = one(run(nlp, text), needle)
    assert (q.kind, q.speaker, q.cue, q.text) == ("indirect", speaker, cue, quote)


def test_a_transcript_quoted_as_a_whole_gives_its_turns_to_the_labels(nlp):
    text = (
        "Gov. Tim Walz spoke to CNN on Sunday about the summit.\n\n"
        "Partial transcript as follows:\n\n"
        '"TAPPER: Let’s begin with the news on the summit itself. Will he attend?\n\n'
        '"WALZ: The ambassador will not be attending the dinner tomorrow night.\n\n'
        '"TAPPER: Do you really think those two are comparable?\n\n'
        '"WALZ: Well, look, the voters have an expectation of a serious answer."'
    )
    qs = run(nlp, text)
    q = one(qs, "ambassador")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Tim Walz", ":")
    assert q.text == "The ambassador will not be attending the dinner tomorrow night."
    w = one(qs, "news on the summit")  # a turn of a label the article names no one by: speaker unknown
    assert (w.kind, w.speaker) == ("indirect", None)
    assert not [x for x in qs if x.kind == "direct"]


NOT_LAID_OUT = [
    # a field that leads paragraphs, however often, is no speaker
    (
        "UPDATE: The polls closed at 8 p.m. in most of the state.\n\n"
        "BREAKING: The first results came in from the northern counties.\n\n"
        "UPDATE: Turnout was higher than in 2012.\n\nBREAKING: The networks called the race just after nine.",
        "Turnout",
    ),
    # a list after a speech verb's colon in its paragraph
    (
        "Each partnership is judged by two questions, Dmitri Trenin said: what a partner can add "
        "to the economy; what it can do for security.",
        "what it can do",
    ),
    # a headline of countries: their policy, not their words
    (
        "Russia, India Announce Enduring Partnership\n\nThe two countries signed a short statement on Friday.",
        "Enduring",
    ),
]


@pytest.mark.parametrize("text,needle", NOT_LAID_OUT)
def test_no_reported_speech_in_the_layout(nlp, text, needle):
    assert not [q for q in run(nlp, text) if needle in q.text and q.kind == "indirect"]


def test_a_dash_the_recogniser_took_into_the_name_is_no_part_of_the_speaker(nlp):
    from dataclasses import replace

    from model.extract import entities
    from model.extract.quotes.extractor import extract_quotes

    text = (
        "Residents spoke after the vote.\n\n“I’m so proud to be from Kazan.” ― Irina Sokolova\n\nThe count ends today."
    )
    doc = nlp(text)
    dash = text.index("―")
    mentions = [
        replace(m, start=dash, text=text[dash : m.end], canonical=text[dash : m.end])
        if m.text == "Irina Sokolova"
        else m
        for m in entities.resolve_mentions(doc)
    ]
    assert any(m.canonical.startswith("―") for m in mentions)
    q = one(extract_quotes(text, doc, mentions), "proud")
    assert (q.kind, q.speaker) == ("direct", "Irina Sokolova")


def test_a_lede_is_no_headline_when_the_title_is_kept_apart(nlp):
    from model.extract import entities
    from model.extract.quotes.extractor import extract_quotes

    text = (
        "Former White House Doctor Says Reagan Concealed Memory Lapses\n\n"
        "A former White House physician wrote a memoir of his years there."
    )
    doc = nlp(text)
    mentions = entities.resolve_mentions(doc)

    def headline(title):
        return [q for q in extract_quotes(text, doc, mentions, title=title) if "Concealed" in q.text]

    assert headline(None) and headline("Former White House doctor says Reagan concealed memory lapses")
    assert not headline("DOCTOR'S MEMOIR PUBLISHED")  # the title is elsewhere: the first line is the lede's


def test_a_headlines_noun_before_a_noun_is_no_source_and_its_verb(nlp):
    text = "Peru, Chile hold video call on anniversary of trade pact\n\nThe two presidents spoke for an hour on Monday."
    assert not [q for q in run(nlp, text) if "anniversary" in q.text]


def test_a_headlines_unnamed_source_is_its_description(nlp):
    text = "Interview: Peruvian envoy says trade with Chile paid in soles\n\nThe envoy spoke in Lima on Monday."
    q = one(run(nlp, text), "paid in soles")
    assert (q.kind, q.speaker) == ("indirect", "Peruvian envoy")
