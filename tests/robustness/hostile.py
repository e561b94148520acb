"""Hostile strings and a database poisoned with them, written past ingest (which would sanitise them).

`poison(db)` rewrites every string column the browser shows (titles, sources, article text, entity
names and aliases, mention, quote and date texts, speakers, cues, rules) so that each carries escape
sequences, C0/C1 controls, bidi overrides and Textual/Rich markup. Offsets stay valid: article text
only gets the payload appended, so every mention, quote and date still points at its own words.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

# What an attacker would put in an article, a title or a name.
ESCAPES = (
    "\x1b[2J"  # clear the screen
    "\x1b[31mRED\x1b[0m"  # SGR colour
    "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write "evil" to the clipboard
    "\x1b]8;;https://evil.example/\x1b\\LINK\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x1b]0;pwned-title\x07"  # OSC 0: set the window title
    "\x9b2J\x9d52;c;QzE=\x9c"  # the same as C1 controls (CSI, OSC, ST)
    "\x07\x08\x0b\x0c\x7f"  # BEL, BS, VT, FF, DEL
    "\u202eEVIL\u202c\u2066ISO\u2069\u200f"  # bidi override, isolate, mark
)
# Separated by spaces, so word wrap keeps each fragment whole on one screen line.
MARKUP = "[bold]B[/bold] [link=https://evil.example]L[/link] [@click=app.quit]Q[/] [/] "
PAYLOAD = MARKUP + ESCAPES + " "

# The markup must show literally; these fragments prove it.
LITERAL = ("[bold]B[/bold]", "[link=https://evil.example]L[/link]", "[@click=app.quit]Q[/]")

# Every character that must never reach a terminal from stored text.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# (table, column, how): "set" replaces with payload + old value, "append" keeps offsets valid.
COLUMNS = [
    ("article", "title", "set"),
    ("article", "source", "set"),
    ("article", "published_basis", "set"),
    ("article", "url", "set"),
    ("article", "text", "append"),
    ("entity", "canonical", "set"),
    ("alias", "alias", "set"),
    ("mention", "text", "set"),
    ("mention", "basis", "set"),
    ("quote", "text", "set"),
    ("quote", "cue", "set"),
    ("quote", "speaker_name", "set"),
    ("quote", "basis", "set"),
    ("timex", "text", "set"),
    ("timex", "value", "set"),
    ("timex", "basis", "set"),
    ("event", "summary", "set"),
    ("event", "trigger", "set"),
    ("event", "place", "set"),
    ("event_report", "basis", "set"),
]


def poison(db: str | Path, payload: str = PAYLOAD) -> None:
    conn = sqlite3.connect(db)
    with conn:
        for table, column, how in COLUMNS:
            if how == "append":
                conn.execute(f"UPDATE {table} SET {column} = {column} || ?", ("\n" + payload,))
            else:
                conn.execute(f"UPDATE {table} SET {column} = ? || COALESCE({column}, '')", (payload,))
    conn.close()
