"""Quotes: attributions beyond speech verbs (beliefs, findings, intentions, demands), records as unnamed
sources, voices of a named owner, and reported speech in two-apostrophe quotation marks."""

from __future__ import annotations

import pytest

from model.extract import entities
from model.extract.quotes.extractor import extract_quotes
from tests.model.extract.quotes.helpers import one, run, texts

# (text, a word of the quote, kind, speaker, cue, the quote's text: exact, or "prefix…"); a position held with no
# words reported is a stance (issue 18)
ATTRIBUTED = [
    (
        "Senator Elizabeth Warren believes that the banks have too much power over Congress.",
        "banks",
        "stance",
        "Elizabeth Warren",
        "believe",
        "the banks have too much power over Congress",
    ),
    (
        "Vladimir Putin wants to double the size of the Arctic shipping fleet.",
        "Arctic",
        "stance",
        "Vladimir Putin",
        "want",
        "to double the size of the Arctic shipping fleet",
    ),
    (
        "Bernie Sanders called for a tax on financial speculation by Wall Street firms.",
        "speculation",
        "stance",
        "Bernie Sanders",
        "call for",
        "a tax on financial speculation…",
    ),
    (
        "Bernie Sanders endorsed her plan for free college tuition.",
        "college",
        "stance",
        "Bernie Sanders",
        "endorse",
        "her plan for free college tuition",
    ),
    (
        "Senator Chuck Schumer expressed deep concern about the new ruling.",
        "concern",
        "stance",
        "Chuck Schumer",
        "express",
        "deep concern about the new ruling",
    ),
    (
        "Hillary Clinton talked about the rising cost of child care in Ohio.",
        "child care",
        "stance",
        "Hillary Clinton",
        "talk about",
        "the rising cost of child care…",
    ),
    (
        "Hillary Clinton announced a new national service program for young people.",
        "service program",
        "stance",
        "Hillary Clinton",
        "announce",
        "a new national service program for young people",
    ),
    (
        "Senator Bernie Sanders called the trade deal a disaster for American workers.",
        "disaster",
        "stance",
        "Bernie Sanders",
        "call",
        "the trade deal a disaster…",
    ),
    (
        "Hillary Clinton hoped that voters would forgive the email scandal.",
        "forgive",
        "stance",
        "Hillary Clinton",
        "hope",
        "voters would forgive the email scandal",
    ),
    (
        "Senator Ted Cruz accused Donald Trump of lying about his record on immigration.",
        "lying",
        "stance",
        "Ted Cruz",
        "accuse",
        "Donald Trump of lying about his record on immigration",
    ),
    (
        "President Barack Obama urged Congress to pass the trade agreement this year.",
        "trade agreement",
        "indirect",
        "Barack Obama",
        "urge",
        "to pass the trade agreement this year",
    ),
    (
        "Donald Trump spoke in Ohio. Critics disputed Donald Trump's claim that the election is rigged against him.",
        "rigged",
        "indirect",
        "Donald Trump",
        "claim",
        "the election is rigged against him",
    ),
    (
        "A new poll shows that Hillary Clinton leads Donald Trump by four points.",
        "leads",
        "indirect",
        "new poll",
        "show",
        "Hillary Clinton leads Donald Trump by four points",
    ),
    (
        "According to the report, the company paid no federal taxes in 2015.",
        "federal taxes",
        "indirect",
        "report",
        "according to",
        "the company paid no federal taxes in 2015",
    ),
    (
        "A 2019 survey found 14 cases of customs fraud out of a million shipments.",
        "customs fraud",
        "indirect",
        "2019 survey",
        "find",
        "14 cases of customs fraud…",
    ),
    (
        "In the survey, 47 percent of likely voters said they would vote for Hillary Clinton.",
        "would vote",
        "indirect",
        "47 percent",
        "say",
        "they would vote for Hillary Clinton",
    ),
    (
        "Nora Lindqvist opened an office in Malmo on Monday. "
        "Nora Lindqvist's campaign says it collected more than $4 million in March.",
        "collected",
        "indirect",
        "Nora Lindqvist's campaign",
        "say",
        "it collected more than $4 million in March",
    ),
    (
        "Senator Bernie Sanders said he would release his tax returns for 2014 on Friday, "
        "adding that his finances are very boring.",
        "release",
        "indirect",
        "Bernie Sanders",
        "say",
        "he would release his tax returns for 2014 on Friday",
    ),
    (
        "''The short version is that the ministry is not trying hard enough,'' Ms. Ana Ruiz said. "
        "''With the budget it has, it could build far more.''\n\nOthers disagreed.",
        "short version",
        "indirect",
        "Ana Ruiz",
        "say",
        "The short version is that the ministry is not trying hard enough,'' Ms. Ana Ruiz said. "
        "''With the budget it has, it could build far more.",
    ),
    (
        "''The short version is that the ministry is not trying hard enough,'' Ms. Ana Ruiz said. Others disagreed.",
        "short version",
        "indirect",
        "Ana Ruiz",
        "say",
        "The short version is that the ministry is not trying hard enough",
    ),
    (
        "Ms. Ortiz spoke in Denver. ''She will trample any rival to win whatever contract she wants. That's how "
        "she works,'' Ms. Carla Ortiz said.",
        "trample",
        "indirect",
        "Carla Ortiz",
        "say",
        "She will trample any rival to win whatever contract she wants. That's how she works",
    ),
    (
        "''Jobs, jobs, jobs,'' Mrs. Hillary Clinton said on Monday.",
        "Jobs",
        "indirect",
        "Hillary Clinton",
        "say",
        "Jobs, jobs, jobs",
    ),
]


