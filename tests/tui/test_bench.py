"""Opt-in (pytest -m bench): the read API stays fast at 100,000 articles.

Builds a synthetic corpus (about a minute), then times the queries the panes run.
"""

from __future__ import annotations

import time

import pytest

from model.corpus import query as q
from tests.tui.fixture_db import build_big

pytestmark = pytest.mark.bench


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = build_big(tmp_path_factory.mktemp("big") / "big.db", 100_000)
    conn = q.connect(path)
    yield conn
    conn.close()


def _ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def test_pages_at_100k_articles(big):
    F = q.Filters
    china = q.entities(big, F(name="China"))[0].id
    timings = {
        "articles first page": _ms(lambda: q.articles(big, limit=100)),
        "articles last page": _ms(lambda: q.articles(big, offset=99_900, limit=100)),
        "articles by title": _ms(lambda: q.articles(big, sort="title", limit=100)),
        "articles about China": _ms(lambda: q.articles(big, F(entity=china), limit=100)),
        "articles search": _ms(lambda: q.articles(big, F(search="goal"), limit=100)),
        "timeline last page": _ms(lambda: q.events(big, offset=99_900, limit=100)),
        "timeline at a date": _ms(lambda: q.event_position(big, F(), "2010")),
        "quotes first page": _ms(lambda: q.quotes(big, limit=100)),
        "quotes by speaker": _ms(lambda: q.quotes(big, sort="speaker", limit=100)),
        "entity page (rare)": _ms(lambda: q.entity_page(big, 1)),
    }
    slow = {k: round(v) for k, v in timings.items() if v > 1000}
    assert not slow, slow
    assert _ms(lambda: q.entity_page(big, china)) < 10_000  # an entity in every article: slow but bounded
