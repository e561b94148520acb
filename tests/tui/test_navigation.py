"""The browser's decisions as plain functions (tui/navigation.py): no app, no database."""

from types import SimpleNamespace as Row

from tui.document import Link, message_doc
from tui.navigation import (
    chip_for_link,
    chip_for_row,
    follow,
    hit_count,
    next_label,
    next_sort,
    pane_sources,
    pane_subtitle,
    ref_for_row,
)
from tui.state import Chips, DocRef, Snapshot


def test_following_a_link_goes_to_a_page_a_date_or_says_why_not():
    assert follow(Link(0, 4, "mention", Row(entity=None)), "article") is None
    assert follow(Link(0, 4, "mention", Row(entity=7)), "article") == ("doc", DocRef("entity", 7))
    quote = Row(speaker_entity=None, article=3, id=11, members=())
    assert follow(Link(0, 4, "quote", quote), "article") == ("note", ("this quote has no known speaker", 3))
    assert follow(Link(0, 4, "quote", quote), "entity") == ("doc", DocRef("article", 3, find=("quote", "id", 11)))
    undated = Row(value_start=None, text="one fine day", value="FUTURE_REF")
    kind, (message, seconds) = follow(Link(0, 4, "date", undated), "article")
    assert kind == "note" and "one fine day" in message and "FUTURE_REF" in message and seconds == 4
    assert follow(Link(0, 4, "date", Row(value_start="2023-02-01")), "article") == ("date", "2023-02-01")


def test_a_row_opens_its_document_at_the_search_hit_when_searching():
    row = Row(id=5, article=9, sentence_start=10, sentence_end=40)
    assert ref_for_row("articles", row, True) == DocRef("article", 5, find=("hit",))
    assert ref_for_row("articles", row, False) == DocRef("article", 5)
    assert ref_for_row("timeline", row, True).find == ("date", "id", 5, 10, 40)


def test_chips_come_from_rows_and_links():
    assert chip_for_row("quotes", Row(speaker_entity=None, speaker="someone", joint=False)) is None
    assert chip_for_row("quotes", Row(speaker_entity=2, speaker="A Speaker")) == ("speaker", (2, "A Speaker"))
    doc = message_doc("")
    assert chip_for_link(Link(0, 4, "article", (8, 0, 4)), doc) == ("article", (8, "8"))


def test_cycling_sorts_and_types_wraps_around():
    assert [next_label(["GPE", "PERSON"], x) for x in (None, "GPE", "PERSON")] == ["GPE", "PERSON", None]
    snap = Snapshot(quote_view="quotes")  # every quote: three orders (statements: two, see below)
    assert next_sort(snap, "quotes").quote_sort == "said" and next_sort(snap, "articles").quote_sort == "date"
    assert next_sort(next_sort(snap, "quotes"), "quotes").quote_sort == "speaker"
    assert next_sort(next_sort(next_sort(snap, "quotes"), "quotes"), "quotes").quote_sort == "date"


def test_titles_say_how_many_hits_and_which_filter():
    assert hit_count(None, [(0, 1), (5, 6)]) == "2 hits · n/N"
    assert hit_count(1, [(0, 1), (5, 6)]) == "hit 2 of 2 · n/N"
    assert hit_count(None, []).startswith("no hits")
    assert pane_subtitle("entities", Snapshot(label="GPE", name="mos")) == "GPE · “mos”"


def test_a_list_reloads_only_when_its_query_changes():
    old = Snapshot()
    moved = Snapshot(positions={"articles": (3, 0)}, focus="reader")
    assert all(key == old_key for _source, key, old_key in pane_sources(moved, old).values())
    speaker = Snapshot(chips=Chips().set("speaker", (2, "A Speaker")))
    changed = {name for name, (_s, key, old_key) in pane_sources(speaker, old).items() if key != old_key}
    assert changed == {"quotes"}


def test_s_in_the_statements_view_skips_the_sort_that_is_the_same_there():
    """Found at 80×24: Quotes grouped by statement, `s` went from "newest" to "newest said", the same order (a
    statement's date is when it was said): a key press that changed nothing. Every quote keeps all three."""
    from dataclasses import replace as with_

    from tui.navigation import next_sort
    from tui.state import Snapshot

    grouped = Snapshot()
    assert grouped.quote_view == "statements"
    assert next_sort(grouped, "quotes").quote_sort == "speaker"
    assert next_sort(with_(grouped, quote_sort="speaker"), "quotes").quote_sort == "date"
    assert next_sort(with_(grouped, quote_sort="said"), "quotes").quote_sort == "speaker"  # set in the other view
    flat = with_(grouped, quote_view="quotes")
    assert [next_sort(with_(flat, quote_sort=x), "quotes").quote_sort for x in ("date", "said", "speaker")] == [
        "said",
        "speaker",
        "date",
    ]
