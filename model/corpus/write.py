"""Writing articles and what was extracted from them.

Writes are plain parameterised SQL. Each article is written in one transaction, so an
interrupted ingest never leaves half an article; its summary rows are redone in the same one.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from typing import TYPE_CHECKING

from model.corpus.joint import joint_name
from model.corpus.said_on import SaidOn, said_on
from model.corpus.statement_merge import speaker_part
from model.corpus.statement_refresh import MARK_ARTICLE_DIRTY, UNLINK_ARTICLE, link_quote, repart
from model.corpus.summary import summarise

if TYPE_CHECKING:  # for annotations only
    from model.records import Article, EventReport, Extraction, Quote

PIPELINE_VERSION = "15"  # bump when extraction changes so re-ingest redoes NLP (2: hard-wrapped text parsed unwrapped;
# 3: each date's event word; no publication date guessed from the text, the interval it allows instead;
# 4: event reports and their frames; 5: quotes of kind "stance", speakers on wire news;
# 6: nicknames in names, speakers carried past a relative clause, anchoring by construction;
# 7: a passive ask/tell is no report of its subject, the learned model refitted, three anchoring rules;
# 8: commitments and bodies' positions as stances, split apostrophe quotes, the learned model refitted;
# 9: speakers on wire news: a state body's country kept, "according to" ending a clause after a fragment, a name in
# apposition the recogniser missed, a spokesman for someone, what someone told a briefing, "helped" a deed;
# 10: a second speech verb going on to quoted words is the speaker's, a capital's dateline with a bare hyphen, a
# description after a dateline the parse made the subject, unnamed sources in the perfect, a light verb's event
# noun as the event, no dateline place a participant, dateline places in their case, no full stop in a name, an
# act denied or admitted as a stance, "a year earlier" from the year its sentence named, "they" after a pair,
# British spellings of cues, no event dated by a dateline's date, no stance of what the cue's object does;
# 11: a body named beside its description, an agency the parse hung on the clause before, no words of what a
# speaker was asked, a report closed by its document one record, a reported clause before a quoted predicate;
# events dated by a quarter, half or week, never by a baseline or a span's bound, a "where" clause's place;
# 12: a reported clause after a phrase of the saying ("said after the hearing she would …"), a present tagged as a
# bare verb with its own subject finite, "said at the time that …"; 13: "one of the aides" speaks as the aides, an
# "according to" report of what someone will say the reporter's; 14: a government, an embassy, state media or
# officials described by a common noun hold stances ("The Chinese foreign ministry condemned the tariffs"), a quote
# running over paragraphs the speaker's named at its end, a name the recogniser missed without its office; the
# subject of a passive an event's agent: "X is expected to arrive"; "accused X of hypocrisy" a stance; a lede's
# description the person the next paragraph names with that title; "…, without giving a date" no part of a report;
# "talks that lasted five hours on Monday" the talks' date, "held four hours of talks" the holders' talks; an
# untagged pinyin name a person: "BEIJING (Reuters) - Xi Jinping said"; a dateline's place a place, its date no one;
# 15: where a gathering attended is ("attended a summit in Tianjin") the attending's place, "the two leaders" the
# last pair named together, nations describing a subject its agents ("Russian and Chinese warships"), a happening's
# start ("began talks") the happening; anchoring: a "when" right after a date, after a comma or a preposition's
# date, dates the clause it opens; "the Dec. 21, 1988, bombing" and "his Aug. 2 power-grab" date the noun; a date a
# verb takes, gives or names "as" a time dates the event it is for ("took three months to complete"); a subject's
# relative clause takes the date between it and the verb; a name never ends in an opening bracket; "will last five
# days" a duration of "five days"; a date on a plan ("is expected to meet") the planned event's; joint datelines
# ("MOSCOW/WASHINGTON (Reuters) -"); no event of a bullet; "over the weekend" in a clause leaning back the one before;
# quotes: a body named with its country described by that country alone, a full name tagged as an organisation a person,
# a mention run over a comma a name per part, words quoted in a report closed by its document the speaker's, the one
# asked answers, a dateline of two places, a pair beside a dateline named together, a that-clause the parse made a
# relative of a phrase of the saying, an unnamed source in the perfect closing its sentence, a lede's description the
# person the next paragraph names first, another word for the same office, a demand for one noun ("called for
# restraint", "urged restraint"), "says" never a stance, a headline's compound noun no source and its unnamed source
# described, a speaker set off by the question put to them, "his counterpart", a statement signed before, an unnamed
# source's "familiar with …", "In X's words", a trailing "she said" not the subject of what it reports, a happening
# that shows something no speaker ("the visit underlined …"), "the Russian premier" the prime minister named before)

# The article's columns an ingest writes, after its `key`, in the order of `_article_values`.
ARTICLE_COLUMNS = (
    "sha256",
    "title",
    "title_basis",
    "source",
    "source_basis",
    "url",
    "published",
    "published_basis",
    "published_confidence",
    "text",
    "lang",
    "pipeline_version",
    "origin",
    "ingested_at",
    "removed",
)
_UPDATE_ARTICLE = "UPDATE article SET " + ", ".join(f"{c}=?" for c in ARTICLE_COLUMNS) + " WHERE id=?"
_INSERT_ARTICLE = (
    f"INSERT INTO article(key, {', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 1))})"
)
_INSERT_SENTENCE = "INSERT INTO sentence(article, idx, start, end) VALUES (?,?,?,?)"
_INSERT_MENTION = "INSERT INTO mention(article, entity, start, end, text, label, basis, title) VALUES (?,?,?,?,?,?,?,?)"
_INSERT_QUOTE = (
    "INSERT INTO quote(article, start, end, text, kind, cue, cue_start, cue_end, speaker_name, "
    "speaker_entity, speaker_start, speaker_end, basis, confidence, said_on, said_on_start, said_on_end, "
    "said_on_basis) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_QUOTE_SPEAKER = "INSERT OR IGNORE INTO quote_speaker(quote, entity) VALUES (?,?)"
_INSERT_EVENT_REPORT = (
    "INSERT INTO event_report(article, start, end, timex_start, timex_end, event_start, event_end, trigger, "
    "trigger_pos, value, weekday_value, basis, place_start, place_end, part) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_EVENT_ROLE = "INSERT OR IGNORE INTO event_role(report, role, article, start, end) VALUES (?,?,?,?,?)"
# A user's corrections of an article apply again once it is written again or removed (`correction_apply.replay`).
_MARK_CORRECTIONS_PENDING = "UPDATE correction SET status='pending' WHERE article_key=?"
# The years whose merged events an article's reports take part in: behind once it is written or removed.
_MARK_PARTS_DIRTY = "INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report WHERE article=?"
_INSERT_TIMEX = (
    "INSERT INTO timex(article, start, end, text, type, value, anchor, basis, sentence, value_start, "
    "value_end, uncertain, spec, event_start, event_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def utc_now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def stored_version(conn: sqlite3.Connection, key: str) -> tuple[str, str] | None:
    """(sha256, pipeline_version) of the stored article of `key`, or None: what an ingest need not redo."""
    row = conn.execute("SELECT sha256, pipeline_version FROM article WHERE key=?", (key,)).fetchone()
    return (row[0], row[1]) if row else None


class EntityCache:
    """canonical name (casefolded) -> entity id, shared across one ingest run."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.ids = {r[1].casefold(): r[0] for r in conn.execute("SELECT id, canonical FROM entity")}
        self.touched: set[int] = set()  # entities whose mentions or quotes this run added or removed

    def get(self, canonical: str, label: str, family: str | None) -> int:
        k = canonical.casefold()
        eid = self.ids.get(k)
        if eid is None:
            cur = self.conn.execute(
                "INSERT INTO entity(canonical, label, family, mentions, articles) VALUES (?,?,?,0,0)",
                (canonical, label, family),
            )
            eid = self.ids[k] = cur.lastrowid
            adopt_speakers_named(self.conn, eid, canonical)
        self.touched.add(eid)
        return eid


