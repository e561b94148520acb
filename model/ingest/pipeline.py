"""Ingest orchestration: read → nlp.pipe (all cores) → extract → store.

Unchanged articles (same content hash, same pipeline version) are recognised
before any NLP and skipped. Each article is written in its own transaction, so
an interrupted run leaves whole articles only and simply resumes when run
again. Extraction runs in the worker processes next to spaCy; the main
process only reads files and writes SQLite.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from model.corpus import store, write
from model.corpus.entity_refresh import refresh_entities
from model.corpus.overrides import overrides
from model.extract import entities
from model.ingest.sources import Skipped, read_all
from model.parse import layout

# model.extract.quotes.extractor and model.extract.timeline.extractor (about a second of regex compiling) are imported where
# extraction runs, in the workers: a re-ingest of an unchanged corpus never needs them.
from model.records import Article, Extraction

CHUNK_CHARS = 100_000  # longer texts are parsed in pieces of about this size
BATCH_ARTICLES = 16  # articles sent to a worker at a time


@dataclass
class Progress:
    phase: str  # "upgrading the database" (an older schema) | "reading" | "parsing" | "finishing"
    done: int = 0
    total: int = 0
    words: int = 0
    elapsed: float = 0.0


@dataclass
class Summary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)  # stored, but an extraction step failed
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def stored(self) -> int:
        return self.new + self.updated

    def line(self) -> str:
        s = f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {len(self.skipped)} skipped"
        if self.stored and self.seconds:
            s += f" ({self.words:,} words in {self.seconds:.1f} s, {self.words / self.seconds:,.0f} words/s)"
        return s


# ---------------------------------------------------------------- extraction (runs in workers)


def extract(art: Article, doc) -> Extraction:
    """Everything we extract from one parsed article. Pure: (text, doc, metadata) → records."""
    from model.extract.quotes import extractor as quotes
    from model.extract.timeline import extractor as timeline

    text = doc.text  # the article's text as parsed: its soft newlines are spaces (`layout.unwrap`)
    ext = Extraction(sentences=[(s.start_char, s.end_char) for s in doc.sents])

    def step(what, fn, *args, default=None, **kw):
        # One extractor's failure costs that extractor's records for this article, never the article.
        try:
            return fn(*args, **kw)
        except Exception as e:
            ext.problems.append(f"{what} failed ({type(e).__name__}: {e})"[:200])
            return default

    ext.mentions = step("entities", entities.resolve_mentions, doc, default=[])
    step("acronyms", entities.acronym_aliases, doc, ext.mentions)
    ext.quotes = step("quotes", quotes.extract_quotes, text, doc, ext.mentions, title=art.title, default=[])
    published, uncertain = art.published, bool(art.published and (art.published_confidence or 0) < 1)
    if not published:
        inferred = step("publication date inference", timeline.infer_published, text, doc)
        if inferred:
            published, basis, conf = inferred
            ext.published, ext.published_basis, ext.published_confidence = published, basis, conf
            uncertain = True
    ext.timexes = step("dates", timeline.extract_timexes, text, doc, published, uncertain=uncertain, default=[])
    return ext


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split a long text at paragraph (else sentence, else any) boundaries: [(offset, piece)]."""
    out, pos = [], 0
    while len(text) - pos > size:
        window = text[pos : pos + size]
        cut = window.rfind("\n")
        if cut < size // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= size // 2 else -1
        if cut < size // 2:
            cut = window.rfind(" ")
        if cut < size // 2:
            cut = size
        out.append((pos, text[pos : pos + cut]))
        pos += cut
    out.append((pos, text[pos:]))
    return out


def _shift(ext: Extraction, offset: int, sent_offset: int) -> Extraction:
    ext.sentences = [(s + offset, e + offset) for s, e in ext.sentences]
    for rec in (*ext.mentions, *ext.quotes, *ext.timexes):
        rec.start += offset
        rec.end += offset
        for a in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
            v = getattr(rec, a, None)
            if v is not None:
                setattr(rec, a, v + offset)
        if getattr(rec, "sentence", None) is not None:
            rec.sentence += sent_offset
    return ext


def process_batch(arts: list[Article], nlp=None) -> list[tuple[Article, Extraction | None, str | None]]:
    """Parse and extract a batch. Returns (article, extraction, error) for each."""
    if nlp is None:
        nlp = _worker_nlp()
    short = [a for a in arts if len(a.text) <= CHUNK_CHARS]
    results: dict[int, tuple[Extraction | None, str | None]] = {}
    try:
        for a, doc in zip(short, nlp.pipe([layout.unwrap(a.text) for a in short])):
            results[id(a)] = _safe_extract(a, doc)
    except Exception:  # a batch-level NLP failure: the rest one at a time, so one bad text costs one article
        for a in short:
            if id(a) not in results:
                try:
                    results[id(a)] = _safe_extract(a, nlp(layout.unwrap(a.text)))
                except Exception as e:
                    results[id(a)] = (None, f"NLP failed: {type(e).__name__}: {e}"[:200])
    for a in arts:
        if len(a.text) > CHUNK_CHARS:
            results[id(a)] = _extract_long(a, nlp)
    return [(a, *results[id(a)]) for a in arts]


