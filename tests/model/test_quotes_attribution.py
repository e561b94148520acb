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


def test_a_record_s_finding_is_an_indirect_quote_with_the_record_as_unnamed_source(nlp):
    text = ("A new poll shows that Hillary Clinton leads Donald Trump by four points. "
            "According to the report, the company paid no federal taxes in 2015.")
    qs = run(nlp, text)
    poll, report = one(qs, "leads"), one(qs, "federal taxes")
    assert (poll.kind, poll.cue, poll.speaker) == ("indirect", "show", "new poll")
    assert poll.text == "Hillary Clinton leads Donald Trump by four points"
    assert (report.kind, report.cue) == ("indirect", "according to")


def test_a_record_s_finding_may_be_a_noun_phrase(nlp):
    text = "A 2014 study found 31 incidents of voter impersonation out of a billion ballots."
    q = one(run(nlp, text), "incidents")
    assert (q.kind, q.cue) == ("indirect", "find")
    assert q.text.startswith("31 incidents of voter impersonation")


def test_unnamed_people_still_give_no_indirect_quote(nlp):
    text = "Analysts say that the two countries will deepen their ties. Researchers found that trade grew fast."
    assert run(nlp, text) == []


def test_a_campaign_or_spokesman_speaks_for_the_one_named_as_its_owner(nlp):
    text = ("Bernie Sanders held a rally in Iowa on Monday. "
            "Bernie Sanders's campaign says it raised more than $21 million in January.")
    q = one(run(nlp, text), "raised")
    assert (q.kind, q.speaker, q.speakers) == ("indirect", "Bernie Sanders's campaign", ["Bernie Sanders"])
    assert "speaking for Bernie Sanders" in q.basis


def test_a_participle_of_speech_after_the_reported_clause_is_cut_off(nlp):
    text = ("Senator Bernie Sanders said he would release his tax returns for 2014 on Friday, "
            "adding that his finances are very boring.")
    q = one(run(nlp, text), "release")
    assert q.text == "he would release his tax returns for 2014 on Friday"
