"""Wire copy: hard-wrapped text is parsed with its soft newlines as spaces, and a company's description speaks
for it."""

from __future__ import annotations

from model.extract import entities
from model.extract.quotes.extractor import extract_quotes
from model.ingest import pool
from model.parse import layout
from model.records import Article

WRAPPED = (
    "Shares of drug distributors rose on Monday after Medco Containment Services\n"
    "Inc said its board declared an initial annual dividend of 10 cts per share,\n"
    "its first payout, payable March 19 to holders of record March 12. The\n"
    "company said the payout would be reviewed every year by the board of\n"
    "directors and its advisers.\n"
)  # wrapped at 76 columns, as wire copy is


def test_unwrap_makes_only_soft_newlines_spaces_and_keeps_every_offset():
    text = "HEADLINE\n\n" + WRAPPED + "\n    Table:   1   2\n"
    flat = layout.unwrap(text)
    assert len(flat) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, flat)) if a != b]
    assert changed and all(text[i] == "\n" and flat[i] == " " for i in changed)
    assert flat.startswith("HEADLINE\n\n")  # a heading and a blank line stay breaks
    assert "Services Inc said" in flat


def test_text_that_is_not_hard_wrapped_is_parsed_as_it_is():
    text = "Putin: relations reach new frontiers\nMoscow said on Friday that talks went well.\n"
    assert layout.unwrap(text) is text


def test_a_name_broken_over_two_lines_is_one_speaker(nlp):
    [(art, ext, err)] = pool.process_batch([Article(key="w", text=WRAPPED)], nlp)
    assert err is None
    speakers = [q.speaker for q in ext.quotes]
    assert speakers == ["Medco Containment Services Inc", "Medco Containment Services Inc"]
    for q in ext.quotes:  # offsets point into the stored text; a quote's own text reads its line breaks as spaces
        assert q.text.split() == art.text[q.start : q.end].split() and "\n" not in q.text


def test_the_company_means_the_company_named_before(nlp):
    text = "Mack Trucks Inc said it lost market share last year. The company said the loss was small."
    doc = nlp(text)
    quotes = {q.text: q.speaker for q in extract_quotes(text, doc, entities.resolve_mentions(doc))}
    assert quotes["the loss was small"] == "Mack Trucks Inc"


def test_an_unnamed_source_broken_over_two_lines_is_named_with_a_space(nlp):
    text = "Coca-Cola Co's Entertainment Business\nSector Inc unit said it formed a joint venture with an affiliate."
    doc = nlp(text)
    names = [q.speaker for q in extract_quotes(text, doc, entities.resolve_mentions(doc))]
    assert names and all("\n" not in (n or "") for n in names)


def test_the_company_is_the_one_last_the_subject_not_the_last_named(nlp):
    text = (
        "Computer Terminal Systems Inc said it sold two mln shares through underwriters Stephens Inc and "
        "Cazenove Inc. The company said the proceeds would repay debt."
    )
    doc = nlp(text)
    quotes = {q.text: q.speaker for q in extract_quotes(text, doc, entities.resolve_mentions(doc))}
    assert quotes["the proceeds would repay debt"] == "Computer Terminal Systems Inc"
