"""Anchoring errors on TimeML gold, listed by construction (opt-in tool, not part of the test suite).

    PYTHONPATH=. python -m tests.tools.anchoring_errors /path/to/shared [--cache DIR] [--show N] [--only CLASS]

Each TimeML document is read as the evaluation feeds it to the ingest (`eval/make_input.py timeml`), parsed once
with the project's pipeline (cached as a DocBin under --cache) and its dates found by the extractor. Each gold
timex linked to an event of its sentence (the scorer's `gold_links`) takes the extractor's date overlapping it
most, and is right when the word `anchoring.events_of` gives overlaps a linked gold event (the scorer's test).
Printed: the accuracy (the eval's `anchoring_accuracy`, within a few timexes), then the wrong ones grouped by
construction: the timex head's dependency, the path from the word given to the gold word, and what each is.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict


def parsed_documents(shared, cache):
    """(articles, their parsed docs, the scorer's `gold_links` of an article's key) for every TimeML document: read
    as the evaluation reads them, parsed once and kept in `cache` as a DocBin."""
    from spacy.tokens import DocBin

    from model.ingest import sources
    from model.parse import layout
    from model.parse import nlp as mnlp
    from model.records import Article

    sys.path.insert(0, os.path.join(shared, "eval"))
    import make_input
    import score_events as SE

    root = os.path.join(shared, "corpora", "timebank")
    os.makedirs(cache, exist_ok=True)
    jsonl = os.path.join(cache, "timeml.jsonl")
    make_input.timeml(root, jsonl)
    arts = [x for x in sources.read_all([jsonl]) if isinstance(x, Article)]
    nlp = mnlp.load()
    path = os.path.join(cache, "timeml.docbin")
    if os.path.exists(path):
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([layout.parse_text(a.text) for a in arts], batch_size=16))
        db = DocBin(store_user_data=True)
        for d in docs:
            db.add(d)
        db.to_disk(path)
    paths = {os.path.basename(p)[:-4]: p for p in SE.timeml_files(root)}
    return arts, docs, lambda key: SE.gold_links(paths[key])


def load(shared, cache):
    """[(key, doc, timex spans, gold {tid: timex + events}, gold text)] for every TimeML document."""
    from model.extract import timeline

    arts, docs, gold_links = parsed_documents(shared, cache)
    spans_path = os.path.join(cache, "spans.json")
    if os.path.exists(spans_path):
        with open(spans_path) as f:
            all_spans = json.load(f)
    else:  # the dates found do not depend on the anchoring: found once
        all_spans = [
            [(t.start, t.end) for t in timeline.extract_timexes(d.text, d, a.published)] for a, d in zip(arts, docs)
        ]
        with open(spans_path, "w") as f:
            json.dump(all_spans, f)
    out = []
    for a, d, spans in zip(arts, docs, all_spans):
        spans = [tuple(s) for s in spans]
        src, gl = gold_links(a.key)
        out.append((a.key, d, spans, gl, src))
    return out


def path_between(a, b):
    """The dependency path from token a to token b: up arcs then down arcs, by label."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return "?"
    ups = [t.dep_ for t in up_a[: up_a.index(common)]]
    downs = [t.dep_ for t in reversed(up_b[: up_b.index(common)])]
    return "↑" + "↑".join(ups) + "|" + "↓".join(downs) if ups or downs else "="


def kind(tok):
    from model.extract.timeline.anchoring import is_event_noun

    if tok is None:
        return "none"
    if tok.pos_ in ("VERB", "AUX"):
        return f"{tok.tag_}"
    return f"{tok.pos_}{'(ev)' if is_event_noun(tok) else ''}"


