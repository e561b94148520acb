"""Quotes: each construction of issue 3, the not-a-quote cases, odd input, and the seeds against gold."""

from __future__ import annotations

import importlib.util
import io
import json

import pytest

from model.extract.quotes.extractor import extract_quotes
from model.extract.quotes.marks import find_quote_spans
from tests.conftest import SHARED
from tests.model.extract.quotes.helpers import one, run, texts

# ---------------------------------------------------------------- direct, partial, indirect


def test_direct_quote_with_named_speaker_after_it(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Tuesday. "
        "“We are worried because these two alliances share a purpose,” Peskov said in a press briefing."
    )
    q = one(run(nlp, text), "worried")
    assert q.text == "We are worried because these two alliances share a purpose,"
    assert (q.kind, q.speaker, q.speakers, q.cue) == ("direct", "Dmitry Peskov", ["Dmitry Peskov"], "say")
    assert text[q.speaker_start : q.speaker_end] == "Peskov"
    assert text[q.cue_start : q.cue_end] == "said"
    assert "subject of 'said'" in q.basis and 0.8 <= q.confidence <= 1


def test_partial_quotes_take_the_subject_of_the_verb_that_frames_them(nlp):
    text = (
        "Russian President Vladimir Putin hailed the “golden era” in ties with Beijing. "
        "Xi Jinping spoke warmly, calling Putin a “dear friend” at the banquet."
    )
    qs = run(nlp, text)
    frontier, friend = one(qs, "golden era"), one(qs, "dear friend")
    assert (frontier.kind, frontier.speaker, frontier.cue) == ("partial", "Vladimir Putin", "hail")
    assert (friend.kind, friend.speaker) == ("partial", "Xi Jinping")


def test_indirect_speech_is_the_reported_clause_without_that(nlp):
    text = (
        "On June 12, Russian Foreign Minister Sergei Lavrov stated that the sanctions regime serves a political agenda."
    )
    q = one(run(nlp, text), "sanctions regime")
    assert q.text == "the sanctions regime serves a political agenda"
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Sergei Lavrov", "state")


def test_according_to_before_and_after(nlp):
    qs = run(
        nlp,
        "According to President Xi Jinping, China-Russia trade has reached record levels, "
        "and both sides will expand it further.\n"
        "The partnership is reaching “record levels,” according to Xi Jinping.",
    )
    first = one(qs, "trade has reached")
    assert first.text == "China-Russia trade has reached record levels"  # the coordinated clause is cut
    assert (first.kind, first.cue, first.speaker) == ("indirect", "according to", "Xi Jinping")
    partial = [q for q in qs if q.text == "record levels,"]
    assert partial and partial[0].speaker == "Xi Jinping"


def test_inverted_and_parenthetical_reports(nlp):
    text = (
        "The pipeline has become the central pillar of Russia’s energy strategy, said Dmitri Trenin, "
        "a Russia analyst. China ticks all four boxes, he said."
    )
    qs = run(nlp, text)
    assert one(qs, "central pillar").speaker == "Dmitri Trenin"
    boxes = one(qs, "four boxes")
    assert (boxes.text, boxes.speaker) == ("China ticks all four boxes", "Dmitri Trenin")
    assert "'he' → Dmitri Trenin" in boxes.basis


def test_parenthetical_attribution_inside_the_sentence_reports_the_whole_sentence(nlp):
    text = (
        "Energy security, Mr. Putin often says, is the main long-term challenge facing the country. "
        "The library, Mr. Yeltsin said, housed several of his favourite books."
    )
    qs = run(nlp, text)
    climate, museum = one(qs, "Energy security"), one(qs, "library")
    assert (climate.kind, climate.speaker, climate.cue) == ("indirect", "Putin", "say")
    assert climate.text == "Energy security, Mr. Putin often says, is the main long-term challenge facing the country"
    assert (museum.kind, museum.speaker) == ("indirect", "Yeltsin")


def test_the_writers_gloss_after_a_reported_clause_is_cut(nlp):
    text = (
        "Xi told him that imports rose to $90 billion, up from $76 billion in 2021. "
        "Xi said that the talks were frank, indicating a thaw in relations."
    )
    qs = run(nlp, text)
    assert one(qs, "imports").text == "imports rose to $90 billion"
    assert one(qs, "talks").text == "the talks were frank"


