"""Attribution rules for the spans in quotation marks: the frame that holds a quote, or a cue next to it, a
colon, a dash, a verb after it or the previous speaker."""

from __future__ import annotations

import re
from dataclasses import replace

from model.extract.quotes.context import FINITE_TAGS, Frame, Quoted, is_people
from model.extract.quotes.frames import subject_of
from model.extract.quotes.reported import reports_anothers_words
from model.extract.quotes.speakers import Speaker, verb_of
from model.lexicon.naming import NAMING_WORDS, TITLE_CASE_SMALL_WORDS, TITLED_WORK_NOUNS
from model.lexicon.people import BODY_NOUNS
from model.lexicon.speech import REPORT_VERBS
from model.records import Quote

DASHES = "—–―‒-"
NESTED_KINDS = ("partial", "direct")  # the kinds of quote `QuoteRules.nested_reporter` gives the reporter


def attribute(ex, q: Quoted):
    sp = q.span
    a, b = q.toks
    if b <= a:
        q.drop = True
        return
    q.kind = quote_kind(ex, q)
    if is_name_or_term(ex, q) or in_headline(ex, q) and dash_attribution(ex, q) is None:
        q.drop = True
        return
    f = listed_with_the_quote_before(ex, q) or innermost_frame(ex, q)
    how = None
    if f is not None:
        how = "frame"
    else:
        f = adjacent_frame(ex, q)
        how = "adjacent" if f is not None else None
    if f is not None and f.speaker is not None:
        f.claimed = True
        q.frame, q.speaker = f, f.speaker
        q.basis = f.speaker.basis
        q.confidence = f.speaker.confidence * (1.0 if how == "frame" else 0.95)
        ex.resolver.add_candidate(sp.start, f.speaker, speech=True, quoted=True)
        return
    if f is not None:  # a speech verb with no speaker we can name: keep the quote, speaker unknown
        f.claimed = True
        q.frame = f
        q.basis = f"cue '{f.cue.text}' with no resolvable speaker"
        q.confidence = 0.4
        if q.kind == "partial" and how != "frame":
            q.drop = True
        return
    words_of = in_someones_words(ex, q)
    if words_of is not None:
        q.speaker, q.basis, q.confidence = words_of
        ex.resolver.add_candidate(sp.start, q.speaker, speech=True, quoted=True)
        return
    if q.kind == "partial":
        q.drop = True  # a scare quote or a term: no speech around it
        return
    sp2 = colon_lead(ex, q) or dash_attribution(ex, q) or verb_after(ex, q) or introduced_by_the_sentence_before(ex, q)
    sp3 = continuation(ex, q) if sp2 is None else None
    if sp2 is not None or sp3 is not None:
        q.speaker, q.basis, q.confidence = sp2 or sp3
        q.continued = sp3 is not None
        ex.resolver.add_candidate(sp.start, q.speaker, speech=True, quoted=True)
        return
    q.basis = "no speaker found"
    q.confidence = 0.3


def runs_speak_as_one(qs: list[Quoted]) -> None:
    """A quote that runs over paragraphs (each left open, the next opening with a mark) is one speaker's: its
    pieces with no speaker of their own take the speaker of the first piece that has one, wherever in the run
    ("“A ¶ “B,” Putin said": A is Putin's, not the speaker of the quote before the run)."""
    run: list[Quoted] = []
    for q in qs:
        if run and not q.span.continues:
            _one_speaker(run)
            run = []
        if q.span.runs_on or run:
            run.append(q)
    _one_speaker(run)


def _one_speaker(run: list[Quoted]) -> None:
    own = next((q for q in run if q.speaker is not None and not q.continued and not q.drop), None)
    if own is None:
        return
    for q in run:
        if q is not own and not q.drop and (q.speaker is None or q.continued):
            q.speaker, q.continued = own.speaker, False
            q.basis = f"speaker: the quote running on over paragraphs → {own.speaker.name}"
            q.confidence = own.confidence * 0.9


_LIST_JOINS = re.compile(r"[\s,;]*(?:(?:and|or|as well as)\s+)?")


