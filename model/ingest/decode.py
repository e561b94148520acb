"""Bytes to text, defensively: a byte-order mark, UTF-16 without one, UTF-8, the encoding a page declares (an HTML
<meta> charset, an XML declaration), UTF-8 with a few broken bytes, else the encoding charset-normalizer detects
(the field's Russian, Chinese and Western encodings first); binary data (known file signatures, NUL or control
bytes) and bytes no encoding fits are refused with a reason."""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from charset_normalizer import from_bytes

from model.lexicon.encodings import DECLARED_AS, FIELD_ENCODINGS, SHOWN_AS

_MAGIC = [
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
]


def decode(data: bytes) -> tuple[str, str | None]:
    """bytes → (text, note). Raises ValueError with a one-line reason for binary or undecodable data."""
    text, note = _decode(data)
    if _mostly_controls(text[:_HEAD]):
        raise ValueError("binary file (mostly control bytes)")
    return text, note


_HEAD = 65536  # what is looked at to tell text from binary data
_BLOCK = 1024 * 1024  # what a scan of a file reads at a time


def _mostly_controls(sample: str) -> bool:
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\x7f")
    return controls > 0.05 * len(sample)


def is_plain_utf8(f: BinaryIO) -> bool:
    """Whether `decode` would read the whole of the binary file `f` as UTF-8 with no note: valid UTF-8 (its
    byte-order mark allowed), no other mark, no file signature, no NUL byte or mostly control bytes in its
    head. Scanned a block at a time (memory bounded whatever its size); `f` is left at its start."""
    try:
        head = f.read(_HEAD)
        if _by_byte_order_mark_name(head) not in (None, "utf-8-sig") or b"\x00" in head:
            return False
        if any(head.startswith(magic) for magic, _ in _MAGIC):
            return False
        check = codecs.getincrementaldecoder("utf-8-sig")()
        try:
            if _mostly_controls(check.decode(head)[:_HEAD]):
                return False
            while block := f.read(_BLOCK):
                check.decode(block)
            check.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
        return True
    finally:
        f.seek(0)


def _by_byte_order_mark_name(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes) -> tuple[str, str | None]:
    decoded = _by_byte_order_mark(data)
    if decoded:
        return decoded
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file ({kind})")
    decoded = _with_nul_bytes(data[:65536], data)
    if decoded:
        return decoded
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        first_bad = e.start
    return _declared(data) or _mostly_utf8(data) or _detected(data, first_bad)


def _by_byte_order_mark(data: bytes) -> tuple[str, str | None] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), (None if enc == "utf-8-sig" else f"decoded as {enc.upper()} (byte-order mark)")
            except UnicodeDecodeError:
                raise ValueError(f"invalid {enc.upper()} despite its byte-order mark") from None
    return None


def _with_nul_bytes(head: bytes, data: bytes) -> tuple[str, str | None] | None:
    """UTF-16 without a BOM (every other byte NUL); raises for binary data (many NULs); else None."""
    if b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 4 and max(even, odd) > 0.4 * len(head) / 2 and min(even, odd) < 0.05 * len(head) / 2:
        try:
            return data.decode("utf-16-le" if odd > even else "utf-16-be"), "decoded as UTF-16 (no byte-order mark)"
        except UnicodeDecodeError:
            pass
    if head.count(0) > len(head) // 100:  # a stray NUL in a text (or a CSV field) is stripped later
        raise ValueError("binary file (contains NUL bytes)")
    return None


_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w.:-]{1,40})""",
    re.I,
)
_DECLARED_WITHIN = 4096  # a page declares its encoding in its head


def _declared(data: bytes) -> tuple[str, str | None] | None:
    """The text in the encoding the page declares, where it names a known encoding and the bytes fit it."""
    m = _DECLARED.search(data[:_DECLARED_WITHIN])
    if not m:
        return None
    try:
        codec = codecs.lookup((m[1] or m[2]).decode("ascii")).name.replace("-", "_")
    except (LookupError, UnicodeDecodeError):
        return None
    codec = DECLARED_AS.get(codec, codec)
    if codec.startswith("utf"):  # UTF-8 was tried; a page that says UTF-16 in ASCII bytes is wrong
        return None
    try:
        return data.decode(codec), f"decoded as {_shown(codec)} (declared by the page; not UTF-8)"
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> tuple[str, str | None] | None:
    """UTF-8 with a few broken bytes (a cut multi-byte character, a stray byte) keeps its UTF-8 text."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(1 for c in text if c > "\x7f") - bad > bad:
        return text, f"not valid UTF-8: {bad} broken byte(s) replaced"
    return None


def _detected(data: bytes, first_bad: int) -> tuple[str, str | None]:
    """The text in the encoding charset-normalizer finds most likely: among the field's encodings, else any."""
    probe = _CONTROL_BYTES.sub(b"", data)  # stray control bytes (sanitised later) make the detector give up
    best = from_bytes(probe, cp_isolation=FIELD_ENCODINGS).best() or from_bytes(probe).best()
    if best is None:
        raise ValueError(f"not valid UTF-8 (byte {first_bad}) and no text encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    return text, f"decoded as {_shown(best.encoding)} (detected; not UTF-8)"


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _shown(codec: str) -> str:
    return SHOWN_AS.get(codec, codec.upper().replace("_", "-"))
