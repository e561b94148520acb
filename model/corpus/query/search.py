"""A user's search: its words for FTS5, CJK words matched as substrings, the clauses they make."""

from __future__ import annotations

import datetime
import json
import math
import re
import sqlite3
from dataclasses import dataclass, replace

from model.corpus.query import reuse
from model.corpus.query.base import FREQUENT, QueryError, has_said_on, has_summary, run, schema_at_least
from model.corpus.query.language import DATE_FIELDS, SOURCE_FIELDS, Query, Term, is_cjk, parse
from model.corpus.query.rows import Filters
from model.corpus.schema import FIELD_INDEX_VERSION, SPEAKER_NAMES_VERSION
from model.corpus.speaker_names import QUOTES_OF_NAMES

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
    """The words and phrases of a search, for highlighting hits in text (not its fields, not words left out)."""
    try:
        return parse(text or "").highlights()
    except QueryError:
        return [m.group() for m in _TOKEN.finditer(text or "")]


def search_words(search: str) -> tuple[list[str], list[str]]:
    """A search's words for FTS5 (a trailing `*` kept) and its CJK words (matched as substrings)."""
    fts_words, cjk_words = [], []
    for m in _TOKEN.finditer(search):
        word = m.group()
        if is_cjk(word):
            cjk_words.append(word)
        else:
            fts_words.append(word + ("*" if search[m.end() : m.end() + 1] == "*" else ""))
    return fts_words, cjk_words


def search_clauses(search: str, fts_table: str, id_col: str, columns: tuple[str, ...]) -> tuple[list[str], list]:
    """WHERE clauses (and their parameters) for the words of a user's search over one table (fields aside)."""
    clauses, params = word_clauses(parse(search).words, fts_table, id_col, columns)
    if not clauses:
        raise QueryError(f"nothing to search for in {search!r}: type some words")
    return clauses, params


def fts_only(f: Filters, **others) -> str | None:
    """The FTS5 query when `f` is a search of words and nothing else (no field, no word that needs the CJK
    substring match, one word at least that must be there): such a filter is counted on the full-text index
    alone, with no row lookups."""
    if not f.search or any(others.values()):
        return None
    query = parse(f.search)
    if query.fields or any(is_cjk(t.value) for t in query.words):
        return None
    return fts_match(query.words)


# ---------------------------------------------------------------- the search language, compiled


def fts_string(term: Term) -> str | None:
    """One term as an FTS5 string: its words quoted (a phrase when more than one), a trailing `*` kept on a
    bare word. Always valid FTS5, whatever was typed; None when it has no words."""
    words = _TOKEN.findall(term.value)
    if not words:
        return None
    star = "*" if not term.phrase and term.value.rstrip().endswith("*") and len(words) == 1 else ""
    return '"' + " ".join(words).replace('"', '""') + '"' + star


def fts_match(words: tuple[Term, ...], column: str | None = None) -> str | None:
    """The FTS5 query for word terms (those with a `-` left out); None without a word that must be there."""
    prefix = f"{column} : " if column else ""
    wanted = [prefix + s for t in words if not t.negated and (s := fts_string(t))]
    unwanted = [prefix + s for t in words if t.negated and (s := fts_string(t))]
    if not wanted:
        return None
    match = "(" + " AND ".join(wanted) + ")"
    return match + (" NOT (" + " OR ".join(unwanted) + ")" if unwanted else "")


