import codecs
import json

import pytest

from model.ingest import sources
from model.ingest.sources import Skipped


def read(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return list(sources.read_path(p))


def test_sanitise_strips_controls_and_bidi_but_keeps_newline_and_tab():
    s = "a\x1b[2Jb\x07c\u202ed\u2066e\x9bf\x7fg\tok\r\nnext\rlast"
    assert sources.sanitise(s) == "a[2Jbcdefg\tok\nnext\nlast"


@pytest.mark.parametrize(
    "data,note",
    [
        ("Grüße aus Moskau".encode(), None),
        (codecs.BOM_UTF8 + "Grüße".encode(), None),
        (codecs.BOM_UTF16_LE + "Grüße aus Peking".encode("utf-16-le"), "UTF-16"),
        ("Grüße aus Moskau, café".encode("latin-1"), "Windows-1252"),
    ],
)
def test_decode_text_encodings(data, note):
    text, got = sources.decode(data)
    assert text.lstrip("\ufeff").startswith("Grüße")
    assert (note is None and got is None) or note in got


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"%PDF-1.7 \x00\x01", "PDF"),
        (b"\x00\x01\x02\x03\x04binary\x00\x00\xff", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_decode_rejects_binary(data, reason):
    with pytest.raises(ValueError, match=reason):
        sources.decode(data)


def test_empty_and_whitespace_files_are_skipped(tmp_path):
    (s,) = read(tmp_path, "a.txt", b"")
    assert isinstance(s, Skipped) and s.reason == "empty file"
    (s,) = read(tmp_path, "b.txt", b"  \n\t \n")
    assert isinstance(s, Skipped) and "whitespace" in s.reason


def test_oversized_article_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    (s,) = read(tmp_path, "big.txt", b"word " * 400)
    assert isinstance(s, Skipped) and "too large" in s.reason


def test_jsonl_keeps_good_records_and_skips_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "T",
                "text": "Body one.",
                "published": "2023-02-22T10:00:00Z",
                "source": "Reuters",
                "url": "http://x",
            }
        ),
        "{not json",
        json.dumps({"id": "a2", "text": ""}),
        json.dumps({"id": "a3", "text": "Body \x1b[31mthree\u202e."}),
        json.dumps(["not", "an", "object"]),
    ]
    got = read(tmp_path, "in.jsonl", "\n".join(lines).encode())
    arts = [g for g in got if not isinstance(g, Skipped)]
    skips = [g for g in got if isinstance(g, Skipped)]
    assert [a.key for a in arts] == ["a1", "a3"]
    assert arts[0].published == "2023-02-22" and arts[0].published_basis == "metadata"
    assert arts[0].text == "Body one."  # records are stored as given
    assert arts[1].text == "Body [31mthree."
    assert [s.origin.rsplit(":", 1)[1] for s in skips] == ["2", "3", "5"]
    assert "malformed JSON" in skips[0].reason


def test_csv_skips_rows_with_wrong_field_count(tmp_path):
    data = 'id,title,text,published\nx1,T,"Text, with comma",2022-02-04\nx2,T\nx3,U,Other text,\n'
    got = read(tmp_path, "in.csv", data.encode())
    arts = [g for g in got if not isinstance(g, Skipped)]
    assert [a.key for a in arts] == ["x1", "x3"]
    assert arts[0].text == "Text, with comma" and arts[0].published == "2022-02-04"
    assert any(isinstance(g, Skipped) and "fields" in g.reason for g in got)


def test_html_drops_scripts_and_reads_metadata(tmp_path):
    html = """<html><head><title>Site | Story</title>
    <meta property="article:published_time" content="2024-05-16T08:00:00Z">
    <meta property="og:site_name" content="The Paper"><script>alert('x')</script><style>p{}</style></head>
    <body><nav>Home Menu</nav><h1>Putin arrives in Beijing</h1><p>Putin met Xi on Thursday.</p>
    <p>He said ties were strong.</p><script>document.write('evil')</script></body></html>"""
    (a,) = read(tmp_path, "story.html", html.encode())
    assert a.title == "Putin arrives in Beijing" and a.title_basis == "page title (trafilatura)"
    assert a.published == "2024-05-16" and a.source == "The Paper"
    assert "alert" not in a.text and "evil" not in a.text and "Home Menu" not in a.text
    assert "Putin met Xi on Thursday." in a.text


def test_markdown_heading_becomes_title(tmp_path):
    (a,) = read(tmp_path, "n.md", b"# Xi visits Moscow\n\nXi Jinping arrived in [Moscow](http://m) on Monday.\n")
    assert a.title == "Xi visits Moscow"
    assert a.text == "Xi Jinping arrived in Moscow on Monday."


def test_iter_files_reports_missing_and_unsupported(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    got = list(sources.iter_files([str(tmp_path / "nope"), str(tmp_path / "x.pdf")]))
    assert [g.reason.split(" ")[0] for g in got] == ["no", "unsupported"]


def test_content_hash_changes_with_text_and_metadata():
    from model.records import Article

    a = Article(key="k", text="t")
    b = Article(key="k", text="t", published="2020-01-01")
    assert sources.content_hash(a) != sources.content_hash(b)
    assert sources.content_hash(a) == sources.content_hash(Article(key="other", text="t"))
