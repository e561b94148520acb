"""Drawing `Content` into line-API strips with the app's theme variables."""
from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.markup import parse_style
from textual.strip import Strip
from textual.style import Style

# Parsing a style with theme variables is slow (it tokenizes every variable), so
# each (theme, style) pair is parsed once.
_STYLES: dict[tuple[str, str], Style] = {}


def content_strip(widget, content: Content, width: int, style: Style) -> Strip:
    """One screen line of `content` on `style`, cropped or padded to `width` cells.
    Span styles may use theme variables (`$text-warning`)."""
    app = widget.app
    theme = app.theme

    def get(s):
        if not isinstance(s, str):
            return s
        key = (theme, s)
        parsed = _STYLES.get(key)
        if parsed is None:
            try:
                parsed = parse_style(s, app.theme_variables)
            except Exception:
                parsed = Style.null()
            _STYLES[key] = parsed
        return parsed

    segments = [Segment(text, (style + st).rich_style) for text, st in content.render(style, end="", parse_style=get)]
    return Strip(segments).crop_extend(0, width, style.rich_style)
