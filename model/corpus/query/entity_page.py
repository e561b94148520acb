"""One entity's page: aliases, mentions in context, quotes by and about it, the events it takes part in, its dated
sentences, co-occurring entities."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import NamedTuple

from model.corpus.query.base import FREQUENT, has_summary, quote_cols, run
from model.corpus.query.entities import entity
from model.corpus.query.event_list import entity_merged_events
from model.corpus.query.quotes import QUOTES_MENTIONING, entity_quotes, quote_where, quotes, summed_quotes
from model.corpus.query.rows import EntityPage, EntityRow, Filters, Kwic, QuoteRow, quote_row
from model.corpus.query.timeline import entity_events, event_where, events

COOCCUR_ARTICLES = 500  # co-occurrence is counted over the entity's latest articles only
PAGE_COUNT_CAP = 200  # entity-page totals stop counting here ("200" reads "200 or more")

# An article's month, for the page's sparklines: a date that does not start YYYY-MM (undated, a bare year) is
# left out of them. They count the entity's latest MONTHS_ROWS articles (quotes) only, so that the page of one
# in every article still opens at once (a range of an index read newest first, stopped there).
MONTHS_ROWS = 10_000
_MONTH = "substr({col}, 1, 7)"
_HAS_MONTH = "{col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]*'"


def _capped(conn: sqlite3.Connection, table: str, where: str, params: list) -> int:
    return run(conn, f"SELECT COUNT(*) FROM (SELECT 1 FROM {table}{where} LIMIT {PAGE_COUNT_CAP})", params)[0][0]


class _Sections(NamedTuple):
    """The sections of a page read one way or the other (with the summary or by joins)."""

    quotes_about_total: int
    quotes_about: list[QuoteRow]
    quotes_by_total: int
    events_total: int
    cooccurring: list[tuple]  # (id, canonical, label, mentions, articles, articles shared)


def entity_page(conn: sqlite3.Connection, entity_id: int, limit: int = 50, context: int = 40) -> EntityPage | None:
    """Everything about one entity, each section cut at `limit` rows. With the per-entity summary
    (schema 2) each section is a range of one of its indexes; without it, joins of the entity's rows."""
    head = entity_page_head(conn, entity_id, limit, context)
    return entity_page_rest(conn, head, limit) if head is not None else None


def entity_page_head(conn: sqlite3.Connection, entity_id: int, limit: int = 50, context: int = 40) -> EntityPage | None:
    """The top of an entity's page, what its first screen shows: the entity, its aliases, its months and its
    mentions in context (`limit` of them). The sections below are left empty, for `entity_page_rest`."""
    ent = entity(conn, entity_id)
    if ent is None:
        return None
    summed = has_summary(conn)
    return EntityPage(
        entity=ent,
        aliases=_aliases(conn, entity_id),
        mentions=_mentions_in_context(conn, ent, summed, limit, context),
        quotes_by=[],
        quotes_by_total=0,
        quotes_about=[],
        quotes_about_total=0,
        events=[],
        events_total=0,
        cooccurring=[],
        mentioned_months=mentioned_months(conn, entity_id, summed),
        spoke_months=spoke_months(conn, entity_id, summed),
        complete=False,
    )


def entity_page_rest(conn: sqlite3.Connection, head: EntityPage, limit: int = 50) -> EntityPage:
    """`head` (`entity_page_head`) with the sections below its mentions read: the quotes by it and about it,
    the events it takes part in, its dated sentences and who appears with it."""
    if head.complete:
        return head
    entity_id = head.entity.id
    by = Filters(speaker=entity_id)
    ev = Filters(entity=entity_id)
    sections = (_summed_sections if has_summary(conn) else _joined_sections)(conn, entity_id, by, ev, limit)
    merged, merged_total = entity_merged_events(conn, entity_id, limit, PAGE_COUNT_CAP)
    return replace(
        head,
        quotes_by=quotes(conn, by, limit=limit),
        quotes_by_total=sections.quotes_by_total,
        quotes_about=sections.quotes_about,
        quotes_about_total=sections.quotes_about_total,
        events=events(conn, ev, limit=limit),
        events_total=sections.events_total,
        cooccurring=[(EntityRow(*r[:5]), r[5]) for r in sections.cooccurring],
        merged_events=merged,
        merged_events_total=merged_total,
        complete=True,
    )


def _by_month(conn: sqlite3.Connection, rows: str, params: list) -> list[tuple[str, int]]:
    """(YYYY-MM, rows) of `rows` (a SELECT of `published`, one row per thing counted, newest first, limited)."""
    return [
        (m, n)
        for m, n in run(
            conn,
            f"SELECT {_MONTH.format(col='published')} AS month, COUNT(*) FROM ({rows}) GROUP BY month ORDER BY month",
            [*params, MONTHS_ROWS],
        )
    ]


def mentioned_months(conn: sqlite3.Connection, entity_id: int, summed: bool | None = None) -> list[tuple[str, int]]:
    """(YYYY-MM, articles that mention the entity) for each month of its latest `MONTHS_ROWS` dated articles, in
    order: with the summary, a range of the covering index `idx_entity_article_published`, read newest first."""
    dated = _HAS_MONTH.format(col="published")
    if summed if summed is not None else has_summary(conn):
        rows = (
            "SELECT published FROM entity_article INDEXED BY idx_entity_article_published "
            f"WHERE entity = ? AND {dated} ORDER BY published DESC LIMIT ?"
        )
    else:
        rows = (
            "SELECT DISTINCT a.id, a.published FROM mention m JOIN article a ON a.id = m.article "
            f"WHERE m.entity = ? AND a.{dated} ORDER BY a.published DESC LIMIT ?"
        )
    return _by_month(conn, rows, [entity_id])


