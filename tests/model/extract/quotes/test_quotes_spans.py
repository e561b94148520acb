"""Quotes: the shape of indirect contents — interrupted attributions, coordinated cues, a stance's reach."""

from __future__ import annotations

from tests.model.extract.quotes.test_quotes import one, run


def indirect(qs):
    return [(q.text, q.speaker) for q in qs if q.kind == "indirect"]


def test_an_attribution_interrupting_the_sentence_reports_the_whole_sentence(nlp):
    text = (
        "Barack Obama spoke on Monday. It was, Mr. Obama said, one of the bitterest failures of his presidency. "
        "Though that transition was relatively seamless, Mr. Obama said, replacing Clinton would be much more "
        "acrimonious."
    )
    qs = run(nlp, text)
    assert ("It was, Mr. Obama said, one of the bitterest failures of his presidency", "Barack Obama") in indirect(qs)
    seamless = one(qs, "seamless")
    assert seamless.kind == "indirect" and seamless.speaker == "Barack Obama"
    assert seamless.text.endswith("replacing Clinton would be much more acrimonious")


def test_an_interrupting_attribution_the_parse_hangs_elsewhere_reports_the_whole_sentence(nlp):
    # "he said" hangs on the second clause's head; "the agency said" heads the first and a coordinated second
    text = (
        "Don Fowler spoke on Monday. Though that transition was relatively seamless, he said, replacing "
        "Clinton would be much more acrimonious and could lead to intense lobbying. The top 10 percent paid 69 "
        "percent of all taxes. The middle one-fifth paid 8.9 percent, the agency said in a June report, and "
        "those in the bottom fifth of incomes paid 0.8 percent."
    )
    qs = run(nlp, text)
    assert one(qs, "seamless").text.endswith("could lead to intense lobbying")
    assert one(qs, "middle one-fifth").text.endswith("paid 0.8 percent")


def test_an_interrupting_attribution_keeps_the_quoted_words_out(nlp):
    text = (
        "The relationship was not directed against any third party, Wang Yi said, but similarly “will not be "
        "subject to pressure from third parties.”"
    )
    qs = run(nlp, text)
    assert ("The relationship was not directed against any third party", "Wang Yi") in indirect(qs)


def test_a_belief_interrupting_what_is_believed(nlp):
    qs = run(nlp, "His leverage, they believe, isn’t going anywhere.")
    assert [q.text for q in qs if q.kind == "indirect"] == ["His leverage, they believe, isn’t going anywhere"]


def test_a_cue_coordinated_with_the_reported_clause_is_its_own_report(nlp):
    text = (
        "President Joe Biden said he would order a review and warned against potential hackers in the election. "
        "Donald Trump said the country would declare independence and suggested that it would withdraw from "
        "the treaty."
    )
    got = indirect(run(nlp, text))
    assert ("he would order a review", "Joe Biden") in got
    assert ("potential hackers in the election", "Joe Biden") in got
    assert ("the country would declare independence", "Donald Trump") in got
    assert ("it would withdraw from the treaty", "Donald Trump") in got


def test_a_stance_reaches_the_phrase_the_parse_hung_on_its_verb(nlp):
    text = "Senator Bernie Sanders spoke in Iowa. Sanders has criticized Clinton for having ties to Wall Street."
    assert ("Clinton for having ties to Wall Street", "Bernie Sanders") in indirect(run(nlp, text))


def test_a_stance_reaches_an_infinitive_or_a_clause_right_after_its_object(nlp):
    got = [q.text for q in run(nlp, "Clinton cited disparaging remarks Trump had made about Machado as examples.")]
    assert got == ["disparaging remarks Trump had made about Machado as examples"]
    text = "Hillary Clinton spoke in Iowa. Clinton called for female contestants to wear shorter dresses."
    assert ("female contestants to wear shorter dresses", "Hillary Clinton") in indirect(run(nlp, text))


def test_a_cue_participle_ending_the_reported_clause_is_the_speakers_own_report(nlp):
    text = (
        "Senator Bob Corker said geopolitical factors have contributed to the decline, citing the strategic "
        "importance of the Arctic."
    )
    got = indirect(run(nlp, text))
    assert ("geopolitical factors have contributed to the decline", "Bob Corker") in got
    assert ("the strategic importance of the Arctic", "Bob Corker") in got


def test_an_attribution_between_two_reported_clauses_reports_both(nlp):
    qs = run(nlp, "But there is a risk, some Democrats said, that Mr. Sanders would push the party too far.")
    assert [q.text for q in qs if q.kind == "indirect"] == [
        "there is a risk, some Democrats said, that Mr. Sanders would push the party too far"
    ]


def test_an_attribution_closing_the_sentence_covers_all_of_it(nlp):
    text = (
        "Hillary Clinton has raised $2.7 million from tech donors since beginning her campaign, while Bernie "
        "Sanders has raised $6 million, according to the Federal Election Commission."
    )
    got = [q.text for q in run(nlp, text) if q.kind == "indirect"]
    assert got == [text[: text.index(", according")]]


def test_a_clause_before_a_colon_is_not_what_the_cue_after_it_reports(nlp):
    text = "The mood has shifted in Washington: Republicans said they're increasingly convinced that Trump will lose."
    assert [q.text for q in run(nlp, text) if q.kind == "indirect"] == [
        "they're increasingly convinced that Trump will lose"
    ]
