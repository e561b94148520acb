"""Text from HTML (with the page's title, date, publisher and address) and from Markdown."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from model.ingest.fields import sanitise, sanitise_field
from model.lexicon.html_page import BLOCK_TAGS, META_PUBLISHED, META_SOURCE, META_TITLE, SKIPPED_TAGS


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict = {}
        self.in_title = False
        self.in_h1 = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._metadata(tag, {k.lower(): (v or "") for k, v in attrs})
        if tag in SKIPPED_TAGS:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def _metadata(self, tag: str, a: dict[str, str]) -> None:
        """What a <meta>, a canonical <link> or a <time> says of the page."""
        if tag == "meta":
            self._meta(a)
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("url", a["href"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])

    def _meta(self, a: dict[str, str]) -> None:
        """A <meta> that gives the page's title, date, publisher or address (the first of each is kept)."""
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content", "")
        if not content:
            return
        if name in META_TITLE:
            self.meta.setdefault("title", content)
        elif name in META_PUBLISHED:
            self.meta.setdefault("published", content)
        elif name in META_SOURCE:
            self.meta.setdefault("source", content)
        elif name == "og:url":
            self.meta.setdefault("url", content)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        if self.skip:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.parts.append(data)


def html_to_text(html: str) -> tuple[str, dict]:
    p = _HTMLText()
    try:
        p.feed(html)
        p.close()
    except Exception:  # html.parser is lenient; anything it still chokes on leaves what it read so far
        pass
    text = "".join(p.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    meta = dict(p.meta)
    h1 = " ".join("".join(p.h1_parts).split())
    title = " ".join("".join(p.title_parts).split())
    if h1:
        meta["title"] = h1
    elif title and "title" not in meta:
        meta["title"] = title
    if "published" not in meta and "time" in meta:
        meta["published"] = meta["time"]
    meta.pop("time", None)
    return sanitise(text), {k: sanitise_field(v) for k, v in meta.items()}


def markdown_to_text(md: str) -> str:
    out = []
    for line in md.split("\n"):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"^\s{0,3}[-*+]\s+", "• ", line)
        out.append(line)
    return "\n".join(out)