def word_clauses(
    words: tuple[Term, ...], fts_table: str, id_col: str, columns: tuple[str, ...], each: bool = False
) -> tuple[list, list]:
    """WHERE clauses for word terms: one MATCH on `fts_table` for the words it indexes (a `NOT IN` for those
    left out when none must be there), a substring match on `columns` for each CJK word. `each`: a row at a time,
    the MATCH tried on the row's own rowid (`_one_row`), for rows checked one by one, never gathered."""
    clauses, params = [], []
    fts_terms = []
    for t in words:
        if is_cjk(t.value):
            like = "%" + _like_escape(" ".join(_TOKEN.findall(t.value)) if t.phrase else t.value.rstrip("*")) + "%"
            either = "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")"
            clauses.append(f"NOT {either}" if t.negated else either)
            params += [like] * len(columns)
        else:
            fts_terms.append(t)
    match = fts_match(tuple(fts_terms))
    matched = (
        _one_row(fts_table, id_col)
        if each
        else f"{id_col} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)"
    )
    if match:
        clauses.append(matched)
        params.append(match)
    else:
        unwanted = [s for t in fts_terms if (s := fts_string(t))]
        if unwanted:
            clauses.append(f"NOT {matched}")
            params.append(" OR ".join(unwanted))
    return clauses, params


def _one_row(fts_table: str, id_col: str) -> str:
    """Whether the row `id_col` matches: FTS5 seeks each word's list to that rowid (at a million articles ~10 µs a
    row, where gathering a common word's 95,000 matches for a few hundred rows costs ~20 ms)."""
    return f"EXISTS (SELECT 1 FROM {fts_table} WHERE {fts_table} MATCH ? AND rowid = {id_col})"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _negate(clause: str, negated: bool) -> str:
    """`clause`, or its opposite (a NULL counting as not matching, so `-date:2023` keeps the undated)."""
    return f"NOT COALESCE({clause}, 0)" if negated else clause


# The entities a name field means: those whose name or an alias is the value, as typed or in its usual cases
# (read off the indexes of names and aliases), else those whose name holds it as words ("Wang" → Wang Yi,
# Wang Wenbin; a scan of the names, any case).
ENTITIES_NAMED = (
    "SELECT id FROM entity WHERE canonical IN ({v}) UNION SELECT entity FROM alias WHERE alias IN ({v}) "
    "UNION SELECT id FROM entity WHERE NOT EXISTS (SELECT 1 FROM entity WHERE canonical IN ({v}) "
    "UNION ALL SELECT 1 FROM alias WHERE alias IN ({v})) AND ' ' || canonical || ' ' LIKE ? ESCAPE '\\'"
)  # (the test that nothing is called so first: SQLite then skips the scan)


def entities_named(value: str) -> tuple[str, list]:
    """The SQL of the entity ids a name field means (`ENTITIES_NAMED`), and its parameters."""
    cases = list(dict.fromkeys((value, value.title(), value.upper(), value.lower(), value[:1].upper() + value[1:])))
    words = " ".join(_TOKEN.findall(value)) or value
    marks = ", ".join("?" * len(cases))
    return ENTITIES_NAMED.format(v=marks), [*cases, *cases, *cases, *cases, f"% {_like_escape(words)} %"]


FEW_ENTITIES = 4  # an `entity:` naming more (a word of many names) is read through its rows, not entity by entity


def few_entities_named(conn: sqlite3.Connection, value: str) -> list[int] | None:
    """The ids of the entities a name field means (`entities_named`) when they are `FEW_ENTITIES` at most (none
    for a name that names nothing), else None: each entity's own rows may then be read, one by one."""
    sql, params = entities_named(value)
    ids = [r[0] for r in run(conn, f"{sql} LIMIT {FEW_ENTITIES + 1}", params)]
    return ids if len(ids) <= FEW_ENTITIES else None


def day_after(day: str) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()


def date_clause(column: str, term: Term) -> tuple[str, list]:
    """`column` (an ISO date, maybe with a time) within the term's range."""
    parts, params = [], []
    if term.first:
        parts.append(f"{column} >= ?")
        params.append(term.first)
    if term.last:
        parts.append(f"{column} < ?")
        params.append(day_after(term.last))
    return "(" + " AND ".join(parts) + ")", params


