"""Which files the paths given to ingest name: folders walked, links and special files judged.

A path named by the user is their choice: a link there is followed. Inside a folder, only regular
files are read (a FIFO would block the read, a device never ends), and a symbolic link is followed
only while it stays inside the folder, unless `follow_links` is asked for. The walk keeps its own
stack (a folder 1,000 levels deep is no recursion limit) and reads every folder once (a link loop
ends). Everything left out for a reason is a `Skipped` saying why; nothing here raises on bad input.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from model.ingest.fields import without_surrogates
from model.records import Skipped
from model.unsafe import one_line

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".rtf", ".docx"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
FEED_SUFFIXES = {
    ".rss",
    ".atom",
    ".xml",
}  # an .xml file is read as a feed only if its root is <rss>, <feed> or <rdf:RDF>
ARCHIVE_SUFFIXES = {".warc", ".warc.gz"}
SUFFIXES = ARTICLE_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES | ARCHIVE_SUFFIXES
KNOWN_TYPES = ".txt, .md, .html, .rtf, .docx, .rss, .atom, .xml (a feed), .warc, .warc.gz, .jsonl or .csv"
FOLLOW_HINT = "ingest --follow-links reads it"


def shown(path: Path | str) -> str:
    """A path (or a file stem) as text to store and report: a name's bytes that are not UTF-8 become
    U+FFFD, and every control, bidi or separator character is escaped (`\\x1b`, `\\n`, `\\u202e`), so a
    file name can neither drive a terminal nor forge a line of a report."""
    return one_line(without_surrogates(str(path)))


def input_suffix(path: Path) -> str:
    """The suffix that says how a file is read: `.warc.gz` whole, else the last suffix, in lower case."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def is_input(path: Path) -> bool:
    return input_suffix(path) in SUFFIXES


def file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "a special file"


def iter_files(paths: list[str], *, follow_links: bool = False) -> Iterator[Path | Skipped]:
    """Files to read under `paths` (folders walked, sorted); Skipped for what is not read."""
    for p in paths:
        if not p:
            yield Skipped("''", "an empty path names no file or folder")
            continue
        path = Path(p)
        try:
            st = os.stat(path)  # named by the user: a link is followed
        except OSError as e:
            yield Skipped(shown(path), _unreachable(path, e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _files_in_folder(path, follow_links)
        elif not stat.S_ISREG(st.st_mode):
            yield Skipped(shown(path), f"not a regular file ({file_kind(st.st_mode)})")
        elif is_input(path):
            yield path
        else:
            yield Skipped(shown(path), f"unsupported file type '{path.suffix or '(none)'}' (use {KNOWN_TYPES})")


def _unreachable(path: Path, e: OSError) -> str:
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {e.strerror or e}"


def _files_in_folder(top: Path, follow_links: bool) -> Iterator[Path | Skipped]:
    """Depth first, each folder's files (sorted) before its subfolders (sorted), as os.walk goes."""
    inside = _inside(os.path.realpath(top))
    seen: set[tuple[int, int]] = set()
    reported = False
    stack = [top]
    while stack:
        folder = stack.pop()
        entries = _entries(folder, seen)
        if isinstance(entries, Skipped):
            reported = True
            yield entries
            continue
        subfolders = []
        for entry in entries:
            item = _judge(entry, Path(folder) / entry.name, inside, follow_links)
            if item is None:
                continue
            if isinstance(item, tuple):
                subfolders.append(item[0])
            else:
                reported = True
                yield item
        stack.extend(reversed(subfolders))
    if not reported:
        yield Skipped(shown(top), f"folder has no {KNOWN_TYPES} files")


def _inside(top_real: str):
    prefix = top_real.rstrip(os.sep) + os.sep

    def test(path: str) -> bool:
        real = os.path.realpath(path)
        return real == top_real or real.startswith(prefix)

    return test


def _entries(folder: Path, seen: set[tuple[int, int]]) -> list[os.DirEntry] | Skipped:
    """A folder's entries, sorted by name, hidden ones left out; or why it is not read."""
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            return Skipped(shown(folder), "folder already read (reached again through a symbolic link)")
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as e:
        return Skipped(shown(folder), f"cannot read folder: {e.strerror or e}")


def _judge(entry: os.DirEntry, path: Path, inside, follow_links: bool) -> Path | Skipped | tuple[Path] | None:
    """A file to read, a (subfolder,) to walk, a Skipped, or None for what is not an input at all."""
    try:
        link = entry.is_symlink()
        if not link and entry.is_dir(follow_symlinks=False):
            return (path,)
    except OSError as e:
        return Skipped(shown(path), f"cannot read: {e.strerror or e}")
    if link:
        return _judge_link(path, inside, follow_links)
    if not is_input(path):
        return None
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as e:
        return Skipped(shown(path), f"cannot read: {e.strerror or e}")
    return path if stat.S_ISREG(mode) else Skipped(shown(path), f"not a regular file ({file_kind(mode)})")


def _judge_link(path: Path, inside, follow_links: bool) -> Path | Skipped | tuple[Path] | None:
    try:
        st = os.stat(path)
    except OSError as e:
        if not is_input(path):
            return None
        return Skipped(shown(path), _unreachable(path, e))
    is_dir = stat.S_ISDIR(st.st_mode)
    if not is_dir and not is_input(path):
        return None
    what = "a folder" if is_dir else "a file"
    if not follow_links and not inside(path):
        target = shown(os.path.realpath(path))
        return Skipped(
            shown(path), f"symbolic link to {what} outside the folder ({target}); not followed: {FOLLOW_HINT}"
        )
    if is_dir:
        if follow_links:
            return (path,)
        return Skipped(
            shown(path), "symbolic link to a folder inside this one; not followed (its files are read there)"
        )
    if not stat.S_ISREG(st.st_mode):
        return Skipped(shown(path), f"not a regular file (a link to {file_kind(st.st_mode)})")
    return path