def spoke_months(conn: sqlite3.Connection, entity_id: int, summed: bool | None = None) -> list[tuple[str, int]]:
    """(YYYY-MM, quotes it speaks) for each month of its latest `MONTHS_ROWS` quotes in dated articles, in order:
    with the summary, a range of the covering index `idx_entity_quote_speaks`, read newest first."""
    dated = _HAS_MONTH.format(col="published")
    if summed if summed is not None else has_summary(conn):
        rows = (
            "SELECT published FROM entity_quote INDEXED BY idx_entity_quote_speaks "
            f"WHERE entity = ? AND speaks = 1 AND {dated} ORDER BY published DESC LIMIT ?"
        )
        return _by_month(conn, rows, [entity_id])
    where, params = quote_where(Filters(speaker=entity_id))
    rows = (
        f"SELECT a.published FROM quote q JOIN article a ON a.id = q.article{where} AND a.{dated} "
        "ORDER BY a.published DESC LIMIT ?"
    )
    return _by_month(conn, rows, params)


def _aliases(conn: sqlite3.Connection, entity_id: int) -> list[tuple[str, int]]:
    return [
        (r[0], r[1])
        for r in run(
            conn, "SELECT alias, count FROM alias WHERE entity=? ORDER BY count DESC, alias LIMIT 100", (entity_id,)
        )
    ]


def _mentions_in_context(
    conn: sqlite3.Connection, ent: EntityRow, summed: bool, limit: int, context: int
) -> list[Kwic]:
    """The entity's mentions, newest articles first, each with `context` characters either side on its line."""
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
    for aid, title, pub, start, end, left, text, right in run(
        conn,
        f"WITH page AS (SELECT m.id, row_number() OVER (ORDER BY {mention_order}) "
        f"AS n FROM {mention_from} ORDER BY {mention_order} LIMIT ?) "
        "SELECT m.article, a.title, a.published, m.start, m.end, "
        "substr(a.text, max(m.start - ?, 0) + 1, m.start - max(m.start - ?, 0)), m.text, "
        "substr(a.text, m.end + 1, ?) FROM page JOIN mention m ON m.id = page.id "
        "JOIN article a ON a.id = m.article ORDER BY page.n",
        (ent.id, limit, context, context, context),
    ):
        left = left.rsplit("\n", 1)[-1]
        right = right.split("\n", 1)[0]
        mentions.append(Kwic(aid, title, pub, start, end, left, text, right))
    return mentions


def _summed_sections(conn: sqlite3.Connection, entity_id: int, by: Filters, ev: Filters, limit: int) -> _Sections:
    """With the per-entity summary: each a range of one of its indexes."""
    about_where = " WHERE e.entity = ? AND e.speaks = 0"
    about_total = _capped(conn, "entity_quote e", about_where, [entity_id])
    about = summed_quotes(conn, about_where, [entity_id], 0, limit)
    by_total = _capped(conn, "entity_quote e", *entity_quotes(conn, by))
    events_total = _capped(conn, "entity_event t", *entity_events(conn, ev))
    # co-occurrence over its latest articles: the summary has one row per entity and article
    co = run(
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
    return _Sections(about_total, about, by_total, events_total, co)


def _joined_sections(conn: sqlite3.Connection, entity_id: int, by: Filters, ev: Filters, limit: int) -> _Sections:
    """Without the summary (a version-1 database): joins of the entity's rows."""
    about_total, about = _quotes_about_joined(conn, entity_id, limit)
    by_total = _capped(conn, "quote q", *quote_where(by))
    events_total = _capped(conn, "timex t", *event_where(ev))
    # Over the latest articles only, so a page for "China" in a huge corpus still opens at once.
    co = run(
        conn,
        f"WITH arts AS (SELECT DISTINCT article FROM mention WHERE entity = ? "
        f"ORDER BY article DESC LIMIT {COOCCUR_ARTICLES}) "
        "SELECT e.id, e.canonical, e.label, e.mentions, e.articles, COUNT(DISTINCT m.article) AS n "
        "FROM mention m JOIN entity e ON e.id = m.entity "
        "WHERE m.article IN (SELECT article FROM arts) AND m.entity <> ? "
        "GROUP BY e.id ORDER BY n DESC, e.mentions DESC LIMIT 20",
        (entity_id, entity_id),
    )
    return _Sections(about_total, about, by_total, events_total, co)


def _quotes_about_joined(conn: sqlite3.Connection, entity_id: int, limit: int) -> tuple[int, list[QuoteRow]]:
    """Quotes mentioning an entity it does not speak, without the summary: (count up to the cap, first page)."""
    not_by = "AND q.id NOT IN (SELECT quote FROM quote_speaker WHERE entity = ?) AND q.speaker_entity IS NOT ?"
    # counted from the entity's mentions, each looked up in its article's quotes, up to the cap
    about_total = run(
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
        about_where = f"FROM quote q JOIN article a ON a.id = q.article WHERE q.id IN ({QUOTES_MENTIONING}) {not_by}"
    about = [
        quote_row(r)
        for r in run(
            conn,
            f"SELECT {quote_cols(conn)} {about_where} ORDER BY a.published DESC, q.article DESC, q.start LIMIT ?",
            (entity_id, entity_id, entity_id, limit),
        )
    ]
    return about_total, about
