"""The parts of an HTML page, by name: data only (`model.ingest.sources` reads pages with them)."""

# Elements that break a line of text.
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
    "main",
}
# Elements whose text is not the article's (scripts, navigation, forms, asides).
SKIPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "form",
    "iframe",
    "button",
    "select",
    "head",
    "aside",
    "footer",
}

# <meta> names (property, name or itemprop; lower case) that give the page's title, date, publisher.
META_TITLE = ("og:title", "twitter:title")
META_PUBLISHED = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)
META_SOURCE = ("og:site_name", "publisher", "dc.publisher")

# JSON-LD (schema.org) types of a page's article object, lower case: its headline and datePublished are the page's own.
JSON_LD_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "report",
}
