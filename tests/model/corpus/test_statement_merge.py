"""Quotes of one speaker grouped into statements: which wordings are one statement, which are not."""

from __future__ import annotations

import random

from model.corpus.statement_merge import (
    Said,
    group,
    one_statement,
    speaker_part,
    statement_of,
    wording,
    written_alike,
)


def _said(i: int, text: str, kind: str = "direct", article: str | None = None, date: str | None = None, source=None):
    return Said(i, article or f"art{i}", 10 * i, 10 * i + len(text), text, kind, date, source)


def _same(a: Said, b: Said) -> bool:
    return one_statement(a, wording(a.text), b, wording(b.text))


def test_the_same_words_written_differently_are_one_statement():
    a = _said(1, "We will keep the harbour open to every ship,")
    b = _said(2, "we will keep the harbour open to every ship.")
    c = _said(3, "We’ll keep the harbour open to every ship")
    assert _same(a, b) and _same(a, c)


def test_a_partial_quote_inside_the_full_one_joins_it():
    full = _said(1, "Our two navies are sailing toward calmer waters and a shared horizon together.")
    part = _said(2, "shared horizons", "partial")
    assert _same(full, part)
    assert _same(_said(3, "calmer waters … a shared horizon", "partial"), full)  # each piece between the ellipses


def test_one_word_in_common_is_not_a_statement():
    full = _said(1, "Our two navies are sailing toward calmer waters and a shared horizon together.")
    assert not _same(full, _said(2, "together", "partial"))  # says nothing on its own
    assert not _same(full, _said(3, "calmer skies", "partial"))


def test_a_word_alone_is_one_statement_in_one_article_only():
    assert _same(_said(1, "reckless", "partial", article="x"), _said(2, "reckless,", "partial", article="x"))
    assert not _same(_said(1, "reckless", "partial", article="x"), _said(2, "reckless", "partial", article="y"))


def test_a_report_that_is_only_a_name_does_not_join_by_containment():
    direct = _said(1, "I will vote for the Liberal candidate, Maria Lopez, in the autumn,")
    assert not _same(direct, _said(2, "the Liberal candidate", "indirect"))
    assert _same(direct, _said(3, "will vote for the Liberal candidate", "indirect"))


def test_translation_variants_are_one_statement():
    a = _said(1, "We haven't yet seen the PRC send the DPRK any fuel, and we don't expect it to,")
    b = _said(
        2,
        "We have not yet seen the People's Republic of China send any fuel to North Korea, and we do not expect it to",
    )
    assert _same(a, b)
    assert written_alike("the U.S. told us") == "the united states told us"  # "us" the pronoun stays


def test_an_editors_insertion_does_not_count():
    a = _said(1, "The ministry [of trade] will publish the tariff list before the summer,")
    b = _said(2, "The ministry will publish the tariff list before the summer.")
    assert _same(a, b)


def test_a_report_of_the_quote_joins_it_when_its_content_matches():
    direct = _said(1, "We are ready to open the northern pipeline to private investors next spring,")
    report = _said(2, "the country was ready to open the northern pipeline to private investors", "indirect")
    assert _same(direct, report)
    other = _said(3, "the country would close the southern port to foreign ships", "indirect")
    assert not _same(direct, other)


def test_different_statements_of_one_speaker_stay_apart():
    a = _said(1, "Trade between our countries grew faster than anyone expected last year,")
    b = _said(2, "Our countries will hold joint exercises in the northern sea next year,")
    assert not _same(a, b)
    assert len(group([a, b])) == 2


def test_two_speakers_are_two_parts_and_a_joint_speaker_is_one_in_any_order():
    assert speaker_part([7], "Ana Ruiz", 1) != speaker_part([8], "Tom Berg", 1)
    assert speaker_part([7, 8], "Ana Ruiz; Tom Berg", 1) == speaker_part([8, 7], "Tom Berg; Ana Ruiz", 2)
    assert speaker_part([], "Tom Berg; the envoy", 3) == speaker_part([], "the envoy; tom berg", 4)
    assert speaker_part([7], "Tom Berg; the envoy", 3).startswith("n:")  # a member without an entity: by names
    assert speaker_part([], None, 5) != speaker_part([], None, 6)  # nobody's quotes are grouped with nobody's


def test_grouping_does_not_depend_on_the_order_of_the_quotes():
    quotes = [
        _said(1, "Our two navies are sailing toward calmer waters and a shared horizon together.", date="2024-03-02"),
        _said(2, "shared horizon", "partial", date="2024-03-05", source="Daily Post"),
        _said(3, "Our navies sail toward calmer waters and a shared horizon together", date="2024-03-01"),
        _said(4, "The grain deal will be signed in the autumn,", source="Daily Post"),
        _said(5, "the grain deal would be signed in the autumn", "indirect", source="Evening Star"),
    ]
    expected = [[s.id for s in g] for g in group(quotes)]
    assert expected == [[1, 2, 3], [4, 5]]
    for seed in range(5):
        shuffled = quotes[:]
        random.Random(seed).shuffle(shuffled)
        assert [[s.id for s in g] for g in group(shuffled)] == expected


def test_a_statement_has_its_fullest_quoted_wording_strongest_kind_and_dates():
    members = [
        _said(2, "shared horizon", "partial", date="2024-03-05", source="Daily Post"),
        _said(1, "Our navies sail toward a shared horizon", date="2024-03-02", source="daily post"),
        _said(3, "the navies were sailing toward a shared horizon, a longer report", "indirect", date="2024-03-09"),
    ]
    st = statement_of(group(members)[0])
    assert st.text == "Our navies sail toward a shared horizon" and st.fullest == 1  # quoted words, not the report
    assert st.kind == "direct" and (st.first, st.last) == ("2024-03-02", "2024-03-09")
    assert st.articles == ["art1", "art2", "art3"] and st.outlets == 2  # one named twice, one not known
    assert st.id == statement_of(group(list(reversed(members)))[0]).id
