"""The text of a file that may be a news-database export: a Word document (python-docx), an RTF file
(striprtf), an HTML page (lxml; its blocks as lines). Paragraph formats give one paragraph a
line, blank lines between."""

from __future__ import annotations

import io
import re
import zipfile

from model.ingest.decode import decode
from model.lexicon.html_page import BLOCK_TAGS

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a .docx that unpacks to more than this is not read (a zip bomb)
_CELL_TAGS = {"td", "th"}


def document_text(data: bytes, suffix: str) -> tuple[str, str | None]:
    """(text, decoding note) of a .docx or .rtf file. Raises ValueError with a one-line reason when the file
    cannot be read."""
    if suffix == ".docx":
        return docx_text(data), None
    text, note = decode(data)
    return rtf_text(text), note


def docx_text(data: bytes) -> str:
    """A Word document's paragraphs (those of its tables too, in order), one a line."""
    import docx  # python-docx: imported here, so that reading text files never loads it
    from docx.opc.exceptions import PackageNotFoundError

    _check_unzipped_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise ValueError(f"not a readable Word document ({type(e).__name__})") from None
    except Exception as e:  # lxml's XMLSyntaxError and the like: a damaged document, not a crash
        raise ValueError(f"damaged Word document ({type(e).__name__})") from None
    return _paragraphs(_block_text(block) for block in document.iter_inner_content())


def _block_text(block) -> str:
    """A paragraph's text; a table's rows, a line each, their cells a tab apart."""
    rows = getattr(block, "rows", None)
    if rows is None:
        return block.text
    return "\n".join("\t".join(cell.text.replace("\n", " ") for cell in row.cells) for row in rows)


def _check_unzipped_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValueError("not a readable Word document (not a ZIP package)") from None
    if size > MAX_UNZIPPED_BYTES:
        raise ValueError(
            f"Word document unpacks to {size // 1048576} MB (the limit is {MAX_UNZIPPED_BYTES // 1048576} MB)"
        )


def rtf_text(rtf: str) -> str:
    """An RTF document's text, one paragraph a line."""
    from striprtf.striprtf import rtf_to_text

    if not rtf.lstrip().startswith("{\\rtf"):
        raise ValueError("not an RTF document (no '{\\rtf' header)")
    try:
        text = rtf_to_text(rtf, errors="replace")
    except Exception as e:  # striprtf is lenient; a table it cannot follow is a reason, not a traceback
        raise ValueError(f"damaged RTF document ({type(e).__name__})") from None
    return _paragraphs(text.split("\n"))


def _paragraphs(paragraphs) -> str:
    """Paragraphs as lines, a blank line between (no paragraph format hard-wraps its text)."""
    lines = (line.rstrip() for para in paragraphs for line in para.split("\n"))
    return "\n\n".join(line for line in lines if line.strip())


def html_text(html: str) -> str:
    """The text of an HTML page (lxml: fast and lenient), a line a block, a table's cells on one line a tab
    apart. A saved export page keeps only the text of its articles: the elements whose class names one
    ("article enArticle"), when it has any."""
    root = _parsed(html)
    if root is None:
        return ""
    for junk in root.xpath("//script | //style | //noscript | //template | //head | //svg"):
        junk.drop_tree()
    articles = root.xpath(_ARTICLE_XPATH)
    text = "".join(part for el in (articles or [root]) for part in _block_parts(el))
    return _paragraphs(_AROUND_TAB.sub("\t", line).strip() for line in text.split("\n"))


# Elements whose class has a word ending in "article" ("article", "enArticle"), outside any other such.
_CLASS_WORDS = "concat(' ', translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' ')"
_ARTICLE_XPATH = f"//*[contains({_CLASS_WORDS}, 'article ')][not(ancestor::*[contains({_CLASS_WORDS}, 'article ')])]"
_WHITESPACE = re.compile(r"\s+")  # inside a text node: newlines in the source are no line breaks
_AROUND_TAB = re.compile(r" *\t *")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def _parsed(html: str):
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _block_parts(root):
    """The text of `root` in document order, a newline around each block element, a tab after each cell."""
    from lxml import etree

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else None  # a comment or processing instruction has no text
        if event == "start":
            if tag in BLOCK_TAGS:
                yield "\n"
            if tag and el.text:
                yield _WHITESPACE.sub(" ", el.text)
            continue
        if tag in BLOCK_TAGS:
            yield "\n"
        elif tag in _CELL_TAGS:
            yield "\t"
        if el.tail and el is not root:
            yield _WHITESPACE.sub(" ", el.tail)
