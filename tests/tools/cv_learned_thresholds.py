"""Choose the learned model's stance thresholds by 5-fold cross-validation on PolNeAR train (by article).

    PYTHONPATH=. python tests/tools/cv_learned_thresholds.py /path/to/shared --cache DIR [--grid 0.30,0.30 0.25,0.25]

Opt-in (not part of the test suite). For each fold the model is refitted on the other four (`train_indirect.fit`,
attested cues by `train_indirect.cues`), and the held-out articles are extracted with the real pipeline, the stance
thresholds at 0.2 (reported speech keeps `QuoteRules.learned_threshold`, which the seeds gate sets). The learned model
takes candidates best score first, none overlapping another, so the quotes at a higher threshold are exactly those of
the low run with a score at least that: each pair of (named speaker's, unnamed source's) thresholds in the grid is
scored by the evaluation's own scorer (`score.score_quotes_polnear`) over the whole of train. Pick the pair with the
highest indirect recall at precision >= 0.80 and set it in model/extract/quotes/settings.py.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from model.extract.quotes import weights as quotes_weights
from model.extract.quotes.settings import QuoteRules
from model.lexicon.speech import COMPLIMENTS, DEEDS, REFUSALS

sys.path.insert(0, os.path.dirname(__file__))
import train_indirect as T  # noqa: E402

LOW = 0.2
P_RE = re.compile(r"learned, p=([0-9.]+)")


def held_out_quotes(shared, cache, folds):
    """Every train article's quotes, extracted with the model fitted without its fold, stance thresholds at LOW."""
    from model.extract import entities
    from model.extract.quotes import extractor as quotes

    rows = T.examples(shared, "train", cache)
    keys = sorted({r[0] for r in rows})
    fitted = {}
    for k in range(folds):
        held = set(keys[k::folds])
        tr = [r for r in rows if r[0] not in held]
        model = (T.fit(tr, T.vocabulary(tr)), frozenset(T.cues(tr)))
        fitted.update((a, model) for a in held)
    _, arts, docs = T.load_split(shared, "train", cache)
    rules = QuoteRules(learned_stance_threshold=LOW, learned_unnamed_threshold=LOW)
    articles, out = [], []
    for art, doc in zip(arts, docs):
        if art.key not in fitted:
            continue
        quotes_weights.WEIGHTS, quotes_weights.CUES = fitted[art.key]
        mentions = entities.resolve_mentions(doc)
        entities.acronym_aliases(doc, mentions)
        articles.append({"article": art.key, "text": doc.text})
        for q in quotes.extract_quotes(doc.text, doc, mentions, title=art.title, rules=rules):
            m = P_RE.search(q.basis or "")
            out.append(
                {
                    "article": art.key,
                    "start": q.start,
                    "end": q.end,
                    "kind": q.kind,
                    "p": float(m.group(1)) if m else None,
                    "named": bool(q.speaker) and "unnamed" not in (q.basis or ""),
                    "guarded": (q.cue or "").split(" ")[0] in COMPLIMENTS | REFUSALS | DEEDS,
                }
            )
    return articles, out


def kept(quotes, named_t: float, unnamed_t: float) -> list[dict]:
    """The quotes a run at these stance thresholds keeps (reported speech and guarded cues were held at their own)."""
    speech_t = QuoteRules().learned_threshold
    out = []
    for q in quotes:
        if q["p"] is not None and q["kind"] == "stance" and not q["guarded"]:
            if q["p"] < (named_t if q["named"] else unnamed_t):
                continue
        elif q["p"] is not None and q["p"] < speech_t:
            continue
        out.append(q)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("--cache")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--grid", nargs="*", default=["0.35,0.48", "0.30,0.32", "0.25,0.25", "0.22,0.22"])
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    import score as S

    root = os.path.join(a.shared, "corpora", "polnear", "train")
    articles, quotes = held_out_quotes(a.shared, a.cache, a.folds)
    for pair in a.grid:
        named_t, unnamed_t = map(float, pair.split(","))
        res, _ = S.score_quotes_polnear(articles, kept(quotes, named_t, unnamed_t), root)
        print(
            f"named {named_t:.2f} unnamed {unnamed_t:.2f}: found {res['indirect_found']} of "
            f"{res['system_indirect']} recall {res['indirect_recall']} precision {res['indirect_precision']}"
        )


if __name__ == "__main__":
    main()
