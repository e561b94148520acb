"""Who is speaking: a subject token → canonical speaker name(s), with the rule that decided.

Names come from the article's mentions (`entities.resolve_mentions`). Pronouns
and descriptions ("he", "the ministry", "the two countries") are resolved by
rules over what came before in the article: the nearest compatible subject of
a speech verb or of a main clause, the speaker of the previous quote, an
apposition or title that the description repeats ("Ryan Hass, a former China
director" … "the director"), the last pair of coordinated countries ("China and
Russia" … "the two countries"). There is no coreference model.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from model.bodies import country_prefix, forms_of
from model.extract.datelines import dateline_spans, inside
from model.lexicon.entity_names import TITLE_WORDS
from model.lexicon.grammar import (
    ABSTRACT_SUFFIXES,
    DETERMINERS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NARRATOR_PRONOUNS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from model.lexicon.people import (
    BODY_NAME_WORDS,
    BODY_NOUNS,
    COLLECTIVE_VOICES,
    COMPANY_NAME_WORDS,
    COMPANY_NOUNS,
    FEMALE_NAMES,
    FEMALE_NOUNS,
    GROUP_NOUNS,
    LEADER_TITLES,
    MALE_NAMES,
    MALE_NOUNS,
    MEMBER_WORDS,
    OFFICE_KIN,
    OFFICE_WRITTEN,
    PAIR_NOUNS,
    PAIR_WORDS,
    PEOPLE_NOUNS,
    PEOPLE_QUANTIFIERS,
    QUANTITIES,
    SPOKES_NOUNS,
    TITLE_ABBREVIATIONS,
    VOICE_NOUNS,
)
from model.lexicon.places import CAPITALS
from model.lexicon.records import DOCUMENT_NOUNS, ISSUING_VERBS, READ_NOUNS, SHARE_WORDS, WRITINGS
from model.lexicon.speech import ASKING_VERBS, QUOTING_VERBS
from model.records import Mention

SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass
class Speaker:
    name: str | None
    names: list[str] = field(default_factory=list)
    start: int | None = None  # the span the speaker was read from (maybe a pronoun)
    end: int | None = None
    basis: str = ""
    confidence: float = 0.5
    label: str | None = None  # PERSON, ORG, ... or None for an unnamed description
    named: bool = False  # resolved to an entity of the article (not a bare description)
    antecedent: bool = True  # may a later pronoun mean this speaker (not when read off a writing: "her statement")


@dataclass
class Candidate:
    pos: int  # character offset
    speaker: Speaker
    sent: int  # sentence index
    para: int
    speech: bool  # the subject of a speech verb (else of a main clause)
    quoted: bool = False  # the speaker of a quotation (not only of a speech verb)


class Resolver:
    """Per-article state for resolving speaker tokens in text order."""

    def __init__(self, doc, mentions: list[Mention], in_quote, para_of):
        self.doc = doc
        self.text = doc.text  # spaCy joins every token on each access of `doc.text`: once per article
        self.in_quote = in_quote  # token index -> bool
        self.para_of = para_of  # char offset -> paragraph index
        self.mention_at: dict[int, Mention] = {}
        self.datelines = dateline_spans(self.text)
        for m in mentions:
            if inside(self.datelines, m.start):
                continue  # "BEIJING (Reuters) –": where the copy was filed, never who speaks
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.mention_at.setdefault(t.i, m)
        self.sent_of = {}
        for k, s in enumerate(doc.sents):
            for t in s:
                self.sent_of[t.i] = k
        self.candidates: list[Candidate] = []
        self.gender = self._genders(mentions)
        self.descriptors = self._descriptors(mentions)
        self.pairs = self._pairs()
        self._subjects()

    # ------------------------------------------------------------ indexes
    def _mention_head(self, m: Mention):
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _genders(self, mentions: list[Mention]) -> dict[str, str]:
        """Each person's gender, from the strongest evidence there is: the titles and nouns around the name
        ("Mrs.", "spokeswoman"), else the given name ("Hillary", "Jeb"), else his/her after the name in a
        sentence where the person is the only one named."""
        titles: dict[str, list[int]] = {}
        for m in mentions:
            if m.label == "PERSON":
                v = titles.setdefault(m.canonical, [0, 0])
                words = self._words_around(m)
                v[0] += len(words & MALE_NOUNS)
                v[1] += len(words & FEMALE_NOUNS)
        pronouns = self._pronoun_counts({name: [0, 0] for name in titles})
        out = {}
        for name, (m, f) in titles.items():
            gender = _gender_of(name, m, f, pronouns[name])
            if gender is not None:
                out[name] = gender
        return out

    def _words_around(self, m: Mention) -> set[str]:
        """A person's title and the words around the name: its modifiers, an apposition (not after a possessive:
        "Sanders’ son, Tywanza": the son is not Sanders, a parse slip) and the word or two before it."""
        doc = self.doc
        words = {(m.title or "").lower()}
        head = self._mention_head(m)
        if head is not None:
            words |= {t.lower_ for t in head.lefts}
            possessive = (
                head.i + 1 < len(doc) and doc[head.i + 1].tag_ == "POS" or self.text[m.end : m.end + 1] in ("'", "’")
            )
            if not possessive:
                words |= {a.lower_ for a in head.children if a.dep_ == "appos"}
            if head.i > 0:
                words.add(doc[head.i - 1].lower_)
                if head.i > 1 and doc[head.i - 1].dep_ == "compound":
                    words.add(doc[head.i - 2].lower_)
        return words

    def _pronoun_counts(self, pronouns: dict[str, list[int]]) -> dict[str, list[int]]:
        """One person as the subject of a sentence, then his/her later in it: (male, female) counts per person."""
        for s in self.doc.sents:
            people = {
                self.mention_at[t.i].canonical
                for t in s
                if t.i in self.mention_at and self.mention_at[t.i].label == "PERSON" and not self.in_quote[t.i]
            }
            if len(people) != 1:
                continue
            (p,) = people
            first = min(t.i for t in s if t.i in self.mention_at and self.mention_at[t.i].canonical == p)
            own = verb_of(self.doc[first].head)
            for t in s:
                # a subject pronoun, or "his"/"her" in the person's own clause: in a clause below it they often
                # mean someone else the sentence does not name ("Mukasey said the scandal is the latest in her
                # career"), not in it ("Sanders called her son her hero")
                if (
                    t.i > first
                    and not self.in_quote[t.i]
                    and (t.dep_ in ("nsubj", "nsubjpass") or verb_of(t.head) is own)
                ):
                    if t.lower_ in MALE_PRONOUNS:
                        pronouns[p][0] += 1
                    elif t.lower_ in FEMALE_PRONOUNS:
                        pronouns[p][1] += 1
        return pronouns

    def _descriptors(self, mentions: list[Mention]):
        """(pos, canonical, label, nouns): the common nouns that describe each named entity where it is named."""
        out = []
        for m in mentions:
            if m.label not in SPEAKER_LABELS:
                continue
            head = self._mention_head(m)
            nouns = set()
            if m.title:
                for w in m.title.lower().replace(".", " ").split():
                    nouns.add(TITLE_ABBREVIATIONS.get(w, w))  # "Sen. Marco Rubio" … "the Florida senator"
            if m.label in ("ORG", "GPE"):
                words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.canonical)]
                nouns |= set(words) | {
                    w[:-1] for w in words if w.endswith("s") and len(w) > 4
                }  # "Airlines": "the airline"
                if m.label == "ORG" and set(words) & COMPANY_NAME_WORDS:
                    nouns |= COMPANY_NOUNS  # "Mack Trucks Inc said …" … "The company said …"
            if head is not None:
                # compounds and appositions around the name: "spokesman Ned Price", "Ryan Hass, a former China director"
                for t in head.subtree:
                    if t.i < head.i and t.pos_ == "NOUN" and t.dep_ in ("compound", "amod", "nmod"):
                        nouns.add(t.lemma_.lower())
                for a in head.children:
                    if a.dep_ == "appos" and a.pos_ == "NOUN":
                        nouns.add(a.lemma_.lower())
                if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                    nouns.add(head.head.lemma_.lower())
                if (
                    head.dep_ == "poss"
                    and head.head.pos_ == "NOUN"
                    and m.label in ("ORG", "GPE")
                    and head.head.lemma_.lower() not in PEOPLE_NOUNS  # "Peru's ambassador" is no country
                ):
                    nouns.add(
                        head.head.lemma_.lower()
                    )  # "the US State Department's top diplomat" no; "China's ministry"
                nouns |= self._places_of(m, head)
            out.append((m.start, m.canonical, m.label, nouns))
        return out

    @staticmethod
    def _places_of(m: Mention, head) -> set[str]:
        """The places a named entity is described by: those of its sentence ("Sen. Marco Rubio of Florida" … "the
        Florida senator"); for a body whose name opens with its country, that country alone ("the Russian Foreign
        Ministry said …, after talks with his Chinese counterpart": never "the Chinese foreign ministry")."""
        own = country_prefix(m.canonical) if m.label == "ORG" else None
        if own is not None:
            return forms_of(own[0])
        return {t.lower_ for t in head.sent if t.ent_type_ in ("GPE", "NORP")} - {head.lower_}

    def _pairs(self):
        """Coordinated pairs of named entities ("China and Russia"), by label, in order."""
        out = []
        seen = set()
        for i, m in self.mention_at.items():
            tok = self.doc[i]
            if self.in_quote[i] or m.label not in SPEAKER_LABELS:
                continue
            if tok.dep_ not in ("nsubj", "nsubjpass") and not self._subject_of_a_dateline(tok):
                continue  # a pair that acts together: "China and Russia announced"
            for c in tok.children:
                named = c if c.i in self.mention_at else _name_in_apposition(c, self.mention_at)
                if c.dep_ == "conj" and named is not None:
                    m2 = self.mention_at[named.i]
                    lab = "GPE" if m.label in ("GPE", "NORP") else m.label
                    lab2 = "GPE" if m2.label in ("GPE", "NORP") else m2.label
                    if lab == lab2 and m.canonical != m2.canonical and (m.start, m2.start) not in seen:
                        seen.add((m.start, m2.start))
                        out.append((m.start, lab, [m.canonical, m2.canonical]))
        out.sort()
        return out

    def _subject_of_a_dateline(self, tok) -> bool:
        """ "BEIJING/MOSCOW (AP) — Xi Jinping and Vladimir Putin held …" parsed with the dateline as subject and the
        names set beside it: the names are the subject."""
        head = tok.head
        return (
            tok.dep_ in ("appos", "conj")
            and head.dep_ in ("nsubj", "nsubjpass")
            and head.i < tok.i
            and not self._after_the_dateline(head)
        )

    def _subjects(self):
        """Named people and bodies that are the subject of a main clause: antecedents for later pronouns."""
        for i, m in self.mention_at.items():
            tok = self.doc[i]
            if self.in_quote[i] or m.label not in SPEAKER_LABELS:
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") and _is_main_clause(tok.head) and tok.i == self._root_of(m):
                sp = Speaker(m.canonical, [m.canonical], m.start, m.end, label=m.label, named=True)
                self.add_candidate(m.start, sp, speech=False)
            elif m.label == "ORG" and _quoting_agent(tok) and tok.i == self._root_of(m):
                # "X was quoted by Xinhua as saying …": the agency spoke (a later "it said" is the agency)
                sp = Speaker(m.canonical, [m.canonical], m.start, m.end, label=m.label, named=True)
                self.add_candidate(m.start, sp, speech=True)
        for tok in self.doc:  # "My mother has softened with age, but she still says …"
            if (
                tok.dep_ == "nsubj"
                and tok.pos_ == "NOUN"
                and not self.in_quote[tok.i]
                and tok.i not in self.mention_at
                and _is_main_clause(tok.head)
                and (name := self._unnamed(tok)) is not None
                and self._unnamed_person(tok, name) is not None
            ):
                sp = Speaker(name, [name], tok.left_edge.idx, tok.idx + len(tok.text), label="PERSON")
                self.add_candidate(tok.idx, sp, speech=False)

    def _root_of(self, m: Mention) -> int:
        head = self._mention_head(m)
        return head.i if head is not None else -1

    def add_candidate(self, pos: int, sp: Speaker, speech: bool, quoted: bool = False):
        if not sp.names or not sp.antecedent:
            return
        tok = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        sent = self.sent_of.get(tok[0].i, 0) if tok is not None and len(tok) else 0
        c = Candidate(pos, sp, sent, self.para_of(pos), speech, quoted)
        k = bisect.bisect_right([x.pos for x in self.candidates], pos)
        self.candidates.insert(k, c)

    # ------------------------------------------------------------ resolution
    def resolve(self, tok, cue_text: str) -> Speaker | None:
        """The speaker named (or referred to) by the subject token `tok` of a speech cue."""
        if tok is None or self.in_quote[tok.i] and not self._glued(tok):
            return None
        # joint subjects: "China and Russia said", "Xi and Putin declared"
        # (not an office the parse made a conjunct of its own: "X and Chilean [President] Gabriel Boric")
        conjs = [c for c in tok.children if c.dep_ == "conj" and c.lower_ not in TITLE_WORDS]
        if conjs:
            parts = [self._single(t, cue_text) for t in [tok] + conjs]
            parts = [p for p in parts if p is not None and p.name]
            names = []
            for p in parts:
                for n in p.names:
                    if n not in names:
                        names.append(n)
            if len(names) > 1 and all(p.named and not p.basis.endswith("its owner") for p in parts):
                span = (tok.left_edge.idx, conjs[-1].right_edge.idx + len(conjs[-1].right_edge.text))
                return Speaker(
                    "; ".join(names),
                    names,
                    span[0],
                    span[1],
                    f"speaker: joint subject of '{cue_text}'",
                    0.85,
                    parts[0].label,
                    True,
                )
        return self._single(tok, cue_text)

    def _glued(self, tok) -> bool:
        """'paranoia,”Clinton said': the tokenizer glued the name to the closing mark; the name is outside."""
        m = self.mention_at.get(tok.i)
        return (
            m is not None and m.start > tok.idx and not self.in_quote[tok.i + 1 if tok.i + 1 < len(self.doc) else tok.i]
        )

    def _single(self, tok, cue_text: str) -> Speaker | None:
        return self._with_country(tok, self._single_name(tok, cue_text))

    def _with_country(self, tok, sp: Speaker | None) -> Speaker | None:
        """A body named with its country keeps it: "China's Ministry of Commerce said" is said by China's Ministry
        of Commerce, not by any ministry of commerce (the entity stays the one named, `names`)."""
        if sp is None or not sp.name or sp.label == "PERSON" and sp.named or len(sp.names) > 1:
            return sp
        if sp.named and tok.i not in self.mention_at:
            return sp  # a name beside the description ("China's state broadcaster CCTV") is the body's own
        owner = next((c for c in tok.children if c.dep_ == "poss" and not self.in_quote[c.i]), None)
        m = self.mention_at.get(owner.i) if owner is not None else None
        if m is None or m.label != "GPE" or m.text.casefold() in sp.name.casefold():
            return sp
        return replace(sp, name=f"{m.text}'s {sp.name}", basis=f"{sp.basis} (of {m.text})")

    def _single_name(self, tok, cue_text: str) -> Speaker | None:
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head
            low = tok.lower_
        m = self._mention_for(tok)
        if m is None and inside(self.datelines, tok.idx):
            m = Mention(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", tok.text, "")
        if m is not None and (self._dateline(m) or inside(self.datelines, m.start)):
            return self._subject_after_the_dateline(tok, cue_text)
        if m is not None:
            return self._named(m, tok, cue_text)
        group = self._group_of_a_member(tok)
        if group is not None:
            return self._single(group, cue_text)
        if tok.pos_ == "PRON" or low in MALE_PRONOUNS | FEMALE_PRONOUNS | {"they", "it"} | NARRATOR_PRONOUNS:
            return self.pronoun(tok, cue_text)
        named = self._name_set_off(tok)
        if named is not None:
            return self._named(named, tok, cue_text)
        return self.description(tok, cue_text)

    def _group_of_a_member(self, tok):
        """The group a subject is one or some of (`group_of_a_member`), outside quotation marks."""
        group = group_of_a_member(tok)
        return None if group is None or self.in_quote[group.i] else group

    def _subject_after_the_dateline(self, tok, cue_text: str) -> Speaker | None:
        """ "LONDON — Donald Trump said …", "MOSCOW (Reuters) - A Kremlin aide said …" parsed with the dateline as
        subject: the verb's own subject after the dateline, else a named subject after it."""
        after = [
            t
            for t in self.doc[tok.i + 1 : tok.sent.end]
            if t.dep_ in ("nsubj", "nsubjpass") and self._after_the_dateline(t)
        ]
        own = next((t for t in after if t.head.i == tok.head.i), None)
        if own is None:  # "TIANJIN, China, Sept 1 (…) - Russian President Vladimir Putin praised": joined to it
            # (or to the dateline's other word the parse made a subject too: "MOSCOW, May 8 (Reuters) - X and Y …")
            subjects = [tok] + [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
            joined = (
                t for s in subjects for t in s.subtree if t.dep_ in ("conj", "appos") and self._after_the_dateline(t)
            )
            own = next(joined, None)
        if own is not None:
            return self.resolve(own, cue_text)  # (joint subjects too: "X and his counterpart Y pledged")
        named = next(
            (
                self.mention_at[t.i]
                for t in after
                if t.i in self.mention_at and self.mention_at[t.i].label in SPEAKER_LABELS
            ),
            None,
        )
        return self._named(named, tok, cue_text) if named is not None else None

    def _after_the_dateline(self, t) -> bool:
        """A token of the sentence past its dateline, outside quotation marks."""
        return not self.in_quote[t.i] and not inside(self.datelines, t.idx) and not self._dateline_word(t)

    def _dateline_word(self, t) -> bool:
        m = self.mention_at.get(t.i)
        return m is not None and self._dateline(m)

    def _name_set_off(self, tok) -> Mention | None:
        """ "His former business partner at the firm, Ann Lee, said": a description whose apposition, a person's
        name between commas right before the verb, the parse hung elsewhere."""
        v = tok.head
        if tok.pos_ != "NOUN" or v.i <= tok.i or v.pos_ not in ("VERB", "AUX"):
            return None
        k = v.i - 1
        while k > tok.i and self.doc[k].pos_ == "ADV":
            k -= 1
        if k <= tok.i + 2 or self.doc[k].text != ",":
            return None
        m = self.mention_at.get(k - 1)
        if m is None or m.label != "PERSON" or self.in_quote[k - 1]:
            return None
        j = k - 1
        while j > tok.i and self.mention_at.get(j - 1) is m:
            j -= 1
        while j > tok.i and self.doc[j - 1].dep_ == "compound" and self.doc[j - 1].i not in self.mention_at:
            j -= 1  # "state Del. Marcia Price": the title before the name
        return m if self.doc[j - 1].text == "," and j - 1 > tok.i else None

    def _mention_for(self, tok) -> Mention | None:
        """The named entity a subject token stands for: the head itself, or a name in apposition
        ("the spokesman, Ned Price") or compound with it ("spokesman Ned Price")."""
        m = self.mention_at.get(tok.i)
        if m is not None and m.label in SPEAKER_LABELS:
            return m
        if (
            tok.dep_ == "appos"
            and tok.pos_ == "NOUN"
            and tok.head.i in self.mention_at
            and self.mention_at[tok.head.i].label == "PERSON"
        ):
            return self.mention_at[tok.head.i]  # "McConnell, now the Senate majority leader, who said": McConnell
        for c in tok.children:
            if c.dep_ == "appos":
                m2 = self.mention_at.get(c.i)
                if m2 is not None and (m2.label == "PERSON" or _names_the_body(tok, m2)):
                    return m2
        if tok.pos_ in ("NOUN", "PROPN"):
            # "the Russian Tass news agency": the name in compound with a common noun head
            comp = [
                c
                for c in tok.lefts
                if c.dep_ == "compound" and c.i in self.mention_at and self.mention_at[c.i].label in ("ORG", "PERSON")
            ]
            if comp and tok.pos_ == "NOUN" and not _one_of_theirs(tok):
                return self.mention_at[comp[-1].i]
        return None

    def _dateline(self, m: Mention) -> bool:
        """'WASHINGTON —', 'LONDON (AP) —', 'MIAMI, Fla. —' opening a paragraph: where the story was filed."""
        text = self.text
        line = text.rfind("\n", 0, m.start) + 1
        return (
            m.label == "GPE"
            and m.text.isupper()
            and len(m.text) > 2
            and not text[line : m.start].strip()
            and re.match(r"(,? [A-Z][A-Za-z.]*)?\s*(\(\w+\))?\s*[—–-]", text[m.end : m.end + 20]) is not None
        )

    def _named(self, m: Mention, tok, cue_text: str) -> Speaker:
        name = m.canonical
        basis = f"speaker: subject of '{cue_text}'"
        if m.label == "GPE" and name.casefold() in CAPITALS:
            name = CAPITALS[name.casefold()]
            basis += f" ('{m.text}' stands for {name})"
        conf = 0.95 if m.label == "PERSON" and len(name.split()) > 1 else 0.85
        return Speaker(name, [name], m.start, m.end, basis, conf, m.label, True)

    def pronoun(self, tok, cue_text: str, low: str | None = None) -> Speaker | None:
        """The speaker a pronoun subject means (`low`: the pronoun to read it as, "his" as "he"): a person for
        he/she, an organisation or a country for "it", the last plural speaker for "they"; never the narrator."""
        low = low or tok.lower_
        span = (tok.idx, tok.idx + len(tok.text))
        if low in NARRATOR_PRONOUNS:
            return None
        if low in PERSONAL_PRONOUNS:
            want = "m" if low == "he" else "f"
            return (
                self._in_own_sentence(tok, want, span)
                or self._the_one_asked(tok, want, span)
                or self._nearest_compatible(tok, want, span)
                or self._only_person_nearby(tok, want, span)
                or self._person_tagged_org(tok, span)
            )
        if low == "it":
            return self._nearest_body(tok, span)
        if low == "they":
            return self._governing_body(tok, cue_text, span) or self._pair_just_named(tok, span)
        return None

    def _pair_just_named(self, tok, span) -> Speaker | None:
        """ "Wang Yi and Sergei Lavrov held talks … They agreed …": a pair named together as the subject of a main
        clause in the pronoun's sentence or the one before, when no plural speaker came since; else the last plural
        speaker."""
        last = self._last_plural_candidate(tok)
        here = self.sent_of.get(tok.i, 0)
        for pos, label, names in reversed(self.pairs):
            if pos >= tok.idx:
                continue
            start = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
            if start is None or here - self.sent_of.get(start.start, -9) > 1 or last is not None and last.pos > pos:
                break
            head = self._root_of(self.mention_at[start.start]) if start.start in self.mention_at else -1
            if head < 0 or not _is_main_clause(self.doc[head].head):
                continue  # a pair inside someone's report ("They said Funaro and Stoltenberg discussed …")
            return Speaker(
                "; ".join(names),
                list(names),
                span[0],
                span[1],
                f"speaker: 'they' → {' and '.join(names)}, named together just before",
                0.7,
                label,
                True,
            )
        return self._last_plural_speaker(tok, span)

    def _governing_body(self, tok, cue_text: str, span) -> Speaker | None:
        """ "they" in a clause that depends on one whose subject is a body in the singular ("The campaign contrasts
        her plan with what they call …", "the party said they would …"): that body."""
        if _is_main_clause(tok.head):
            return None
        v = tok.head
        for _ in range(6):
            if v.head.i == v.i:
                return None
            v = v.head
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i), None)
            if subj is None or self.in_quote[subj.i]:
                continue
            if subj.tag_ != "NN" or subj.lemma_.lower() not in BODY_NOUNS:
                return None
            sp = self.resolve(subj, cue_text)
            if sp is None or not sp.name:
                return None
            return replace(
                sp,
                start=span[0],
                end=span[1],
                basis=f"speaker: 'they' → {sp.name}, the body that is the subject of the clause it depends on",
                confidence=min(sp.confidence, 0.7),
            )
        return None

    def _in_own_sentence(self, tok, want: str, span) -> Speaker | None:
        """A pronoun inside a subordinate clause may point back into its own sentence ("after she said"): the
        subject of a clause above it, else the person named earlier in the sentence."""
        if _is_main_clause(tok.head):
            return None
        sp = self._governing_subject(tok, want, span)
        if sp is not None:
            return sp
        for t in reversed(list(doc_range(self.doc, tok.sent.start, tok.i))):
            m = self._person_of_gender(t.i, want)
            if m is not None:
                return _person_speaker(
                    m, span, f"speaker: '{tok.text}' → {m.canonical}, the person named earlier in the sentence"
                )
        return None

    def _the_one_asked(self, tok, want: str, span) -> Speaker | None:
        """ "When reporters asked Wang Wenbin about the visit, he said …", "When I asked a senior diplomat …, he
        replied …": the one asked, in a clause that the pronoun's verb governs before it, answers (a person of the
        gender wanted, or a person described)."""
        verb = tok.head
        if tok.dep_ != "nsubj":
            return None
        for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < tok.i):
            if clause.lemma_.lower() not in ASKING_VERBS:
                continue
            asked = next((o for o in clause.children if o.dep_ == "dobj" and not self.in_quote[o.i]), None)
            if asked is None:
                continue
            m = self._mention_for(asked)
            if m is not None and m.label == "PERSON" and self.gender.get(m.canonical, want) == want:
                return _person_speaker(m, span, f"speaker: '{tok.text}' → {m.canonical}, the one asked")
            if m is None and asked.tag_ == "NN" and asked.lemma_.lower() in PEOPLE_NOUNS:
                sp = self.resolve(asked, clause.text)
                if sp is not None and sp.name and self.gender.get(sp.name, want) == want:
                    basis = f"speaker: '{tok.text}' → {sp.name}, the one asked"
                    return replace(sp, start=span[0], end=span[1], basis=basis)
        return None

    def _nearest_compatible(self, tok, want: str, span) -> Speaker | None:
        """The nearest person before, one of the gender wanted (within four paragraphs), not one reported on."""
        pos = tok.idx
        for c in reversed(self.candidates):
            if c.pos >= pos or c.speaker.label != "PERSON" or len(c.speaker.names) != 1:
                continue
            if self.para_of(pos) - c.para > 4:
                break
            if self.gender.get(c.speaker.name, want) != want or self._reported(c, want) or self._reported_by(c, tok):
                continue
            what = "subject of a speech verb" if c.speech else "subject"
            basis = f"speaker: '{tok.text}' → {c.speaker.name}, nearest compatible {what}"
            return _pointing_back(c, span, basis, 0.8 if c.speech else 0.7, "PERSON", True)
        return None

    def _nearest_body(self, tok, span) -> Speaker | None:
        """ "it": the nearest organisation or country subject before (within two paragraphs); but an organisation
        that spoke in this paragraph or the one before goes before a country subject that did not ("According to
        Xinhua, China will … It said …": the agency, not the country it reports on)."""
        pos = tok.idx
        bodies = [
            c
            for c in reversed(self.candidates)
            if c.pos < pos and c.speaker.label in ("ORG", "GPE", "NORP") and len(c.speaker.names) == 1
        ]
        nearest = next(iter(bodies), None)
        spoke = next(
            (c for c in bodies if c.speech and c.speaker.label == "ORG" and self.para_of(pos) - c.para <= 1), None
        )
        if nearest is None or nearest.speaker.label == "ORG" or nearest.speech:
            spoke = None  # only a country the body reported on gives way to the body that spoke
        c = spoke if spoke is not None else nearest
        if c is None or self.para_of(pos) - c.para > 2:
            return None
        what = "organisation or country that spoke" if spoke is not None else "organisation or country subject"
        return _pointing_back(c, span, f"speaker: 'it' → {c.speaker.name}, nearest {what}", 0.7, c.speaker.label, True)

    def _last_plural_speaker(self, tok, span) -> Speaker | None:
        """ "they": the last speaker before that is several, or a group named in the plural (within two
        paragraphs)."""
        c = self._last_plural_candidate(tok)
        if c is None:
            return None
        basis = f"speaker: 'they' → {c.speaker.name}, the last plural speaker"
        return _pointing_back(c, span, basis, 0.65, c.speaker.label, c.speaker.named)

    def _last_plural_candidate(self, tok) -> Candidate | None:
        pos = tok.idx
        for c in reversed(self.candidates):
            if c.pos < pos and c.speech:
                if self.para_of(pos) - c.para > 2:
                    break
                if (
                    len(c.speaker.names) > 1
                    or c.speaker.label in (None, "NORP")
                    and c.speaker.name
                    and c.speaker.name.endswith("s")
                ):
                    return c
        return None

    def _reported_by(self, c: Candidate, tok) -> bool:
        """The candidate is the subject of what the pronoun's own verb reports ("Wang Yi raised the issue with Rubio
        last week, she said": she is not Wang Yi, who would be "Wang said he raised …")."""
        if tok.dep_ != "nsubj" or any(o.dep_ == "dobj" for o in tok.head.children):
            return False  # (a verb with an object of its own reports nothing: "…, she added the words, …")
        v = self._clause_of(c)
        return v is not None and v.dep_ == "ccomp" and v.head.i == tok.head.i

    def _clause_of(self, c: Candidate):
        """The verb of the clause a candidate is the subject of (a speech verb's subject is kept at its verb; a name
        of several words climbs to it), past the verbs it is joined to; None off the parse."""
        span = self.doc.char_span(c.pos, c.pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        v = span[0]
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        return v

    def _reported(self, c: Candidate, want: str | None) -> bool:
        """A speaker inside someone else's report ("Brian Murphy said Trump continued to hurt his cause. “…,” he
        said"): the named person who reports it, if the pronoun fits them too, is the one a later pronoun
        means, not the person reported on."""
        v = self._clause_of(c)
        if v is None or v.dep_ != "ccomp" or v.head.i == v.i:
            return False
        top = v.head
        subj = next((x for x in top.children if x.dep_ == "nsubj"), None)
        m = self._mention_for(subj) if subj is not None and not self.in_quote[subj.i] else None
        return (
            m is not None
            and m.label == "PERSON"
            and m.canonical != c.speaker.name
            and (want is None or self.gender.get(m.canonical, want) == want)
        )

    def _person_tagged_org(self, tok, span) -> Speaker | None:
        """No person to refer to: the nearest subject (this paragraph or the one before) that is a name the
        recogniser tagged as an organisation but reads as a person's: one or two capitalised words, no acronym,
        no word of a body's name ("Fiorina, the former Hewlett-Packard CEO, …", "Maryam Violet, an Iranian
        journalist, told the Guardian … she said")."""
        para = self.para_of(tok.idx)
        for c in reversed(self.candidates):
            if c.pos >= tok.idx:
                continue
            if para - c.para > 1:
                break
            name = c.speaker.name or ""
            words = name.split()
            if (
                c.speaker.label == "ORG"
                and len(c.speaker.names) == 1
                and 1 <= len(words) <= 2
                and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
                and not {w.lower() for w in words} & BODY_NAME_WORDS
            ):
                return Speaker(
                    name,
                    [name],
                    span[0],
                    span[1],
                    f"speaker: '{tok.text}' → {name}, the nearest subject, a name tagged as an organisation",
                    0.6,
                    "PERSON",
                    True,
                )
        return None

    def _governing_subject(self, tok, want: str, span) -> Speaker | None:
        """A pronoun in a subordinate clause: the named person who is the subject of a clause above it, the
        nearest first ("Clinton says she appreciated Machado's courage through what she calls …": Clinton)."""
        v = tok.head
        for _ in range(6):
            if v.head.i == v.i:
                return None
            v = v.head
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i), None)
            if subj is not None and subj.lower_ == tok.lower_ and not self.in_quote[subj.i]:
                # "He lambasted the deal negotiated by Obama, who he noted …": the "he" above is this "he"
                sp = self.pronoun(subj, "")
                if sp is not None:
                    return Speaker(
                        sp.name,
                        list(sp.names),
                        span[0],
                        span[1],
                        f"speaker: '{tok.text}' → {sp.name}, as the '{subj.text}' of the clause it depends on",
                        sp.confidence,
                        sp.label,
                        sp.named,
                    )
            m = self._person_of_gender(subj.i, want) if subj is not None else None
            if m is not None:
                return _person_speaker(
                    m, span, f"speaker: '{tok.text}' → {m.canonical}, the subject of the clause it depends on"
                )
        return None

    def _person_of_gender(self, i: int, want: str) -> Mention | None:
        """The person named at token `i`, outside quotation marks, of the gender wanted (or of none known)."""
        m = self.mention_at.get(i)
        if (
            m is not None
            and m.label == "PERSON"
            and not self.in_quote[i]
            and self.gender.get(m.canonical, want) == want
        ):
            return m
        return None

    def _only_person_nearby(self, tok, want: str, span) -> Speaker | None:
        """No subject to refer to: the one person named (in any role: "under Mr. Ban's watch … he said") in this
        paragraph and the one before, if there is exactly one and the gender fits."""
        para = self.para_of(tok.idx)
        names = {
            m.canonical
            for i, m in self.mention_at.items()
            if i < tok.i
            and m.label == "PERSON"
            and not self.in_quote[i]
            and para - 1 <= self.para_of(self.doc[i].idx) <= para
        }
        if len(names) != 1:
            return None
        (name,) = names
        if self.gender.get(name, want) != want:
            return None
        return Speaker(
            name,
            [name],
            span[0],
            span[1],
            f"speaker: '{tok.text}' → {name}, the only person named just before",
            0.6,
            "PERSON",
            True,
        )

    def description(self, tok, cue_text: str) -> Speaker | None:
        """A common-noun subject: a pair ("the two countries"), a description of someone named before
        ("the ministry", "the spokesman"), or an unnamed source ("officials"): the first of `DESCRIPTION_RULES`
        that decides (a speaker, or `NOBODY`)."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        d = Described.of(self, tok, cue_text)
        for rule in DESCRIPTION_RULES:
            sp = rule(self, d)
            if sp is not None:
                return None if sp is NOBODY else sp
        return None

    def _author(self, tok, cue_text: str) -> Speaker | None:
        """Who a statement, tweet or letter speaks for: its owner ("Trump's statement"), who it is from ("a
        letter from his doctor"), or the named subject of the verb that put it out ("Clinton issued a
        statement calling …")."""
        for c in tok.children:
            if c.dep_ == "poss":
                src = c
                break
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                src = next((x for x in c.children if x.dep_ == "pobj"), None)
                if src is not None:
                    break
        else:
            src = None
            if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                src = next((x for x in tok.head.children if x.dep_ == "nsubj"), None)
        if src is None or self.in_quote[src.i] or src.lower_ in ("its", "their") or src.lower_ in NARRATOR_PRONOUNS:
            return None
        if src.lower_ in ("his", "her"):
            return self.pronoun(src, cue_text, "he" if src.lower_ == "his" else "she")
        sp = self._single(src, cue_text)
        return sp if sp is not None and sp.name else None  # named, or described: "a letter from his doctor"

    def _unnamed(self, tok) -> str | None:
        """The words of an unnamed description, as written from its first modifier to its head, without
        determiners: "a 52-count civil complaint" → "52-count civil complaint"."""
        toks = [
            t
            for t in self.doc[tok.left_edge.i : tok.i + 1]
            if t.dep_ in ("compound", "amod", "nmod", "nummod") or t.i == tok.i
        ]
        toks = [
            t
            for t in toks
            if t.lower_ not in DETERMINERS and not self.in_quote[t.i] and not inside(self.datelines, t.idx)
        ]  # ("BEIJING - Two senior diplomats said": the dateline the parse joined to them is none of their words)
        if not toks:
            return None
        keep = {t.i for t in toks}
        words, word, kept = [], "", False  # whole words as written: "34-year-old mother", "52-count"
        for t in self.doc[toks[0].i : tok.i + 1]:
            if not t.is_space:  # a line break inside the words ("United\nStates Lines") is a space
                word, kept = word + t.text, kept or t.i in keep
            if t.whitespace_ or t.is_space or t.i == tok.i:
                if kept:
                    words.append(word)
                word, kept = "", False
        after = self._said_of_them(tok)
        return " ".join(words) + (" " + after if after else "")

    def _said_of_them(self, tok) -> str | None:
        """ "a person [familiar with the talks]", "sources [close to the Kremlin]": an adjective with its phrase right
        after the noun (at most six words), the words that say who the source is."""
        adj = next((c for c in tok.rights if c.dep_ == "amod" and c.i == tok.i + 1 and c.tag_ == "JJ"), None)
        if adj is None or not any(c.dep_ == "prep" for c in adj.children) or adj.right_edge.i - tok.i > 6:
            return None
        span = self.doc[adj.i : adj.right_edge.i + 1]
        if any(self.in_quote[t.i] or t.is_space for t in span):
            return None
        return span.text

    def _unnamed_person(self, tok, name: str) -> str | None:
        """ "my mother", "the woman": one person, of known gender, whom a later "she" may mean (label PERSON).
        Not "a man" nor "one local woman": someone met in passing, often named right after."""
        low = tok.lemma_.lower()
        if tok.tag_ != "NN" or low not in MALE_NOUNS | FEMALE_NOUNS:
            return None
        if not any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts
        ) or any(c.dep_ == "appos" for c in tok.children):
            return None
        self.gender.setdefault(name, "m" if low in MALE_NOUNS else "f")
        return "PERSON"


