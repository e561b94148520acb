"""Stances: a position attributed with no words reported is kind "stance", never reported speech (issue 18)."""

from __future__ import annotations

import pytest

from tests.model.extract.quotes.helpers import one, run

STANCES = (
    "Foreign Minister Pavel Orlov accused Warsaw of sabotaging the grain talks. Chancellor Greta Lind expressed "
    "firm opposition to the border plan. Senator Ruth Adler criticized the new steel tariffs. Senator Ruth Adler "
    "called for direct talks with the rebels."
)


def test_accusations_criticism_demands_and_opposition_are_stances(nlp):
    quotes = run(nlp, STANCES)
    accused = one(quotes, "of sabotaging")
    assert (accused.kind, accused.speaker, accused.cue) == ("stance", "Pavel Orlov", "accuse")
    assert accused.text.startswith("Warsaw of")  # whom, and of what
    assert one(quotes, "opposition to the border plan").kind == "stance"
    assert one(quotes, "steel tariffs").kind == "stance"
    demand = one(quotes, "direct talks")
    assert (demand.kind, demand.cue) == ("stance", "call for")


def test_a_belief_is_a_stance_but_words_said_about_it_are_reported(nlp):
    quotes = run(
        nlp, "Mayor Lena Stroud believes the bridge plan is doomed. Mayor Lena Stroud said the budget was late."
    )
    assert one(quotes, "bridge plan").kind == "stance"
    assert one(quotes, "budget was late").kind == "indirect"


def test_a_speech_act_with_an_infinitive_stays_reported_speech(nlp):
    quotes = run(nlp, "Governor Ada Quill urged the legislature to repeal the fuel levy before winter.")
    assert one(quotes, "repeal the fuel levy").kind == "indirect"


def test_the_question_put_to_someone_is_not_their_report(nlp):
    asked = run(nlp, "When asked whether the harbour tax should rise, Mayor Ivo Brandt said nothing.")
    assert not any("harbour tax" in q.text for q in asked)  # the asker's question, not the mayor's
    told = run(nlp, "Mayor Ivo Brandt was told that the harbour tax would rise.")
    assert not any("harbour tax" in q.text for q in told)  # the teller's words, the teller unnamed
    asking = run(nlp, "Mayor Ivo Brandt asked whether the harbour tax would rise.")
    assert one(asking, "harbour tax").speaker == "Ivo Brandt"  # his own question


def test_the_asked_rule_can_be_switched_off(nlp):
    text = "When asked whether the harbour tax should rise, Mayor Ivo Brandt said nothing."
    assert any("harbour tax" in q.text for q in run(nlp, text, addressee_not_source=False))


def test_a_commitment_to_act_is_a_stance_and_its_clause_stays_speech(nlp):
    quotes = run(
        nlp,
        "Senator Nina Varga pledged to scrap the ferry toll. Mayor Otto Brandl vowed to fight the closure in court. "
        "Mayor Otto Brandl promised that the library would reopen in May.",
    )
    pledge = one(quotes, "scrap the ferry toll")
    assert (pledge.kind, pledge.speaker, pledge.cue) == ("stance", "Nina Varga", "pledge")
    assert pledge.text.startswith("to scrap")
    assert one(quotes, "fight the closure").kind == "stance"
    assert one(quotes, "library would reopen").kind == "indirect"  # what he said would happen: his words


def test_commitments_can_be_switched_off(nlp):
    quotes = run(nlp, "Senator Nina Varga pledged to scrap the ferry toll.", commitments=False)
    assert not any("ferry toll" in q.text for q in quotes)


def test_a_stance_may_take_a_one_noun_object(nlp):
    text = "Senator Nina Varga opposed the merger."
    merger = one(run(nlp, text), "merger")
    assert (merger.kind, merger.speaker, merger.text) == ("stance", "Nina Varga", "the merger")
    assert not any("merger" in q.text for q in run(nlp, text, short_stance_objects=False))


@pytest.mark.parametrize("demand", ["restraint", "a ceasefire", "calm"])
def test_a_demand_may_be_for_one_noun_but_not_for_someone(nlp, demand):
    quotes = run(nlp, f"LIMA, May 2 (Wire Q) -- Peru on Friday called for {demand} after the border clashes.")
    assert [(q.kind, q.speaker, q.text, q.cue) for q in quotes] == [("stance", "Peru", demand, "call for")]
    assert run(nlp, "Mayor Lena Stroud called for him.") == []


@pytest.mark.parametrize(
    "sentence, text, cue",
    [
        ("Peru urged restraint after the clashes.", "restraint", "urge"),
        ("Peru demanded an apology.", "an apology", "demand"),
    ],
)
def test_what_is_urged_or_demanded_may_be_one_noun(nlp, sentence, text, cue):
    quotes = run(nlp, sentence)
    assert [(q.kind, q.speaker, q.text, q.cue) for q in quotes] == [("stance", "Peru", text, cue)]


