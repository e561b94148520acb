"""Fit and measure the stacked anchoring ranker (`tests/tools/anchoring_ranker.py`) on TimeBank + AQUAINT.

    PYTHONPATH=. python -m tests.tools.train_anchoring /path/to/shared [--cache DIR] [--folds 10] [--write PATH]

Opt-in (not part of the test suite). Each document is read and parsed as `tests/tools/anchoring_errors.py` does
(the same DocBin cache), its dates found by the extractor (cached with their types). Every gold timex linked to an
event of its sentence (the scorer's `gold_links`) takes the extractor's date overlapping it most; that date's
candidates (`ranker.candidates`, the rules' words among them) are one group, a candidate right when it overlaps a
linked gold event (the scorer's test). A conditional logit (softmax over each group's candidates, L2, full-batch
AdaGrad, numpy) is fitted on features seen in at least MIN_COUNT groups.

Printed: the rules' accuracy; document-level K-fold cross-validation (each fold's weights fitted on the other folds'
documents, its own documents scored, the rules scored on the same documents), the L2 strength chosen inside each
training part by an inner cross-validation (nested: no figure is tuned on the documents it scores); in-sample.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter

import numpy as np

MIN_COUNT = 5
L2_GRID = (1.0, 3.0, 10.0, 30.0)
EPOCHS = 400
LR = 0.3
PRUNE = 0.001


def timex_rows(arts, docs, cache):
    """[(start, end, type)] of each document's dates, as the extractor finds them (cached)."""
    from model.extract import timeline

    path = os.path.join(cache, "timexes-typed.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    rows = [
        [(t.start, t.end, t.type) for t in timeline.extract_timexes(d.text, d, a.published)] for a, d in zip(arts, docs)
    ]
    with open(path, "w") as f:
        json.dump(rows, f)
    return rows


def load(shared, cache):
    """[(key, doc, typed timex rows, gold text, gold links)] for every TimeML document, read and parsed as
    `anchoring_errors.parsed_documents` does (the same cache)."""
    from tests.tools.anchoring_errors import parsed_documents

    arts, docs, gold_links = parsed_documents(shared, cache)
    rows = timex_rows(arts, docs, cache)
    return [(a.key, d, r, *gold_links(a.key)) for a, d, r in zip(arts, docs, rows)]


def groups(shared, cache):
    """[(doc key, [features of each candidate], [label of each], rules right, rule stage)] per gold timex found."""
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score_events as SE

    from model.extract.timeline.anchoring import rule_picks
    from tests.tools.anchoring_errors import gold_timexes_found
    from tests.tools.anchoring_ranker import DateContext, candidates, features

    out = []
    for key, doc, rows, src, gl in load(shared, cache):
        spans = [(s, e) for s, e, _ in rows]
        picks = rule_picks(doc, spans)
        dates = [doc.char_span(s, e, alignment_mode="expand") for s, e in spans]
        for k, evs in gold_timexes_found(doc, spans, gl, src, SE):
            if dates[k] is None or not len(dates[k]):
                continue
            date = dates[k]
            pick, base, stage = picks[k]
            others = [o for o in dates if o is not None and len(o) and o != date and o.sent == date.sent]
            ctx = DateContext(date, rows[k][2], pick, base, stage, others)

            def right(tok, evs=evs):
                return tok is not None and any(SE.overlap(tok.idx, tok.idx + len(tok.text), a, b) for a, b in evs)

            cands = candidates(date, (pick, base))
            out.append(
                (key, [features(ctx, c) for c in cands], [int(right(c)) for c in cands], int(right(pick)), stage)
            )
    return out


def vocabulary(gs, min_count):
    c = Counter(f for _, fs, *_ in gs for f in {f for feats in fs for f in feats})
    return sorted(f for f, n in c.items() if n >= min_count)


