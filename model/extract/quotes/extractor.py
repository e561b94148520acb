"""Quotes: direct, partial and reported speech, attributed to canonical speakers.

    extract_quotes(text, doc, mentions, title=None, rules=QuoteRules()) -> list[Quote]

Pure rules over the spaCy parse (see docs/rules/quotes.md), in this order (`run`):
1. Quotation marks are paired from the raw text (`marks`), in a per-article `context.ArticleContext`.
2. Speech frames are read from the parse (`frames`): a speech verb ("said", "told",
   "hailed", …) or "according to", its speaker (nsubj; inherited by conjuncts
   and participles; "X quoted Y as saying"), and what was said (a ccomp; the
   clause around "As X said," / "According to X,"; the clause before an
   inverted "…, X said"), trimmed by `shapes`.
3. Each quoted span goes to the innermost frame whose clause holds it, else to
   a cue right after or before it, "X said:" ending the previous paragraph, a
   dash attribution, or the previous speaker (a continuation) (`attribution`). Terms, titles and
   scare quotes with no speech around them are not quotes.
4. A frame whose reported clause holds no quotation marks is an indirect quote (`reported`); the layout adds
   speaker labels, colon reports and headlines (`layout`), the learned model what the rules missed (`learned`).
Speakers are resolved to canonical names by `speakers`. Which rules run is a value: `settings.QuoteRules`.
"""

from __future__ import annotations

from model.extract.quotes import layout as quotes_layout
from model.extract.quotes.attribution import attribute, quote_record, runs_speak_as_one
from model.extract.quotes.context import ArticleContext, Frame
from model.extract.quotes.cues import LEARNED_CUES
from model.extract.quotes.frames import find_frames, name_after_quote, name_before
from model.extract.quotes.layout import opens_with_title, speaker_labels
from model.extract.quotes.learned import learned_quotes
from model.extract.quotes.reported import (
    asked_of_the_subject,
    claim_quotes,
    indirect_quote,
    reports_a_speaker,
    trailing_reporters,
    without_trailing_according,
)
from model.extract.quotes.settings import DEFAULT_RULES, QuoteRules
from model.extract.quotes.speakers import Speaker
from model.lexicon.people import BODY_NOUNS, PEOPLE_NOUNS
from model.lexicon.records import DOCUMENT_NOUNS
from model.lexicon.speech import ATTRIB_CUES, FRAME_VERBS
from model.records import Mention, Quote


def extract_quotes(
    text: str, doc, mentions: list[Mention], title: str | None = None, rules: QuoteRules = DEFAULT_RULES
) -> list[Quote]:
    """Direct, partial and indirect quotes of one article (`title`: its title, when known), by `rules`. An error
    is raised, not hidden: the ingest stores the article and warns that its quotes failed."""
    return _extract(text, doc, mentions, title, rules, None)


def quotes_and_candidates(
    text: str, doc, mentions: list[Mention], title: str | None = None, rules: QuoteRules = DEFAULT_RULES
) -> tuple[list[Quote], list[tuple]]:
    """The quotes of `extract_quotes`, and every candidate the learned model considered, attested by train or not:
    (features, start, end, score, head offset) each (training: `tests/tools/train_indirect.py`)."""
    candidates: list[tuple] = []
    return _extract(text, doc, mentions, title, rules, candidates), candidates


def _extract(text, doc, mentions, title, rules, candidates) -> list[Quote]:
    if doc is None or doc.text != text or not text.strip():
        return []
    return run(ArticleContext(text, doc, mentions or [], title, rules, candidates))


def run(ex: ArticleContext) -> list[Quote]:
    """The quotes of an article, its rules applied in order: frames and their speakers, the quoted spans, the
    frames' reports, the layout's (labels, claims, colons, headlines), then the learned model's."""
    frames = find_frames(ex)
    resolve_speakers(ex, frames)
    ex.frames = frames
    for q in ex.qs:
        attribute(ex, q)
    runs_speak_as_one(ex.qs)
    labelled = speaker_labels(ex) if ex.rules.name_colon_paragraphs else []  # may drop a transcript's quotes
    out = [quote_record(ex, q) for q in ex.qs if not q.drop]
    out += reported_quotes(ex, frames, {(r.start, r.end) for r in out})
    out += _layout_quotes(ex, out, labelled)
    if ex.rules.learned_model:
        out += learned_quotes(ex, out)
    out = one_a_span(out)
    if ex.rules.addressee_not_source:
        out = [q for q in out if not asked_of_the_subject(ex, q)]
    out.sort(key=lambda r: (r.start, r.end))
    return out