def test_as_x_said(nlp):
    q = one(
        run(nlp, "As President Vladimir Putin said in a televised address, Western powers are isolating us."),
        "isolating",
    )
    assert (q.kind, q.speaker, q.text) == ("indirect", "Vladimir Putin", "Western powers are isolating us")


# ---------------------------------------------------------------- layout


def test_said_colon_then_the_quote_in_the_next_paragraph(nlp):
    text = "Foreign Minister Sergei Lavrov said:\n\n“Our relations with China are at their best ever.”\n"
    q = one(run(nlp, text), "best ever")
    assert (q.kind, q.speaker) == ("direct", "Sergei Lavrov")


def test_quote_running_over_paragraphs(nlp):
    text = (
        "“The first part of the statement runs on,” said Dmitry Peskov, the Kremlin spokesman. “We will "
        "continue our work with our Chinese partners\n\n“and we will not accept pressure from anyone.”\n"
    )
    qs = run(nlp, text)
    assert "We will continue our work with our Chinese partners" in texts(qs)
    assert "and we will not accept pressure from anyone." in texts(qs)
    assert {q.speaker for q in qs} == {"Dmitry Peskov"}


def test_a_quote_running_over_paragraphs_is_the_speaker_named_at_its_end(nlp):
    """ "“A ¶ “B,” X said": A is X's, not the speaker of the quote before the run."""
    text = (
        "“The harbour will stay open all winter,” said Mayor Ines Varo.\n\n"
        "“Our two ports have worked side by side for decades. Nothing will change that.\n\n"
        "“The grain will keep moving,” Governor Paul Henning said on Friday.\n"
    )
    qs = run(nlp, text)
    assert one(qs, "side by side").speaker == "Paul Henning"
    assert one(qs, "keep moving").speaker == "Paul Henning"
    assert one(qs, "stay open").speaker == "Ines Varo"


def test_a_name_the_recogniser_missed_speaks_without_its_office(nlp):
    q = one(run(nlp, "Mayor Ines Varo said the harbour would stay open all winter.\n"), "stay open")
    assert q.speaker == "Ines Varo"


def test_a_lede_describing_a_person_named_next_with_that_title_is_that_person(nlp):
    text = (
        "LISBON (Reuters) - Freedonia's ambassador to Portugal said on Monday that the port deal was close.\n\n"
        "“We are nearly there,” ambassador Ilse Marko told reporters.\n"
    )
    qs = run(nlp, text)
    assert one(qs, "port deal").speaker == "Ilse Marko"
    assert one(qs, "nearly there").speaker == "Ilse Marko"


def test_a_person_named_two_paragraphs_later_or_with_another_title_is_not_the_one_described(nlp):
    text = (
        "Freedonia's ambassador to Portugal said on Monday that the port deal was close.\n\n"
        "The talks resumed on Tuesday.\n\n“We are nearly there,” ambassador Ilse Marko told reporters.\n"
    )
    assert one(run(nlp, text), "port deal").speaker != "Ilse Marko"
    text = "Freedonia's ambassador said the port deal was close.\n\n“We are nearly there,” minister Ilse Marko said.\n"
    assert one(run(nlp, text), "port deal").speaker != "Ilse Marko"


def test_what_a_speaker_did_not_tell_is_no_part_of_the_report(nlp):
    qs = run(nlp, "Lena Stroud said a summit was being prepared, without giving a date.")
    assert one(qs, "summit").text == "a summit was being prepared"
    qs = run(nlp, "Lena Stroud said the army would withdraw without firing a shot.")
    assert one(qs, "army").text == "the army would withdraw without firing a shot"  # the report's own words


def test_dash_attribution(nlp):
    text = "“Trade between our countries will keep growing this year.” — Chinese Premier Li Qiang\n"
    q = one(run(nlp, text), "keep growing")
    assert q.speaker == "Li Qiang" and "dash" in q.basis


