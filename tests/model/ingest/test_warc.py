"""Web archives (WARC, WARC.gz) → one article per HTML page captured with HTTP 200, streamed record by record."""

import gzip
import io
import json
import os
import subprocess
import sys

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from model.ingest import sources, warc
from model.records import Article, Skipped

MOSCOW_URI = "https://www.harbour.example/world/2024/05/02/talks-resume?id=7"
BEIJING_URI = "https://harbour.example/asia/delegation-arrives"


def page(title: str, body: str, published: str = "2024-05-02") -> bytes:
    return (
        f"<html><head><title>{title}</title>"
        f"<meta property='article:published_time' content='{published}'>"
        f"<meta property='og:site_name' content='Harbour Times'></head>"
        f"<body><nav>Home</nav><h1>{title}</h1><p>{body}</p></body></html>"
    ).encode()


MOSCOW = page("Talks resume in Moscow", "The ministers met in Moscow on Thursday and agreed on a pipeline timetable.")
BEIJING = page(
    "Delegation arrives in Beijing", "A delegation arrived in Beijing on Monday for two days of trade talks."
)


def build_archive(path, *, gz: bool, extra=()):
    """A small crawl: warcinfo, a request, two HTML pages (one captured twice), an image, a 404 and a revisit."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "a test"}))

        def response(uri, payload, status="200 OK", ctype="text/html; charset=utf-8", headers=()):
            http = StatusAndHeaders(status, [("Content-Type", ctype), *headers], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
            w.write_record(rec)
            return rec

        request = StatusAndHeaders("GET /world HTTP/1.1", [("Host", "harbour.example")], is_http_request=True)
        w.write_record(w.create_warc_record(MOSCOW_URI, "request", http_headers=request))
        first = response(MOSCOW_URI, MOSCOW)
        response("https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), ctype="image/png")
        response(
            "https://harbour.example/gone", page("Not found", "That page is gone from this site."), "404 Not Found"
        )
        digest = first.rec_headers.get_header("WARC-Payload-Digest")
        w.write_record(w.create_revisit_record(MOSCOW_URI, digest, MOSCOW_URI, "2024-05-02T00:00:00Z"))
        response(MOSCOW_URI, MOSCOW)  # the same page captured again, unchanged
        response(BEIJING_URI, gzip.compress(BEIJING), headers=[("Content-Encoding", "gzip")])
        for uri, payload in extra:
            response(uri, payload)
    return path


def read(path):
    return list(sources.read_path(path))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_and_the_rest_is_counted(tmp_path, name):
    items = read(build_archive(tmp_path / name, gz=name.endswith(".gz")))
    pages = [i for i in items if isinstance(i, Article)]
    assert [a.key for a in pages] == [
        "harbour.example/world/2024/05/02/talks-resume?id=7",
        "harbour.example/world/2024/05/02/talks-resume?id=7",  # the repeat capture: same key, same hash
        "harbour.example/asia/delegation-arrives",
    ]
    assert pages[0].sha256 == pages[1].sha256
    moscow, beijing = pages[0], pages[2]
    assert moscow.url == MOSCOW_URI and beijing.url == BEIJING_URI  # the target URI
    assert moscow.title == "Talks resume in Moscow" and moscow.published == "2024-05-02"
    assert moscow.source == "Harbour Times" and "pipeline timetable" in moscow.text
    assert "Beijing on Monday" in beijing.text  # a gzip-encoded response is decoded
    assert moscow.origin.endswith(f"{name} record 3 (harbour.example/world/2024/05/02/talks-resume?id=7)")
    reasons = sorted(i.reason for i in items if isinstance(i, Skipped))
    assert reasons == [
        "1 record passed over: HTML responses with an HTTP status other than 200 (404 1)",
        "1 record passed over: responses that are not HTML pages (image/png 1)",
        "1 record passed over: revisit records (repeat captures that hold no page) (revisit 1)",
        "2 records passed over: records that are not responses (warcinfo 1, request 1)",
    ]


def test_a_truncated_warc_gz_ends_with_a_reason_and_keeps_the_pages_before(tmp_path, capsys):
    whole = build_archive(tmp_path / "whole.warc.gz", gz=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 60])  # inside the last page's record
    items = read(cut)
    assert len([i for i in items if isinstance(i, Article)]) == 2
    (ended,) = [i for i in items if isinstance(i, Skipped) and "truncated" in i.reason]
    assert "2 pages read before it" in ended.reason
    for at in range(0, len(whole), 23):  # wherever it is cut: articles and reasons, never an error
        cut.write_bytes(whole[:at])
        items = read(cut)
        assert all(isinstance(i, Article | Skipped) for i in items)
        assert any(isinstance(i, Skipped) for i in items)  # an empty or cut archive is never silent
    assert capsys.readouterr().err == ""  # warcio's own warnings are not printed


def test_a_plain_warc_cut_inside_a_record_header_is_reported(tmp_path):
    whole = build_archive(tmp_path / "whole.warc", gz=False).read_bytes()
    start = whole.index(b"\r\n\r\nWARC/", whole.index(b"image/png")) + 4  # the record after the image's
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: start + 40])
    items = read(cut)
    assert any(isinstance(i, Skipped) and "truncated" in i.reason for i in items)


def test_not_an_archive_is_skipped_and_a_single_gzip_stream_is_read(tmp_path, capsys):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"This is a plain note, not a web archive.\n" * 5)
    items = read(junk)
    assert items and all(isinstance(i, Skipped) for i in items)
    plain = build_archive(tmp_path / "plain.warc", gz=False).read_bytes()
    single = tmp_path / "single.warc.gz"
    single.write_bytes(gzip.compress(plain))  # one gzip stream, not a member a record: read all the same
    assert len([i for i in read(single) if isinstance(i, Article)]) == 3
    padded = tmp_path / "padded.warc.gz"
    padded.write_bytes(single.read_bytes() + b"\x00" * 64)  # bytes after the last member that are not gzip
    items = read(padded)
    assert len([i for i in items if isinstance(i, Article)]) == 3
    assert any(isinstance(i, Skipped) and "not gzip" in i.reason for i in items)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert [i.reason for i in read(empty)] == ["no records (an empty archive, or not a WARC file)"]
    assert "Traceback" not in capsys.readouterr().err


def test_archives_are_streamed_with_a_limit_a_page(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)  # the whole-file limits do not apply to an archive
    monkeypatch.setattr(sources, "MAX_RECORDS_FILE_BYTES", 100)
    big = page("A very long page", "word " * 400)
    path = build_archive(tmp_path / "a.warc.gz", gz=True, extra=[("https://harbour.example/long", big)])
    monkeypatch.setattr(warc, "MAX_PAGE_BYTES", len(big) - 1)
    items = read(path)
    assert len([i for i in items if isinstance(i, Article)]) == 3
    (large,) = [i for i in items if isinstance(i, Skipped) and "too large" in i.reason]
    assert "harbour.example/long" in large.origin


def test_hostile_target_uris_make_safe_keys_and_urls(tmp_path):
    evil = "https://harbour.example/a\x1b[2Jb/\u202ec" + "/x" * 100
    items = read(build_archive(tmp_path / "e.warc", gz=False, extra=[(evil, BEIJING)]))
    a = [i for i in items if isinstance(i, Article)][-1]
    for field in (a.key, a.url, a.origin):
        assert not any(c in field for c in "\x1b\u202e"), field
    assert len(a.key) <= 120 and a.key.startswith("harbour.example/a")


def test_a_fifo_named_as_an_archive_is_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.warc"
    os.mkfifo(fifo)
    (s,) = read(fifo)
    assert "not a regular file" in s.reason


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Port reopens after storm</title><link>https://wire.example/port</link>
<guid>https://wire.example/port</guid><pubDate>Mon, 04 Mar 2024 09:00:00 +0300</pubDate>
<description>The port of Vladivostok reopened on Monday after a storm closed it for two days.</description>
</item></channel></rss>"""