def listed_with_the_quote_before(ex, q: Quoted) -> Frame | None:
    """A fragment listed right after a quoted fragment (“A,” “B” and “C”; “A,” or “B”) is in the frame of the one
    before it, whatever the parse hung it on."""
    k = next(i for i, x in enumerate(ex.qs) if x is q)
    prev = ex.qs[k - 1] if k else None
    if prev is None or prev.drop or prev.frame is None or prev.speaker is None or q.kind != "partial":
        return None
    if prev.kind != "partial" or not _LIST_JOINS.fullmatch(ex.text, prev.span.close + 1, q.span.open):
        return None
    return prev.frame


def quote_kind(ex, q: Quoted) -> str:
    """direct: a quoted sentence (or clause) standing on its own; partial: a fragment inside a sentence."""
    doc = ex.doc
    a, b = q.toks
    toks = doc[a:b]
    before = ex.text[: q.span.open].rstrip()
    lead = before[-1:] if before else ""
    para_start = ex.para_of(q.span.open) != ex.para_of(len(before) - 1) if before else True
    finite = any(t.tag_ in FINITE_TAGS for t in toks)
    words = sum(1 for t in toks if t.is_alpha)
    if para_start or lead in (":", ".", "?", "!", "—", "–", '"', "”", "’") or q.span.continues:
        return "direct" if words >= 2 else "partial"
    if lead == "," and finite and words >= 4:
        return "direct"
    if toks[0].text[:1].isupper() and finite and words >= 4 and not toks[0].ent_type_:
        return "direct"
    if finite and words >= 8 and toks[0].text[:1].isupper():
        return "direct"
    return "partial"


def is_name_or_term(ex, q: Quoted) -> bool:
    """A title, a term or a name in quotation marks ("the song “Moscow Nights”", "a so-called “no limits”
    partnership", "the oft-used term ‘rules-based order’"): the first rule of `NAME_OR_TERM_RULES` that decides."""
    a, _ = q.toks
    # the word(s) right before the opening mark
    prev = [t for t in ex.doc[max(0, a - 4) : a] if not t.is_punct and not ex.in_quote[t.i]]
    for rule in NAME_OR_TERM_RULES:
        decided = rule(ex, q, prev)
        if decided is not None:
            return decided
    return False


def named_by_the_word_before(ex, q: Quoted, prev: list) -> bool | None:
    """ "so-called “…”", "the song “…”", "known as “…”" (a fragment only)."""
    if not prev:
        return None
    last = prev[-1]
    if last.lower_ in NAMING_WORDS or last.lemma_.lower() in TITLED_WORK_NOUNS and last.pos_ == "NOUN":
        if not (last.lower_ == "called" and last.dep_ != "acl" and last.tag_ != "VBN"):
            return True
    if last.lower_ == "as" and len(prev) > 1 and prev[-2].lower_ in ("known", "described", "referred"):
        if prev[-2].lower_ == "described" and any(c.dep_ == "nsubj" for c in prev[-2].children):
            return None  # "an explosion that the mayor described as “…”": the mayor's words
        return q.kind == "partial"
    return None


def apposition_to_a_title(ex, q: Quoted, prev: list) -> bool | None:
    """The quoted span is in apposition to a title noun ("his book, “The Deal”")."""
    a, b = q.toks
    root = min(ex.doc[a:b], key=lambda t: len(list(t.ancestors)))
    return True if root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in TITLED_WORK_NOUNS else None


def title_case_without_verb(ex, q: Quoted, prev: list) -> bool | None:
    """Title Case and no verb: a title or a name ("Fox News Sunday", "Mostly False"), not speech."""
    a, b = q.toks
    doc = ex.doc
    if q.kind != "partial" and any(t.tag_ in FINITE_TAGS for t in doc[a:b]):
        return None
    words = [t for t in doc[a:b] if t.is_alpha]
    caps = [t for t in words if t.text[:1].isupper()]
    if (
        words
        and all(t.text[:1].isupper() or t.lower_ in TITLE_CASE_SMALL_WORDS for t in words)
        and (len(caps) >= 2 or prev and prev[-1].tag_ == "POS" or prev and prev[-1].lower_ in ("the", "of"))
    ):
        return True
    return None


