"""Feeds (RSS 2.0, Atom, RSS 1.0/RDF, an .xml found to be a feed) → one article per entry, nothing fetched."""

import socket
import urllib.request

import pytest

from model.ingest import sources
from model.ingest.feeds import feed_root
from model.records import Article, ReadWarning, Skipped


def read(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return list(sources.read_path(p))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Northern Wire</title><link>https://wire.example/</link>
<item>
  <title>Envoys &lt;b&gt;meet&lt;/b&gt; in Harbin</title>
  <link>https://wire.example/2023/envoys-meet?ref=feed</link>
  <guid>https://www.wire.example/2023/envoys-meet</guid>
  <pubDate>Thu, 12 Oct 2023 01:30:00 +0800</pubDate>
  <description>&lt;p&gt;Short teaser only.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>Two envoys met in Harbin on Wednesday to talk about river shipping.</p>
  <p>"We agreed on a timetable," one of them told reporters.</p>]]></content:encoded>
</item>
<item><title>Teaser only</title><link>https://wire.example/2023/teaser</link>
  <description>A trade fair opened in Vladivostok with stands from forty firms.</description></item>
<item><title>Nothing to read</title><link>https://wire.example/2023/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">River &amp;amp; Rail Review</title>
  <id>urn:example:feed</id><updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <id>tag:review.example,2024:entry-17</id>
    <title type="html">&lt;em&gt;Bridge&lt;/em&gt; reopens to freight</title>
    <link rel="alternate" href="https://review.example/bridge-reopens"/>
    <published>2024-02-29T23:10:00-05:00</published>
    <updated>2024-03-02T09:00:00Z</updated>
    <summary>A bridge reopens.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>The rail bridge over the border river reopened to freight trains on Thursday.</p>
      <p>Traffic had stopped for three months of repairs.</p></div></content>
  </entry>
</feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://digest.example/"><title>Steppe Digest</title>
    <link>https://digest.example/</link><description>News</description></channel>
  <item rdf:about="https://digest.example/items/42">
    <title>Grain convoy crosses the border</title><link>https://digest.example/items/42</link>
    <description>A convoy of grain lorries crossed the border at dawn after a week of delays.</description>
    <dc:date>2022-05-06T10:00:00+03:00</dc:date>
  </item>
