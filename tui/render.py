"""Drawing `Content` into line-API strips with the app's theme variables."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.markup import parse_style
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from .internals import line_cache

# Parsing a style with theme variables is slow (it tokenizes every variable), so
# each (theme, style) pair is parsed once.
_STYLES: dict[tuple[str, str], Style] = {}


_VARIABLE = re.compile(r"\$([\w-]+)")


def parse_style_fast(style: str, variables: dict[str, str]) -> Style:
    """`parse_style(style, variables)`, with the theme's variables put in first: given the variables,
    Textual tokenizes all ~170 of them for every style (1.5 ms each, most of a first frame's styles)."""
    plain = _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), style)
    if "$" not in plain:
        try:
            return parse_style(plain)
        except Exception:
            pass
    return parse_style(style, variables)


def content_segments(widget, content: Content, width: int, style: Style) -> list[Segment]:
    """One screen line of `content` on `style`, cropped or padded to exactly `width` cells, as segments.
    Span styles may use theme variables (`$text-warning`). Segments, not a Strip: a Strip builds seven
    caches as it is made, and a line drawn through crop, extend and the scroll thumb made four of them
    (most of the cost of drawing a line); the caller makes one."""
    app = widget.app
    theme = app.theme

    def get(s):
        if not isinstance(s, str):
            return s
        key = (theme, s)
        parsed = _STYLES.get(key)
        if parsed is None:
            try:
                parsed = parse_style_fast(s, app.theme_variables)
            except Exception:
                parsed = Style.null()
            _STYLES[key] = parsed
        return parsed

    segments = [Segment(text, _rich(style, st)) for text, st in content.render(style, end="", parse_style=get)]
    return fit(segments, width, style.rich_style)


def fit(segments: list[Segment], width: int, rich_style) -> list[Segment]:
    """`segments` cropped or padded (with `rich_style`) to exactly `width` cells."""
    length = sum(cell_len(text) for text, _, _ in segments)
    if length < width:
        segments.append(Segment(" " * (width - length), rich_style))
    elif length > width:
        segments = list(Strip(segments, length).crop(0, width))
    return segments


_RICH: dict = {}  # (base style, span style) -> the Rich style drawn: a line has few, a screen repeats them


def _rich(base: Style, style: Style):
    key = (base, style)
    rich = _RICH.get(key)
    if rich is None:
        if len(_RICH) > 4096:
            _RICH.clear()
        rich = _RICH[key] = (base + style).rich_style
    return rich


THUMB = "▐"


def thumb_segment(widget, y: int, height: int, total: int, top: int) -> Segment:
    """The scroll thumb's cell on line `y`, drawn in the line itself: a Textual scrollbar is a widget of
    its own that repaints in a frame of its own after every layout."""
    on = False
    if total > height > 0:
        size = max(1, round(height * height / total))
        start = round(top / (total - height) * (height - size))
        on = start <= y < start + size
    app = widget.app
    key = (app.theme, app.ansi_color, on)
    cache = widget.__dict__.setdefault("_thumb_styles", {})
    rich = cache.get(key)
    if rich is None:
        rich = cache[key] = widget.get_visual_style("scroll--thumb" if on else "scroll--track").rich_style
    return Segment(THUMB if on else " ", rich)


def set_virtual_size(widget, size) -> None:
    """Set a line-API widget's scrollable size without the layout pass of the whole screen that Textual's
    `virtual_size` asks for: these widgets hide Textual's scrollbars (the thumb is drawn in the lines) and
    nothing around them depends on their content's size, so a repaint of the widget is all it needs."""
    if widget.virtual_size != size:
        widget.set_reactive(Widget.virtual_size, size)
        widget.refresh()


def plain_box(widget) -> bool:
    """True when Textual's per-line styling adds nothing but left/right padding to `widget`'s own lines:
    no border, outline, tint, opacity or padding above and below."""
    styles = widget.styles
    top, _right, bottom, _left = styles.padding
    return (
        not top
        and not bottom
        and not any(edge for edge, _ in styles.border)
        and not any(edge for edge, _ in styles.outline)
        and not styles.tint.a
        and styles.opacity == 1.0
        and styles.text_opacity == 1.0
        and widget.opacity == 1.0
    )


def render_lines(widget, crop: Region) -> list[Strip]:
    """`Widget.render_lines` for a `LineWidget` in a plain box (see `plain_box`): the same line cache
    (only lines marked dirty are drawn again) and the app's line filters, without the styles cache's
    per-line work (borders, gutters, tint and opacity checks, a Strip or two more per line), which
    cost about as much as drawing the line itself. Each line is one Strip: padding and the widget's
    `line_segments`, put through the line filters before it is made a Strip (Textual makes a second Strip
    of the filtered line, with seven caches of its own): the cache holds lines filtered, so it is emptied
    when the filters or the background they filter on change."""
    width = widget.outer_size.width
    lines, dirty = line_cache(widget, width)
    filters = widget.get_line_filters()
    base_background, background = widget.background_colors
    filtered_by = (*filters, background)
    if widget.__dict__.get("_lines_filtered_by") != filtered_by:
        lines.clear()
        widget._lines_filtered_by = filtered_by
    _top, pad_right, _bottom, pad_left = widget.styles.padding
    pad_style = Style(background=base_background + background).rich_style  # as Textual pads
    head = [Segment(" " * pad_left, pad_style)] if pad_left else []
    tail = [Segment(" " * pad_right, pad_style)] if pad_right else []
    strips = []
    for y in crop.line_range:
        strip = None if y in dirty else lines.get(y)
        if strip is None:
            segments = [*head, *widget.line_segments(y), *tail]
            for line_filter in filters:
                segments = line_filter.apply(segments, background)
            strip = lines[y] = Strip(segments, width)
        strips.append(strip)
    dirty.difference_update(crop.line_range)
    if crop.column_span != (0, width):
        x1, x2 = crop.column_span
        strips = [strip.crop(x1, x2) for strip in strips]
    return strips


