"""Quotes: direct, partial and reported speech, attributed to canonical speakers.

    extract_quotes(text, doc, mentions) -> list[Quote]

Pure rules over the spaCy parse (see docs/rules/quotes.md):
1. Quotation marks are paired from the raw text (`quotes_marks`).
2. Speech frames are read from the parse: a speech verb ("said", "told",
   "hailed", …) or "according to", its speaker (nsubj; inherited by conjuncts
   and participles; "X quoted Y as saying"), and what was said (a ccomp; the
   clause around "As X said," / "According to X,"; the clause before an
   inverted "…, X said").
3. Each quoted span goes to the innermost frame whose clause holds it, else to
   a cue right after or before it, "X said:" ending the previous paragraph, a
   dash attribution, or the previous speaker (a continuation). Terms, titles and
   scare quotes with no speech around them are not quotes.
4. A frame whose reported clause holds no quotation marks is an indirect quote.
Speakers are resolved to canonical names by `quotes_speakers`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from model.extract.quotes import layout as quotes_layout
from model.extract.quotes import learned as quotes_learned
from model.extract.quotes.learned import lemma as _lemma
from model.extract.quotes.marks import QuoteSpan, find_quote_spans, paragraphs
from model.extract.quotes.settings import DEFAULT_RULES, QuoteRules
from model.extract.quotes.speakers import Resolver, Speaker, verb_of
from model.lexicon.grammar import MODAL_LEMMAS, OBJECT_PREPS, UNNAMED_PRONOUNS
from model.lexicon.naming import LABEL_FIELDS, NAMING_WORDS, TITLE_CASE_SMALL_WORDS, TITLED_WORK_NOUNS
from model.lexicon.people import BODY_NOUNS, NOT_PEOPLE, PEOPLE_NOUNS, PEOPLE_QUANTIFIERS, THING_NOUNS
from model.lexicon.records import DOCUMENT_NOUNS, SHARE_WORDS
from model.lexicon.speech import (
    ATTRIB_ABOUT,
    ATTRIB_CLAUSE,
    ATTRIB_CUES,
    ATTRIB_FOR,
    ATTRIB_INFINITIVE,
    ATTRIB_OBJECT,
    CLAIM_NOUNS,
    FINDING_VERBS,
    FRAME_VERBS,
    GLOSS_PARTICIPLES,
    LEARNED,
    NAMING_CUES,
    QUOTING_VERBS,
    REPORT_VERBS,
    STANCES,
    VAGUE_OBJECTS,
)
from model.records import Mention, Quote

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
DASHES = "—–―‒-"
NESTED_KINDS = ("partial", "direct")  # the kinds of quote `QuoteRules.nested_reporter` gives the reporter


def _cue_table(*tables) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for table in tables:
        for rel, lemmas in table.items():
            for lemma in lemmas.split():
                out.setdefault(lemma, set()).add(rel)
    return out


LEARNED_CUES = _cue_table(LEARNED)
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# The label: up to four capitalised words, after an opening mark that runs the transcript on over paragraphs
# ("\"PENCE: …", `mark`) or a capitals kicker and a dash ("EXCLUSIVE – Roger Stone: …"), and before a few words
# saying to whom or where ("Clinton to Planned Parenthood: …", `tail`).
LABEL_LINE = re.compile(
    r"[ \t]*(?P<mark>[\"“](?=[A-Z]))?(?:[A-Z]{3,}[ \t]+[—–-][ \t]+)?"
    r"(?P<label>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]+){0,3})"
    r"(?P<tail> (?:[Tt]o|[Oo]n|[Aa]t|[Ii]n|[Aa]bout) [^:\n]{1,60}?)?[ \t]*:[ \t]+(?=\S)"
)


@dataclass
class Frame:
    cue: object  # the cue token ("said", or "according")
    cue_lemma: str
    cue_span: tuple[int, int]
    subject: object  # the speaker token (or None)
    subject_rule: str  # how the subject was found
    scope: tuple[int, int]  # token range whose quotes this frame may claim
    content: tuple[int, int] | None = None  # token range of the reported clause (indirect speech)
    nominal: bool = False  # the content is a noun phrase ("stressed her support of the raid")
    attrib: bool = False  # a cue of belief, finding or intention, not of speech (indirect only)
    belief: bool = False  # the content is what a cue of belief or intention attributes (`_attributed`)
    speaker: Speaker | None = None
    claimed: bool = False
    named_object: bool = False  # the content is a name, object of a stance ("endorsed [Hillary Clinton]")


@dataclass
class _Q:
    span: QuoteSpan
    toks: tuple[int, int]  # token range [a, b) of the quoted text
    kind: str = "direct"
    frame: Frame | None = None
    speaker: Speaker | None = None
    basis: str = ""
    confidence: float = 0.5
    drop: bool = False


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
    return _Extractor(text, doc, mentions or [], title, rules, candidates).run()


class _Extractor:
    def __init__(self, text: str, doc, mentions: list[Mention], title: str | None, rules: QuoteRules, candidates=None):
        self.text, self.doc, self.title, self.rules = text, doc, title, rules
        self.candidates: list[tuple] | None = candidates  # when a list: every learned candidate, scored (training)
        self.spans = find_quote_spans(text)
        self.paras = paragraphs(text)
        self._para_starts = [p[0] for p in self.paras]
        self.in_quote = [False] * len(doc)
        self.quote_of_tok: dict[int, int] = {}
        self.qs: list[_Q] = []
        for k, sp in enumerate(self.spans):
            a, b = self._tok_range(sp.open, sp.close + 1)
            for i in range(a, b):
                self.in_quote[i] = True
            ia, ib = self._tok_range(sp.start, sp.end)
            for i in range(ia, ib):
                self.quote_of_tok[i] = k
            self.qs.append(_Q(sp, (ia, ib)))
        self.resolver = Resolver(doc, mentions, self.in_quote, self.para_of)

    # ------------------------------------------------------------ helpers
    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def _tok_range(self, a: int, b: int) -> tuple[int, int]:
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return (0, 0)
        return span.start, span.end

    def run(self) -> list[Quote]:
        frames = self._frames()
        prev = None
        for f in frames:  # resolve in text order: pronouns look back at earlier speakers
            f.speaker = self.resolver.resolve(f.subject, "according to" if f.cue.lower_ == "according" else f.cue.text)
            if f.speaker is None and f.cue_lemma != "according" and f.cue.tag_ in ("VBD", "VBZ", "VBP"):
                before = self._name_before(f.cue)  # the parser's subject was no name: "Flynn, a surrogate, said"
                if before is not None:
                    f.speaker = self.resolver.resolve(before[0], f.cue.text)
            if f.speaker is None and f.cue_lemma != "according" and f.cue.tag_ in ("VBD", "VBZ", "VBP"):
                name = self._name_after_quote(f.cue)  # "“…” Trump, the GOP front-runner …, said"
                if name is not None:
                    f.speaker = self.resolver.resolve(name, f.cue.text)
            if (
                f.speaker is None
                and prev is not None
                and prev.speaker is not None
                and prev.speaker.named
                and prev.cue.sent.start == f.cue.sent.start
                and (f.cue.dep_ == "conj" or f.cue.i > 0 and self.doc[f.cue.i - 1].dep_ == "cc")
            ):
                sp = prev.speaker  # "X said Friday that … but said “…”": the subject is shared
                f.speaker = Speaker(
                    sp.name,
                    list(sp.names),
                    sp.start,
                    sp.end,
                    f"speaker: shared with '{prev.cue.text}' earlier in the sentence",
                    sp.confidence * 0.9,
                    sp.label,
                    sp.named,
                )
            if not f.belief:  # "Roberts said she thinks … but said “…”": a belief is no coordinated speech verb
                prev = f
            if f.speaker is not None and f.speaker.name and not f.attrib:
                if f.subject_rule != "nsubj" and f.speaker.named:
                    f.speaker.basis = self._rule_basis(f)
                self.resolver.add_candidate(f.cue_span[0], f.speaker, speech=True)
        self.frames = frames
        out: list[Quote] = []
        for q in self.qs:
            self._attribute(q)
        labelled = self._speaker_labels() if self.rules.name_colon_paragraphs else []  # may drop a transcript's quotes
        for q in self.qs:
            if not q.drop:
                out.append(self._quote_record(q))
        seen = {(r.start, r.end) for r in out}
        reported = [f.content for f in frames if not f.belief and f.content is not None]
        for f in frames:
            if f.belief and f.content is not None and any(a <= f.cue.i < b for a, b in reported):
                continue  # "Putin said he plans to …": the report holds the plan
            rec = self._indirect(f)
            if rec is not None and (rec.start, rec.end) not in seen:
                seen.add((rec.start, rec.end))
                out.append(rec)
        layout = quotes_layout.colon_reports(self, FRAME_VERBS) if self.rules.colon_reports else []
        if self.rules.headline_verbs and self._opens_with_title():
            layout += quotes_layout.headline_reports(
                self,
                FRAME_VERBS | ATTRIB_CUES | set(LEARNED_CUES),
                PEOPLE_NOUNS,
                DOCUMENT_NOUNS,
                BODY_NOUNS,
                self.rules.unnamed_indirect,
            )
        for rec in labelled + (self._claims() if self.rules.claims else []) + layout:
            if not any(
                r.start < rec.end and rec.start < r.end and (r.kind != "partial" or rec not in layout) for r in out
            ):  # a headline's report may hold a fragment in quotation marks
                out.append(rec)
        if self.rules.learned_model:
            out += self._learned_model(out)
        out.sort(key=lambda r: (r.start, r.end))
        return out

    def _claims(self) -> list[Quote]:
        """A person's claim as a noun with its that-clause: "Trump's claim that [he opposed the war]", "her
        belief that […]" (`CLAIM_NOUNS`); the owner a person named, or his/her for one."""
        out = []
        for t in self.doc:
            if t.pos_ != "NOUN" or t.lemma_.lower() not in CLAIM_NOUNS or self.in_quote[t.i]:
                continue
            clause = next(
                (
                    c
                    for c in t.children
                    if c.dep_ in ("acl", "ccomp")
                    and c.i > t.i
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ),
                None,
            )
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if clause is None or owner is None:
                continue
            if owner.lower_ in ("his", "her"):
                sp = self.resolver.pronoun(owner, t.text, "he" if owner.lower_ == "his" else "she")
            else:
                sp = self.resolver.resolve(owner, t.text)
            if sp is None or sp.label != "PERSON" or not sp.named:
                continue
            rng = self._clean_range(clause.left_edge.i, clause.right_edge.i + 1, clause)
            if rng is None or rng[1] - rng[0] < 3 or any(self.in_quote[i] for i in range(*rng)):
                continue
            a, b = self.doc[rng[0]].idx, self.doc[rng[1] - 1].idx + len(self.doc[rng[1] - 1].text)
            out.append(
                Quote(
                    start=a,
                    end=b,
                    text=self.text[a:b],
                    kind="indirect",
                    cue=t.lemma_.lower(),
                    cue_start=t.idx,
                    cue_end=t.idx + len(t.text),
                    speaker=sp.name,
                    speakers=list(sp.names),
                    speaker_start=sp.start,
                    speaker_end=sp.end,
                    basis=f"speaker: the one whose '{t.text}' it is ({sp.name})",
                    confidence=0.6,
                )
            )
        return out

    def _speaker_labels(self) -> list[Quote]:
        """A paragraph led by a speaker's name and a colon: a transcript ("BOLDUAN: Why not debate?") or a
        headline ("Sanders: Endorsements prove Clinton 'candidate of the establishment'"). The name must be one
        the article knows (a mention, or the surname or full name of a person it names, in any case); "Report:",
        "Poll:" are records, unnamed. Unknown labels count only as turns of a dialogue: capitals that lead two
        paragraphs or more, with another such label ("WALLACE: …" ¶ "PENCE: …"), or an interview's "Q:" and
        "A:" (speaker none); never a field ("UPDATE:", `LABEL_FIELDS`). A transcript quoted as a whole, each
        paragraph opening a mark that runs on ("\"PENCE: …"), gives its turns, not quotes without a speaker."""
        out = []
        by_name = {}
        for m in self.resolver.mention_at.values():
            if m.label == "PERSON":
                by_name.setdefault(m.canonical.split()[-1].casefold(), m)
                by_name.setdefault(m.canonical.casefold(), m)
        hits = [(p0, p1, hit) for p0, p1 in self.paras if (hit := LABEL_LINE.match(self.text, p0, p1)) is not None]
        labels = [hit.group("label") for _, _, hit in hits if hit.group("tail") is None]
        caps = {
            w
            for w in labels
            if w.isupper() and len(w) > 2 and labels.count(w) >= 2 and w.casefold() not in LABEL_FIELDS
        }
        turns = caps if len(caps) >= 2 else set()
        if "Q" in labels and "A" in labels:
            turns |= {"Q", "A"}
        for _p0, p1, hit in hits:
            label, c0 = hit.group("label"), hit.end()
            c1 = p1
            while c1 > c0 and self.text[c1 - 1].isspace():
                c1 -= 1
            a, b = self._tok_range(c0, c1)
            block = None  # the transcript's mark that runs on over the paragraph
            if hit.group("mark"):
                block = next((q for q in self.qs if q.span.open == hit.start("mark") and q.span.end >= c1 - 2), None)
                if block is None:
                    continue
            if (
                b - a < 3
                and label not in turns
                or block is None
                and any(self.in_quote[i] and self._double_marked(i) for i in range(a, b))
            ):
                continue
            m = self.resolver.mention_at.get(self._tok_range(hit.start("label"), hit.start("label") + 1)[0])
            lab_end = hit.end("label")
            # "PENCE", "JAKE TAPPER" → its surname; "Sanders", "Bernie Sanders" → the surname or the full name
            known = by_name.get((label.split()[-1] if label.isupper() else label).casefold())
            known = None if known is not None and known.canonical.isupper() else known  # only the label itself
            if m is not None and m.end > lab_end + 1 and known is not None:
                m = known  # a mention run on past the label ("Obama To Asians Worried"): the person it names
            if (
                m is None
                or m.label not in ("PERSON", "ORG")
                or m.end < lab_end - 1
                or label.isupper()
                and m.canonical == label
            ):  # "WALLACE" taken for an organisation of that name
                m = known
            if m is None and self.rules.label_any_name:  # "McCain Challenger Kelli Ward: …": a name ends the label
                la, lb = self._tok_range(hit.start("label"), hit.end("label"))
                m = self.resolver.mention_at.get(lb - 1)
                m = m if m is not None and m.label in ("PERSON", "ORG") and m.end >= lab_end - 1 else None
            record = (
                m is None
                and self.rules.label_any_name
                and (
                    label.casefold() in DOCUMENT_NOUNS | BODY_NOUNS
                    or label.casefold().removesuffix("s") in PEOPLE_NOUNS
                )
            )
            if (
                m is None
                and not record
                and label not in turns
                or hit.group("tail")
                and (m is None or m.label != "PERSON")
            ):
                continue  # "Poll: …", "Newspaper: …", "Insiders: …": a record, a body or people, unnamed
            if block is not None:
                block.drop = True
            name = m.canonical if m is not None else None
            out.append(
                Quote(
                    start=c0,
                    end=c1,
                    text=self.text[c0:c1],
                    kind="indirect",
                    cue=":",
                    cue_start=hit.end("label"),
                    cue_end=hit.end("label") + 1,
                    speaker=name,
                    speakers=[name] if name else [],
                    speaker_start=hit.start("label"),
                    speaker_end=hit.end("label"),
                    basis=f"speaker: '{label}', the name that leads the paragraph with a colon"
                    if name
                    else f"a turn of '{label}', a label the article names no one by",
                    confidence=0.7 if name else 0.3,
                )
            )
        return out

    def _rule_basis(self, f: Frame) -> str:
        sp = f.speaker
        if f.subject_rule == "quoted-as":
            return f"speaker: '{self.text[sp.start : sp.end]}', quoted as saying"
        if f.subject_rule == "according":
            return "speaker: object of 'according to'"
        if f.subject_rule == "inherited":
            return f"speaker: subject of the verb that '{f.cue.text}' depends on" + _after_arrow(sp.basis)
        return sp.basis

    # ------------------------------------------------------------ frames
    def _frames(self) -> list[Frame]:
        doc = self.doc
        frames = []
        for t in doc:
            if self.in_quote[t.i]:
                continue
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                f = self._according(t)
            elif t.pos_ == "VERB" and _lemma(t) in FRAME_VERBS:
                f = self._verb_frame(t)
            elif self.rules.in_record and self._in_record(t):
                f = self._according(t, t)
                if f is None or f.content is None:
                    continue
                f.attrib = True
            elif self.rules.attrib and t.pos_ == "VERB" and (_lemma(t) in ATTRIB_CUES or _lemma(t) in LEARNED_CUES):
                f = self._verb_frame(t)
                if f is None or f.content is None:
                    continue
                f.attrib = True
            else:
                continue
            if f is not None:
                self._clamp(f)
                frames.append(f)
        return frames

    def _clamp(self, f: Frame) -> None:
        """A frame never reaches outside its cue's paragraph (the parser sometimes runs a headline or a
        boilerplate line into the next sentence)."""
        p = self.para_of(f.cue.idx)
        p0, p1 = self.paras[p] if p < len(self.paras) else (0, len(self.text))
        a, b = self._tok_range(p0, p1)
        f.scope = (max(f.scope[0], a), min(f.scope[1], b))
        if f.content is not None:
            c0, c1 = max(f.content[0], a), min(f.content[1], b)
            f.content = (c0, c1) if c1 > c0 else None
        if f.subject is not None and not (a <= f.subject.i < b):
            # the subject the parser found lies in another paragraph: take the last name before the cue instead
            f.subject = None
            for i in range(f.cue.i - 1, a - 1, -1):
                m = self.resolver.mention_at.get(i) if hasattr(self, "resolver") else None
                if m is not None and m.label in ("PERSON", "ORG", "GPE", "NORP") and not self.in_quote[i]:
                    f.subject = self.doc[i]
                    f.subject_rule = "nsubj"
                    break

    def _in_record(self, t) -> bool:
        """ "In the poll, [Clinton leads …]", "In a statement, [the company denied …]": a record leading the
        clause it reports."""
        if t.lower_ != "in" or t.dep_ != "prep" or t.head.pos_ not in ("VERB", "AUX") or t.i > t.head.i:
            return False
        if _lemma(t.head) in REPORT_VERBS | ATTRIB_CLAUSE:
            return False  # "In the survey, 47 percent said …": the clause has its own source
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in DOCUMENT_NOUNS

    def _according(self, t, to=None) -> Frame | None:
        to = to if to is not None else self.doc[t.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = t.head if t.head.i != t.i else None
        frame = Frame(t, "according", (t.idx, to.idx + len(to.text)), pobj, "according", (t.i, t.i + 1))
        if head is not None:
            a, b = head.left_edge.i, head.right_edge.i + 1
            frame.scope = (a, b)
            frame.content = self._minus(a, b, t.left_edge.i, t.right_edge.i + 1, head)
        return frame

    def _verb_frame(self, v) -> Frame | None:
        lemma = _lemma(v)
        subj, rule = self._subject_of(v)
        outer = _coordinated_cue(v) if self.rules.coordinated_cues else None
        if outer is not None:  # "X said [he would order a review] and warned against …": X warned
            subj, rule = self._subject_of(outer)[0], "inherited"
        before = None
        if v.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            before = self._name_before(v)  # the parser lost the subject: "…, Daniel X, the agency's head, said"
            if before is not None:
                subj, rule = before[0], "nsubj"
        cue_span = (v.idx, v.idx + len(v.text))
        prt = next((c for c in v.children if c.dep_ == "prt"), None)
        if prt is not None and prt.i == v.i + 1:
            cue_span = (v.idx, prt.idx + len(prt.text))
        # scope: the verb's clause without its subject
        a, b = v.left_edge.i, v.right_edge.i + 1
        frame = Frame(v, lemma, cue_span, subj, rule, (a, b))
        if lemma not in REPORT_VERBS:
            if self.rules.attrib:
                self._attributed(frame)
            return frame
        clauses = [
            c
            for c in v.children
            if c.dep_ == "ccomp" and not (self.rules.colon_before_cue and self._colon_between(c, v))
        ]
        ccomp = next((c for c in clauses if not self.in_quote[c.i]), None)
        if ccomp is None:
            ccomp = next(iter(clauses), None)
        if ccomp is None:
            ccomp = self._that_clause_in_pp(v)
        head = v.head
        whole = self._interrupted(v, subj) if self.rules.interrupted else None  # "A, he said, B": the sentence, and A
        if whole is not None and ccomp is not None and ccomp.i < v.i:
            # "there is a risk, some Democrats said, that Mr. Sanders would push …": a clause on either side
            frame.scope = (min(a, whole[0]), max(b, whole[1]))
            frame.content = self._clean_range(*whole)  # trimmed as the first clause: the second is no aside
        elif ccomp is not None:
            frame.content = self._clean_range(ccomp.left_edge.i, ccomp.right_edge.i + 1, ccomp)
        elif (
            v.dep_ in ("parataxis", "ccomp", "conj")
            and head.i < v.i
            and head.pos_ in ("VERB", "AUX")
            and self._comma_before(v)
        ):
            # inverted or parenthetical: "S, X said" / "S, said X" with S as the head
            a2 = head.left_edge.i
            frame.scope = (a2, max(b, head.right_edge.i + 1))
            frame.content = self._minus(a2, head.right_edge.i + 1, v.left_edge.i, v.right_edge.i + 1, head)
            after = (
                self._clean_range(v.right_edge.i + 1, head.right_edge.i + 1, head)
                if v.right_edge.i + 1 < head.right_edge.i
                else None
            )
            if (
                self.rules.interrupted
                and after is not None
                and frame.content is not None
                and self._comma_after(v)
                and not any(self.in_quote[i] for i in range(*after))
            ):
                # "It was, he said, one of the bitterest failures": the attribution interrupts one sentence,
                # reported whole (the attribution included, as in the parenthetical branch below)
                frame.content = self._clean_range(a2, head.right_edge.i + 1, head)
            elif (
                after is not None
                and frame.content is not None
                and after[0] > frame.content[0]
                and after[1] - after[0] > 2 * (frame.content[1] - frame.content[0])
                and any(t.tag_ in FINITE_TAGS for t in self.doc[after[0] : after[1]])
            ):
                frame.content = after  # "Back in Virginia, Mr. Clarke said, he decided …": the longer side
        elif (
            self.rules.interrupted
            and v.dep_ == "parataxis"
            and head.i > v.i
            and head.pos_ not in ("VERB", "AUX")
            and (clause := self._clause_of(head)) is not None
            and clause.left_edge.i < v.left_edge.i
            and self._comma_before(v)
            and self._comma_after(v)
        ):
            # "It was, he said, one of the bitterest failures": the cue hangs on a word of the clause it interrupts
            frame.scope = (min(a, clause.left_edge.i), max(b, clause.right_edge.i + 1))
            frame.content = self._clean_range(clause.left_edge.i, clause.right_edge.i + 1, clause)
        elif (
            v.dep_ == "parataxis"
            and head.i > v.i
            and head.pos_ in ("VERB", "AUX")
            and self._comma_before(v)
            and any(self.doc[i].text in (",", "—", "–") for i in (v.right_edge.i, min(v.right_edge.i + 1, head.i)))
            and head.left_edge.i < v.left_edge.i
        ):
            # a parenthetical attribution inside the reported sentence: "Climate change, Mr. Obama often says,
            # is the greatest threat": the whole sentence, the attribution included
            a2, b2 = head.left_edge.i, head.right_edge.i + 1
            frame.scope = (min(a, a2), max(b, b2))
            frame.content = self._clean_range(a2, b2, head)
        elif whole is not None:  # the parse hangs the clauses elsewhere (see `_interrupted`)
            frame.scope = (min(a, whole[0]), max(b, whole[1]))
            frame.content = self._clean_range(*whole)  # trimmed as the first clause: the second is no aside
        elif before is not None and before[1] > v.sent.start:
            frame.content = self._clean_range(v.sent.start, before[1], self.doc[before[1] - 1])
        elif v.tag_ in ("VBD", "VBZ", "VBP") and (marked := self._apostrophe_before(v, subj)) is not None:
            frame.content = marked
            frame.nominal = True  # the marks say these are the words, verb or not
        elif (
            v.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
            and head.pos_ in ("VERB", "AUX")
        ):
            # "As President Xi said in a statement, S"
            a2, b2 = head.left_edge.i, head.right_edge.i + 1
            frame.scope = (min(a, a2), max(b, b2))
            frame.content = self._minus(a2, b2, v.left_edge.i, v.right_edge.i + 1, head)
        if frame.content is None and self.rules.attrib and any(c.dep_ == "dobj" for c in v.children):
            self._attributed(frame)  # "urged Congress to act": what someone was told to do
        elif frame.content is None and self.rules.attrib and lemma in LEARNED_CUES:
            self._learned(frame)
        return frame

    def _attributed(self, f: Frame) -> None:
        """What a cue of belief or intention attributes: "believes [that …]", "wants [to …]", "called for […]"."""
        v, lemma = f.cue, f.cue_lemma
        for c in v.children:
            if c.i < v.i or self.in_quote[c.i]:
                continue
            if c.dep_ == "ccomp" and lemma in ATTRIB_CLAUSE:
                f.content = self._clean_range(c.left_edge.i, c.right_edge.i + 1, c)
            elif (
                c.dep_ == "xcomp"
                and lemma in ATTRIB_INFINITIVE
                and c.pos_ in ("VERB", "AUX")
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            ):
                f.content = self._clean_range(c.left_edge.i, c.right_edge.i + 1, c)
                f.nominal = True
            elif c.dep_ == "oprd" and lemma in NAMING_CUES and any(x.dep_ == "dobj" for x in v.children):
                obj = next(x for x in v.children if x.dep_ == "dobj")  # "called [the plan a disaster]"
                f.content = self._clean_range(obj.left_edge.i, c.right_edge.i + 1, c)
                f.nominal = True
            elif c.dep_ == "dobj" and lemma in ATTRIB_OBJECT and getattr(self._nominal_object(v), "i", -1) == c.i:
                f.content = self._clean_range(c.left_edge.i, c.right_edge.i + 1, c)  # "endorsed [her tax plan]"
                f.nominal = True
            elif (
                c.dep_ == "dobj"
                and lemma in FINDING_VERBS
                and _document(f.subject, self.rules)
                and c.right_edge.i - c.left_edge.i >= 2
            ):
                f.content = self._clean_range(c.left_edge.i, c.right_edge.i + 1, c)  # "the poll shows [Clinton …]"
                f.nominal = True
            elif c.dep_ == "prep" and c.lower_ in ATTRIB_ABOUT.get(lemma, ()):
                obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and obj.pos_ not in ("PRON", "PROPN") and obj.right_edge.i - obj.left_edge.i >= 1:
                    f.content = self._clean_range(obj.left_edge.i, obj.right_edge.i + 1, obj)  # "spoke about […]"
                    f.nominal = True
            elif c.dep_ == "prep" and c.lower_ == "for" and c.i == v.i + 1 and lemma in ATTRIB_FOR:
                obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    f.content = self._clean_range(obj.left_edge.i, obj.right_edge.i + 1, obj)
                    f.nominal = True
            else:
                continue
            if c.dep_ == "dobj" or c.dep_ == "prep" and self.rules.object_clauses:
                f.content = self._object_reach(v, f.content)
            f.belief = f.content is not None
            return
        if lemma in LEARNED_CUES:
            self._learned(f)
        if (
            f.content is None
            and self.rules.interrupted
            and lemma in ATTRIB_CLAUSE
            and v.dep_ == "parataxis"
            and v.tag_ in ("VBD", "VBZ", "VBP")
            and self._comma_before(v)
            and self._comma_after(v)
        ):
            # "Ryan's endorsement, many think, is only a matter of time": a belief interrupting what is believed
            clause = self._clause_of(v.head)
            if clause is not None and clause.left_edge.i < v.left_edge.i < v.i < clause.right_edge.i:
                f.content = self._clean_range(clause.left_edge.i, clause.right_edge.i + 1, clause)
                f.belief = f.content is not None

    def _learned(self, f: Frame) -> None:
        """The content of a cue of the learned table (`LEARNED`): the dependent its relation names."""
        v, rels = f.cue, LEARNED_CUES[f.cue_lemma]
        for c in v.children:
            if c.i < v.i or self.in_quote[c.i]:
                continue
            node = None
            if c.dep_ == "ccomp" and "ccomp" in rels:
                node = c
            elif (
                c.dep_ == "dobj"
                and "dobj" in rels
                and c.pos_ != "PRON"
                and (
                    c.pos_ != "PROPN"
                    and c.ent_type_ not in NAME_LABELS
                    or self.rules.name_objects
                    and f.cue_lemma in STANCES
                )
            ):
                node = c  # "discussed [the tax plan]"; a name only as the object of a stance ("endorsed [Clinton]")
                f.named_object = c.pos_ == "PROPN" or c.ent_type_ in NAME_LABELS
            elif (
                c.dep_ == "xcomp"
                and "xcomp" in rels
                and c.pos_ in ("VERB", "AUX")
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            ):
                node = c
            elif c.dep_ == "prep" and c.lower_ in rels:
                node = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if node is None:
                continue
            f.content = self._clean_range(node.left_edge.i, node.right_edge.i + 1, node)
            if node.dep_ == "dobj" or node.dep_ in ("pobj", "pcomp") and self.rules.object_clauses:
                f.content = self._object_reach(v, f.content)
            f.nominal = node.dep_ != "ccomp"
            f.belief = f.content is not None
            return

    def _object_reach(self, v, rng):
        """A stance's object with the phrases the parse hung on the verb right after it, which say what the
        stance is about: "criticized [Clinton for having ties to Wall Street]", "identify [unique hurdles in the
        way of immigrants …]", "backed [Ron Paul for the presidency]", "shows [Clinton with a lead …]"; not a
        date ("endorsed [her plan] on Tuesday")."""
        if rng is None or not self.rules.object_reach:
            return rng
        a, b = rng
        for c in sorted((c for c in v.children if c.i >= b), key=lambda c: c.i):
            if c.left_edge.i != b or any(t.ent_type_ in ("DATE", "TIME") or self.in_quote[t.i] for t in c.subtree):
                break
            if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
                b = c.right_edge.i + 1
            elif (
                self.rules.object_clauses
                and c.pos_ in ("VERB", "AUX")
                and (
                    c.dep_ in ("xcomp", "advcl")
                    and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                    or c.dep_ == "ccomp"
                    and not any(x.dep_ == "mark" for x in c.children)
                )
            ):
                b = c.right_edge.i + 1  # "called for [women to wear …]", "cited [remarks Trump had made …]"
            else:
                break
        return self._clean_range(a, b, self.doc[a]) if b > rng[1] else rng

    def _name_before(self, v):
        """A name right before a finite speech verb that has no subject in the parse ("…, Price said"), or
        before an apposition between commas ("…, Daniel X, the agency's top diplomat, said"):
        (name token, index of the comma that opens the attribution, or -1) or None."""
        doc = self.doc
        mention_at = self.resolver.mention_at

        def named(i):
            m = mention_at.get(i)
            return m if m is not None and m.label in ("PERSON", "ORG") and not self.in_quote[i] else None

        def opening(i, m):
            while i - 1 >= 0 and mention_at.get(i - 1) is m:
                i -= 1
            j = i - 1
            while j >= 0 and (doc[j].lower_ in ("the", "a") or doc[j].dep_ == "compound"):
                j -= 1
            return j if j >= 0 and doc[j].text in (",", "—", "–") else -1

        k = v.i - 1
        if k > 0 and doc[k].text == ")":  # "Rep. Elijah E. Cummings (D-Md.) said"
            while k > max(0, v.i - 8) and doc[k].text != "(":
                k -= 1
            k = k - 1 if doc[k].text == "(" else v.i - 1
        if k >= 0 and named(k):
            return doc[k], opening(k, named(k))
        if v.i + 1 < len(doc) and named(v.i + 1) and named(v.i + 1).label == "PERSON":
            return doc[v.i + 1], -1  # "Said Ellis: …", "…, said Daniel Russell"
        limit = max(v.sent.start, v.i - 25)
        for i in range(v.i - 1, limit, -1):
            t = doc[i]
            if self.in_quote[i] or t.tag_ in FINITE_TAGS or t.text in (".", ";", ":", "\n"):
                return None
            if t.text == "," and named(i - 1):
                return doc[i - 1], opening(i - 1, named(i - 1))
        return None

    def _name_after_quote(self, v):
        """A speech verb right after a quote whose speaker the parse lost in the attribution: a name opening it
        ("“…” Trump, the 2016 GOP front-runner …, said", "“…” Nate Silver, the polling guru who founded
        fivethirtyeight.com tweeted") or right after the verb ("“…” said retired neurosurgeon Ben Carson",
        "said Oversight ranking Democrat Elijah Cummings (D-Md.)"). The name token, or None."""
        doc, mention_at = self.doc, self.resolver.mention_at
        close = self._prev_quote_tok(v.i)
        if close < 0 or self.para_of(doc[close].idx) != self.para_of(v.idx):
            return None
        k = close + 1
        while k < v.i and (doc[k].is_punct and not self.in_quote[k]):
            k += 1  # the closing mark and a comma
        between = doc[k : v.i]
        if len(between) > 30 or any(
            t.text in (".", ";", ":", "?", "!") or "\n" in t.text or self.in_quote[t.i] for t in between
        ):
            return None
        if k < v.i:
            m = mention_at.get(k)
            if m is None or m.label != "PERSON" or doc[k].text[:1].islower():
                return None
            j = k
            while j + 1 < v.i and mention_at.get(j + 1) is m:
                j += 1
            if j + 1 < len(doc) and doc[j + 1].tag_ == "POS":
                return None  # "“…” Trump's aide said": not Trump
            return doc[j]
        for t in doc[v.i + 1 : v.i + 8]:
            if t.is_punct and t.text not in ("-", "."):
                return None
            m = mention_at.get(t.i)
            if m is not None and m.label == "PERSON" and not self.in_quote[t.i]:
                while t.i + 1 < len(doc) and mention_at.get(t.i + 1) is m:
                    t = doc[t.i + 1]
                return t if t.dep_ not in ("compound", "poss", "amod", "nmod") else None  # not "a Trump supporter"
        return None

    def _nominal_object(self, v):
        """What a speech verb reports when it takes a noun phrase: "stressed her support of the raid",
        "admitted using the tax code", "warned against potential hackers". Not a person or a pronoun (the
        addressee: "assured Patrushev"), not a bare noun ("said something")."""
        for c in v.children:
            if c.i < v.i or self.in_quote[c.i]:
                continue
            obj = None
            if c.dep_ in ("dobj", "xcomp") and (c.pos_ == "NOUN" or c.tag_ == "VBG"):
                obj = c
            elif c.dep_ == "prep" and c.lower_ in ("about", "against", "on", "of", "for") and c.i == v.i + 1:
                obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if obj is None or obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if obj.right_edge.i - obj.left_edge.i < 2 or obj.lemma_.lower() in VAGUE_OBJECTS:
                continue
            return obj
        return None

    def _that_clause_in_pp(self, v):
        """ "said in a statement that …": the parser hangs the that-clause on the noun."""
        for prep in v.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for c in pobj.children:
                    if (
                        c.dep_ in ("acl", "ccomp", "relcl")
                        and c.i > pobj.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    ):
                        return c
        return None

    def _colon_between(self, c, v) -> bool:
        """A clause ending before a colon (or a semicolon) that precedes the cue: "The mood has shifted: Republicans
        said [they're convinced …]" — what comes before the colon is not what the cue after it reports."""
        return c.i < v.i and any(t.text in (":", ";") for t in self.doc[c.right_edge.i + 1 : v.i])

    def _comma_after(self, v) -> bool:
        """The attribution ends with a comma or a dash ("…, he said, …", "…, the agency said in a report, …"):
        past the cue only its own short modifiers (a time, a place, a manner: no clause), then the comma."""
        doc = self.doc
        for j in range(v.i + 1, min(len(doc), v.i + 10)):
            if doc[j].text in (",", "—", "–", "-", "--"):
                return True
            top = doc[j]
            while top.head.i != v.i and top.head.i != top.i and top.i != v.i:
                top = top.head
            if top.head.i != v.i or top.dep_ not in (
                "npadvmod",
                "advmod",
                "prep",
                "prt",
                "pobj",
                "det",
                "amod",
                "compound",
                "nummod",
            ):
                return False
        return False

    @staticmethod
    def _clause_of(t):
        """The verb whose clause a word belongs to (the nearest verb among its heads), or None."""
        for _ in range(4):
            if t.pos_ in ("VERB", "AUX"):
                return t
            if t.head.i == t.i:
                return None
            t = t.head
        return None

    def _interrupted(self, v, subj) -> tuple[int, int, object] | None:
        """A finite cue that heads its sentence in the parse but stands between commas inside what it reports:
        "Though that transition was seamless, he said, replacing Clinton would be much more acrimonious" (the
        clauses on either side hang on "said"; or the second is the head the cue hangs on, or a clause coordinated
        with the first: "The middle fifth paid 8.9 percent, the agency said in a June report, and those in the
        bottom fifth paid 0.8 percent"). The whole sentence, the attribution included, and the first clause; or
        None."""
        if (
            v.dep_ not in ("ROOT", "parataxis")
            or v.tag_ not in ("VBD", "VBZ", "VBP")
            or subj is None
            or subj.i > v.i
            or not self._comma_before(subj)
            or not self._comma_after(v)
        ):
            return None
        sent = v.sent
        left = [c for c in v.children if c.i < subj.left_edge.i and c.dep_ in ("advcl", "ccomp", "parataxis")]
        right = [c for c in v.children if c.i > v.i and c.dep_ in ("advcl", "ccomp", "xcomp", "parataxis", "conj")]
        if v.dep_ == "parataxis" and v.head.i > v.i:
            right.append(v.head)
        right = [c for c in right if any(t.tag_ in FINITE_TAGS for t in c.subtree)]
        if not left or not right or any(self.in_quote[i] for i in range(sent.start, sent.end)):
            return None
        return sent.start, sent.end, left[0]

    def _comma_before(self, v) -> bool:
        i = v.left_edge.i
        if self.doc[i].text not in (",", "—", "–", "-", "--"):
            i -= 1
        return i >= 0 and self.doc[i].text in (",", "—", "–", "-", "--")

    def _subject_of(self, v):
        """The speaker token of a speech verb, and the rule that found it."""
        prev = self.doc[v.i - 1] if v.i > 0 else None
        if (
            v.tag_ == "VBG"
            and prev is not None
            and prev.pos_ == "PROPN"
            and prev.dep_ == "pobj"
            and prev.head.lower_ == "of"
            and not self.in_quote[prev.i]
        ):
            return prev, "nsubj"  # "footage of Hillary Clinton asking, “…”", "a clip of Trump saying"
        # "X quoted Y as saying": the one quoted speaks
        if v.tag_ == "VBG" and v.head.lower_ == "as" and v.head.head.lemma_.lower() in QUOTING_VERBS:
            quoting = v.head.head
            obj = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj, "quoted-as"
        if v.dep_ == "advcl" and v.head.lemma_.lower() in QUOTING_VERBS:
            obj = next((c for c in v.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj, "quoted-as"
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if (
            by is not None
            and not self.in_quote[by.i]
            and any(
                c.dep_ == "nsubjpass" and (c.pos_ == "PROPN" or c.lower_ in ("he", "she", "they")) for c in v.children
            )
        ):
            # "Rubio was asked by moderator Gerard Baker whether …": who asks a person speaks (not "the email,
            # which was first reported by The Associated Press")
            return by, "nsubj"
        cur, rule = v, "nsubj"
        for _ in range(5):
            deps = ("nsubj",) if cur is v else ("nsubj", "nsubjpass")
            subjs = [c for c in cur.children if c.dep_ in deps]
            # the parse may hang the quote's own subject on the verb too ("“My reaction …,” Obama's strategist
            # said"): the one outside the quote speaks
            subj = next((c for c in subjs if not self.in_quote[c.i]), subjs[0] if subjs else None)
            if subj is not None:
                if subj.lower_ in ("who", "that", "which") and cur.dep_ == "relcl":
                    return cur.head, rule
                return subj, rule
            if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head, rule
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.tag_ == "VBG":
                return cur.head, "inherited"
            if (
                cur is v
                and cur.dep_ == "acl"
                and cur.head.pos_ == "PROPN"
                and cur.head.i < cur.i
                and cur.i > 0
                and self.doc[cur.i - 1].text == ","
                and self._lost_root(cur)
            ):
                return cur.head, rule  # "Aaron Kall, the director of debate at …, compared": the parse lost the root
            if (
                cur.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "dep")
                or cur.dep_ == "advmod"
                and cur.pos_ == "ADV"
                and cur is not v
            ) and cur.head.i != cur.i:
                if cur.dep_ == "ccomp" and cur.tag_ not in ("VBG", "VB"):
                    return None, rule
                cur = cur.head
                rule = "inherited"
                continue
            break
        return None, rule

    def _lost_root(self, v) -> bool:
        """A verb the parse hung on the name before it as a participle ("Aaron Kall, the director …, compared
        Trump to …") is that name's finite verb: past or present, or a past participle that is no passive
        (no "by" agent, no preposition right after: not "Clinton, criticized by many," nor "X, quoted in …")."""
        if v.tag_ in ("VBD", "VBZ"):
            return True
        nxt = self.doc[v.i + 1] if v.i + 1 < len(self.doc) else None
        return (
            v.tag_ == "VBN"
            and not any(c.dep_ == "agent" for c in v.children)
            and nxt is not None
            and nxt.pos_ != "ADP"
            and not nxt.is_punct
        )

    def _minus(self, a: int, b: int, ca: int, cb: int, head):
        """Range [a, b) without the cue's own span [ca, cb): the side that holds the head."""
        if ca <= head.i < cb:
            return None
        if head.i < ca:
            sent = self.doc[ca].sent
            end = sent.end
            while end > cb and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
                end -= 1
            if (
                self.rules.closing_attribution
                and a > sent.start
                and cb >= end
                and ca > 0
                and self.doc[ca - 1].text == ","
                and not any(self.in_quote[i] for i in range(sent.start, a))
            ):
                a = sent.start  # "A, while B, according to X": the attribution closing the sentence covers it all
            return self._clean_range(a, ca, head)
        return self._clean_range(cb, b, head)

    def _clean_range(self, a: int, b: int, head) -> tuple[int, int] | None:
        """Trim a reported clause: leading 'that'/conjunctions/punctuation, trailing punctuation,
        and a coordinated clause with its own subject ("…, and both sides have agreed …")."""
        doc = self.doc
        for c in head.children:
            if (
                c.dep_ == "conj"
                and a <= c.i < b
                and (
                    any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                    or self.rules.split_predicates
                    and self._second_predicate(head, c)
                    or self.rules.coordinated_cues
                    and _coordinated_cue(c) is not None
                )
                and not (
                    self.rules.keep_that_clauses and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                )
            ):
                # a clause with its own subject is cut off ("…, and both sides have agreed …"), unless its "that"
                # keeps it under the same cue ("said [A, but that B]")
                cut = c.left_edge.i
                while cut > a and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].is_punct):
                    cut -= 1
                if cut > head.i:
                    b = min(b, cut)
        for t in doc[a:b]:
            if (
                t.dep_ in ("appos", "npadvmod", "dobj")
                and t.head.i == head.i
                and t.i > head.i
                and t.i - 1 >= a
                and doc[t.left_edge.i - 1].text == ","
                and any(c.dep_ == "relcl" for c in t.children)
            ):
                b = min(b, t.left_edge.i - 1)  # "…, a move that would escalate the conflict"
        for i in range(a + 2, b - 1):
            t = doc[i]
            if doc[i - 1].text == "," and (
                t.lower_ in ("up", "down")
                and doc[i + 1].lower_ == "from"
                or t.tag_ == "VBG"
                and (
                    t.lower_ in GLOSS_PARTICIPLES
                    or t.lemma_.lower() in REPORT_VERBS
                    or self.rules.coordinated_cues
                    and _reports(t)
                )
            ):
                b = min(b, i - 1)  # the writer's gloss ("…, up from $185 billion", "…, indicating …") or a new
                # speech act of the speaker's ("…, calling …", "…, adding …"), its own quote
                break
        while (
            a < b
            and (doc[a].dep_ in ("mark", "cc", "punct") or doc[a].is_punct or doc[a].is_space)
            and doc[a].lower_ not in ("if", "whether", "why", "how", "what", "when", "where")
        ):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        return (a, b) if b > a else None

    @staticmethod
    def _second_predicate(head, c) -> bool:
        """A forecast coordinated with an assessment, each its own claim: "[trade is better than expected]
        and could soon reach $200 billion" (a copula, then a modal predicate); not two events ("it had met her
        and would meet her": one report)."""
        return (
            c.pos_ in ("VERB", "AUX")
            and head.lemma_.lower() == "be"
            and any(x.dep_ in ("acomp", "attr") for x in head.children)
            and any(x.dep_ in ("nsubj", "nsubjpass") for x in head.children)
            and any(x.dep_ == "aux" and x.lemma_.lower() in MODAL_LEMMAS for x in c.children)
        )

    # ------------------------------------------------------------ quotes
    def _attribute(self, q: _Q):
        sp = q.span
        a, b = q.toks
        if b <= a:
            q.drop = True
            return
        q.kind = self._kind(q)
        if self._is_name_or_term(q) or self._in_headline(q) and self._dash(q) is None:
            q.drop = True
            return
        f = self._innermost_frame(q)
        how = None
        if f is not None:
            how = "frame"
        else:
            f = self._adjacent_frame(q)
            how = "adjacent" if f is not None else None
        if f is not None and f.speaker is not None:
            f.claimed = True
            q.frame, q.speaker = f, f.speaker
            q.basis = f.speaker.basis
            q.confidence = f.speaker.confidence * (1.0 if how == "frame" else 0.95)
            self.resolver.add_candidate(sp.start, f.speaker, speech=True, quoted=True)
            return
        if f is not None:  # a speech verb with no speaker we can name: keep the quote, speaker unknown
            f.claimed = True
            q.frame = f
            q.basis = f"cue '{f.cue.text}' with no resolvable speaker"
            q.confidence = 0.4
            if q.kind == "partial" and how != "frame":
                q.drop = True
            return
        if q.kind == "partial":
            q.drop = True  # a scare quote or a term: no speech around it
            return
        sp2 = self._colon_lead(q) or self._dash(q) or self._verb_after(q) or self._continuation(q)
        if sp2 is not None:
            q.speaker, q.basis, q.confidence = sp2
            self.resolver.add_candidate(sp.start, q.speaker, speech=True, quoted=True)
            return
        q.basis = "no speaker found"
        q.confidence = 0.3

    def _kind(self, q: _Q) -> str:
        """direct: a quoted sentence (or clause) standing on its own; partial: a fragment inside a sentence."""
        doc = self.doc
        a, b = q.toks
        toks = doc[a:b]
        before = self.text[: q.span.open].rstrip()
        lead = before[-1:] if before else ""
        para_start = self.para_of(q.span.open) != self.para_of(len(before) - 1) if before else True
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

    def _is_name_or_term(self, q: _Q) -> bool:
        """A title, a term or a name in quotation marks ("the song “Moscow Nights”", "a so-called “no limits”
        partnership", "the oft-used term ‘rules-based order’")."""
        doc = self.doc
        a, b = q.toks
        # the word(s) right before the opening mark
        prev = [t for t in doc[max(0, a - 4) : a] if not t.is_punct and not self.in_quote[t.i]]
        if prev:
            last = prev[-1]
            if last.lower_ in NAMING_WORDS or last.lemma_.lower() in TITLED_WORK_NOUNS and last.pos_ == "NOUN":
                if not (last.lower_ == "called" and last.dep_ != "acl" and last.tag_ != "VBN"):
                    return True
            if last.lower_ == "as" and len(prev) > 1 and prev[-2].lower_ in ("known", "described", "referred"):
                return q.kind == "partial"
        # the quoted span is in apposition to a title noun ("his book, “The Deal”")
        root = min(doc[a:b], key=lambda t: len(list(t.ancestors)))
        if root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in TITLED_WORK_NOUNS:
            return True
        if q.kind == "partial" or not any(t.tag_ in FINITE_TAGS for t in doc[a:b]):
            # Title Case and no verb: a title or a name ("Fox News Sunday", "Mostly False"), not speech
            words = [t for t in doc[a:b] if t.is_alpha]
            caps = [t for t in words if t.text[:1].isupper()]
            if (
                words
                and all(t.text[:1].isupper() or t.lower_ in TITLE_CASE_SMALL_WORDS for t in words)
                and (len(caps) >= 2 or prev and prev[-1].tag_ == "POS" or prev and prev[-1].lower_ in ("the", "of"))
            ):
                return True
        return False

    def _opens_with_title(self) -> bool:
        """The text's first paragraph is its title (or the title's first line: "Headline; " ¶ "subhead"): it opens
        with the words of the title known, or no title is known. Wire copy whose title is kept apart opens with
        its lede ("Thailand's Commerce Ministry announced a new …"), no headline."""
        if self.title is None or not self.paras:
            return True
        p0, p1 = self.paras[0]
        first = re.findall(r"\w+", self.text[p0:p1].casefold())
        return bool(first) and first == re.findall(r"\w+", self.title.casefold())[: len(first)]

    def _in_headline(self, q: _Q) -> bool:
        """Quotes in a headline-like line (Title Case, short) are the headline's paraphrase, not a quote."""
        p0, p1 = self.paras[self.para_of(q.span.open)]
        if p1 - p0 > 250:
            return False
        outside = [
            w for w in self.text[p0 : q.span.open].split() + self.text[q.span.close + 1 : p1].split() if w[:1].isalpha()
        ]
        if len(outside) < 2:
            return False
        caps = sum(1 for w in outside if w[:1].isupper())
        return caps >= 0.75 * len(outside) and len(outside) >= 3

    def _innermost_frame(self, q: _Q) -> Frame | None:
        a, b = q.toks
        holding = []
        for f in self.frames:
            s0, s1 = f.scope
            if not (s0 <= a and b <= s1 + 1) and not (s0 < b and a < s1 and self._mostly_inside(q, f)):
                continue
            if f.subject is not None and f.subject.i in range(a, b):
                continue
            if f.cue.i in range(a, b):
                continue
            if f.cue_lemma == "according" and f.content is None or f.attrib:
                continue
            holding.append((s1 - s0, f))
        if not holding:
            return None
        holding.sort(key=lambda x: x[0])
        best = holding[0][1]
        if best.speaker is None and best.subject is not None and best.subject.lower_ in ("it", "this", "that"):
            # "She says it underscores that Trump is “unfit”": a thing's verb inside her words quotes her
            outer = next(
                (f for _, f in holding[1:] if f.speaker is not None and f.scope[0] <= best.cue.i < f.scope[1]), None
            )
            return outer or best
        if self.rules.nested_reporter and q.kind in NESTED_KINDS:
            # "Rep. Israel said Clinton called on members to be “closely coordinated”": a fragment inside a report
            # of someone else's words is the reporter's wording
            outer = next(
                (
                    f
                    for _, f in holding[1:]
                    if f.speaker is not None
                    and f.speaker.named
                    and f.cue_lemma in REPORT_VERBS
                    and f.content is not None
                    and f.content[0] <= best.cue.i < f.content[1]
                    and (best.speaker is None or best.speaker.name != f.speaker.name)
                ),
                None,
            )
            if outer is not None:
                return outer
        if self._thing_subject(best):
            # "De Blasio said the move was made by Bratton and said, “…”", "Sanders said his attacks have given
            # his campaign momentum and said Trump was not the “party of Reagan”": the one named around it speaks
            outer = next(
                (
                    f
                    for _, f in holding[1:]
                    if f.speaker is not None and f.speaker.named and f.scope[0] <= best.cue.i < f.scope[1]
                ),
                None,
            )
            return outer or best
        return best

    @staticmethod
    def _thing_subject(f: Frame) -> bool:
        """A frame whose subject is a thing described by a common noun ("the move", "the bill", "his recent
        attacks"), neither people nor a body that speaks."""
        subj, sp = f.subject, f.speaker
        return (
            subj is not None
            and subj.pos_ == "NOUN"
            and (sp is None or not sp.named and sp.label is None)
            and not _people(subj)
            and subj.lemma_.lower() not in BODY_NOUNS
        )

    def _mostly_inside(self, q: _Q, f: Frame) -> bool:
        a, b = q.toks
        s0, s1 = f.scope
        inside = max(0, min(b, s1) - max(a, s0))
        return inside >= 0.5 * (b - a)

    def _adjacent_frame(self, q: _Q) -> Frame | None:
        """A cue right after the closing mark ("…,” Price said) or leading into the opening one
        (Price said: “…”), in the same sentence as the quote's edge, with no other quote between."""
        doc = self.doc
        a, b = q.toks
        close_tok = self._tok_range(q.span.close, q.span.close + 1)[0] if not q.span.runs_on else None
        if close_tok is not None and close_tok + 1 < len(doc):
            nxt = close_tok + 1
            if self.para_of(doc[nxt].idx) == self.para_of(q.span.close):
                # the clause after the quote, up to the sentence end (sentences may split at the quote)
                end = doc[nxt].sent.end
                end = min(end, self._next_quote_tok(nxt))
                para = self.para_of(q.span.close)
                for f in self.frames:
                    if nxt <= f.cue.i < end and not f.claimed and not f.attrib and self.para_of(f.cue.idx) == para:
                        return f
        open_tok = self._tok_range(q.span.open, q.span.open + 1)[0]
        sent = doc[open_tok].sent
        for f in reversed(self.frames):
            if (
                f.cue.i < open_tok
                and f.cue.i >= sent.start
                and f.cue.i > self._prev_quote_tok(open_tok)
                and f.content is None
                and not f.attrib
            ):
                return f
        return None

    def _next_quote_tok(self, i: int) -> int:
        for j in range(i, len(self.doc)):
            if self.in_quote[j]:
                return j
        return len(self.doc)

    def _prev_quote_tok(self, i: int) -> int:
        for j in range(i - 1, -1, -1):
            if self.in_quote[j]:
                return j
        return -1

    def _colon_lead(self, q: _Q):
        """ "X said:" ending the previous paragraph (or sentence) introduces the quote."""
        before = self.text[: q.span.open].rstrip()
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        for f in (f for f in reversed(self.frames) if not f.attrib):
            if f.cue_span[1] <= colon and f.speaker is not None and self.para_of(colon) - self.para_of(f.cue.idx) == 0:
                if self.text[f.cue_span[1] : colon].count(".") == 0:
                    return (
                        f.speaker,
                        f.speaker.basis + " (introducing the quote with a colon)",
                        f.speaker.confidence * 0.95,
                    )
            if f.cue_span[1] <= colon:
                break
        return self._colon_clause(colon) or self._name_colon(colon)

    def _name_colon(self, colon: int):
        """A name alone before the colon, after a dash, a line start or a finished sentence or quote: "HEADLINE -
        Michael P. McDonald: “…”", "Pollsters agree - Carl Bialik: “…”", "“…” Bush: “…”"."""
        text = self.text
        line = text.rfind("\n", 0, colon) + 1
        seg = text[line:colon]
        cut = max(seg.rfind(c) for c in ("—", "–", "―", " - ", ".", "”", '"', "?", "!"))
        lead = seg[cut + 1 :] if cut >= 0 else seg
        a, b = self._tok_range(line + len(seg) - len(lead), colon)
        names = [self.resolver.mention_at.get(i) for i in range(a, b)]
        toks = self.doc[a:b]
        if not toks or any(
            m is None and t.lower_ not in ("and", "&", ",") and not t.is_space for m, t in zip(names, toks)
        ):
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

    def _colon_clause(self, colon: int):
        """ "Trump leaned in and boomed: “…”": the named subject of the clause that the colon ends, whatever its
        verb, in the same paragraph."""
        i = self._tok_range(colon, colon + 1)[0]
        if i <= 0 or self.doc[i].text != ":" or self.in_quote[i - 1]:
            return None
        v = verb_of(self.doc[i - 1])
        for _ in range(4):  # no one speaks in the last clause ("apologized for what happened:"): the clause above
            if v.pos_ not in ("VERB", "AUX") or self.para_of(v.idx) != self.para_of(colon) or self.in_quote[v.i]:
                return None
            subj, _ = self._subject_of(v)
            if subj is not None and self.para_of(subj.idx) == self.para_of(colon):
                sp = self.resolver.resolve(subj, v.text)
                if sp is not None and (sp.named or sp.label == "PERSON"):  # a name, even one the recogniser missed
                    return sp, sp.basis + " (a clause ending in a colon introduces the quote)", sp.confidence * 0.85
            if not self.rules.colon_clause_up or v.head.i == v.i:
                return None
            v = verb_of(v.head)
        return None

    def _dash(self, q: _Q):
        """“…” — Commissioner X"""
        if q.span.runs_on:
            return None
        after = self.text[q.span.close + 1 : q.span.close + 6]
        stripped = after.lstrip(" ,\u00a0\u2009\u202f")  # "”\u00a0― Karen Bobadilla"
        k = q.span.close + 1 + (len(after) - len(stripped))
        if self.rules.dash_next_line and stripped[:1] not in DASHES:
            # the dash opening the next line: “…”¶¶- Hillary Clinton. (a fact check's list of claims)
            m = re.match(r"[ \t\u00a0]*\n\s*(?=[—–―-] ?[A-Z])", self.text[q.span.close + 1 : q.span.close + 12])
            if (
                m is None
                or not self.text[q.span.close + 1 + m.end() :].split("\n", 1)[0].strip()[1:].strip()[:1].isupper()
            ):
                return None
            k = q.span.close + 1 + m.end()
            stripped = self.text[k : k + 1]
        if stripped[:1] not in DASHES:
            return None
        while k < len(self.text) and (self.text[k] in DASHES or self.text[k] in " \u00a0\u2009\u202f"):
            k += 1
        for i in range(*self._tok_range(k, min(len(self.text), k + 60))):
            m = self.resolver.mention_at.get(i)
            if m is not None and m.label in ("PERSON", "ORG", "GPE"):
                name = m.canonical.lstrip(DASHES + " \u00a0")  # "― Jacklyn Ashley": the recogniser took the dash in
                sp = Speaker(
                    name, [name], m.start, m.end, "speaker: named after a dash following the quote", 0.85, m.label, True
                )
                return sp, sp.basis, sp.confidence
            if self.doc[i].is_punct and self.doc[i].text in (".", "\n"):
                break
        # a name the recogniser missed: the capitalised words right after the dash, up to the line end
        toks = []
        for i in range(*self._tok_range(k, min(len(self.text), k + 60))):
            t = self.doc[i]
            if "\n" in t.text or not t.text[:1].isupper() or not t.is_alpha or len(toks) == 4:
                break
            toks.append(t)
        end = toks[-1].i + 1 if toks else 0
        if 2 <= len(toks) <= 4 and (
            end >= len(self.doc) or "\n" in self.doc[end].text or self.doc[end].text in (",", ".")
        ):
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

    def _verb_after(self, q: _Q):
        """ "“…,” Hannity pressed.", "“…” beamed Donald Hartley", "“…,” she went on": a quote left open by its
        last mark (comma, question, exclamation, dash) and a short clause right after it whose finite verb,
        whatever it is, takes the quote as its words (no object or clause of its own)."""
        if q.span.runs_on or self.text[q.span.start : q.span.end].rstrip()[-1:] not in (",", "?", "!", "—", "–", "-"):
            return None
        doc = self.doc
        close_tok = self._tok_range(q.span.close, q.span.close + 1)[0]
        nxt = close_tok + 1
        if nxt >= len(doc) or self.para_of(doc[nxt].idx) != self.para_of(q.span.close):
            return None
        end = min(self._next_quote_tok(nxt), nxt + 8)
        verb = next((t for t in doc[nxt:end] if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")), None)
        if verb is None or any(t.text in (".", ";", ":", "\n") or "\n" in t.text for t in doc[nxt : verb.i]):
            return None
        if any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") and not self.in_quote[c.i]
            for c in verb.children
        ):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and nxt <= c.i < end), None)
        if (
            subj is None
            and verb.i == nxt
            and verb.i + 1 < len(doc)
            and self.resolver.mention_at.get(verb.i + 1) is not None
        ):
            subj = doc[verb.i + 1]  # "“…” beamed Donald Hartley"
        if subj is None or subj.i > verb.i + 1 and subj.i > nxt + 4:
            return None
        sp = self.resolver.resolve(subj, verb.text)
        if sp is None or not sp.name:
            return None
        return sp, sp.basis + " (the verb right after the quote)", sp.confidence * 0.9

    def _continuation(self, q: _Q):
        """A quote with no cue of its own continues the previous speaker: same paragraph, or the paragraph
        before when the quote opens its own paragraph."""
        pos = q.span.open
        para = self.para_of(pos)
        at_para_start = not self.text[self.paras[para][0] : pos].strip() if para < len(self.paras) else False
        cands = [c for c in self.resolver.candidates if c.pos < pos and c.speech]
        for k in range(len(cands) - 1, -1, -1):
            c = cands[k]
            if not c.quoted and self.resolver._reported(c, None):
                continue  # "Murphy said Trump continued to hurt his cause. “…”": the reporter goes on
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

    def _quote_record(self, q: _Q) -> Quote:
        sp, f = q.speaker, q.frame
        cue = f.cue_lemma if f is not None else None
        if cue == "according":
            cue = "according to"
        return Quote(
            start=q.span.start,
            end=q.span.end,
            text=self.text[q.span.start : q.span.end],
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

    # ------------------------------------------------------------ indirect speech
    def _learned_model(self, out: list[Quote]) -> list[Quote]:
        """Attributions of the learned model (`quotes_learned`): each candidate (a head and the dependent that
        would hold the content) outside the quotes found so far, best score first, none overlapping another."""
        from model.extract.quotes.weights import CUES, WEIGHTS

        taken = [(r.start, r.end) for r in out]
        speech_sents = {f.cue.sent.start for f in self.frames}
        scored = []
        for v, node, rel in quotes_learned.candidates(self.doc, self.in_quote):
            attested = quotes_learned.cue_key(v, rel) in CUES  # a head word and relation train attests
            if not attested and self.candidates is None:
                continue  # (training sees every candidate)
            rng = self._clean_range(node.left_edge.i, node.right_edge.i + 1, node)
            if rng is None:
                continue
            toks = self.doc[rng[0] : rng[1]]
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if self.para_of(start) != self.para_of(end - 1) or any(a < end and start < b for a, b in taken):
                continue
            subj, _ = self._subject_of(v) if v.pos_ == "VERB" else (self._adj_subject(v), "")
            kind = quotes_learned.subject_kind(
                subj, self.resolver.mention_at, _people, lambda t: _document(t, self.rules)
            )
            if not self._learned_allowed(v, node, rel, subj, kind):
                continue
            feats = quotes_learned.features(v, node, rel, kind, v.sent.start in speech_sents)
            p = quotes_learned.score(feats, WEIGHTS)
            if self.candidates is not None:
                self.candidates.append((feats, start, end, p, v.idx))
            if attested:
                scored.append((p, start, end, v, subj))
        new = []
        for p, start, end, v, subj in sorted(scored, key=lambda x: -x[0]):
            if p < self.rules.learned_threshold or any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            sp = self.resolver.resolve(subj, v.text) if subj is not None else None
            if sp is None or not sp.name:
                sp = Speaker(None, [], None, None, "speaker: unnamed (learned attribution)", 0.3)
            new.append(
                Quote(
                    start=start,
                    end=end,
                    text=self.text[start:end],
                    kind="indirect",
                    cue=_lemma(v),
                    cue_start=v.idx,
                    cue_end=v.idx + len(v.text),
                    speaker=sp.name,
                    speakers=list(sp.names),
                    speaker_start=sp.start,
                    speaker_end=sp.end,
                    basis=sp.basis + f" (learned, p={p:.2f})",
                    confidence=round(min(p, sp.confidence) * 0.85, 2),
                )
            )
        return new

    def _learned_allowed(self, v, node, rel: str, subj, kind: str) -> bool:
        """The rules' own limits hold for the learned model too: no modal, negated or colon-led cue
        (`_irrealis`), no country's, party's or organisation's belief (`QuoteRules.attrib_people_only`: "China fears …",
        "the two countries declared …"), not the writer or the reader (I/we/you), no unnamed source when
        `QuoteRules.unnamed_indirect` is off, not evidence ("recent data
        suggests …", `THING_NOUNS`), a name as the object only of a stance (`STANCES`), and not the one quoted
        in "X quoted Y" (`QUOTING_VERBS`: the rules read "as saying")."""
        if (
            _lemma(v) in QUOTING_VERBS
            or rel == "dobj"
            and (node.pos_ == "PROPN" or node.ent_type_ in NAME_LABELS)
            and _lemma(v) not in STANCES
        ):
            return False
        if self._irrealis(v) or v.pos_ != "VERB" and v.head.pos_ in ("VERB", "AUX") and self._irrealis(v.head):
            return False
        if self.rules.attrib_people_only and kind in ("gpe", "norp", "org"):
            return False
        if kind in ("i", "you") or not self.rules.unnamed_indirect and kind in ("people", "noun"):
            return False
        lemma = subj.lemma_.lower() if subj is not None and subj.pos_ == "NOUN" else ""
        return lemma not in THING_NOUNS and lemma not in NOT_PEOPLE

    @staticmethod
    def _adj_subject(h):
        """The subject of an adjective's or a noun's clause ("X is critical of …", "X has concerns about …")."""
        cur = h
        for _ in range(3):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _irrealis(self, v) -> bool:
        """Not a report of something said: "must answer whether", "did not say", "refused to say", "said:"
        (a colon introduces what follows, not the clause before)."""
        if v.lower_ == "according":
            return False
        for c in v.children:
            if c.dep_ == "neg" or c.dep_ == "aux" and c.lemma_.lower() in MODAL_LEMMAS:
                return True
        if v.dep_ == "xcomp" and v.head.lemma_.lower() not in ("go", "continue", "proceed"):
            return True
        nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
        return nxt is not None and nxt.text == ":"

    def _double_marked(self, i: int) -> bool:
        """Token i lies in a span of double marks (or guillemets), not single ones: a clause with a word in
        single marks ("said the NFL has gone ‘soft’") stays reported speech."""
        pos = self.doc[i].idx
        return any(sp.open <= pos <= sp.close and sp.style != "single" for sp in self.spans)

    def _apostrophe_run(self, start: int, end: int, f: Frame) -> tuple[int, int]:
        """Quotation in two apostrophes (''…'', left unpaired: see quotes_marks) around its attribution, in one
        paragraph. A clause that closes such a quotation reaches back to where it opened ("''A. B,'' X said":
        A and B); one that follows its opening mark runs on into the quotation reopened after the attribution,
        to the paragraph's last closing mark ("''A,'' Mr. X said. ''B.''": A and B)."""
        text = self.text
        p0, p1 = self.paras[self.para_of(start)]
        if f.cue_span[0] < end:
            return start, end
        if text[end : end + 4].lstrip(",.?!").startswith("''") and text.count("''", p0, start) % 2 == 1:
            start = text.rfind("''", p0, start) + 2  # the opening mark of the quotation this clause closes
            while start < end and text[start].isspace():
                start += 1
        elif not text[max(p0, start - 3) : start].strip().endswith("''"):
            return start, end
        last = text.rfind("''", f.cue_span[1], p1)
        if last >= 0 and text.count("''", f.cue_span[1], last) % 2 == 1:
            end = last  # the quotation reopened after the attribution, to its last closing mark
        return start, end

    def _apostrophe_before(self, v, subj) -> tuple[int, int] | None:
        """ "''Jobs, jobs, jobs,'' Mrs. Clinton said": the quotation that ends right before the attribution."""
        left = min(v.i, subj.left_edge.i if subj is not None else v.i)
        p0 = self.paras[self.para_of(v.idx)][0]
        head = self.text[p0 : self.doc[left].idx].rstrip()
        if not head.endswith("''") or head.count("''") % 2 or not head.lstrip().startswith("''"):
            return None
        a, b = self._tok_range(p0 + head.index("''") + 2, p0 + len(head) - 2)
        return self._clean_range(a, b, self.doc[a]) if b > a else None

    def _unnamed_source(self, f: Frame) -> bool:
        """Reported in a clause by a source we cannot name: people or a body described by a common noun
        ("officials said …", "a source said …", "the campaign says …", "according to the union, …",
        "environmentalists worry that …") or a pronoun we cannot resolve ("they say …", "It says …"). The
        source must be the explicit subject of a finite cue (or the object of "according to"), never I/we/you
        (the writer, the reader), and what it reports a clause, not a noun phrase."""
        subj = f.subject
        if (
            not self.rules.unnamed_indirect
            or subj is None
            or f.nominal
            and not (self.rules.unnamed_pronoun_nominal and subj.lower_ in UNNAMED_PRONOUNS)
            and not (self.rules.body_nominal and subj.pos_ == "NOUN" and subj.lemma_.lower() in BODY_NOUNS)
        ):
            return False
        if f.cue_lemma != "according" and not (
            f.cue.tag_ in ("VBD", "VBZ", "VBP")
            and f.subject_rule == "nsubj"
            and subj.dep_ == "nsubj"
            and subj.head.i == f.cue.i
        ):
            return False
        if subj.lower_ in UNNAMED_PRONOUNS or subj.lower_ in PEOPLE_QUANTIFIERS:
            return f.cue_lemma != "according"
        if subj.pos_ == "PROPN" and f.cue_lemma != "according" and self.rules.untagged_names:
            return True  # a name the recogniser missed or mislabelled ("Trump says …" with Trump as no entity)
        if (
            self.rules.any_noun_speaks
            and subj.pos_ == "NOUN"
            and (f.cue_lemma in REPORT_VERBS or f.attrib)
            and not f.nominal
            and subj.lemma_.lower() not in THING_NOUNS
        ):
            return True  # "cement makers argue that …", "the story noted that …"
        return _people(subj) or subj.pos_ == "NOUN" and subj.lemma_.lower() in BODY_NOUNS

    def _indirect(self, f: Frame) -> Quote | None:
        if f.content is None:
            return None
        unnamed = (f.speaker is None or not f.speaker.name or not f.speaker.named) and not _document(
            f.subject, self.rules
        )
        if unnamed and not self._unnamed_source(f):
            return None  # reported speech needs someone we can name, or an unnamed source we can describe
        if self._irrealis(f.cue):
            return None
        if (
            f.belief
            and self.rules.attrib_people_only
            and not unnamed
            and f.speaker.label != "PERSON"
            and not _document(f.subject, self.rules)
            and "speaking for" not in f.speaker.basis
        ):
            # a person's campaign plans what the person plans
            return None  # "China fears …", "both sides agreed …": a policy the writer describes, not a claim
        a, b = f.content
        if any(
            self.in_quote[i] and (not self.rules.single_marks_indirect or self._double_marked(i)) for i in range(a, b)
        ):
            return None  # the quoted words inside are the quote
        toks = self.doc[a:b]
        if sum(1 for t in toks if t.is_alpha) < (1 if f.named_object else 3) and not (
            f.nominal and sum(1 for t in toks if t.is_alpha and t.pos_ not in ("DET", "PRON")) >= 2
        ):
            return None  # "endorsed [Clinton]", "cited [disparaging remarks]"; not "[the countries]"
        if not any(t.tag_ in FINITE_TAGS for t in toks) and f.cue_lemma != "according" and not f.nominal:
            return None
        if f.cue_lemma == "according" and not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if self.para_of(start) != self.para_of(end - 1):
            return None
        start, end = self._apostrophe_run(start, end, f)
        sp = (
            f.speaker
            if f.speaker is not None and f.speaker.name
            else Speaker(
                None,
                [],
                f.subject.idx,
                f.subject.idx + len(f.subject.text),
                f"speaker: unnamed ('{f.subject.text}' resolves to no one)",
                0.3,
            )
        )
        cue = f.cue_lemma if f.cue_lemma != "according" else "according to" if f.cue.lower_ == "according" else "in"
        conf = sp.confidence * 0.85
        return Quote(
            start=start,
            end=end,
            text=self.text[start:end],
            kind="indirect",
            cue=cue,
            cue_start=f.cue_span[0],
            cue_end=f.cue_span[1],
            speaker=sp.name,
            speakers=list(sp.names),
            speaker_start=sp.start,
            speaker_end=sp.end,
            basis=sp.basis,
            confidence=round(conf, 2),
        )


def _coordinated_cue(c):
    """A cue verb the parse coordinated with the head of another cue's reported clause, though its form is the
    outer cue's and not the clause's: "said [he would order a review] and warned against …", "said [the country
    would declare …] and suggested that …" (warned, suggested: past, like said; declare under a modal). Its
    subject is the outer cue's, and its report is its own. The outer cue verb, or None."""
    head = c.head
    if c.pos_ != "VERB" or head.dep_ != "ccomp" or any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
        return None
    outer = head.head
    if outer.pos_ != "VERB" or _lemma(outer) not in REPORT_VERBS or outer.tag_ not in ("VBD", "VBZ"):
        return None
    if c.dep_ == "conj" and (c.tag_ != outer.tag_ or head.tag_ == c.tag_):
        return None
    if c.dep_ != "conj" and not (c.dep_ in ("advcl", "xcomp") and _gloss_participle(c)):
        return None
    return outer if _reports(c) else None


def _gloss_participle(t) -> bool:
    """A participle after a comma ending a clause: "…, citing …", "…, adding that …"."""
    return t.tag_ == "VBG" and t.i > 0 and t.doc[t.left_edge.i - 1].text == "," and t.left_edge.i == t.i


def _reports(t) -> bool:
    """A cue verb that reports on its own: speech, belief or intention, or a learned cue."""
    lemma = _lemma(t)
    return lemma in REPORT_VERBS or lemma in ATTRIB_CUES or lemma in LEARNED_CUES


def _document(tok, rules: QuoteRules) -> bool:
    """An unnamed source that is a record, not people: "a new poll shows …", "according to the report, …";
    or a poll's share of its respondents: "47 percent said …", "half of Vermont Democrats say …"."""
    if not rules.documents or tok is None:
        return False
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
        return True
    return tok.lemma_.lower() in SHARE_WORDS or tok.ent_type_ == "PERCENT" and tok.pos_ in ("NOUN", "NUM")


def _people(tok) -> bool:
    """A common-noun subject that denotes people ("officials", "a senior official", "many experts")."""
    if tok is None or tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in NOT_PEOPLE:
        return False
    return lemma in PEOPLE_NOUNS or lemma.endswith(("ist", "ian")) and len(lemma) > 5


def _after_arrow(basis: str) -> str:
    return "" if "→" not in basis else " (" + basis.split(":", 1)[-1].strip() + ")"