def test_dash_attribution_to_a_name_the_recogniser_missed(nlp):
    text = "“She never listens to anyone and trusts nobody at all.” ―\u00a0Marta N Luis Obregon\n"
    q = one(run(nlp, text), "trusts nobody")
    assert q.speaker == "Marta N Luis Obregon" and "dash" in q.basis


# ---------------------------------------------------------------- speakers


def test_continuation_takes_the_previous_quotes_speaker(nlp):
    text = (
        "“We are worried because these two alliances share a purpose,” Dmitry Peskov said. “They share a plan. "
        "It is a plan of another century.”"
    )
    q = one(run(nlp, text), "share a plan")
    assert q.speaker == "Dmitry Peskov" and "continuation" in q.basis


def test_pronoun_goes_to_the_nearest_subject_not_to_a_name_in_a_prepositional_phrase(nlp):
    text = (
        "The partnership is reaching new levels, according to Chinese President Xi Jinping. "
        "During talks with Russia’s foreign minister, Sergei Lavrov, he welcomed the fact that trade is “accelerating.”\n"
        "Sergei Lavrov praised the talks. “We will not bow to demands from outside powers,” he added."
    )
    qs = run(nlp, text)
    assert one(qs, "accelerating").speaker == "Xi Jinping"
    assert one(qs, "outside powers").speaker == "Sergei Lavrov"


def test_pronoun_in_a_subordinate_clause_points_into_its_sentence(nlp):
    text = (
        "Dmitry Peskov spoke first. There are worries about the health of chess champion Anna Ushenina, after she "
        "said that a team official had threatened her."
    )
    assert one(run(nlp, text), "team official").speaker == "Anna Ushenina"


def test_apposition_and_description(nlp):
    text = (
        "“Putin will push for more Chinese purchases,” said Bonnie Glaser, a former Asia adviser at the department. "
        "The Chinese Foreign Ministry said it valued Russia’s support. But the ministry said in a second "
        "statement that Wang and Lavrov did not address the grain deal."
    )
    qs = run(nlp, text)
    assert one(qs, "push for").speaker == "Bonnie Glaser"
    assert one(qs, "valued").speaker == "Chinese Foreign Ministry"
    desc = one(qs, "did not address")
    assert desc.speaker == "Chinese Foreign Ministry" and "ministry" in desc.basis
    assert text[desc.speaker_start : desc.speaker_end] == "the ministry"


def test_x_quoted_y_as_saying(nlp):
    text = (
        "The Chinese Xinhua news agency quoted Sergei Lavrov as saying that Russia “will strictly keep to a balanced "
        "position” in Asia."
    )
    q = one(run(nlp, text), "strictly keep")
    assert q.speaker == "Sergei Lavrov" and "quoted as saying" in q.basis


def test_organisations_countries_and_joint_speakers(nlp):
    text = (
        "China and Russia signed a treaty on Monday. The two countries said that “the trust "
        "between the two peoples is unshakable.” The World Health Organization said it had called him. "
        "Beijing said the European Union was not in a position to set terms."
    )
    qs = run(nlp, text)
    joint = one(qs, "unshakable")
    assert joint.speakers == ["China", "Russia"] and joint.speaker == "China; Russia"
    assert one(qs, "had called him").speaker == "World Health Organization"
    assert one(qs, "not in a position").speaker == "China"  # a capital speaks for its government


def test_unnamed_sources_keep_their_description(nlp):
    qs = run(
        nlp,
        "Experts say Moscow and Beijing are likely to dig in. “It is a marriage of convenience "
        "above all,” a senior diplomat said.",
    )
    assert one(qs, "dig in").speaker == "Experts"  # an unnamed source, as the description
    assert one(qs, "convenience").speaker == "senior diplomat"


def test_they_goes_to_a_group_named_as_speaker(nlp):
    qs = run(
        nlp,
        "Republicans said on Friday that the inquiry had been mishandled. "
        "They said the department would have to answer for it.",
    )
    assert one(qs, "would have to answer").speaker == "Republicans"


def test_unnamed_people_report_speech_unless_switched_off(nlp):
    text = "Experts say Moscow and Beijing are likely to dig in. Recent data suggests that trade grew fast."
    qs = run(nlp, text)
    assert one(qs, "dig in").speaker == "Experts"  # people, as the description
    assert not any("trade grew" in q.text for q in qs)  # a thing is no source of reported speech
    assert not any("dig in" in q.text for q in run(nlp, text, unnamed_indirect=False))


