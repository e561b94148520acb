"""Quotes: reported speech from sources we cannot name, and where a reported clause ends."""

from __future__ import annotations

from tests.model.extract.quotes.test_quotes import one, run


def test_unnamed_people_and_bodies_report_speech(nlp):
    qs = run(
        nlp,
        "Federal officials said the two men raised $350 million through the program. "
        "The campaign says the ad will air nationally next week.",
    )
    q = one(qs, "raised $350 million")
    assert q.kind == "indirect" and q.speaker == "Federal officials"
    assert one(qs, "will air nationally").kind == "indirect"


def test_an_unresolved_pronoun_reports_with_no_speaker(nlp):
    qs = run(nlp, "A letter arrived on Monday. It says the company violated federal law by copying the music.")
    q = one(qs, "violated federal law")
    assert q.kind == "indirect" and q.speaker is None


def test_unnamed_sources_stay_out_when_they_are_things_or_the_writer(nlp):
    qs = run(
        nlp,
        "Recent data suggests that trade grew fast. We know that the plan will fail next year. "
        "Officials expressed concerns over the partnership with the company.",
    )
    assert not any("trade grew" in q.text or "plan will fail" in q.text or "partnership" in q.text for q in qs)


def test_an_unnamed_source_must_be_the_subject_of_a_finite_verb(nlp):
    qs = run(nlp, "The two countries met in June, declaring that their relationship was superior to any alliance.")
    assert not any("superior" in q.text for q in qs)


def test_a_forecast_after_an_assessment_is_cut_off_the_reported_clause(nlp):
    qs = run(
        nlp,
        "Vladimir Putin met the minister on Monday, telling him that trade is better than expected "
        "and could soon reach $200 billion annually.",
    )
    assert one(qs, "better than expected").text == "trade is better than expected"
    qs = run(nlp, "The International Olympic Committee said it had met her and would meet her again.")
    assert one(qs, "had met her").text == "it had met her and would meet her again"


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
    assert all(q.kind == "indirect" for q in qs)


def test_learned_cues_leave_out_compliments_refusals_and_people(nlp):
    qs = run(
        nlp,
        "Wang Yi praised the continued cooperation between the two nations. "
        "Xi Jinping declined to use his influence over the war. "
        "Vladimir Putin thanked Chinese President Xi Jinping for the warm welcome.",
    )
    assert qs == []


def test_a_name_the_recogniser_missed_reports_speech(nlp):
    text = "Politifact says the claim is mostly false."
    assert one(run(nlp, text), "mostly false").speaker == "Politifact"
    assert run(nlp, text, untagged_names=False) == []


def test_people_quantifiers_and_relative_pronouns_as_unnamed_sources(nlp):
    qs = run(nlp, "Some say the program has brought billions of dollars to rural areas.")
    assert one(qs, "brought billions").speaker is None


def test_a_word_in_single_marks_leaves_the_clause_reported(nlp):
    qs = run(nlp, "Donald Trump said the league has gone ‘soft’ like the country.")
    q = one(qs, "gone")
    assert q.kind == "indirect" and q.text == "the league has gone ‘soft’ like the country"
    qs = run(nlp, "Donald Trump said the league has gone “soft” like the country.")
    assert [q.kind for q in qs] == ["partial"]  # double marks: the quote is the marked word


def test_a_name_as_the_object_of_a_stance(nlp):
    text = "Elizabeth Warren endorsed Hillary Clinton on Thursday. Bernie Sanders discussed Hillary Clinton."
    qs = run(nlp, text)
    assert [(q.text, q.kind, q.speaker) for q in qs] == [("Hillary Clinton", "indirect", "Elizabeth Warren")]
    assert run(nlp, text, name_objects=False) == []


def test_an_unresolved_pronoun_wants_or_supports_something(nlp):
    qs = run(nlp, "They want to preserve the non-endorsement policy of the coalition.")
    q = one(qs, "preserve")
    assert q.kind == "indirect" and q.speaker is None
    qs = run(nlp, "Officials rejected accusations of human rights abuse in the region.")
    assert qs == []  # people described, not named, with a noun phrase: a reaction the writer reports


def test_a_record_leading_its_clause(nlp):
    qs = run(nlp, "In the poll, Hillary Clinton leads Donald Trump by four points among likely voters.")
    q = one(qs, "leads Donald Trump")
    assert q.kind == "indirect" and q.cue == "in" and q.speaker == "poll"  # a record, unnamed
    assert run(nlp, "In the morning, Hillary Clinton led the parade through the town.") == []


def test_a_headline_led_by_a_record_or_a_name_ending_its_label(nlp):
    text = "Poll: Clinton and Trump in dead heat heading into first debate\n\nThe race is close."
    assert [q.text for q in run(nlp, text)] == ["Clinton and Trump in dead heat heading into first debate"]
    assert run(nlp, "Monday: the markets opened lower across the region\n\nThe day was calm.") == []


def test_a_short_noun_phrase_object_needs_two_content_words(nlp):
    qs = run(nlp, "Hillary Clinton cited disparaging remarks. Vladimir Putin addressed the countries.")
    assert [q.text for q in qs] == ["disparaging remarks"]


def test_a_body_described_by_a_common_noun_wants_something(nlp):
    text = "The campaign wants to preserve its non-endorsement policy."
    assert one(run(nlp, text), "preserve").speaker == "campaign"
    assert run(nlp, text, body_nominal=False) == []


def test_any_common_noun_that_speaks_but_not_evidence(nlp):
    text = "Cement makers argue that imports grew to 40 percent of the market. Recent data suggests that trade grew."
    qs = run(nlp, text)
    assert [q.text for q in qs] == ["imports grew to 40 percent of the market"]
    # the learned model off: it finds "Cement makers argue …" on its own
    assert run(nlp, text, any_noun_speaks=False, learned_model=False) == []


def test_a_coordinated_that_clause_stays_in_the_report(nlp):
    text = "Marco Rubio said he does not completely trust Trump but that Clinton cannot be elected."
    assert [q.text for q in run(nlp, text)] == ["he does not completely trust Trump but that Clinton cannot be elected"]
    assert [q.text for q in run(nlp, text, keep_that_clauses=False)] == ["he does not completely trust Trump"]