def title_case_paragraph(ex, q: Quoted, prev: list) -> bool | None:
    """A paragraph that is nothing but a short quotation in Title Case ("‘All Bets Are Off.’" between two paragraphs):
    a section heading, not speech."""
    p0, p1 = ex.paras[ex.para_of(q.span.open)]
    if ex.text[p0 : q.span.open].strip() or ex.text[q.span.close + 1 : p1].strip(" .") or q.span.runs_on:
        return None
    words = re.findall(r"[^\W\d_][\w'’-]*", ex.text[q.span.start : q.span.end])
    if not 2 <= len(words) <= 8:
        return None
    return True if all(w[:1].isupper() or w in TITLE_CASE_SMALL_WORDS for w in words) else None


NAME_OR_TERM_RULES = (named_by_the_word_before, apposition_to_a_title, title_case_without_verb, title_case_paragraph)


def in_someones_words(ex, q: Quoted):
    """ "In Lavrov's words, the relationship is “at its highest point”", "In the words of one diplomat, “…”": the one
    whose words the sentence opens by naming (a name, a description, "his"); (speaker, basis, confidence) or None."""
    sent = ex.doc[q.toks[0]].sent
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.lower_ != "in" or first.i >= q.toks[0]:
        return None
    words = next((c for c in first.children if c.dep_ == "pobj" and c.lemma_.lower() == "word"), None)
    if words is None or ex.in_quote[words.i]:
        return None
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None:
        return None
    low = owner.lower_
    sp = ex.resolver.pronoun(owner, "words", "he" if low == "his" else "she") if low in ("his", "her") else None
    sp = sp or ex.resolver.resolve(owner, "words")
    if sp is None or not sp.name:
        return None
    return sp, f"{sp.basis} (the words of '{owner.text}')", sp.confidence * 0.9


def in_headline(ex, q: Quoted) -> bool:
    """Quotes in a headline-like line (Title Case, short) are the headline's paraphrase, not a quote."""
    p0, p1 = ex.paras[ex.para_of(q.span.open)]
    if p1 - p0 > 250:
        return False
    outside = [w for w in ex.text[p0 : q.span.open].split() + ex.text[q.span.close + 1 : p1].split() if w[:1].isalpha()]
    if len(outside) < 2:
        return False
    caps = sum(1 for w in outside if w[:1].isupper())
    return caps >= 0.75 * len(outside) and len(outside) >= 3 and not _speech_verb_in_lower_case(ex, q, p0, p1)


def _speech_verb_in_lower_case(ex, q: Quoted, p0: int, p1: int) -> bool:
    """ "“…,” Vega told USA Today.": a speech verb in lower case outside the quote is a sentence's, not a Title Case
    headline's (which would write "Tells")."""
    a, b = ex.tok_range(p0, p1)
    return any(
        t.pos_ == "VERB" and t.text.islower() and t.lemma_.lower() in REPORT_VERBS and not ex.in_quote[t.i]
        for t in ex.doc[a:b]
    )


def innermost_frame(ex, q: Quoted) -> Frame | None:
    """The frame of smallest scope that holds the quote, unless a rule of `OUTER_FRAME_RULES` gives it to a frame
    around that one (the first rule that decides)."""
    holding = _holding_frames(ex, q)
    if not holding:
        return None
    best, outer = holding[0], holding[1:]
    for rule in OUTER_FRAME_RULES:
        f = rule(ex, q, best, outer)
        if f is not None:
            return f
    return best


def _holding_frames(ex, q: Quoted) -> list[Frame]:
    """The frames of speech whose scope holds the quote (or most of it), smallest scope first; not a frame whose
    cue or subject is in the quote."""
    a, b = q.toks
    holding = []
    for f in ex.frames:
        s0, s1 = f.scope
        if not (s0 <= a and b <= s1 + 1) and not (s0 < b and a < s1 and mostly_inside(ex, q, f)):
            continue
        if f.subject is not None and f.subject.i in range(a, b):
            continue
        if f.cue.i in range(a, b):
            continue
        if f.cue_lemma == "according" and f.content is None or f.attrib:
            continue
        holding.append((s1 - s0, f))
    holding.sort(key=lambda x: x[0])
    return [f for _, f in holding]


