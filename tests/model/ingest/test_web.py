"""Web pages through trafilatura (`model.ingest.web.read_page`), and the plain reader where it finds nothing."""

from model.ingest import sources, web
from model.records import Article, Skipped

BODY = [
    "The energy ministers of both countries signed an agreement in Harbin on Tuesday after three days of talks.",
    '"We have settled the price formula," the deputy minister told reporters, adding that gas could flow in 2027.',
    "The other side said the volume would be fixed later this year, once the route had been surveyed again.",
]


def page(*, head: str = "", ld: str = "", body: str = "", charset: str = '<meta charset="utf-8">') -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    script = f'<script type="application/ld+json">{ld}</script>' if ld else ""
    return f"""<!DOCTYPE html><html><head>{charset}<title>Gas talks end in Harbin | The Northern Courier</title>
    {head}{script}</head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
    <div class="teaser"><a href="/x">Floods close the river port at Blagoveshchensk</a></div>
    <article><h1>Gas talks end in Harbin</h1><p class="byline">By Lena Orlova</p>
    <figure><img src="p.jpg"><figcaption>The delegations shake hands in the hall of the trade centre.</figcaption></figure>
    {body or paragraphs}<p>Share this article</p></article>
    <footer>© 2023 The Northern Courier. All rights reserved.</footer></body></html>"""


LD = """{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Gas talks end in Harbin &#8211; a deal",
 "datePublished": "2023-03-14T09:30:00+08:00", "author": {"@type": "Person", "name": "Lena Orlova"}}"""


def read(html: str, **kw) -> Article | Skipped:
    return web.read_page(html.encode("utf-8"), key="k", origin="k.html", **kw)


def test_body_without_menus_caption_headline_or_share_line():
    a = read(page(ld=LD))
    assert a.text.split("\n\n") == BODY
    assert a.origin == "k.html" and a.sha256


def test_what_was_left_out_is_kept_with_a_reason():
    a = read(page(ld=LD))
    removed = dict(a.removed)
    assert removed["Share this article"] == "site chrome"
    assert removed["The delegations shake hands in the hall of the trade centre."] == "not the article"
    assert removed["Lena Orlova"] == "author (page metadata)"
    assert len(a.removed) == len(removed)  # each line once


def test_json_ld_headline_and_date_are_the_pages_own():
    a = read(page(ld=LD))
    assert a.title == "Gas talks end in Harbin – a deal"  # its entities decoded
    assert a.title_basis == "page metadata (JSON-LD headline)"
    assert (a.published, a.published_basis, a.published_confidence) == (
        "2023-03-14",
        "page metadata (JSON-LD datePublished)",
        1.0,
    )


def test_without_json_ld_the_meta_tags_give_title_date_and_site():
    head = """<meta property="og:title" content="Gas talks end in Harbin">
    <meta property="og:site_name" content="The Northern Courier">
    <meta property="article:published_time" content="2023-03-15T08:00:00Z">"""
    a = read(page(head=head))
    assert (a.title, a.title_basis) == ("Gas talks end in Harbin", "page title (trafilatura)")
    assert (a.published, a.published_basis) == ("2023-03-15", "page metadata")
    assert (a.source, a.source_basis) == ("The Northern Courier", "page metadata")


def test_a_placeholder_date_is_no_date():
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}'
    a = read(page(ld=ld))
    assert a.published is None


def test_no_date_is_guessed_from_the_text():
    body = "".join(f"<p>On March 3, 2021 the ministers met. {p}</p>" for p in BODY)
    a = read(page(body=body))
    assert a.published is None


def test_the_callers_address_is_kept():
    a = read(page(ld=LD), url="https://courier.example/2023/03/gas")
    assert a.url == "https://courier.example/2023/03/gas"


def test_a_page_without_head_end_inside_a_page_wide_form_is_read():
    html = page(ld=LD).replace("</head>", "").replace("<body>", "<body><form action='/s'>")
    a = read(html.replace("</body>", "</form></body>"))
    assert isinstance(a, Article) and BODY[1] in a.text


def test_where_trafilatura_finds_nothing_the_plain_reader_reads_the_page():
    text = "Putin met Xi in Beijing on Thursday.\nThey spoke about gas.\n"  # a .html file holding no markup
    a = read(text)
    assert isinstance(a, Article) and a.text == "Putin met Xi in Beijing on Thursday.\nThey spoke about gas."


def test_the_plain_reader_takes_the_page_when_trafilatura_fails(monkeypatch):
    def fail(*args, **kw):
        raise RuntimeError("cannot read")

    monkeypatch.setattr(web.trafilatura, "bare_extraction", fail)
    a = read(page(ld=LD))
    assert isinstance(a, Article) and BODY[0] in a.text
    assert "Home" not in a.text  # the plain reader drops the <nav> too


def test_a_page_with_no_body_is_skipped_with_a_reason():
    html = "<html><head><title>Only a title</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    s = read(html)
    assert isinstance(s, Skipped) and s.reason == "no article text after removing boilerplate"


def test_binary_data_is_skipped_with_a_reason():
    s = web.read_page(b"%PDF-1.7\x00\x01\x02", key="k", origin="k.html")
    assert isinstance(s, Skipped) and "PDF" in s.reason


def test_a_legacy_encoding_the_page_declares_is_used():
    russian = "Министр заявил журналистам, что переговоры прошли успешно."
    html = page(body=f"<p>{russian}</p>" + "".join(f"<p>{p}</p>" for p in BODY), charset='<meta charset="koi8-r">')
    a = web.read_page(html.encode("koi8_r"), key="k", origin="k.html")
    assert russian in a.text and "KOI8-R (declared by the page" in a.origin


def test_sources_reads_html_files_through_read_page(tmp_path):
    p = tmp_path / "story.htm"
    p.write_text(page(ld=LD), encoding="utf-8")
    (a,) = sources.read_path(p)
    assert a.key == "story" and a.title_basis == "page metadata (JSON-LD headline)" and a.text.split("\n\n") == BODY
