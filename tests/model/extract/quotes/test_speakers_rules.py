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
        "Peter Novak spoke first.\n\nOn the opening night of the Film Festival in May, Ivanka Novak "
        "strode down the red carpet in a silver gown from her own fashion line."
    )
    doc = nlp(text)
    got = {m.text: m.canonical for m in entities.resolve_mentions(doc)}
    assert got.get("Ivanka Novak") == "Ivanka Novak"


def test_a_her_in_a_clause_below_does_not_make_the_subject_a_woman(nlp):
    text = (
        "Delgado said the budget overrun is only the newest problem in her long council tenure that should "
        "give residents pause.\n\n“Over the years, Maria Lopez has made a lot of promises,” he said."
    )
    assert _genders(nlp, text).get("Delgado") != "f"
    assert speakers(nlp, text)["Over the years, Maria Lopez has made a lot of promises,"] == "Delgado"


def test_a_kinship_noun_after_a_possessive_name_is_not_that_person(nlp):
    text = (
        "Marta Rees survived the fire.\n\nTom Hale is accused of starting the blaze that killed four people "
        "inside the warehouse in May 2018, including Rees’ son, 19-year-old Owen."
    )
    assert _genders(nlp, text).get("Marta Rees") != "m"


def test_any_verb_right_after_a_quote_left_open_names_its_speaker(nlp):
    text = (
        "Park said the tariff was negotiable.\n\n“Would it be negotiable on the steel quota?” Morrison "
        "pressed. “Maybe spare the smaller mills?”"
    )
    got = speakers(nlp, text)
    assert got["Would it be negotiable on the steel quota?"] == "Morrison"
    assert got["Maybe spare the smaller mills?"] == "Morrison"


def test_a_verb_with_an_object_after_a_quote_is_not_its_cue(nlp):
    text = "“Hey, it’s the Captain,” Tom Harwood has finally overtaken Leo Grant at the top of the scoring chart."
    assert speakers(nlp, text).get("Hey, it’s the Captain,") is None


def test_a_things_frame_inside_a_persons_words_quotes_the_person(nlp):
    text = (
        "Okafor said the closure was ordered by fire chief Dana Wills and said, “Who are you going to "
        "believe on bridges and keeping drivers safe?”"
    )
    assert speakers(nlp, text)["Who are you going to believe on bridges and keeping drivers safe?"] == "Okafor"


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
        "“Very good coach, very good coach this man,” Hartley, the club’s longest-serving chairman "
        "and current favourite in the board election by a clear margin after winning the spring "
        "ballot, said when Mills asked him a question."
    )
    assert speakers(nlp, text)["Very good coach, very good coach this man,"] == "Hartley"


def test_she_may_mean_a_persons_name_tagged_as_an_organisation(nlp):
    text = (
        "Whitman, the former eBay CEO who dropped her own bid for governor in early March, made a "
        "surprise appearance at the meeting in Fresno.\n\n“Mark Ellis has stood up and fought for our right to "
        "build homes,” she said to cheers."
    )
    assert speakers(nlp, text)["Mark Ellis has stood up and fought for our right to build homes,"] == "Whitman"


def test_she_never_means_a_body_tagged_as_an_organisation(nlp):
    text = (
        "The Democratic Party released its platform in Miami.\n\n“We have stood up for the right to vote,” "
        "she said to cheers."
    )
    assert speakers(nlp, text)["We have stood up for the right to vote,"] is None


def test_a_continuation_skips_an_unnamed_source_reporting_in_between(nlp):
    text = (
        "“We are going to start scoring again,” Alvarez said at his club dinner in Leeds, two hours after "
        "local papers named him the coach of the season. “You are going to be so proud.”"
    )
    assert speakers(nlp, text)["You are going to be so proud."] == "Alvarez"


def test_a_fragment_in_a_report_of_someone_elses_words_is_the_reporters(nlp):
    text = "Rep. Steve Israel said Hillary Clinton called on members to be “closely coordinated.”"
    assert speakers(nlp, text)["closely coordinated."] == "Steve Israel"


def test_a_fragment_of_the_inner_speaker_alone_stays_hers(nlp):
    text = "Hillary Clinton called on members to be “closely coordinated.”"
    assert speakers(nlp, text)["closely coordinated."] == "Hillary Clinton"


def test_a_dash_opening_the_next_line_names_the_speaker(nlp):
    text = (
        "As is our habit, we do not grade claims when we review statements at council meetings.\n\n"
        '"I will check on it, and I will come back to you with the minutes of those hearings."\n\n'
        "- Nadia Brooks.\n\nBrooks has been checking on it for a long time."
    )
    assert (
        speakers(nlp, text)["I will check on it, and I will come back to you with the minutes of those hearings."]
        == "Nadia Brooks"
    )


def test_a_colon_after_a_clause_with_no_speaker_looks_to_the_clause_above(nlp):
    text = (
        'The audit continues.\n\nOmar Hassan has since apologized for the mix-up: "Yes, I should have '
        'kept two bank accounts, one for the campaign and one for the office."'
    )
    assert (
        speakers(nlp, text)["Yes, I should have kept two bank accounts, one for the campaign and one for the office."]
        == "Omar Hassan"
    )