def test_whom_a_demand_is_addressed_to_is_not_what_is_demanded(nlp):
    quotes = run(nlp, "Foreign Minister Elena Ruiz urged the two sides to show restraint.")
    assert [(q.speaker, q.text) for q in quotes] == [("Elena Ruiz", "to show restraint")]


def test_a_body_holds_a_stance_but_its_belief_is_not_dressed_as_words(nlp):
    text = "The Harbour Workers Union opposed the new dock schedule for night shifts."
    schedule = one(run(nlp, text), "dock schedule")
    assert schedule.kind == "stance"
    assert not any("dock schedule" in q.text for q in run(nlp, text, body_stances=False))


def test_an_act_denied_or_admitted_is_a_stance(nlp):
    quotes = run(
        nlp,
        "Admiral Olaf Berg has repeatedly denied shipping fuel to the rebels. Governor Ivo Brandt admitted taking the "
        "loans. Governor Ivo Brandt denied the charges.",
    )
    fuel = one(quotes, "shipping fuel")
    assert (fuel.kind, fuel.speaker, fuel.cue, fuel.text) == (
        "stance",
        "Olaf Berg",
        "deny",
        "shipping fuel to the rebels",
    )
    assert (one(quotes, "taking the loans").kind, one(quotes, "taking the loans").speaker) == ("stance", "Ivo Brandt")
    assert one(quotes, "the charges").kind == "stance"


def test_a_denial_of_an_act_the_sentence_named_before_is_no_stance_of_one_word(nlp):
    quotes = run(
        nlp, "The envoy warned of sanctions if Minsk ships fuel to the rebels, something Minsk has denied doing."
    )
    assert not any(q.text == "doing" for q in quotes)


@pytest.mark.parametrize("verb", ["criticised", "criticized"])
def test_a_cue_reads_the_same_in_british_and_american_spelling(nlp, verb):
    quotes = run(nlp, f"Senator Ruth Adler {verb} the tariffs.")
    assert [(q.speaker, q.text, q.kind, q.cue) for q in quotes] == [
        ("Ruth Adler", "the tariffs", "stance", "criticize")
    ]


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # what the object of "accused", "warned … against" does is no stance of the one who accused or warned
        ("Minister Pavel Orlov accused Warsaw of backing the blockade.", "the blockade"),
        ("Chancellor Greta Lind warned Oslo against funding the dam.", "the dam"),
    ],
)
def test_a_gerund_the_object_does_is_not_the_speakers_stance(nlp, sentence, absent):
    quotes = run(nlp, sentence)
    assert len(quotes) == 1 and quotes[0].kind == "stance"  # the accusation or the warning, whole
    assert not any(q.text == absent for q in quotes)


def test_a_gerund_after_in_is_the_subjects_own(nlp):
    quotes = run(nlp, "Senator Ruth Adler told reporters in commenting on the bill that it was unfair.")
    assert [(q.speaker, q.text) for q in quotes] == [("Ruth Adler", "it was unfair")]


def test_words_of_the_one_scolded_for_them_are_that_persons(nlp):
    quotes = run(nlp, 'Mayor Lena Stroud scolded Ivo Brandt for suggesting that tenants should "just move out."')
    assert one(quotes, "just move out").speaker == "Ivo Brandt"


@pytest.mark.parametrize(
    "subject, speaker",
    [
        ("The Freedonian government", "Freedonian government"),
        ("The Freedonian embassy in Lisbon", "Freedonian embassy"),
        ("The Freedonian foreign ministry", "Freedonian foreign ministry"),  # "ministry" tagged as a name
        ("Freedonian state media", "Freedonian state media"),  # "media", lemma "medium"
        ("Freedonian officials", "Freedonian officials"),
        ("The parliament", "parliament"),
    ],
)
def test_a_body_or_people_described_by_a_common_noun_hold_a_stance(nlp, subject, speaker):
    (stance,) = run(nlp, f"{subject} condemned the new steel tariffs on Tuesday.")
    assert (stance.kind, stance.speaker, stance.text) == ("stance", speaker, "the new steel tariffs")


def test_a_thing_described_by_a_common_noun_holds_no_stance(nlp):
    assert run(nlp, "The new steel tariffs hurt the harbour towns badly.") == []


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Ada Quill accused Freedonia of hypocrisy.", "Freedonia of hypocrisy"),  # one word of what
        # the parse hangs "of" on the name of whom the stance is against
        ("Ada Quill accused the United Provinces of gross hypocrisy over the border.", "of gross hypocrisy"),
    ],
)
def test_an_accusation_of_one_word_or_hung_on_whom_it_is_against_is_a_stance(nlp, sentence, text):
    stance = one(run(nlp, sentence), text)
    assert (stance.kind, stance.speaker, stance.cue) == ("stance", "Ada Quill", "accuse")


def test_what_is_said_is_reported_words_even_without_a_verb(nlp):
    text = (
        "Boric says ties with Peru 'stronger than ever' ahead of Lima trip\n\nPresident Gabriel Boric spoke on Monday."
    )
    q = one(run(nlp, text), "ties with Peru")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Gabriel Boric", "say")
