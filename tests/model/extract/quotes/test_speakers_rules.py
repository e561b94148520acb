"""Speakers: rules that mend attribution errors measured on PolNeAR train (see docs/rules/quotes.md)."""

from __future__ import annotations

from model.extract import entities
from model.extract.quotes.speakers import Resolver
from tests.model.extract.quotes.helpers import speakers


def _genders(nlp, text):
    doc = nlp(text)
    return Resolver(doc, entities.resolve_mentions(doc), [False] * len(doc), lambda pos: 0).gender


def test_an_untagged_relative_is_not_the_person_of_her_family_name(nlp):
    text = (
        "Donald Trump spoke first.\n\nOn the last day of the Republican National Convention in July, Ivanka "
        "Trump strode across the stage in a blush-toned dress from her namesake label."
    )
    doc = nlp(text)
    got = {m.text: m.canonical for m in entities.resolve_mentions(doc)}
    assert got.get("Ivanka Trump") == "Ivanka Trump"


def test_a_her_in_a_clause_below_does_not_make_the_subject_a_woman(nlp):
    text = (
        "Mukasey said the email scandal is only the latest issue in her political career that should give "
        "voters pause.\n\n“Over the years, Hillary Clinton has done a lot of things,” he said."
    )
    assert _genders(nlp, text).get("Mukasey") != "f"
    assert speakers(nlp, text)["Over the years, Hillary Clinton has done a lot of things,"] == "Mukasey"


def test_a_kinship_noun_after_a_possessive_name_is_not_that_person(nlp):
    text = (
        "Felicia Sanders survived the shooting.\n\nDylann Roof is accused of killing nine people inside the "
        "church in June 2015, including Sanders’ son, 26-year-old Tywanza."
    )
    assert _genders(nlp, text).get("Felicia Sanders") != "m"


def test_any_verb_right_after_a_quote_left_open_names_its_speaker(nlp):
    text = (
        "Trump said the wall was negotiable.\n\n“Would it be negotiable about the 11 million?” Hannity "
        "pressed. “Maybe let some people stay?”"
    )
    got = speakers(nlp, text)
    assert got["Would it be negotiable about the 11 million?"] == "Hannity"
    assert got["Maybe let some people stay?"] == "Hannity"


def test_a_verb_with_an_object_after_a_quote_is_not_its_cue(nlp):
    text = "“Hello, it’s the Biebs,” Justin Bieber has finally dethroned Adele on the Billboard Hot 100."
    assert speakers(nlp, text).get("Hello, it’s the Biebs,") is None


def test_a_things_frame_inside_a_persons_words_quotes_the_person(nlp):
    text = (
        "De Blasio said the move was made by NYPD commissioner Bill Bratton and said, “Who are you going to "
        "trust on security and keeping people safe?”"
    )
    assert speakers(nlp, text)["Who are you going to trust on security and keeping people safe?"] == "De Blasio"


def test_a_things_frame_alone_keeps_its_own_subject(nlp):
    text = "Sanders spoke.\n\nThe report said the plan would “bring the deficit down by half” within ten years."
    assert speakers(nlp, text)["bring the deficit down by half"] == "report"


def test_a_name_alone_before_a_colon_after_a_dash_introduces_the_quote(nlp):
    quote = (
        "At long last the 2016 presidential nomination contests have begun, and the turnout in Iowa was higher "
        "than many expected, though that tells us little about the states that vote next month."
    )
    text = f"HIGHER TURNOUT IN IOWA DOESN’T RAISE EXPECTATIONS - Michael P. McDonald: “{quote}” [HuffPost.]"
    assert speakers(nlp, text)[quote] == "Michael McDonald"


def test_a_dash_after_a_no_break_space_names_the_speaker(nlp):
    text = (
        "“She is a credit to this city.” ― Olga Ivanova\n“The mayor started cutting bus routes at "
        "the start of her second term.”\u00a0― Irina Sokolova."
    )
    got = speakers(nlp, text)
    assert got["The mayor started cutting bus routes at the start of her second term."] == "Irina Sokolova"


def test_footage_of_someone_saying_quotes_that_someone(nlp):
    text = "The documentary uses footage of Vladimir Putin asking, “Why aren’t we 100 years ahead, you may wonder?”"
    assert speakers(nlp, text)["Why aren’t we 100 years ahead, you may wonder?"] == "Vladimir Putin"


def test_a_name_opening_a_long_attribution_after_the_quote_speaks(nlp):
    text = (
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner "
        "nationally and current polling leader in South Carolina by a wide margin after winning the New "
        "Hampshire primaries, said when Boyle asked him a question."
    )
    assert speakers(nlp, text)["Very good reporter, very good reporter this guy,"] == "Trump"


def test_she_may_mean_a_persons_name_tagged_as_an_organisation(nlp):
    text = (
        "Fiorina, the former Hewlett-Packard CEO who dropped her own presidential bid in early February, made a "
        "surprise appearance at the rally in Miami.\n\n“Ted Cruz has stood up and fought for our right to bear "
        "arms,” she said to cheers."
    )
    assert speakers(nlp, text)["Ted Cruz has stood up and fought for our right to bear arms,"] == "Fiorina"


def test_she_never_means_a_body_tagged_as_an_organisation(nlp):
    text = (
        "The Democratic Party released its platform in Miami.\n\n“We have stood up for the right to vote,” "
        "she said to cheers."
    )
    assert speakers(nlp, text)["We have stood up for the right to vote,"] is None


def test_a_continuation_skips_an_unnamed_source_reporting_in_between(nlp):
    text = (
        "“We are going to start winning again,” Trump said at his victory party in Manchester, two hours after "
        "news outlets declared him the victor in the primary. “You are going to be so happy.”"
    )
    assert speakers(nlp, text)["You are going to be so happy."] == "Trump"


def test_a_fragment_in_a_report_of_someone_elses_words_is_the_reporters(nlp):
    text = "Rep. Steve Israel said Hillary Clinton called on members to be “closely coordinated.”"
    assert speakers(nlp, text)["closely coordinated."] == "Steve Israel"


def test_a_fragment_of_the_inner_speaker_alone_stays_hers(nlp):
    text = "Hillary Clinton called on members to be “closely coordinated.”"
    assert speakers(nlp, text)["closely coordinated."] == "Hillary Clinton"


def test_a_dash_opening_the_next_line_names_the_speaker(nlp):
    text = (
        "As is our practice, we do not award Pinocchios when we review assertions in debates.\n\n"
        '"I will look into it, and I will get back to you on the transcripts of my speeches."\n\n'
        "- Hillary Clinton.\n\nClinton has been looking into it for a long time."
    )
    assert (
        speakers(nlp, text)["I will look into it, and I will get back to you on the transcripts of my speeches."]
        == "Hillary Clinton"
    )


def test_a_colon_after_a_clause_with_no_speaker_looks_to_the_clause_above(nlp):
    text = (
        'The inquiry continues.\n\nHillary Clinton has since apologized for what happened: "Yes, I should have '
        'used two email addresses, one for personal use and one for work."'
    )
    assert (
        speakers(nlp, text)["Yes, I should have used two email addresses, one for personal use and one for work."]
        == "Hillary Clinton"
    )