# ---------------------------------------------------------------- marks


@pytest.mark.parametrize(
    "text, inner",
    [
        ("He said “we will win this fight” on Monday.", "we will win this fight"),
        ('He said "we will win this fight" on Monday.', "we will win this fight"),
        ("He said ‘we will win this fight’ on Monday.", "we will win this fight"),
        ("He said 'we will win this fight' on Monday.", "we will win this fight"),
        ("Il a dit «nous allons gagner» lundi.", "nous allons gagner"),
        ("He said “they don’t ‘own’ the ’90s” today.", "they don’t ‘own’ the ’90s"),  # nested, apostrophes
        ("He said “it is … [a] reference” today.", "it is … [a] reference"),  # ellipsis and brackets kept
    ],
)
def test_quotation_marks(text, inner):
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == [inner]


def test_unbalanced_marks_skip_only_that_span(nlp):
    text = "Price said “this never closes. Later, Price said “we are concerned about the ties,” in a briefing."
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["we are concerned about the ties,"]
    assert one(run(nlp, text), "concerned").speaker == "Price"


def test_ellipses_and_bracketed_insertions_stay_in_the_quote(nlp):
    text = (
        "“We have not yet seen the DPRK [Democratic People’s Republic of Korea] supply artillery shells … to Russia,” "
        "John Kirby said."
    )
    q = one(run(nlp, text), "artillery shells")
    assert q.text.startswith("We have not yet seen the DPRK [Democratic People’s Republic of Korea]") and "…" in q.text
    assert q.speaker == "John Kirby"


# ---------------------------------------------------------------- not quotes


@pytest.mark.parametrize(
    "text, term",
    [
        (
            "Both Moscow and Beijing have criticized the much-repeated term ‘global governance’ as hollow.",
            "global governance",
        ),
        ("Last spring, Modi and Putin signed a so-called “special and privileged” partnership.", "special and"),
        ("A band played the famous wartime song “Katyusha,” written in 1938.", "Katyusha"),
        ("They signed a “limitless” pact that has raised concern in Europe.", "limitless"),
        ("Vladimir Putin told CNN’s “State of the Union” that relations were strong.", "State of the Union"),
        ("The ‘Golden Era’ Alliance Between Moscow and Beijing Grows Closer\nChina and Russia met.", "Golden Era"),
    ],
)
def test_terms_titles_and_scare_quotes_are_not_quotes(nlp, text, term):
    # a stance may hold the term among the writer's words ("have criticized [the term ‘…’ as hollow]"), never as words
    assert not any(term in q.text for q in run(nlp, text) if q.kind != "stance")


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "“",
        "”",
        '"',
        "'",
        "“”",
        "«»",
        "‘’’’‘",
        "“Unclosed\n\n“also unclosed",
        "said:\n\n:",
        "— — —",
        "He said\n\n\n",
        "“" * 50 + "x" + "”" * 3,
        "''",
        "''x'' said Bob.",
    ],
)
def test_odd_input_never_raises(nlp, text):
    assert isinstance(run(nlp, text), list)


def test_a_doc_of_another_text_gives_nothing(nlp):
    assert extract_quotes("other text", nlp("“Hello there,” he said."), []) == []


# ---------------------------------------------------------------- the seeds against gold


def _score_module():
    spec = importlib.util.spec_from_file_location("eval_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval")
def test_seeds_end_to_end_meet_the_targets(seeds_db):
    from model.corpus import export, store

    conn = store.connect(seeds_db, readonly=True)
    out = {}
    for kind in ("articles", "quotes"):
        buf = io.StringIO()
        export.write(conn, kind, buf, "jsonl")
        out[kind] = [json.loads(line) for line in buf.getvalue().splitlines()]
    conn.close()
    res, errors = _score_module().score_quotes_seeds(out["articles"], out["quotes"])
    assert res["forbidden_hits"] == 0, errors
    assert res["recall"] >= 0.9 and res["precision"] >= 0.9, (res, errors)
    assert res["speaker_accuracy"] >= 0.9, (res, errors)
