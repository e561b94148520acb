"""Small news-database exports written for the tests (made-up articles in each layout)."""

from __future__ import annotations

# Three made-up articles: (title, source, date line, ISO date, body paragraphs).
ARTICLES = [
    (
        "Ferry Link Across the Amur Reopens After Ice Delay",
        "The Harbin Ledger",
        "March 3, 2023 Friday",
        "2023-03-03",
        [
            "The ferry between Heihe and Blagoveshchensk carried its first passengers of the season on Thursday.",
            "Port officials said the crossing would run twice a day until the river freezes again.",
        ],
    ),
    (
        "Grain Trains Resume on the Zabaikalsk Line",
        "Siberian Freight Weekly",
        "March 7, 2023 Tuesday",
        "2023-03-07",
        [
            "Freight operators restarted grain shipments through the Zabaikalsk border station this week.",
            '"We expect volumes to double by summer," a logistics manager told reporters in Chita.',
        ],
    ),
    (
        "Trade Fair in Kazan Draws Provincial Delegations",
        "Volga Business Review",
        "March 9, 2023 Thursday",
        "2023-03-09",
        [
            "Delegations from four Chinese provinces opened stands at the Kazan trade fair on Wednesday.",
            "Organisers counted more than three hundred exhibitors on the first day.",
        ],
    ),
]


def lexis_classic_txt(articles=ARTICLES) -> str:
    parts = []
    total = len(articles)
    for n, (title, source, date_line, _, paras) in enumerate(articles, 1):
        parts.append(
            f"""
                              {n} of {total} DOCUMENTS


                    Copyright 2023 {source} Ltd
                              All Rights Reserved

                              {source}

                             {date_line}
                                Final Edition

{title}

BYLINE: Staff Reporter

SECTION: WORLD; Pg. 7

LENGTH: {sum(len(p.split()) for p in paras)} words

DATELINE: MOSCOW

"""
            + "\n\n".join(paras)
            + """


LOAD-DATE: March 10, 2023

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper
"""
        )
    return "".join(parts)


def nexis_uni_lines(articles=ARTICLES, cover=True) -> list[str]:
    """The Nexis Uni layout as paragraphs (one a line), a cover page first."""
    lines = []
    if cover:
        lines += [
            "User Name: = research desk",
            "Date and Time: Friday, March 10, 2023 9:15:00 AM EST",
            "Job Number: 190027",
            f"Documents ({len(articles)})",
        ]
        lines += [f"{n}. {a[0]}" for n, a in enumerate(articles, 1)]
        lines += ["Client/Matter: -None-", "Search Terms: ferry OR grain", "Search Type: Terms and Connectors", ""]
    for title, source, date_line, _, paras in articles:
        lines += [
            title,
            source,
            date_line,
            "Copyright 2023 Example Media Group All Rights Reserved",
            "Section: WORLD; Pg. 7",
            f"Length: {sum(len(p.split()) for p in paras)} words",
            "Byline: Staff Reporter",
            "Body",
            *paras,
            "Classification",
            "Language: ENGLISH",
            "Publication-Type: Newspaper",
            "Load-Date: March 10, 2023",
            "End of Document",
        ]
    return lines


def nexis_uni_txt(articles=ARTICLES) -> str:
    return "\n\n".join(nexis_uni_lines(articles)) + "\n"


def factiva_an(n: int) -> str:
    return f"HRBLDG0020230303ej3o{n:04d}x"


def factiva_fields_txt(articles=ARTICLES) -> str:
    parts = []
    for n, (title, source, _, iso, paras) in enumerate(articles, 1):
        y, m, d = iso.split("-")
        month = ["January", "February", "March"][int(m) - 1]
        parts.append(
            f"HD\t{title}\n"
            f"BY\tStaff Reporter\n"
            f"WC\t{sum(len(p.split()) for p in paras)} words\n"
            f"PD\t{int(d)} {month} {y}\n"
            f"SN\t{source}\n"
            f"SC\tHRBLDG\n"
            f"LA\tEnglish\n"
            f"CY\tCopyright 2023 {source}.\n"
            f"LP\t\n{paras[0]}\n\n"
            f"TD\t\n" + "\n\n".join(paras[1:]) + "\n\n"
            "NS\tgpol : Domestic Politics | gcat : Political/General News\n"
            "RE\trussia : Russia | china : China\n"
            f"AN\tDocument {factiva_an(n)}\n\n"
        )
    return "".join(parts)


def factiva_rich_html(articles=ARTICLES) -> str:
    """Factiva's article layout as a saved HTML page: labelled blocks, no field codes."""
    blocks = []
    for n, (title, source, _, iso, paras) in enumerate(articles, 1):
        y, m, d = iso.split("-")
        body = "".join(f'<p class="articleParagraph enarticleParagraph">{p}</p>' for p in paras)
        blocks.append(
            f"""<div class="article enArticle">
<div id="hd"><span class="enHeadline">{title}</span></div>
<div>By Staff Reporter</div>
<div>{sum(len(p.split()) for p in paras)} words</div>
<div>{int(d)} March {y}</div>
<div>{source}</div>
<div>HRBLDG</div>
<div>English</div>
<div>(c) 2023 {source}. All rights reserved.</div>
{body}
<div>Document {factiva_an(n)}</div>
</div>"""
        )
    return (
        "<html><head><title>Factiva</title><script>var x = 1;</script></head><body>"
        '<form><div id="toolbar">Print | Save | Email</div>' + "\n".join(blocks) + "</form></body></html>"
    )


def _rtf_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def factiva_rich_rtf(articles=ARTICLES) -> str:
    """Factiva's article layout as RTF, written by hand: one paragraph a field, a page break between articles."""
    out = [r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}", "\n"]
    for n, (title, source, _, iso, paras) in enumerate(articles, 1):
        y, m, d = iso.split("-")
        out.append(r"{\b\fs28 " + _rtf_escape(title) + r"}\par" + "\n")
        for line in ("By Staff Reporter", f"{sum(len(p.split()) for p in paras)} words", f"{int(d)} March {y}"):
            out.append(_rtf_escape(line) + r"\par" + "\n")
        for line in (source, "HRBLDG", "English", f"(c) 2023 {source}. All rights reserved."):
            out.append(_rtf_escape(line) + r"\par" + "\n")
        for p in paras:
            out.append(r"\pard " + _rtf_escape(p) + r"\par" + "\n")
        out.append(r"Document " + factiva_an(n) + r"\par\page" + "\n")
    out.append("}")
    return "".join(out)
