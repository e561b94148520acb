import pytest

from tui.state import Chips, History, Recent, Target


def test_back_and_forward():
    h = History()
    assert h.current is None and h.back() is None and h.forward() is None
    for x in "abc":
        h.visit(x)
    assert h.current == "c" and h.back() == "b" and h.back() == "a" and h.back() is None
    assert h.forward() == "b" and h.forward() == "c" and h.forward() is None


def test_visit_after_back_drops_forward_entries():
    h = History()
    for x in "abc":
        h.visit(x)
    h.back()
    h.back()
    h.visit("d")
    assert len(h) == 2 and not h.can_forward and h.back() == "a" and h.forward() == "d"


def test_replace_updates_current_only():
    h = History()
    h.replace("a")
    h.visit("b")
    h.replace("B")
    assert h.current == "B" and h.back() == "a"


def test_capped():
    h = History(cap=3)
    for x in range(10):
        h.visit(x)
    assert len(h) == 3 and h.back() == 8 and h.back() == 7 and h.back() is None
    with pytest.raises(ValueError):
        History(cap=0)


# ---------------------------------------------------------------- chips of a search, recent targets


def test_each_field_of_a_search_is_a_chip_of_its_own():
    chips = Chips().set("entity", (7, "Wang Yi")).set("search", 'speaker:Putin "no limits" -oil kind:direct')
    assert chips.labels() == [
        ("entity", "entity: Wang Yi"),
        ("search", 'search: "no limits" -oil'),
        ("search:0", "speaker: Putin"),
        ("search:3", "kind: direct"),
    ]
    assert chips.last() == "search:3"
    assert chips.remove("search:0").search == '"no limits" -oil kind:direct'
    assert chips.remove("search").search == "speaker:Putin kind:direct"  # the words go, the fields stay
    assert chips.remove("search:3").remove("search:0").remove("search").order == ("entity",)
    assert chips.remove("entity").labels()[0] == ("search", 'search: "no limits" -oil')


def test_a_search_that_cannot_be_read_is_one_chip():
    chips = Chips().set("search", '"unclosed')
    assert chips.labels() == [("search", 'search: "unclosed')] and chips.remove("search").order == ()


def test_the_filters_as_a_query_to_save():
    chips = Chips().set("article", (1, "A title")).set("speaker", (3, 'Maria "M" Zakharova')).set("search", "ties")
    assert chips.as_query() == 'speaker:"Maria M Zakharova" ties'  # no article: it is no field of the language
    assert Chips().as_query() == ""


def test_recent_targets_latest_first_each_once():
    recent = Recent(cap=3)
    for kind, key in [("entity", 1), ("article", 2), ("entity", 1), ("date", "2023"), ("search", "s")]:
        recent.touch(Target(kind, key, str(key)))
    assert [(t.kind, t.key) for t in recent] == [("search", "s"), ("date", "2023"), ("entity", 1)]
    assert recent.rank("entity", 1) == 2 and recent.rank("article", 2) is None
