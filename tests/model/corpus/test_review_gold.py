"""Review on the seeds, answered by a script that reads the gold (../shared/gold) through the evaluation's own
matching: the share of quotes whose speaker is right that the review reports holds the gold-measured speaker
accuracy inside its 95% interval. The answer key looks at nothing but the gold and the item's key."""

from __future__ import annotations

import importlib.util
import shutil
from contextlib import closing

import pytest

from model import corrections
from model.corpus import export, review, store
from tests.conftest import SHARED

SCORE = SHARED / "eval" / "score.py"


@pytest.fixture(scope="module")
def score():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answer_key(score, articles: dict[str, str], quotes: list[dict]):
    """right / wrong / skip for a quote item, from the gold: a quote matched to a required gold quote is right when
    its speaker is the gold's (the evaluation's `speaker_ok`); one matched to none is not scored (skip), as in the
    gold-measured speaker accuracy."""
    gold = score.load_jsonl(str(SHARED / "gold" / "seeds-quotes.jsonl"))
    verdicts = {}
    for art, text in articles.items():
        golds = []
        for g in (g for g in gold if g["article"] == art):
            for s0, s1 in score.locate(text, g["text"], g.get("context")) or []:
                if not any(x["start"] == s0 for x in golds):
                    golds.append(dict(g, start=s0, end=s1))
                    break
        mine = [q for q in quotes if q["article"] == art and q["kind"] != "stance"]
        for gi, si in score.match_quotes(golds, mine):
            g, q = golds[gi], mine[si]
            if g["need"] == "required":
                ok = score.speaker_ok(q["speaker"], g["speaker"])
                verdicts[(art, q["start"], q["end"])] = "right" if ok else "wrong"
    return lambda item: verdicts.get((item.key["article"], item.key["start"], item.key["end"]), "skip")


@pytest.mark.parametrize("wrong_every", [0, 4])
def test_the_review_of_quotes_holds_the_gold_speaker_accuracy(seeds_db, tmp_path, score, wrong_every):
    """As extracted, and with every fourth quote's speaker set to a wrong name (through corrections: the review
    and the evaluation both read the corrected values), so that the accuracy is not simply 100%."""
    db = tmp_path / "seeds.db"
    shutil.copy(seeds_db, db)
    with closing(store.connect(db)) as conn:
        if wrong_every:
            for q in list(export.rows(conn, "quotes"))[::wrong_every]:
                target = {"article": q["article"], "start": q["start"], "end": q["end"]}
                corrections.correct(conn, "quote_speaker", target, {"speaker": "Somebody Else"})
        articles = {a["article"]: a["text"] for a in export.rows(conn, "articles")}
        quotes = list(export.rows(conn, "quotes"))
        measured = score.score_quotes_seeds(list(export.rows(conn, "articles")), quotes)[0]["speaker_accuracy"]
        key = answer_key(score, articles, quotes)
        for item in review.draw(conn, seed=2026, per_kind=40, kinds=("quotes",)):
            review.answer(conn, item, key(item), seed=2026)
        (figure,) = [f for f in review.figures(conn) if f.kind == "quotes"]
    low, high = figure.interval
    assert figure.reviewed >= 20
    print(f"review: {figure.line()}; gold-measured speaker accuracy {measured:.3f}")
    assert low <= measured <= high, (figure.line(), measured)
