"""Review: the Wilson interval, a seeded sample that is reproducible and never repeats an item, answers kept."""

from __future__ import annotations

import shutil

import pytest

from model.corpus import review, store
from tests.model.corpus.test_corrections import built  # noqa: F401 (the two articles' database)


@pytest.mark.parametrize(
    ("right", "n", "low", "high"),
    [(8, 10, 0.4902, 0.9433), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0), (50, 100, 0.4038, 0.5962)],
)
def test_the_wilson_interval_matches_the_published_values(right, n, low, high):
    got = review.wilson(right, n)
    assert got == pytest.approx((low, high), abs=5e-5)


@pytest.mark.parametrize("n", [1, 7, 28, 113])
def test_all_right_or_all_wrong_reaches_the_bound_exactly(n):
    assert review.wilson(n, n)[1] == 1.0 and review.wilson(0, n)[0] == 0.0  # the share itself is in the interval


def test_no_answers_no_interval():
    assert review.wilson(0, 0) is None
    assert review.Figure("quotes", 0, 0, 3).line() == "quotes: none reviewed (3 skipped)"


@pytest.fixture
def conn(built, tmp_path):  # noqa: F811
    db = tmp_path / "c.db"
    shutil.copy(built[0], db)
    c = store.connect(db)
    yield c
    c.close()


def test_the_same_seed_draws_the_same_sample_stratified_by_kind(conn):
    first = review.draw(conn, seed=7, per_kind=2)
    again = review.draw(conn, seed=7, per_kind=2)
    assert [i.id for i in first] == [i.id for i in again]
    assert [i.kind for i in first[:4]] == list(review.REVIEW_KINDS)  # one of each kind in turn
    assert {i.kind for i in first} == set(review.REVIEW_KINDS)
    other = review.draw(conn, seed=8, per_kind=2)
    assert [i.id for i in other] != [i.id for i in first]
    quote = next(i for i in first if i.kind == "quotes")
    assert "⟦" in quote.context and quote.key["article"] in ("talks", "visit")


def test_a_later_review_extends_the_sample_and_never_repeats_an_item(conn):
    seen = set()
    for _ in range(10):
        items = review.draw(conn, seed=3, per_kind=2)
        if not items:
            break
        assert not seen & {(i.kind, i.id) for i in items}
        for i in items:
            review.answer(conn, i, "right" if i.kind != "dates" else "skip", seed=3)
            seen.add((i.kind, i.id))
    assert review.draw(conn, seed=3, per_kind=2) == []  # everything answered
    figures = {f.kind: f for f in review.figures(conn)}
    assert figures["quotes"].reviewed == conn.execute("SELECT COUNT(*) FROM quote").fetchone()[0]
    assert figures["dates"].reviewed == 0 and figures["dates"].skipped > 0
    assert figures["quotes"].share == 1.0


def test_an_answer_is_right_wrong_or_skip(conn):
    item = review.draw(conn, seed=1, per_kind=1)[0]
    with pytest.raises(ValueError, match="right, wrong, skip"):
        review.answer(conn, item, "maybe", seed=1)


def test_a_quote_is_shown_as_the_reader_must_take_it_own_words_quoted_reported_speech_not(conn):
    kinds = {}
    for _ in range(20):
        items = review.draw(conn, seed=5, per_kind=5)
        for i in items:
            if i.kind == "quotes":
                kinds[i.fact["kind"]] = i.claim
            review.answer(conn, i, "skip", seed=5)
        if not items:
            break
    assert {"direct", "indirect"} <= set(kinds), kinds  # both forms drawn
    for kind, claim in kinds.items():
        own_words = kind in ("direct", "partial")
        assert ("“" in claim) is own_words and ("≈ " in claim) is (kind == "indirect"), (kind, claim)


def test_a_stance_under_review_is_shown_after_its_verb_not_as_reported_speech(conn):
    """Found in `R` on the seeds: "China (stance): ≈ balance in …", the mark the legend gives reported speech."""
    conn.execute("UPDATE quote SET kind='stance', cue='accuse'")
    stances = [i.claim for i in review.draw(conn, seed=3, per_kind=5) if i.kind == "quotes"]
    assert stances and all("(stance): accuse: " in c and "≈" not in c and "“" not in c for c in stances), stances