def pronoun_of_a_thing(ex, q: Quoted, best: Frame, outer: list[Frame]) -> Frame | None:
    """ "She says it underscores that Trump is “unfit”": a thing's verb inside her words quotes her."""
    if best.speaker is None and best.subject is not None and best.subject.lower_ in ("it", "this", "that"):
        return next((f for f in outer if f.speaker is not None and f.scope[0] <= best.cue.i < f.scope[1]), None) or best
    return None


def reporters_wording(ex, q: Quoted, best: Frame, outer: list[Frame]) -> Frame | None:
    """ "Rep. Israel said Clinton called on members to be “closely coordinated”": a fragment inside a report of
    someone else's words is the reporter's wording."""
    if not ex.rules.nested_reporter or q.kind not in NESTED_KINDS:
        return None
    return next(
        (
            f
            for f in outer
            if f.speaker is not None
            and f.speaker.named
            and f.cue_lemma in REPORT_VERBS
            and f.content is not None
            and f.content[0] <= best.cue.i < f.content[1]
            and (best.speaker is None or best.speaker.name != f.speaker.name)
            and not reports_anothers_words(f, ex.frames)  # "Putin said C, the Kremlin said in a readout": Putin's
        ),
        None,
    )


def named_around_a_thing(ex, q: Quoted, best: Frame, outer: list[Frame]) -> Frame | None:
    """ "De Blasio said the move was made by Bratton and said, “…”", "Sanders said his attacks have given his campaign
    momentum and said Trump was not the “party of Reagan”": the one named around it speaks."""
    if not thing_subject(best):
        return None
    around = (f for f in outer if f.speaker is not None and f.speaker.named and f.scope[0] <= best.cue.i < f.scope[1])
    return next(around, None) or best


OUTER_FRAME_RULES = (pronoun_of_a_thing, reporters_wording, named_around_a_thing)


def thing_subject(f: Frame) -> bool:
    """A frame whose subject is a thing described by a common noun ("the move", "the bill", "his recent
    attacks"), neither people nor a body that speaks."""
    subj, sp = f.subject, f.speaker
    return (
        subj is not None
        and subj.pos_ == "NOUN"
        and (sp is None or not sp.named and sp.label is None)
        and not is_people(subj)
        and subj.lemma_.lower() not in BODY_NOUNS
    )


def mostly_inside(ex, q: Quoted, f: Frame) -> bool:
    a, b = q.toks
    s0, s1 = f.scope
    inside = max(0, min(b, s1) - max(a, s0))
    return inside >= 0.5 * (b - a)


def adjacent_frame(ex, q: Quoted) -> Frame | None:
    """A cue right after the closing mark ("…,” Price said) or leading into the opening one
    (Price said: “…”), in the same sentence as the quote's edge, with no other quote between."""
    doc = ex.doc
    a, b = q.toks
    close_tok = ex.tok_range(q.span.close, q.span.close + 1)[0] if not q.span.runs_on else None
    if close_tok is not None and close_tok + 1 < len(doc):
        nxt = close_tok + 1
        if ex.para_of(doc[nxt].idx) == ex.para_of(q.span.close):
            # the clause after the quote, up to the sentence end (sentences may split at the quote)
            end = doc[nxt].sent.end
            end = min(end, ex.next_quote_tok(nxt))
            para = ex.para_of(q.span.close)
            for f in ex.frames:
                if nxt <= f.cue.i < end and not f.claimed and not f.attrib and ex.para_of(f.cue.idx) == para:
                    return f
    open_tok = ex.tok_range(q.span.open, q.span.open + 1)[0]
    sent = doc[open_tok].sent
    for f in reversed(ex.frames):
        if (
            f.cue.i < open_tok
            and f.cue.i >= sent.start
            and f.cue.i > ex.prev_quote_tok(open_tok)
            and f.content is None
            and not f.attrib
        ):
            return f
    return None


