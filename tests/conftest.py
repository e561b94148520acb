"""Shared fixtures: the spaCy pipeline (loaded once) and a database built from the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from model.parse import nlp as m

    return m.load()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, nlp):
    """The five seed articles ingested (in this process) into a fresh database: its path."""
    from model.ingest import pipeline as ingest

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = ingest.ingest([str(ROOT / "seeds")], str(db), jobs=1)
    assert summary.new == 5, summary.line()
    return db
