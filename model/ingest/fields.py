"""What every reader does to what it reads: text and metadata fields made safe, and the content hash.

Article text is hostile: C0/C1 controls but newline and tab, DEL and bidi overrides are removed
before anything reaches a terminal or a widget.
"""

from __future__ import annotations

import hashlib
import re

from model.records import Article
from model.unsafe import UNSAFE_CHARS

_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")


def sanitise(text: str) -> str:
    """Strip what must never reach a terminal or a widget; line ends become \\n."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", text)


def sanitise_field(value) -> str | None:
    """A short metadata field: sanitised, one line, or None."""
    if value is None:
        return None
    s = " ".join(sanitise(str(value)).split())
    return s or None


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone surrogates (a JSON `\\ud800`, a file name's byte that is not UTF-8) become U+FFFD: they cannot
    be encoded, stored or printed."""
    return _SURROGATE.sub("\ufffd", text)


def content_hash(art: Article) -> str:
    h = hashlib.sha256()
    for part in (art.text, art.title, art.source, art.url, art.published):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()
