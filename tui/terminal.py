"""Whether the terminal can show the browser, checked before Textual starts.

Textual 8.2 never draws in two kinds of terminal, spins a core and ignores q and ctrl+c: a dumb
one (`TERM=dumb` or `unknown`) and one that reports a size of 0 (a pseudo-terminal whose size was
never set). In both, the app's two sources of the size disagree: Rich's console says 80×25 (its
fixed size for a dumb terminal, and its fallback for a 0), Textual's Linux driver says what
`shutil.get_terminal_size` says (the real size, or its fallback of 80×24), and the app resizes for
ever between them. (A dumb terminal of exactly 80×25 draws.) No upstream Textual issue was found
for this (the issues corpus searched for "TERM=dumb", "0x0", "resize loop"); the resize handling
moved to a timer in Textualize/textual#6471. Other TUIs refuse a dumb terminal the same way
(openai/codex#9293). A 1×1 terminal draws and obeys q: there is no other minimum size.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

DUMB_TERMS = ("dumb", "unknown")  # Rich's own list (rich.console.Console.is_dumb_terminal)


def why_it_cannot_draw(environ: Mapping[str, str] | None = None, fd: int | None = None) -> str | None:
    """Why the terminal on `fd` (standard output) cannot show the browser, in one line, or None."""
    environ = os.environ if environ is None else environ
    term = environ.get("TERM", "")
    if term.lower() in DUMB_TERMS:
        return (
            f"this terminal (TERM={term}) cannot draw the browser: it has no cursor movement; "
            "run it in a terminal such as xterm (TERM=xterm-256color), or use 'sinorus-tui export'"
        )
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno() if fd is None else fd)
    except (AttributeError, OSError, ValueError):  # not a terminal: Textual decides
        return None
    if size.columns == 0 or size.lines == 0:
        return (
            f"this terminal reports a size of {size.columns}×{size.lines}; "
            "give it one (e.g. 'stty rows 24 cols 80') and start again"
        )
    return None
