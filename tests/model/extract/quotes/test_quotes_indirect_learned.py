"""Quotes: attributions found by the learned model (`model.extract.quotes.learned`, weights fitted on PolNeAR train)."""

from __future__ import annotations

import pytest

from model.extract.quotes import learned as quotes_learned
from model.extract.quotes import weights as quotes_weights
from tests.model.extract.quotes.helpers import one, run


def test_the_learned_model_finds_a_persons_stance_no_rule_knows(nlp):
    qs = run(nlp, "Jeb Bush is confident that voters will reject the plan.")
    q = one(qs, "voters will reject")
    assert q.kind == "stance" and q.speaker == "Jeb Bush" and q.text == "voters will reject the plan"  # a belief
    assert q.cue == "confident" and "learned" in q.basis


@pytest.mark.parametrize(
    "text",
    [
        "Jeb Bush is not confident that voters will reject the plan.",  # negated
        "We are confident that voters will reject the plan.",  # the writer
    ],
)
def test_the_learned_model_keeps_the_rules_limits(nlp, text):
    # threshold 0: every candidate the limits let through
    assert not any(
        "voters will reject" in q.text for q in run(nlp, text, learned_threshold=0.0, learned_stance_threshold=0.0)
    )


def test_the_learned_model_never_overlaps_a_quote_of_the_rules(nlp):
    qs = run(
        nlp, "Jeb Bush said that voters will reject the plan that Marco Rubio proposed in Iowa.", learned_threshold=0.0
    )
    spans = sorted((q.start, q.end) for q in qs)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))
    assert one(qs, "voters will reject").basis == "speaker: subject of 'said'"


def test_features_name_the_cue_its_relation_and_the_source(nlp):
    doc = nlp("Jeb Bush is confident that voters will reject the plan.")
    ((v, node, rel),) = [c for c in quotes_learned.candidates(doc, [False] * len(doc)) if c[0].lower_ == "confident"]
    feats = quotes_learned.features(v, node, rel, "person", False)
    assert rel == "ccomp" and "LR=confident|ccomp" in feats and "SL=person|confident" in feats
    assert 0.0 < quotes_learned.score(feats, {"bias": 0.0}) == 0.5


def test_the_learned_model_fires_only_on_cues_train_attests(nlp, monkeypatch):
    from model.extract.quotes.weights import CUES

    text = "Narendra Modi has been quietly watching to see what cost Xi bears for the tariffs."
    assert "LR=watch|xcomp" not in CUES and "LR=confident|ccomp" in CUES
    assert not any("what cost" in q.text for q in run(nlp, text, learned_threshold=0.0, learned_stance_threshold=0.0))
    monkeypatch.setattr(quotes_weights, "CUES", CUES | {"LR=watch|xcomp"})  # as if train attested it
    assert any("what cost" in q.text for q in run(nlp, text, learned_threshold=0.0, learned_stance_threshold=0.0))


def test_a_country_s_belief_is_at_most_a_stance(nlp):
    text = "China is confident that voters will reject the plan."
    found = run(nlp, text, learned_threshold=0.0, learned_stance_threshold=0.0, learned_unnamed_threshold=0.0)
    assert all(q.kind == "stance" for q in found if "voters will reject" in q.text)
    off = run(nlp, text, learned_threshold=0.0, learned_stance_threshold=0.0, body_stances=False)
    assert not any("voters will reject" in q.text for q in off)