# Quotes whose speaker is a name no mention had made an entity when they were written (a name the recogniser
# missed: "Xi Jinping said …" at a sentence's start), found by that name on the speaker index.
_UNLINKED_BY_NAME = (
    "SELECT id, article, speaker_name FROM quote WHERE (speaker_name IS NULL) = 0 AND speaker_name = ? COLLATE NOCASE "
    "AND +speaker_entity IS NULL"
)  # (the speaker index finds the name in any case, a few rows: the name as written is kept of them, not a
# description: "the board" is no "Board". A test of the case in SQL, or on the entity column's index, had SQLite
# read every quote with no entity, for each new entity: 29 of 130 s of an ingest of 3,000 on 3,000)


def adopt_speakers_named(conn: sqlite3.Connection, eid: int, canonical: str) -> None:
    """A new entity `eid` takes the quotes already written whose speaker is its name with no entity (a quote written
    before any article made the name an entity, `_speakers`): they are its quotes, grouped with its statements and
    on its page, as if the entity had come first (inside the caller's transaction)."""
    if not all(word[:1].isupper() for word in canonical.split()):
        return  # a name is capitalised; a description it matches in lower case is someone else
    found = [(q, a) for q, a, name in conn.execute(_UNLINKED_BY_NAME, (canonical,)) if name == canonical]
    if not found:
        return
    quotes = [q for q, _ in found]
    conn.executemany("UPDATE quote SET speaker_entity=? WHERE id=?", [(eid, q) for q in quotes])
    conn.executemany(_INSERT_QUOTE_SPEAKER, [(q, eid) for q in quotes])
    repart(conn, quotes)
    articles = sorted({a for _, a in found})
    summarise(conn, ", ".join("?" * len(articles)), tuple(articles))


