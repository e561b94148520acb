"""What every reader does to what it reads: text and metadata fields made safe, and the content hash.

Article text is hostile: C0/C1 controls but newline and tab, DEL and bidi overrides are removed
before anything reaches a terminal or a widget.
"""

from __future__ import annotations

import hashlib
import re

from model.records import Article, Skipped
from model.unsafe import UNSAFE_CHARS, one_line

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


MAX_KEY_CHARS = 120  # a key read from an address longer than this is cut, with a hash of the whole
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", re.I)


def address_key(address: str) -> str:
    """An article's key from its address (a feed entry's id or link, an archived page's URI), readable and
    safe: the scheme, a leading `www.` and the fragment dropped, a trailing `/` too; a longer key is cut,
    with a hash of the whole address so that two long addresses keep two keys. Controls and bidi
    overrides are removed, and what may not be on one line is shown escaped (`\\u2028`)."""
    full = without_surrogates(sanitise_field(address) or "")
    key = _SCHEME.sub("", full.split("#", 1)[0]).rstrip("/") or full
    if len(key) > MAX_KEY_CHARS:
        digest = hashlib.sha1(full.encode("utf-8")).hexdigest()[:8]
        key = f"{key[: MAX_KEY_CHARS - 10]}…{digest}"
    return one_line(key)


def finished(art: Article, origin: str, note: str | None = None) -> Article | Skipped:
    """An article read from one file, given where it came from (and how its bytes were decoded) and its content
    hash; or why it is skipped, when nothing of the article is left once the boilerplate is out."""
    art.origin = origin if not note else f"{origin} ({note})"
    if not art.text.strip():
        return Skipped(origin, "no article text after removing boilerplate")
    art.sha256 = content_hash(art)
    return art
