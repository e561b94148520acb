"""Fit the learned-attribution model (`model/extract/quotes/learned.py`) on PolNeAR train; writes model/extract/quotes/weights.py.

    PYTHONPATH=. python tests/tools/train_indirect.py /path/to/shared [--cache DIR] [--eval dev] [--write]

Opt-in (not part of the test suite). Needs the shared evaluation material (`eval/score.py` and
`corpora/polnear/{train,dev}`). Each article is parsed once (cached as DocBin under --cache), the rules run with
the learned model off, and every candidate the model would consider (`learned.candidates`, outside the
quotes the rules found) becomes an example: positive when its span overlaps >= 30 % of a gold unquoted content
that the rules' indirect quotes did not match (the scorer's test). A logistic regression (L2, gradient descent,
numpy) is fitted on features seen at least MIN_COUNT times; 5-fold cross-validation by article on train reports
precision/recall of the new quotes by threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

import numpy as np

from model.extract.quotes.learned import cue
from model.extract.quotes.settings import QuoteRules

MIN_COUNT = 5
L2 = 300.0  # strong: lexical conjunctions (SL=, LR=) overfit at 1 and 30 (see docs/rules/quotes.md)
LABEL = "overlap"  # "cue": positive only when the head lies in the gold's cue (see docs/rules/quotes.md)
PRUNE = 0.01  # weights smaller than this are dropped from the table (no change on train or dev)
CUE_MIN, CUE_RATE = 5, 0.4  # a head word and relation fires only when train attests it this often (`cues`)
EPOCHS = 300
LR = 0.5


def load_split(shared, split, cache):
    from spacy.tokens import DocBin

    from model.ingest import sources
    from model.parse import layout
    from model.parse import nlp as mnlp
    from model.records import Article

    root = os.path.join(shared, "corpora", "polnear", split)
    sys.path.insert(0, os.path.join(shared, "eval"))
    import make_input  # the evaluation's own input, read as the ingest reads it

    jsonl = os.path.join(cache or ".", f"{split}.jsonl")
    make_input.polnear(root, jsonl)
    arts = [x for x in sources.read_all([jsonl]) if isinstance(x, Article)]
    nlp = mnlp.load()
    path = os.path.join(cache, f"{split}.docbin") if cache else None
    if path and os.path.exists(path):
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([layout.parse_text(a.text) for a in arts], batch_size=32))
        if path:
            db = DocBin(store_user_data=True)
            for d in docs:
                db.add(d)
            db.to_disk(path)
    return root, arts, docs


COLLECT = QuoteRules(
    learned_model=True, learned_threshold=2.0, learned_stance_threshold=2.0
)  # the rules' quotes; candidates collected, none added
FREE_GOLD: dict = {}  # (split, article) -> (gold, matched by the rules, rules' indirect quotes, unmatched gold)


def quotes_and_candidates(art, doc):
    """An article's quotes as the ingest extracts them, the learned model adding none (`COLLECT`), and every
    candidate the learned model considered (features, start, end, score, head offset)."""
    from model.extract import entities
    from model.extract.quotes import extractor as quotes

    mentions = entities.resolve_mentions(doc)
    entities.acronym_aliases(doc, mentions)
    return quotes.quotes_and_candidates(doc.text, doc, mentions, title=art.title, rules=COLLECT)


def examples(shared, split, cache):
    """[(article, features, label)] for every candidate of the split."""
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score as S

    root, arts, docs = load_split(shared, split, cache)
    ann = os.path.join(root, "attributions")
    files = {}
    for fn in sorted(os.listdir(ann)):
        files.setdefault(fn[:-9] if re.search(r"_[0-9a-f]{4}\.ann$", fn) else fn[:-4], fn)  # as score.py
    out = []
    for art, doc in zip(arts, docs):
        if art.key not in files:
            continue
        recs, cands = quotes_and_candidates(art, doc)
        src = open(os.path.join(root, "text", art.key + ".txt"), encoding="utf-8").read()
        omap = S.OffsetMap(src, art.text)
        spans, rels = S.read_brat(os.path.join(ann, files[art.key]))
        gold = []
        for r in rels:
            if "Content" not in r or "Source" not in r:
                continue
            _, segs, _ = spans[r["Content"]]
            if any(True for a, b in segs for _ in S.QUOTE_RE.finditer(src, a, b)):
                continue
            a, b = omap(segs[0][0]), omap(segs[-1][1] - 1)
            cue = [(omap(c0), omap(c1 - 1)) for c0, c1 in spans[r["Cue"]][1]] if r.get("Cue") in spans else []
            cue = [(c0, c1) for c0, c1 in cue if c0 is not None and c1 is not None]
            if a is not None and b is not None:
                gold.append({"start": a, "end": b + 1, "cue": cue})
        si = [{"start": q.start, "end": q.end} for q in recs if q.kind == "indirect"]
        matched = {g for g, _ in S.match_quotes(gold, si, lenient=True)}
        free = [g for k, g in enumerate(gold) if k not in matched]
        FREE_GOLD[(split, art.key)] = (len(gold), len(matched), len(si), free)
        for feats, start, end, _, head in cands:
            pos = any(
                S.overlap(g["start"], g["end"], start, end) >= 0.3 * (g["end"] - g["start"])
                and (LABEL != "cue" or any(c0 <= head <= c1 for c0, c1 in g["cue"]))
                for g in free
            )
            out.append((art.key, feats, int(pos), start, end))
    return out


def fit(rows, vocab, l2=None):
    """Logistic regression (L2 on all but the bias), full-batch AdaGrad on the mean log loss; sparse binary
    features as index arrays (numpy only)."""
    l2 = L2 if l2 is None else l2
    idx = {f: k for k, f in enumerate(vocab)}
    cols, ptr, owner = [], [0], []
    for r, (_, feats, *_) in enumerate(rows):
        ks = sorted({idx[f] for f in feats if f in idx})
        cols += ks
        owner += [r] * len(ks)
        ptr.append(len(cols))
    cols, owner = np.array(cols), np.array(owner)
    starts = np.array(ptr[:-1])
    y = np.array([row[2] for row in rows], dtype=np.float64)
    w = np.zeros(len(vocab))
    reg = np.full(len(vocab), l2 / len(rows))
    reg[idx["bias"]] = 0.0
    g2 = np.zeros_like(w)
    for _ in range(EPOCHS):
        z = np.add.reduceat(w[cols], starts)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = np.bincount(cols, weights=(p - y)[owner], minlength=len(vocab)) / len(rows) + reg * w
        g2 += g * g
        w -= LR * g / (np.sqrt(g2) + 1e-8)
    return {f: round(float(w[k]), 4) for f, k in idx.items() if abs(w[k]) >= PRUNE or f == "bias"}


def cues(rows):
    """The head words and relations (`LR=` features) that PolNeAR train attests as attributions: seen at least
    CUE_MIN times as a candidate, a gold content at least CUE_RATE of them."""
    seen, hits = Counter(), Counter()
    for _, feats, label, *_ in rows:
        lr = cue(feats)
        seen[lr] += 1
        hits[lr] += label
    return sorted(f for f, n in seen.items() if n >= CUE_MIN and hits[f] >= CUE_RATE * n)


def seeds_gate(shared, weights, attested):
    """The lowest threshold at which no candidate on the seeds that matches no gold quote would fire (the seeds'
    precision gate leaves no room for one more false positive): the highest such score, and its text."""
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score as S

    from model.extract.quotes.learned import score
    from model.ingest import sources
    from model.parse import layout
    from model.parse import nlp as mnlp
    from model.records import Article

    gold = S.load_jsonl(os.path.join(shared, "gold", "seeds-quotes.jsonl"))
    arts = [
        x
        for x in sources.read_all([os.path.join(os.path.dirname(__file__), "..", "..", "seeds")])
        if isinstance(x, Article)
    ]
    worst = (0.0, "")
    for art, doc in zip(arts, mnlp.load().pipe([layout.parse_text(a.text) for a in arts])):
        recs, cands = quotes_and_candidates(art, doc)
        found = [{"start": q.start, "end": q.end} for q in recs]
        gs = [
            dict(g, start=a, end=b)
            for g in gold
            if g["article"] == art.key
            for a, b in S.locate(doc.text, g["text"], g.get("context"))[:1]
        ]
        taken = {k for k, _ in S.match_quotes(gs, found)}
        free = [g for k, g in enumerate(gs) if k not in taken]
        for feats, start, end, _, _ in cands:
            if cue(feats) in attested and not S.match_quotes(free, [{"start": start, "end": end}]):
                worst = max(worst, (score(feats, weights), doc.text[start:end][:60]))
    return worst


def vocabulary(rows):
    c = Counter(f for _, feats, *_ in rows for f in set(feats))
    return sorted(f for f, n in c.items() if n >= MIN_COUNT)


def curve(rows, weights, label=""):
    from model.extract.quotes.learned import score

    ps = np.array([score(r[1], weights) for r in rows])
    y = np.array([r[2] for r in rows])
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        sel = ps >= t
        print(
            f"{label} t={t:.2f} fired={int(sel.sum())} hits={int(y[sel].sum())} "
            f"precision={y[sel].mean() if sel.any() else 0:.3f}"
        )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("--cache")
    ap.add_argument("--eval", default="dev")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--label", choices=("overlap", "cue"), default=LABEL)
    a = ap.parse_args()
    globals()["LABEL"] = a.label
    rows = examples(a.shared, "train", a.cache)
    print(f"train: {len(rows)} candidates, {sum(r[2] for r in rows)} positive")
    keys = sorted({r[0] for r in rows})
    for k in range(a.folds):
        held = set(keys[k :: a.folds])
        tr = [r for r in rows if r[0] not in held]
        w = fit(tr, vocabulary(tr))
        curve([r for r in rows if r[0] in held], w, f"fold {k}")
    weights = fit(rows, vocabulary(rows))
    attested = cues(rows)
    print(f"{len(weights)} weights, {len(attested)} attested cues")
    if a.eval:
        held = [r for r in examples(a.shared, a.eval, a.cache) if cue(r[1]) in set(attested)]
        curve(held, weights, a.eval + " (attested cues)")
    gate, text = seeds_gate(a.shared, weights, set(attested))
    print(
        f"seeds gate: the highest-scoring seeds candidate outside the gold scores {gate:.3f} ({text!r}); "
        f"set QuoteRules.learned_threshold (model/extract/quotes/settings.py) just above it"
    )
    if a.write:
        with open(
            os.path.join(os.path.dirname(__file__), "..", "..", "model", "extract", "quotes", "weights.py"), "w"
        ) as f:
            f.write(
                '"""Weights of the learned-attribution model (`learned`), fitted by '
                'tests/tools/train_indirect.py on PolNeAR train (generated: do not edit)."""\n'
            )
            f.write("WEIGHTS: dict[str, float] = {\n")
            for feat, v in sorted(weights.items()):
                f.write(f"    {json.dumps(feat)}: {v:.4f},\n")
            f.write("}\n")
            f.write(
                f"# Head words and relations PolNeAR train attests as attributions (>= {CUE_MIN} candidates, "
                f">= {CUE_RATE:.0%} gold): the model fires on no other.\n"
            )
            f.write("CUES: frozenset[str] = frozenset({\n")
            for lr in attested:
                f.write(f"    {json.dumps(lr)},\n")
            f.write("})\n")


if __name__ == "__main__":
    main()
