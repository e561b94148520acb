"""The characters article text may not carry onto a screen or into the database: one definition,
shared by ingest (model.ingest.sources) and the browser's renderer (tui.text), in a module light enough
for the browser to import at start-up. `one_line` shows them escaped, for names (file names, keys,
paths) and for every line the command line prints."""

import re

# C0 and C1 controls except \t and \n, DEL, bidi embeddings/overrides/isolates, and BOMs.
UNSAFE_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb"  # a regex class body

# On one line also tab and newline, the bidi marks, the line and paragraph separators, and lone
# surrogates (a file name that is not UTF-8 decodes to them, and no terminal can be sent one).
_NOT_ON_ONE_LINE = re.compile(f"[{UNSAFE_CHARS}\t\n\u061c\u200e\u200f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(m: re.Match) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def one_line(text: str) -> str:
    """`text` safe to print on one line of a terminal: each control, bidi or separator character
    shown as its escape (ESC as `\\x1b`, a newline as `\\n`, U+202E as `\\u202e`); nothing else changes."""
    return _NOT_ON_ONE_LINE.sub(_escaped, text)
