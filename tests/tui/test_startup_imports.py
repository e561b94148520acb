"""Start-up imports only what the first screen shows: the modules behind saving, exporting, reviewing,
correcting, merging, ingesting, the help and the modal screens are imported when first used.

Each check runs a fresh interpreter and reads its `sys.modules`: a module imported at start-up again (a
top-level import added back) fails here, by name.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from model.corpus import store
from tui.cli import browse_only, build_parser

# The project's modules that the first screen does not need, each with what imports it when first used.
DEFERRED = (
    "model.corpus.view_export",  # s, save the list shown (tui.saving)
    "model.corpus.export",
    "model.corpus.review",  # R, review (tui.review_screen)
    "model.corpus.write",  # the writer side: corrections, ingest, a stale corpus's recount
    "model.corpus.statement_merge",
    "model.corpus.statement_refresh",
    "model.corpus.selection",
    "model.corpus.said_on",  # the derivation of when a quote was said: upgrades, ingest
    "model.corpus.correction_apply",
    "model.corpus.entity_refresh",
    "model.corpus.part_merge",
    "model.corrections",
    "model.ingest",
    "model.parse.nlp",
    "model.extract",
    "tui.modals",  # help, provenance, the correction menu; the palette's key column
    "tui.correcting",  # c and u
    "tui.review_screen",
    "tui.cli_corrections",
    "tui.cli_merge",
    "model.records",  # the extraction's records: the browser reads quote kinds from model.quote_kinds
    "tui.keys",  # checks a config file's [keys]: only with one  # with every other command's parser: only for a command line other than `[--db FILE]`
)
# Heavy libraries the browser never needs (ingest, export, statements and clusters use them).
HEAVY = ("spacy", "thinc", "sqlite_utils", "trafilatura", "lxml", "feedparser", "warcio", "Stemmer", "dask")
# Standard modules the bare Textual app does not import and the first screen does not use: argparse (only for a
# command line other than `[--db FILE]`), calendar (a month's length, for dates typed or extracted).
STDLIB = ("argparse", "calendar")


def _started(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def _unwanted(modules: set[str]) -> list[str]:
    return sorted(
        m for m in modules if m in DEFERRED or m in STDLIB or m.split(".")[0] in HEAVY or m.startswith("model.ingest.")
    )


def test_the_deferred_modules_exist():
    """A name misspelt here would make the checks below pass for nothing."""
    assert [m for m in DEFERRED if importlib.util.find_spec(m) is None] == []


def test_importing_the_app_imports_only_the_first_screen():
    modules = _started("import tui.app")
    assert {"tui.browser", "tui.palette", "model.corpus.query"} <= modules  # the check sees what is imported
    assert _unwanted(modules) == []


@pytest.fixture
def empty_db(tmp_path):
    path = tmp_path / "corpus.db"
    store.connect(path).close()
    return path


def test_the_command_line_starts_the_browser_without_the_rest(empty_db):
    """`sinorus-tui --db FILE` up to the moment the app runs (its `run` replaced): the parser of every
    command is built, the database is opened and checked, and no command's machinery is imported."""
    modules = _started(
        "import sys, tui.app, tui.cli\n"
        "ran = []\n"
        "tui.app.run = lambda *args, **kwargs: ran.append(args)\n"
        f"assert tui.cli.main(['--db', {str(empty_db)!r}]) == 0 and ran\n"
    )
    assert {"tui.cli", "tui.app", "model.corpus.staleness"} <= modules
    assert _unwanted(modules) == []


@pytest.mark.parametrize("argv", [[], ["--db", "news.db"], ["--db=news.db"], ["--db", ""], ["--db", "browse"]])
def test_opening_the_browser_reads_its_arguments_as_the_full_parser_does(argv):
    assert vars(browse_only(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["browse"], ["--db", "news.db", "browse"], ["--db", "-x"], ["--db"], ["-h"], ["--version"], ["--dbx=1"]]
)
def test_any_other_command_line_goes_to_the_full_parser(argv):
    assert browse_only(argv) is None
