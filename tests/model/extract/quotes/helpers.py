"""What the quote tests share: the quotes of a text (as the ingest extracts them), one quote by its words."""

from __future__ import annotations

from model.extract import entities
from model.extract.quotes.extractor import extract_quotes
from model.extract.quotes.settings import QuoteRules


def run(nlp, text, **rules):
    """The quotes of `text`, by the default rules or with some switched (`run(nlp, text, claims=False)`)."""
    doc = nlp(text)
    mentions = entities.resolve_mentions(doc)
    entities.acronym_aliases(doc, mentions)
    quotes = extract_quotes(text, doc, mentions, rules=QuoteRules(**rules))
    for q in quotes:  # the offsets always point at the text
        assert text[q.start : q.end] == q.text
    return quotes


def one(quotes, needle):
    """The one quote holding `needle` (fails, listing every quote, when there are none or several)."""
    hits = [q for q in quotes if needle in q.text]
    assert len(hits) == 1, [(q.text, q.kind, q.speaker) for q in quotes]
    return hits[0]


def texts(quotes):
    return [q.text for q in quotes]


def speakers(nlp, text):
    """{quote text: speaker} of `text`, as recognised without acronym aliases."""
    doc = nlp(text)
    return {q.text: q.speaker for q in extract_quotes(text, doc, entities.resolve_mentions(doc))}
