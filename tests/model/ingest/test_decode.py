"""Files not in UTF-8: the encoding a page declares, else the one detected; undecodable bytes refused."""

import pytest

from model.ingest import sources
from model.ingest.decode import decode
from model.records import Skipped

RUSSIAN = "Министр иностранных дел заявил журналистам, что переговоры в Пекине прошли успешно и стороны договорились о новых поставках газа."
SIMPLIFIED = "外交部发言人表示，两国领导人在北京举行会谈，双方同意扩大能源合作并加强边境贸易。"
TRADITIONAL = "外交部發言人表示，兩國領導人在北京舉行會談，雙方同意擴大能源合作並加強邊境貿易。"
WESTERN = (
    "Der Außenminister erklärte gegenüber Journalisten, dass die Gespräche in Peking äußerst erfolgreich verliefen."
)

CASES = [
    (RUSSIAN, "cp1251", "Windows-1251"),
    (RUSSIAN, "koi8_r", "KOI8-R"),
    (SIMPLIFIED, "gbk", "GB18030"),
    (SIMPLIFIED, "gb18030", "GB18030"),
    (TRADITIONAL, "big5", "Big5"),
    (WESTERN, "cp1252", "Windows-1252"),
]


@pytest.mark.parametrize("text,encoding,shown", CASES)
def test_a_sentence_in_a_legacy_encoding_is_detected(text, encoding, shown):
    got, note = decode(text.encode(encoding))
    assert got == text and note == f"decoded as {shown} (detected; not UTF-8)"


@pytest.mark.parametrize("text,encoding,shown", CASES)
def test_a_short_text_is_detected_from_twelve_characters(text, encoding, shown):
    got, _ = decode(text[:12].encode(encoding))
    assert got == text[:12]


def test_the_encoding_a_page_declares_wins_over_detection():
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>{RUSSIAN[:9]}</p>'
    got, note = decode(html.encode("cp1251"))
    assert RUSSIAN[:9] in got and note == "decoded as Windows-1251 (declared by the page; not UTF-8)"


def test_a_page_declared_gb2312_is_read_as_gb18030():
    xml = f'<?xml version="1.0" encoding="gb2312"?><p>{SIMPLIFIED}</p>'
    got, note = decode(xml.encode("gb18030"))
    assert SIMPLIFIED in got and "GB18030 (declared" in note


def test_utf8_wins_over_a_wrong_declaration():
    html = f'<meta charset="iso-8859-1"><p>{RUSSIAN}</p>'
    got, note = decode(html.encode("utf-8"))
    assert RUSSIAN in got and note is None


def test_a_declaration_the_bytes_do_not_fit_is_passed_over():
    html = f'<meta charset="big5"><p>{RUSSIAN}</p>'
    got, note = decode(html.encode("cp1251"))
    assert RUSSIAN in got and "Windows-1251 (detected" in note


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".csv"])
def test_every_kind_of_file_is_decoded(tmp_path, suffix):
    body = {
        ".txt": RUSSIAN,
        ".md": f"# Переговоры\n\n{RUSSIAN}",
        ".html": f"<html><body><p>{RUSSIAN}</p></body></html>",
        ".jsonl": '{"id": "r1", "text": "%s"}' % RUSSIAN,
        ".csv": f'id,text\nr1,"{RUSSIAN}"\n',
    }[suffix]
    path = tmp_path / f"news{suffix}"
    path.write_bytes(body.encode("koi8_r"))
    (art,) = sources.read_path(path)
    assert RUSSIAN in art.text
    if suffix in (".txt", ".md", ".html"):  # an article file's origin says how it was read
        assert "KOI8-R" in art.origin


def test_undecodable_bytes_are_skipped_with_a_reason(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 4 + b"\x01\x02\x03\x04\x05\x06" * 200)
    (s,) = sources.read_path(path)
    assert isinstance(s, Skipped) and s.reason.startswith(("binary", "not valid UTF-8"))
