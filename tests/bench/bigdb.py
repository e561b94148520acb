"""A 100,000-article database from an ingested one, without NLP: copy the rows
with new keys, in SQL, until there are `target` articles.

    python -m tests.bench.bigdb SOURCE.db OUT.db [--target 100000]

Each copy k shifts every integer id (article, mention, quote, timex, …) by k times
the table's largest id and appends `~k` to the article key; every table with an
`article` (or `quote`) column is copied with it. Entities are shared, so their
counts and aliases are recomputed (`entity_refresh.refresh_entities`). The FTS5 indexes are
kept consistent by the schema's own triggers as the rows go in. Indexes of the current
`schema.create_schema` missing from the source (an older build) are created. The
per-entity summary (`summary.SUMMARY_TABLES`) is not copied but made again for all the
articles: by the upgrade `store.connect` does on a version-1 source, else by
`summary.summarise_all`. Each copied quote joins its source quote's statement, as an ingest of
the copies would group it (the same words of the same speaker, the statement's id from its
first article by key: the source's); the statements' counts, outlets and wordings' places are
then made again from the rows (`restate`).
"""

from __future__ import annotations

import argparse
import sqlite3
import time

from model.corpus import entity_refresh, schema, statement_facts, store, summary

SKIP = {"article", "entity", "alias", "override", "correction", "review_answer", *summary.SUMMARY_TABLES}
EVENT_COLS = ("id", "part", "value", "summary", "trigger", "participants", "place", "readings", "conflict", "reports")


def _tables(conn) -> list[str]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return [n for n in names if not n.startswith("sqlite_") and "_fts" not in n]


def _cols(conn, table: str) -> list[tuple[str, int]]:
    return [(r[1], r[5]) for r in conn.execute(f"PRAGMA table_info({table})")]  # (name, pk position)


def build(source: str, out: str, target: int = 100_000, log=print) -> dict:
    t0 = time.perf_counter()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(out)
    src.backup(dst)  # a consistent snapshot, even of a database an ingest is still writing
    src.close()
    dst.close()
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    base = conn.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    if base == 0:
        raise SystemExit(f"{source} has no articles")
    shift = {
        t: (conn.execute(f"SELECT MAX(id) FROM {t}").fetchone()[0] or 0)
        for t in _tables(conn)
        if ("id", 1) in _cols(conn, t)
    }
    a_shift, q_shift = shift["article"], shift.get("quote", 0)
    art_cols = [c for c, _ in _cols(conn, "article")]
    children = [t for t in _tables(conn) if t not in SKIP and any(c in ("article", "quote") for c, _ in _cols(conn, t))]
    total, k = base, 0
    conn.execute("BEGIN")
    while total < target:
        k += 1
        n = min(base, target - total)
        conn.execute("DROP TABLE IF EXISTS temp.pick")
        conn.execute(
            "CREATE TEMP TABLE pick AS SELECT id FROM main.article WHERE key NOT LIKE '%~%' ORDER BY id LIMIT ?", (n,)
        )
        exprs = [f"id + {k * a_shift}" if c == "id" else f"key || '~{k}'" if c == "key" else c for c in art_cols]
        conn.execute(
            f"INSERT INTO article({', '.join(art_cols)}) SELECT {', '.join(exprs)} FROM article "
            "WHERE id IN (SELECT id FROM temp.pick)"
        )
        for t in children:
            cols = [c for c, _ in _cols(conn, t)]
            exprs = []
            for c in cols:
                if c == "id":
                    exprs.append(f"id + {k * shift[t]}")
                elif c == "article":
                    exprs.append(f"article + {k * a_shift}")
                elif c == "quote":
                    exprs.append(f"quote + {k * q_shift}")
                elif t == "event_role" and c == "report":
                    exprs.append(f"report + {k * shift['event_report']}")
                elif t == "event_report" and c == "event":
                    exprs.append(f"event || '~{k}'")  # the copy's own event (copied below)
                else:
                    exprs.append(f'"{c}"')
            where = (
                "article IN (SELECT id FROM temp.pick)"
                if "article" in cols
                else "quote IN (SELECT id FROM quote WHERE article IN (SELECT id FROM temp.pick))"
            )
            conn.execute(
                f"INSERT INTO {t}({', '.join(chr(34) + c + chr(34) for c in cols)}) "
                f"SELECT {', '.join(exprs)} FROM {t} WHERE {where}"
            )
        _copy_events(conn, k)
        total += n
        log(f"bigdb: copy {k}: {total:,} articles ({time.perf_counter() - t0:.0f} s)")
    conn.execute("COMMIT")
    summarised = (
        conn.execute("PRAGMA user_version").fetchone()[0] >= store.SUMMARY_VERSION
    )  # else the upgrade below makes it

    # Indexes the current schema has and the source database (made by an older build) lacks
    # (those of tables or columns it lacks come with the upgrade that adds them: SQLite would take a
    # missing column's quoted name for a string and index that).
    fresh = sqlite3.connect(":memory:")
    schema.create_schema(fresh)
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'table')")}
    added = []
    for name, table, sql in fresh.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
    ):
        columns = {r[2] for r in fresh.execute(f"PRAGMA index_info({name})")}
        if name not in have and table in have and columns <= {c for c, _ in _cols(conn, table)}:
            conn.execute(sql)
            added.append(name)
    fresh.close()

    def upgrading(done: int, total: int) -> None:
        if done % 25_000 == 0 or done == total:
            log(f"bigdb: per-entity summary, {done:,}/{total:,} articles ({time.perf_counter() - t0:.0f} s)")

    sconn = store.connect(out, progress=upgrading)
    if summarised:
        with sconn:
            summary.summarise_all(sconn)
    entity_refresh.refresh_entities(sconn)
    restate(sconn)
    sconn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {t: sconn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ["article", *children, "entity"]}
    fts = sconn.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0]
    sconn.close()
    conn.close()
    assert counts["article"] == target and fts == target, (counts, fts)
    return {"seconds": time.perf_counter() - t0, "copies": k, "counts": counts, "indexes_added": added}