NOBODY = Speaker(None)  # a rule's answer that the description names no one (the rules after it are not tried)


@dataclass
class Described:
    """A common-noun subject and what the description rules read off it."""

    tok: object
    cue_text: str
    lemma: str
    words: set  # the words on its left
    span: tuple[int, int]  # its characters, from its first modifier outside quotation marks
    owner: object  # its possessive ("his aides", "Sanders's campaign"), or None

    @classmethod
    def of(cls, res: Resolver, tok, cue_text: str) -> Described:
        span = (tok.left_edge.idx, tok.idx + len(tok.text))
        if tok.left_edge.i < tok.i and res.in_quote[tok.left_edge.i]:
            span = (tok.idx, span[1])
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        return cls(tok, cue_text, tok.lemma_.lower(), {c.lower_ for c in tok.lefts}, span, owner)

    def text(self, res: Resolver) -> str:
        return res.text[self.span[0] : self.span[1]]


def pair_named_together(res: Resolver, d: Described) -> Speaker | None:
    """ "the two countries", "both sides": the last pair of that kind named together."""
    if d.lemma not in PAIR_NOUNS or not d.words & PAIR_WORDS:
        return None
    want = PAIR_NOUNS[d.lemma]
    for pos, lab, names in reversed(res.pairs):
        if pos < d.tok.idx and lab == want:
            return Speaker(
                "; ".join(names),
                list(names),
                d.span[0],
                d.span[1],
                f"speaker: '{d.text(res)}' → {' and '.join(names)}, the last pair named together",
                0.75,
                want,
                True,
            )
    return None


