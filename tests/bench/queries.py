"""The read API on the big database, query by query: what each pane and page costs,
for the most-mentioned entities (the worst case of every entity filter).

    python -m tests.bench.queries DB [--entities 3]
    python -m tests.bench.queries DB --spread 60    # p50/p95 of each entity query over 60 entities
    python -m tests.bench.queries DB --fielded 25   # p50/p95 of what a fielded search costs each pane

Wall time of each `model.corpus.query` call in one thread (SQLite does the work in the
calling thread). Prints one JSON line. With `--spread N` (diagnosis): each entity
query, and each of a navigation step's calls, over N entities of every frequency
(ranks spaced evenly on a log scale, the most mentioned first) and the search words:
p50, p95 and max of wall and thread CPU time in ms. With `--fielded N`: N queries of the search language
(`fielded_queries`: speakers, entities, phrases, dates and exclusions drawn from the database), each
pane's count and first page, p50/p95/max in ms.
"""

from __future__ import annotations

import argparse
import json
import math
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--entities", type=int, default=3)
    ap.add_argument("--spread", type=int, default=0, help="p50/p95 over this many entities of all frequencies")
    ap.add_argument("--fielded", type=int, default=0, help="p50/p95 over this many queries of the search language")
    args = ap.parse_args()
    if args.fielded:
        print(json.dumps(fielded(args.db, args.fielded)))
        return
    if args.spread:
        print(json.dumps(spread(args.db, args.spread)))
        return

    from model.corpus import query as q

    F = q.Filters
    conn = q.connect(args.db)
    out: dict[str, float] = {}

    def t(name, fn):
        t0 = time.perf_counter()
        r = fn()
        out[name] = round((time.perf_counter() - t0) * 1000, 1)
        return r

    first = t("articles page", lambda: q.articles(conn, F(), "date", 0, 100))
    t("count_articles", lambda: q.count_articles(conn))
    t("count_entities", lambda: q.count_entities(conn))
    t("entities page", lambda: q.entities(conn, F(), 0, 100))
    t("count_events", lambda: q.count_events(conn))
    t("events page", lambda: q.events(conn, F(), 0, 100))
    t("count_quotes", lambda: q.count_quotes(conn))
    t("quotes page", lambda: q.quotes(conn, F(), "date", 0, 100))
    t("labels", lambda: q.labels(conn))
    if first:
        aid = first[0].id
        t("get_article", lambda: q.get_article(conn, aid))
        t("count_events, article", lambda: q.count_events(conn, F(article=aid)))
        t("count_quotes, article", lambda: q.count_quotes(conn, F(article=aid)))
    t("event_position", lambda: q.event_position(conn, F(), "1987-04-01"))
    for word in ("oil", "dollar"):
        t(f"count_articles, search '{word}'", lambda: q.count_articles(conn, F(search=word)))
        t(f"articles page, search '{word}'", lambda: q.articles(conn, F(search=word)))
        t(f"count_quotes, search '{word}'", lambda: q.count_quotes(conn, F(search=word)))
    for e in q.entities(conn, F(), 0, args.entities):
        tag = f"{e.name} ({e.mentions:,} mentions)"
        t(f"entity_page, {tag}", lambda: q.entity_page(conn, e.id))
        t(f"count_articles, entity {tag}", lambda: q.count_articles(conn, F(entity=e.id)))
        t(f"count_events, entity {tag}", lambda: q.count_events(conn, F(entity=e.id)))
        t(f"events page, entity {tag}", lambda: q.events(conn, F(entity=e.id)))
        t(f"count_quotes, entity {tag}", lambda: q.count_quotes(conn, F(entity=e.id)))
        t(f"count_quotes, speaker {tag}", lambda: q.count_quotes(conn, F(speaker=e.id)))
    conn.close()
    print(json.dumps(out))


PHRASES = ("trade deficit", "interest rates", "oil prices", "central bank", "stock exchange", "money supply")
FIELDED_WORDS = ("oil", "dollar", "bank", "wheat", "profit", "tonnes", "yen", "gold", "coffee", "sugar")


