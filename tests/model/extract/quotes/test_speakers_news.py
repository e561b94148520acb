"""Speakers on wire news (issue 18): news-agency quotation, datelines, titles and pairs resolved to the people the
article names, a fragment with a clause, "according to" around a speech verb, "it" after an agency, bodies with their
country. Every sentence is written for the test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from spacy.tokens import Doc

from model.extract.datelines import dateline_spans
from model.extract.quotes.shapes import past_a_dangling_preposition
from tests.model.extract.quotes.helpers import one, run


def test_the_one_quoted_by_a_news_agency_speaks(nlp):
    quotes = run(
        nlp,
        "“The pipeline is safe,” Deputy Minister Oleg Varin was quoted as saying by the Interfax news agency.\n\n"
        "Deputy Minister Oleg Varin was quoted by Reuters as saying the repairs would take a week.",
    )
    assert one(quotes, "pipeline is safe").speaker == "Oleg Varin"
    assert one(quotes, "repairs would take").speaker == "Oleg Varin"


def test_a_wire_dateline_is_neither_the_speaker_nor_what_was_said(nlp):
    quotes = run(
        nlp,
        "KYIV (Reuters) - Ukraine will extend the grain corridor, the agriculture minister said on Monday.\n\n"
        "“We have enough ships,” Minister Taras Holub said.",
    )
    grain = one(quotes, "grain corridor")
    assert grain.text == "Ukraine will extend the grain corridor"
    assert not any(q.text.strip() in ("on Monday",) for q in quotes)
    assert all(q.speaker not in ("Reuters", "KYIV") for q in quotes)


def test_a_capitals_dateline_with_a_bare_hyphen_is_no_part_of_the_speakers_name(nlp):
    quotes = run(nlp, "ANKARA - Selim Arda said the port would reopen in June.\n\nThe ships are waiting.")
    assert [(q.speaker, q.text) for q in quotes] == [("Selim Arda", "the port would reopen in June")]


def test_a_bare_hyphen_after_a_word_in_capitals_that_is_no_place_is_no_dateline():
    assert dateline_spans("OSCE - the mission said it would stay.") == []
    assert dateline_spans("SAN JOSE - the mayor said so.") == [(0, 11)]
    assert dateline_spans("KYIV - the mayor said so.") == [(0, 7)]


def test_a_description_after_a_dateline_the_parse_made_the_subject_speaks(nlp):
    # the parse takes the dateline for a second subject of the verb
    quotes = run(nlp, "ANKARA, May 3 (Reuters) - A presidential adviser said separately that the port would reopen.")
    assert [(q.speaker, q.text) for q in quotes] == [("presidential adviser", "the port would reopen")]
    quotes = run(nlp, "ANKARA - Two senior engineers said on Friday that the port would reopen.")
    assert [q.speaker for q in quotes] == ["senior engineers"]


@pytest.mark.parametrize("verb", ["have warned", "has said"])
def test_an_unnamed_source_in_the_perfect_reports_its_clause(nlp, verb):
    quotes = run(nlp, f"Port officials {verb} that the new cranes are arriving from Rotterdam.")
    assert [(q.speaker, q.text, q.kind) for q in quotes] == [
        ("Port officials", "the new cranes are arriving from Rotterdam", "indirect")
    ]


def test_an_unnamed_source_in_the_perfect_closing_the_sentence_reports_what_comes_before(nlp):
    quotes = run(nlp, "Most trade with Chile is now paid in soles, the Peruvian envoy to Santiago has said.")
    assert [(q.speaker, q.text, q.kind) for q in quotes] == [
        ("Peruvian envoy", "Most trade with Chile is now paid in soles", "indirect")
    ]


def test_an_unnamed_source_in_the_perfect_after_its_clause_reports_none_of_it(nlp):
    quotes = run(nlp, "He declined to say whether the port would reopen in May, as some pilots had suggested.")
    assert not any(q.speaker == "pilots" for q in quotes)


def test_a_title_is_the_person_the_article_named_with_it(nlp):
    quotes = run(
        nlp,
        "Secretary of State Nora Fielding landed in Hanoi on Tuesday.\n\n"
        "The Secretary of State stressed that the visit was about trade. “We want more of it,” she said.",
    )
    assert one(quotes, "visit was about trade").speaker == "Nora Fielding"
    assert one(quotes, "We want more").speaker == "Nora Fielding"


@pytest.mark.parametrize(
    "text, needle",
    [
        (
            "President Ilse Varga of Hungary met Prime Minister Tomas Ruzek of Czechia in Budapest.\n\n"
            "The two leaders said they would build a new rail link.",
            "new rail link",
        ),
        # "they" after a pair named together, the second set beside a description ("her counterpart Tomas Ruzek")
        (
            "Foreign Minister Ilse Varga and her Czech counterpart Tomas Ruzek met in Brno on Monday. They vowed to "
            'fight "border bureaucracy" together.',
            "border bureaucracy",
        ),
    ],
)
def test_the_two_leaders_and_they_are_the_two_people_named(nlp, text, needle):
    assert set(one(run(nlp, text), needle).speakers) == {"Ilse Varga", "Tomas Ruzek"}


def test_they_is_not_a_pair_named_inside_someones_report(nlp):
    quotes = run(
        nlp,
        "Kim Ott met Lena Ruiz for talks, delegation sources said.\n    They said Kim Ott and Lena Ruiz discussed "
        "debt.\n    Ott was to fly to Rome, they added.",
    )
    assert one(quotes, "fly to Rome").speaker == "delegation sources"


@pytest.mark.parametrize(
    "sentence, clause, fragment",
    [
        (
            "Marta Quell said the ruling was “deeply unfair” and that her client would appeal.",
            "her client would appeal",
            "deeply unfair",
        ),
        # the parse hangs "cautioned" on the reported clause's verb, in its tense: the quoted words still go on to it
        (
            'Marta Quell said Minsk was ready for talks but cautioned against "any rush to sign."',
            "Minsk was ready for talks",
            "any rush to sign",
        ),
        # "[was to blame] and described …": the parse hangs the second verb on the infinitive
        (
            'Marta Quell said Vilnius was to blame and described the letter as "a clumsy forgery."',
            "Vilnius was to blame",
            "clumsy forgery",
        ),
    ],
)
def test_a_quoted_fragment_and_a_reported_clause_are_both_kept(nlp, sentence, clause, fragment):
    quotes = run(nlp, sentence)
    reported = one(quotes, clause)
    assert (reported.kind, reported.speaker, reported.text) == ("indirect", "Marta Quell", clause)
    quoted = one(quotes, fragment)
    assert (quoted.kind, quoted.speaker) == ("partial", "Marta Quell")


def test_a_clause_that_goes_on_without_quotation_marks_stays_whole(nlp):
    quotes = run(nlp, "Olga Brenn said the agency reviewed the file and warned the bank.")
    assert [q.text for q in quotes] == ["the agency reviewed the file and warned the bank"]


def test_according_to_around_a_speech_verb_gives_one_record_of_the_speaker(nlp):
    quotes = run(nlp, "Ivan Dorov said the dam would be finished in May, according to the reports.")
    assert [(q.speaker, q.text) for q in quotes] == [("Ivan Dorov", "the dam would be finished in May")]


def test_a_reporter_after_a_speech_verbs_clause_gives_one_record_of_the_speaker(nlp):
    # "X said C, AGENCY reported": where the writer read X's words, not a second speaker of them
    quotes = run(nlp, "The port authority said the canal would reopen on Monday, the Petra news agency reported.")
    assert [(q.speaker, q.text) for q in quotes] == [("port authority", "the canal would reopen on Monday")]


def test_a_reporter_of_a_clause_with_no_speech_verb_in_it_speaks(nlp):
    quotes = run(nlp, "The canal would reopen on Monday, the Petra news agency reported.")
    assert [q.text for q in quotes] == ["The canal would reopen on Monday"]
    assert "Petra" in quotes[0].speaker


def test_according_to_ending_a_clause_after_a_fragment_is_where_the_speakers_words_were_read(nlp):
    # the parse hangs "according to" on the reported verb after the fragment, not on "said"
    quotes = run(
        nlp,
        "Ivan Dorov said the talks were “frank and useful” and that Kyiv valued the deal, according to the reports.",
    )
    assert one(quotes, "frank and useful").speaker == "Ivan Dorov"
    assert {q.speaker for q in quotes} == {"Ivan Dorov"}
    assert one(quotes, "Kyiv valued the deal").kind == "indirect"


def test_it_after_a_news_agency_is_the_agency(nlp):
    quotes = run(
        nlp,
        "According to the state news agency Xinhua, China will open two new border crossings. It said trade had "
        "doubled.",
    )
    assert one(quotes, "border crossings").speaker == "Xinhua"
    assert one(quotes, "trade had doubled").speaker == "Xinhua"


def test_a_body_keeps_its_country(nlp):
    quotes = run(nlp, "Japan's Ministry of Finance said it would sell more bonds next year.")
    said = one(quotes, "sell more bonds")
    assert said.speaker == "Japan's Ministry of Finance"
    assert said.speakers == ["Japan's Ministry of Finance"]  # the entity named: Japan's, not any ministry of finance


def test_a_body_of_one_country_is_not_the_same_body_of_another(nlp):
    quotes = run(
        nlp,
        "The Spanish Foreign Ministry said the envoy had left.\n\nPoland's Foreign Ministry said the border was open.",
    )
    assert one(quotes, "envoy had left").speaker == "Spanish Foreign Ministry"
    assert one(quotes, "border was open").speaker == "Poland's Foreign Ministry"


def test_one_of_someones_aides_is_not_that_someone(nlp):
    quotes = run(nlp, "Senator Hal Brandt lost the vote. “We saw it coming,” one Brandt aide said.")
    assert one(quotes, "saw it coming").speaker != "Hal Brandt"


def test_a_partys_title_is_not_the_other_partys(nlp):
    quotes = run(
        nlp,
        "Republican presidential nominee Carl Dean debated Democratic presidential nominee Ann Ross on Monday.\n\n"
        "The Republican presidential nominee said the tax plan would create jobs.",
    )
    assert one(quotes, "tax plan").speaker == "Carl Dean"


def _missing_people(nlp):
    """`nlp`, its people's names left untagged by the recogniser (as the small model leaves some names it does not
    know): a parser for `run`."""

    def parse(text):
        doc = nlp(text)
        doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]
        return doc

    return parse


def test_a_name_set_off_by_a_description_of_a_person_speaks_though_the_recogniser_missed_it(nlp):
    quotes = run(
        _missing_people(nlp),
        "Mayor Lena Brandt opened the fair.\n\n"
        "The Bulgarian envoy to Japan, Petar Dimov, told reporters that exports had doubled. “This is a start,” he "
        "added.",
    )
    assert one(quotes, "exports had doubled").speaker == "Petar Dimov"
    assert one(quotes, "This is a start").speaker == "Petar Dimov"


@pytest.mark.parametrize(
    "text, speakers",
    [
        # "it" after an agency that quoted someone is the agency
        (
            "Minister Olga Renko was quoted by Interfax as saying that the border would reopen. It said the first "
            "trucks had already crossed.",
            {"border would reopen": "Olga Renko", "first trucks": "Interfax"},
        ),
        # a readout or a communique speaks for the body that issued it
        (
            "Warsaw will extend the rail deal, according to a readout from the Polish Foreign Ministry.\n\n"
            "The two sides agreed to meet again, according to a communique from the Spanish Defence Ministry.",
            {"rail deal": "Polish Foreign Ministry", "meet again": "Spanish Defence Ministry"},
        ),
    ],
)
def test_an_agency_or_a_writing_speaks_for_itself_or_its_body(nlp, text, speakers):
    quotes = run(nlp, text)
    for needle, speaker in speakers.items():
        assert one(quotes, needle).speaker == speaker


def test_what_someone_told_a_briefing_is_reported_though_the_parse_hangs_it_on_the_briefing(nlp):
    # the parser reads "a regular briefing that Madrid had never sold …" as a relative clause on "briefing"
    quotes = run(
        nlp, "Spokeswoman Lena Ortiz told a regular briefing that Madrid had never sold armed drones to either side."
    )
    told = one(quotes, "never sold armed drones")
    assert (told.kind, told.speaker) == ("indirect", "Lena Ortiz")
    assert told.text.startswith("Madrid")


def test_what_someone_told_reporters_on_a_call_is_reported_though_the_parse_hangs_it_on_the_call(nlp):
    # the parser reads "a conference call that preparations for the trip were …" as a relative clause on "call"
    quotes = run(
        nlp,
        "Palace spokesman Arvid Holm told reporters on a conference call that preparations for the trip were under "
        "way but declined to give a date.",
    )
    told = one(quotes, "preparations")
    assert (told.kind, told.speaker, told.text) == (
        "indirect",
        "Arvid Holm",
        "preparations for the trip were under way",
    )
    assert run(nlp, "Anton Weber told reporters on a call that lasted an hour about the port.") == []
    quotes = run(
        nlp,
        "President Lena Berg told reporters after the talks that the two sides had agreed to expand trade in euros.",
    )
    assert [q.text for q in quotes] == ["the two sides had agreed to expand trade in euros"]


def test_a_story_told_is_no_report_of_what_its_relative_clause_says(nlp):
    assert run(nlp, "Anton Weber told a story that he had heard in Vienna.") == []


def test_cited_as_saying_is_one_report_not_a_stance(nlp):
    quotes = run(nlp, "Minister Olga Renko was cited by Interfax as saying that the border would reopen soon.")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [("indirect", "Olga Renko", "the border would reopen soon")]


def test_a_spokesman_for_a_body_speaks_for_it_and_an_aide_for_himself(nlp):
    quotes = run(
        nlp,
        "The Polish Foreign Ministry summoned the envoy. A spokesman for the ministry said Warsaw would respond.\n\n"
        "A spokeswoman for the Danish Energy Agency said the pipeline was safe.\n\n"
        "An aide to Mayor Tomas Ruzek said the vote would be close.",
    )
    warsaw = one(quotes, "Warsaw would respond")
    assert (warsaw.speaker, warsaw.speakers) == ("Polish Foreign Ministry's spokesman", ["Polish Foreign Ministry"])
    assert one(quotes, "pipeline was safe").speakers == ["Danish Energy Agency"]
    assert "Tomas Ruzek" not in one(quotes, "vote would be close").speakers


def test_helping_someone_do_something_is_a_deed_not_a_position(nlp):
    assert run(nlp, "Minister Pavel Orlov helped exporters find new buyers in Asia.") == []
    assert run(nlp, "The cheap loans helped developing countries produce more copper.") == []


def test_a_body_named_beside_its_description_speaks_by_its_name(nlp):
    quotes = run(
        nlp, "Ten ships left the port on Friday, Japan's public broadcaster NHK reported.\n\nThe port is shut."
    )
    assert [(q.speaker, q.text) for q in quotes] == [("NHK", "Ten ships left the port on Friday")]


def test_an_agency_the_parse_hung_on_the_clause_before_still_reports_it(nlp):
    # the parse makes "Peru's state news agency" the object of "expand" and "Andina reported" its relative clause
    quotes = run(nlp, "The two sides will expand trade, Peru's state news agency Andina reported.\n\nTalks go on.")
    assert [(q.speaker, q.text) for q in quotes] == [("Andina", "The two sides will expand trade")]


def test_what_a_speaker_was_asked_is_not_what_they_said(nlp):
    text = (
        "Paolo Ferri, the minister's aide, told reporters in Rome that the two leaders also discussed the harbour.\n\n"
        "Asked whether the Blue Line pipeline had come up, ministry spokesman Carlo Neri declined to comment.\n\n"
        "The talks go on."
    )
    assert not any("pipeline" in q.text for q in run(nlp, text))


def test_a_report_closed_by_the_document_it_was_read_in_is_the_speakers_alone(nlp):
    quotes = run(nlp, "Tusk said Poland valued its ties with Chile, the ministry said in a readout of the call.")
    assert [(q.speaker, q.text) for q in quotes] == [("Tusk", "Poland valued its ties with Chile")]


def test_words_quoted_in_a_report_closed_by_the_document_are_the_speakers(nlp):
    quotes = run(
        nlp,
        "Polish Prime Minister Donald Tusk and Chilean President Gabriel Boric spoke by phone on Monday.\n\n"
        "Tusk said Warsaw valued the “time-honoured” ties between the two nations, the Polish Foreign Ministry said in a readout.",
    )
    assert one(quotes, "time-honoured").speaker == "Donald Tusk"


def test_a_reported_clause_before_a_predicate_holding_a_fragment_is_reported(nlp):
    # "said [C] and rejected what it called “…”": the clause is reported speech, the fragment a partial quote
    quotes = run(
        nlp,
        "Chile's Foreign Ministry said on Tuesday that Santiago was not a party to the dispute and rejected "
        "what it called “baseless claims” by Peru.",
    )
    assert {(q.kind, q.text) for q in quotes} == {
        ("indirect", "Santiago was not a party to the dispute"),
        ("partial", "baseless claims"),
    }


def test_a_joint_subject_after_a_dateline_speaks_together(nlp):
    quotes = run(
        nlp,
        "LIMA, May 3 (Wire) - Peruvian Foreign Minister Ana Ruiz and her Chilean counterpart Tomas Vidal on Friday "
        "vowed to resist what they called the “pressure of outsiders” in the region.",
    )
    assert one(quotes, "pressure of outsiders").speaker == "Ana Ruiz; Tomas Vidal"


def test_an_abbreviation_ending_the_paragraph_stays_in_the_report(nlp):
    # a parse (as the model gives in some contexts) that closes the sentence at "at", reading the abbreviation's
    # full stop as the sentence's: the words after the dangling preposition, to the paragraph's end, are its object
    words = ["Ruiz", "said", "talks", "would", "go", "on", "at", "the", "U.N.", "\n\n", "Vidal", "left", "."]
    heads = [1, 1, 4, 4, 1, 4, 4, 7, 7, 8, 11, 11, 11]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "prt", "prep", "ROOT", "dep", "dep", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "AUX", "VERB", "ADP", "ADP", "DET", "PROPN", "SPACE", "PROPN", "VERB", "PUNCT"]
    spaces = [True, True, True, True, True, True, True, True, False, False, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    ex = SimpleNamespace(doc=doc)
    assert past_a_dangling_preposition(ex, 2, 7, doc[4]) == (2, 9)  # "talks would go on at the U.N."
    assert past_a_dangling_preposition(ex, 2, 6, doc[4]) == (2, 6)  # no preposition left dangling
    ended = Doc(
        nlp.vocab,
        words=["Ruiz", "said", "it", "was", "one", "to", "think", "about", ".", "\n\n", "Vidal", "left", "."],
        spaces=[True, True, True, True, True, True, True, False, False, False, True, False, False],
        heads=[1, 1, 3, 1, 3, 6, 4, 6, 1, 8, 11, 11, 11],
        deps=[
            "nsubj",
            "ROOT",
            "nsubj",
            "ccomp",
            "attr",
            "aux",
            "relcl",
            "prep",
            "punct",
            "dep",
            "nsubj",
            "ROOT",
            "punct",
        ],
        pos=["PROPN", "VERB", "PRON", "AUX", "NUM", "PART", "VERB", "ADP", "PUNCT", "SPACE", "PROPN", "VERB", "PUNCT"],
    )
    assert past_a_dangling_preposition(SimpleNamespace(doc=ended), 2, 8, ended[3]) == (2, 8)  # "… about.": its end


def test_a_report_in_a_second_predicate_closed_by_its_document_is_the_speakers_alone(nlp):
    quotes = run(
        nlp,
        "Tusk conveyed greetings from the president and said Poland valued its ties with Chile, the ministry said "
        "in a statement.",
    )
    assert [(q.speaker, q.text) for q in quotes] == [("Tusk", "Poland valued its ties with Chile")]


def test_a_name_the_parse_joined_to_a_dateline_with_its_country_still_speaks(nlp):
    # the parse made the dateline the subject and the name its conjunct
    quotes = run(
        nlp,
        "TIANJIN, China, Sept 1 (Wire J) - Russian President Vladimir Putin on Monday praised Moscow's ties with "
        "Beijing as “unprecedented”, speaking at a summit of the Shanghai Cooperation Organisation hosted by Chinese "
        "President Xi Jinping.",
    )
    assert one(quotes, "unprecedented").speaker == "Vladimir Putin"


def test_a_nations_leader_is_the_head_of_state_the_article_named(nlp):
    quotes = run(
        nlp,
        "Russian President Vladimir Putin and Chinese President Xi Jinping met in Tianjin.\n\n"
        "The Russian leader stressed that the two countries opposed unilateral sanctions.\n\n"
        "The Chinese leader, for his part, called on member states to reject “bloc confrontation”.",
    )
    assert one(quotes, "unilateral sanctions").speaker == "Vladimir Putin"
    assert one(quotes, "bloc confrontation").speaker == "Xi Jinping"  # (the parse made "leader" the root)


def test_where_the_words_were_read_opens_no_report(nlp):
    quotes = run(
        nlp,
        "Kremlin spokesman Dmitry Peskov told journalists, as quoted by Interfax, that Putin and Xi would hold a "
        "separate bilateral meeting on Tuesday.",
    )
    assert one(quotes, "meeting").text == "Putin and Xi would hold a separate bilateral meeting on Tuesday"


def test_the_statement_named_before_speaks_for_who_spoke_in_it(nlp):
    quotes = run(
        nlp,
        "Chile and Peru said in a joint statement on Thursday that they would expand trade.\n\n"
        "The statement, released after talks in Lima, said the two sides opposed “protectionism” in all its forms.",
    )
    assert one(quotes, "protectionism").speaker == "Chile; Peru"


def test_a_body_named_with_its_country_is_no_other_countrys_body_of_that_name(nlp):
    quotes = run(
        nlp,
        "Delegates of the two states met in Dubai, the Indian Trade Ministry said after talks with its Pakistani "
        "partners.\n\n"
        "According to the Pakistani trade ministry, the talks also covered cotton quotas.\n\n"
        "The Indian ministry said the next round would be held in June.",
    )
    assert one(quotes, "cotton quotas").speaker != "Indian Trade Ministry"
    assert one(quotes, "next round").speaker == "Indian Trade Ministry"


def test_the_one_asked_answers(nlp):
    quotes = run(
        nlp,
        "“The port is full,” said Nils Berg, a shipping analyst in Oslo.\n\n"
        "When reporters asked Tomas Lind about the delays, he said that the cranes would arrive in May.\n\n"
        "When I asked a senior customs officer about the queue last week, he replied that it was “a temporary "
        "problem.”",
    )
    assert one(quotes, "cranes would arrive").speaker == "Tomas Lind"
    assert one(quotes, "temporary problem").speaker == "senior customs officer"


def test_a_dateline_of_two_places_is_a_dateline():
    text = "LIMA/SANTIAGO (Wire Q) — The two ministers met on Monday."
    assert [text[a:b] for a, b in dateline_spans(text)] == ["LIMA/SANTIAGO (Wire Q) — "]
    assert dateline_spans("AC/DC - the band played on.") == []


def test_a_pair_the_parse_set_beside_a_dateline_of_two_places_is_named_together(nlp):
    quotes = run(
        nlp,
        "HANOI/MANILA (AP) — Vietnamese President Luong Cuong and Philippine President Ferdinand Marcos held a video "
        "call on Wednesday to mark the anniversary of a trade treaty, state media reported.\n\n"
        "Marcos told Luong that Manila valued the treaty.\n\n"
        "The call lasted an hour.\n\n"
        "Officials said the tariffs were discussed.\n\n"
        "In a joint statement issued after the call, the two leaders said they would “firmly support each other” in "
        "trade talks.",
    )
    assert not one(quotes, "held a video call").text.startswith("HANOI")
    assert one(quotes, "firmly support").speaker == "Luong Cuong; Ferdinand Marcos"


def test_a_ledes_description_is_the_person_the_next_paragraph_names_first(nlp):
    quotes = run(
        nlp,
        "LIMA, May 2 (Wire Q) -- Most trade with Chile is now paid in soles, Peru's ambassador to Santiago has said.\n\n"
        "Rosa Quispe said in an interview that the share of the sol was close to 90 percent.\n\n"
        "The ambassador said the port of Arica would be upgraded.\n\n"
        "“We stand for open trade,” the envoy said.\n\n"
        "“Nobody loses,” the diplomat added.",
    )
    for needle in ("paid in soles", "port of Arica", "open trade", "Nobody loses"):
        assert one(quotes, needle).speaker == "Rosa Quispe"


def test_a_ledes_description_is_no_one_named_when_someone_was_named_before(nlp):
    quotes = run(
        nlp,
        "Pedro Ruiz met the press in Lima on Monday. The Chilean ambassador said trade was growing.\n\n"
        "Rosa Quispe said the port would be upgraded.",
    )
    assert one(quotes, "trade was growing").speaker != "Rosa Quispe"


def test_another_word_for_the_office_is_the_one_named_with_it(nlp):
    quotes = run(
        nlp,
        "Peruvian Ambassador Rosa Quispe told Andina that trade was growing. “We are partners,” the envoy said. "
        "“Nobody can divide us,” the diplomat added.",
    )
    assert one(quotes, "partners").speaker == "Rosa Quispe"
    assert one(quotes, "divide us").speaker == "Rosa Quispe"


def test_a_speaker_set_off_by_the_question_put_to_them_speaks(nlp):
    quotes = run(
        nlp,
        "MADRID (Wire Q) - Spain's foreign minister met his Chilean counterpart in Madrid on Wednesday for talks.\n\n"
        "Lena Ortiz, asked about the exchange at a regular briefing, said Madrid hoped countries in the region would "
        "“do more things conducive to peace.”",
    )
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("partial", "Lena Ortiz", "do more things conducive to peace."),
    ]
    # the parse made "asked" the clause's verb and the name its subject: what she was asked is no report of hers
    quotes = run(nlp, "Zhou Bin, asked about the visit, said it was a private matter.")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [("indirect", "Zhou Bin", "it was a private matter")]


def test_his_counterpart_is_the_one_named_as_the_counterpart(nlp):
    quotes = run(
        nlp,
        "LIMA (Wire Q) - Peruvian Foreign Minister Elmer Schialer met his Chilean counterpart Alberto van Klaveren in "
        "Lima on Wednesday.\n\n"
        "His Chilean counterpart said Santiago highly valued Lima's position on the fishing dispute.",
    )
    q = one(quotes, "highly valued")
    assert (q.speaker, q.text) == (
        "Alberto van Klaveren",
        "Santiago highly valued Lima's position on the fishing dispute",
    )


def test_a_statement_signed_before_speaks_for_those_who_signed_it(nlp):
    quotes = run(
        nlp,
        "LIMA, May 8 (Wire Q) - Peruvian President Dina Boluarte and Chilean President Gabriel Boric on Thursday signed "
        "a joint statement on deepening their partnership.\n\n"
        "“Peru and Chile stand together,” the statement said.",
    )
    assert one(quotes, "stand together").speaker == "Dina Boluarte; Gabriel Boric"


def test_words_in_someones_words_are_theirs(nlp):
    quotes = run(
        nlp,
        "Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart on Monday.\n\n"
        "In van Klaveren's words, the relationship is “at its highest point in history.”\n\n"
        "In the words of one Western diplomat, the talks were “frank but friendly.”",
    )
    assert one(quotes, "highest point").speaker == "Alberto van Klaveren"
    assert one(quotes, "frank but friendly").speaker == "one Western diplomat"


def test_a_pair_joined_to_the_datelines_second_subject_speaks_together(nlp):
    quotes = run(
        nlp,
        "MOSCOW, May 8 (Reuters) - Russian President Vladimir Putin and Chinese President Xi Jinping on Thursday "
        "signed a joint statement on trade, vowing to oppose unilateral tariffs.",
    )
    assert one(quotes, "unilateral tariffs").speaker == "Vladimir Putin; Xi Jinping"


def test_a_trailing_pronoun_is_not_the_subject_of_what_it_reports(nlp):
    """ "X did Y last week, she said": she is who spoke before, not X (who would be "X said he did Y")."""
    quotes = run(
        nlp,
        "Spokesperson Anna Kovac told a briefing on Monday that the port would reopen.\n\n"
        "Minister Tomas Reyes raised the issue with his counterpart last week, she said.",
    )
    assert one(quotes, "raised the issue").speaker == "Anna Kovac"


def test_a_happening_that_shows_something_says_nothing(nlp):
    """ "Analysts said the visit underlined how …": the analysts' report, and no second one by "visit"; a writing that
    shows something still reports it."""
    quotes = run(nlp, "Analysts said the visit underlined how dependent Lisbon had become on Madrid.")
    assert [q.speaker for q in quotes] == ["Analysts"]
    quotes = run(nlp, "The report underlined that exports to Madrid had doubled.")
    assert [q.speaker for q in quotes] == ["report"]


def test_the_premier_is_the_prime_minister_named_with_that_country(nlp):
    text = (
        "Danish Prime Minister Karen Holm met Danish Foreign Minister Erik Lund on Monday.\n\n"
        "“Trade will grow,” the Danish premier said."
    )
    assert one(run(nlp, text), "Trade will grow").speaker == "Karen Holm"
    text = "Danish Foreign Minister Erik Lund arrived on Monday.\n\n“Trade will grow,” the Danish premier said."
    assert one(run(nlp, text), "Trade will grow").speaker != "Erik Lund"