def _safe_extract(art: Article, doc) -> tuple[Extraction | None, str | None]:
    try:
        return extract(art, doc), None
    except Exception as e:  # never lose the whole batch to one article's odd text
        return None, f"extraction failed: {type(e).__name__}: {e}"[:200]


def _extract_long(art: Article, nlp) -> tuple[Extraction | None, str | None]:
    total = Extraction()
    try:
        for offset, piece in _chunks(layout.unwrap(art.text)):
            part = Article(
                key=art.key,
                text=piece,
                published=art.published or total.published,
                published_confidence=art.published_confidence,
            )
            ext, err = _safe_extract(part, nlp(piece))
            if err:
                return None, err
            _shift(ext, offset, len(total.sentences))
            total.sentences += ext.sentences
            total.mentions += ext.mentions
            total.quotes += ext.quotes
            total.timexes += ext.timexes
            total.problems += [p for p in ext.problems if p not in total.problems]
            if ext.published and not total.published:
                total.published, total.published_basis = ext.published, ext.published_basis
                total.published_confidence = ext.published_confidence
    except Exception as e:
        return None, f"NLP failed: {type(e).__name__}: {e}"[:200]
    return total, None


_NLP = None


def _worker_nlp():
    global _NLP
    if _NLP is None:
        from model.parse import nlp

        _NLP = nlp.load()
        _NLP.max_length = CHUNK_CHARS + 10
    return _NLP


def _worker_init():
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles ctrl-c and stops the pool
    from model.extract.quotes import extractor as quotes  # noqa: F401  (loaded with spaCy, before the first batch)
    from model.extract.timeline import extractor as timeline  # noqa: F401

    _worker_nlp()


# ---------------------------------------------------------------- orchestration


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def ingest(
    paths: list[str], db_path: str, *, jobs: int | None = None, progress: Callable[[Progress], None] | None = None
) -> Summary:
    t0 = time.monotonic()
    summary = Summary()
    conn = store.connect(
        db_path,
        progress=progress
        and (lambda done, total: progress(Progress("upgrading the database", done, total, 0, time.monotonic() - t0))),
    )
    try:
        known = write.article_hashes(conn)
        todo: list[Article] = []
        batch_keys: dict[str, str] = {}
        for item in read_all(paths):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                continue
            prev = batch_keys.get(item.key)
            if prev is not None:
                if prev != item.sha256:
                    summary.skipped.append(
                        Skipped(
                            item.origin or item.key,
                            f"duplicate id '{item.key}' with different text in this batch; kept the first",
                        )
                    )
                continue
            batch_keys[item.key] = item.sha256
            if known.get(item.key) == (item.sha256, write.PIPELINE_VERSION):
                summary.unchanged += 1
                continue
            _apply_overrides(conn, item)
            todo.append(item)
            if progress and len(todo) % 500 == 0:
                progress(Progress("reading", len(todo), 0, 0, time.monotonic() - t0))
        cache = write.EntityCache(conn)
        if todo:
            _run(conn, todo, known, summary, cache, jobs or default_jobs(), progress, t0)
        if summary.stored:
            if progress:
                progress(Progress("finishing", len(todo), len(todo), summary.words, time.monotonic() - t0))
            refresh_entities(conn, cache.touched)
    except KeyboardInterrupt:
        summary.interrupted = True
        if summary.stored:
            refresh_entities(conn, cache.touched)
    finally:
        summary.seconds = time.monotonic() - t0
        conn.close()
    return summary


def _apply_overrides(conn, art: Article) -> None:
    ov = overrides(conn, art.key)
    if ov.get("published"):
        art.published, art.published_basis, art.published_confidence = ov["published"], "set by user", 1.0


def _run(conn, todo, known, summary, cache, jobs, progress, t0) -> None:
    batches = [todo[i : i + BATCH_ARTICLES] for i in range(0, len(todo), BATCH_ARTICLES)]
    done = 0

    def store_results(results):
        nonlocal done
        for art, ext, err in results:
            done += 1
            if err:
                summary.skipped.append(Skipped(art.origin or art.key, err))
                continue
            write.write_article(conn, art, ext, cache)
            for problem in ext.problems:
                summary.warnings.append(Skipped(art.origin or art.key, f"stored, but {problem}"))
            if art.key in known:
                summary.updated += 1
            else:
                summary.new += 1
            summary.words += len(art.text.split())
        if progress:
            progress(Progress("parsing", done, len(todo), summary.words, time.monotonic() - t0))

    if progress:
        progress(Progress("parsing", 0, len(todo), 0, time.monotonic() - t0))
    if jobs <= 1 or len(batches) <= 1:
        nlp = _worker_nlp()
        for b in batches:
            store_results(process_batch(b, nlp))
        return
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ctx.Pool(min(jobs, len(batches)), initializer=_worker_init)
    try:
        for results in pool.imap(process_batch, batches):
            store_results(results)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