@pytest.mark.parametrize("text,needle,kind,speaker,cue,expected", ATTRIBUTED)
def test_attributed_clause_or_object_is_an_indirect_quote(nlp, text, needle, kind, speaker, cue, expected):
    q = one(run(nlp, text), needle)
    assert (q.kind, q.speaker, q.cue) == (kind, speaker, cue)
    if expected.endswith("…"):
        assert q.text.startswith(expected[:-1])
    else:
        assert q.text == expected


# A country's fear or demand, a pledge to act: positions, never words (stances; no reported speech at all when the
# switches are off).
POSITIONS = [
    "Russia fears that a Chinese slowdown would be the worst blow to its economy. Russia has called for an end to the sanctions.",
    "Chinese Premier Li Qiang pledged to expand China’s imports of Siberian timber.",
    "Moscow has backed China’s demand that Taipei not be admitted to the WHO.",
]


@pytest.mark.parametrize("text", POSITIONS)
def test_a_position_is_a_stance_never_reported_speech(nlp, text):
    quotes = run(nlp, text)
    assert quotes and all(q.kind == "stance" for q in quotes)
    assert run(nlp, text, body_stances=False, commitments=False) == []


NOT_QUOTES = [
    # like "did not say": a refusal reports what was not done
    "Russian President Vladimir Putin declined to use his leverage to restrain Pyongyang.",
    # an example given is not a claim
    "Kremlin spokesman Dmitry Peskov pointed to Li Qiang's trip to Moscow as a useful signal.",
    # a compliment is a reaction, not a position (a person endorsed: see test_quotes_unnamed)
    "Foreign Minister Sergei Lavrov praised the growing trade between the two neighbours.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_an_attribution(nlp, text):
    assert run(nlp, text) == []


def test_a_belief_cue_never_claims_a_quoted_span_nor_becomes_a_later_pronoun_s_speaker(nlp):
    text = (
        "Olga Petrova said Maria Zakharova doesn’t show patience with reporters.\n\n"
        "“It’s not something that she ever admits,” she said."
    )
    q = one(run(nlp, text), "ever admits")
    assert (q.kind, q.speaker) == ("direct", "Olga Petrova")


def test_a_plan_inside_reported_speech_is_not_a_second_quote(nlp):
    text = "Chinese Premier Li Qiang said he plans to raise the gas pipeline at the summit."
    qs = run(nlp, text)
    assert texts(qs) == ["he plans to raise the gas pipeline at the summit"]
    assert qs[0].cue == "say"


def test_a_voice_links_to_its_owner(nlp):
    text = "Nora Lindqvist's campaign says it collected more than $4 million in March."
    q = one(run(nlp, text), "collected")
    assert q.speakers == ["Nora Lindqvist"] and "speaking for Nora Lindqvist" in q.basis


def test_a_paragraph_led_by_a_known_name_and_a_colon_is_what_that_person_said(nlp):
    text = (
        "CNN's Kate Bolduan interviewed Joel Benenson on Monday.\n\n"
        "BOLDUAN: Why not debate the senator in California before the primary?\n\n"
        "Q: Is that fair to the voters of the state?"
    )
    qs = run(nlp, text)
    q = one(qs, "Why not debate")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Kate Bolduan", ":")
    assert q.text == "Why not debate the senator in California before the primary?"
    assert not [x for x in qs if "fair to the voters" in x.text]  # "Q" is no one the article names


def test_a_clause_ending_in_a_colon_gives_the_quote_its_subject_whatever_the_verb(nlp):
    text = "Ellen Park waved to the fans, then leaned in and roared: “Let’s beat them in the final.”"
    q = one(run(nlp, text), "beat them")
    assert (q.kind, q.speaker) == ("direct", "Ellen Park")
    assert "colon" in q.basis


def test_a_description_with_a_place_resolves_to_the_one_named_with_that_place(nlp):
    text = (
        "Sen. Marco Rubio of Florida spoke in Iowa on Monday. Sen. Bernie Sanders of Vermont spoke later.\n\n"
        "“We will win this state,” the Florida senator said."
    )
    q = one(run(nlp, text), "win this state")
    assert q.speaker == "Marco Rubio"
    assert "senator" in q.basis


def test_he_can_refer_to_a_speaker_whose_name_the_recogniser_missed(nlp):
    text = "“We are frustrated by the shooting,” Bujnowski said.\n\n“We don’t teach anything like that,” he said."
    doc = nlp(text)
    doc.ents = []  # the recogniser missed the name
    quotes = extract_quotes(text, doc, entities.resolve_mentions(doc))
    assert [q.speaker for q in quotes] == ["Bujnowski", "Bujnowski"]
    assert "'he' → Bujnowski" in quotes[1].basis


def _with_ents(nlp, text: str, ents: list[tuple[str, str, int]]):
    """`text` parsed, with the recogniser's entities replaced by (words, label, occurrence)."""
    doc = nlp(text)
    spans = []
    for words, label, nth in ents:
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


def test_a_surname_tagged_as_an_organisation_is_the_person_of_that_name(nlp):
    # The shared mechanism (entities.resolve_mentions) does this for quotes too.
    doc = _with_ents(
        nlp,
        "Donald Trump spoke. Trump said Pfizer lied.",
        [("Donald Trump", "PERSON", 0), ("Trump", "ORG", 1), ("Pfizer", "ORG", 0)],
    )
    fixed = entities.resolve_mentions(doc)
    assert [(m.canonical, m.label) for m in fixed] == [
        ("Donald Trump", "PERSON"),
        ("Donald Trump", "PERSON"),
        ("Pfizer", "ORG"),
    ]
    doc = _with_ents(
        nlp,
        "Donald Trump met Ivanka Trump. Trump said it.",
        [("Donald Trump", "PERSON", 0), ("Ivanka Trump", "PERSON", 0), ("Trump", "ORG", 2)],
    )
    assert entities.resolve_mentions(doc)[2].label == "ORG"  # which Trump? left alone


# (text, a word of the quote, speaker)
SPEAKERS = [
    # a party and state in parentheses do not hide the name before the verb
    (
        "“She would be a fine envoy. Not good, fine. One of the sharpest minds in the whole ministry,” "
        "Rep. Harold T. Mercer (D-Ohio) said in a phone interview.",
        "fine envoy",
        "Harold Mercer",
    ),
    # a second speech verb after "but" shares the subject, past a belief verb in between
    (
        "Mayor Anna Kowalski said Tuesday that she thinks the audit should be released soon "
        "but said “the catch is the date.”",
        "catch is the date",
        "Anna Kowalski",
    ),
    # a thing's verb inside someone's words quotes that someone
    (
        "Maria Zakharova spoke in Moscow on Friday. "
        "She says it underscores that Joe Biden is “temperamentally unsuited to be a mediator.”",
        "temperamentally",
        "Maria Zakharova",
    ),
    # a campaign is an "it"
    (
        "Marine Le Pen’s campaign is defending her late-night posts.\n\n"
        "It’s condemning what it calls “the largest organised smear effort in years.”",
        "organised smear effort",
        "Marine Le Pen's campaign",
    ),
    # "his aides": the voice of the person "his" refers to
    (
        "Senator Tim Kaine spoke in Richmond on Monday.\n\nHis aides say “it is too early to discuss a Senate run.”",
        "too early",
        "Tim Kaine's aides",
    ),
    # "he" with no subject to refer to: the only person named just before
    (
        "It was under Mr. Kofi Annan's watch that the Security Council created the peacebuilding office.\n\n"
        "In recent weeks, he said he supported the idea of an African succeeding him as secretary general.",
        "supported the idea",
        "Kofi Annan",
    ),
]
UNTAGGED = [
    # "…,” said Gorski.": a name the recogniser missed, after an inverted verb
    ("“It is valuable to the party,” said Gorski.", "valuable", "Gorski"),
    # "Hannity interjected: “…”": a clause ending in a colon, its subject a name the recogniser missed
    ("The crowd applauded.\n\nSean Hannity interjected: “Do we throw them out?”", "throw them out", "Sean Hannity"),
]


@pytest.mark.parametrize("text,needle,speaker", UNTAGGED)
def test_speaker_the_recogniser_missed(nlp, text, needle, speaker):
    doc = nlp(text)
    doc.ents = []
    quotes = extract_quotes(text, doc, entities.resolve_mentions(doc))
    assert [q.speaker for q in quotes if needle in q.text] == [speaker]


@pytest.mark.parametrize("text,needle,speaker", SPEAKERS)
def test_speaker(nlp, text, needle, speaker):
    assert one(run(nlp, text), needle).speaker == speaker


def test_he_with_two_people_named_just_before_stays_unresolved(nlp):
    text = (
        "Under Mr. Kofi Annan's watch and Mr. Boutros Boutros-Ghali's, the council grew.\n\n"
        "In recent weeks, he said he supported the idea of an African succeeding him as secretary general."
    )
    assert [q.speaker for q in run(nlp, text) if "supported the idea" in q.text] == [None]  # reported, by no one named