def colon_lead(ex, q: Quoted):
    """ "X said:" ending the previous paragraph (or sentence) introduces the quote."""
    before = ex.text[: q.span.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    for f in (f for f in reversed(ex.frames) if not f.attrib):
        if f.cue_span[1] <= colon and f.speaker is not None and ex.para_of(colon) - ex.para_of(f.cue.idx) == 0:
            if ex.text[f.cue_span[1] : colon].count(".") == 0:
                return (
                    f.speaker,
                    f.speaker.basis + " (introducing the quote with a colon)",
                    f.speaker.confidence * 0.95,
                )
        if f.cue_span[1] <= colon:
            break
    return colon_clause(ex, colon) or name_colon(ex, colon)


def name_colon(ex, colon: int):
    """A name alone before the colon, after a dash, a line start or a finished sentence or quote: "HEADLINE -
    Michael P. McDonald: “…”", "Pollsters agree - Carl Bialik: “…”", "“…” Bush: “…”"."""
    text = ex.text
    line = text.rfind("\n", 0, colon) + 1
    seg = text[line:colon]
    cut = max(seg.rfind(c) for c in ("—", "–", "―", " - ", ".", "”", '"', "?", "!"))
    lead = seg[cut + 1 :] if cut >= 0 else seg
    a, b = ex.tok_range(line + len(seg) - len(lead), colon)
    names = [ex.resolver.mention_at.get(i) for i in range(a, b)]
    toks = ex.doc[a:b]
    if not toks or any(m is None and t.lower_ not in ("and", "&", ",") and not t.is_space for m, t in zip(names, toks)):
        return None
    found = []
    for m in names:
        if m is not None and m.label in ("PERSON", "ORG") and m.canonical not in found:
            found.append(m.canonical)
    if not found or any(m is not None and m.label not in ("PERSON", "ORG") for m in names):
        return None
    m = next(m for m in names if m is not None)
    sp = Speaker(
        "; ".join(found),
        found,
        m.start,
        names[-1].end if names[-1] is not None else m.end,
        "speaker: named before a colon introducing the quote",
        0.8,
        m.label,
        True,
    )
    return sp, sp.basis, sp.confidence


def colon_clause(ex, colon: int):
    """ "Trump leaned in and boomed: “…”": the named subject of the clause that the colon ends, whatever its
    verb, in the same paragraph."""
    i = ex.tok_range(colon, colon + 1)[0]
    if i <= 0 or ex.doc[i].text != ":" or ex.in_quote[i - 1]:
        return None
    v = verb_of(ex.doc[i - 1])
    for _ in range(4):  # no one speaks in the last clause ("apologized for what happened:"): the clause above
        if v.pos_ not in ("VERB", "AUX") or ex.para_of(v.idx) != ex.para_of(colon) or ex.in_quote[v.i]:
            return None
        subj, _ = subject_of(ex, v)
        if subj is not None and ex.para_of(subj.idx) == ex.para_of(colon):
            sp = ex.resolver.resolve(subj, v.text)
            if sp is not None and (sp.named or sp.label == "PERSON"):  # a name, even one the recogniser missed
                return sp, sp.basis + " (a clause ending in a colon introduces the quote)", sp.confidence * 0.85
        if not ex.rules.colon_clause_up or v.head.i == v.i:
            return None
        v = verb_of(v.head)
    return None


def dash_attribution(ex, q: Quoted):
    """“…” — Commissioner X: the name after a dash that follows the quote (`DASH_NAME_RULES`, the first that finds
    one)."""
    k = _after_the_dash(ex, q)
    if k is None:
        return None
    return next((found for rule in DASH_NAME_RULES if (found := rule(ex, k)) is not None), None)


def _after_the_dash(ex, q: Quoted) -> int | None:
    """Where the words after a dash following the quote start (the dash may open the next line), or None."""
    if q.span.runs_on:
        return None
    after = ex.text[q.span.close + 1 : q.span.close + 6]
    stripped = after.lstrip(" ,\u00a0\u2009\u202f")  # "”\u00a0― Karen Bobadilla"
    k = q.span.close + 1 + (len(after) - len(stripped))
    if ex.rules.dash_next_line and stripped[:1] not in DASHES:
        # the dash opening the next line: “…”¶¶- Hillary Clinton. (a fact check's list of claims)
        m = re.match(r"[ \t\u00a0]*\n\s*(?=[—–―-] ?[A-Z])", ex.text[q.span.close + 1 : q.span.close + 12])
        if m is None or not ex.text[q.span.close + 1 + m.end() :].split("\n", 1)[0].strip()[1:].strip()[:1].isupper():
            return None
        k = q.span.close + 1 + m.end()
        stripped = ex.text[k : k + 1]
    if stripped[:1] not in DASHES:
        return None
    while k < len(ex.text) and (ex.text[k] in DASHES or ex.text[k] in " \u00a0\u2009\u202f"):
        k += 1
    return k


def name_after_the_dash(ex, k: int):
    """A person, organisation or place named after the dash, before the sentence or line ends."""
    for i in range(*ex.tok_range(k, min(len(ex.text), k + 60))):
        m = ex.resolver.mention_at.get(i)
        if m is not None and m.label in ("PERSON", "ORG", "GPE"):
            name = m.canonical.lstrip(DASHES + " \u00a0")  # "― Jacklyn Ashley": the recogniser took the dash in
            sp = Speaker(
                name, [name], m.start, m.end, "speaker: named after a dash following the quote", 0.85, m.label, True
            )
            return sp, sp.basis, sp.confidence
        if ex.doc[i].is_punct and ex.doc[i].text in (".", "\n"):
            break
    return None


def capitals_after_the_dash(ex, k: int):
    """A name the recogniser missed: two to four capitalised words right after the dash, up to the line end."""
    toks = []
    for i in range(*ex.tok_range(k, min(len(ex.text), k + 60))):
        t = ex.doc[i]
        if "\n" in t.text or not t.text[:1].isupper() or not t.is_alpha or len(toks) == 4:
            break
        toks.append(t)
    end = toks[-1].i + 1 if toks else 0
    if 2 <= len(toks) <= 4 and (end >= len(ex.doc) or "\n" in ex.doc[end].text or ex.doc[end].text in (",", ".")):
        sp = Speaker(
            " ".join(t.text for t in toks),
            [],
            toks[0].idx,
            toks[-1].idx + len(toks[-1].text),
            "speaker: a name after a dash following the quote",
            0.6,
            "PERSON",
            False,
        )
        sp.names = [sp.name]
        return sp, sp.basis, sp.confidence
    return None


DASH_NAME_RULES = (name_after_the_dash, capitals_after_the_dash)


def verb_after(ex, q: Quoted):
    """ "“…,” Hannity pressed.", "“…” beamed Donald Hartley", "“…,” she went on": a quote left open by its
    last mark (comma, question, exclamation, dash) and a short clause right after it whose finite verb,
    whatever it is, takes the quote as its words (no object or clause of its own)."""
    last = ex.text[q.span.start : q.span.end].rstrip().rstrip("’'").rstrip()[-1:]  # “… ‘the deal of the year,’”
    if q.span.runs_on or last not in (",", "?", "!", "—", "–", "-"):
        return None
    doc = ex.doc
    nxt = ex.tok_range(q.span.close, q.span.close + 1)[0] + 1
    if nxt >= len(doc) or ex.para_of(doc[nxt].idx) != ex.para_of(q.span.close):
        return None
    end = min(ex.next_quote_tok(nxt), nxt + 8)
    verb = _verb_taking_the_quote(ex, nxt, end)
    subj = _subject_after_the_quote(ex, verb, nxt, end) if verb is not None else None
    if subj is None:
        return None
    sp = ex.resolver.resolve(subj, verb.text)
    if sp is None or not sp.name:
        return None
    return sp, sp.basis + " (the verb right after the quote)", sp.confidence * 0.9


def _verb_taking_the_quote(ex, nxt: int, end: int):
    """The first finite verb in [nxt, end), in the quote's sentence, with no object or clause of its own."""
    doc = ex.doc
    verb = next((t for t in doc[nxt:end] if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if verb is None or any(t.text in (".", ";", ":", "\n") or "\n" in t.text for t in doc[nxt : verb.i]):
        return None
    if any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") and not ex.in_quote[c.i] for c in verb.children
    ):
        return None
    return verb


def _subject_after_the_quote(ex, verb, nxt: int, end: int):
    """The verb's subject near the quote, or the name right after a verb that opens the clause ("“…” beamed Donald
    Hartley"); None when there is none."""
    doc = ex.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and nxt <= c.i < end), None)
    if subj is None and verb.i == nxt and verb.i + 1 < len(doc) and ex.resolver.mention_at.get(verb.i + 1) is not None:
        subj = doc[verb.i + 1]
    if subj is None or subj.i > verb.i + 1 and subj.i > nxt + 4:
        return None
    return subj