def fielded_queries(conn, n: int) -> list[str]:
    """`n` queries of the search language an analyst would type, in five shapes, the names and dates drawn
    from the database (the most quoted speakers, entities of every rank, its days): a speaker and a kind, an
    entity in a date range, a phrase from a source, words with one left out said in a month, an entity
    without its reported speech."""
    speakers = [
        r[0]
        for r in conn.execute(
            "SELECT speaker_name FROM quote WHERE speaker_name IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 40"
        )
    ]
    ranked = [r[0] for r in conn.execute("SELECT canonical FROM entity ORDER BY mentions DESC LIMIT 400")]
    entities = [ranked[min(len(ranked) - 1, int(1.3**i))] for i in range(23)] if ranked else ["China"]
    days = [r[0] for r in conn.execute("SELECT DISTINCT published FROM article WHERE published IS NOT NULL ORDER BY 1")]
    source = conn.execute("SELECT source FROM article WHERE source IS NOT NULL LIMIT 1").fetchone()
    source = (source[0] if source else "Reuters").split()[0]
    month = days[len(days) // 2][:7] if days else "2023-02"

    def name(x: str) -> str:
        return '"' + x.replace('"', "") + '"'

    out = []
    for i in range(n):
        shape = i % 5
        if shape == 0:
            out.append(f"speaker:{name(speakers[i % len(speakers)])} kind:direct")
        elif shape == 1:
            lo = days[(i * 3) % len(days)] if days else "2023"
            hi = days[min(len(days) - 1, (i * 3) % len(days) + 2)] if days else "2023"
            out.append(f"entity:{name(entities[i % len(entities)])} date:{lo}..{hi}")
        elif shape == 2:
            out.append(f'"{PHRASES[i % len(PHRASES)]}" source:{source}')
        elif shape == 3:
            word, other = FIELDED_WORDS[i % len(FIELDED_WORDS)], FIELDED_WORDS[(i + 3) % len(FIELDED_WORDS)]
            out.append(f"{word} -{other} said:{month}")
        else:
            out.append(f"entity:{name(entities[(i * 7) % len(entities)])} -kind:indirect")
    return out


SHAPES = ("speaker and kind", "entity and dates", "phrase and source", "words, one left out, said", "entity, -kind")


def fielded(db: str, n: int) -> dict[str, dict[str, float]]:
    from model.corpus import query as q

    conn = q.connect(db)
    samples: dict[str, list[float]] = {}
    per_query: dict[str, float] = {}
    for i, line in enumerate(fielded_queries(conn, n)):
        f = q.Filters(search=line)
        shape = SHAPES[i % len(SHAPES)]
        spent, counts = 0.0, {}
        # as a list reads them: its count first, then its first page with that count (tui/panes.counted)
        for name, fn in (
            ("count_articles", lambda: counts.setdefault("a", q.count_articles(conn, f))),
            ("articles page", lambda: q.articles(conn, f, total=counts["a"])),
            ("count_quotes", lambda: counts.setdefault("q", q.count_quotes(conn, f))),
            ("quotes page", lambda: q.quotes(conn, f, total=counts["q"])),
        ):
            t0, c0 = time.perf_counter(), time.thread_time()
            fn()
            ms = (time.perf_counter() - t0) * 1000
            samples.setdefault(name, []).append(ms)
            samples.setdefault(name + " (cpu)", []).append((time.thread_time() - c0) * 1000)
            spent += ms
        samples.setdefault("all four", []).append(spent)
        samples.setdefault(f"all four, {shape}", []).append(spent)
        per_query[line] = round(spent, 1)
    conn.close()

    def pct(v: list[float], p: float) -> float:
        v = sorted(v)
        return round(v[min(len(v) - 1, int(p * len(v)))], 1)

    out = {k: {"n": len(v), "p50": pct(v, 0.5), "p95": pct(v, 0.95), "max": pct(v, 1)} for k, v in samples.items()}
    out["by query (ms, all four)"] = per_query
    return out


WORDS = ("oil", "dollar", "trade", "bank", "tonnes", "said", "profit*", "wheat", "yen", "analysts", "Reagan")


def spread(db: str, n: int) -> dict[str, dict[str, float]]:
    from model.corpus import query as q

    F = q.Filters
    conn = q.connect(db)
    ranked = [r[0] for r in conn.execute("SELECT id FROM entity ORDER BY mentions DESC, id")]
    picks = sorted({min(len(ranked), round(math.exp(i * math.log(len(ranked)) / max(n - 1, 1)))) - 1 for i in range(n)})
    samples: dict[str, list[tuple[float, float]]] = {}

    def t(name, fn):
        w0, c0 = time.perf_counter(), time.thread_time()
        fn()
        samples.setdefault(name, []).append(((time.perf_counter() - w0) * 1000, (time.thread_time() - c0) * 1000))

    for i in picks:
        e = ranked[i]
        f = F(entity=e)
        t("entity_page", lambda: q.entity_page(conn, e))
        t("count_articles, entity", lambda: q.count_articles(conn, f))
        t("articles page, entity", lambda: q.articles(conn, f))
        t("count_events, entity", lambda: q.count_events(conn, f))
        t("events page, entity", lambda: q.events(conn, f))
        t("event_position, entity", lambda: q.event_position(conn, f, "1987-04-01"))
        t("count_quotes, entity", lambda: q.count_quotes(conn, f))
        t("quotes page, entity", lambda: q.quotes(conn, f))
        t("count_quotes, speaker", lambda: q.count_quotes(conn, F(speaker=e)))
        t("quotes page, speaker", lambda: q.quotes(conn, F(speaker=e)))
    for w in WORDS:
        f = F(search=w)
        t("count_articles, search", lambda: q.count_articles(conn, f))
        t("articles page, search", lambda: q.articles(conn, f))
        t("count_quotes, search", lambda: q.count_quotes(conn, f))
        t("quotes page, search", lambda: q.quotes(conn, f))
    for date in ("1986", "1987-01", "1987-03-15", "1987-06", "1987-10-19", "1988"):
        t("event_position", lambda: q.event_position(conn, F(), date))
        t("events page at position", lambda: q.events(conn, F(), q.event_position(conn, F(), date), 100))
    conn.close()

    def pct(v: list[float], p: float) -> float:
        v = sorted(v)
        return round(v[min(len(v) - 1, int(p * len(v)))], 1)

    return {
        name: {
            "n": len(v),
            "p50": pct([w for w, _ in v], 0.5),
            "p95": pct([w for w, _ in v], 0.95),
            "max": pct([w for w, _ in v], 1),
            "cpu_p50": pct([c for _, c in v], 0.5),
            "cpu_p95": pct([c for _, c in v], 0.95),
        }
        for name, v in samples.items()
    }


if __name__ == "__main__":
    main()