# A statement's counts from its wordings, as `statement_merge.statement_of` makes them: its quotes, its articles,
# and its outlets (distinct sources, written alike; each article with none an outlet of its own).
_STATEMENT_COUNTS = """
UPDATE statement SET quotes = c.quotes, articles = c.articles, outlets = c.known + c.unknown FROM (
  SELECT qs.statement AS id, COUNT(*) AS quotes, COUNT(DISTINCT q.article) AS articles,
    COUNT(DISTINCT CASE WHEN trim(a.source) <> '' THEN lower(trim(a.source)) END) AS known,
    COUNT(DISTINCT CASE WHEN a.source IS NULL OR trim(a.source) = '' THEN a.id END) AS unknown
  FROM quote_statement qs JOIN quote q ON q.id = qs.quote JOIN article a ON a.id = q.article
  WHERE qs.statement IS NOT NULL GROUP BY qs.statement
) c WHERE statement.id = c.id
"""


def restate(conn) -> None:
    """The statements of a copied corpus made again from its rows, in one transaction: each statement's counts
    (its copies' quotes, articles and outlets) and its wordings' places and outlets (`schema.fill_statement_pages`).
    An ingest of the copies would differ in one thing only: the fullest wording, of the same words, is the copy with
    the greatest article key rather than the source's quote."""
    if "statement" not in _tables(conn):
        return
    with conn:
        conn.execute(_STATEMENT_COUNTS)
        if conn.execute("PRAGMA user_version").fetchone()[0] >= schema.STATEMENT_PAGE_VERSION:
            schema.fill_statement_pages(conn)
        if conn.execute("PRAGMA user_version").fetchone()[0] >= schema.STATEMENT_FACTS_VERSION:
            statement_facts.fill_statement_facts(conn)


def _copy_events(conn, k: int) -> None:
    """The merged events of copy `k`'s reports, each a copy of its source event under the id its reports name."""
    if "event" not in _tables(conn):
        return
    cols = ", ".join(EVENT_COLS)
    exprs = ", ".join(f"id || '~{k}'" if c == "id" else c for c in EVENT_COLS)
    conn.execute(
        f"INSERT INTO event({cols}) SELECT {exprs} FROM event WHERE id IN "
        f"(SELECT substr(event, 1, length(event) - {len(str(k)) + 1}) FROM event_report WHERE event LIKE '%~{k}')"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--target", type=int, default=100_000)
    args = ap.parse_args()
    print(build(args.source, args.out, args.target))


if __name__ == "__main__":
    main()
