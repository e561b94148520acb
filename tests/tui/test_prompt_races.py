"""A list's load (or a date jump) that completes after a prompt line has opened leaves the prompt alone: the
focus stays on it, what was typed stays, and what the prompt acts on does not change. The load is made slow
deterministically: its read waits on a `threading.Event` the test sets once the prompt is open and typed in."""

from __future__ import annotations

import threading

from model.corpus import query as q
from tests.tui.conftest import screen_of, settle

TYPED = "abc"
WAIT = 30  # seconds a held read waits at most: the test releases it long before (no sleep: an event's wait)


class Gate:
    """Holds the calls of one read API function, once armed, until `release()`; `entered` is set once one is
    held. Unarmed (or released), calls go straight through."""

    def __init__(self, monkeypatch, name: str) -> None:
        self.entered, self._open = threading.Event(), threading.Event()
        self._open.set()
        original = getattr(q, name)

        def held(*args, **kwargs):
            if not self._open.is_set():
                self.entered.set()
                self._open.wait(WAIT)
            return original(*args, **kwargs)

        monkeypatch.setattr(q, name, held)

    def arm(self) -> None:
        self.entered.clear()
        self._open.clear()

    def release(self) -> None:
        self._open.set()


async def _until(pilot, done) -> None:
    """Let the app run until `done()` (a held read has started): pauses, no sleeping."""
    for _ in range(200):
        if done():
            return
        await pilot.pause()
    raise AssertionError("the held read never started")


# Each case: the prompt line it opens, the keys that open it (the Articles list focused) and what it acts on, as
# the screen keeps it. The confirm line opens from the correction menu (`c`, then `d`: the article's date, which
# needs its row) or for an undo (`u`, which needs none: the list may be loading).
PROMPTS = {
    "search": ("search", ("slash",), lambda s: s.state.chips),
    "save": ("save", ("S",), lambda s: (s._save_pane, s.lst(s._save_pane).source, s.state.chips)),
    "date": ("date", ("D",), lambda s: s._date_for),
    "confirm-undo": ("correct", ("u",), lambda s: s._correcting),
    "confirm-date": ("correct", ("c", "d"), lambda s: s._correcting),
}


async def _open_and_type(pilot, s, case: str):
    prompt, keys, acts_on = PROMPTS[case]
    await pilot.press(*keys)
    for _ in range(20):  # the correction menu is a screen of its own: its choice opens the line a message later
        if s._prompt_name == prompt:
            break
        await pilot.pause()
    box = s._prompt()
    assert box is not None and s._prompt_name == prompt and s.app.focused is box, case
    await pilot.press(*TYPED)
    return box, box.value, acts_on(s)


def _assert_untouched(s, case: str, box, value: str, acting_on) -> None:
    prompt, _keys, acts_on = PROMPTS[case]
    assert s._prompt_name == prompt and s.app.focused is box, f"{case}: the focus left the prompt"
    assert box.value == value and value.endswith(TYPED), case
    assert acts_on(s) == acting_on, f"{case}: what it acts on changed"


async def _close(pilot) -> None:
    await pilot.press("escape")
    await settle(pilot)


async def test_a_list_that_loads_after_a_prompt_opened_leaves_its_focus_and_text(make_app, monkeypatch):
    """For each prompt: the Articles list re-sorted, `enter` typed ahead of its rows, then the prompt opened
    before they come."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        gate = Gate(monkeypatch, "count_articles")
        for case in ("search", "save", "date", "confirm-undo"):
            await pilot.press("1")
            await settle(pilot)
            sort = s.state.article_sort
            gate.arm()
            await pilot.press("s")  # a new sort: the list reloads, its count held
            await _until(pilot, gate.entered.is_set)
            await pilot.press("enter")  # typed ahead: the row opens once the rows are in
            assert s.lst("articles").total is None
            box, value, acting_on = await _open_and_type(pilot, s, case)
            gate.release()
            await settle(pilot)
            assert s.lst("articles").total == 4 and s.state.article_sort != sort  # the load did complete
            _assert_untouched(s, case, box, value, acting_on)
            await _close(pilot)


async def test_a_date_jump_that_lands_after_a_prompt_opened_leaves_its_focus_and_text(make_app, monkeypatch):
    """A date jumped to, then a prompt opened on the Articles list before the jump lands: the jump's place in
    the Timeline held; or, the Timeline sorted by reports, its reload in date order held."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        gates = {False: Gate(monkeypatch, "counts_position"), True: Gate(monkeypatch, "merged_events")}
        cases = [(False, "search"), (True, "search"), (False, "save"), (True, "save"), (True, "confirm-date")]
        for by_reports, case in cases:
            await pilot.press("3", "g")
            if by_reports:
                await pilot.press("o")
            await settle(pilot)
            assert s.state.timeline_sort == ("reports" if by_reports else "date")
            assert not s.lst("timeline").highlighted.value.startswith("2023")
            gate = gates[by_reports]
            gate.arm()
            await pilot.press("D", *"2023", "enter")
            await _until(pilot, gate.entered.is_set)
            await pilot.press("1")
            box, value, acting_on = await _open_and_type(pilot, s, case)
            gate.release()
            await settle(pilot)
            timeline = s.lst("timeline")
            assert s.state.timeline_sort == "date" and timeline.highlighted.value.startswith("2023"), case  # landed
            _assert_untouched(s, case, box, value, acting_on)
            await _close(pilot)


async def test_the_lists_read_again_after_a_correction_leave_a_prompt_opened_meanwhile(make_app, monkeypatch):
    """A correction is written in a worker, then every list is read again: a prompt opened while it was being
    written keeps the focus and its text."""
    from tui import correcting

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("1")
        await settle(pilot)
        written, release = threading.Event(), threading.Event()
        write = correcting.write_correction

        def held(*args):
            written.set()
            release.wait(WAIT)
            return write(*args)

        monkeypatch.setattr(correcting, "write_correction", held)
        await pilot.press("c", "d")  # the article's publication date
        await _until(pilot, lambda: s._prompt_name == "correct")
        await pilot.press("ctrl+u", *"2020-01-02", "enter")
        await _until(pilot, written.is_set)
        box, value, acting_on = await _open_and_type(pilot, s, "search")
        release.set()
        await settle(pilot)
        assert any("2020-01-02" in str(n.message) for n in app._notifications)  # written, and the lists read again
        assert any(r.published == "2020-01-02" for r in (s.lst("articles").row(i) for i in range(4)))
        _assert_untouched(s, "search", box, value, acting_on)
