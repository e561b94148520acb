"""One-line bars that repaint without a layout pass.

A `Static.update()` asks for a layout of the whole screen (its size may have
changed), and Textual's `Footer` re-mounts a widget per key whenever focus moves:
at 100,000 articles those passes, not SQL, were most of a navigation step. These
bars are one widget each, one line high, and only repaint when their text changes.
"""

from __future__ import annotations

from collections import defaultdict

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ..render import LineWidget, content_segments
from ..text import cells, clean, shorten

CHIP_WIDTH = 40  # cells of a chip's label


class _Bar(LineWidget, Widget):
    """A one-line widget drawn like the lists' lines (`render.LineWidget`): Textual's styles cache
    spent about a millisecond on each bar's one line, and a step repaints two or three of them."""

    _line_drawn: tuple | None = None  # (what line 0 was drawn from, its segments)

    def line_segments(self, y: int) -> list[Segment]:
        style, width = self.visual_style, self.line_width()
        if y:
            return [Segment(" " * width, style.rich_style)]
        # A bar shown again, or drawn again around an unchanged line (the key bar, back after each prompt),
        # gives the segments it drew last time for the same text, width and styles.
        key = (self.shown(), width, style, self.app.theme, self.app.ansi_color)
        drawn = self._line_drawn
        if drawn is not None and drawn[0] == key:
            return list(drawn[1])
        segments = content_segments(self, self.render(), width, style)
        self._line_drawn = (key, tuple(segments))
        return segments

    def shown(self) -> object:
        """What the bar's line is drawn from, besides its width and styles: the same, the same line."""
        raise NotImplementedError


class Line(_Bar):
    """A line of text of a fixed size (set in CSS); `update` repaints it, nothing else."""

    DEFAULT_CSS = "Line { height: 1; }"

    def __init__(self, content: Content | str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._content = Content(content) if isinstance(content, str) else content

    def update(self, content: Content | str) -> None:
        content = Content(content) if isinstance(content, str) else content
        if content != self._content:
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content

    def shown(self) -> object:
        return self._content


class KeyBar(_Bar):
    """The keys of the focused widget and its screen, one line: what Textual's compact Footer shows.
    Click a key to run it."""

    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; background: $footer-background; color: $footer-foreground; }
    KeyBar > .keybar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
    KeyBar > .keybar--description { color: $footer-description-foreground; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[str, str, str, object]] = []  # (key shown, description, action, namespace)
        self._cells: list[tuple[int, int, int]] = []  # (x0, x1, index into _keys)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        by_action: defaultdict[str, list] = defaultdict(list)
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and enabled:
                by_action[binding.action].append((node, binding))
        keys = []
        for action, found in by_action.items():
            node, binding = found[0]
            keys.append((self.app.get_key_display(binding), binding.description, action, node))
        if [k[:3] for k in keys] != [k[:3] for k in self._keys]:
            self._keys = keys
            self.refresh()

    def shown(self) -> object:
        return [k[:2] for k in self._keys]

    def render(self) -> Content:
        key_style = self.get_visual_style("keybar--key")
        desc_style = self.get_visual_style("keybar--description")
        pieces = [
            [(f" {clean(key)} ", key_style), (f"{clean(description)} ", desc_style)]
            for key, description, _action, _node in self._keys
        ]
        widths = [sum(cells(t) for t, _ in piece) for piece in pieces]
        keep = {i for i, k in enumerate(self._keys) if k[2].rpartition(".")[2] == "help"}
        parts: list = []
        self._cells = []
        x = 0
        for i in fitting_keys(widths, self.line_width(), keep):
            self._cells.append((x, x + widths[i], i))
            parts += pieces[i]
            x += widths[i]
        return Content.assemble(*parts)

    async def on_click(self, event: events.Click) -> None:
        for x0, x1, i in self._cells:
            if x0 <= event.x < x1:
                _key, _description, action, node = self._keys[i]
                await self.app.run_action(action, node)
                return


def fitting_keys(widths: list[int], width: int, keep: set[int]) -> list[int]:
    """The keys (by index) that fit whole in `width` cells, in order: those in `keep` (the help key, which lists
    the rest) first, then the others from the left while they fit. A key is never cut in half."""
    room = width - sum(widths[i] for i in keep)
    shown = set(keep)
    for i, w in enumerate(widths):
        if i not in keep:
            if w > room:
                break
            shown.add(i)
            room -= w
    return sorted(i for i in shown if widths[i] <= width)


CHIP_NARROWEST = 12  # cells a chip's label keeps ("speaker: Da…") before chips are left off the line


def chip_texts(labels: list[str], room: int) -> tuple[list[str], int]:
    """The chips' texts (" label ✕ ") in `room` cells with a space after each: labels cut alike, down to
    `CHIP_NARROWEST` cells, until all fit; then as many as fit, and how many were left off."""
    width = CHIP_WIDTH
    while True:
        texts = [f" {shorten(label, width)} ✕ " for label in labels]
        if sum(cells(t) + 1 for t in texts) <= room or width <= CHIP_NARROWEST:
            break
        width -= 1
    if sum(cells(t) + 1 for t in texts) > room:
        room -= len("+9 more ")  # the line says how many are left off
    shown, used = [], 0
    for text in texts:
        if used + cells(text) + 1 > room:
            break
        shown.append(text)
        used += cells(text) + 1
    return shown, len(texts) - len(shown)


class ChipBar(_Bar):
    """The line on top: app name, back/forward state and the filter chips (click one to remove it)."""

    COMPONENT_CLASSES = {"chipbar--brand", "chipbar--nav", "chipbar--chip", "chipbar--hint"}
    DEFAULT_CSS = """
    ChipBar { height: 1; background: $panel; }
    ChipBar > .chipbar--brand { color: $text-primary; text-style: bold; }
    ChipBar > .chipbar--nav { color: $text-muted; }
    ChipBar > .chipbar--chip { background: $primary-muted; color: $text; }
    ChipBar > .chipbar--hint { color: $text-muted; }
    """

    class Removed(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._chips: list[tuple[str, str]] = []
        self._nav = "  "
        self._cells: list[tuple[int, int, str]] = []

    def show(self, chips: list[tuple[str, str]], nav: str) -> None:
        if chips != self._chips or nav != self._nav:
            self._chips, self._nav = list(chips), nav
            self.refresh()

    def shown(self) -> object:
        return (self._chips, self._nav)

    def render(self) -> Content:
        style = self.get_visual_style
        parts: list = [(" sinorus ", style("chipbar--brand")), (self._nav + " ", style("chipbar--nav"))]
        x = sum(cells(t) for t, _ in parts)
        self._cells = []
        texts, hidden = chip_texts([clean(label) for _, label in self._chips], self.line_width() - x)
        for (name, _label), text in zip(self._chips, texts):
            self._cells.append((x, x + cells(text), name))
            parts += [(text, style("chipbar--chip")), " "]
            x += cells(text) + 1
        if hidden:
            parts.append((f"+{hidden} more", style("chipbar--hint")))
        else:
            hint = "x removes the last filter" if self._chips else "no filters · ? keys"
            if cells(hint) <= self.line_width() - x or not self._chips:  # whole, or not at all
                parts.append((hint, style("chipbar--hint")))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for x0, x1, name in self._cells:
            if x0 <= event.x < x1:
                event.stop()
                self.post_message(self.Removed(name))
                return