def pair_named_apart(res: Resolver, d: Described) -> Speaker | None:
    """ "the two leaders", "both presidents", named apart ("Xi held talks with Lula …"): the last two people named
    before (this paragraph and the two before), those described by the noun first ("President …")."""
    if d.lemma not in PAIR_NOUNS or PAIR_NOUNS[d.lemma] != "PERSON" or not d.words & PAIR_WORDS:
        return None
    para = res.para_of(d.tok.idx)
    described = {canon for pos, canon, lab, nouns in res.descriptors if lab == "PERSON" and d.lemma in nouns}
    people: list[str] = []
    for m in _people_before(res, d.tok):
        if para - res.para_of(m.start) <= 2 and m.canonical not in people:
            people.append(m.canonical)
    chosen = [p for p in people if p in described][:2]
    chosen = chosen if len(chosen) == 2 else people[:2]
    if len(chosen) != 2:
        return None
    names = sorted(chosen, key=people.index, reverse=True)  # in the order the article named them
    return Speaker(
        "; ".join(names),
        names,
        d.span[0],
        d.span[1],
        f"speaker: '{d.text(res)}' → {' and '.join(names)}, the last two people named",
        0.7,
        "PERSON",
        True,
    )


def title_of_a_person(res: Resolver, d: Described) -> Speaker | None:
    """ "the Secretary of State", "the foreign minister": the person the article named with that title before it,
    the nearest ("Secretary of State Mary Colton", "Mary Colton, the U.S. secretary of state, …")."""
    if not _definite(d) or d.tok.tag_ in ("NNS", "NNPS"):
        return None
    title = _title_words(res, d.tok)
    if title is None:
        return None
    before = re.compile(r"\b" + title + r"\s*,?\s*$")
    after = re.compile(r"\s*,\s*(?:the\s+|a\s+)?(?:[\w.\-’']+\s+){0,3}" + title + r"\b")
    return _person_named_with(res, d, before, after, "named earlier with that title")