</rdf:RDF>"""


def test_rss2_one_article_per_entry_with_content_title_link_date_and_source(tmp_path):
    items = read(tmp_path, "wire.rss", RSS)
    first, teaser = articles(items)
    assert first.key == "wire.example/2023/envoys-meet"  # the guid, shortened
    assert first.title == "Envoys meet in Harbin" and first.title_basis == "feed entry"
    assert first.url == "https://wire.example/2023/envoys-meet?ref=feed"
    assert first.source == "Northern Wire" and first.source_basis == "feed title"
    # the date as the feed writes it (in UTC it is 11 October): metadata, taken as given
    assert (first.published, first.published_basis, first.published_confidence) == ("2023-10-12", "feed entry", 1.0)
    assert "river shipping" in first.text and "teaser" not in first.text  # the full content, not the summary
    assert "<p>" not in first.text and first.sha256
    assert teaser.text.startswith("A trade fair opened") and "summary only" in teaser.origin
    assert teaser.published is None
    (empty,) = [i for i in items if isinstance(i, Skipped)]
    assert "entry 3" in empty.origin and "no text" in empty.reason


def test_atom_entry_reads_xhtml_content_and_html_titles(tmp_path):
    (a,) = read(tmp_path, "review.atom", ATOM)
    assert a.key == "tag:review.example,2024:entry-17"
    assert a.title == "Bridge reopens to freight" and a.source == "River & Rail Review"
    assert a.url == "https://review.example/bridge-reopens"
    assert a.published == "2024-02-29" and a.published_basis == "feed entry"  # published, not updated
    assert "reopened to freight trains" in a.text and "three months" in a.text


def test_rdf_rss1_entry_dated_by_dc_date(tmp_path):
    (a,) = read(tmp_path, "digest.rdf.xml", RDF)
    assert a.key == "digest.example/items/42" and a.title == "Grain convoy crosses the border"
    assert a.source == "Steppe Digest" and a.published == "2022-05-06"
    assert a.published_basis.startswith("feed entry")
    assert a.text.startswith("A convoy of grain lorries")


def test_xml_is_read_as_a_feed_only_when_its_root_is_a_feeds(tmp_path):
    prolog = (
        '<?xml version="1.0"?>\n<!-- exported -->\n<?xml-stylesheet href="s.xsl"?>\n<!DOCTYPE rss [<!ENTITY x "y">]>\n'
    )
    got = articles(read(tmp_path, "export.xml", prolog + RSS.split("\n", 1)[1]))
    assert [a.source for a in got] == ["Northern Wire", "Northern Wire"]
    sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>'
    (s,) = read(tmp_path, "sitemap.xml", sitemap)
    assert isinstance(s, Skipped) and "not a feed" in s.reason and "<urlset>" in s.reason
    assert feed_root(b"\xef\xbb\xbf<rdf:RDF/>") == "rdf:RDF" and feed_root(b"no markup") is None


def test_a_file_named_as_a_feed_that_is_none_is_skipped(tmp_path):
    (s,) = read(tmp_path, "page.rss", "<html><body><p>Just a page.</p></body></html>")
    assert isinstance(s, Skipped) and s.reason.startswith("not a feed")
    (s,) = read(tmp_path, "empty.atom", "")
    assert isinstance(s, Skipped) and s.reason == "empty file"


def test_malformed_feed_is_read_as_far_as_it_goes_with_one_warning(tmp_path):
    broken = (
        '<rss version="2.0"><channel><title>Broken Wire</title>'
        "<item><title>Ferry resumes service</title><description>The ferry resumed its crossings on Monday."
        "</description></item>"
        "<item><title>Cut & pasted</title><description>Second entry text is here.</description></item>"
        "<item><title>Cut off"
    )
    items = read(tmp_path, "broken.rss", broken)
    (warning,) = [i for i in items if isinstance(i, ReadWarning)]
    assert warning.reason.startswith("malformed feed (") and "read as far as it goes" in warning.reason
    assert "\n" not in warning.reason
    assert [a.title for a in articles(items)] == ["Ferry resumes service", "Cut & pasted"]


def test_external_entities_are_never_read_and_nothing_is_fetched(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-7f3a")

    def no_network(*a, **k):
        raise AssertionError("a feed made a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/feed.dtd" [
  <!ENTITY leak SYSTEM "file://{secret}">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;
  <!ENTITY plain "harbour">
]>
<rss version="2.0"><channel><title>Leak &leak;</title>
<item><title>Entry &leak;</title><link>https://x.example/1</link>
<description>The &plain; opened again. &leak;</description></item></channel></rss>"""
    items = read(tmp_path, "xxe.rss", xxe)
    (a,) = articles(items)
    for field in (a.text, a.title, a.source, a.url, a.key):
        assert "TOPSECRET" not in (field or "")
    assert "opened again" in a.text


@pytest.mark.parametrize("evil", ["\x1b[2J", "\u202e", "\x07", "\x9b31m"])
def test_control_characters_in_feed_fields_are_sanitised(tmp_path, evil):
    feed = f"""<rss version="2.0"><channel><title>Wire{evil} Desk</title>
<item><title>Head{evil}line</title><link>https://x.example/a{evil}b</link><guid>https://x.example/id{evil}1</guid>
<description>Body text of the entry{evil} goes here.</description></item></channel></rss>"""
    items = read(tmp_path, "evil.rss", feed)
    (a,) = articles(items)
    for field in (a.title, a.source, a.url, a.key, a.text, a.origin):
        assert not any(c in field for c in "\x1b\u202e\x07\x9b"), field


def test_entry_keys_are_readable_and_unique_beyond_their_feed(tmp_path):
    feed = """<rss version="2.0"><channel><title>T</title>
<item><title>No id at all</title><description>Words of an entry without id or link.</description></item>
<item><guid isPermaLink="false">123</guid><link>https://site.example/news/123</link>
<description>An entry whose guid is a bare number, with a link.</description></item>
<item><guid isPermaLink="false">124</guid><description>A bare number and no link.</description></item>
</channel></rss>"""
    keys = [a.key for a in articles(read(tmp_path, "plain.rss", feed))]
    assert keys == ["plain:1", "site.example/news/123", "plain:124"]


def test_folders_pick_up_feeds_and_archives(tmp_path):
    for name in ("a.rss", "b.atom", "c.xml", "d.warc", "e.warc.gz", "f.gz", "g.xsl"):
        (tmp_path / name).write_bytes(b"x")
    got = [p.name for p in sources.iter_files([str(tmp_path)])]
    assert got == ["a.rss", "b.atom", "c.xml", "d.warc", "e.warc.gz"]