def said_clause(term: Term) -> tuple[str, list]:
    """Quotes whose time of saying (a span of days, `said_on_start` … `said_on_end`) overlaps the term's range."""
    parts, params = [], []
    if term.first:
        parts.append("q.said_on_end >= ?")
        params.append(term.first)
    if term.last:
        parts.append("q.said_on_start <= ?")
        params.append(term.last)
    return "(" + " AND ".join(parts) + ")", params


def source_like(column: str, value: str) -> tuple[str, list]:
    """The source holds a word that begins with the value (`source:reut` → Reuters), any case (ASCII, as
    SQLite's LIKE folds it)."""
    return f"' ' || {column} LIKE ? ESCAPE '\\'", [f"% {_like_escape(value)}%"]


def source_clause(column: str, term: Term, cols: Columns | None = None) -> tuple[str, list] | None:
    """The clause of a `source:` term (its `-` applied; a source-less row never matches, so `-source:` keeps
    it). Resolved among the distinct sources (`cols.sources`, `SourceSet`): `column IN (those it matches)`,
    which the source index answers, or no clause at all (None) when the term keeps every row; else (too many
    sources, an old database) each row's source matched (`source_like`)."""
    kept = cols.source_set(term.value) if cols else None
    if kept is None:
        c, p = source_like(column, term.value)
        return _negate(c, term.negated), p
    if not kept.values:  # no source matches: nothing kept, or everything left out
        return None if term.negated else ("0", [])
    if kept.every:  # every source matches: those with one kept, or those without one left
        if term.negated:
            return (f"{column} IS NULL", []) if kept.nulls else ("0", [])
        return (f"{column} IS NOT NULL", []) if kept.nulls else None
    c = f"{column} IN (SELECT value FROM json_each(?))"
    return _negate(c, term.negated), [json.dumps(kept.values, ensure_ascii=False)]


SOURCES_BY_NAME = 2000  # distinct sources a `source:` term is resolved among, at most; past that, row by row


@dataclass(frozen=True)
class SourceSet:
    """The stored sources a `source:` value matches, found among the database's distinct sources (few: read
    off the source index, one step a source): the articles of those sources are then read off that index,
    where matching each article's own source read every article row a search found."""

    values: tuple[str, ...]  # the sources it matches, as stored
    every: bool  # they are every source there is
    nulls: bool  # some articles have no source


# The distinct sources in the source index's order, each found by one step of the index past the one before
# (a skip scan: as many steps as sources, whatever the articles), stopped past SOURCES_BY_NAME.
_DISTINCT_SOURCES = (
    "WITH RECURSIVE s(v) AS (SELECT MIN(source) FROM article UNION ALL "
    "SELECT (SELECT MIN(source) FROM article WHERE source > s.v) FROM s WHERE s.v IS NOT NULL LIMIT ?) "
    "SELECT v FROM s WHERE v IS NOT NULL"
)


def source_set(conn: sqlite3.Connection, value: str) -> SourceSet | None:
    """What `source:value` keeps, among the distinct sources (`SourceSet`); None without the source index
    (schema 9) or with more than SOURCES_BY_NAME sources. Kept (`reuse`) while the database is unchanged."""
    if not schema_at_least(conn, FIELD_INDEX_VERSION):
        return None

    def read() -> SourceSet | None:
        sources = [r[0] for r in run(conn, _DISTINCT_SOURCES, (SOURCES_BY_NAME + 2,))]
        if len(sources) > SOURCES_BY_NAME:
            return None
        like, params = source_like("value", value)  # SQLite's own LIKE, as the rows would be matched
        found = run(conn, f"SELECT value FROM json_each(?) WHERE {like}", [json.dumps(sources), *params])
        nulls = bool(run(conn, "SELECT EXISTS (SELECT 1 FROM article WHERE source IS NULL)")[0][0])
        return SourceSet(tuple(r[0] for r in found), every=len(found) == len(sources), nulls=nulls)

    return reuse.reused(conn, ("source", value), read)


