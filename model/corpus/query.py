"""The read API the UI uses: small functions returning plain dataclasses.

Every list comes in pages (`count_*` and `*(conn, filters, offset, limit)`), so a
corpus of 100,000 articles never sits in memory. Plain `sqlite3` only (no
sqlite-utils: it is slow to import), and never textual or rich. Each thread opens
its own connection with `connect`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from model import dates
from model.corpus.store import SUMMARY_VERSION, StoreError, open_readonly


class QueryError(Exception):
    """A read that cannot be done, in one line for the user (a bad search, a missing database)."""


def connect(path: str | Path, *, readonly: bool = True) -> sqlite3.Connection:
    """A connection for one thread. Read-only unless asked."""
    path = Path(path)
    if not path.exists():
        raise QueryError(f"no database at {path}")
    try:
        if readonly:
            conn = open_readonly(path)  # also reads a WAL database in a folder it cannot write
        else:
            conn = sqlite3.connect(path)
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA query_only=1")
    except sqlite3.Error as e:
        raise QueryError(f"cannot open {path}: {e}") from None
    except StoreError as e:
        raise QueryError(str(e)) from None
    return conn


# ---------------------------------------------------------------- search strings

_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*", re.UNICODE)


def fts_escape(text: str | None) -> str | None:
    """Turn anything a user typed into a safe FTS5 query: every word a quoted
    string, all of them required. `None` if nothing searchable is left.
    A trailing `*` on a word keeps its prefix meaning."""
    if not text:
        return None
    terms = []
    for m in _TOKEN.finditer(text):
        word = m.group().replace('"', '""')
        star = "*" if text[m.end() : m.end() + 1] == "*" else ""
        terms.append(f'"{word}"{star}')
    return " ".join(terms) or None


def search_terms(text: str | None) -> list[str]:
    """The words of a search, for highlighting hits in text."""
    return [m.group() for m in _TOKEN.finditer(text or "")]


# ---------------------------------------------------------------- filters and rows


@dataclass(frozen=True)
class Filters:
    """What the panes are narrowed to. Each list uses the fields that apply to it."""

    article: int | None = None  # Timeline, Quotes
    entity: int | None = None  # Articles, Timeline, Quotes
    speaker: int | None = None  # Quotes
    search: str | None = None  # Articles (title and text), Quotes (text and speaker): words as typed
    label: str | None = None  # Entities: type
    name: str | None = None  # Entities: type-to-filter on name or alias


@dataclass
class ArticleRow:
    id: int
    key: str
    published: str | None
    published_basis: str | None
    source: str | None
    title: str | None


@dataclass
class EntityRow:
    id: int
    name: str
    label: str | None
    mentions: int
    articles: int


@dataclass
class MentionSpan:
    id: int
    start: int
    end: int
    text: str
    label: str | None
    entity: int | None
    name: str | None
    basis: str | None


@dataclass
class QuoteRow:
    id: int
    article: int
    start: int
    end: int
    text: str
    kind: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_entity: int | None
    speaker_start: int | None
    speaker_end: int | None
    basis: str | None
    confidence: float | None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    speaker_text: str | None = None  # the words the speaker was read from


@dataclass
class TimexRow:
    id: int
    article: int
    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    anchor: str | None
    basis: str | None
    sentence: int | None
    value_start: str | None
    value_end: str | None
    uncertain: bool
    title: str | None = None
    published: str | None = None
    sentence_text: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None

    @property
    def granularity(self) -> str:
        return granularity(self.value, self.value_start, self.value_end)


@dataclass
class ArticleDoc:
    id: int
    key: str
    title: str | None
    title_basis: str | None
    source: str | None
    source_basis: str | None
    url: str | None
    published: str | None
    published_basis: str | None
    published_confidence: float | None
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[MentionSpan] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    timexes: list[TimexRow] = field(default_factory=list)


@dataclass
class Kwic:
    """A mention in context: `left` + `text` + `right`, cut from the article."""

    article: int
    title: str | None
    published: str | None
    start: int
    end: int
    left: str
    text: str
    right: str


@dataclass
class EntityPage:
    entity: EntityRow
    aliases: list[tuple[str, int]]
    mentions: list[Kwic]
    quotes_by: list[QuoteRow]
    quotes_by_total: int
    quotes_about: list[QuoteRow]
    quotes_about_total: int
    events: list[TimexRow]
    events_total: int
    cooccurring: list[tuple[EntityRow, int]]  # entity, articles shared


def granularity(value: str | None, start: str | None = None, end: str | None = None) -> str:
    """day, week, month, quarter, half-year, season, year, decade, century (`model.dates`), time or span."""
    if value and "T" in value:
        return "time"
    return dates.granularity(value) or ("day" if start and start == end else "span")


# ---------------------------------------------------------------- helpers


def _run(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[tuple]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as e:  # also a damaged file ('database disk image is malformed')
        msg = str(e)
        if "fts5" in msg or "MATCH" in msg:
            raise QueryError(f"cannot search for that: {msg}") from None
        raise QueryError(msg) from None


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _summary(conn: sqlite3.Connection) -> bool:
    """Whether the database has the per-entity summary and `event_day` (schema 2, `store.SUMMARY_TABLES`);
    a version-1 database is read with the plans that join mentions, articles and events."""
    return _run(conn, "PRAGMA user_version")[0][0] >= SUMMARY_VERSION


# Chinese, Japanese and Korean runs have no spaces: FTS5's unicode61 tokenizer indexes a whole run as one
# token, so a word inside it ("关系" in "中俄关系") is matched as a substring instead (a scan; rare).
# (Ranges compared in code: the equivalent character class takes ~5 ms to compile, at every start-up.)
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xAC00, 0xD7AF))


def _cjk(word: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in word for lo, hi in _CJK_RANGES)


def _words(search: str) -> tuple[list[str], list[str]]:
    """A search's words for FTS5 (a trailing `*` kept) and its CJK words (matched as substrings)."""
    fts_words, cjk_words = [], []
    for m in _TOKEN.finditer(search):
        word = m.group()
        if _cjk(word):
            cjk_words.append(word)
        else:
            fts_words.append(word + ("*" if search[m.end() : m.end() + 1] == "*" else ""))
    return fts_words, cjk_words


