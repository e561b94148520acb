import re

import pytest

from model.extract import entities


def canon(nlp, text):
    return {(m.text, m.canonical, m.label) for m in entities.resolve_mentions(nlp(text))}


def by_text(nlp, text):
    out = {}
    for m in entities.resolve_mentions(nlp(text)):
        out.setdefault(m.text, set()).add(m.canonical)
    return out


def test_countries_by_formal_name_and_abbreviation(nlp):
    got = by_text(
        nlp,
        "The PRC and the People’s Republic of China are one. U.S. officials and the US Senate "
        "spoke with the United States envoy.",
    )
    assert got["PRC"] == {"China"} and got["People’s Republic of China"] == {"China"}
    assert got["U.S."] == {"United States"} and got["US"] == {"United States"}
    assert got["United States"] == {"United States"}


def test_surname_and_title_resolve_to_full_name(nlp):
    got = by_text(
        nlp, "Chinese President Xi Jinping met Putin. President Xi said the talks went well. Later, Xi left Moscow."
    )
    assert got["Xi Jinping"] == {"Xi Jinping"}
    assert got["Xi"] == {"Xi Jinping"}


def test_titled_alias_is_recorded(nlp):
    ms = entities.resolve_mentions(nlp("Secretary of State Antony Blinken spoke. President Xi Jinping listened."))
    titles = {m.canonical: m.title for m in ms if m.label == "PERSON"}
    assert titles.get("Xi Jinping") == "President"


def test_family_name_first_order(nlp):
    got = by_text(nlp, "Foreign Minister Wang Yi arrived in Moscow. Wang met Lavrov on Tuesday.")
    assert got["Wang"] == {"Wang Yi"}
    assert entities.family_name("Wang Yi") == "Wang"
    assert entities.family_name("Qin Gang") == "Qin"
    assert entities.family_name("Ned Price") == "Price"
    assert entities.family_name("Antony J. Blinken") == "Blinken"


def test_surname_mislabelled_as_org_becomes_person(nlp):
    ms = entities.resolve_mentions(
        nlp("China’s chief envoy, Wang Yi, toured Kazakhstan. Wang, a veteran negotiator, welcomed the agreement.")
    )
    wang = [m for m in ms if m.text == "Wang"]
    assert wang and all(m.canonical == "Wang Yi" and m.label == "PERSON" for m in wang)


def test_a_full_name_tagged_as_an_organisation_is_the_person_its_surname_alone_names(nlp):
    got = by_text(
        nlp,
        "ALMATY — Kyrgyz President Sadyr-Bek Zhaparov said on Monday that his country would not choose. "
        "“We are friends of all,” Zhaparov told a forum of investors.",
    )
    assert got["Zhaparov"] == {"Sadyr-Bek Zhaparov"}
    ms = entities.resolve_mentions(nlp("The Sanders Institute hired staff. Sanders spoke in Iowa."))
    assert {m.label for m in ms if m.text == "Sanders Institute"} == {"ORG"}


def test_a_mention_run_over_a_comma_is_a_name_per_part(nlp):
    from model.extract.entities import _names_apart_at_commas

    text = "Later, Alexei Varin, Norilsk's chief executive, said so."
    s = text.index("Varin")
    raw = [(s, s + len("Varin, Norilsk"), "Varin, Norilsk", "ORG", None)]
    assert [(r[2], r[3]) for r in _names_apart_at_commas(text, raw)] == [("Alexei Varin", "PERSON"), ("Norilsk", "ORG")]


def test_distinct_people_are_never_merged(nlp):
    text = (
        "Wang Yi met officials. Wan Qingsong, a professor, commented. Wan said it was time. Wang agreed. "
        "Daniel Russell spoke. Daniel Krettenbrink also spoke. Krettenbrink told reporters."
    )
    got = by_text(nlp, text)
    assert got["Wan"] == {"Wan Qingsong"}
    assert got.get("Wang", {"Wang Yi"}) == {"Wang Yi"}
    assert got["Krettenbrink"] == {"Daniel Krettenbrink"}
    assert not any("Daniel" == t for t in got)


def test_two_people_sharing_a_family_name_leave_the_surname_unresolved(nlp):
    ms = entities.resolve_mentions(nlp("Wang Yi met Wang Wenbin in Beijing. Wang said the talks were useful."))
    lone = [m for m in ms if m.text == "Wang"]
    assert all(m.canonical == "Wang" for m in lone)


