"""Constructions of quotation and attribution found wrong on news (issue 18: precision and speakers): nicknames in
quotation marks, a speaker going on past a relative clause, "went on about", fragments listed together, "as X put
it", a quote ending in a nested quote, "they" for a body, a quote after a sentence about someone, short paragraphs
that are not headlines, chants, "described as", headings in quotation marks, "went after X as". Every sentence is
written for the test."""

from __future__ import annotations

from model.extract.quotes.marks import find_quote_spans
from tests.model.extract.quotes.helpers import one, run, texts


def test_a_nickname_inside_a_name_is_no_quotation():
    text = 'Rep. Ruth "Ruthie" Kell and Daniel J. "Danny" Roe said "We will win the county."'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["We will win the county."]


def test_a_quoted_word_between_other_words_is_still_a_quotation():
    text = 'The mayor called the plan "Reckless" Tuesday and the council called it "fine".'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["Reckless", "fine"]


def test_the_speaker_goes_on_past_a_speech_verb_in_a_relative_clause_of_the_attribution(nlp):
    quotes = run(
        nlp,
        "“These are odd times,” said Tom Reyes, a lawyer for the Wildlife Fund, who has been challenging the "
        "mining firm over river pollution for years. “I don't know what the firm wants. But I doubt it can pay.”",
    )
    assert one(quotes, "odd times").speaker == "Tom Reyes"
    assert one(quotes, "doubt it can pay").speaker == "Tom Reyes"


def test_went_on_about_frames_its_fragments_and_a_list_of_fragments_shares_one_frame(nlp):
    quotes = run(
        nlp,
        "“You are losing,” she said, but Carl was asleep again, and as Holt went on about “how the budget is "
        "broken,” and “forgotten towns,” Marla said yes, yes, over and over.",
    )
    assert one(quotes, "budget is broken").speaker == "Holt"
    assert one(quotes, "forgotten towns").speaker == "Holt"


def test_as_someone_put_it_quotes_them(nlp):
    quotes = run(
        nlp,
        "Many farmers share her worry, since the main test for the loan is a “clean credit record,” as a Treasury "
        "memo put it.\n\nAs one aide put it, “We are running out of time.”",
    )
    assert one(quotes, "clean credit record").cue == "put"
    assert one(quotes, "running out of time").speaker == "one aide"


def test_a_quote_ending_in_a_nested_quote_takes_the_verb_right_after_it(nlp):
    quotes = run(
        nlp,
        "Years ago, a Herald article praised the mayor as “The Builder” for the new bridge.\n\n"
        "“Though the bridge is late, city leaders honored Mayor Ada Lind yesterday for what they called ‘the project "
        "of the decade,’” the article read.",
    )
    assert one(quotes, "city leaders honored").speaker == "article"


def test_they_in_a_clause_under_a_body_is_that_body(nlp):
    quotes = run(
        nlp,
        "Hillary Clinton spoke in Ohio on Monday.\n\n"
        "Clinton's campaign is trying to contrast her plan with what they call Governor Hal Brent's “careless budget.”",
    )
    assert one(quotes, "careless budget").speaker == "Hillary Clinton's campaign"


def test_a_quote_after_a_sentence_about_a_named_person_is_theirs(nlp):
    quotes = run(
        nlp,
        "On “Meet the Press,” Sen. Ann Lowe (Ohio), who lost the primary to Grant, named rising rents as one of the "
        "reasons voters were angry. “The young people are tired of waiting for a home.”\n\n"
        "“We will win,” Grant said. Lowe shook her head. “Not this year.”",
    )
    assert one(quotes, "tired of waiting").speaker == "Ann Lowe"
    assert one(quotes, "Not this year").speaker == "Ann Lowe"
    assert one(quotes, "We will win").speaker == "Grant"


def test_a_short_paragraph_with_a_speech_verb_in_lower_case_is_no_headline(nlp):
    quotes = run(
        nlp,
        "Rosa Vega spoke to reporters on Monday.\n\n"
        "“We were there for a good reason,” Vega told USA Today.\n\n"
        "“Our guess is that the bill will pass,” Senate Majority Leader Tom Hale, R-Ohio, said Tuesday.",
    )
    assert one(quotes, "good reason").speaker == "Rosa Vega"
    assert one(quotes, "bill will pass").speaker == "Tom Hale"


