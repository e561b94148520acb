"""Reported speech that the layout carries rather than a sentence's parse: what a speech verb ending in a
colon introduces without quotation marks ("The governor added:" ¶ "It's typical of …"), and a headline whose
source says, shows or wants something ("Former White House Doctor Says Clinton Hid …"). Used by `quotes`;
functions of its extractor (`ex`: text, paragraphs, parse, frames, quotation spans, mentions)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.extract.datelines import inside
from model.lexicon.headlines import HEADLINE_AUX, HEADLINE_CUES, IRREGULAR_CUE_FORMS
from model.lexicon.naming import LABEL_FIELDS
from model.lexicon.people import BODY_NOUNS, PEOPLE_NOUNS
from model.lexicon.records import DOCUMENT_NOUNS
from model.records import Quote

HEADLINE_CHARS = 200  # a first line longer than this is a sentence, not a title
# A dash or a colon ends a headline's kicker or a source's clause: "EXCLUSIVE – …", "The Latest: …".
SEGMENT_END = re.compile(r"\s[—–―-]\s|:\s|;\s")


def _lemmas(word: str) -> list[str]:
    """The lemmas a headline word may inflect (title case ruins the tagger's): "Says" → say, "Warned" → warn."""
    w = word.lower().strip(".,;:!?’'\"")
    if w in IRREGULAR_CUE_FORMS:
        return [IRREGULAR_CUE_FORMS[w]]
    out = [w]
    if w.endswith("ies") or w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("es") or w.endswith("ed"):
        out += [w[:-2], w[:-1]]
    elif w.endswith("s"):
        out.append(w[:-1])
    return out


def colon_reports(ex, verbs: set[str]) -> list[Quote]:
    """ "The governor added:" ¶ "It's typical of Hillary Clinton. …", "Mr. Ridge said: ''Bombast doesn't cut it.''":
    a speech verb of a speaker we can name or describe whose clause ends in a colon (no sentence end between)
    introduces the next paragraph, when the colon ends its own, or what follows in two apostrophes (no marks here,
    see `marks`), when no quotation marks take it: indirect speech of that speaker. Not other words after
    the colon in its paragraph: a list or an explanation more often than speech ("Every relationship is assessed
    through three elements, he said: What a country can bring …")."""
    out = []
    for f in ex.frames:
        if f.attrib or f.speaker is None or not f.speaker.name or f.cue_lemma not in verbs:
            continue
        colon = _colon_ending_clause(ex, f)
        span = _after_the_colon(ex, f, colon) if colon is not None else None
        if span is None:
            continue
        c0, c1 = span
        sp = f.speaker
        out.append(
            Quote(
                start=c0,
                end=c1,
                text=ex.text[c0:c1],
                kind="indirect",
                cue=f.cue_lemma,
                cue_start=f.cue_span[0],
                cue_end=f.cue_span[1],
                speaker=sp.name,
                speakers=list(sp.names),
                speaker_start=sp.start,
                speaker_end=sp.end,
                basis=sp.basis + " (a speech verb ending in a colon introduces it)",
                confidence=round(sp.confidence * 0.8, 2),
            )
        )
    return out


def _colon_ending_clause(ex, f) -> int | None:
    """The colon that ends the cue's clause in its paragraph (no sentence end between, a space after it, no other
    cue nearer it), or None."""
    text = ex.text
    p1 = ex.paras[ex.para_of(f.cue.idx)][1]
    colon = text.find(":", f.cue_span[1], p1)
    if colon < 0 or re.search(r"[.?!”\"]", text[f.cue_span[1] : colon]) or not text[colon + 1 : colon + 2].isspace():
        return None
    if any(g is not f and not g.attrib and f.cue_span[1] <= g.cue.idx < colon for g in ex.frames):
        return None  # another cue nearer the colon leads it
    return colon


def _after_the_colon(ex, f, colon: int) -> tuple[int, int] | None:
    """What the colon introduces: the next paragraph when the colon ends its own, or what follows in two apostrophes;
    None for other words after the colon (a list or an explanation: "three elements, he said: What a country …"),
    fewer than two words, or a quotation in double marks (a direct quote: `colon_lead`)."""
    text = ex.text
    p = ex.para_of(f.cue.idx)
    p1 = ex.paras[p][1]
    c0, c1 = colon + 1, p1
    if not text[c0:p1].strip():
        if p + 1 >= len(ex.paras):
            return None
        c0, c1 = ex.paras[p + 1]
    elif not text[c0:p1].lstrip().startswith("''"):
        return None
    while c0 < c1 and (text[c0].isspace() or text[c0] == "'"):
        c0 += 1
    while c1 > c0 and (text[c1 - 1].isspace() or text[c1 - 1] == "'"):
        c1 -= 1
    if len(text[c0:c1].split()) < 2 or any(sp.start < c1 and c0 < sp.end and sp.style != "single" for sp in ex.spans):
        return None
    return c0, c1


def headline_reports(
    ex, cues: set[str], people: set[str], records: set[str], bodies: set[str], unnamed: bool = True
) -> list[Quote]:
    """A headline (the article's first line, short) in which a source says, shows or wants something: "Former
    White House Doctor Says Clinton Hid Past Health Problems", "New Poll Shows Minor Post-Debate Bump For
    Clinton", "Glenn Beck Blasts Drudge for Mocking His Fast". Title case ruins the parse, so the words decide:
    a cue (`cues`, any inflection) right after its source — a person the article names (the recogniser's mention
    or a surname of a person named in the article), a people noun (`people`), a body or a record — and what
    follows it, up to a dash, a colon or the line's end, is indirect speech of that source; a cue ending the line
    after a comma reports what goes before ("Clinton Hid Past Health Problems, Former White House Doctor
    Says"). A body described (`bodies`: "Popular Website Shows …") may be a source, not a country or an
    organisation by name ("Russia, China Announce Boundless Friendship": policy, as in the body). Unnamed sources
    only when `unnamed` (`QuoteRules.unnamed_indirect`)."""
    if len(ex.paras) < 2:
        return []  # a title stands over a text
    p0, p1 = ex.paras[0]
    if p1 - p0 > HEADLINE_CHARS:
        return []
    persons = {}
    for m in ex.resolver.mention_at.values():
        if m.label == "PERSON":
            persons.setdefault(m.canonical.split()[-1].casefold(), m)
    a, b = ex.tok_range(p0, p1)
    h = _Headline(ex, p0, p1, a, cues, people, records, bodies, unnamed, persons)
    doc = ex.doc
    out = []
    for i in range(a + 1, b - 1):
        t, k = doc[i], _source_end(h, i)
        cue = _headline_cue(h, t)
        if cue is None:
            continue
        if doc[k].text == "," and out:  # "Clinton Says Russians Hacked DNC, Calls …": the same source again
            again = _headline_quote(ex.text, t, cue, p1, out[-1]) if t.idx >= out[-1].end else None
            out += [again] if again is not None else []
            continue
        if doc[k].text == ",":  # "Biden, stumping for Clinton, trashes Trump": past the apposition
            k = next((j - 1 for j in range(k - 1, a, -1) if doc[j].text == ","), k)
        prev = doc[k]
        source = _headline_source(h, k)
        if source is None:
            continue
        m = source[0]
        if m is None and _noun_before_a_noun(prev, t, cue, k, i):
            continue
        span = _headline_span(h, t, prev, m)
        if span is None:
            continue
        described = _described_source(h, k) if m is None else None
        out.append(_headline_record(ex.text, span, cue, t, prev, m, described))
        if span[1] < t.idx:
            break  # the cue ended the line
    return out


@dataclass
class _Headline:
    """A headline's line and the words that decide its sources (see `headline_reports`)."""

    ex: object
    p0: int
    p1: int
    a: int  # its first token
    cues: set[str]
    people: set[str]
    records: set[str]
    bodies: set[str]
    unnamed: bool
    persons: dict  # the people the article names, by surname


def _source_end(h: _Headline, i: int) -> int:
    """The token before the cue at i, past the words between a source and its cue ("Obama to Frame …")."""
    k = i - 1
    while k > h.a and h.ex.doc[k].lower_ in HEADLINE_AUX:
        k -= 1
    return k


def _headline_cue(h: _Headline, t) -> str | None:
    """The cue lemma a headline word inflects, or None: not a word in quotation marks, nor a noun of people, records
    or bodies ("Sanders Campaign Buys …": a noun, not the cue)."""
    cue = next((lem for lem in _lemmas(t.text) if lem in h.cues | HEADLINE_CUES), None)
    if not t.is_alpha or cue is None or h.ex.in_quote[t.i] or t.text.lower() in h.people | h.records | h.bodies:
        return None
    return cue


def _headline_source(h: _Headline, k: int) -> tuple | None:
    """The source ending at token k: (a person's mention, or None for people, a record or a body described), or None
    when it is none of them."""
    prev = h.ex.doc[k]
    m = h.ex.resolver.mention_at.get(k)
    if m is not None and (m.label != "PERSON" or m.end > prev.idx + len(prev.text)):
        m = None  # a country, a party, or a mention that runs over the cue ("Clinton Email Story Has Moved")
    if m is None and prev.text[:1].isupper():
        m = h.persons.get(prev.text.casefold())
    noun = prev.text.lower().rstrip("s") if prev.is_alpha else ""
    if m is None and (
        not h.unnamed or noun not in h.people and prev.text.lower() not in h.people and noun not in h.records | h.bodies
    ):
        return None
    return (m,)


def _noun_before_a_noun(prev, t, cue: str, k: int, i: int) -> bool:
    """ "Xi, Putin Hold Video Call on …": a singular noun right before the cue's bare form is its compound ("Video
    Call"), no source and its verb ("Video Shows", "Doctor Says", "Officials Say", "Doctor to Testify" are)."""
    singular = not prev.text.lower().endswith("s")
    return singular and k == i - 1 and t.text.lower() == cue


def _headline_span(h: _Headline, t, prev, m) -> tuple[int, int] | None:
    """What the cue reports: the words after it, or, for a cue ending the line after a comma, the words before the
    source ("Clinton Hid Past Health Problems, Former White House Doctor Says."); None when too short."""
    text = h.ex.text
    c0, c1 = _headline_content(text, t, h.p1, h.cues)
    if not text[c0:c1].strip(" ."):
        comma = text.rfind(",", h.p0, prev.idx)
        if comma < 0 or not all(w[:1].isupper() for w in text[comma + 1 : prev.idx].split()):
            return None
        starts = [x.end() for x in SEGMENT_END.finditer(text, h.p0, comma)]
        c0, c1 = (starts[-1] if starts else h.p0), comma
    while c0 < c1 and text[c0].isspace():
        c0 += 1
    while c1 > c0 and (text[c1 - 1].isspace() or text[c1 - 1] == "."):
        c1 -= 1
    if len(text[c0:c1].split()) < (1 if m is not None else 2):  # "Biden Trashes [Trump]"
        return None
    return c0, c1


def _described_source(h: _Headline, k: int) -> str | None:
    """ "Chinese Envoy Says …", "Interview: Former Kremlin Aide Says …": the words of an unnamed person described by a
    people noun (`people`) at token k, back to the line's start, a colon, a dash or a comma (at most five words);
    None for a record or a body ("New Poll Shows")."""
    doc = h.ex.doc
    noun = doc[k].text.lower()
    if noun not in h.people and noun.rstrip("s") not in h.people:
        return None
    j = k
    while j - 1 >= h.a and k - j < 4 and (doc[j - 1].is_alpha or _joining_hyphen(doc, j - 1) or _dotted(doc[j - 1])):
        j -= 1
    while j < k and doc[j].lower_ in ("a", "an", "the"):
        j += 1
    return h.ex.text[doc[j].idx : doc[k].idx + len(doc[k].text)]


def _dotted(tok) -> bool:
    """An abbreviation with its full stops ("E.U.", "U.S.")."""
    return re.fullmatch(r"(?:[A-Z]\.)+", tok.text) is not None


def _joining_hyphen(doc, i: int) -> bool:
    """A hyphen inside a word ("Ex-Kremlin"), not a dash between words."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _headline_record(text: str, span: tuple[int, int], cue: str, t, prev, m, described: str | None = None) -> Quote:
    c0, c1 = span
    name = m.canonical if m is not None else described
    return Quote(
        start=c0,
        end=c1,
        text=text[c0:c1],
        kind="indirect",
        cue=cue,
        cue_start=t.idx,
        cue_end=t.idx + len(t.text),
        speaker=name,
        speakers=[name] if name else [],
        speaker_start=prev.idx,
        speaker_end=prev.idx + len(prev.text),
        basis=f"speaker: '{prev.text}', the source of '{t.text}' in the headline"
        if m is not None
        else f"speaker: '{described}' (unnamed), the source of '{t.text}' in the headline"
        if described
        else f"'{prev.text}', an unnamed source of '{t.text}' in the headline",
        confidence=0.5,
    )


def _headline_content(text: str, t, p1: int, cues: set[str]) -> tuple[int, int]:
    """What a headline's cue reports: the words after it up to a dash, a colon, a semicolon, the line's end or a
    comma before another cue ("Clinton Says [Russians Hacked DNC], Calls …")."""
    end = SEGMENT_END.search(text, t.idx, p1)
    c0, c1 = t.idx + len(t.text), end.start() if end else p1
    for x in re.finditer(r",\s+(\w+)", text[c0:c1]):
        if any(lem in cues | HEADLINE_CUES for lem in _lemmas(x.group(1))):
            return c0, c0 + x.start()
    return c0, c1


def _headline_quote(text: str, t, cue: str, p1: int, first: Quote) -> Quote | None:
    """A second cue of the headline's source, after a comma: its own report, the same speaker."""
    c0, c1 = _headline_content(text, t, p1, set())
    while c0 < c1 and text[c0].isspace():
        c0 += 1
    while c1 > c0 and (text[c1 - 1].isspace() or text[c1 - 1] == "."):
        c1 -= 1
    if len(text[c0:c1].split()) < 2:
        return None
    return Quote(
        start=c0,
        end=c1,
        text=text[c0:c1],
        kind="indirect",
        cue=cue,
        cue_start=t.idx,
        cue_end=t.idx + len(t.text),
        speaker=first.speaker,
        speakers=list(first.speakers),
        speaker_start=first.speaker_start,
        speaker_end=first.speaker_end,
        basis=first.basis + f", again the source of '{t.text}'",
        confidence=first.confidence,
    )


# The label: up to four capitalised words, after an opening mark that runs the transcript on over paragraphs
# ("\"PENCE: …", `mark`) or a capitals kicker and a dash ("EXCLUSIVE – Roger Stone: …"), and before a few words
# saying to whom or where ("Clinton to Planned Parenthood: …", `tail`).
LABEL_LINE = re.compile(
    r"[ \t]*(?P<mark>[\"“](?=[A-Z]))?(?:[A-Z]{3,}[ \t]+[—–-][ \t]+)?"
    r"(?P<label>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]+){0,3})"
    r"(?P<tail> (?:[Tt]o|[Oo]n|[Aa]t|[Ii]n|[Aa]bout) [^:\n]{1,60}?)?[ \t]*:[ \t]+(?=\S)"
)


def speaker_labels(ex) -> list[Quote]:
    """A paragraph led by a speaker's name and a colon: a transcript ("BOLDUAN: Why not debate?") or a
    headline ("Sanders: Endorsements prove Clinton 'candidate of the establishment'"). The name must be one
    the article knows (a mention, or the surname or full name of a person it names, in any case); "Report:",
    "Poll:" are records, unnamed. Unknown labels count only as turns of a dialogue: capitals that lead two
    paragraphs or more, with another such label ("WALLACE: …" ¶ "PENCE: …"), or an interview's "Q:" and
    "A:" (speaker none); never a field ("UPDATE:", `LABEL_FIELDS`). A transcript quoted as a whole, each
    paragraph opening a mark that runs on ("\"PENCE: …"), gives its turns, not quotes without a speaker."""
    by_name = _people_by_name(ex)
    hits = [(p0, p1, hit) for p0, p1 in ex.paras if (hit := LABEL_LINE.match(ex.text, p0, p1)) is not None]
    turns = _dialogue_turns([hit.group("label") for _, _, hit in hits if hit.group("tail") is None])
    quotes = (_label_quote(ex, hit, p1, by_name, turns) for _p0, p1, hit in hits)
    return [q for q in quotes if q is not None]


def _people_by_name(ex) -> dict:
    """The people the article names, by surname and by full name (casefolded): the first mention of each."""
    by_name = {}
    for m in ex.resolver.mention_at.values():
        if m.label == "PERSON":
            by_name.setdefault(m.canonical.split()[-1].casefold(), m)
            by_name.setdefault(m.canonical.casefold(), m)
    return by_name


def _dialogue_turns(labels: list[str]) -> set[str]:
    """Labels that are turns of a dialogue: capitals leading two paragraphs or more, with another such label, and
    an interview's "Q" and "A"; never a field (`LABEL_FIELDS`)."""
    caps = {
        w for w in labels if w.isupper() and len(w) > 2 and labels.count(w) >= 2 and w.casefold() not in LABEL_FIELDS
    }
    turns = caps if len(caps) >= 2 else set()
    if "Q" in labels and "A" in labels:
        turns |= {"Q", "A"}
    return turns


def _label_quote(ex, hit, p1: int, by_name: dict, turns: set[str]) -> Quote | None:
    """The indirect quote of one paragraph led by a label and a colon, or None."""
    label, c0 = hit.group("label"), hit.end()
    c1 = p1
    while c1 > c0 and ex.text[c1 - 1].isspace():
        c1 -= 1
    block = None  # the transcript's mark that runs on over the paragraph
    if hit.group("mark"):
        block = next((q for q in ex.qs if q.span.open == hit.start("mark") and q.span.end >= c1 - 2), None)
        if block is None:
            return None
    if not _label_content_fits(ex, c0, c1, label in turns, block):
        return None
    m = _label_speaker(ex, hit, label, by_name)
    if m is None and not _unnamed_label(ex, label) and label not in turns:
        return None  # "Poll: …", "Newspaper: …", "Insiders: …": a record, a body or people, unnamed
    if hit.group("tail") and (m is None or m.label != "PERSON"):
        return None
    if block is not None:
        block.drop = True
    name = m.canonical if m is not None else None
    return Quote(
        start=c0,
        end=c1,
        text=ex.text[c0:c1],
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


def _label_content_fits(ex, c0: int, c1: int, turn: bool, block) -> bool:
    """Three tokens at least (a turn of a dialogue may be shorter), and no quotation in double marks (but the
    transcript's own mark)."""
    a, b = ex.tok_range(c0, c1)
    return not (
        b - a < 3 and not turn or block is None and any(ex.in_quote[i] and ex.double_marked(i) for i in range(a, b))
    )


def _label_speaker(ex, hit, label: str, by_name: dict):
    """The person or organisation a label names (`_label_mention`), or a name ending it when
    `QuoteRules.label_any_name` ("McCain Challenger Kelli Ward: …")."""
    m = _label_mention(ex, hit, label, by_name)
    if m is None and ex.rules.label_any_name:
        m = _name_ending_label(ex, hit)
    return m


def _unnamed_label(ex, label: str) -> bool:
    """A record, a body or people as a label ("Poll:", "Newspaper:", "Insiders:"), when `label_any_name`."""
    return ex.rules.label_any_name and (
        label.casefold() in DOCUMENT_NOUNS | BODY_NOUNS or label.casefold().removesuffix("s") in PEOPLE_NOUNS
    )


def _label_mention(ex, hit, label: str, by_name: dict):
    """The person or organisation a label names: the mention it opens with, else a person the article names by
    it ("PENCE", "JAKE TAPPER" → its surname; "Sanders", "Bernie Sanders" → the surname or the full name)."""
    m = ex.resolver.mention_at.get(ex.tok_range(hit.start("label"), hit.start("label") + 1)[0])
    lab_end = hit.end("label")
    known = by_name.get((label.split()[-1] if label.isupper() else label).casefold())
    known = None if known is not None and known.canonical.isupper() else known  # only the label itself
    if m is not None and m.end > lab_end + 1 and known is not None:
        m = known  # a mention run on past the label ("Obama To Asians Worried"): the person it names
    if m is None or m.label not in ("PERSON", "ORG") or m.end < lab_end - 1 or label.isupper() and m.canonical == label:
        m = known  # "WALLACE" taken for an organisation of that name
    return m


def _name_ending_label(ex, hit):
    """A person's or an organisation's name that ends the label ("McCain Challenger Kelli Ward"), or None."""
    _, lb = ex.tok_range(hit.start("label"), hit.end("label"))
    m = ex.resolver.mention_at.get(lb - 1)
    return m if m is not None and m.label in ("PERSON", "ORG") and m.end >= hit.end("label") - 1 else None


def opens_with_title(ex) -> bool:
    """The text's first paragraph is its title (or the title's first line: "Headline; " ¶ "subhead"): it opens
    with the words of the title known, or no title is known. Wire copy whose title is kept apart opens with
    its lede ("Thailand's Commerce Ministry announced a new …"), no headline; so does one that opens with a
    dateline."""
    if ex.paras and inside(ex.resolver.datelines, ex.paras[0][0]):
        return False  # "BEIJING (Reuters) – …": a lede
    if ex.title is None or not ex.paras:
        return True
    p0, p1 = ex.paras[0]
    first = re.findall(r"\w+", ex.text[p0:p1].casefold())
    return bool(first) and first == re.findall(r"\w+", ex.title.casefold())[: len(first)]
