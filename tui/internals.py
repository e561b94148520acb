"""Every use of Textual's private API in the TUI, and nowhere else.

Written against Textual 8.2 (pyproject pins textual>=8.2,<8.3). Before moving that pin, read each
piece here against the new Textual's source: the names used (`textual._compositor`, `App._begin_batch`,
`Screen._compositor_refresh`, `Widget._styles_cache`, …) may have changed or gone, and the tests in
tests/tui/test_frames.py check that what these pieces save (a frame, a layout pass, a restyle) is
still saved.

What is here: `FrameScreen`, a Screen whose repaints a navigation step can hold until every query it
started has answered, drawn then in one frame, and which draws any other change a period after its last frame
(not when Textual's update timer next ticks); `set_border`, a border title that repaints one line;
`line_cache`, a widget's own cache of drawn lines; `keymap`, the app's key remapping;
`tolerate_undecodable_input`, input bytes that are not UTF-8 replaced instead of fatal;
`guard_option_list_paging`, PageUp/PageDown in an option list with no room to draw a line;
`cache_handler_lookup`, each message's handlers looked up in a class's MRO once, not per message;
`withdraw_notice`, a notice taken off the screen before its time (the others left up).
"""

from __future__ import annotations

import codecs
import functools
import threading
import time

from textual import messages
from textual._compositor import Compositor
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.message_pump import MessagePump
from textual.reactive import Reactive
from textual.screen import UPDATE_PERIOD, Screen
from textual.widgets import OptionList


class _Compositor(Compositor):
    """Textual's compositor, minus work a frame does not need:

    - a second layout pass per frame: a full reflow arranges every widget, visible or not, yet leaves
      the full map marked stale if a scroll (reflow_visible) or an update of a hidden widget marked it
      so before, and the frame's first look-up of a widget's region arranges the whole screen again.
      After a full reflow the full map is the one it just made;
    - drawing what no one sees: a container whose visible children cover all of it (the screen, the
      body, the column of panes) is drawn, then each of its lines cut up and thrown away, in every
      frame that touches it (`_covered`);
    - drawing again what did not change: a frame draws every widget its update's bounding box
      touches, and Textual's `render_lines` costs a widget 0.1-0.4 ms even when every line comes from
      its cache (its background, title styles, padding and filters are worked out again). A widget
      none of whose lines in view was marked dirty gives the strips it gave last time (`_drawn`)."""

    def __init__(self) -> None:
        super().__init__()
        self._covered_for: object = None
        self._covered_set: frozenset = frozenset()

    def reflow(self, parent, size):
        result = super().reflow(parent, size)
        self._full_map_invalidated = False
        return result

    def _get_renders(self, crop: Region | None = None):
        covered = self._covered()
        for widget, (region, clip) in self.visible_widgets.items():
            if widget in covered or (crop and not crop.overlaps(clip)):
                continue
            x, y, width, height = Region.intersection(region, clip)
            if width and height:
                yield region, clip, _drawn(widget, Region(x - region.x, y - region.y, width, height))

    def _covered(self) -> frozenset:
        """The visible widgets whose visible children, side by side, cover every cell of them (worked out
        once a map: a layout or a scroll makes a new one)."""
        visible = self.visible_widgets
        if self._covered_for is not visible:
            self._covered_for = visible
            self._covered_set = _covered_by_children(visible)
        return self._covered_set


def _covered_by_children(visible: dict) -> frozenset:
    """Of `visible` (widget -> (region, clip)), those whose children in `visible` do not overlap each
    other and together fill the widget's visible area. Children are drawn in front of their parent,
    and a widget paints every cell of its region, so nothing of such a parent shows."""
    children: dict = {}
    for widget in visible:
        parent = widget._parent
        if parent in visible:
            children.setdefault(parent, []).append(widget)
    covered = set()
    for parent, kids in children.items():
        region, clip = visible[parent]
        area = region.intersection(clip)
        parts = [visible[kid][0].intersection(visible[kid][1]).intersection(area) for kid in kids]
        parts = [part for part in parts if part.area]
        if sum(part.area for part in parts) != area.area:
            continue
        if all(not a.overlaps(b) for i, a in enumerate(parts) for b in parts[i + 1 :]):
            covered.add(parent)
    return frozenset(covered)


