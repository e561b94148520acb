"""The widgets' own CSS matches the widgets it is written for, and the prompt lines and the entity filter are one
line that goes away when closed (found at 80×24: `|` left a three-line bordered box on screen after the command
ran, and the entity filter took three of the list's five rows and never went away)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Input

import tui
import tui.widgets
from tests.tui.conftest import screen_of, settle


def _widget_classes() -> list[type]:
    names = [f"tui.{m.name}" for m in pkgutil.iter_modules(tui.__path__)]
    names += [f"tui.widgets.{m.name}" for m in pkgutil.iter_modules(tui.widgets.__path__)]
    found = []
    for name in names:
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == name:
                if "DEFAULT_CSS" in vars(cls) and cls.SCOPED_CSS:
                    found.append(cls)
    return found


def _selectors(css: str, scope: str, variables: dict) -> list[str]:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=("test", scope), is_default_css=True, scope=scope)
    sheet.parse()
    return [s.css for rule in sheet.rules for s in rule.selector_set]


def test_no_scoped_rule_is_rewritten_to_match_only_inside_its_own_widget():
    """Textual scopes a widget's DEFAULT_CSS by putting its type in front of a rule that does not start with it
    (`#pipe` → `Prompt #pipe`: descendants only), and of a selector list only the last. A rule scoping rewrites
    matches nothing the author meant: each rule of a scoped widget starts with its type, or the widget is
    unscoped."""
    variables = App().get_css_variables()
    rewritten = []
    for cls in _widget_classes():
        scope = cls._css_type_name
        as_written = _selectors(cls.DEFAULT_CSS, "", variables)
        as_scoped = _selectors(cls.DEFAULT_CSS, scope, variables)
        rewritten += [f"{cls.__name__}: {a} → {b}" for a, b in zip(as_written, as_scoped) if a != b]
    assert _widget_classes()  # the check looked at something
    assert not rewritten


async def test_the_pipe_line_is_one_line_and_goes_when_the_command_has_run(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("vertical_line")
        await settle(pilot)
        box = s.query_one("#pipe", Input)
        assert box.display and box.region.height == 1 and box.region.y == 23  # the key bar's line
        box.value = f"cat > '{tmp_path / 'out.txt'}'"
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "out.txt").exists()
        assert not box.display and s.reader.region.bottom <= 23  # gone: the reader has its rows back


async def test_the_entity_filter_is_one_line_and_goes_when_cleared(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2")
        await settle(pilot)
        rows_before = s.lst("entities").region.height
        await pilot.press("slash")
        await settle(pilot)
        box = s.query_one("#entity-filter", Input)
        assert box.display and box.region.height == 1
        assert s.lst("entities").region.height == rows_before - 1
        await pilot.press("escape")
        await settle(pilot)
        assert not box.display and s.lst("entities").region.height == rows_before