def test_names_do_not_run_over_lines_or_possessives(nlp):
    ms = entities.resolve_mentions(nlp("Putin hosts veteran envoy Wang Yi\n  • Wang: ties are sound"))
    assert "Wang Yi" in {m.canonical for m in ms}
    assert all("\n" not in m.text for m in ms)


def test_a_name_ending_the_sentence_leaves_its_full_stop(nlp):
    # the tokenizer reads "Jun." as the month: the full stop is the sentence's, not the name's
    found = by_text(nlp, "The minister met his counterpart Li Jun. The two men toured the port.")
    assert found.get("Li Jun") == {"Li Jun"}
    assert "Li Jun." not in found
    assert by_text(nlp, "The award went to Arthur Penn Jr.").get("Arthur Penn Jr.") == {"Arthur Penn Jr."}


def test_a_place_in_a_wire_dateline_is_named_as_the_article_writes_it(nlp):
    found = by_text(nlp, "BEIJING, China (Wire) - The talks in Beijing ended.")
    assert found["BEIJING"] == {"Beijing"}
    assert by_text(nlp, "TOKYO (Wire) - The talks ended early.")["TOKYO"] == {"Tokyo"}
    assert by_text(nlp, "Officials in WASHINGTON said no.")["WASHINGTON"] == {"WASHINGTON"}  # no dateline: as written


@pytest.mark.parametrize(
    "place, name", [("SHANGHAI", "Shanghai"), ("KAZAN", "Kazan"), ("ST PETERSBURG", "St Petersburg")]
)
def test_a_wire_datelines_place_is_a_place_whatever_the_recogniser_made_of_it(nlp, place, name):
    """Untagged ("SHANGHAI"), an organisation ("KAZAN"), or its first word alone ("ST"): a place, named in its case;
    and the dateline's date is no one ("Oct 2" tagged as a person)."""
    got = canon(nlp, f"{place}, Oct 2 (Wire) - The delegations met on Monday.")
    assert (place, name, "GPE") in got
    assert not any(text.startswith("Oct") or label != "GPE" and text in place for text, _, label in got)


def test_all_caps_name_matches(nlp):
    got = by_text(nlp, "Chinese President Xi Jinping met Putin in Moscow.\n\nXI and Putin\n\nThe two leaders talked.")
    assert got["XI"] == {"Xi Jinping"}


def test_acronym_defined_in_text(nlp):
    doc = nlp("The Collective Security Treaty Organization (CSTO) met. The CSTO said little.")
    ms = entities.resolve_mentions(doc)
    entities.acronym_aliases(doc, ms)
    assert {m.canonical for m in ms if m.text == "CSTO"} <= {"Collective Security Treaty Organization"}


def test_office_words_are_not_entities_and_org_country_prefix_is_normalised(nlp):
    ms = entities.resolve_mentions(
        nlp(
            "U.S. Secretary of State Antony Blinken spoke. The U.S. State Department "
            "and the US State Department are one body."
        )
    )
    names = {m.canonical for m in ms}
    assert "State" not in names
    orgs = {m.text: m.canonical for m in ms if m.label == "ORG"}
    assert set(orgs.values()) == {"US State Department"}, orgs


def test_a_state_body_after_a_countrys_possessive_is_that_countrys_and_a_company_keeps_its_name(nlp):
    ms = entities.resolve_mentions(
        nlp(
            "The Spanish Foreign Ministry summoned the envoy. Poland's Foreign Ministry protested. "
            "Poland's Vistula Shipyards said orders rose."
        )
    )
    bodies = [m.canonical for m in ms if m.label == "ORG"]
    assert bodies == ["Spanish Foreign Ministry", "Poland's Foreign Ministry", "Vistula Shipyards"], bodies


def test_only_a_dotted_abbreviation_is_written_short_at_the_head_of_a_body(nlp):
    # another name of the country is part of the body's own name (a newspaper, a movement)
    ms = entities.resolve_mentions(
        nlp("The reporter told USA Today on Monday. The U.N. Security Council met in New York.")
    )
    orgs = {m.text: m.canonical for m in ms if m.label == "ORG"}
    assert orgs.get("USA Today", "USA Today") == "USA Today", orgs
    assert "US Today" not in orgs.values()
    assert orgs.get("U.N. Security Council", "UN Security Council") in ("UN Security Council", "Security Council")