def leader_of_a_nation(res: Resolver, d: Described) -> Speaker | None:
    """ "the Russian leader", "the Chinese leader": the person the article named before as that nation's head of
    state or government ("Russian President Vladimir Putin", "Chinese President Xi Jinping"), the nearest."""
    if not _definite(d) or d.lemma != "leader" or d.tok.tag_ in ("NNS", "NNPS"):
        return None
    nation = next((t.lower_ for t in d.tok.lefts if t.dep_ == "amod" and t.ent_type_ == "NORP"), None)
    if nation is None:
        return None
    before = re.compile(r"\b" + re.escape(nation) + r"\s+(?:" + "|".join(LEADER_TITLES) + r")\s*,?\s*$")
    return _person_named_with(res, d, before, None, f"named earlier as {nation.capitalize()} head of state")


def _person_named_with(res: Resolver, d: Described, before, after, why: str, people=None) -> Speaker | None:
    """The first of `people` (by default those named before `d`, the nearest first) whose words just before
    (`before`, a pattern on the lower-cased text ending there) or just after (`after`) give the title `d` uses; or
    None."""
    for m in _people_before(res, d.tok) if people is None else people:
        left = " ".join(res.text[max(0, m.start - 80) : m.start].casefold().split())
        right = " ".join(res.text[m.end : m.end + 80].casefold().split())
        if before.search(left) or after is not None and after.match(" " + right if right[:1] == "," else right):
            basis = f"speaker: '{d.text(res)}' → {m.canonical}, {why}"
            return Speaker(m.canonical, [m.canonical], d.span[0], d.span[1], basis, 0.75, "PERSON", True)
    return None


