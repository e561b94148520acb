"""News-database exports (LexisNexis, Nexis Uni, Factiva) split into their articles, each with the title,
source and date of its header block; files that only look a little like one stay whole."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from model.ingest import sources
from model.records import Article, Skipped
from tests.model.ingest import export_samples as S

HEADER_WORDS = ("LENGTH:", "Length:", "BYLINE", "Byline:", "LOAD-DATE", "Load-Date", "Copyright", "(c) 2023")
HEADER_WORDS += ("End of Document", "DOCUMENTS", "Document HRBLDG", "words", "HRBLDG", "Classification")


def read(tmp_path, name: str, data: bytes | str) -> list[Article | Skipped]:
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return list(sources.read_path(p))


def docx_bytes(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def assert_the_three_articles(got, name: str, layout: str, keys: list[str]):
    arts = [a for a in got if isinstance(a, Article)]
    assert [a.key for a in arts] == keys, got
    assert not [s for s in got if isinstance(s, Skipped)]
    for n, (art, (title, source, _, iso, paras)) in enumerate(zip(arts, S.ARTICLES), 1):
        assert art.title == title and art.title_basis == "export header"
        assert art.source == source and art.source_basis == "export header"
        assert art.published == iso and art.published_confidence == 1.0
        assert art.published_basis.startswith(f"export header ({layout})")
        assert art.origin.endswith(f"{name}:article {n}")
        assert art.text == "\n\n".join(paras)
        assert not [w for w in HEADER_WORDS if w in art.text]
        assert art.removed and all(reason for _, reason in art.removed)
        assert art.sha256


FACTIVA_KEYS = [S.factiva_an(n) for n in (1, 2, 3)]


def test_lexis_classic_txt(tmp_path):
    got = read(tmp_path, "herald.txt", S.lexis_classic_txt())
    assert_the_three_articles(got, "herald.txt", "LexisNexis", ["herald:1", "herald:2", "herald:3"])
    assert ("Final Edition", "export header") in got[0].removed


def test_lexis_classic_docx_built_with_python_docx(tmp_path):
    paragraphs = [line.strip() for line in S.lexis_classic_txt().split("\n")]
    got = read(tmp_path, "herald.docx", docx_bytes(paragraphs))
    assert_the_three_articles(got, "herald.docx", "LexisNexis", ["herald:1", "herald:2", "herald:3"])


def test_nexis_uni_docx_with_its_cover_page(tmp_path):
    got = read(tmp_path, "uni.docx", docx_bytes(S.nexis_uni_lines()))
    assert_the_three_articles(got, "uni.docx", "Nexis Uni", ["uni:1", "uni:2", "uni:3"])


def test_nexis_uni_txt(tmp_path):
    got = read(tmp_path, "uni.txt", S.nexis_uni_txt())
    assert_the_three_articles(got, "uni.txt", "Nexis Uni", ["uni:1", "uni:2", "uni:3"])


def test_factiva_field_codes_txt(tmp_path):
    got = read(tmp_path, "fx.txt", S.factiva_fields_txt())
    assert_the_three_articles(got, "fx.txt", "Factiva", FACTIVA_KEYS)
    assert ("SC HRBLDG", "export header (source code)") in got[0].removed


def test_factiva_article_layout_html(tmp_path):
    got = read(tmp_path, "fx.html", S.factiva_rich_html())
    assert_the_three_articles(got, "fx.html", "Factiva", FACTIVA_KEYS)
    assert not any("Print | Save" in a.text for a in got)  # the page's toolbar is outside the articles


def test_factiva_field_codes_as_an_html_table(tmp_path):
    rows = []
    for line in S.factiva_fields_txt().split("\n"):
        code, _, value = line.partition("\t")
        rows.append(
            f"<tr><td><b>{code}</b></td><td>{value}</td></tr>" if value or code in ("LP", "TD") else f"<p>{line}</p>"
        )
    page = "<html><body><table>" + "\n".join(rows) + "</table></body></html>"
    got = read(tmp_path, "fx.htm", page)
    assert_the_three_articles(got, "fx.htm", "Factiva", FACTIVA_KEYS)


def test_factiva_article_layout_rtf_written_by_hand(tmp_path):
    got = read(tmp_path, "fx.rtf", S.factiva_rich_rtf())
    assert_the_three_articles(got, "fx.rtf", "Factiva", FACTIVA_KEYS)


def test_factiva_field_codes_rtf(tmp_path):
    body = "".join(
        S._rtf_escape(line).replace("\t", r"\tab ") + r"\par" + "\n" for line in S.factiva_fields_txt().split("\n")
    )
    got = read(tmp_path, "fields.rtf", r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}" + "\n" + body + "}")
    assert_the_three_articles(got, "fields.rtf", "Factiva", FACTIVA_KEYS)


def test_a_factiva_paragraph_that_starts_like_a_field_code_stays_text(tmp_path):
    export = S.factiva_fields_txt().replace(
        "Port officials said", "IN 2022 the crossing closed early.\n\nBY the end of May, port officials said", 1
    )
    art = read(tmp_path, "fx.txt", export)[0]
    assert "IN 2022 the crossing closed early." in art.text and "BY the end of May" in art.text


# ---------------------------------------------------------------- malformed and truncated


def test_lexis_article_without_body_is_skipped_and_the_others_kept(tmp_path):
    export = S.lexis_classic_txt()
    second = export.index("2 of 3 DOCUMENTS")
    third = export.index("3 of 3 DOCUMENTS")
    part = export[second:third]
    broken = part[: part.index("LENGTH:")] + "LENGTH: 40 words\n\n\nLOAD-DATE: March 10, 2023\n\n"
    got = read(tmp_path, "cut.txt", export[:second] + broken + export[third:])
    assert [a.key for a in got if isinstance(a, Article)] == ["cut:1", "cut:3"]
    (skip,) = [s for s in got if isinstance(s, Skipped)]
    assert skip.origin.endswith("cut.txt:article 2") and "no body text" in skip.reason and "LexisNexis" in skip.reason


def test_truncated_factiva_export_keeps_the_whole_articles(tmp_path):
    export = S.factiva_fields_txt()
    cut = export[: export.index("Organisers counted")]  # the third article loses its end and its AN line
    got = read(tmp_path, "cut.txt", cut)
    assert [a.key for a in got if isinstance(a, Article)] == FACTIVA_KEYS[:2]
    (skip,) = [s for s in got if isinstance(s, Skipped)]
    assert skip.origin.endswith("cut.txt:article 3") and "truncated" in skip.reason


def test_nexis_uni_article_without_title_or_body_line_is_skipped(tmp_path):
    lines = S.nexis_uni_lines(cover=False)
    lines.remove("Body")  # the first article's
    got = read(tmp_path, "uni.txt", "\n\n".join(lines))
    assert [a.key for a in got if isinstance(a, Article)] == ["uni:2", "uni:3"]
    (skip,) = [s for s in got if isinstance(s, Skipped)]
    assert skip.origin.endswith("uni.txt:article 1") and "no line 'Body'" in skip.reason


def test_an_export_of_which_no_article_reads_is_one_skip_per_article_and_one_for_the_file(tmp_path):
    export = "\n".join(line for line in S.factiva_fields_txt().split("\n") if not line.startswith("HD"))
    got = read(tmp_path, "nohead.txt", export)
    assert all(isinstance(s, Skipped) for s in got) and len(got) == 4, got
    assert "no article in it could be read" in got[-1].reason


@pytest.mark.parametrize(
    "data,reason",
    [(b"PK\x03\x04 not really a zip", "not a readable Word document"), (b"plain words, no package", "not a readable")],
)
def test_a_broken_docx_is_skipped_with_a_reason(tmp_path, data, reason):
    (skip,) = read(tmp_path, "broken.docx", data)
    assert isinstance(skip, Skipped) and reason in skip.reason


def test_a_zip_that_is_no_word_document_is_skipped(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "nothing here")
    (skip,) = read(tmp_path, "notes.docx", out.getvalue())
    assert isinstance(skip, Skipped) and "Word document" in skip.reason


def test_an_rtf_file_without_an_rtf_header_is_skipped(tmp_path):
    (skip,) = read(tmp_path, "fake.rtf", "just some words")
    assert isinstance(skip, Skipped) and "RTF" in skip.reason


# ---------------------------------------------------------------- no false split

PLAIN = """Border Talks Resume in Blagoveshchensk

