import pytest

from tui.state import History


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