def _pointing_back(c: Candidate, span, basis: str, confidence: float, label, named: bool) -> Speaker:
    """The speaker a pronoun at `span` means: the earlier candidate `c`'s names."""
    return Speaker(c.speaker.name, list(c.speaker.names), span[0], span[1], basis, confidence, label, named)


def _name_in_apposition(tok, mention_at: dict):
    """ "… and his Russian counterpart Sergei Lavrov": the name set beside a description (its apposition), or None."""
    return next((c for c in tok.children if c.dep_ == "appos" and c.i in mention_at), None)


def _quoting_agent(tok) -> bool:
    """The agent of a passive verb of quoting in a main clause ("was quoted by [Xinhua]", "was cited by [TASS]")."""
    by = tok.head
    verb = by.head
    return tok.dep_ == "pobj" and by.dep_ == "agent" and verb.lemma_ in QUOTING_VERBS and _is_main_clause(verb)


def _people_before(res: Resolver, tok) -> list[Mention]:
    """The people named before token `tok`, outside quotation marks, one mention each, the nearest first."""
    seen, out = set(), []
    for i in sorted((i for i in res.mention_at if i < tok.i), reverse=True):
        m = res.mention_at[i]
        if m.label == "PERSON" and not res.in_quote[i] and m.start not in seen:
            seen.add(m.start)
            out.append(m)
    return out