def _kinds(term: Term, column: str = "q.kind") -> tuple[str, list]:
    kinds = term.value.split(",")
    return f"{column} IN ({', '.join('?' * len(kinds))})", kinds


def kind_clauses(fields: tuple[Term, ...], column: str) -> tuple[list[str], list]:
    """The clauses of the `kind:` terms on `column` (their `-` applied), as a quote's kind is checked."""
    clauses, params = [], []
    for t in fields:
        if t.field == "kind":
            c, p = _kinds(t, column)
            clauses.append(_negate(c, t.negated))
            params += p
    return clauses, params


@dataclass(frozen=True)
class Columns:
    """What the database offers the compiled query: the per-entity summary, the quote's own date, and what the
    search's `source:` values match among its sources."""

    summed: bool = False
    said_on: bool = False  # the quotes say when they were said (`said_on_start`, `said_on_end`: schema 5);
    # else `said:` is the article's date
    sources: tuple[tuple[str, SourceSet], ...] = ()  # (value, what it keeps) of each `source:` resolved
    speaker_names: bool = False  # the distinct speaker names have their own full-text index (schema 17)

    def source_set(self, value: str) -> SourceSet | None:
        return next((kept for v, kept in self.sources if v == value), None)


PLAIN = Columns()  # a database without the summary or the quotes' own dates


def quote_part(fields: tuple[Term, ...], cols: Columns, in_article: bool, each: bool = False) -> tuple[list[str], list]:
    """Clauses on `quote q` for the fields about quotes (speaker, kind, said with the quote's own date); for the
    Quotes pane itself (not `in_article`) also entity, and source and date on its article, joined as `a`. `each`:
    an entity's quotes looked up a quote at a time (`_quote_entity`)."""
    clauses, params = [], []
    speakers = tuple(replace(t, field=None, phrase=True) for t in fields if t.field == "speaker")
    if speakers:
        c, p = _speaker_clause(speakers, cols)
        clauses += c
        params += p
    dated = () if in_article else _dated_by_summary(fields, cols, said_is_article=not cols.said_on)
    for t in fields:
        if t in dated:
            continue
        if t.field == "kind":
            c, p = _kinds(t)
        elif t.field == "said" and cols.said_on:
            c, p = said_clause(t)
        elif in_article:
            continue
        elif t.field in DATE_FIELDS:
            c, p = date_clause("a.published", t)
        elif t.field in SOURCE_FIELDS:
            resolved = source_clause("a.source", t, cols)
            if resolved:
                clauses.append(resolved[0])
                params += resolved[1]
            continue
        elif t.field == "entity":
            c, p = _quote_entity(t, cols, () if t.negated else dated, each)
        else:
            continue
        clauses.append(_negate(c, t.negated))
        params += p
    return clauses, params


def _narrowed(query: Query, cols: Columns) -> bool:
    """Whether a query's own terms narrow the articles before their quotes are looked at: words that must be
    there, an entity, dates (and `said:` where it is the article's date)."""
    own = ("entity", "date") if cols.said_on else ("entity", "date", "said")
    return any(not t.negated and (t.field is None or t.field in own) for t in query.terms)


def looks_at_quotes(search: str | None) -> bool:
    """Whether the Articles pane's clauses for `search` look at each article's quotes (a kind or when said,
    with no speaker to find them by): a clause that costs far more a row than the others."""
    try:
        fields = parse(search).fields if search else ()
    except QueryError:
        return False
    return any(t.field in ("kind", "said") for t in fields) and not names_a_speaker(search)


def names_a_speaker(search: str | None) -> bool:
    """Whether a search keeps the quotes of a speaker it names (`speaker:`, not left out): their articles are
    found through the speaker's quotes, gathered, never walked."""
    try:
        fields = parse(search).fields if search else ()
    except QueryError:
        return False
    return any(t.field == "speaker" and not t.negated for t in fields)


