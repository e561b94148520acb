"""The inputs of an ingest in pieces that workers read on their own (`ingest --cluster … --read-on workers`).

A piece (a shard) is a file, or `SHARD_RECORDS` lines of a JSONL file in plain UTF-8 (its byte range and
the number of its first line, so that a record's origin and fallback key are those a whole read gives).
What the walk leaves out is a shard too, carrying its `Skipped`. Every function here runs on a worker: the
paths are the workers' (a file system they share).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from model.ingest.decode import is_plain_utf8
from model.ingest.sources import STREAMED_SUFFIXES, read_path, stream_records_range
from model.ingest.walk import input_suffix, iter_files
from model.records import Article, Skipped

SHARD_RECORDS = 256  # lines of a JSONL file a shard holds
_LINE_END = re.compile(rb"\r\n?|\n")


class Shard(NamedTuple):
    path: str = ""
    start: int = 0  # for a piece of a JSONL file: its bytes [start, end) and the number of its first line
    end: int | None = None
    first_line: int = 1
    records: int = 1  # records it is expected to hold (the progress's estimate)
    skipped: Skipped | None = None  # what the walk left out, and why
    whole: bool = True  # a whole file, read as `read_path` reads it


def plan(paths: list[str], follow_links: bool = False) -> list[Shard]:
    """The shards of `paths`, in the order a local ingest reads them."""
    out: list[Shard] = []
    for item in iter_files(paths, follow_links=follow_links):
        if isinstance(item, Skipped):
            out.append(Shard(skipped=item))
        elif input_suffix(item) in STREAMED_SUFFIXES and _plain(item):
            out.extend(_pieces(item))
        else:
            out.append(Shard(str(item)))
    return out


def size(shards: list[Shard]) -> tuple[int, int]:
    """(records expected, shards) of a plan."""
    return sum(s.records for s in shards), len(shards)


def page(shards: list[Shard], start: int, count: int) -> list[Shard]:
    return shards[start : start + count]


def read(shard: Shard) -> list[Article | Skipped]:
    """What a shard holds, read as a local ingest reads it."""
    if shard.skipped is not None:
        return [shard.skipped]
    if shard.whole:
        return list(read_path(Path(shard.path)))
    return list(stream_records_range(Path(shard.path), shard.start, shard.end, shard.first_line))


def _plain(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return is_plain_utf8(f)
    except OSError:
        return False


def _pieces(path: Path) -> Iterator[Shard]:
    """A JSONL file in ranges of `SHARD_RECORDS` lines, cut at line ends (the file is scanned once)."""
    start, line, lines = 0, 1, 0
    with open(path, "rb") as f:
        for raw in iter(lambda: f.readline(1 << 20), b""):
            lines += len(_LINE_END.findall(raw)) or (not raw.endswith(b"\n") and f.peek(1) == b"")
            if lines >= SHARD_RECORDS and raw.endswith(b"\n"):
                end = f.tell()
                yield Shard(str(path), start, end, line, lines, whole=False)
                start, line, lines = end, line + lines, 0
        if f.tell() > start:
            yield Shard(str(path), start, None, line, max(lines, 1), whole=False)
