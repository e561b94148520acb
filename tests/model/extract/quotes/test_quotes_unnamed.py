"""Quotes: reported speech from sources we cannot name, and where a reported clause ends."""

from __future__ import annotations

import pytest

from tests.model.extract.quotes.helpers import one, run


def test_unnamed_people_and_bodies_report_speech(nlp):
    qs = run(
        nlp,
        "Regional officials said the two firms moved $120 million through the scheme. "
        "The committee says the report will appear online next week.",
    )
    q = one(qs, "moved $120 million")
    assert q.kind == "indirect" and q.speaker == "Regional officials"
    assert one(qs, "will appear online").kind == "indirect"


def test_an_unresolved_pronoun_reports_with_no_speaker(nlp):
    qs = run(nlp, "A letter arrived on Monday. It says the company violated federal law by copying the music.")
    q = one(qs, "violated federal law")
    assert q.kind == "indirect" and q.speaker is None


def test_unnamed_sources_stay_out_when_they_are_things_or_the_writer(nlp):
    qs = run(
        nlp,
        "Recent data suggests that trade grew fast. We know that the plan will fail next year.",
    )
    assert not any("trade grew" in q.text or "plan will fail" in q.text for q in qs)


def test_an_unnamed_source_must_be_the_subject_of_a_finite_verb(nlp):
    qs = run(nlp, "The two countries met in May, declaring that their partnership was stronger than any bloc.")
    assert not any("stronger" in q.text for q in qs)


def test_a_forecast_after_an_assessment_is_cut_off_the_reported_clause(nlp):
    qs = run(
        nlp,
        "Li Qiang met the governor on Friday, telling him that investment is higher than forecast "
        "and could soon double in the region.",
    )
    assert one(qs, "higher than forecast").text == "investment is higher than forecast"
    qs = run(nlp, "The World Health Organization said it had contacted them and would contact them again.")
    assert one(qs, "had contacted").text == "it had contacted them and would contact them again"


def test_learned_cues_attribute_their_dependent(nlp):
    qs = run(
        nlp,
        "Elizabeth Warren discussed the new tax plan for small businesses. "
        "Bernie Sanders vowed to raise the minimum wage for federal workers. "
        "John Kasich sees the trade deal as a threat to American jobs.",
    )
    assert one(qs, "tax plan").text == "the new tax plan for small businesses"
    assert one(qs, "minimum wage").text == "to raise the minimum wage for federal workers"
    assert one(qs, "threat").text == "a threat to American jobs"
    # a topic discussed, a vow to act (a commitment: what will be done, not the words), a view held are stances
    assert [q.kind for q in qs] == ["stance", "stance", "stance"]


def test_learned_cues_leave_out_compliments_refusals_and_people(nlp):
    qs = run(
        nlp,
        "Sergei Lavrov praised the growing trade between the two neighbours. "
        "Narendra Modi declined to use his leverage over the conflict. "
        "Vladimir Putin thanked Indian Prime Minister Narendra Modi for the warm welcome.",
    )
    assert qs == []


def test_a_name_the_recogniser_missed_reports_speech(nlp):
    text = "Politifact says the claim is mostly false."
    assert one(run(nlp, text), "mostly false").speaker == "Politifact"
    assert run(nlp, text, untagged_names=False) == []


def test_people_quantifiers_and_relative_pronouns_as_unnamed_sources(nlp):
    qs = run(nlp, "Some say the pipeline has brought thousands of jobs to remote towns.")
    assert one(qs, "brought thousands").speaker is None


def test_a_word_in_single_marks_leaves_the_clause_reported(nlp):
    qs = run(nlp, "Donald Trump said the league has gone ‘soft’ like the country.")
    q = one(qs, "gone")
    assert q.kind == "indirect" and q.text == "the league has gone ‘soft’ like the country"
    qs = run(nlp, "Donald Trump said the league has gone “soft” like the country.")
    assert [q.kind for q in qs] == ["partial"]  # double marks: the quote is the marked word