def quotes_need_article(search: str | None, cols: Columns) -> bool:
    """Whether the Quotes pane's clauses for `search` read its article (`a`): a date, a source, or `said`
    where the quotes have no date of their own."""
    if not search:
        return False
    terms = parse(search).fields
    dated = _dated_by_summary(terms, cols, said_is_article=not cols.said_on)
    fields = {t.field for t in terms if t not in dated and (t.field not in SOURCE_FIELDS or _reads_source(t, cols))}
    return bool(fields & {"date", *SOURCE_FIELDS} or ("said" in fields and not cols.said_on))


def _reads_source(term: Term, cols: Columns) -> bool:
    """Whether a `source:` term's clause reads the article's source (not when it keeps every row or none)."""
    resolved = source_clause("a.source", term, cols)
    return bool(resolved) and "a.source" in resolved[0]


def _speaker_clause(speakers: tuple[Term, ...], cols: Columns) -> tuple[list[str], list]:
    """The clause of the `speaker:` terms (each a phrase, maybe left out): the names that hold them found among the
    distinct names and their quotes read off the index by name (schema 17), else the quotes' own full-text index."""
    if not cols.speaker_names:
        return _fts_clause(speakers, "quote_fts", "q.id", column="speaker_name")
    match = fts_match(speakers)
    if match:
        return [QUOTES_OF_NAMES], [match]
    unwanted = [s for t in speakers if (s := fts_string(t))]
    if not unwanted:
        return [], []
    return [f"NOT COALESCE({QUOTES_OF_NAMES}, 0)"], [" OR ".join(unwanted)]


def _fts_clause(terms: tuple[Term, ...], fts_table: str, id_col: str, column: str) -> tuple[list[str], list]:
    match = fts_match(terms, column)
    if match:
        return [f"{id_col} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)"], [match]
    unwanted = [f"{column} : {s}" for t in terms if (s := fts_string(t))]
    if not unwanted:
        return [], []
    return [f"{id_col} NOT IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)"], [" OR ".join(unwanted)]


def _quote_entity(term: Term, cols: Columns, dated: tuple[Term, ...] = (), each: bool = False) -> tuple[str, list]:
    """Quotes spoken by or mentioning the entities a name means (said in the `dated` ranges, read off the
    summary). `each`: the summary's rows of each quote looked up (its index by quote), the entity's not gathered."""
    named, p = entities_named(term.value)
    if cols.summed:
        when, p2 = _entity_dates(dated)
        if each:
            return f"EXISTS (SELECT 1 FROM entity_quote WHERE quote = q.id AND entity IN ({named}){when})", p + p2
        return f"q.id IN (SELECT quote FROM entity_quote WHERE entity IN ({named}){when})", p + p2
    mentioning = (
        "SELECT q2.id FROM mention m JOIN quote q2 ON q2.article = m.article AND q2.start <= m.start "
        f"AND m.end <= q2.end WHERE m.entity IN ({named})"
    )
    return (
        f"(q.id IN (SELECT quote FROM quote_speaker WHERE entity IN ({named})) OR q.speaker_entity IN ({named}) "
        f"OR q.id IN ({mentioning}))",
        p * 3,
    )


def quote_query_clauses(search: str, cols: Columns, each: bool = False) -> tuple[list[str], list]:
    """The Quotes pane's WHERE clauses for a query, on `quote q` (and `article a` joined to it when
    `quotes_need_article`). `each`: for quotes checked one at a time, their words and entities looked up by
    quote (`word_clauses`, `_quote_entity`), nothing gathered."""
    query = parse(search)
    clauses, params = word_clauses(query.words, "quote_fts", "q.id", ("q.text", "q.speaker_name"), each)
    c, p = quote_part(query.fields, cols, in_article=False, each=each)
    if not clauses and not c:
        return _keeps_all(query, search), []
    if each:  # the fields first: a quote's own columns cost less to check than its words
        return c + clauses, p + params
    return clauses + c, params + p