def _search(search: str, fts_table: str, id_col: str, columns: tuple[str, ...]) -> tuple[list[str], list]:
    """WHERE clauses (and their parameters) for a user's search over one table."""
    clauses, params = [], []
    fts_words, cjk_words = _words(search)
    for word in cjk_words:
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        params += [like] * len(columns)
    if fts_words:
        clauses.append(f"{id_col} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(fts_escape(" ".join(fts_words)))
    if not clauses:
        raise QueryError(f"nothing to search for in {search!r}: type some words")
    return clauses, params


# ---------------------------------------------------------------- articles

# In lists, an article with no title is shown by its opening words (marked with an ellipsis), not "(untitled)".
_TITLE = "COALESCE(a.title, rtrim(substr(a.text, 1, 90)) || '…')"
ARTICLE_SORTS = ("date", "oldest", "title")
_ARTICLE_ORDER = {
    "date": "a.published DESC, a.id DESC",
    "oldest": "a.published IS NULL, a.published, a.id",
    "title": "a.title IS NULL, a.title COLLATE NOCASE, a.id",
}


def _article_where(f: Filters, summed: bool = False) -> tuple[str, list]:
    clauses, params = [], []
    if f.entity is not None:  # with the summary, one row per article
        clauses.append(f"a.id IN (SELECT article FROM {'entity_article' if summed else 'mention'} WHERE entity=?)")
        params.append(f.entity)
    if f.search:
        c, p = _search(f.search, "article_fts", "a.id", ("a.title", "a.text"))
        clauses += c
        params += p
    return _where(clauses), params


def _fts_only(f: Filters, **others) -> str | None:
    """The FTS5 query when `f` is a search and nothing else (and no word needs the CJK substring
    match): such a filter is counted on the full-text index alone, with no row lookups."""
    if not f.search or any(others.values()):
        return None
    fts_words, cjk_words = _words(f.search)
    return None if cjk_words else fts_escape(" ".join(fts_words))


def _many(conn: sqlite3.Connection, f: Filters) -> bool:
    """Whether a filter keeps FREQUENT articles or more (an estimate that costs an index lookup):
    then a page is best read off the date index; for fewer, sorting the matches is quicker."""
    if f.entity is not None:
        return _entity_counts(conn, f.entity)[1] >= FREQUENT
    match = _fts_only(f)
    return bool(match) and _common(conn, "article_fts", match)


def _common(conn: sqlite3.Connection, fts_table: str, match: str) -> bool:
    """Whether an FTS5 query matches FREQUENT rows or more (counting stops there)."""
    return (
        _run(
            conn,
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {fts_table} WHERE {fts_table} MATCH ? LIMIT {FREQUENT})",
            (match,),
        )[0][0]
        >= FREQUENT
    )


