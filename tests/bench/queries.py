"""The read API on the big database, query by query: what each pane and page costs,
for the most-mentioned entities (the worst case of every entity filter).

    python -m tests.bench.queries DB [--entities 3]

Wall time of each `model.query` call in one thread (SQLite does the work in the
calling thread). Prints one JSON line.
"""
from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--entities", type=int, default=3)
    args = ap.parse_args()

    from model import query as q

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


if __name__ == "__main__":
    main()
