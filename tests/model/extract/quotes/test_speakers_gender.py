"""Speakers: a pronoun's antecedent must agree in gender, known from titles, else given names, else pronouns."""

from __future__ import annotations

from model.extract import entities
from model.extract.quotes.extractor import extract_quotes


def _speakers(nlp, text):
    doc = nlp(text)
    return [(q.text, q.speaker) for q in extract_quotes(text, doc, entities.resolve_mentions(doc))]


def test_she_skips_a_man_known_only_by_his_given_name(nlp):
    text = "Melanie watched the rally at home. Jeb Bush said the race was over.\n\n“It’s finished,” she said."
    got = dict(_speakers(nlp, text))
    assert got["It’s finished,"] == "Melanie"


def test_a_given_name_outweighs_a_stray_his_but_not_a_title(nlp):
    from model.extract.quotes.speakers import Resolver

    text = "Melanie said the nominee gave his speech. Mrs. Jordan Smith spoke. Mr. Ashley Brown spoke too."
    doc = nlp(text)
    ms = entities.resolve_mentions(doc)
    r = Resolver(doc, ms, [False] * len(doc), lambda pos: 0)
    assert r.gender.get("Melanie") == "f"
    assert r.gender.get("Jordan Smith") == "f" and r.gender.get("Ashley Brown") == "m"
