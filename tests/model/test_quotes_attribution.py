"""Quotes: attributions beyond speech verbs (beliefs, findings, intentions, demands) and reported speech in
two-apostrophe quotation marks."""
from __future__ import annotations

from tests.model.test_quotes import one, run, texts


def test_a_person_s_belief_is_an_indirect_quote_of_its_clause(nlp):
    text = "Senator Elizabeth Warren believes that the banks have too much power over Congress."
    q = one(run(nlp, text), "banks")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Elizabeth Warren", "believe")
    assert q.text == "the banks have too much power over Congress"


def test_an_intention_is_an_indirect_quote_of_its_infinitive(nlp):
    text = "Hillary Clinton wants to triple the size of the AmeriCorps program."
    q = one(run(nlp, text), "AmeriCorps")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Hillary Clinton", "want")
    assert q.text == "to triple the size of the AmeriCorps program"


def test_what_a_person_calls_for_is_an_indirect_quote(nlp):
    text = "Bernie Sanders called for a tax on financial speculation by Wall Street firms."
    q = one(run(nlp, text), "speculation")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Bernie Sanders", "call")
    assert q.text.startswith("a tax on financial speculation")


def test_a_country_s_belief_or_demand_is_the_writer_s_description_not_a_quote(nlp):
    text = ("China fears that a Russian defeat would be the worst outcome of the war. "
            "China has called for an end to the war.")
    assert run(nlp, text) == []


def test_a_refusal_is_not_a_quote_of_what_was_refused(nlp):
    text = "Chinese President Xi Jinping declined to use his influence to pressure Moscow."
    assert run(nlp, text) == []


def test_a_belief_cue_never_claims_a_quoted_span_nor_becomes_a_later_pronoun_s_speaker(nlp):
    text = ("Tyresha McLenney said Hillary Clinton doesn’t show consistency on race.\n\n"
            "“It’s not something that she continuously says,” she said.")
    q = one(run(nlp, text), "continuously")
    assert (q.kind, q.speaker) == ("direct", "Tyresha McLenney")


def test_a_plan_inside_reported_speech_is_not_a_second_quote(nlp):
    text = "Russian President Vladimir Putin said he plans to discuss the war in Ukraine over dinner."
    qs = run(nlp, text)
    assert texts(qs) == ["he plans to discuss the war in Ukraine over dinner"]
    assert qs[0].cue == "say"


def test_two_apostrophe_quotation_runs_on_after_its_attribution(nlp):
    text = ("''The bottom line is that Twitter is not doing enough,'' Ms. Rita Katz said. "
            "''With the technology they have, they could do much more.''\n\nOthers disagreed.")
    q = one(run(nlp, text), "bottom line")
    assert (q.kind, q.speaker) == ("indirect", "Rita Katz")
    assert q.text.startswith("The bottom line") and q.text.endswith("they could do much more.")


def test_two_apostrophe_quotation_not_reopened_stays_at_its_attribution(nlp):
    text = "''The bottom line is that Twitter is not doing enough,'' Ms. Rita Katz said. Others disagreed."
    q = one(run(nlp, text), "bottom line")
    assert q.text == "The bottom line is that Twitter is not doing enough"
