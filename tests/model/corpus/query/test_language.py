"""The search language: what a typed line is read into, and the one-line reasons it cannot be read."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.corpus.query.language import Query, QuerySyntaxError, Term, date_range, parse


def test_words_phrases_exclusions_and_fields():
    query = parse('"no limits" ties -oil speaker:"Wang Yi" -kind:indirect source:Reuters said:2023 sanction*')
    assert query.terms == (
        Term(None, "no limits", phrase=True),
        Term(None, "ties"),
        Term(None, "oil", negated=True),
        Term("speaker", "Wang Yi"),
        Term("kind", "indirect", negated=True),
        Term("source", "Reuters"),
        Term("said", "2023", first="2023-01-01", last="2023-12-31"),
        Term(None, "sanction*"),
    )
    assert query.highlights() == ["no limits", "ties", "sanction"]


def test_a_colon_after_digits_or_inside_a_phrase_is_no_field():
    assert parse("10:30 talks").terms == (Term(None, "10:30"), Term(None, "talks"))
    assert parse('"note: this"').terms == (Term(None, "note: this", phrase=True),)


def test_field_names_and_kinds_in_any_case():
    assert parse("SPEAKER:Xi Kind:Direct,PARTIAL").terms == (Term("speaker", "Xi"), Term("kind", "direct,partial"))


@pytest.mark.parametrize(
    "value, first, last",
    [
        ("2023", "2023-01-01", "2023-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-12", "2023-12-01", "2023-12-31"),
        ("2023-02-23", "2023-02-23", "2023-02-23"),
        ("2023-02..2023-03", "2023-02-01", "2023-03-31"),
        ("2023-02..", "2023-02-01", None),
        ("..2022", None, "2022-12-31"),
    ],
)
def test_date_ranges(value, first, last):
    assert date_range(value) == (first, last)


@pytest.mark.parametrize(
    "line, reason",
    [
        ('"no limits', 'the quote at character 1 is not closed: add a " after “no limits”'),
        ('ties "no limits', "the quote at character 6 is not closed"),
        ("spekaer:Putin", "unknown field “spekaer:”: did you mean speaker:?"),
        ("note:this", "unknown field “note:”: fields are speaker, entity, kind, source, outlet, date, said"),
        ("speaker:", "speaker: needs a value, e.g. speaker:Putin"),
        ('entity:"  "', "entity: needs a value"),
        ("kind:drect", "“kind:drect”: kind is one of direct, partial, indirect, stance"),
        ("date:2023-13", "date:2023-13: “2023-13” is not a date (month must be in 1..12)"),
        ("date:2023-02-30", "“2023-02-30” is not a date (day is out of range for month)"),
        ("said:yesterday", "said:yesterday: “yesterday” is not a date; give YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date:2023..2022", "date:2023..2022: the range ends before it starts"),
        ("date:..", "give at least one end of the range"),
    ],
)
def test_bad_input_is_one_line_saying_why(line, reason):
    with pytest.raises(QuerySyntaxError) as e:
        parse(line)
    assert reason in str(e.value) and "\n" not in str(e.value)


def test_punctuation_alone_is_no_term():
    assert parse(" - … ( ) ").terms == ()


def test_a_term_is_typed_back_as_it_reads():
    line = '"no limits" -oil speaker:"Wang Yi" entity:NATO -date:2022..2023-03 kind:direct,partial'
    query = parse(line)
    assert query.text == line and parse(query.text) == query
    assert query.without(1).text == '"no limits" speaker:"Wang Yi" entity:NATO -date:2022..2023-03 kind:direct,partial'
    assert [t.label for t in query.fields] == [
        "speaker: Wang Yi",
        "entity: NATO",
        "not date: 2022..2023-03",
        "kind: direct,partial",
    ]


FIELD_BITS = ['"', "-", ":", "..", " ", "*", "speaker:", "date:", "kind:", "said:", "2023", "-02", "Putin", "direct"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(FIELD_BITS), max_size=8).map("".join)))
def test_any_line_reads_or_says_why_and_what_reads_types_back_the_same(line):
    try:
        query = parse(line)
    except QuerySyntaxError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(query, Query) and parse(query.text) == query


def test_what_a_reason_quotes_of_the_line_stays_on_one_line():
    with pytest.raises(QuerySyntaxError) as e:
        parse('"ties\nwith\x1b[2J')
    assert str(e.value) == 'the quote at character 1 is not closed: add a " after “ties\\nwith\\x1b[2J”'


def test_a_name_needs_a_word():
    with pytest.raises(QuerySyntaxError, match="speaker: needs a value"):
        parse("speaker:-")


@pytest.mark.parametrize("line", ["s*", "-s*", "treaty ab*", "Xi*"])
def test_a_prefix_of_fewer_than_three_characters_is_refused_in_one_line(line):
    with pytest.raises(QuerySyntaxError, match="at least 3 characters before the") as e:
        parse(line)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("line", ["sta*", '"s*"', "U.S*", "s", "中俄*"])
def test_a_prefix_of_three_characters_a_phrase_or_a_plain_short_word_is_read(line):
    assert parse(line).terms