def write_article(conn: sqlite3.Connection, art: Article, ext: Extraction, entities: EntityCache) -> int:
    """Replace-or-insert one article and everything extracted from it, atomically."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        aid = _write_article_row(conn, art, ext, entities)
        _insert_sentences(conn, aid, ext)
        _insert_mentions(conn, aid, ext, entities)
        published, basis, _ = _publication(art, ext)
        for q in ext.quotes:
            said = said_on(q, ext.timexes, ext.sentences, art.text, published, basis)
            _insert_quote(conn, aid, q, entities, said)
        _insert_timexes(conn, aid, ext)
        _insert_event_reports(conn, aid, ext.events)
        summarise(conn, "SELECT ?", (aid,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # BEGIN may have failed (locked), or SQLite ended it (disk full), or COMMIT ran
            conn.execute("ROLLBACK")
        raise
    return aid


def _publication(art: Article, ext: Extraction) -> tuple[str | None, str | None, float | None]:
    """The date the article gives, else what extraction made of the text (a day, or none and the interval in
    the basis; also where the text contradicts a page-header date): (published, basis, confidence)."""
    if ext.published_basis:
        return ext.published, ext.published_basis, ext.published_confidence
    return art.published, art.published_basis, art.published_confidence


def _article_values(art: Article, ext: Extraction) -> tuple:
    """The values of `ARTICLE_COLUMNS` for `art`."""
    published, basis, confidence = _publication(art, ext)
    return (
        art.sha256,
        art.title,
        art.title_basis,
        art.source,
        art.source_basis,
        art.url,
        published,
        basis,
        confidence,
        art.text,
        "en",
        PIPELINE_VERSION,
        art.origin,
        utc_now(),
        json.dumps(art.removed, ensure_ascii=False),
    )


def _write_article_row(conn: sqlite3.Connection, art: Article, ext: Extraction, entities: EntityCache) -> int:
    """The article's own row: updated in place (its old children gone) when its key is stored, else inserted."""
    row = conn.execute("SELECT id FROM article WHERE key=?", (art.key,)).fetchone()
    if row is None:
        return conn.execute(_INSERT_ARTICLE, (art.key, *_article_values(art, ext))).lastrowid
    aid = row[0]
    entities.touched.update(_entities_of(conn, aid))
    _delete_children(conn, aid)
    conn.execute(_MARK_CORRECTIONS_PENDING, (art.key,))
    conn.execute(_UPDATE_ARTICLE, (*_article_values(art, ext), aid))
    return aid


def _insert_sentences(conn: sqlite3.Connection, aid: int, ext: Extraction) -> None:
    conn.executemany(_INSERT_SENTENCE, [(aid, i, s, e) for i, (s, e) in enumerate(ext.sentences)])


def _insert_mentions(conn: sqlite3.Connection, aid: int, ext: Extraction, entities: EntityCache) -> None:
    conn.executemany(
        _INSERT_MENTION,
        [
            (aid, entities.get(m.canonical, m.label, m.family), m.start, m.end, m.text, m.label, m.basis, m.title)
            for m in ext.mentions
        ],
    )