def fit(gs, vocab, l2):
    """Conditional logit over each group's candidates (target: the positives, equally), L2, full-batch AdaGrad."""
    idx = {f: k for k, f in enumerate(vocab)}
    train = [g for g in gs if any(g[2])]
    cols, owner, grp, y = [], [], [], []
    r = 0
    for gi, (_, fs, labels, *_) in enumerate(train):
        npos = sum(labels)
        for feats, lab in zip(fs, labels):
            ks = sorted({idx[f] for f in feats if f in idx})
            cols += ks
            owner += [r] * len(ks)
            grp.append(gi)
            y.append(lab / npos)
            r += 1
    cols, owner, grp, y = np.array(cols), np.array(owner), np.array(grp), np.array(y)
    n_rows, n_groups = r, len(train)
    w = np.zeros(len(vocab))
    g2 = np.zeros_like(w)
    for _ in range(EPOCHS):
        z = np.bincount(owner, weights=w[cols], minlength=n_rows)
        zmax = np.full(n_groups, -np.inf)
        np.maximum.at(zmax, grp, z)
        e = np.exp(z - zmax[grp])
        p = e / np.bincount(grp, weights=e, minlength=n_groups)[grp]
        g = np.bincount(cols, weights=(p - y)[owner], minlength=len(vocab)) / n_groups + l2 / n_groups * w
        g2 += g * g
        w -= LR * g / (np.sqrt(g2) + 1e-8)
    return {f: round(float(w[k]), 4) for f, k in idx.items() if abs(w[k]) >= PRUNE}


def right_count(gs, weights):
    """Groups whose best-scoring candidate is right (ties: the rules' word, then the first: as `ranker.choose`)."""
    from tests.tools.anchoring_ranker import score

    n = 0
    for _, fs, labels, *_ in gs:
        if fs:
            s = [(score(f, weights), "pick=True" in f) for f in fs]
            n += labels[max(range(len(fs)), key=lambda i: s[i])]
    return n


def folds_of(keys, k, seed):
    keys = sorted(keys)
    random.Random(seed).shuffle(keys)
    return [set(keys[i::k]) for i in range(k)]


def fit_tuned(tr, min_count, inner=4, seed=1):
    """Weights fitted on `tr`, the L2 strength chosen by an inner document-level cross-validation on `tr`."""
    parts = folds_of({g[0] for g in tr}, inner, seed)
    best = None
    for l2 in L2_GRID:
        got = 0
        for held in parts:
            fit_part = [g for g in tr if g[0] not in held]
            got += right_count([g for g in tr if g[0] in held], fit(fit_part, vocabulary(fit_part, min_count), l2))
        if best is None or got > best[0]:
            best = (got, l2)
    return fit(tr, vocabulary(tr, min_count), best[1]), best[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("--cache", default="/tmp/anchoring-cache")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--l2", type=float, help="a fixed L2 strength (no inner cross-validation)")
    ap.add_argument("--drop", default="", help="feature prefixes left out, comma-separated (to compare)")
    ap.add_argument("--write", help="write the weights fitted on all documents to this JSON file")
    a = ap.parse_args()
    gs = groups(a.shared, a.cache)
    drop = tuple(x for x in a.drop.split(",") if x)
    if drop:
        gs = [(k, [[f for f in fs if not f.startswith(drop)] for fs in ffs], *rest) for k, ffs, *rest in gs]
    n = len(gs)
    keys = {g[0] for g in gs}
    reach = sum(1 for g in gs if any(g[2]))
    rules = sum(g[3] for g in gs)
    print(f"{len(keys)} documents, {n} gold timexes found; a right candidate among them: {reach} ({reach / n:.4f})")
    print(f"rules: {rules}/{n} = {rules / n:.4f}")
    cv = cv_rules = 0
    for k, held in enumerate(folds_of(keys, a.folds, a.seed)):
        tr = [g for g in gs if g[0] not in held]
        ho = [g for g in gs if g[0] in held]
        w, l2 = (fit(tr, vocabulary(tr, a.min_count), a.l2), a.l2) if a.l2 else fit_tuned(tr, a.min_count)
        r, rr = right_count(ho, w), sum(g[3] for g in ho)
        cv += r
        cv_rules += rr
        print(f"fold {k}: ranker {r}/{len(ho)}, rules {rr}/{len(ho)} (l2 {l2})", flush=True)
    print(
        f"cross-validated ({a.folds}-fold by document): ranker {cv}/{n} = {cv / n:.4f}; rules {cv_rules}/{n} = "
        f"{cv_rules / n:.4f}; difference {(cv - cv_rules) / n:+.4f}"
    )
    if a.write:
        w, l2 = (fit(gs, vocabulary(gs, a.min_count), a.l2), a.l2) if a.l2 else fit_tuned(gs, a.min_count)
        print(f"in-sample (l2 {l2}): {right_count(gs, w)}/{n}; {len(w)} weights")
        with open(a.write, "w") as f:
            json.dump(dict(sorted(w.items())), f, indent=0)


if __name__ == "__main__":
    main()
