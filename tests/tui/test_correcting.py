"""Which corrections the browser offers for a fact, and the correction each makes of what was typed."""

from __future__ import annotations

from types import SimpleNamespace

from tui import correcting

QUOTE = SimpleNamespace(article=3, start=10, end=20, text="we stand firm", speaker="Wang Yi", kind="direct")
DATE = SimpleNamespace(article=3, start=40, end=47, text="Tuesday", value="2023-02-21")
MENTION = SimpleNamespace(start=0, end=5, text="Trump", name="Donald Trump Jr.", label="PERSON")
ARTICLE = SimpleNamespace(key="a1", published="2023-02-23")


def names(kind, fact) -> list[str]:
    return [a.name for a in correcting.actions(kind, fact)]


def test_each_fact_offers_its_own_corrections():
    assert names("quote", QUOTE) == ["speaker", "clear_speaker", "kind", "reject", "statement"]
    assert names("date", DATE) == ["value", "reject", "split", "merge"]
    assert names("mention", MENTION) == ["merge", "split", "rename", "type"]
    assert names("entity-row", MENTION) == ["merge", "rename", "type"]
    assert names("article", ARTICLE) == ["date"]
    assert names("kwic", None) == []


def test_the_confirm_line_starts_with_the_value_as_it_is():
    speaker = correcting.actions("quote", QUOTE)[0]
    reject = correcting.actions("quote", QUOTE)[3]
    assert correcting.prefill(speaker, "quote", QUOTE) == "Wang Yi"
    assert correcting.prefill(reject, "quote", QUOTE) == "" and "reject “we stand firm”" in reject.asks


def test_requests_name_their_targets_by_stable_keys():
    span = {"article": "k", "start": 10, "end": 20}
    assert correcting.request("speaker", "quote", QUOTE, " Xi Jinping ", "k") == (
        "quote_speaker",
        span,
        {"speaker": "Xi Jinping"},
    )
    assert correcting.request("clear_speaker", "quote", QUOTE, "", "k") == ("quote_speaker", span, {"speaker": None})
    assert correcting.request("kind", "quote", QUOTE, "Stance", "k")[2] == {"kind": "stance"}
    assert correcting.request("split", "mention", MENTION, "Donald Trump", None) == (
        "entity_split",
        {"entity": "Donald Trump Jr.", "alias": "Trump"},
        {"into": "Donald Trump"},
    )
    assert correcting.request("type", "entity-row", MENTION, "org", None)[2] == {"label": "ORG"}
    assert correcting.request("date", "article", ARTICLE, "2023-03-01", None) == (
        "article_date",
        {"article": "a1"},
        {"published": "2023-03-01"},
    )
    assert correcting.request("split", "date", DATE, "", "k") == (
        "event_split",
        {"article": "k", "timex_start": 40},
        {},
    )


def test_a_missing_value_or_a_lone_event_is_a_reason_not_a_correction():
    assert "type a value" in correcting.request("speaker", "quote", QUOTE, "  ", "k")
    assert "press m on the other" in correcting.request("merge", "date", DATE, "", "k")
    other = {"article": "j", "timex_start": 5}
    assert correcting.request("merge", "date", DATE, "", "k", other) == (
        "event_merge",
        other,
        {"article": "k", "timex_start": 40},
    )