def test_a_name_as_the_object_of_a_stance(nlp):
    text = "Elizabeth Warren endorsed Hillary Clinton on Thursday. Bernie Sanders discussed Hillary Clinton."
    qs = run(nlp, text)
    assert [(q.text, q.kind, q.speaker) for q in qs] == [("Hillary Clinton", "stance", "Elizabeth Warren")]
    assert run(nlp, text, name_objects=False) == []


def test_an_unresolved_pronoun_wants_or_supports_something(nlp):
    qs = run(nlp, "They want to preserve the non-endorsement policy of the coalition.")
    q = one(qs, "preserve")
    assert q.kind == "stance" and q.speaker is None
    # people described, not named, with a noun phrase: their position, a stance (PolNeAR counts it; no words)
    q = one(run(nlp, "Officials rejected claims of forced labour at the factories."), "forced labour")
    assert (q.kind, q.speaker) == ("stance", "Officials")


def test_a_record_leading_its_clause(nlp):
    qs = run(nlp, "In the poll, Hillary Clinton leads Donald Trump by four points among likely voters.")
    q = one(qs, "leads Donald Trump")
    assert q.kind == "indirect" and q.cue == "in" and q.speaker == "poll"  # a record, unnamed
    assert run(nlp, "In the morning, Hillary Clinton led the parade through the town.") == []


def test_a_headline_led_by_a_record_or_a_name_ending_its_label(nlp):
    text = "Poll: Macron and Le Pen neck and neck going into final round\n\nThe race is tight."
    assert [q.text for q in run(nlp, text)] == ["Macron and Le Pen neck and neck going into final round"]
    assert run(nlp, "Monday: the markets opened lower across the region\n\nThe day was calm.") == []


def test_a_short_noun_phrase_object_needs_two_content_words(nlp):
    qs = run(nlp, "Hillary Clinton cited disparaging remarks. Vladimir Putin addressed the countries.")
    assert [q.text for q in qs] == ["disparaging remarks"]


def test_a_body_described_by_a_common_noun_wants_something(nlp):
    text = "The ministry wants to keep its no-comment policy."
    assert one(run(nlp, text), "keep").speaker == "ministry"
    assert run(nlp, text, body_nominal=False, learned_model=False) == []  # (the learned model may find it too)


def test_any_common_noun_that_speaks_but_not_evidence(nlp):
    text = "Cement makers argue that imports grew to 40 percent of the market. Recent data suggests that trade grew."
    qs = run(nlp, text)
    assert [q.text for q in qs] == ["imports grew to 40 percent of the market"]
    # the learned model off: it finds "Cement makers argue …" on its own
    assert run(nlp, text, any_noun_speaks=False, learned_model=False) == []


def test_a_coordinated_that_clause_stays_in_the_report(nlp):
    text = "Helen Price said she does not fully trust Grant but that Novak cannot be appointed."
    assert [q.text for q in run(nlp, text)] == ["she does not fully trust Grant but that Novak cannot be appointed"]
    assert [q.text for q in run(nlp, text, keep_that_clauses=False)] == ["she does not fully trust Grant"]


def test_according_to_any_described_source_reports_the_clause(nlp):
    text = "Since March, Ms. Orwell has spent nearly $4 million on radio spots, according to a media ad tracker."
    spent = one(run(nlp, text), "radio spots")
    assert (spent.kind, spent.cue, spent.speaker) == ("indirect", "according to", "media ad tracker")
    assert spent.text.startswith("Since March")
    assert not any("radio spots" in q.text for q in run(nlp, text, according_any_noun=False))


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("The harbour will reopen in May, a person familiar with the talks said.", "person familiar with the talks"),
        ("The harbour will reopen in May, according to people close to the mayor.", "people close to the mayor"),
    ],
)
def test_an_unnamed_source_keeps_the_words_after_it_that_say_who_it_is(nlp, sentence, speaker):
    quotes = run(nlp, sentence)
    assert [(q.speaker, q.text) for q in quotes] == [(speaker, "The harbour will reopen in May")]