def _title_words(res: Resolver, tok) -> str | None:
    """A title's words as a pattern, lower case: the noun, the words in compound before it (a party's, not a
    country's: "the Republican nominee", "the U.S. secretary of state") and an "of" phrase ("secretary of state",
    "foreign minister"); None for a noun no office ends in, or one word alone."""
    if tok.lemma_.lower() not in PEOPLE_NOUNS and tok.pos_ != "PROPN":
        return None
    words = [t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod") and t.ent_type_ != "GPE"]
    words.append(tok.lower_)
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.right_edge.i - of.i <= 3:
        words += [t.lower_ for t in res.doc[of.i : pobj.right_edge.i + 1]]
    if len(words) < 2:
        return None  # "the ambassador": `named_earlier_as`
    return r"\s+".join(OFFICE_WRITTEN.get(w, re.escape(w)) for w in words)


def voice_of_a_pronoun(res: Resolver, d: Described) -> Speaker | None:
    """ "His aides say …": the voice of the person "his" refers to."""
    owner = d.owner
    if owner is None or d.lemma not in VOICE_NOUNS or owner.lower_ not in ("his", "her"):
        return None
    sp = res.pronoun(owner, d.cue_text, "he" if owner.lower_ == "his" else "she")
    if sp is None:
        return None
    label = "ORG" if d.lemma in COLLECTIVE_VOICES else sp.label
    return Speaker(
        f"{sp.name}'s {d.tok.text}",
        list(sp.names),
        d.span[0],
        d.span[1],
        f"speaker: '{d.text(res)}', speaking for {sp.name} ('{owner.text}' → {sp.name})",
        0.6,
        label,
        True,
    )


def voice_of_a_name(res: Resolver, d: Described) -> Speaker | None:
    """ "Sanders's campaign", "Cameron's spokesman": the voice of someone named."""
    m = res._mention_for(d.owner) if d.owner is not None and d.lemma in VOICE_NOUNS else None
    if m is None or m.label not in ("PERSON", "ORG", "GPE"):
        return None
    return _voice_of(res, d, res._named(m, d.owner, d.cue_text))


def _voice_of(res: Resolver, d: Described, sp: Speaker) -> Speaker:
    """Description `d` (a spokesman, a campaign) as the voice of `sp`: named for them, linked to them."""
    label = "ORG" if d.lemma in COLLECTIVE_VOICES else sp.label  # a campaign is an "it" or a "they"
    return Speaker(
        f"{sp.name}'s {d.tok.text}",
        list(sp.names),
        d.span[0],
        d.span[1],
        f"speaker: '{d.text(res)}', speaking for {sp.name}",
        0.7,
        label,
        True,
    )


def voice_for_someone(res: Resolver, d: Described) -> Speaker | None:
    """ "a spokesman for the Polish Foreign Ministry", "a spokeswoman for the ministry": the voice of the body or person
    named (or described and found: `the ministry` → the ministry named before). Only a voice that speaks for them
    (`SPOKES_NOUNS`): "an aide to Putin" or "attorneys for the family" speak for themselves."""
    if d.lemma not in SPOKES_NOUNS or d.owner is not None:
        return None
    prep = next((c for c in d.tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
    src = next((x for x in prep.children if x.dep_ == "pobj"), None) if prep is not None else None
    if src is None or res.in_quote[src.i] or src.pos_ == "PRON":
        return None
    sp = res._single(src, d.cue_text)
    if sp is None or not sp.name or not sp.named:
        return None
    return _voice_of(res, d, sp)


def author_of_a_writing(res: Resolver, d: Described) -> Speaker | None:
    """ "Trump's statement", "a letter from his doctor": its author."""
    if d.lemma not in WRITINGS or d.tok.pos_ != "NOUN":
        return None
    sp = res._author(d.tok, d.cue_text)
    if sp is None:
        return None
    return _speaking_for(res, d, sp, "its author", sp.named, antecedent=False)


def the_writing_named_before(res: Resolver, d: Described) -> Speaker | None:
    """ "Moscow and Beijing said in a joint statement … The statement, released after talks, said …": the one who
    spoke in the writing of that name mentioned before (the nearest, outside quotation marks)."""
    if d.lemma not in WRITINGS or d.tok.pos_ != "NOUN" or not _definite(d):
        return None
    for t in reversed(res.doc[: d.tok.i]):
        if t.lemma_.lower() != d.lemma or res.in_quote[t.i]:
            continue
        verb = t.head if _issued(t) else t.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        said_in = t.dep_ == "pobj" and t.head.lower_ == "in"
        if not (said_in or _issued(t)) or verb.pos_ != "VERB" or not subjects:
            return None  # the nearest such writing is no one's said words
        # (the first subject that names someone: a dateline the parse made a subject names no one)
        sp = next((sp for c in subjects if (sp := res.resolve(c, d.cue_text)) is not None and sp.name), None)
        if sp is None:
            return None
        return _speaking_for(res, d, sp, f"whose {d.lemma} it named before", sp.named)
    return None


def _issued(writing) -> bool:
    """ "signed [a joint statement]", "issued [a statement]": a writing its verb's subject put out."""
    return writing.dep_ == "dobj" and writing.head.lemma_.lower() in ISSUING_VERBS


def _speaking_for(res: Resolver, d: Described, sp: Speaker, why: str, named: bool, antecedent: bool = True) -> Speaker:
    """The description `d` as `sp`, who speaks through it (a writing's author, a thing's owner): `why` says how."""
    return Speaker(
        sp.name,
        list(sp.names),
        d.span[0],
        d.span[1],
        f"speaker: '{d.text(res)}' → {sp.name}, {why}",
        sp.confidence * 0.9,
        sp.label,
        named,
        antecedent=antecedent,
    )


def people_counted(res: Resolver, d: Described) -> Speaker | None:
    """ "a number of lawmakers said": the lawmakers (or no one, when they are no one we can name)."""
    of = next((c for c in d.tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if d.lemma not in QUANTITIES or of is None:
        return None
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if pobj is None or res.in_quote[pobj.i]:
        return None
    sp = res._single(pobj, d.cue_text)
    return NOBODY if sp is None else sp


def _definite(d: Described) -> bool:
    return any(c.lower_ in ("the", "this", "that") and c.dep_ == "det" for c in d.tok.lefts)


def _their_own(d: Described) -> bool:
    """ "his Russian counterpart", "her deputy": a description owned by a personal pronoun, definite as "the" is."""
    return d.owner is not None and d.owner.lower_ in ("his", "her", "their") and d.tok.tag_ == "NN"


def the_company(res: Resolver, d: Described) -> Speaker | None:
    """ "The company said": the company last the subject of a sentence, not the last one named ("… through
    underwriters Stephens Inc and Cazenove Inc. The company said …")."""
    tok, lemma = d.tok, d.lemma
    if not _definite(d) or tok.pos_ != "NOUN" or lemma not in COMPANY_NOUNS:
        return None
    companies = {canon for pos, canon, lab, nouns in res.descriptors if pos < tok.idx and lemma in nouns}
    subject = next(
        (c.speaker for c in reversed(res.candidates) if c.pos < tok.idx and c.speaker.name in companies), None
    )
    if subject is None:
        return None
    return Speaker(
        subject.name,
        [subject.name],
        d.span[0],
        d.span[1],
        f"speaker: '{d.text(res)}' → {subject.name}, the {lemma} last the subject of a sentence",
        0.7,
        "ORG",
        True,
    )


def named_earlier_as(res: Resolver, d: Described) -> Speaker | None:
    """ "the ministry", "the Florida senator": the last one named who was described by that noun (and places), or by
    another word for the same office ("Ambassador Zhang Hanhui" … "the envoy": `OFFICE_KIN`)."""
    tok, lemma = d.tok, d.lemma
    if not (_definite(d) or _their_own(d)) or tok.pos_ != "NOUN":
        return None
    places = {t.lower_ for t in tok.subtree if t.i < tok.i and t.ent_type_ in ("GPE", "NORP")}
    kin = OFFICE_KIN.get(lemma, {lemma})  # "Ambassador Zhang Hanhui" … "the envoy"
    for pos, canon, lab, nouns in reversed(res.descriptors):
        if pos < tok.idx and kin & nouns and places <= nouns:
            return Speaker(
                canon,
                [canon],
                d.span[0],
                d.span[1],
                f"speaker: '{d.text(res)}' → {canon}, named earlier as '{lemma}'",
                0.7,
                lab,
                True,
            )
    return None


NAMED_NEXT_PARAGRAPHS = 1  # how far past a description's paragraph the person it describes may be named


def named_next_with_that_title(res: Resolver, d: Described) -> Speaker | None:
    """ "China's ambassador to Moscow said …" ¶ "… ambassador Zhang Hanhui told RIA": a lede that describes a person
    whom the next paragraph names with the same office, right before the name or after it ("Zhang Hanhui, the
    ambassador, …"); the first such person, when no one was named with it before."""
    tok = d.tok
    if tok.pos_ != "NOUN" or tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() not in PEOPLE_NOUNS:
        return None
    title = re.escape(tok.lower_)
    before = re.compile(r"\b" + title + r"\s*,?\s*$")
    after = re.compile(r"\s*,\s*(?:[\w.\-’']+\s+){0,4}" + title + r"\b")
    return _person_named_with(res, d, before, after, "named next with that title", _people_next(res, tok))


def named_after_the_lede(res: Resolver, d: Described) -> Speaker | None:
    """ "MOSCOW — Trade is settled in roubles, the Chinese ambassador to Russia has said." ¶ "Zhang Hanhui said in an
    interview …" … "The ambassador said …", "the envoy said …": a lede whose subject describes a person before the
    article names anyone, and a next paragraph whose first subject is a person named in full: that person, for the
    lede's description and for a later one of the same office (`OFFICE_KIN`). Not "a source" (indefinite)."""
    tok = d.tok
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or d.lemma not in PEOPLE_NOUNS or not (_definite(d) or d.owner):
        return None
    kin = OFFICE_KIN.get(d.lemma, {d.lemma})
    lede = next((t for t in res.doc[: tok.i + 1] if _describes_the_lede_speaker(res, t, kin)), None)
    if lede is None:
        return None
    named = _first_subject_named(res, res.para_of(lede.idx) + 1, kin)
    if named is None:
        return None
    name, start = named
    if any(m.label == "PERSON" and m.start < start for m in res.mention_at.values()):
        return None  # someone was named before: the lede's description may be another
    basis = f"speaker: '{d.text(res)}' → {name}, the lede's {lede.lower_}, named in the next paragraph"
    return Speaker(name, [name], d.span[0], d.span[1], basis, 0.7, "PERSON", True)


def _describes_the_lede_speaker(res: Resolver, t, kin: set) -> bool:
    """A singular description of one of `kin`, definite or possessive, the subject of a verb, outside quotes."""
    return (
        t.pos_ == "NOUN"
        and t.tag_ == "NN"
        and t.lemma_.lower() in kin
        and t.dep_ == "nsubj"
        and not res.in_quote[t.i]
        and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    )


def _first_subject_named(res: Resolver, para: int, kin: set) -> tuple[str, int] | None:
    """(the name, where it starts) of paragraph `para`'s first subject, when it is a person named in full (a name
    the recogniser missed too: two or three proper nouns) with no office but one of `kin` ("minister Ilse Marko" is
    not the lede's ambassador)."""
    for t in res.doc:
        if res.para_of(t.idx) < para or t.dep_ != "nsubj" or res.in_quote[t.i]:
            continue
        if res.para_of(t.idx) > para or _another_office(t, kin):
            return None
        m = res.mention_at.get(t.i)
        if m is not None:
            return (m.canonical, m.start) if m.label == "PERSON" and len(m.canonical.split()) >= 2 else None
        names = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
        if t.pos_ == "PROPN" and not t.ent_type_ and 2 <= len(names) <= 3 and t.i - names[0].i == len(names) - 1:
            return " ".join(n.text for n in names), names[0].idx
        return None
    return None


def _another_office(name, kin: set) -> bool:
    """A name set beside an office that is none of `kin` ("minister Ilse Marko", "Ilse Marko, the minister")."""
    beside = [c for c in name.children if c.dep_ in ("compound", "amod", "appos")]
    offices = {t.lemma_.lower() for c in beside for t in c.subtree if t.lemma_.lower() in PEOPLE_NOUNS}
    return bool(offices - kin)


def _people_next(res: Resolver, tok) -> list[Mention]:
    """The people named after token `tok`, outside quotation marks, in its paragraph and the next
    (`NAMED_NEXT_PARAGRAPHS`), the nearest first."""
    para = res.para_of(tok.idx)
    out: list[Mention] = []
    for i in sorted(i for i in res.mention_at if i > tok.i):
        m = res.mention_at[i]
        if res.para_of(m.start) - para > NAMED_NEXT_PARAGRAPHS:
            break
        if m.label == "PERSON" and not res.in_quote[i] and not (out and out[-1].start == m.start):
            out.append(m)
    return out


def date_for_a_name(res: Resolver, d: Described) -> Speaker | None:
    """ "Saturday said": a parse gone wrong, not a name: no one."""
    return NOBODY if d.tok.pos_ == "PROPN" and d.tok.ent_type_ in ("DATE", "TIME") else None


def untagged_name(res: Resolver, d: Described) -> Speaker | None:
    """A name the entity recogniser missed: the proper nouns in compound, a person a later "he"/"she" may mean."""
    tok = d.tok
    if tok.pos_ != "PROPN":
        return None
    toks = [tok]
    while (
        toks[0].i > 0
        and res.doc[toks[0].i - 1].dep_ == "compound"
        and res.doc[toks[0].i - 1].pos_ == "PROPN"
        and res.doc[toks[0].i - 1].head.i == tok.i
    ):
        toks.insert(0, res.doc[toks[0].i - 1])
    while len(toks) > 1 and toks[0].lower_ in TITLE_WORDS:  # "said Mayor Ines Varo": the name without the office
        toks.pop(0)
    name = " ".join(t.text for t in toks)
    if len(toks) <= 1 and not name[:1].isupper():
        return None
    return Speaker(
        name,
        [name],
        toks[0].idx,
        tok.idx + len(tok.text),
        f"speaker: subject of '{d.cue_text}' (a name not tagged as an entity)",
        0.6,
        "PERSON" if tok.ent_type_ == "" else None,
        False,
    )


def owner_of_a_thing(res: Resolver, d: Described) -> Speaker | None:
    """ "the rejection of the treaty", "the first incident": no one who speaks; but what someone owns speaks for its
    owner ("His assumption, confidently stated on live TV, was that …": his)."""
    if may_speak(d.tok):
        return None
    sp = res._author(d.tok, d.cue_text) if d.owner is not None else None
    if sp is None or not sp.named:
        return NOBODY
    return _speaking_for(res, d, sp, "its owner", True, antecedent=False)


def unnamed_description(res: Resolver, d: Described) -> Speaker | None:
    """An unnamed source: the description itself ("officials", "a Democratic strategist")."""
    name = res._unnamed(d.tok)
    if name is None:
        return NOBODY
    return Speaker(
        name,
        [name],
        d.span[0],
        d.span[1],
        f"speaker: '{name}' (unnamed), subject of '{d.cue_text}'",
        0.5,
        res._unnamed_person(d.tok, name),
        False,
    )


DESCRIPTION_RULES = (
    pair_named_together,
    pair_named_apart,
    title_of_a_person,
    leader_of_a_nation,
    voice_of_a_pronoun,
    voice_of_a_name,
    voice_for_someone,
    author_of_a_writing,
    the_writing_named_before,
    people_counted,
    the_company,
    named_earlier_as,
    named_next_with_that_title,
    named_after_the_lede,
    date_for_a_name,
    untagged_name,
    owner_of_a_thing,
    unnamed_description,
)


def _gender_of(name: str, male: int, female: int, pronouns: list[int]) -> str | None:
    """ "m" or "f": by the titles and nouns counted, else the given name, else the pronouns counted; or None."""
    given = name.casefold().split()[0] if name.strip() else ""
    if male != female:
        return "m" if male > female else "f"
    if (given in MALE_NAMES) != (given in FEMALE_NAMES):
        return "m" if given in MALE_NAMES else "f"
    if pronouns[0] != pronouns[1]:
        return "m" if pronouns[0] > pronouns[1] else "f"
    return None


def may_speak(tok) -> bool:
    """A common noun that may be a speaker: people ("officials", "a Democratic strategist", "the crowd"), a body
    ("the campaign"), a record or writing ("the report", "a statement", "the ad"), a poll's share ("47
    percent") or a name written in lower case. Not an abstract noun or a thing ("the first incident", "the
    rejection", "his final assessment", "water bottles")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.text[:1].isupper():
        return True  # a name the parse took for a common noun ("Hannity", "Mills")
    if (
        lemma in PEOPLE_NOUNS
        or lemma in BODY_NOUNS
        or lemma in DOCUMENT_NOUNS
        or lemma in WRITINGS
        or lemma in GROUP_NOUNS
        or lemma in READ_NOUNS
        or lemma in SHARE_WORDS
        or tok.ent_type_ == "PERCENT"
        or lemma in VOICE_NOUNS
        or lemma in MALE_NOUNS | FEMALE_NOUNS
        or lemma in PAIR_NOUNS
        or lemma in TITLE_ABBREVIATIONS.values()
        or lemma in QUANTITIES
        or low in PEOPLE_QUANTIFIERS
    ):
        return True
    return not lemma.endswith(ABSTRACT_SUFFIXES)


def _one_of_theirs(tok) -> bool:
    """ "a Clinton aide", "one Trump confidant", "a GOP strategist": a person described by whom they work for, not
    that one (a spokesperson speaks for them: "a Kremlin spokesman")."""
    lemma = tok.lemma_.lower()
    return (
        lemma in PEOPLE_NOUNS
        and lemma not in ("spokesman", "spokeswoman", "spokesperson")
        and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in tok.lefts)
    )


def group_of_a_member(tok):
    """ "one of his senior aides", "many of the hard-liners", "some of them": the group a number or a quantifier
    is of (the object of its "of"), which speaks for it; None for any other word, and for a group ranked by a
    superlative or an ordinal ("one of the hardest things", "one of her first moves": a property, not speakers)."""
    if tok.pos_ != "NUM" and tok.lower_ not in PEOPLE_QUANTIFIERS | MEMBER_WORDS:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or any(_ranks(c) for c in group.children if c.dep_ == "amod"):
        return None
    return group


def _ranks(adjective) -> bool:
    """A superlative ("hardest", "most important") or an ordinal ("first", "last")."""
    return (
        adjective.tag_ == "JJS"
        or adjective.ent_type_ == "ORDINAL"
        or adjective.lower_ in ("first", "last", "only")
        or any(c.lower_ in ("most", "least") for c in adjective.children)
    )


def doc_range(doc, a: int, b: int):
    return (doc[i] for i in range(a, b))


def verb_of(tok):
    """The nearest verb among a token and its heads (the root, if none): for a word, the verb of its clause."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


def _is_main_clause(verb) -> bool:
    """The verb heads its sentence (or a conjunct or parenthetical of the head)."""
    v = verb
    for _ in range(4):
        if v.dep_ == "ROOT":
            return True
        if v.dep_ in ("conj", "parataxis", "ccomp") and v.head.i != v.i:
            if v.dep_ == "ccomp" and v.i > v.head.i:
                return False
            v = v.head
            continue
        return False
    return False


def _person_speaker(m: Mention, span, basis: str) -> Speaker:
    """A pronoun's speaker: the person of mention `m`, named, at three quarters' confidence."""
    return Speaker(m.canonical, [m.canonical], span[0], span[1], basis, 0.75, "PERSON", True)


def _names_the_body(tok, m: Mention) -> bool:
    """ "China's state broadcaster CCTV", "the news agency, Interfax": an organisation's name set beside the
    description of a body (not of a person's: "Scott's niece, … (D-Newport News)" is no one's name)."""
    return m.label == "ORG" and tok.pos_ == "NOUN" and tok.lemma_.lower() in BODY_NOUNS