def _insert_quote(conn: sqlite3.Connection, aid: int, q: Quote, entities: EntityCache, said: SaidOn) -> None:
    """One quote, when it was said, and its speakers (a joint speaker is several entities; one alone is also
    `speaker_entity`)."""
    names, ids = _speakers(q, entities)
    single = ids[0] if len(ids) == 1 else None
    speaker_name = joint_name(names) if len(names) > 1 else q.speaker or joint_name(names)
    qid = conn.execute(
        _INSERT_QUOTE,
        (
            aid,
            q.start,
            q.end,
            q.text,
            q.kind,
            q.cue,
            q.cue_start,
            q.cue_end,
            speaker_name,
            single,
            q.speaker_start,
            q.speaker_end,
            q.basis,
            q.confidence,
            said.value,
            said.start,
            said.end,
            said.basis,
        ),
    ).lastrowid
    known = [i for i in ids if i is not None]
    conn.executemany(_INSERT_QUOTE_SPEAKER, [(qid, i) for i in known])
    link_quote(conn, qid, speaker_part(known, speaker_name, aid))


def _speakers(q: Quote, entities: EntityCache) -> tuple[list[str], list[int | None]]:
    """The quote's speakers' names and their entities (None for a name no mention made an entity)."""
    names = q.speakers or ([q.speaker] if q.speaker else [])
    ids = [entities.ids.get(n.casefold()) for n in names]
    entities.touched.update(i for i in ids if i is not None)
    return names, ids


def _insert_timexes(conn: sqlite3.Connection, aid: int, ext: Extraction) -> None:
    conn.executemany(
        _INSERT_TIMEX,
        [
            (
                aid,
                t.start,
                t.end,
                t.text,
                t.type,
                t.value,
                t.anchor,
                t.basis,
                t.sentence,
                t.value_start,
                t.value_end,
                int(t.uncertain),
                t.spec,
                t.event_start,
                t.event_end,
            )
            for t in ext.timexes
        ],
    )


def _insert_event_reports(conn: sqlite3.Connection, aid: int, reports: list[EventReport]) -> None:
    """The article's dated event reports and their frames; their years' events are marked behind."""
    for r in reports:
        place = r.place or (None, None)
        rid = conn.execute(
            _INSERT_EVENT_REPORT,
            (
                aid,
                r.start,
                r.end,
                r.timex_start,
                r.timex_end,
                r.event_start,
                r.event_end,
                r.trigger,
                r.trigger_pos,
                r.value,
                r.weekday_value,
                r.basis,
                *place,
                r.value[:4],
            ),
        ).lastrowid
        roles = [("agent", s, e) for s, e in r.agents] + [("patient", s, e) for s, e in r.patients]
        conn.executemany(_INSERT_EVENT_ROLE, [(rid, role, aid, s, e) for role, s, e in roles])
    conn.execute(_MARK_PARTS_DIRTY, (aid,))


def _entities_of(conn: sqlite3.Connection, aid: int) -> set[int]:
    """The entities an article mentions or quotes: those whose counts change when it does."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT entity FROM mention WHERE article=? UNION SELECT qs.entity FROM quote_speaker qs "
            "JOIN quote q ON q.id = qs.quote WHERE q.article=?",
            (aid, aid),
        )
    }


def _delete_children(conn: sqlite3.Connection, aid: int) -> None:
    conn.execute("DELETE FROM quote_speaker WHERE quote IN (SELECT id FROM quote WHERE article=?)", (aid,))
    conn.execute(_MARK_PARTS_DIRTY, (aid,))
    conn.execute(MARK_ARTICLE_DIRTY, (aid,))
    conn.execute(UNLINK_ARTICLE, (aid,))
    conn.execute("DELETE FROM event_role WHERE article=?", (aid,))
    conn.execute("DELETE FROM event_report WHERE article=?", (aid,))
    for table in ("quote", "timex", "mention", "sentence"):  # the summary rows: by `summarise` or the delete trigger
        conn.execute(f"DELETE FROM {table} WHERE article=?", (aid,))


def delete_article(conn: sqlite3.Connection, key: str) -> set[int]:
    """Remove one article and everything extracted from it (its corrections stay, keyed by
    its key, for when it comes back; until then they are listed as orphaned). Returns the entities it touched, for `refresh_entities`."""
    with conn:
        row = conn.execute("SELECT id FROM article WHERE key=?", (key,)).fetchone()
        if row is None:
            return set()
        return forget_article(conn, row[0], key)


def forget_article(conn: sqlite3.Connection, aid: int, key: str) -> set[int]:
    """`delete_article` of the article `aid` (of key `key`) inside the caller's transaction."""
    touched = _entities_of(conn, aid)
    _delete_children(conn, aid)
    conn.execute("DELETE FROM article WHERE id=?", (aid,))
    conn.execute(_MARK_CORRECTIONS_PENDING, (key,))
    return touched