def count_articles(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    match = _fts_only(f, entity=f.entity)
    if match:
        return _run(conn, "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH ?", (match,))[0][0]
    summed = _summary(conn)
    if f.entity is not None and not f.search and summed:
        return _run(conn, "SELECT COUNT(*) FROM entity_article WHERE entity = ?", (f.entity,))[0][0]
    where, params = _article_where(f, summed)
    return _run(conn, f"SELECT COUNT(*) FROM article a{where}", params)[0][0]


def articles(
    conn: sqlite3.Connection, f: Filters = Filters(), sort: str = "date", offset: int = 0, limit: int = 100
) -> list[ArticleRow]:
    summed = _summary(conn)
    if f.entity is not None and not f.search and sort not in ("oldest", "title") and summed:
        # the entity's articles newest first: a range of the summary's date index
        rows = _run(
            conn,
            f"SELECT a.id, a.key, a.published, a.published_basis, a.source, {_TITLE} FROM entity_article "
            "ea INDEXED BY idx_entity_article_published CROSS JOIN article a ON a.id = ea.article "
            "WHERE ea.entity = ? ORDER BY ea.published DESC, ea.article DESC LIMIT ? OFFSET ?",
            (f.entity, limit, offset),
        )
        return [ArticleRow(*r) for r in rows]
    where, params = _article_where(f, summed)
    order = _ARTICLE_ORDER.get(sort, _ARTICLE_ORDER["date"])
    # Newest first, a page of a filter that keeps many articles (a common word, a frequent entity) is
    # read off the date index, keeping the rows that match, instead of sorting every match.
    table = "article a INDEXED BY idx_article_published" if where and sort == "date" and _many(conn, f) else "article a"
    rows = _run(
        conn,
        f"SELECT a.id, a.key, a.published, a.published_basis, a.source, {_TITLE} FROM {table}"
        f"{where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [ArticleRow(*r) for r in rows]


def find_articles(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[ArticleRow]:
    """Articles whose title contains `text` (for the command palette)."""
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = _run(
        conn,
        "SELECT id, key, published, published_basis, source, title FROM article "
        "WHERE title LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\' ORDER BY published DESC LIMIT ?",
        (like, like, limit),
    )
    return [ArticleRow(*r) for r in rows]


_QUOTE_COLS = (
    "q.id, q.article, q.start, q.end, q.text, q.kind, q.cue, q.cue_start, q.cue_end, q.speaker_name, "
    "q.speaker_entity, q.speaker_start, q.speaker_end, q.basis, q.confidence, " + _TITLE + ", a.source, "
    "a.published, CASE WHEN q.speaker_start IS NOT NULL "
    "THEN substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) END"
)
_TIMEX_COLS = (
    "t.id, t.article, t.start, t.end, t.text, t.type, t.value, t.anchor, t.basis, t.sentence, "
    "t.value_start, t.value_end, t.uncertain, " + _TITLE + ", a.published, "
    "substr(a.text, s.start + 1, min(s.end - s.start, 400)), s.start, s.end"
)
_TIMEX_FROM = (
    "timex t JOIN article a ON a.id = t.article LEFT JOIN sentence s ON s.article = t.article AND s.idx = t.sentence"
)


def _quote(r: tuple) -> QuoteRow:
    return QuoteRow(*r)


def _timex(r: tuple) -> TimexRow:
    r = list(r)
    r[12] = bool(r[12])
    return TimexRow(*r)


def get_article(conn: sqlite3.Connection, article_id: int) -> ArticleDoc | None:
    row = _run(
        conn,
        "SELECT id, key, title, title_basis, source, source_basis, url, published, published_basis, "
        "published_confidence, text FROM article WHERE id=?",
        (article_id,),
    )
    if not row:
        return None
    doc = ArticleDoc(*row[0])
    doc.sentences = [
        (s, e) for s, e in _run(conn, "SELECT start, end FROM sentence WHERE article=? ORDER BY idx", (article_id,))
    ]
    doc.mentions = [
        MentionSpan(*r)
        for r in _run(
            conn,
            "SELECT m.id, m.start, m.end, m.text, m.label, m.entity, e.canonical, m.basis FROM mention m "
            "LEFT JOIN entity e ON e.id = m.entity WHERE m.article=? ORDER BY m.start",
            (article_id,),
        )
    ]
    doc.quotes = [
        _quote(r)
        for r in _run(
            conn,
            f"SELECT {_QUOTE_COLS} FROM quote q JOIN article a ON a.id = q.article WHERE q.article=? ORDER BY q.start",
            (article_id,),
        )
    ]
    doc.timexes = [
        _timex(r)
        for r in _run(
            conn, f"SELECT {_TIMEX_COLS} FROM {_TIMEX_FROM} WHERE t.article=? ORDER BY t.start", (article_id,)
        )
    ]
    return doc


def article_row(conn: sqlite3.Connection, article_id: int) -> ArticleRow | None:
    rows = _run(
        conn, "SELECT id, key, published, published_basis, source, title FROM article WHERE id=?", (article_id,)
    )
    return ArticleRow(*rows[0]) if rows else None


# ---------------------------------------------------------------- entities


def _entity_where(f: Filters) -> tuple[str, list]:
    clauses, params = [], []
    if f.label:
        clauses.append("e.label = ?")
        params.append(f.label)
    if f.name:
        like = "%" + f.name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            "(e.canonical LIKE ? ESCAPE '\\' OR e.id IN (SELECT entity FROM alias WHERE alias LIKE ? ESCAPE '\\'))"
        )
        params += [like, like]
    return _where(clauses), params


def count_entities(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    where, params = _entity_where(f)
    return _run(conn, f"SELECT COUNT(*) FROM entity e{where}", params)[0][0]


def entities(conn: sqlite3.Connection, f: Filters = Filters(), offset: int = 0, limit: int = 100) -> list[EntityRow]:
    where, params = _entity_where(f)
    rows = _run(
        conn,
        f"SELECT e.id, e.canonical, e.label, e.mentions, e.articles FROM entity e{where} "
        "ORDER BY e.mentions DESC, e.canonical COLLATE NOCASE LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [EntityRow(*r) for r in rows]


def entity(conn: sqlite3.Connection, entity_id: int) -> EntityRow | None:
    rows = _run(conn, "SELECT id, canonical, label, mentions, articles FROM entity WHERE id=?", (entity_id,))
    return EntityRow(*rows[0]) if rows else None


def labels(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Entity types with how many entities have each, most first."""
    return [
        (r[0], r[1])
        for r in _run(
            conn, "SELECT label, COUNT(*) FROM entity WHERE label IS NOT NULL GROUP BY label ORDER BY 2 DESC, 1"
        )
    ]


# ---------------------------------------------------------------- timeline


def _event_where(f: Filters, frequent: bool = False) -> tuple[str, list]:
    """Clauses on `timex t` alone (no joins), so counting and paging stay on its indexes.
    With `frequent` (an entity in a good share of all sentences), the entity's articles are not
    gathered first: reading events in date order and keeping those that mention it finds a page sooner."""
    clauses, params = ["t.value_start IS NOT NULL"], []
    if f.article is not None:
        clauses.append("t.article = ?")
        params.append(f.article)
    if f.entity is not None:
        # events whose sentence mentions the entity
        if not frequent:
            clauses.append("t.article IN (SELECT article FROM mention WHERE entity = ?)")
            params.append(f.entity)
        clauses.append(
            "EXISTS (SELECT 1 FROM sentence s JOIN mention m ON m.article = s.article "
            "AND m.start >= s.start AND m.start < s.end "
            "WHERE s.article = t.article AND s.idx = t.sentence AND m.entity = ?)"
        )
        params.append(f.entity)
    return _where(clauses), params


def _entity_counts(conn: sqlite3.Connection, entity_id: int) -> tuple[int, int]:
    """(mentions, articles) of an entity, (0, 0) when there is none: what the plans are picked by."""
    rows = _run(conn, "SELECT mentions, articles FROM entity WHERE id = ?", (entity_id,))
    return (rows[0][0] or 0, rows[0][1] or 0) if rows else (0, 0)


def _entity_events(conn: sqlite3.Connection, f: Filters) -> tuple[str, list] | None:
    """With the summary, an entity's events are a range of `entity_event` (keyed by date):
    its WHERE clause and parameters, on `entity_event t`; None without an entity or summary."""
    if f.entity is None or not _summary(conn):
        return None
    clauses, params = ["t.entity = ?"], [f.entity]
    if f.article is not None:
        clauses.append("t.article = ?")
        params.append(f.article)
    return _where(clauses), params


def _by_day(conn: sqlite3.Connection, f: Filters) -> bool:
    """Whether the whole timeline is asked for and the database counts its events by day (`event_day`)."""
    return f.article is None and f.entity is None and _summary(conn)


def count_events(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    if _by_day(conn, f):
        return _run(conn, "SELECT COALESCE(SUM(events), 0) FROM event_day")[0][0]
    summed = _entity_events(conn, f)
    if summed:
        return _run(conn, f"SELECT COUNT(*) FROM entity_event t{summed[0]}", summed[1])[0][0]
    where, params = _event_where(f)
    return _run(conn, f"SELECT COUNT(*) FROM timex t{where}", params)[0][0]


def events(conn: sqlite3.Connection, f: Filters = Filters(), offset: int = 0, limit: int = 100) -> list[TimexRow]:
    """Dated events in date order. The page of ids is found first, on the index alone;
    article text is read for those rows only."""
    summed = _entity_events(conn, f)
    if summed:
        where, params = summed
        select = f"SELECT t.timex AS id, t.value_start FROM entity_event t{where} ORDER BY t.value_start, t.timex"
    elif _by_day(conn, f) and offset:
        # from the day the page starts on (the first whose running count passes `offset`), not the first event;
        # the days are summed here as they are read (SQLite's window function over them took 3-4 ms, this ~1)
        day = _day_at(conn, offset)
        if day is None:
            return []
        select = "SELECT t.id, t.value_start FROM timex t WHERE t.value_start >= ? ORDER BY t.value_start, t.id"
        params, offset = [day[0]], offset - day[1]
    else:
        frequent = f.article is None and f.entity is not None and _entity_counts(conn, f.entity)[0] >= FREQUENT_EVENTS
        where, params = _event_where(f, frequent)
        table = "timex t INDEXED BY idx_timex_value_start" if frequent else "timex t"
        select = f"SELECT t.id, t.value_start FROM {table}{where} ORDER BY t.value_start, t.id"
    rows = _run(
        conn,
        f"WITH page AS ({select} LIMIT ? OFFSET ?) "
        f"SELECT {_TIMEX_COLS} FROM page CROSS JOIN {_TIMEX_FROM} WHERE t.id = page.id "
        "ORDER BY page.value_start, page.id",
        [*params, limit, offset],
    )
    return [_timex(r) for r in rows]


def _day_at(conn: sqlite3.Connection, offset: int) -> tuple[str, int] | None:
    """The day of the event at `offset` in date order, and how many events come before that day."""
    before = 0
    try:
        for value, events in conn.execute("SELECT value_start, events FROM event_day ORDER BY value_start"):
            if before + events > offset:
                return value, before
            before += events
    except sqlite3.DatabaseError as e:
        raise QueryError(str(e)) from None
    return None


def event_position(conn: sqlite3.Connection, f: Filters, date: str) -> int:
    """Index in `events(f)` of the first event on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if _by_day(conn, f):
        return _run(conn, "SELECT COALESCE(SUM(events), 0) FROM event_day WHERE value_start < ?", (date,))[0][0]
    summed = _entity_events(conn, f)
    where, params = summed or _event_where(f)
    table = "entity_event t" if summed else "timex t"
    return _run(conn, f"SELECT COUNT(*) FROM {table}{where} AND t.value_start < ?", [*params, date])[0][0]


# ---------------------------------------------------------------- quotes

QUOTE_SORTS = ("date", "speaker")
_QUOTE_ORDER = {
    "date": "a.published DESC, q.article DESC, q.start",
    "speaker": "q.speaker_name IS NULL, q.speaker_name COLLATE NOCASE, a.published DESC, q.start",
}


_QUOTES_MENTIONING = (
    "SELECT q2.id FROM mention m JOIN quote q2 ON q2.article = m.article AND q2.start <= m.start "
    "AND m.end <= q2.end WHERE m.entity = ?"
)


def _quote_where(f: Filters, summed: bool = False) -> tuple[str, list]:
    """With `summed` (the database has the summary), the quotes of an entity are read from it."""
    clauses, params = [], []
    if f.article is not None:
        clauses.append("q.article = ?")
        params.append(f.article)
    if f.entity is not None and summed:
        clauses.append("q.id IN (SELECT quote FROM entity_quote WHERE entity = ?)")
        params.append(f.entity)
    elif f.entity is not None:
        clauses.append(
            "(q.id IN (SELECT quote FROM quote_speaker WHERE entity = ?) OR q.speaker_entity = ? OR "
            f"q.id IN ({_QUOTES_MENTIONING}))"
        )
        params += [f.entity] * 3
    if f.speaker is not None:
        clauses.append("(q.id IN (SELECT quote FROM quote_speaker WHERE entity = ?) OR q.speaker_entity = ?)")
        params += [f.speaker] * 2
    if f.search:
        c, p = _search(f.search, "quote_fts", "q.id", ("q.text", "q.speaker_name"))
        clauses += c
        params += p
    return _where(clauses), params


def _entity_quotes(conn: sqlite3.Connection, f: Filters) -> tuple[str, list] | None:
    """With the summary, the quotes of one entity (`f.entity`: spoken by it or mentioning it) or
    of one speaker (`f.speaker`), and no other filter, are a range of `entity_quote e`: its WHERE
    clause and parameters; None otherwise."""
    if f.article is not None or f.search or (f.entity is None) == (f.speaker is None) or not _summary(conn):
        return None
    if f.entity is not None:
        return " WHERE e.entity = ?", [f.entity]
    return " WHERE e.entity = ? AND e.speaks = 1", [f.speaker]


def _summed_quotes(conn: sqlite3.Connection, where: str, params: list, offset: int, limit: int) -> list[QuoteRow]:
    """A page of `entity_quote e` rows (newest first, as the date sort), read as quotes."""
    order = "e.published DESC, e.article DESC, e.start, e.quote"
    rows = _run(
        conn,
        f"WITH page AS (SELECT e.quote, row_number() OVER (ORDER BY {order}) AS n "
        f"FROM entity_quote e{where} ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT {_QUOTE_COLS} FROM page JOIN quote q ON q.id = page.quote "
        "JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, limit, offset],
    )
    return [_quote(r) for r in rows]


def count_quotes(conn: sqlite3.Connection, f: Filters = Filters()) -> int:
    match = _fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker)
    if match:
        return _run(conn, "SELECT COUNT(*) FROM quote_fts WHERE quote_fts MATCH ?", (match,))[0][0]
    summed = _entity_quotes(conn, f)
    if summed:
        return _run(conn, f"SELECT COUNT(*) FROM entity_quote e{summed[0]}", summed[1])[0][0]
    where, params = _quote_where(f, _summary(conn))
    return _run(conn, f"SELECT COUNT(*) FROM quote q{where}", params)[0][0]  # every quote has its article (FK)


def quotes(
    conn: sqlite3.Connection, f: Filters = Filters(), sort: str = "date", offset: int = 0, limit: int = 100
) -> list[QuoteRow]:
    summed = _entity_quotes(conn, f) if sort != "speaker" else None
    if summed:
        return _summed_quotes(conn, *summed, offset, limit)
    where, params = _quote_where(f, _summary(conn))
    order = _QUOTE_ORDER.get(sort, _QUOTE_ORDER["date"])
    source = "quote q JOIN article a ON a.id = q.article"
    match = _fts_only(f, article=f.article, entity=f.entity, speaker=f.speaker)
    if match and sort == "date" and _common(conn, "quote_fts", match):
        # a common word: walk the articles newest first and keep their matching quotes
        source = (
            "article a INDEXED BY idx_article_published CROSS JOIN quote q INDEXED BY idx_quote_article_start "
            "ON q.article = a.id"
        )
    rows = _run(
        conn,
        f"WITH page AS (SELECT q.id, row_number() OVER (ORDER BY {order}) AS n FROM {source}"
        f"{where} ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT {_QUOTE_COLS} FROM page JOIN quote q ON q.id = page.id "
        "JOIN article a ON a.id = q.article ORDER BY page.n",
        [*params, limit, offset],
    )
    return [_quote(r) for r in rows]


# ---------------------------------------------------------------- entity page

COOCCUR_ARTICLES = 500  # co-occurrence is counted over the entity's latest articles only
PAGE_COUNT_CAP = 200  # entity-page totals stop counting here ("200" reads "200 or more")
# Without the summary (a version-1 database), an entity with this many mentions has its sections
# read newest-first off the article (or date) index and cut at the page: sorting all of its rows
# first took most of a second for the most frequent ones at 100,000 articles. Rarer ones keep the
# plan that starts from their own rows.
FREQUENT = 1000
FREQUENT_EVENTS = 10000


def _capped(conn: sqlite3.Connection, table: str, where: str, params: list) -> int:
    return _run(conn, f"SELECT COUNT(*) FROM (SELECT 1 FROM {table}{where} LIMIT {PAGE_COUNT_CAP})", params)[0][0]


def entity_page(conn: sqlite3.Connection, entity_id: int, limit: int = 50, context: int = 40) -> EntityPage | None:
    """Everything about one entity, each section cut at `limit` rows. With the per-entity summary
    (schema 2) each section is a range of one of its indexes; without it, joins of the entity's rows."""
    ent = entity(conn, entity_id)
    if ent is None:
        return None
    summed = _summary(conn)
    aliases = [
        (r[0], r[1])
        for r in _run(
            conn, "SELECT alias, count FROM alias WHERE entity=? ORDER BY count DESC, alias LIMIT 100", (entity_id,)
        )
    ]
    if summed:  # its articles newest first, and its mentions in each
        mention_from = (
            "entity_article ea INDEXED BY idx_entity_article_published CROSS JOIN mention m INDEXED BY "
            "idx_mention_article_entity_start ON m.article = ea.article AND m.entity = ea.entity "
            "WHERE ea.entity = ?"
        )
        mention_order = "ea.published DESC, ea.article DESC, m.start"
    else:
        mention_from = (
            "article a INDEXED BY idx_article_published CROSS JOIN mention m INDEXED BY "
            "idx_mention_article_entity_start ON m.article = a.id AND m.entity = ? WHERE 1"
            if (ent.mentions or 0) >= FREQUENT
            else "mention m JOIN article a ON a.id = m.article WHERE m.entity = ?"
        )
        mention_order = "a.published DESC, m.article DESC, m.start"
    mentions = []
    for aid, title, pub, start, end, left, text, right in _run(
        conn,
        f"WITH page AS (SELECT m.id, row_number() OVER (ORDER BY {mention_order}) "
        f"AS n FROM {mention_from} ORDER BY {mention_order} LIMIT ?) "
        "SELECT m.article, a.title, a.published, m.start, m.end, "
        "substr(a.text, max(m.start - ?, 0) + 1, m.start - max(m.start - ?, 0)), m.text, "
        "substr(a.text, m.end + 1, ?) FROM page JOIN mention m ON m.id = page.id "
        "JOIN article a ON a.id = m.article ORDER BY page.n",
        (entity_id, limit, context, context, context),
    ):
        left = left.rsplit("\n", 1)[-1]
        right = right.split("\n", 1)[0]
        mentions.append(Kwic(aid, title, pub, start, end, left, text, right))
    by = Filters(speaker=entity_id)
    quotes_by = quotes(conn, by, limit=limit)
    ev = Filters(entity=entity_id)
    if summed:
        about_where = " WHERE e.entity = ? AND e.speaks = 0"
        about_total = _capped(conn, "entity_quote e", about_where, [entity_id])
        about = _summed_quotes(conn, about_where, [entity_id], 0, limit)
        by_total = _capped(conn, "entity_quote e", *_entity_quotes(conn, by))
        events_total = _capped(conn, "entity_event t", *_entity_events(conn, ev))
        # co-occurrence over its latest articles: the summary has one row per entity and article
        co = _run(
            conn,
            f"WITH arts AS (SELECT article FROM entity_article WHERE entity = ? "
            f"ORDER BY article DESC LIMIT {COOCCUR_ARTICLES}), "
            "n AS (SELECT ea.entity, COUNT(*) AS n FROM arts CROSS JOIN entity_article ea "
            "INDEXED BY idx_entity_article_article ON ea.article = arts.article "
            "WHERE ea.entity <> ? GROUP BY ea.entity) "
            "SELECT e.id, e.canonical, e.label, e.mentions, e.articles, n.n FROM n "
            "JOIN entity e ON e.id = n.entity ORDER BY n.n DESC, e.mentions DESC LIMIT 20",
            (entity_id, entity_id),
        )
    else:
        about_total, about = _quotes_about_joined(conn, entity_id, limit)
        by_total = _capped(conn, "quote q", *_quote_where(by))
        events_total = _capped(conn, "timex t", *_event_where(ev))
        # Over the latest articles only, so a page for "China" in a huge corpus still opens at once.
        co = _run(
            conn,
            f"WITH arts AS (SELECT DISTINCT article FROM mention WHERE entity = ? "
            f"ORDER BY article DESC LIMIT {COOCCUR_ARTICLES}) "
            "SELECT e.id, e.canonical, e.label, e.mentions, e.articles, COUNT(DISTINCT m.article) AS n "
            "FROM mention m JOIN entity e ON e.id = m.entity "
            "WHERE m.article IN (SELECT article FROM arts) AND m.entity <> ? "
            "GROUP BY e.id ORDER BY n DESC, e.mentions DESC LIMIT 20",
            (entity_id, entity_id),
        )
    return EntityPage(
        entity=ent,
        aliases=aliases,
        mentions=mentions,
        quotes_by=quotes_by,
        quotes_by_total=by_total,
        quotes_about=about,
        quotes_about_total=about_total,
        events=events(conn, ev, limit=limit),
        events_total=events_total,
        cooccurring=[(EntityRow(*r[:5]), r[5]) for r in co],
    )


def _quotes_about_joined(conn: sqlite3.Connection, entity_id: int, limit: int) -> tuple[int, list[QuoteRow]]:
    """Quotes mentioning an entity it does not speak, without the summary: (count up to the cap, first page)."""
    not_by = "AND q.id NOT IN (SELECT quote FROM quote_speaker WHERE entity = ?) AND q.speaker_entity IS NOT ?"
    # counted from the entity's mentions, each looked up in its article's quotes, up to the cap
    about_total = _run(
        conn,
        "SELECT COUNT(*) FROM (SELECT DISTINCT q.id FROM mention m INDEXED BY "
        "idx_mention_entity_article CROSS JOIN quote q ON q.article = m.article AND "
        f"q.start <= m.start AND m.end <= q.end WHERE m.entity = ? {not_by} "
        f"LIMIT {PAGE_COUNT_CAP})",
        (entity_id, entity_id, entity_id),
    )[0][0]
    if about_total >= PAGE_COUNT_CAP:  # quoted often: the newest articles soon give a page
        inside = (
            "EXISTS (SELECT 1 FROM mention m INDEXED BY idx_mention_article_entity_start WHERE m.article = "
            "q.article AND m.entity = ? AND m.start >= q.start AND m.end <= q.end)"
        )
        about_where = (
            f"FROM article a INDEXED BY idx_article_published CROSS JOIN quote q INDEXED BY "
            f"idx_quote_article_start ON q.article = a.id WHERE {inside} {not_by}"
        )
    else:
        about_where = f"FROM quote q JOIN article a ON a.id = q.article WHERE q.id IN ({_QUOTES_MENTIONING}) {not_by}"
    about = [
        _quote(r)
        for r in _run(
            conn,
            f"SELECT {_QUOTE_COLS} {about_where} ORDER BY a.published DESC, q.article DESC, q.start LIMIT ?",
            (entity_id, entity_id, entity_id, limit),
        )
    ]
    return about_total, about