Negotiators met for the first of three rounds on Monday, officials said.
One delegate joked that the End of Document stamp on the old treaty had faded.
Page 1 of 3 DOCUMENTS was all the archive released, an archivist added.

1 of 3 DOCUMENTS

The next round is planned for April.
End of Document
"""


@pytest.mark.parametrize("name", ["plain.txt", "plain.html"])
def test_a_plain_article_mentioning_the_markers_once_is_not_split(tmp_path, name):
    data = (
        PLAIN
        if name.endswith(".txt")
        else "<html><body>" + "".join(f"<p>{x}</p>" for x in PLAIN.split("\n")) + "</body></html>"
    )
    (art,) = read(tmp_path, name, data)
    assert isinstance(art, Article) and art.key == "plain"
    assert "next round is planned for April" in art.text and "first of three rounds" in art.text


def test_a_plain_docx_and_rtf_are_one_article_each(tmp_path):
    (art,) = read(tmp_path, "memo.docx", docx_bytes(PLAIN.split("\n")))
    assert isinstance(art, Article) and art.key == "memo" and "planned for April" in art.text
    rtf = r"{\rtf1\ansi " + "".join(S._rtf_escape(x) + r"\par " for x in PLAIN.split("\n")) + "}"
    (art,) = read(tmp_path, "memo.rtf", rtf)
    assert isinstance(art, Article) and art.key == "memo" and "planned for April" in art.text


def test_factiva_field_codes_without_accession_numbers_are_split_at_each_headline(tmp_path):
    export = "\n".join(line for line in S.factiva_fields_txt().split("\n") if not line.startswith("AN"))
    got = read(tmp_path, "noan.txt", export)
    assert_the_three_articles(got, "noan.txt", "Factiva", ["noan:1", "noan:2", "noan:3"])


def test_lexis_classic_headline_label_and_body_label(tmp_path):
    export = S.lexis_classic_txt()
    for title, *_ in S.ARTICLES:
        export = export.replace(f"\n{title}\n", f"\nHEADLINE: {title}\n", 1)
    export = export.replace("DATELINE: MOSCOW\n", "DATELINE: MOSCOW\n\nBODY:\n")
    got = read(tmp_path, "labels.txt", export)
    assert_the_three_articles(got, "labels.txt", "LexisNexis", ["labels:1", "labels:2", "labels:3"])


def test_export_fields_are_sanitised_and_the_decoding_noted(tmp_path):
    export = S.factiva_fields_txt().replace("Ferry Link", "Ferry\x1b[2J Link\x07").replace("Harbin", "Harbin café")
    first = read(tmp_path, "legacy.txt", export.encode("cp1252"))[0]
    assert first.title == "Ferry[2J Link Across the Amur Reopens After Ice Delay"
    assert first.source == "The Harbin café Ledger"
    assert first.origin.endswith("legacy.txt:article 1 (decoded as Windows-1252 (detected; not UTF-8))")
    bidi = read(tmp_path, "bidi.txt", S.factiva_fields_txt().replace("Ferry Link", "Ferry\u202e Link"))[0]
    assert bidi.title == S.ARTICLES[0][0]
    utf16 = read(tmp_path, "wide.txt", "\ufeff".encode("utf-16-le") + S.factiva_fields_txt().encode("utf-16-le"))
    assert [a.key for a in utf16] == FACTIVA_KEYS


def test_a_lost_accession_number_between_two_factiva_articles_keeps_both(tmp_path):
    export = S.factiva_fields_txt().replace(f"AN\tDocument {S.factiva_an(1)}\n", "", 1)
    got = read(tmp_path, "lost.txt", export)
    assert_the_three_articles(got, "lost.txt", "Factiva", ["lost:1", *FACTIVA_KEYS[1:]])


@pytest.mark.parametrize("sample", [S.factiva_fields_txt, S.factiva_rich_html], ids=["fields", "article-layout"])
def test_a_factiva_paragraph_starting_with_hd_stays_text(tmp_path, sample):
    export = sample().replace("Port officials said", "HD cameras filmed the crossing. Port officials said", 1)
    name = "hd.html" if "<html>" in export else "hd.txt"
    got = read(tmp_path, name, export)
    assert [a.key for a in got] == FACTIVA_KEYS
    assert "HD cameras filmed the crossing." in got[0].text
