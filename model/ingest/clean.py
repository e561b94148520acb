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

from model.records import Article

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9})
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
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
    rf"^\s*(?:(?:published|updated|posted|last updated|first published)\s*(?:on|:)?\s*)?"
    rf"(?:{_DOW},?\s+)?(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MON},?\s+\d{{4}}|"
    rf"\d{{4}}-\d\d-\d\d)(?:[,\s]+\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.I,
)
_BYLINE_DATE = re.compile(r"^\s*(?:published|updated|posted|last updated|first published)\b", re.I)


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
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), ""
        except ValueError:
            return None, ""
    m = re.match(r"^(\d{4})(\d\d)(\d\d)(?:T|$)", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), ""
        except ValueError:
            return None, ""
    for d, _, _ in find_dates(s):
        return d.isoformat(), ""
    m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", s)
    if m:  # ambiguous day/month order: only when one reading is impossible
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        try:
            if a > 12:
                return dt.date(y, b, a).isoformat(), " (day/month/year)"
            if b > 12:
                return dt.date(y, a, b).isoformat(), " (month/day/year)"
        except ValueError:
            return None, ""
    return None, ""


# ---------------------------------------------------------------- boilerplate

_CHROME = {
    "log in",
    "login",
    "log out",
    "logout",
    "sign in",
    "sign up",
    "sign out",
    "register",
    "subscribe",
    "subscribe now",
    "reset password",
    "forgot password",
    "menu",
    "main menu",
    "search",
    "share",
    "share this",
    "share this article",
    "tweet",
    "print",
    "email",
    "e-mail",
    "skip to content",
    "skip to main content",
    "advertisement",
    "advertising",
    "close",
    "home",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related content",
    "latest updates",
    "latest news",
    "latest",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "top stories",
    "more stories",
    "recommended",
    "continue reading",
    "next article",
    "previous article",
    "back to top",
    "comments",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add comment",
    "cancel reply",
    "reply",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "copy link",
    "listen",
    "listen to this article",
    "toggle navigation",
    "open menu",
    "close menu",
    "accept cookies",
    "manage cookies",
    "cookie settings",
    "watch",
    "video",
    "photos",
    "gallery",
    "newsletter",
    "sign up for our newsletter",
    "all rights reserved",
}
_BOILER_PATTERNS = [
    (
        re.compile(
            r"^(?:view|show|load|see)\s+(?:\d+\s+)?more(?:\s+(?:stories|articles|news|comments|results))?\.?$", re.I
        ),
        "site chrome",
    ),
    (
        re.compile(
            r"^(?:see also|read also|also read|read more|related|more from|more on this|recommended)\s*[:\-–—]?\s+\S",
            re.I,
        ),
        "teaser",
    ),
    (re.compile(r"^your email address will not be published", re.I), "comment form"),
    (re.compile(r"required fields are marked", re.I), "comment form"),
    (re.compile(r"^comment(?:s| threads)? (?:are|is) (?:monitored|closed|moderated)", re.I), "comment policy"),
    (re.compile(r"^(?:by )?(?:posting|submitting) a comment", re.I), "comment policy"),
    (re.compile(r"^our standards\s*:", re.I), "site footer"),
    (re.compile(r"trust principles\.?$", re.I), "site footer"),
    (re.compile(r"^(?:©|\(c\)|copyright\b)", re.I), "copyright"),
    (re.compile(r"\ball rights reserved\.?$", re.I), "copyright"),
    (
        re.compile(
            r"^(?:edited|proofread|edited and proofread|fact[- ]checked|compiled|translated)\s+(?:and [a-z\- ]+)?by\s+\S",
            re.I,
        ),
        "credits",
    ),
    (re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing) by\b.*", re.I), "credits"),
    (re.compile(r"\bcontributed (?:reporting )?to this (?:report|story|article)\.?$", re.I), "credits"),
    (re.compile(r"^(?:follow us|follow [A-Za-z ]+ on|sign up for|subscribe to)\b", re.I), "site chrome"),
    (re.compile(r"^(?:click here|tap here)\b", re.I), "site chrome"),
    (re.compile(r"^(?:image|photo|picture|file photo)\s*(?:source|credit)?\s*[:,]", re.I), "caption credit"),
]
_BULLET = re.compile(r"^[\s•·▪●◦*\-–—|>]+")


def boilerplate_reason(line: str) -> str | None:
    """Why a line is boilerplate, or None if it is body text."""
    s = " ".join(line.split())
    if not s:
        return None
    bare = _BULLET.sub("", s).strip().rstrip(":").strip()
    low = bare.lower()
    if low in _CHROME or (len(low) <= 2 and not low.isalnum()):
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


def clean_document(text: str, key: str, meta: dict | None = None) -> Article:
    meta = meta or {}
    lines = text.split("\n")
    removed: list[tuple[str, str]] = []
    keep: list[str | None] = []
    header_date: tuple[dt.date, str] | None = None
    byline_date: tuple[dt.date, str] | None = None
    seen_body = False
    for line in lines:
        s = line.strip()
        reason = boilerplate_reason(s)
        if reason is None and s and _ONLY_DATE.match(_BULLET.sub("", s)):
            d = next(find_dates(s), None)
            if d:
                if _BYLINE_DATE.match(s):
                    reason = "byline date"
                    byline_date = byline_date or (d[0], s)
                elif not seen_body:
                    reason = "page header date"
                    header_date = header_date or (d[0], s)
        if (
            reason is None
            and not seen_body
            and re.match(
                r"^by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s+and\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})?$",
                s,
            )
        ):
            reason = "byline"
        if reason:
            removed.append((s, reason))
            keep.append(None)
        else:
            keep.append(line.rstrip())
            if s and not looks_like_title(s, None):
                seen_body = True

    # Title: metadata, else the first content line that reads as a headline.
    body_lines = [ln for ln in keep if ln is not None]
    title, title_basis = meta.get("title"), "metadata" if meta.get("title") else None
    if not title:
        content = [ln.strip() for ln in body_lines if ln.strip()]
        if content and looks_like_title(content[0], content[1] if len(content) > 1 else None):
            title, title_basis = content[0], "first line"
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
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")

    art = Article(key=key, text=body, title=title, title_basis=title_basis, url=meta.get("url"), removed=removed)
    agency, dl_date, _ = detect_dateline(body)
    if meta.get("source"):
        art.source, art.source_basis = meta["source"], "metadata"
    elif agency:
        art.source, art.source_basis = agency, "dateline"
    pub, pbasis = normalise_date(meta.get("published"))
    if pub:
        art.published, art.published_basis, art.published_confidence = pub, f"metadata{pbasis}", 1.0
    elif byline_date:
        art.published = byline_date[0].isoformat()
        art.published_basis, art.published_confidence = f"byline: '{byline_date[1]}'", 0.9
    elif header_date:
        art.published = header_date[0].isoformat()
        art.published_basis = f"page header: '{header_date[1]}' (a page date; may be later than publication)"
        art.published_confidence = 0.5
    return art