def _keeps_all(query: Query, search: str) -> list[str]:
    """The clauses of a query whose every term keeps every row (a source no row has, left out)."""
    if not any(t.field in SOURCE_FIELDS for t in query.fields):
        raise QueryError(f"nothing to search for in {search!r}: type some words")
    return ["1"]


def _dated_by_summary(fields: tuple[Term, ...], cols: Columns, said_is_article: bool) -> tuple[Term, ...]:
    """The date terms a positive `entity:` reads off the summary's own dates (`entity_article`,
    `entity_quote`: the article's date, on their entity's index) rather than off each article row."""
    if not cols.summed or not any(t.field == "entity" and not t.negated for t in fields):
        return ()
    return tuple(t for t in fields if not t.negated and (t.field == "date" or (t.field == "said" and said_is_article)))


def _entity_dates(dated: tuple[Term, ...]) -> tuple[str, list]:
    parts, params = [], []
    for t in dated:
        c, p = date_clause("published", t)
        parts.append(" AND " + c)
        params += p
    return "".join(parts), params


_QUOTES_OF_ARTICLE = "quote q INDEXED BY idx_quote_article_start"


def article_query_clauses(search: str, cols: Columns, walking: bool = False) -> tuple[list[str], list]:
    """The Articles pane's WHERE clauses for a query (`article a`): its words, entity, source and date; the
    fields about quotes (speaker, kind, said) keep the articles with a quote that has them all. `walking`:
    for a page read off the date index, newest first."""
    query = parse(search)
    clauses, params = word_clauses(query.words, "article_fts", "a.id", ("a.title", "a.text"))
    dated = _dated_by_summary(query.fields, cols, said_is_article=not cols.said_on)
    for t in query.fields:
        if t in dated:
            continue
        if t.field == "entity":
            named, p = entities_named(t.value)
            table = "entity_article" if cols.summed else "mention"
            when, p2 = _entity_dates(dated) if not t.negated else ("", [])
            c, p = f"a.id IN (SELECT article FROM {table} WHERE entity IN ({named}){when})", p + p2
        elif t.field in SOURCE_FIELDS:
            resolved = source_clause("a.source", t, cols)
            if resolved:
                clauses.append(resolved[0])
                params += resolved[1]
            continue
        elif t.field == "date" or (t.field == "said" and not cols.said_on):  # said: the article's date
            c, p = date_clause("a.published", t)
        else:
            continue
        clauses.append(_negate(c, t.negated))
        params += p
    # A speaker's quotes (found in the full-text index) lead to their articles; so do the quotes of a kind
    # (read once) when nothing else narrows the articles first. Else each article's own quotes are looked at:
    # the articles are few, or a page is read newest first and stops early.
    speaker = any(t.field == "speaker" and not t.negated for t in query.fields)
    c, p = quote_part(query.fields, cols, in_article=True)
    if c and (speaker or not (walking or _narrowed(query, cols))):
        clauses.append(f"a.id IN (SELECT q.article FROM quote q WHERE {' AND '.join(c)})")
        params += p
    elif c:
        # (each article's quotes off the article's index: SQLite would rather walk the kind's, every quote of it
        # for each article, 38 s for an entity named in 2,000 articles at 100,000)
        clauses.append(f"EXISTS (SELECT 1 FROM {_QUOTES_OF_ARTICLE} WHERE q.article = a.id AND {' AND '.join(c)})")
        params += p
    if not clauses:
        return _keeps_all(query, search), []
    return clauses, params


def columns(conn: sqlite3.Connection) -> Columns:
    """What `conn`'s database offers a compiled query."""
    return Columns(
        summed=has_summary(conn), said_on=has_said_on(conn), speaker_names=schema_at_least(conn, SPEAKER_NAMES_VERSION)
    )


