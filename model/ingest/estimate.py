"""How many records the inputs of an ingest hold, counted cheaply before it reads them: the progress's
total while reading goes on.

A record file (.jsonl, .ndjson, .csv) counts its lines (a CSV less its header; a field that runs over
lines makes it an overcount), scanned a block at a time; any other file counts one (a feed, a web archive
or a database export holds more: the total grows as they are read). Nothing is decoded or kept.
"""

from __future__ import annotations

import os

from model.ingest.walk import RECORD_SUFFIXES, input_suffix, iter_files
from model.records import Skipped

BLOCK = 1 << 20


def expected_records(paths: list[str], *, follow_links: bool = False) -> int:
    """The records an ingest of `paths` is expected to read."""
    total = 0
    for item in iter_files(paths, follow_links=follow_links):
        if isinstance(item, Skipped):  # one record of the summary
            total += 1
            continue
        suffix = input_suffix(item)
        total += _lines(item) - (suffix == ".csv") if suffix in RECORD_SUFFIXES else 1
    return max(total, 0)


def _lines(path) -> int:
    """Lines of a file, counted on its bytes; 0 when it cannot be read. Opened without blocking (a FIFO put
    in its place since the walk does not hang)."""
    lines = 0
    last = b"\n"
    try:
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as f:
            while block := f.read(BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return lines + (last != b"\n")