def test_lowercase_words_are_not_names_and_more_offices_are_trimmed(nlp):
    ms = entities.resolve_mentions(
        nlp("Shr 25 cts vs 30 cts. Treasurer Paul Keating said the budget was sound. Keating added that it was fair.")
    )
    names = {m.text: m.canonical for m in ms}
    assert "cts" not in names
    assert names.get("Paul Keating") == "Paul Keating" and names.get("Keating") == "Paul Keating"


def test_paragraphs_and_bullets_bound_sentences(nlp):
    doc = nlp(
        "Xi and Putin hail ties\n\nPutin arrived on Thursday. He said so.\n• Putin meets Wang Yi\n"
        "• Wang: relations are strong"
    )
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Xi and Putin hail ties"
    assert "• Putin meets Wang Yi" in sents and "• Wang: relations are strong" in sents


def test_a_known_full_name_is_that_person_wherever_it_stands(nlp):
    # One sense per article: a full name tagged PERSON once is a person where the recogniser said PRODUCT
    # or nothing at all, never inside a longer name.
    text = (
        "Ivanka Trump spoke on Monday. In an essay last week, Ivanka Trump acknowledged the problem. "
        "The Ivanka Trump Foundation gave money."
    )
    doc = nlp(text)
    first, second = text.index("Ivanka Trump"), text.index("Ivanka Trump", 5)
    found = text.index("The Ivanka Trump Foundation") + 4
    doc.ents = [
        doc.char_span(first, first + 12, label="PERSON"),
        doc.char_span(second, second + 12, label="PRODUCT"),
        doc.char_span(found, found + 23, label="ORG"),
    ]
    people = [(m.start, m.canonical) for m in entities.resolve_mentions(doc) if m.label == "PERSON"]
    assert people == [(first, "Ivanka Trump"), (second, "Ivanka Trump")]
    doc.ents = [doc.char_span(first, first + 12, label="PERSON")]  # the second not tagged at all
    assert [m.start for m in entities.resolve_mentions(doc) if m.label == "PERSON"][:2] == [first, second]


def test_a_family_name_with_a_particle_is_not_the_canonical_full_name(nlp):
    text = "De Blasio spoke. Mayor Bill de Blasio said it was an intentional act. De Blasio left."
    doc = nlp(text)
    spans = [
        (0, 9),
        (text.index("Bill"), text.index("Bill") + 14),
        (text.rindex("De Blasio"), text.rindex("De Blasio") + 9),
    ]
    doc.ents = [doc.char_span(a, b, label="PERSON") for a, b in spans]
    assert {m.canonical for m in entities.resolve_mentions(doc)} == {"Bill de Blasio"}


def test_a_known_name_untagged_inside_another_known_name_is_the_longer_one(nlp):
    text = "Donald Trump spoke. Donald Trump Jr agreed. Later Donald Trump Jr left."
    doc = nlp(text)
    doc.ents = [doc.char_span(0, 12, label="PERSON"), doc.char_span(20, 35, label="PERSON")]
    got = [(m.start, m.text) for m in entities.resolve_mentions(doc)]
    assert got == [(0, "Donald Trump"), (20, "Donald Trump Jr"), (50, "Donald Trump Jr")]


def test_a_family_name_alone_many_times_before_a_relative_s_full_name_is_someone_else(nlp):
    text = (
        "President Obama spoke in Washington. Obama praised the voters. Later Obama left for Ohio. "
        "Obama was tired. Michelle Obama joined him there. Obama smiled."
    )
    got = by_text(nlp, text)
    assert got["Michelle Obama"] == {"Michelle Obama"}
    assert got["Obama"] == {"Obama"}
    # a headline and a lede naming the person by family name alone still resolve
    got = by_text(nlp, "Xi visits Moscow.\n\nXi arrived on Monday. Chinese President Xi Jinping met Putin.")
    assert got["Xi"] == {"Xi Jinping"}


