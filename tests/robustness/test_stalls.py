"""Small inputs that once stalled ingest: a long run of one punctuation character ("(" or "[") costs spaCy's
tokenizer time growing with the run's square. The parser reads such runs as spaces (`layout.blank_runs`); the
stored text and every offset stay as they were."""

from __future__ import annotations

import sqlite3

import pytest

from model.ingest import pool
from model.parse import layout
from tui import cli

SENTENCE = "Angela Merkel flew to Lisbon on Monday."  # made up


@pytest.mark.parametrize("char", ["(", "[", "*", "_", "=", "\u2014"])
def test_a_run_longer_than_the_limit_is_blanked_and_the_length_kept(char):
    run = char * (layout.MAX_RUN + 1)
    text = f"before {run} after {char * 5000}."
    out = layout.blank_runs(text)
    assert len(out) == len(text)
    assert out == f"before {' ' * len(run)} after {' ' * 5000}."


@pytest.mark.parametrize(
    "text",
    [
        "Wait... what?! -- no --- never (really) [sic] ***",
        "-" * layout.MAX_RUN + "\n" + "=" * layout.MAX_RUN,  # rules up to the limit stay
        "a" * 500 + " " * 500 + "\n" * 50 + "1" * 100,  # letters, digits and spaces are never blanked
        "((((((((((nested))))))))))",
        "",
    ],
)
def test_ordinary_punctuation_is_left_alone(text):
    assert layout.blank_runs(text) == text


def test_parse_text_flows_soft_newlines_and_blanks_runs_at_the_same_offsets():
    text = "[" * 100 + " " + SENTENCE
    flat = layout.parse_text(text)
    assert len(flat) == len(text) and flat.endswith(SENTENCE) and "[" not in flat


def test_a_file_with_a_long_bracket_run_is_stored_with_the_entity_after_it(tmp_path, nlp, capsys):
    src = tmp_path / "in"
    src.mkdir()
    text = "[" * 5000 + "\n\n" + SENTENCE + "\n"
    (src / "brackets.txt").write_text(text)
    db = tmp_path / "c.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)  # the session pipeline
        code = cli.main(["ingest", "--db", str(db), str(src), "-j", "1"])
    assert code == 0, capsys.readouterr().err
    conn = sqlite3.connect(db)
    [(art_id, stored)] = conn.execute("SELECT id, text FROM article").fetchall()
    assert stored.startswith("[" * 5000)  # the stored text is untouched
    mentions = conn.execute("SELECT start, end, text, label FROM mention WHERE article = ?", (art_id,)).fetchall()
    conn.close()
    where = stored.index("Angela")
    assert (where, where + len("Angela Merkel"), "Angela Merkel", "PERSON") in mentions
    assert all(stored[s:e] == t for s, e, t, _ in mentions)


# ---------------------------------------------------------------- one long sentence, a long article (item 10)

# No sentence end for thousands of words: each reporting verb's clause runs to the end of the one "sentence", so
# the quote extractor's work grew with its square (40,000 characters took five minutes).
RUN_ON = "the minister said that the envoy told reporters that officials believe that "  # made up


def test_a_sentence_with_no_end_is_cut_for_the_parser(nlp):
    from model.parse.nlp import MAX_SENTENCE_TOKENS

    doc = nlp(RUN_ON * 60)
    lengths = [len(s) for s in doc.sents]
    assert sum(lengths) > 3 * MAX_SENTENCE_TOKENS
    assert max(lengths) <= MAX_SENTENCE_TOKENS


def test_prose_sentences_are_not_cut(nlp):
    long_one = "Officials from " + ", ".join(f"province {n}" for n in range(60)) + " met in Moscow on Monday."
    text = f"Vladimir Putin spoke first. {long_one} Then Xi Jinping replied, and the talks ended."
    cut = [(s.start, s.end) for s in nlp(text).sents]
    uncut = [(s.start, s.end) for s in nlp(text, disable=["long_sentence_breaks"]).sents]
    assert max(e - s for s, e in cut) > 100  # the long sentence is whole
    assert cut == uncut


