"""The layouts of news-database exports (LexisNexis, Nexis Uni, Factiva), in words: data only
(`model.ingest.exports` splits an export into its articles with them)."""

# Classic LexisNexis (Academic): "3 of 120 DOCUMENTS" on a line of its own heads each article.
LEXIS_DOCUMENT_LINE = r"^\s*(\d{1,6})\s+of\s+(\d{1,6})\s+DOCUMENTS?\s*$"

# Labels of a classic LexisNexis article, written "LABEL: value" at the start of a line (upper case).
# Those of the header block come between the headline and the body ...
LEXIS_HEADER_LABELS = (
    "BYLINE",
    "SECTION",
    "LENGTH",
    "DATELINE",
    "HIGHLIGHT",
    "HEADLINE",
    "EDITION",
    "SOURCE",
    "AUTHOR",
    "ABSTRACT",
    "SERIES",
    "TYPE",
    "BODY",
)
# ... and those of the trailer follow the body: the first of them ends it.
LEXIS_TRAILER_LABELS = (
    "LOAD-DATE",
    "LANGUAGE",
    "PUBLICATION-TYPE",
    "GRAPHIC",
    "CORRECTION-DATE",
    "CORRECTION",
    "URL",
    "JOURNAL-CODE",
    "DOCUMENT-TYPE",
    "SUBJECT",
    "ORGANIZATION",
    "GEOGRAPHIC",
    "PERSON",
    "INDUSTRY",
    "COMPANY",
    "TICKER",
    "NOTES",
    "DISTRIBUTION",
    "PUBLICATION",
    "STATE",
    "COUNTRY",
    "CITY",
)

# Nexis Uni (Lexis Advance): each article runs title, source, date line, "Copyright …", "Length: N words",
# "Byline: …", then a line "Body" and the text, then "Classification" and "Load-Date: …", and ends with a
# line "End of Document". Its labels are the classic ones in title case ("Load-Date:").
NEXIS_END_LINE = "end of document"
NEXIS_BODY_LINE = "body"
NEXIS_AFTER_BODY_LINES = ("classification", "graphic", "notes", "load-date")
NEXIS_LENGTH_LINE = r"^\s*Length:\s*[\d,.]+\s+words?\b"
# Labels of the cover page a Nexis Uni download starts with ("Job Number: …", "Documents (3)"): their
# lines are not the first article's title.
NEXIS_COVER_LABELS = (
    "user name",
    "date and time",
    "job number",
    "documents",
    "client/matter",
    "search terms",
    "search type",
    "narrowed by",
    "content type",
)

# A copyright line of an export's header.
COPYRIGHT_STARTS = ("copyright", "©", "(c)", "all rights reserved")

# Factiva: "Full Article/Report plus Indexing" gives each field behind a code at the start of its line
# ("HD  headline"); the accession number "AN  Document XXXX000020230224ej2o0001x" closes an article.
FACTIVA_FIELD_CODES = {
    "HD": "headline",
    "CLM": "column",
    "SE": "section",
    "BY": "byline",
    "CR": "credit",
    "WC": "word count",
    "PD": "publication date",
    "ET": "time",
    "SN": "source name",
    "SC": "source code",
    "ED": "edition",
    "PG": "page",
    "VOL": "volume",
    "LA": "language",
    "CY": "copyright",
    "LP": "lead paragraph",
    "TD": "text",
    "CT": "contact",
    "RF": "notes",
    "ART": "art",
    "CX": "correction",
    "CO": "companies",
    "IN": "industries",
    "NS": "subjects",
    "RE": "regions",
    "IPC": "information provider codes",
    "IPD": "information provider descriptors",
    "PUB": "publisher",
    "AN": "accession number",
}
FACTIVA_BODY_CODES = ("LP", "TD")
# The codes that may follow the body: inside LP or TD, only these (and TD after LP) end it, so that a
# paragraph that happens to start with "BY" or "SE" stays text.
FACTIVA_AFTER_BODY_CODES = ("TD", "CT", "RF", "ART", "CX", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN")
# The accession number: an 8-character source code, the loading date (yyyymmdd), a 9-character serial
# ("XXXX000020230224ej2o0001x"); read leniently (16 to 40 letters and digits around the date).
FACTIVA_DOCUMENT_LINE = (
    r"^\s*(?:AN\s+)?Document\s+(?=[A-Za-z0-9]{16,40}\s*$)([A-Za-z0-9]*?(?:19|20)\d{6}[A-Za-z0-9]*)\s*$"
)

# Factiva's "Article Format" (rich HTML or RTF) gives the same fields as unlabelled lines: headline,
# byline, "523 words", the date, an optional time, the source name, its code, the language, the copyright.
FACTIVA_WORDS_LINE = r"^\s*[\d,.]+\s+(?:words|mots|Wörter|palabras|parole|palavras|слов|слова|字|語)\s*$"
FACTIVA_TIME_LINE = r"^\s*\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?\s*$"
LANGUAGE_NAMES = (
    "english",
    "russian",
    "chinese",
    "chinese-simplified",
    "chinese-traditional",
    "german",
    "french",
    "spanish",
    "italian",
    "portuguese",
    "japanese",
    "korean",
    "arabic",
    "dutch",
    "polish",
    "ukrainian",
    "turkish",
)
# A search summary closes some Factiva downloads; it is not an article.
FACTIVA_SUMMARY_LINE = "search summary"