def _drawn(widget, crop: Region) -> list:
    """`widget.render_lines(crop)`, or the strips it gave last time when nothing it draws from has changed:
    the same crop and width, the same line filters, and each line of the crop the very strip its styles
    cache held then (a repaint, a restyle or a resize clears or marks those lines; nothing else changes
    what Textual draws from that cache)."""
    cache = widget._styles_cache
    lines = cache._cache
    filters = tuple(widget.get_line_filters())
    rows = crop.line_range
    memo = widget.__dict__.get("_sinorus_drawn")
    if (
        memo is not None
        and memo[0] == crop
        and memo[1] == cache._width
        and memo[2] == filters
        and cache._dirty_lines.isdisjoint(rows)
        and all(a is b for a, b in zip(memo[3], map(lines.get, rows)))
    ):
        return memo[4]
    strips = widget.render_lines(crop)
    sources = list(map(lines.get, rows))
    if any(source is not None for source in sources):  # drawn from the cache: kept while it holds
        widget._sinorus_drawn = (crop, cache._width, filters, sources, strips)
    else:
        widget._sinorus_drawn = None
    return strips


class FrameScreen(Screen):
    """A screen that draws a step in one frame: `hold_frames` suspends its repaints (and the app's)
    until the matching `release_frames`, which draws at once whatever changed meanwhile."""

    # Textual repaints the whole screen when focus moves, in a second frame after the step's own: the
    # widgets whose look depends on focus restyle and repaint themselves, so the screen need not.
    focused: Reactive = Reactive(None, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        self._compositor = _Compositor()
        self._held_frames = 0  # holds whose repaints are still suspended
        self._skipped_frame = False  # a layout pass was held back: its changes wait in the compositor
        self._resumed = False
        self._last_frame = 0.0  # when the last frame was drawn (time.monotonic)
        self._frame_due = False  # a frame is set to be drawn a period after the last

    @property
    def holding_frames(self) -> bool:
        return self._held_frames > 0

    def hold_frames(self) -> None:
        self._held_frames += 1
        self.app._begin_batch()

    def release_frames(self) -> None:
        """End one hold; with none left (here or in the app), draw now: Textual's update timer would wait
        for its next tick (after a pause, as at start-up, a whole period of 1/60 s)."""
        self._held_frames -= 1
        self.app._end_batch()
        if not self._held_frames and not self.app._batch_count and self.is_current:
            skipped, self._skipped_frame = self._skipped_frame, False
            self._on_timer_update()
            if skipped and self._compositor._dirty_regions:  # a held layout's changes, nothing else
                self._compositor_refresh()

    def request_pending_repaints(self) -> None:
        """Widgets changed just now would ask this screen for a repaint from their own message loops,
        a moment later: ask now, so the requests are queued here before a hold ends and land in its
        frame, not in one of their own."""
        for widget in self.walk_children(with_self=False):
            if widget._repaint_required or widget._layout_required or widget._scroll_required:
                widget._check_refresh()

    def post_message(self, message) -> bool:
        """A widget's request for a repaint (Update) or a scroll pass (UpdateScroll) is taken at once, as
        Textual's handlers take it off the queue: a widget to repaint, a scroll to lay out. Queued, each cost a
        round of the screen's message loop, its handler and an idle pass: a step sends about sixteen."""
        kind = type(message)
        if (
            (kind is messages.Update or kind is messages.UpdateScroll)
            and not (self._closing or self._closed)
            and self._thread_id == threading.get_ident()
        ):
            if kind is messages.UpdateScroll:
                self._scroll_required = True
            elif self in self._compositor:
                self._dirty_widgets.add(message.widget)
            self.check_idle()
            return True
        return super().post_message(message)

    def _compositor_refresh(self) -> None:
        # A layout pass during a held step (or the first one, at start-up) would draw a frame of its
        # own; its changes stay marked in the compositor instead and go out with the step's frame.
        if self._held_frames:
            self._skipped_frame = True
            return
        super()._compositor_refresh()
        self._last_frame = time.monotonic()

    def _wants_frame(self) -> bool:
        return (
            not self.app._batch_count
            and not self._held_frames
            and self.is_current
            and bool(self._layout_required or self._scroll_required or self._repaint_required or self._dirty_widgets)
        )

    async def _on_idle(self, event) -> None:
        """Draw what changed one period (1/60 s) after the last frame, or now if that is past. Textual resumes
        its update timer here instead, and a timer resumed after a pause skips ahead from when it started: its
        next tick fell 17-33 ms out, so whatever came after a step's first frame (the rows of the last page
        and its article after `G`) waited that long in the middle of a step."""
        if not self._wants_frame():
            await super()._on_idle(event)
            return
        event.prevent_default()
        wait = UPDATE_PERIOD - (time.monotonic() - self._last_frame)
        if wait <= 0:
            self._on_timer_update()
        elif not self._frame_due:
            self._frame_due = True
            self.set_timer(wait, self._due_frame)

    def _due_frame(self) -> None:
        self._frame_due = False
        if self._wants_frame():
            self._on_timer_update()

    def _update_focus_styles(self, focused=None, blurred=None) -> None:
        """Textual restyles every node under the nearest ancestor with a `:focus-within` rule, each list
        and its component classes with it; here only those ancestors' own borders depend on it (the
        panes' and the viewer's), so only they are restyled."""
        nodes = {
            node
            for widget in (focused, blurred)
            if widget is not None
            for node in widget.ancestors_with_self
            if node._has_focus_within
        }
        if nodes:
            self.app.stylesheet.update_nodes(nodes, animate=True)

    def on_screen_resume(self, event) -> None:
        # Runs before Textual's own handler, which restyles every node of a resumed screen (the theme
        # may have changed while another screen was on top). The first time, every node was styled
        # as it mounted, moments before: no second pass over them before the first frame.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False


def set_border(widget, title: str | None = None, subtitle: str | None = None) -> None:
    """Set a border's title and subtitle when they change, repainting only the border's top or bottom
    line: Textual's `border_title` repaints the whole box, every line of a pane behind its list."""
    for attr, text in (("border_title", title), ("border_subtitle", subtitle)):
        key = "_sinorus_" + attr
        if text is not None and getattr(widget, key, None) != text:
            setattr(widget, key, text)
            if not widget.is_mounted or not widget.size:
                setattr(widget, attr, Content(text))
                continue
            setattr(widget, "_" + attr, Content(text).expand_tabs(4).split()[0])  # as the setter does
            ox, oy = widget.content_offset
            width, height = widget.outer_size
            y = 0 if attr == "border_title" else height - 1
            widget.refresh(Region(-ox, y - oy, width, 1))


def line_cache(widget, width: int) -> tuple[dict, set]:
    """(drawn lines by y, the y of lines to draw again) from `widget`'s styles cache, emptied first
    if the widget's width changed."""
    cache = widget._styles_cache
    if width != cache._width:
        cache.clear()
        cache._width = width
    return cache._cache, cache._dirty_lines


def keymap(app) -> dict[str, str]:
    """The app's remapping of binding ids to keys (what `App.set_keymap` was given)."""
    return app._keymap


def _lenient_decoder(encoding: str):
    """`codecs.getincrementaldecoder`, whose decoders replace undecodable bytes with U+FFFD."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def tolerate_undecodable_input() -> None:
    """Make one input byte that is not UTF-8 harmless instead of fatal.

    Upstream cause (Textual 8.2.8): `LinuxDriver.run_input_thread` decodes stdin with
    `getincrementaldecoder("utf-8")()`, strict errors, so a stray byte (0xff from `tmux send-keys -H ff`,
    Alt+key on an 8-bit xterm, a Latin-1 paste) raises UnicodeDecodeError in the input thread: the app
    prints a traceback and exits with status 0. The driver looks the factory up in its module's globals
    when the thread starts, so it gets this one instead, and a bad byte arrives as U+FFFD, an unbound key
    (or a visible replacement character in a text field). Idempotent; affects only that driver."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios (Windows): another driver, another decoder
        return
    linux_driver.getincrementaldecoder = _lenient_decoder


def guard_option_list_paging() -> None:
    """PageUp/PageDown in an `OptionList` given no room (0 rows) do nothing instead of raising.

    Upstream cause (Textual 8.2.8): `OptionList._update_lines` builds its line map only when the list has
    a non-empty content region, but `OptionList._move_page` indexes that map (`_index_to_line[highlighted]`)
    unguarded; `scroll_to_highlight` catches the same KeyError. In a 10x3 terminal the command palette's
    input takes every row, its option list is 0 rows high, and ctrl+p then PageDown raised `KeyError: 0`,
    which ended the app. With no lines there is no page to move by. Idempotent."""
    move_page = OptionList._move_page
    if getattr(move_page, "_sinorus_guarded", False):
        return

    def _move_page(self, direction):
        if self._lines:  # empty while the list has no room: nothing drawn, nothing to page through
            move_page(self, direction)

    _move_page._sinorus_guarded = True
    OptionList._move_page = _move_page


def _handlers_in_mro(pump_type: type, message_type: type, method_name: str) -> tuple:
    """For each class of `pump_type`'s MRO that has a handler of `message_type` (by `@on`, for the message's
    class or a base of it, or by name), (class, its `@on` handlers as (function, selectors), its named handler
    or None): what `MessagePump._get_dispatch_methods` finds walking the MRO, without the walking."""
    message_mro = [t for t in message_type.__mro__ if issubclass(t, Message)]
    found = []
    for cls in pump_type.__mro__:
        decorated = cls.__dict__.get("_decorated_handlers") or {}
        on = tuple(handler for t in message_mro for handler in decorated.get(t, []))
        named = cls.__dict__.get(f"_{method_name}") or cls.__dict__.get(method_name)
        if named is not None and getattr(named, "_textual_on", None):
            named = None
        if on or named is not None:
            found.append((cls, on, named))
    return tuple(found)


def cache_handler_lookup() -> None:
    """Look up a message's handlers in the receiver's MRO once per (receiver class, message class).

    Upstream (Textual 8.2.8): `MessagePump._get_dispatch_methods` walks the whole MRO of the receiver for
    every message, two `__dict__` look-ups a class and the `@on` tables of each; the browser screen's MRO
    has some twenty classes, and a search step dispatches about seventy messages (4 % of the main thread's
    time in the step). Classes do not gain handlers after import, so what the walk finds is kept; what
    depends on the message (its `@on` selectors, `prevent_default` between classes) is still checked per
    message, in the same order as upstream. Idempotent."""
    if getattr(MessagePump._get_dispatch_methods, "_sinorus_cached", False):
        return
    from textual._on import OnNoWidget
    from textual.css.match import match
    from textual.widget import Widget

    table: dict[tuple[type, type, str], tuple] = {}

    def _get_dispatch_methods(self, method_name, message):
        key = (type(self), type(message), method_name)
        found = table.get(key)
        if found is None:
            found = table[key] = _handlers_in_mro(type(self), type(message), method_name)
        methods_dispatched: set = set()
        for cls, on, named in found:
            if message._no_default_action:
                break
            for method, selectors in on:
                if method in methods_dispatched:
                    continue
                if not selectors:
                    yield cls, method.__get__(self, cls)
                    methods_dispatched.add(method)
                    continue
                if not message._sender:
                    continue
                for attribute, selector in selectors.items():
                    node = getattr(message, attribute)
                    if node is None:
                        break
                    if not isinstance(node, Widget):
                        raise OnNoWidget(f"on decorator can't match against {attribute!r} as it is not a widget.")
                    if not match(selector, node):
                        break
                else:
                    yield cls, method.__get__(self, cls)
                    methods_dispatched.add(method)
            if named is not None:
                yield cls, named.__get__(self, cls)

    _get_dispatch_methods._sinorus_cached = True
    _get_dispatch_methods._sinorus_upstream = MessagePump._get_dispatch_methods  # (tests compare the two)
    MessagePump._get_dispatch_methods = _get_dispatch_methods


def withdraw_notice(app, message: str) -> None:
    """Take the notices saying `message` off the screen before their timeout, leaving the others up (Textual
    has only `clear_notifications` in public: `App._notifications`, `App._unnotify`)."""
    for notification in [n for n in app._notifications if n.message == message]:
        app._unnotify(notification)