def draw_ahead(widget) -> None:
    """Draw every line of `widget` in view into its line cache, as its next frame would: the frame then takes
    them from the cache (a line changed meanwhile is marked and drawn again then)."""
    if isinstance(widget, LineWidget) and widget.display and widget.is_mounted and plain_box(widget):
        size = widget.outer_size
        if size.width and size.height:
            widget.render_lines(Region(0, 0, size.width, size.height))


class LineWidget:
    """A widget (mixed in before Textual's class) that draws each line as segments, exactly
    `line_width()` cells: through `render_lines` above in a plain box, through Textual's styles cache
    (`render_line`) otherwise."""

    def line_segments(self, y: int) -> list[Segment]:
        raise NotImplementedError

    def line_width(self) -> int:
        return self.content_region.width

    def render_line(self, y: int) -> Strip:
        return Strip(self.line_segments(y), self.line_width())

    def render_lines(self, crop: Region) -> list[Strip]:
        return render_lines(self, crop) if plain_box(self) else super().render_lines(crop)


class LineScrollView(LineWidget, ScrollView):
    """What the reader and the lists share: a line-API scroll view in a plain box, its scroll thumb drawn
    in its lines (`thumb_segment`, Textual's scrollbars hidden), that scrolls at once and is not restyled
    on focus."""

    def post_up(self, message) -> None:
        """Post `message` straight to the screen, which handles it, not through each container between
        (each a round of its own message loop and an idle pass)."""
        message.bubble = False
        self.screen.post_message(message)

    def scroll_y_to(self, y: float) -> None:
        """Scroll to line `y` now (`force`: with the scrollbars hidden, Textual would not scroll)."""
        self.scroll_to(y=y, animate=False, immediate=True, force=True)

    _frame: tuple | None = None  # (content region, top line, base style) while render_lines draws

    def render_lines(self, crop: Region) -> list[Strip]:
        # what every line needs, looked up once (each lookup walks reactives and the DOM: ~30 us a line)
        self._frame = (self.scrollable_content_region, round(self.scroll_y), self.visual_style)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def line_frame(self) -> tuple:
        """(content region, top line, base style) for drawing a line."""
        return self._frame or (self.scrollable_content_region, round(self.scroll_y), self.visual_style)

    def line_width(self) -> int:
        """Text, then the scroll thumb's cell."""
        return self.line_frame()[0].width

    def watch_has_focus(self, _has_focus: bool) -> None:
        """No restyle on focus (Textual's default restyles the widget and its component classes): no CSS
        rule depends on this widget's focus; what focus changes is drawn in code."""

    def on_mouse_scroll_down(self, event) -> None:
        event.stop()
        self.scroll_y_to(self.scroll_y + 3)

    def on_mouse_scroll_up(self, event) -> None:
        event.stop()
        self.scroll_y_to(self.scroll_y - 3)


class Box(Vertical):
    """A bordered pane whose children cover all of its inside. Its own lines between the top and bottom
    border are all the same (the side borders around blank), so one is drawn and repeated: a focus move
    restyles the box (its border colour), and drawing each of the reader box's 33 lines cost 2.5 ms.
    Of its three lines, only those marked dirty are drawn again (a new title: the top line alone), each
    call to Textual's drawing costing ~0.1 ms before it draws anything."""

    def render_lines(self, crop: Region) -> list[Strip]:
        height = self.outer_size.height
        if height < 4:
            return super().render_lines(crop)
        last = height - 1
        lines, dirty = line_cache(self, self.outer_size.width)
        wanted = {min(y, 1) if y < last else y for y in crop.line_range}
        kept: dict[int, tuple] = self.__dict__.setdefault("_kept_lines", {})
        how = (crop.x, crop.width, tuple(self.get_line_filters()))
        drawn: dict[int, Strip] = {}
        for y in wanted:  # a line drawn before, from the line still in the cache, the same way
            line = kept.get(y)
            if line is not None and y not in dirty and line[0] is lines.get(y) and line[1] == how:
                drawn[y] = line[2]
        top = [y for y in (0, 1) if y in wanted and y not in drawn]  # the top border and the inner line: one call
        if top:
            drawn.update(zip(top, super().render_lines(Region(crop.x, top[0], crop.width, len(top)))))
        if last in wanted and last not in drawn:
            drawn[last] = super().render_lines(Region(crop.x, last, crop.width, 1))[0]
        for y in wanted:
            kept[y] = (lines.get(y), how, drawn[y])
        # the lines repeated from the inner line are drawn with it: none of them waits to be drawn again
        dirty.difference_update(range(2, last))
        return [drawn[min(y, 1) if y < last else y] for y in crop.line_range]