def test_a_chant_and_a_subject_describing_something_as_a_quotation_are_quotes(nlp):
    quotes = run(
        nlp,
        'Marchers in the streets chanted "What ban?" and kept going until dawn.\n\n'
        "Ten people were hurt in an explosion that Mayor Lee Park described as “a deliberate act.”\n\n"
        "The village is a place known as “the end of the road.”",
    )
    assert one(quotes, "What ban").cue == "chant"
    assert one(quotes, "deliberate act").speaker == "Lee Park"
    assert not any("end of the road" in t for t in texts(quotes))


def test_a_paragraph_that_is_only_a_quotation_in_title_case_is_a_heading(nlp):
    quotes = run(
        nlp,
        "Mayor Lee Park spoke on Monday about the dam.\n\n“We will build it,” Park said.\n\n‘All Bets Are Off.’\n\n"
        "The river rose on Tuesday.\n\n“We are done,” said Ann Roe. “Go home.”",
    )
    assert not any("Bets" in t for t in texts(quotes))
    assert one(quotes, "Go home").speaker == "Ann Roe"


def test_going_after_someone_as_a_quotation_is_the_subject_s_words(nlp):
    quotes = run(
        nlp,
        "Ann Roe spoke on Monday.\n\n"
        "Reid has gone after Lane as a “greedy landlord who will drain the city” and a “spoiled child.”",
    )
    assert one(quotes, "greedy landlord").speaker == "Reid"
    assert one(quotes, "spoiled child").speaker == "Reid"


def test_a_reported_clause_after_a_phrase_of_the_saying_is_reported(nlp):
    """ "said after the hearing she would …": the parse hangs the clause on the verb as an adverbial one; it is the
    report, without the saying's phrase. A clause a subordinating word opens is no report."""
    quotes = run(nlp, "Varga said after the hearing she would not accept the panel's findings if they were published.")
    q = one(quotes, "would not accept")
    assert q.kind == "indirect" and q.speaker == "Varga"
    assert q.text.startswith("she would not accept") and "hearing" not in q.text
    assert not [q for q in run(nlp, "The senator said when the vote began she was confident.") if "confident" in q.text]


def test_a_present_the_tagger_took_for_a_bare_verb_still_reports_for_a_described_source(nlp):
    """ "…, aides to Ms. Varga say, …" (the verb tagged as a bare form after the name): its own subject and no
    auxiliary make it finite, and a described source of a finite verb is an unnamed source."""
    text = "In recent weeks, aides to Ms. Varga say, the senator has grown impatient with the pace of the talks."
    q = one(run(nlp, text), "grown impatient")
    assert q.kind == "indirect" and q.speaker == "aides"
    assert not [q for q in run(nlp, "In recent weeks, aides would say the senator had grown impatient.") if q.kind]


def test_said_at_the_time_that_reports_the_clause(nlp):
    """ "said at the time that …": the parse makes the clause a relative of "time"; it is the report, without its
    "that". A time that is the saying's object stays no report of it."""
    q = one(run(nlp, "The minister said at the time that the talks had failed."), "talks had failed")
    assert q.kind == "indirect" and q.speaker == "minister" and q.text == "the talks had failed"
    assert not [q for q in run(nlp, "He recalled the time that he met the president.") if q.kind == "indirect"]


def test_an_according_to_report_of_what_someone_will_say_is_the_reporters(nlp):
    """ "X will propose …, according to an official": no words of X's yet (a speech verb under a modal reports
    nothing), so the official's report stands; "X said …, according to the paper" stays X's words, once."""
    text = "The mayor will propose a new tax on the harbour, according to a city official who asked not to be named."
    q = one(run(nlp, text), "new tax on the harbour")
    assert q.kind == "indirect" and q.speaker == "city official" and q.text.startswith("The mayor will propose")
    said = run(nlp, "The mayor said the tax would pass, according to the Harbour Gazette.")
    assert [(q.speaker, q.text) for q in said if q.kind == "indirect"] == [("mayor", "the tax would pass")]


def test_one_of_a_group_speaks_as_the_group(nlp):
    """ "one of the senior aides", "many of the delegates": the group the number or quantifier is of is the
    source; a group ranked by a superlative ("one of the hardest things") is no one."""
    q = one(run(nlp, "The governor is leaving the race, according to one of the senior aides."), "leaving the race")
    assert q.kind == "indirect" and q.speaker == "senior aides"
    q = one(run(nlp, "Many of the delegates in the hall said they would walk out on Friday."), "walk out")
    assert q.speaker == "delegates"
    text = "One of the hardest things, the coach said, is that the team lost its captain."
    assert one(run(nlp, text), "lost its captain").speaker == "coach"
