"""A saved web page → one Article, through trafilatura: body, title, publication date, site name and author from
one extraction of the page.

trafilatura (with htmldate for the date) finds the article's body among the page's menus, teasers and sidebars.
What it leaves out stays as provenance: the page's other lines are listed in `removed` ("not the article"). The
page's own structured data (its JSON-LD article object) names the headline and the publication date where it
gives them; the date is taken as given, as every date from page metadata, and htmldate is not let guess one from
the page's free text. Where trafilatura finds nothing, the page goes through the plain HTML reader
(`markup.html_to_text` and `clean.clean_document`), as every page did before.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from collections.abc import Iterator

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from model.ingest import clean
from model.ingest.decode import decode
from model.ingest.fields import finished, sanitise, sanitise_field
from model.ingest.markup import html_to_text
from model.lexicon.html_page import JSON_LD_ARTICLE_TYPES
from model.records import Article, Skipped

# trafilatura and htmldate log what they could not read at WARNING and ERROR: a page read through the
# fallback, or a date not found, is no message for the user of an ingest.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# htmldate: the original (publication) date; the page's metadata and markup before a date in its address; no
# search of the free text (a date there is as likely another day the page mentions).
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "deferred_url_extractor": True}
_EARLIEST_WEB_DATE = "1995-01-01"  # htmldate's earliest too: a page dated before it carries a placeholder
_MAX_JSON_LD_CHARS = 1_000_000  # a JSON-LD block larger than this is not read


def read_page(data: bytes, key: str, origin: str, url: str | None = None) -> Article | Skipped:
    """One web page's bytes → its Article, or a Skipped with a one-line reason. `key` names the article, `origin`
    where it was read (shown in messages), `url` the page's address when the caller knows it (a WARC record)."""
    try:
        text, note = decode(data)
    except ValueError as e:
        return Skipped(origin, str(e))
    text = sanitise(text)
    if not text.strip():
        return Skipped(origin, "empty file (only whitespace or control characters)")
    art = _through_trafilatura(text, key, url) or _through_plain_reader(text, key)
    return finished(art, origin, note)


def _through_plain_reader(text: str, key: str) -> Article:
    """The fallback: every line of the page's text, less the lines `clean` finds to be boilerplate."""
    body, meta = html_to_text(text)
    return clean.clean_document(body, key=key, meta=meta)


def _through_trafilatura(text: str, key: str, url: str | None) -> Article | None:
    """The article trafilatura finds in the page, or None where it finds no body."""
    tree = _parse(text)
    if tree is None:
        return None
    facts = _json_ld_article(tree)
    facts["h1"] = _first_h1(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # trafilatura on a page it cannot read: the plain reader takes the page
        return None
    body = sanitise(getattr(doc, "text", None) or "") if doc is not None else ""
    art = _article(key, body, doc, facts, url, text) if body.strip() else None
    return art if art and art.text.strip() else None


def _parse(text: str) -> HtmlElement | None:
    try:
        return load_html(text)
    except Exception:  # lxml on markup it cannot parse
        return None


def _article(key: str, body: str, doc, facts: dict, url: str | None, page: str) -> Article:
    title = sanitise_field(facts.get("headline")) or sanitise_field(doc.title)
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    removed: list[tuple[str, str]] = []
    headlines = {tuple(_words(t)) for t in (title, doc.title, facts.get("h1"))} - {()}
    paragraphs = _without_headline(paragraphs, headlines, removed)
    paragraphs = _without_boilerplate(paragraphs, removed)
    text = "\n\n".join(paragraphs)
    art = Article(key=key, text=text, title=title, title_basis=_title_basis(facts, title), removed=removed)
    art.url = sanitise_field(url) or sanitise_field(doc.url)
    source = sanitise_field(doc.sitename)
    if source:
        art.source, art.source_basis = source, "page metadata"
    _set_published(art, facts, doc)
    author = sanitise_field(doc.author)
    if author:
        removed.append((author, "author (page metadata)"))
    already = {line for line, _ in removed}
    removed.extend((line, "not the article") for line in _left_out(page, text) if line not in already)
    return art


def _title_basis(facts: dict, title: str | None) -> str | None:
    if not title:
        return None
    return "page metadata (JSON-LD headline)" if facts.get("headline") else "page title (trafilatura)"


def _without_headline(paragraphs: list[str], headlines: set[tuple], removed: list[tuple[str, str]]) -> list[str]:
    """The body without the headline trafilatura sometimes leaves as its first line(s): a line whose words are
    those of the page's title, its JSON-LD headline or its first <h1>."""
    while paragraphs and tuple(_words(paragraphs[0])) in headlines:
        removed.append((paragraphs.pop(0), "title"))
    return paragraphs


def _without_boilerplate(paragraphs: list[str], removed: list[tuple[str, str]]) -> list[str]:
    """The body without the lines `clean` knows for boilerplate (site chrome, share buttons, credits) that
    trafilatura left in."""
    out = []
    for p in paragraphs:
        reason = clean.boilerplate_reason(p)
        if reason:
            removed.append((p, reason))
        else:
            out.append(p)
    return out


def _words(s: str | None) -> list[str]:
    return re.findall(r"\w+", (s or "").lower())


def _set_published(art: Article, facts: dict, doc) -> None:
    """The page's publication date: its JSON-LD article's datePublished, else what htmldate reads from the
    page's metadata, markup or address. Taken as given (confidence 1)."""
    for value, basis in (
        (facts.get("datePublished"), "page metadata (JSON-LD datePublished)"),
        (doc.date, "page metadata"),
    ):
        day, detail = clean.normalise_date(value)
        if day and _plausible(day):
            art.published, art.published_basis, art.published_confidence = day, basis + detail, 1.0
            return


def _first_h1(tree: HtmlElement) -> str | None:
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            return text
    return None


def _plausible(day: str) -> bool:
    """A web page's date, not a placeholder ('0001-01-01') or a day yet to come (a day's grace for time zones)."""
    latest = dt.date.today() + dt.timedelta(days=1)
    return _EARLIEST_WEB_DATE <= day <= latest.isoformat()


def _json_ld_article(tree: HtmlElement) -> dict:
    """The headline and datePublished of the page's JSON-LD article object (NewsArticle and the like), where it
    has one; entities in them decoded (some sites escape them twice)."""
    for obj in _json_ld_objects(tree):
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(isinstance(k, str) and k.lower() in JSON_LD_ARTICLE_TYPES for k in kinds):
            continue
        facts = {}
        for name in ("headline", "datePublished"):
            value = obj.get(name)
            if isinstance(value, str) and value.strip():
                facts[name] = " ".join(html.unescape(value).split())
        if facts:
            return facts
    return {}


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        source = script.text or ""
        if len(source) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(source)
        except ValueError:
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    pending.append(item["@graph"])


def _left_out(page: str, body: str) -> list[str]:
    """The page's lines of text (as the plain reader sees them) that are not in the body, in page order."""
    lines, _ = html_to_text(page)
    folded_body = " ".join(body.split())
    out, seen = [], set()
    for line in lines.split("\n"):
        s = " ".join(line.split())
        if s and s not in seen and s not in folded_body:
            seen.add(s)
            out.append(s)
    return out