def test_that_someone_else_is_still_a_person_whatever_the_recogniser_said(nlp):
    text = "Fiorina spoke. Fiorina won. Fiorina left. Fiorina smiled. Her husband, Frank Fiorina, agreed."
    doc = nlp(text)
    spans = [hit.span() for hit in re.finditer(r"(?<!Frank )Fiorina", text)]
    frank = text.index("Frank Fiorina")
    doc.ents = [doc.char_span(a, b, label="ORG") for a, b in spans[:4]] + [
        doc.char_span(frank, frank + 13, label="PERSON")
    ]
    got = [(m.text, m.canonical, m.label) for m in entities.resolve_mentions(doc)]
    assert got[:4] == [("Fiorina", "Fiorina", "PERSON")] * 4 and got[4] == ("Frank Fiorina", "Frank Fiorina", "PERSON")


def test_wire_copy_angle_brackets_are_not_part_of_a_name(nlp):
    text = "Computer Terminal Systems Inc sold shares to <Sedio N.V.> of Lugano and <Hutchison Whampoa Ltd>, it said."
    names = {m.canonical for m in entities.resolve_mentions(nlp(text))}
    assert "Hutchison Whampoa Ltd" in names and "Sedio N.V." in names
    assert not any(c in name for name in names for c in "<>")


def test_a_body_named_without_its_country_joins_the_one_named_with_it(nlp):
    text = (
        "The U.S. Treasury Department published new rules on Monday. "
        "A day later the Treasury Department said the rules would apply to shipping firms."
    )
    got = {m.text: m.canonical for m in entities.resolve_mentions(nlp(text))}
    assert got["Treasury Department"] == got["U.S. Treasury Department"] == "US Treasury Department"


def test_a_body_named_without_its_country_stays_apart_with_no_country_named(nlp):
    text = "The Treasury Department published new rules on Monday, the Commerce Department on Tuesday."
    got = {m.text: m.canonical for m in entities.resolve_mentions(nlp(text))}
    assert got.get("Treasury Department") == "Treasury Department"


def test_a_body_named_without_its_country_joins_the_country_adjective_form_of_the_article(nlp):
    ms = entities.resolve_mentions(
        nlp(
            "The Chinese Commerce Ministry announced new export rules on Monday. "
            "The Commerce Ministry said the rules would start in May."
        )
    )
    orgs = {m.canonical for m in ms if m.label == "ORG"}
    assert orgs == {"Chinese Commerce Ministry"}, orgs


def test_a_body_named_without_the_gazetteer_body_at_its_head_joins_it_in_the_article(nlp):
    ms = entities.resolve_mentions(
        nlp("The UN Security Council met in New York on Monday. The Security Council then adjourned until June.")
    )
    orgs = {m.canonical for m in ms if m.label == "ORG"}
    assert orgs == {"UN Security Council"}, orgs


def test_a_pinyin_name_the_recogniser_missed_is_a_person(nlp):
    """The small model leaves "Xi Jinping" untagged at a sentence's start or after a dateline, and reads "Han Zheng"
    as a nationality and a name."""
    for text, name in (
        ("BEIJING (Reuters) - Xi Jinping said on Monday that ties were strong.", "Xi Jinping"),
        ("Xi Jinping met the envoy in the capital.", "Xi Jinping"),
        ("Han Zheng met the envoy in the capital.", "Han Zheng"),
    ):
        assert (name, name, "PERSON") in canon(nlp, text), text


def test_a_place_or_a_longer_name_in_pinyin_is_no_person(nlp):
    for text in (
        "Shares rose in Hong Kong on Monday.",
        "The Long March began in the autumn.",
        "Shares of Hong Kong Tang Holdings rose.",
    ):
        assert not any(label == "PERSON" for _, _, label in canon(nlp, text)), text


def test_a_name_the_recogniser_ran_into_its_bracket_ends_before_it(nlp):
    """ "The Baltic Trade Council (BTC)": a recogniser's span taking the opening bracket ("… Council (") is trimmed."""
    from spacy.tokens import Span

    text = "The Baltic Trade Council (BTC) met in Riga."
    doc = nlp(text)
    start = text.index("Baltic")
    tokens = doc.char_span(start, text.index("(") + 1)
    s, e, _office = entities._clean_span(doc, Span(doc, tokens.start, tokens.end, label="ORG"))
    assert text[s:e] == "Baltic Trade Council"