def gold_timexes_found(doc, spans, gl, src, SE):
    """Each gold timex (in document order) that one of our date `spans` overlaps, as (the index of the span
    overlapping it most, the gold events it is linked to): the gold's offsets mapped onto `doc`'s text as the
    evaluation maps them (`SE` is the evaluation's score_events module)."""
    omap = SE.OffsetMap(src, doc.text)

    def mapped(d):
        a, b = omap(d["start"]), omap(d["end"] - 1)
        return (a, b + 1) if a is not None and b is not None else None

    for _, t in sorted(gl.items(), key=lambda kv: kv[1]["start"]):
        span = mapped(t)
        if span is None or not spans:
            continue
        k = max(range(len(spans)), key=lambda j: SE.overlap(span[0], span[1], *spans[j]))
        if SE.overlap(span[0], span[1], *spans[k]):
            yield k, [m for m in (mapped(e) for e in t["events"]) if m]


def rows(shared, cache):
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score_events as SE

    from model.extract.timeline.anchoring import events_of

    for key, doc, spans, gl, src in load(shared, cache):
        anchors = events_of(doc, spans)
        for k, evs in gold_timexes_found(doc, spans, gl, src, SE):
            a0, a1 = anchors[k]
            right = a0 is not None and any(SE.overlap(a0, a1, x, y) for x, y in evs)
            date = doc.char_span(*spans[k], alignment_mode="expand")
            given = doc.char_span(a0, a1, alignment_mode="expand") if a0 is not None else None
            golds = [doc.char_span(x, y, alignment_mode="expand") for x, y in evs]
            golds = [g.root for g in golds if g is not None and len(g)]
            yield key, date, given.root if given is not None and len(given) else None, golds, right


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("--cache", default="/tmp/anchoring-cache")
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--save", help="write each timex's outcome here (to compare a later run against)")
    ap.add_argument("--against", help="list the timexes whose outcome changed since this --save")
    a = ap.parse_args()
    n = right = 0
    classes = defaultdict(list)
    outcomes, changed = {}, []
    before = json.load(open(a.against)) if a.against else {}
    for key, date, given, golds, ok in rows(a.shared, a.cache):
        n += 1
        right += ok
        ident = f"{key}:{date.start_char}"
        outcomes[ident] = ok
        if ident in before and before[ident] != ok:
            changed.append((ok, key, date, given, golds))
        if ok:
            continue
        gold = min(golds, key=lambda g: abs(g.i - date.root.i)) if golds else None
        where = "before" if gold is not None and gold.i < date.start else "after"
        rel = path_between(given, gold) if given is not None and gold is not None else "?"
        cls = f"{date.root.dep_}<-{date.root.head.dep_} | given {kind(given)} | gold {kind(gold)} {where} | {rel}"
        classes[cls].append((key, date, given, gold))
    print(f"{right}/{n} = {right / max(1, n):.4f}")
    by_size = sorted(classes.items(), key=lambda kv: -len(kv[1]))
    for cls, items in by_size:
        if a.only and a.only not in cls:
            continue
        print(f"\n[{len(items)}] {cls}")
        for key, date, given, gold in items[: a.show]:
            s = date.sent
            marks = {date.start: "[[", date.end: "]]"}
            words = []
            for t in s:
                pre = marks.get(t.i, "")
                w = t.text
                if given is not None and t.i == given.i:
                    w = f"<{w}>"
                if gold is not None and t.i == gold.i:
                    w = f"*{w}*"
                words.append(pre + w + ("]]" if t.i == date.end - 1 else ""))
            print(f"   {key}: {' '.join(words)[:400]}")
    if a.save:
        with open(a.save, "w") as f:
            json.dump(outcomes, f)
    for ok, key, date, given, golds in sorted(changed, key=lambda c: c[0]):
        gold = ", ".join(g.text for g in golds)
        print(
            f"{'FIXED ' if ok else 'BROKEN'} {key}: [{date.text}] -> <{given.text if given is not None else None}>"
            f" gold {gold} :: {date.sent.text[:250]}"
        )
    if changed:
        print(f"fixed {sum(c[0] for c in changed)}, broken {sum(not c[0] for c in changed)}")
    print(f"\n{right}/{n} = {right / max(1, n):.4f}; classes: {Counter(len(v) for v in classes.values())}")


if __name__ == "__main__":
    main()
