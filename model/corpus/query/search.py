"""A user's search: its words for FTS5, CJK words matched as substrings, the clauses they make."""

from __future__ import annotations

import re
import sqlite3

from model.corpus.query.base import FREQUENT, QueryError, run
from model.corpus.query.rows import Filters

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


# Chinese, Japanese and Korean runs have no spaces: FTS5's unicode61 tokenizer indexes a whole run as one
# token, so a word inside it ("关系" in "中俄关系") is matched as a substring instead (a scan; rare).
# (Ranges compared in code: the equivalent character class takes ~5 ms to compile, at every start-up.)
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xAC00, 0xD7AF))


def is_cjk(word: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in word for lo, hi in _CJK_RANGES)


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
    """WHERE clauses (and their parameters) for a user's search over one table."""
    clauses, params = [], []
    fts_words, cjk_words = search_words(search)
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


def fts_only(f: Filters, **others) -> str | None:
    """The FTS5 query when `f` is a search and nothing else (and no word needs the CJK substring
    match): such a filter is counted on the full-text index alone, with no row lookups."""
    if not f.search or any(others.values()):
        return None
    fts_words, cjk_words = search_words(f.search)
    return None if cjk_words else fts_escape(" ".join(fts_words))


def is_common(conn: sqlite3.Connection, fts_table: str, match: str) -> bool:
    """Whether an FTS5 query matches FREQUENT rows or more (counting stops there)."""
    return (
        run(
            conn,
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {fts_table} WHERE {fts_table} MATCH ? LIMIT {FREQUENT})",
            (match,),
        )[0][0]
        >= FREQUENT
    )
