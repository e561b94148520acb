"""Drawing `Content` into line-API strips with the app's theme variables."""
from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.markup import parse_style
from textual.strip import Strip
from textual.style import Style


def content_strip(widget, content: Content, width: int, style: Style) -> Strip:
    """One screen line of `content` on `style`, cropped or padded to `width` cells.
    Span styles may use theme variables (`$text-warning`)."""
    variables = widget.app.theme_variables
    cache: dict = {}

    def get(s):
        if s not in cache:
            try:
                cache[s] = parse_style(s, variables) if isinstance(s, str) else s
            except Exception:
                cache[s] = Style.null()
        return cache[s]

    segments = [Segment(text, (style + st).rich_style) for text, st in content.render(style, end="", parse_style=get)]
    return Strip(segments).crop_extend(0, width, style.rich_style)
