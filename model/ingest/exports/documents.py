"""The text of a file that may be a news-database export: a Word document (python-docx), an RTF file
(striprtf), an HTML page (its blocks as lines). Paragraph formats give one paragraph a
line, blank lines between."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

from model.ingest.decode import decode
from model.lexicon.html_page import BLOCK_TAGS

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a .docx that unpacks to more than this is not read (a zip bomb)
_CELL_TAGS = {"td", "th"}
_NOT_TEXT_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg"}


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


class _BlockText(HTMLParser):
    """An HTML page's text, a line a block; a table's cells on one line, a tab apart. Text inside an element
    whose class names an article ("article enArticle") is kept apart: a saved export page keeps only that."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.skip = 0
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, opens an article)

    def _in_article(self) -> bool:
        return any(opens for _, opens in self.stack)

    def _add(self, s: str) -> None:
        self.parts.append(s)
        if self._in_article():
            self.article_parts.append(s)

    def handle_starttag(self, tag, attrs):
        if tag in _NOT_TEXT_TAGS:
            self.skip += 1
        classes = (dict(attrs).get("class") or "").lower().split()
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self.stack.append((tag, any(c.endswith("article") for c in classes)))
        if tag in BLOCK_TAGS:
            self._add("\n")

    def handle_endtag(self, tag):
        if tag in _NOT_TEXT_TAGS and self.skip:
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self._add("\n")
        elif tag in _CELL_TAGS:
            self._add("\t")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skip:
            self._add(" ".join(data.split()) if data.strip() else " ")


def html_text(html: str) -> str:
    """The text of an HTML page, a line a block (`_BlockText`)."""
    p = _BlockText()
    try:
        p.feed(html)
        p.close()
    except Exception:  # html.parser is lenient; anything it still chokes on leaves what it read so far
        pass
    text = "".join(p.article_parts or p.parts)
    lines = [re.sub(r"[ ]+", " ", line).strip(" ") for line in text.split("\n")]
    return _paragraphs(line.strip() for line in lines)