class CountingDoc:
    """A Doc that counts how often its `text` is read (spaCy joins every token on each read)."""

    def __init__(self, doc):
        self._doc, self.text_reads = doc, 0

    @property
    def text(self):
        self.text_reads += 1
        return self._doc.text

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def __getitem__(self, i):
        return self._doc[i]

    def __len__(self):
        return len(self._doc)

    def __iter__(self):
        return iter(self._doc)


def test_the_speaker_resolver_reads_the_whole_text_once(nlp):
    from model.extract import entities
    from model.extract.quotes.speakers import Resolver

    text = " ".join(f"Sergei Lavrov{n}'s aide met Wang Yi in Beijing, and LONDON — officials said." for n in range(40))
    doc = nlp(text)
    counting = CountingDoc(doc)
    Resolver(counting, entities.resolve_mentions(doc), [False] * len(doc), lambda pos: 0)
    assert counting.text_reads <= 1  # was once per person named, and more


# ---------------------------------------------------------------- a time budget for each article


def spin_on(key: str):
    """An `extract` that runs for ever (on the CPU) for the article `key`."""
    real = pool.extract

    def extract(art, doc):
        while art.key == key:
            pass
        return real(art, doc)

    return extract


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_past_its_time_budget_is_skipped_and_the_rest_stored(tmp_path, nlp, capsys, jobs):
    src = tmp_path / "in"
    src.mkdir()
    for key in ("alpha", "stuck", "omega"):
        (src / f"{key}.txt").write_text(SENTENCE + "\n")
    db = tmp_path / "c.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        mp.setattr(pool, "extract", spin_on("stuck"))
        mp.setattr(pool, "BATCH_ARTICLES", 2)  # two batches: with -j 2, a pool of workers
        code = cli.main(["ingest", "--db", str(db), str(src), "-j", str(jobs), "--article-seconds", "0.2"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"skipped {src / 'stuck.txt'}: parsing took longer than 0.2 s of CPU time" in err, err
    assert "Traceback" not in err
    conn = sqlite3.connect(db)
    keys = sorted(k for (k,) in conn.execute("SELECT key FROM article"))
    conn.close()
    assert keys == ["alpha", "omega"]


def test_the_time_budget_is_not_taken_for_an_extractor_failure(nlp):
    """The budget's exception passes every `except Exception` (the extractors' guards) to the article's."""
    from model.records import Article

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "extract", spin_on("stuck"))
        [(_, ext, err)] = pool.process_batch([Article(key="stuck", text=SENTENCE)], nlp, seconds=0.2)
    assert ext is None and err.startswith("parsing took longer than 0.2 s")


def test_an_article_time_limit_below_zero_is_a_usage_error(tmp_path, capsys):
    code = cli.main(["ingest", "--db", str(tmp_path / "c.db"), str(tmp_path), "--article-seconds", "-1"])
    assert code == 2
    assert "--article-seconds must be 0 (no limit) or more" in capsys.readouterr().err


def test_progress_moves_inside_a_long_article(tmp_path, nlp):
    from model.ingest import pipeline

    src = tmp_path / "in"
    src.mkdir()
    (src / "long.txt").write_text(" ".join([SENTENCE] * 200))  # some 8,000 characters
    seen = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        mp.setattr(pool, "CHUNK_CHARS", 1_000)  # so the article is parsed in 8 pieces
        pipeline.ingest([str(src)], str(tmp_path / "c.db"), jobs=1, progress=seen.append)
    inside = [p.fraction for p in seen if p.phase == "parsing" and p.done == 0 and p.fraction]
    assert len(inside) >= 6 and inside == sorted(inside) and inside[-1] == 1.0
    assert all(0 < f <= 1 for f in inside)


def test_progress_ends_at_the_whole_text_when_an_article_is_skipped(tmp_path, nlp):
    from model.ingest import pipeline

    src = tmp_path / "in"
    src.mkdir()
    (src / "stuck.txt").write_text(SENTENCE + "\n")
    seen = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)
        mp.setattr(pool, "extract", spin_on("stuck"))
        pipeline.ingest([str(src)], str(tmp_path / "c.db"), jobs=1, progress=seen.append, article_seconds=0.2)
    last = [p for p in seen if p.phase == "parsing"][-1]
    assert (last.done, last.total, last.fraction) == (1, 1, 1.0)
