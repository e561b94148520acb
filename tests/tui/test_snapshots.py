"""SVG snapshots (pytest-textual-snapshot). Update with --snapshot-update after a deliberate change."""

from __future__ import annotations

from tests.tui.conftest import settle


async def _settle(pilot):
    await settle(pilot)


async def _open_entity(pilot):
    await settle(pilot)
    await pilot.press("2", "j", "j", "enter")
    await settle(pilot)


def test_start_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_settle)


def test_entity_page_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_open_entity)


def test_all_panes_120x40(snap_compare, make_app):
    async def run(pilot):
        await settle(pilot)
        await pilot.press("4", "j", "enter")  # a quote: its article, scrolled and highlighted
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run)


def test_ansi_theme_120x40(snap_compare, make_app):
    assert snap_compare(make_app(theme="ansi-dark"), terminal_size=(120, 40), run_before=_open_entity)


def test_timeline_events_80x24(snap_compare, make_conflict_app):
    """The Timeline of events at 80×24: the density strip, one line an event, `⚠` on the one in conflict."""

    async def run(pilot):
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)

    assert snap_compare(make_conflict_app(), terminal_size=(80, 24), run_before=run)