def introduced_by_the_sentence_before(ex, q: Quoted):
    """ "Sen. Ann Lowe, who lost the primary, named rents as the reason. “The young are tired of waiting.”": a quoted
    sentence right after a sentence of its paragraph whose main clause has a named person as subject, and no
    quotation of its own, is that person's."""
    doc = ex.doc
    a, _ = ex.tok_range(q.span.open, q.span.open + 1)
    if q.kind != "direct" or a == 0 or not doc[a].is_sent_start:
        return None
    before = doc[a - 1].sent
    if ex.para_of(before.start_char) != ex.para_of(q.span.open) or any(
        not x.drop and before.start_char <= x.span.open < before.end_char for x in ex.qs
    ):
        return None  # a quotation in it (not a title or a term) has a speaker of its own
    subj = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if before.root.pos_ != "VERB" or subj is None or ex.resolver.mention_at.get(subj.i) is None:
        return None
    sp = ex.resolver.resolve(subj, before.root.text)
    if sp is None or sp.label != "PERSON" or not sp.named:
        return None
    basis = f"speaker: {sp.name}, the person the sentence before the quote is about"
    return replace(sp, basis=basis), basis, sp.confidence * 0.75


def continuation(ex, q: Quoted):
    """A quote with no cue of its own continues the previous speaker: same paragraph, or the paragraph
    before when the quote opens its own paragraph."""
    pos = q.span.open
    para = ex.para_of(pos)
    at_para_start = not ex.text[ex.paras[para][0] : pos].strip() if para < len(ex.paras) else False
    cands = [c for c in ex.resolver.candidates if c.pos < pos and c.speech]
    for k in range(len(cands) - 1, -1, -1):
        c = cands[k]
        if not c.quoted and ex.resolver._reported(c, None):
            continue  # "Murphy said Trump continued to hurt his cause. “…”": the reporter goes on
        if not c.quoted and any(x.quoted and x.sent == c.sent for x in cands[:k]):
            continue  # "“A,” said Lee, a lawyer for the union, who has challenged the mine. “B”": Lee goes on
        if not c.quoted and not c.speaker.named:
            # an unnamed source of a report in between ("“A,” Trump said, two hours after news outlets declared
            # him the victor. “B”"): the speaker of the quote before it in its paragraph, if there is one
            c = next((x for x in reversed(cands[:k]) if x.quoted and x.para == c.para), c)
        if c.para == para or (at_para_start and c.para == para - 1):
            return (
                c.speaker,
                f"speaker: previous quote's speaker (continuation) → {c.speaker.name}",
                min(c.speaker.confidence, 0.8) * 0.85,
            )
        break
    return None


def quote_record(ex, q: Quoted) -> Quote:
    sp, f = q.speaker, q.frame
    cue = f.cue_lemma if f is not None else None
    if cue == "according":
        cue = "according to"
    return Quote(
        start=q.span.start,
        end=q.span.end,
        text=ex.text[q.span.start : q.span.end],
        kind=q.kind,
        cue=cue,
        cue_start=f.cue_span[0] if f else None,
        cue_end=f.cue_span[1] if f else None,
        speaker=sp.name if sp else None,
        speakers=list(sp.names) if sp else [],
        speaker_start=sp.start if sp else None,
        speaker_end=sp.end if sp else None,
        basis=q.basis,
        confidence=round(q.confidence, 2),
    )
