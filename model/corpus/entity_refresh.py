"""Corpus-wide entity upkeep after an ingest: merge surname-only people and bodies named with their country,
recount, relabel.

An article resolves a family name to a full name only within itself; here a one-word person
joins the one full name with that family name across the whole corpus, when there is exactly one.
Likewise an organisation named with a country at its head ("US State Department") joins the one
named without it ("State Department") when that country is the only one the corpus writes before
the name, and the forms of one country ("China's Foreign Ministry", "Chinese Foreign Ministry") join.
Then the entities an ingest touched get their aliases, counts and labels again, and orphans go.
The transaction that commits it also clears the corpus's stale mark (`model.corpus.staleness`):
`rebuild_entities` redoes it for every entity, from the articles' rows, after an ingest that died.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from model.bodies import country_prefix
from model.corpus import staleness
from model.corpus.joint import joint_name, members
from model.corpus.statement_refresh import repart
from model.corpus.summary import summarise
from model.lexicon.entity_names import FORMAL_NAMES

# What a merge appends to the basis of each mention it moved (`_merge`): a family name, a body named with its country.
FAMILY_MERGED = "family name unique in corpus"
BODY_MERGED = "named with its country"
FORMAL = {canonical.casefold() for canonical, _label, _forms in FORMAL_NAMES}  # the gazetteer's names of bodies
_SOME = "entity IN (SELECT id FROM refresh_ids)"  # the entities this refresh is about (a temp table)


@dataclass
class Refresh:
    """What a refresh did."""

    entities: int = 0  # entities it was about
    merged: int = 0  # family names merged into the one full name of that family, bodies into the one without country
    dropped: int = 0  # entities left with no mention and no quote
    changed: int = 0  # entities whose counts, label or aliases it changed (counted by `rebuild_entities` only)


def refresh_entities(conn: sqlite3.Connection, touched: set[int] | None = None, merge: bool = True) -> Refresh:
    """After an ingest: merge surname-only people into the unique full name they stand for
    across the corpus, recount mentions and articles, rebuild aliases and labels, drop orphans —
    for the entities an ingest `touched` (its EntityCache.touched), or for all with None. A small
    addition to a large corpus then costs little. The corpus's stale mark is cleared in the same
    transaction: call it with `touched` only when the mark is this ingest's own. Without `merge` (a
    part of a corpus, merged later: `sinorus-tui merge`), family names and bodies stay as their articles
    name them and the mark of the merges stays."""
    with conn:
        done = _refresh(conn, touched, merge)
        staleness.clear(conn, staleness.ALL if merge else (staleness.COUNTS,))
    return done


def rebuild_entities(conn: sqlite3.Connection, merge: bool = True) -> Refresh:
    """The corpus-wide state of every entity redone from the articles' rows (an ingest that died before its
    refresh committed, `sinorus-tui repair`), and the stale marks cleared, in one transaction. Without
    `merge`, family names are left as they are and their mark stays (`staleness`: a reader's rebuild)."""
    with conn:
        _snapshot(conn)
        done = _refresh(conn, None, merge)
        done.changed = _changed_since_snapshot(conn)
        staleness.clear(conn, staleness.ALL if merge else (staleness.COUNTS,))
    return done


def _refresh(conn: sqlite3.Connection, touched: set[int] | None, merge: bool = True) -> Refresh:
    _choose(conn, touched)
    done = Refresh(entities=conn.execute("SELECT COUNT(*) FROM refresh_ids").fetchone()[0])
    done.merged = (_merge_surnames(conn) + _merge_bodies_by_country(conn)) if merge else 0
    _rebuild_aliases(conn)
    _recount(conn)
    _relabel(conn)
    done.dropped = _drop_orphans(conn)
    return done


def recount_entities(conn: sqlite3.Connection, ids: set[int]) -> Refresh:
    """Aliases, counts and labels of the entities `ids` again, and those left without mentions or quotes
    dropped, inside the caller's transaction; no family names merged (a user's corrections move mentions)."""
    return _refresh(conn, ids, merge=False)


# An entity's corpus-wide state in one row: counts, label and aliases.
_STATE = (
    "SELECT e.id, e.mentions, e.articles, e.label, (SELECT group_concat(alias || '=' || count, '|') FROM "
    "(SELECT alias, count FROM alias WHERE entity = e.id ORDER BY alias)) AS aliases FROM entity e"
)


def _snapshot(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.state_before")
    conn.execute(f"CREATE TEMP TABLE state_before AS {_STATE}")


def _changed_since_snapshot(conn: sqlite3.Connection) -> int:
    """Entities whose state differs from the snapshot's (a merged or dropped one counts as changed)."""
    n = conn.execute(f"SELECT COUNT(*) FROM (SELECT * FROM temp.state_before EXCEPT {_STATE})").fetchone()[0]
    conn.execute("DROP TABLE temp.state_before")
    return n


def _choose(conn: sqlite3.Connection, touched: set[int] | None) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS refresh_ids(id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM refresh_ids")
    if touched is None:
        conn.execute("INSERT INTO refresh_ids SELECT id FROM entity")
    else:
        conn.executemany("INSERT OR IGNORE INTO refresh_ids VALUES (?)", [(i,) for i in touched])


def _rebuild_aliases(conn: sqlite3.Connection) -> None:
    """Every text a mention names the entity by, and with its title ("President Putin")."""
    conn.execute(f"DELETE FROM alias WHERE {_SOME}")
    conn.execute(
        f"INSERT INTO alias(entity, alias, count) SELECT entity, text, COUNT(*) FROM mention "
        f"WHERE {_SOME} GROUP BY entity, text"
    )
    conn.execute(
        f"INSERT OR IGNORE INTO alias(entity, alias, count) SELECT entity, title || ' ' || text, "
        f"COUNT(*) FROM mention WHERE title IS NOT NULL AND {_SOME} GROUP BY entity, title || ' ' || text"
    )


def _recount(conn: sqlite3.Connection) -> None:
    conn.execute(
        "UPDATE entity SET mentions=(SELECT COUNT(*) FROM mention WHERE mention.entity=entity.id), "
        "articles=(SELECT COUNT(DISTINCT article) FROM mention WHERE mention.entity=entity.id) "
        "WHERE id IN (SELECT id FROM refresh_ids)"
    )


def _relabel(conn: sqlite3.Connection) -> None:
    """The label is the one most mentions carry."""
    labels: dict[int, Counter] = {}
    for eid, label, n in conn.execute(
        f"SELECT entity, label, COUNT(*) FROM mention WHERE {_SOME} GROUP BY entity, label"
    ):
        labels.setdefault(eid, Counter())[label] = n
    conn.executemany(
        "UPDATE entity SET label=? WHERE id=?", [(c.most_common(1)[0][0], eid) for eid, c in labels.items()]
    )
    if _has_corrections(conn):  # the type a user set stays (`model.corpus.correction_apply`)
        conn.execute(
            "UPDATE entity SET label=(SELECT json_extract(c.value, '$.label') FROM correction c WHERE "
            "c.kind='entity_type' AND json_extract(c.target, '$.entity') = entity.canonical COLLATE NOCASE "
            "ORDER BY c.id DESC LIMIT 1) WHERE id IN (SELECT id FROM refresh_ids) AND EXISTS (SELECT 1 FROM "
            "correction c WHERE c.kind='entity_type' AND json_extract(c.target, '$.entity') = entity.canonical "
            "COLLATE NOCASE)"
        )


def _has_corrections(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='correction'").fetchone())


def _split_off(conn: sqlite3.Connection) -> set[str]:
    """Names (casefolded) a user split an alias off into or renamed an entity to: never merged back by family name."""
    if not _has_corrections(conn):
        return set()
    return {
        (r[0] or "").casefold()
        for r in conn.execute(
            "SELECT COALESCE(json_extract(value, '$.into'), json_extract(value, '$.name')) FROM correction "
            "WHERE kind IN ('entity_split', 'entity_rename')"
        )
    }


def _drop_orphans(conn: sqlite3.Connection) -> int:
    """An entity no mention names and no quote has as its speaker."""
    return conn.execute(
        "DELETE FROM entity WHERE mentions=0 AND id IN (SELECT id FROM refresh_ids) "
        "AND id NOT IN (SELECT entity FROM quote_speaker) "
        "AND id NOT IN (SELECT speaker_entity FROM quote WHERE speaker_entity IS NOT NULL)"
    ).rowcount


def _merge_surnames(conn: sqlite3.Connection) -> int:
    """A person entity named by one word (a family name no article resolved) joins the one
    corpus person with that family name, when there is exactly one."""
    # Candidates: one-word people this run touched, and older ones a full name it touched may now resolve.
    singles = conn.execute(
        "SELECT id, canonical FROM entity WHERE label='PERSON' AND canonical NOT LIKE '% %' AND "
        "(id IN (SELECT id FROM refresh_ids) OR canonical COLLATE NOCASE IN (SELECT family FROM entity "
        "WHERE id IN (SELECT id FROM refresh_ids) AND label='PERSON' AND canonical LIKE '% %'))"
    ).fetchall()
    merged = 0
    kept = _split_off(conn)
    for sid, name in singles:
        if name.casefold() in kept:
            continue
        full = conn.execute(
            "SELECT id FROM entity WHERE label='PERSON' AND canonical LIKE '% %' AND family=? COLLATE NOCASE", (name,)
        ).fetchall()
        if len(full) == 1:
            _merge(conn, sid, full[0][0], name)
            merged += 1
    return merged


def _merge_bodies_by_country(conn: sqlite3.Connection) -> int:
    """An organisation named with a country at its head joins the organisation named by the rest of its name, when
    that is the only country the corpus writes before that name (the bare name is unambiguous); with more than one
    country, the forms of each country join the one named most often ("China's X" and "Chinese X"), and the bare
    name stays apart. Names of the gazetteer and names a user split off or renamed to are never merged away."""
    kept = _split_off(conn)
    bodies = conn.execute("SELECT id, canonical, mentions FROM entity WHERE label='ORG'").fetchall()
    by_name = {name.casefold(): (eid, name) for eid, name, _n in bodies}
    named: dict[str, dict[str, list[tuple[int, str, int]]]] = {}  # bare name -> country -> (id, name, mentions)
    for eid, name, n in bodies:
        found = country_prefix(name) if name.casefold() not in kept else None
        if found:
            named.setdefault(found[1].casefold(), {}).setdefault(found[0], []).append((eid, name, n))
    merged = 0
    for bare, countries in named.items():
        target = by_name.get(bare) if len(countries) == 1 and bare not in kept else None
        for forms in countries.values():
            formal = [f[:2] for f in forms if f[1].casefold() in FORMAL]  # "Chinese Communist Party" stays itself
            into = (formal or [target])[0] or max(forms, key=lambda f: (f[2], f[1]))[:2]
            for eid, name, _n in forms:
                if eid != into[0]:
                    _merge(conn, eid, into[0], name, f"the body {into[1]}, {BODY_MERGED}")
                    merged += 1
    return merged


def _merge(conn: sqlite3.Connection, sid: int, fid: int, name: str, why: str = FAMILY_MERGED) -> None:
    """Entity `sid` (named `name`) becomes entity `fid` everywhere; its articles' summaries are redone. `why` is
    added to the basis of each mention moved."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merged_articles(id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM merged_articles")
    conn.execute(
        "INSERT INTO merged_articles SELECT article FROM mention WHERE entity=? UNION "
        "SELECT article FROM quote WHERE speaker_entity=? UNION SELECT q.article FROM quote_speaker qs "
        "JOIN quote q ON q.id = qs.quote WHERE qs.entity=?",
        (sid, sid, sid),
    )
    conn.execute("UPDATE mention SET entity=?, basis=basis || '; ' || ? WHERE entity=?", (fid, why, sid))
    conn.execute(
        "UPDATE quote SET speaker_entity=?, speaker_name=(SELECT canonical FROM entity WHERE id=?) "
        "WHERE speaker_entity=?",
        (fid, fid, sid),
    )
    _rename_joint(conn, sid, fid, name)
    conn.execute(  # the events of those articles name their participants by the full name now
        "INSERT OR IGNORE INTO event_dirty(part) SELECT DISTINCT part FROM event_report "
        "WHERE article IN (SELECT id FROM temp.merged_articles)"
    )
    spoken = [r[0] for r in conn.execute("SELECT quote FROM quote_speaker WHERE entity=?", (sid,))]
    conn.execute("UPDATE OR IGNORE quote_speaker SET entity=? WHERE entity=?", (fid, sid))
    conn.execute("DELETE FROM quote_speaker WHERE entity=?", (sid,))
    repart(conn, spoken)  # its quotes are the full name's now: grouped with that speaker's
    conn.execute("DELETE FROM alias WHERE entity=?", (sid,))
    conn.execute("DELETE FROM entity WHERE id=?", (sid,))
    conn.execute("INSERT OR IGNORE INTO refresh_ids VALUES (?)", (fid,))
    summarise(conn, "SELECT id FROM temp.merged_articles")


def _rename_joint(conn: sqlite3.Connection, sid: int, fid: int, name: str) -> None:
    """A joint speaker ("Xi Jinping; Putin") names each member by its canonical entity: the one-word name merged
    into a full name is replaced there too ("Vladimir Putin; Xi Jinping", in canonical order: `model.corpus.joint`)."""
    full = conn.execute("SELECT canonical FROM entity WHERE id=?", (fid,)).fetchone()[0]
    for qid, joint in conn.execute(
        "SELECT q.id, q.speaker_name FROM quote q JOIN quote_speaker qs ON qs.quote = q.id "
        "WHERE qs.entity=? AND q.speaker_entity IS NULL",
        (sid,),
    ).fetchall():
        parts = [full if p.casefold() == name.casefold() else p for p in members(joint)]
        conn.execute("UPDATE quote SET speaker_name=? WHERE id=?", (joint_name(parts), qid))
