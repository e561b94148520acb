"""Boilerplate lines, title, source and publication date of a plain document, with provenance.

Input is a decoded, sanitised document (txt, or text extracted from md/html).
Output is an Article whose `text` is the body: boilerplate lines (site chrome,
teasers, comment-policy footers, credits, a repeated title, a page-header date)
are taken out and listed in `removed` with the reason, so nothing in them
yields entities, quotes or dates, and the user can still see what went.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from model.lexicon.boilerplate import BOILERPLATE_PATTERNS, SITE_CHROME
from model.lexicon.calendar import MONTHS as MONTH_NAMES
from model.lexicon.page_dates import DATE_LEAD_WORDS, MONTH_SPELLINGS
from model.records import Article

MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update(MONTH_SPELLINGS)
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_LEAD = "|".join(DATE_LEAD_WORDS)
_DOW = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"

# "June 19, 2024", "19 June 2024", "Wednesday, June 19, 2024", "2024-06-19"
DATE_PATTERNS = [
    re.compile(
        rf"\b(?:{_DOW},?\s+)?(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        rf"\b(?:{_DOW},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_ONLY_DATE = re.compile(
    rf"^\s*(?:(?:{_DATE_LEAD})\s*(?:on|:)?\s*)?"
    rf"(?:{_DOW},?\s+)?(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MON},?\s+\d{{4}}|"
    rf"\d{{4}}-\d\d-\d\d)(?:[,\s]+\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.I,
)
_BYLINE_DATE = re.compile(rf"^\s*(?:{_DATE_LEAD})\b", re.I)
PAGE_HEADER = "page header"  # how the basis of a page-header date begins (extraction checks it against the text)


def find_dates(text: str):
    """Explicit full dates (day, month and year) in `text`: (date, start, end)."""
    for pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            d = _to_date(m)
            if d:
                yield d, m.start(), m.end()


def _to_date(m) -> dt.date | None:
    g = m.groupdict()
    try:
        month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["mon"].lower().rstrip(".")[:3]]
        return dt.date(int(g["year"]), month, int(g["day"]))
    except (KeyError, ValueError):
        return None


def normalise_date(value) -> tuple[str | None, str]:
    """A metadata date in any common form → ('YYYY-MM-DD', basis detail) or (None, '')."""
    if value is None:
        return None, ""
    s = str(value).strip()
    if not s:
        return None, ""
    for read in _DATE_READERS:
        found = read(s)
        if found is not None:
            return found
    return None, ""


def _iso_day(y: str, m: str, d: str) -> tuple[str | None, str]:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat(), ""
    except ValueError:
        return None, ""


def _iso(s: str) -> tuple[str | None, str] | None:
    """'2024-06-19', also with a time after it."""
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", s)
    return _iso_day(m[1], m[2], m[3]) if m else None


def _compact(s: str) -> tuple[str | None, str] | None:
    """'20240619', alone or before a time ('20240619T1200')."""
    m = re.match(r"^(\d{4})(\d\d)(\d\d)(?:T|$)", s)
    return _iso_day(m[1], m[2], m[3]) if m else None


def _written(s: str) -> tuple[str | None, str] | None:
    """'June 19, 2024', '19 June 2024' and the like, anywhere in the value."""
    for d, _, _ in find_dates(s):
        return d.isoformat(), ""
    return None


def _numeric(s: str) -> tuple[str | None, str] | None:
    """'19/06/2024' or '06/19/2024': ambiguous day/month order, read only when one reading is impossible."""
    m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", s)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    try:
        if a > 12:
            return dt.date(y, b, a).isoformat(), " (day/month/year)"
        if b > 12:
            return dt.date(y, a, b).isoformat(), " (month/day/year)"
    except ValueError:
        return None, ""
    return None


# How a metadata date may be written, in the order tried: the first that reads it (or finds it no date) answers.
_DATE_READERS = (_iso, _compact, _written, _numeric)


# ---------------------------------------------------------------- boilerplate

_BOILER_PATTERNS = [(re.compile(pattern, re.I), reason) for pattern, reason in BOILERPLATE_PATTERNS]
_BULLET = re.compile(r"^[\s•·▪●◦*\-–—|>]+")


def boilerplate_reason(line: str) -> str | None:
    """Why a line is boilerplate, or None if it is body text."""
    s = " ".join(line.split())
    if not s:
        return None
    bare = _BULLET.sub("", s).strip().rstrip(":").strip()
    low = bare.lower()
    if low in SITE_CHROME or (len(low) <= 2 and not low.isalnum()):
        return "site chrome"
    for pat, reason in _BOILER_PATTERNS:
        if pat.search(bare):
            return reason
    return None


# ---------------------------------------------------------------- title, source, date

_SENT_END = re.compile(r"[.!;:,…]['\"’”»)\]]*$")
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'/,\-]{1,60}?)(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*"
    r"\((?P<agency>[A-Z][A-Za-z&. ]{1,30}?)\)\s*[-–—:]\s*"
)


def looks_like_title(line: str, nxt: str | None) -> bool:
    s = line.strip()
    words = s.split()
    if not (2 <= len(words) <= 30) or len(s) > 220:
        return False
    if _BULLET.match(s) or _SENT_END.search(s):
        return False
    if s.endswith("?") and nxt is None:
        return False
    return sum(1 for c in s if c.isalpha()) >= 0.6 * len(s.replace(" ", ""))


def detect_dateline(body: str) -> tuple[str | None, str | None, int | None]:
    """'MOSCOW/WASHINGTON (Reuters) –' at the start of a paragraph → (agency, date text, offset)."""
    for m in re.finditer(r"(?m)^.+$", body[:4000]):
        d = _DATELINE.match(m.group(0))
        if d and d.group("place").strip().isupper():
            return d.group("agency").strip(), d.group("date"), m.start()
    return None, None, None


_BYLINE = re.compile(
    r"^by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s+and\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})?$"
)


@dataclass
class _Stripped:
    """A document's lines with the boilerplate taken out (None where a line went), what went and why,
    and the dates its date lines gave."""

    keep: list[str | None] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    header_date: tuple[dt.date, str] | None = None
    byline_date: tuple[dt.date, str] | None = None


def clean_document(text: str, key: str, meta: dict | None = None) -> Article:
    meta = meta or {}
    doc = _strip_boilerplate(text.split("\n"))
    body_lines = [ln for ln in doc.keep if ln is not None]
    title, title_basis = _title(body_lines, meta)
    out = _without_title(body_lines, title, title_basis, doc.removed)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    art = Article(key=key, text=body, title=title, title_basis=title_basis, url=meta.get("url"), removed=doc.removed)
    _set_source(art, meta, body)
    _set_published(art, meta, doc)
    return art


def _strip_boilerplate(lines: list[str]) -> _Stripped:
    doc = _Stripped()
    seen_body = False
    for line in lines:
        s = line.strip()
        reason = _line_reason(s, doc, seen_body)
        if reason:
            doc.removed.append((s, reason))
            doc.keep.append(None)
        else:
            doc.keep.append(line.rstrip())
            if s and not looks_like_title(s, None):
                seen_body = True
    return doc


def _line_reason(s: str, doc: _Stripped, seen_body: bool) -> str | None:
    """Why the (stripped) line `s` is not body text, or None."""
    reason = boilerplate_reason(s)
    if reason is None and s and _ONLY_DATE.match(_BULLET.sub("", s)):
        reason = _date_line(s, doc, seen_body)
    if reason is None and not seen_body and _BYLINE.match(s):
        reason = "byline"
    return reason


def _date_line(s: str, doc: _Stripped, seen_body: bool) -> str | None:
    """Why a line that is only a date goes (a byline date, or a page header date before the body), keeping the
    first of each in `doc`; None when it stays."""
    d = next(find_dates(s), None)
    if not d:
        return None
    if _BYLINE_DATE.match(s):
        doc.byline_date = doc.byline_date or (d[0], s)
        return "byline date"
    if not seen_body:
        doc.header_date = doc.header_date or (d[0], s)
        return "page header date"
    return None


def _title(body_lines: list[str], meta: dict) -> tuple[str | None, str | None]:
    """Title: metadata, else the first content line that reads as a headline."""
    title, title_basis = meta.get("title"), "metadata" if meta.get("title") else None
    if not title:
        content = [ln.strip() for ln in body_lines if ln.strip()]
        if content and looks_like_title(content[0], content[1] if len(content) > 1 else None):
            title, title_basis = content[0], "first line"
    return title, title_basis


def _without_title(
    body_lines: list[str], title: str | None, title_basis: str | None, removed: list[tuple[str, str]]
) -> list[str]:
    """The body's lines without the title line (when read from the first line) and its repeats."""
    out: list[str] = []
    title_seen = False
    for ln in body_lines:
        s = ln.strip()
        if title and " ".join(s.split()) == " ".join(title.split()):
            if title_seen or title_basis == "first line":
                removed.append((s, "repeated title" if title_seen else "title"))
                title_seen = True
                continue
            title_seen = True
        out.append(s)
    return out


def _set_source(art: Article, meta: dict, body: str) -> None:
    agency, _dl_date, _ = detect_dateline(body)
    if meta.get("source"):
        art.source, art.source_basis = meta["source"], "metadata"
    elif agency:
        art.source, art.source_basis = agency, "dateline"


def _set_published(art: Article, meta: dict, doc: _Stripped) -> None:
    """The publication date: metadata, else a byline date, else a page header date (less sure)."""
    pub, pbasis = normalise_date(meta.get("published"))
    if pub:
        art.published, art.published_basis, art.published_confidence = pub, f"metadata{pbasis}", 1.0
    elif doc.byline_date:
        art.published = doc.byline_date[0].isoformat()
        art.published_basis, art.published_confidence = f"byline: '{doc.byline_date[1]}'", 0.9
    elif doc.header_date:
        art.published = doc.header_date[0].isoformat()
        art.published_basis = f"{PAGE_HEADER}: '{doc.header_date[1]}' (a page date; may be later than publication)"
        art.published_confidence = 0.5