def test_ingest_of_a_feed_and_an_archive_through_the_cli(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.rss").write_text(FEED)
    (folder / "cut.rss").write_text(
        FEED.replace("Port reopens", "Pier closes").replace("/port", "/pier").split("</item>")[0]
    )
    build_archive(folder / "crawl.warc.gz", gz=True)
    db = tmp_path / "c.db"
    cli = [sys.executable, "-m", "tui.cli"]
    r = subprocess.run([*cli, "ingest", "--db", str(db), str(folder), "-j", "1"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "4 new" in r.stdout  # the repeat capture is stored once
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning ")]
    assert len(warnings) == 1 and "cut.rss: malformed feed" in warnings[0]  # a warning, not a skipped file
    r = subprocess.run([*cli, "export", "articles", "--db", str(db)], capture_output=True, text=True)
    got = {a["article"]: a for a in map(json.loads, r.stdout.splitlines())}
    assert sorted(got) == [
        "harbour.example/asia/delegation-arrives",
        "harbour.example/world/2024/05/02/talks-resume?id=7",
        "wire.example/pier",
        "wire.example/port",
    ]
    port = got["wire.example/port"]
    assert (port["title"], port["url"], port["published"], port["source"]) == (
        "Port reopens after storm",
        "https://wire.example/port",
        "2024-03-04",
        "Harbour Wire",
    )
    assert port["published_basis"] == "feed entry"
    talks = got["harbour.example/world/2024/05/02/talks-resume?id=7"]
    assert (talks["title"], talks["url"], talks["published"], talks["source"]) == (
        "Talks resume in Moscow",
        MOSCOW_URI,
        "2024-05-02",
        "Harbour Times",
    )