def with_sources(conn: sqlite3.Connection, cols: Columns, search: str | None) -> Columns:
    """`cols` with what the `source:` values of `search` match among the database's sources (`source_set`)."""
    try:
        terms = parse(search).fields if search else ()
    except QueryError:
        return cols  # (the compiled query says what is wrong)
    values = dict.fromkeys(t.value for t in terms if t.field in SOURCE_FIELDS)
    sources = tuple((v, kept) for v in values if (kept := source_set(conn, v)) is not None)
    return replace(cols, sources=sources) if sources else cols


def has_fields(search: str | None) -> bool:
    """Whether a search uses the language's fields (else it is words, planned as before)."""
    try:
        return bool(search) and bool(parse(search).fields)
    except QueryError:
        return False


def keeps_many(
    conn: sqlite3.Connection, source: str, where: str, params: list, total: int | None = None, costly: bool = False
) -> bool:
    """Whether the rows of `source` (its first table, `article a` or `quote q`) that `where` keeps are dense
    enough that a page of the newest is best read off the date index, keeping those that match, rather than
    by sorting them all. Walking finds a page after about PAGE / density rows, sorting costs about `total`:
    the walk wins from `total` ≈ √(PAGE × rows). With `costly` (a clause that costs far more a row than the
    others, like looking at an article's quotes), sorting pays it for every match and the walk only for the
    page: the walk wins four times sooner. `total` is the count when the caller has it; else the rows are
    counted up to that bound."""
    bound = walk_bound(conn, source.split()[0], costly)
    if total is None:
        total = run(conn, f"SELECT COUNT(*) FROM (SELECT 1 FROM {source}{where} LIMIT {bound})", params)[0][0]
    return total >= bound


PAGE_ROWS = 100  # the rows of a page the lists ask for


def about_rows(conn: sqlite3.Connection, table: str) -> int:
    """About how many rows `table` holds, off its rowid index (its greatest rowid: no count)."""
    return run(conn, f"SELECT COALESCE(MAX(rowid), 0) FROM {table}")[0][0]


def walk_bound(conn: sqlite3.Connection, table: str, costly: bool = False) -> int:
    """From how many rows kept of `table` a page of the newest is best read off the date index (`keeps_many`):
    √(PAGE_ROWS × rows), FREQUENT at least; a quarter of that with `costly`."""
    rows = about_rows(conn, table)
    if costly:
        return max(FREQUENT // 2, math.isqrt(PAGE_ROWS * rows) // 4)
    return max(FREQUENT, math.isqrt(PAGE_ROWS * rows))


# A word's articles (words alone), newest first: the date index walked for a page from √(WORD_WALK × rows)
# matches (1,000 at 100,000 articles, 3,162 at a million), not `walk_bound`'s √(PAGE_ROWS × rows). The walk reads
# the matches' ids once (cheap, off the full-text index) and then index entries until the page is full, no article
# row but the page's; sorting reads the row of every match (~2 µs each). Measured (CPU, a page of 40): at 100,000
# articles, 2,000 matches walked in ~1 ms against ~4 sorted; at a million, 8,000 in ~2 ms against ~19.
WORD_WALK = 10


def word_walk_bound(conn: sqlite3.Connection) -> int:
    """From how many articles a search of words alone finds, a page of the newest is read off the date index."""
    return max(FREQUENT // 4, math.isqrt(WORD_WALK * about_rows(conn, "article")))


def is_common(conn: sqlite3.Connection, fts_table: str, match: str, bound: int | None = None) -> bool:
    """Whether an FTS5 query matches enough rows that a page of the newest is best read off the date index
    (`bound`, by default `walk_bound` of its table; counting stops there). A fixed bound of FREQUENT had a word
    just past it walk rows / FREQUENT × a page of them: at a million articles, 20-100 times the sort it replaced."""
    bound = walk_bound(conn, fts_table.removesuffix("_fts")) if bound is None else bound
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM {fts_table} WHERE {fts_table} MATCH ? LIMIT {bound})"
    return run(conn, sql, (match,))[0][0] >= bound