def one_a_span(quotes: list) -> list:
    """The first quote of each span, in rule order: a span is one quote (a statement's id is made from its
    quote's article and span, so two quotes of one span would be one statement's two)."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for q in quotes:
        if (q.start, q.end) not in seen:
            seen.add((q.start, q.end))
            kept.append(q)
    return kept


def resolve_speakers(ex, frames: list[Frame]) -> None:
    """Each frame's speaker, in text order (pronouns look back at earlier speakers): its subject's, else the first
    of `SPEAKER_FALLBACKS` that finds one; a named speaker of speech becomes a candidate for later pronouns."""
    prev = None
    for f in frames:
        f.speaker = ex.resolver.resolve(f.subject, "according to" if f.cue.lower_ == "according" else f.cue.text)
        for fallback in SPEAKER_FALLBACKS:
            if f.speaker is not None:
                break
            f.speaker = fallback(ex, f, prev)
        if not f.belief:  # "Roberts said she thinks … but said “…”": a belief is no coordinated speech verb
            prev = f
        if f.speaker is not None and f.speaker.name and not f.attrib:
            if f.subject_rule != "nsubj" and f.speaker.named:
                f.speaker.basis = rule_basis(ex, f)
            ex.resolver.add_candidate(f.cue_span[0], f.speaker, speech=True)


def _finite_speech_cue(f: Frame) -> bool:
    return f.cue_lemma != "according" and f.cue.tag_ in ("VBD", "VBZ", "VBP")


def name_before_the_cue(ex, f: Frame, prev) -> Speaker | None:
    """The parser's subject was no name: "Flynn, a surrogate, said"."""
    before = name_before(ex, f.cue) if _finite_speech_cue(f) else None
    return ex.resolver.resolve(before[0], f.cue.text) if before is not None else None


def name_after_the_quote(ex, f: Frame, prev) -> Speaker | None:
    """ "“…” Trump, the GOP front-runner …, said"."""
    name = name_after_quote(ex, f.cue) if _finite_speech_cue(f) else None
    return ex.resolver.resolve(name, f.cue.text) if name is not None else None


def shared_with_previous(ex, f: Frame, prev) -> Speaker | None:
    """ "X said Friday that … but said “…”": the subject of the coordinated speech verb before it is shared."""
    if not (
        prev is not None
        and prev.speaker is not None
        and prev.speaker.named
        and prev.cue.sent.start == f.cue.sent.start
        and (f.cue.dep_ == "conj" or f.cue.i > 0 and ex.doc[f.cue.i - 1].dep_ == "cc")
    ):
        return None
    sp = prev.speaker
    return Speaker(
        sp.name,
        list(sp.names),
        sp.start,
        sp.end,
        f"speaker: shared with '{prev.cue.text}' earlier in the sentence",
        sp.confidence * 0.9,
        sp.label,
        sp.named,
    )


SPEAKER_FALLBACKS = (name_before_the_cue, name_after_the_quote, shared_with_previous)


def reported_quotes(ex, frames: list[Frame], seen: set) -> list[Quote]:
    """The frames' reports as indirect quotes, each span once (`seen`: the spans taken already); not a belief
    inside a report ("Putin said he plans to …": the report holds the plan)."""
    out = []
    reported = [f.content for f in frames if not f.belief and f.content is not None]
    sources = {id(f) for f in frames if reports_a_speaker(f, frames)}  # before a clause loses its "according to"
    sources |= trailing_reporters(ex, frames)
    for f in frames:
        if f.belief and f.content is not None and any(a <= f.cue.i < b for a, b in reported):
            continue
        if id(f) in sources:
            continue  # "X said …, according to the reports", "X said …, TASS reported": X's words, once
        without_trailing_according(ex, f, frames)
        rec = indirect_quote(ex, f)
        if rec is not None and (rec.start, rec.end) not in seen:
            seen.add((rec.start, rec.end))
            out.append(rec)
    return out


def _layout_quotes(ex, out: list[Quote], labelled: list[Quote]) -> list[Quote]:
    """Speaker labels, claims, colon reports and headlines that overlap no quote found (a headline's report may
    hold a fragment in quotation marks)."""
    layout = quotes_layout.colon_reports(ex, FRAME_VERBS) if ex.rules.colon_reports else []
    if ex.rules.headline_verbs and opens_with_title(ex):
        layout += quotes_layout.headline_reports(
            ex,
            FRAME_VERBS | ATTRIB_CUES | set(LEARNED_CUES),
            PEOPLE_NOUNS,
            DOCUMENT_NOUNS,
            BODY_NOUNS,
            ex.rules.unnamed_indirect,
        )
    added: list[Quote] = []
    for rec in labelled + (claim_quotes(ex) if ex.rules.claims else []) + layout:
        if not any(
            r.start < rec.end and rec.start < r.end and (r.kind != "partial" or rec not in layout) for r in out + added
        ):
            added.append(rec)
    return added


def rule_basis(ex, f: Frame) -> str:
    sp = f.speaker
    if f.subject_rule == "quoted-as":
        return f"speaker: '{ex.text[sp.start : sp.end]}', quoted as saying"
    if f.subject_rule == "according":
        return "speaker: object of 'according to'"
    if f.subject_rule == "inherited":
        return f"speaker: subject of the verb that '{f.cue.text}' depends on" + _after_arrow(sp.basis)
    if f.subject_rule == "object":
        return f"speaker: object of the verb that '{f.cue.text}' depends on" + _after_arrow(sp.basis)
    return sp.basis


def _after_arrow(basis: str) -> str:
    return "" if "→" not in basis else " (" + basis.split(":", 1)[-1].strip() + ")"
