"""The renderer's quick style parse gives what Textual's own parse gives, for every style the
browser draws with, on every theme (a wrong variable would show the wrong colour everywhere)."""

import pytest
from textual.app import App
from textual.markup import parse_style

from tui import document
from tui.render import parse_style_fast


def styles() -> set[str]:
    found = {v for k, v in vars(document).items() if k.endswith("_STYLE") and isinstance(v, str)}
    found |= set(document.LABEL_STYLES.values())
    found |= {document.label_style(label) for label in ("PERSON", "ORG", "GPE", "NORP", "DATE", None)}
    found |= {"bold " + s.replace("underline ", "") for s in document.LABEL_STYLES.values()}
    return found


def test_quick_parse_matches_textual_on_every_theme():
    app = App()
    checked = 0
    for theme in app.available_themes:
        app.theme = theme
        variables = app.get_css_variables()
        for style in styles():
            fast, slow = parse_style_fast(style, variables), parse_style(style, variables)
            if fast != slow:
                # Textual's variable path drops the alpha of an 'auto 60%' colour ($text-muted) and
                # draws muted text at full contrast; ours keeps it. Nothing else may differ.
                assert slow.foreground.auto and fast.foreground.auto and fast.foreground.a < 1, (theme, style)
                assert (fast.bold, fast.italic, fast.underline, fast.reverse, fast.dim, fast.background) == (
                    slow.bold,
                    slow.italic,
                    slow.underline,
                    slow.reverse,
                    slow.dim,
                    slow.background,
                )
            checked += 1
    assert checked > 100


def test_an_unknown_variable_is_an_error_as_in_textual():
    variables = App().get_css_variables()
    with pytest.raises(Exception):
        parse_style("bold $no-such-variable", variables)
    with pytest.raises(Exception):
        parse_style_fast("bold $no-such-variable", variables)
