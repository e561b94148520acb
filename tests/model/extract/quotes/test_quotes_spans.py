"""Quotes: the shape of indirect contents — interrupted attributions, coordinated cues, a stance's reach."""

from __future__ import annotations

from tests.model.extract.quotes.helpers import one, run


def indirect(qs):
    return [(q.text, q.speaker) for q in qs if q.kind == "indirect"]


def attributed(qs):
    """Reported speech and stances (issue 18): what PolNeAR calls attributions without quotation marks."""
    return [(q.text, q.speaker) for q in qs if q.kind in ("indirect", "stance")]


def test_an_attribution_interrupting_the_sentence_reports_the_whole_sentence(nlp):
    text = (
        "Boris Yeltsin spoke on Monday. It was, Mr. Yeltsin said, one of the hardest winters of his presidency. "
        "Though that handover was fairly smooth, Mr. Yeltsin said, replacing Primakov would be far more "
        "divisive."
    )
    qs = run(nlp, text)
    assert ("It was, Mr. Yeltsin said, one of the hardest winters of his presidency", "Boris Yeltsin") in indirect(qs)
    seamless = one(qs, "smooth")
    assert seamless.kind == "indirect" and seamless.speaker == "Boris Yeltsin"
    assert seamless.text.endswith("replacing Primakov would be far more divisive")


def test_an_interrupting_attribution_the_parse_hangs_elsewhere_reports_the_whole_sentence(nlp):
    # "he said" hangs on the second clause's head; "the agency said" heads the first and a coordinated second
    text = (
        "Yuri Ushakov spoke on Monday. Though that handover was fairly smooth, he said, replacing "
        "Primakov would be far more divisive and could lead to fierce infighting. The largest 10 firms earned 58 "
        "percent of all revenue. The middle tier earned 7.5 percent, the ministry said in a May report, and "
        "those in the lowest tier of exporters earned 0.6 percent."
    )
    qs = run(nlp, text)
    assert one(qs, "smooth").text.endswith("could lead to fierce infighting")
    assert one(qs, "middle tier").text.endswith("earned 0.6 percent")


def test_an_interrupting_attribution_keeps_the_quoted_words_out(nlp):
    text = (
        "The pipeline deal was not aimed at any other buyer, Alexander Novak said, but equally “will not be "
        "hostage to demands from outside.”"
    )
    qs = run(nlp, text)
    assert ("The pipeline deal was not aimed at any other buyer", "Alexander Novak") in indirect(qs)


def test_a_belief_interrupting_what_is_believed(nlp):
    qs = run(nlp, "His leverage, they believe, isn’t going anywhere.")
    assert [q.text for q in qs if q.kind == "stance"] == ["His leverage, they believe, isn’t going anywhere"]


def test_a_cue_coordinated_with_the_reported_clause_is_its_own_report(nlp):
    text = (
        "President Joe Biden said he would order a review and warned against potential hackers in the election. "
        "Vladimir Putin said the republic would hold a referendum and suggested that it would leave "
        "the agreement."
    )
    got = attributed(run(nlp, text))
    assert ("he would order a review", "Joe Biden") in got
    assert ("potential hackers in the election", "Joe Biden") in got  # warned against: a stance
    assert ("the republic would hold a referendum", "Vladimir Putin") in got
    assert ("it would leave the agreement", "Vladimir Putin") in got


def test_a_stance_reaches_the_phrase_the_parse_hung_on_its_verb(nlp):
    text = "Senator Bernie Sanders spoke in Iowa. Sanders has criticized Clinton for having ties to Wall Street."
    assert ("Clinton for having ties to Wall Street", "Bernie Sanders") in attributed(run(nlp, text))


def test_a_stance_reaches_an_infinitive_or_a_clause_right_after_its_object(nlp):
    got = [q.text for q in run(nlp, "Putin cited dismissive remarks Biden had made about Xi as examples.")]
    assert got == ["dismissive remarks Biden had made about Xi as examples"]
    text = "Sergei Lavrov spoke in Delhi. Lavrov called for Western envoys to show more restraint."
    assert ("Western envoys to show more restraint", "Sergei Lavrov") in attributed(run(nlp, text))


def test_a_cue_participle_ending_the_reported_clause_is_the_speakers_own_report(nlp):
    text = (
        "Senator Bob Corker said rising costs have contributed to the delay, citing the technical "
        "complexity of the project."
    )
    got = attributed(run(nlp, text))
    assert ("rising costs have contributed to the delay", "Bob Corker") in got
    assert ("the technical complexity of the project", "Bob Corker") in got  # citing: a stance


def test_an_attribution_between_two_reported_clauses_reports_both(nlp):
    qs = run(nlp, "But there is a danger, some councillors said, that Ms. Brandt would stretch the budget too thin.")
    assert [q.text for q in qs if q.kind == "indirect"] == [
        "there is a danger, some councillors said, that Ms. Brandt would stretch the budget too thin"
    ]


def test_an_attribution_closing_the_sentence_covers_all_of_it(nlp):
    text = (
        "Laura Mendes has collected $1.4 million from local firms since starting her bid, while Victor "
        "Hale has collected $3 million, according to the City Ethics Board."
    )
    got = [q.text for q in run(nlp, text) if q.kind == "indirect"]
    assert got == [text[: text.index(", according")]]


def test_a_clause_before_a_colon_is_not_what_the_cue_after_it_reports(nlp):
    text = "The mood has changed in Kyiv: Ukrainians said they're increasingly certain that the deal will fail."
    assert [q.text for q in run(nlp, text) if q.kind == "indirect"] == [
        "they're increasingly certain that the deal will fail"
    ]


def test_a_span_is_one_quote_the_first_rule_to_find_it_keeps_it():
    from types import SimpleNamespace

    from model.extract.quotes.extractor import one_a_span

    framed = SimpleNamespace(start=10, end=40, kind="direct")
    learned_again = SimpleNamespace(start=10, end=40, kind="indirect")
    other = SimpleNamespace(start=50, end=70, kind="indirect")
    assert one_a_span([framed, other, learned_again]) == [framed, other]


def test_a_quotation_opened_inside_the_clause_runs_on_past_its_attribution(nlp):
    text = (
        "Still, the old grain mills are ''barely breaking even,'' Mr. Dunmore said from his farm near Lorain. "
        "''Milling is a thin trade. I rarely tell a client to buy one.''"
    )
    whole = one(run(nlp, text), "barely breaking even")
    assert whole.kind == "indirect"
    assert whole.text.startswith("Still, the old grain mills") and whole.text.endswith("to buy one.")
    cut = one(run(nlp, text, split_apostrophes=False), "barely breaking even")
    assert "thin trade" not in cut.text


def test_words_in_two_apostrophes_need_no_finite_verb(nlp):
    text = "Senator Ilse Marr spoke at the docks.\n\n''Keep an eye on that difference,'' she said."
    kept = one(run(nlp, text), "Keep an eye")
    assert (kept.kind, kept.text) == ("indirect", "Keep an eye on that difference")
    assert not any("Keep an eye" in q.text for q in run(nlp, text, apostrophe_words=False))
