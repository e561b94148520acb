"""Entity mentions → canonical entities.

Within an article: spaCy's entities (plus the domain patterns in `nlp`) are
cleaned of leading titles, articles and possessives; countries and
organisations go through a small gazetteer of formal names and abbreviations
("PRC" → China, "U.S." → United States); a person named by one word ("Xi",
"XI", "Wang") resolves to the full name in the same article whose family name
it is, with family-name-first order for East Asian names. Across the corpus,
a one-word person no article resolved joins the unique person with that
family name (see `model.corpus.entity_refresh`).

Distinct people are never merged: resolution needs the same family name, never
a shared given name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from model.bodies import country_prefix
from model.extract.datelines import dateline_places, dateline_spans, inside
from model.lexicon.countries import STATE_BODY_PHRASES, STATE_BODY_WORDS
from model.lexicon.entity_names import (
    ALIAS_TITLES,
    CHINESE_FAMILY_NAMES,
    FAMILY_FIRST,
    FORMAL_NAMES,
    KEEP_LABELS,
    LEADING_DETERMINERS,
    NOT_PINYIN_NAMES,
    PINYIN_SYLLABLE,
    SHORT_FORM,
    TITLE_WORDS,
)
from model.lexicon.people import BODY_NAME_WORDS, COMPANY_NAME_WORDS, FEMALE_NAMES, MALE_NAMES, PEOPLE_NOUNS
from model.records import DATELINE_PLACE_BASIS, Mention

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_APOS)).strip().casefold()


# Formal names and abbreviations of places and bodies → canonical name and label (`lexicon.entity_names`).
GAZETTEER: dict[str, tuple[str, str]] = {
    _key(form): (canon, label) for canon, label, forms in FORMAL_NAMES for form in forms
}

_GLUED_QUOTE = re.compile(r".*[”\"](?=[A-Z])")  # a closing quotation mark with no space before the next word
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INITIAL = re.compile(r"^[A-Z]\.$")


_TRAILING = ("'s", "’s", "'", "’", "-", "–", "—", ",", ".", "(", "[")  # never the end of a name


def _clean_span(doc, ent, full: str | None = None):
    """Trim leading articles/titles and trailing possessives; return (start_char, end_char, title) or None.
    `full` is `doc.text`, which spaCy rebuilds from every token on each access: pass it when calling in a loop."""
    if full is None:
        full = doc.text
    toks, title = _strip_titles(_tokens_on_one_line(ent), ent.label_)
    if not toks:
        return None
    start, end = _trimmed_chars(full, toks)
    if ent.label_ == "PERSON" and _ends_the_sentence_with_its_full_stop(toks[-1]):
        end -= 1  # "… his counterpart Dong Jun.": the tokenizer took "Jun." for the month
    if not _is_name(full[start:end]):
        return None
    return start, end, _office(doc, ent, toks, title)


NAME_ABBREVIATIONS = {"jr", "sr"}  # a person's name may end in these, with their full stop


def _ends_the_sentence_with_its_full_stop(tok) -> bool:
    """A word of a name glued to the sentence's full stop ("Jun."): not an initial ("J.") nor "Jr."."""
    word = tok.text[:-1]
    last = tok.i == tok.sent.end - 1 or all(t.is_punct or t.is_space for t in tok.doc[tok.i + 1 : tok.sent.end])
    return (
        tok.text.endswith(".") and len(word) >= 3 and word.isalpha() and word.lower() not in NAME_ABBREVIATIONS and last
    )


def _tokens_on_one_line(ent) -> list:
    """The entity's tokens up to a line break (a name never runs over one), and for people up to a possessive."""
    toks = []
    for t in ent:
        if t.is_space or "\n" in t.text or (toks and "\n" in toks[-1].whitespace_):
            break
        if ent.label_ == "PERSON" and toks and t.text in ("'s", "’s"):
            break
        toks.append(t)
    return toks


def _strip_titles(toks: list, label: str) -> tuple[list, list]:
    """(the name's tokens, the title tokens before it): leading determiners go, and for people the titles."""
    title = []
    while toks and toks[0].lower_ in LEADING_DETERMINERS:
        toks = toks[1:]
    if label == "PERSON":
        while len(toks) > 1 and toks[0].lower_ in TITLE_WORDS:
            title.append(toks[0])
            toks = toks[1:]
    while toks and toks[-1].text in _TRAILING:
        toks = toks[:-1]
    return toks, title


def _trimmed_chars(full: str, toks: list) -> tuple[int, int]:
    """The tokens' character span, without a glued quotation mark, wire-copy angle brackets or a possessive."""
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    glued = _GLUED_QUOTE.match(toks[0].text)
    if glued and glued.end() < len(toks[0].text):  # 'paranoia,”Clinton' is one token: the name is what follows
        start += glued.end()
    while end > start and full[end - 1] in "<>":  # wire copy marks names and tickers: "<Sedio N.V.>", "<IBM>"
        end -= 1
    while start < end and full[start] in "<>":
        start += 1
    text = full[start:end]
    m = _POSSESSIVE.search(text)
    if m and len(text) > m.end() - m.start():
        end -= m.end() - m.start()
    return start, end


def _is_name(text: str) -> bool:
    if not text.strip() or not any(c.isalpha() for c in text):
        return False
    if text.casefold() in TITLE_WORDS:  # "Secretary of State" tagged State: an office word, not a name
        return False
    return any(c.isupper() for c in text)  # names are capitalised; "cts", "fed" in lower-case copy are not


def _office(doc, ent, toks: list, title: list) -> str | None:
    """An office word right before the name ("President Xi"): from the span or the text before it."""
    prev = [t for t in title if t.text[:1].isupper()]
    if not prev and ent.start > 0:
        t = _office_before(doc, ent, toks)
        prev = [t] if t is not None else []
    return prev[-1].text if prev and prev[-1].lower_ in ALIAS_TITLES else None


def _office_before(doc, ent, toks: list):
    """The capitalised office word just before the name's first token, within a token of the entity's span."""
    if toks[0].i == 0:
        return None
    t = doc[toks[0].i - 1]
    return t if t.text[:1].isupper() and t.lower_ in ALIAS_TITLES and t.i >= ent.start - 1 else None


def _name_tokens(name: str) -> list[str]:
    return [w for w in name.split() if not _INITIAL.match(w)]


def family_name(name: str) -> str:
    """The family name in a person's full name: first word for East Asian order, else the last."""
    words = _name_tokens(name)
    if not words:
        return name
    if (
        2 <= len(words) <= 3
        and words[0].casefold() in FAMILY_FIRST
        and words[-1].casefold().rstrip(".") not in ("jr", "sr")
    ):
        return words[0]
    last = words[-1]
    if last.casefold().rstrip(".") in ("jr", "sr", "ii", "iii") and len(words) > 1:
        last = words[-2]
    return last


def _normalise_case(name: str) -> str:
    """'XI JINPING' → 'Xi Jinping'; mixed case is kept as written."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters) and " " in name:
        return " ".join(w.capitalize() for w in name.split())
    return name


def resolve_mentions(doc) -> list[Mention]:
    """Mentions of entities in one article, each with its in-article canonical name."""
    full = doc.text  # spaCy joins every token on each access: once per article
    raw = _with_names_in_apposition(doc, _names_apart_at_commas(full, _raw_mentions(doc, full)))
    raw = _known_people_again(full, _people_tagged_as_bodies(_pinyin_names(full, raw)))
    people = _people_named_in_full(raw)
    out = [_resolve(r, people) for r in raw]
    out.extend(_unlabelled_family_mentions(doc, out, people.canon_of_family))
    _bodies_of_their_possessor(out, full)
    _bodies_with_their_country(out)
    out = _dateline_places_as_places(out, full)
    _dateline_places_in_their_case(out, full)
    out.sort(key=lambda m: m.start)
    return out


def _dateline_places_as_places(mentions: list[Mention], full: str) -> list[Mention]:
    """A wire dateline's place is a place, whatever the recogniser made of its capitals ("SHANGHAI" untagged, "KAZAN"
    an organisation, "ST" of "ST PETERSBURG" alone): one place mention over it, in place of those inside it. Its
    date names no one ("Oct 2" tagged as a person)."""
    for (s, e), date in dateline_places(full):
        if date is not None:
            mentions = [m for m in mentions if not (date[0] <= m.start and m.end <= date[1])]
        inside_it = [m for m in mentions if s <= m.start and m.end <= e]
        if any(m.start < e and s < m.end for m in mentions if m not in inside_it):
            continue  # a mention running past it: left as it is
        if (
            len(inside_it) == 1
            and (inside_it[0].start, inside_it[0].end) == (s, e)
            and inside_it[0].label in ("GPE", "LOC")
        ):
            inside_it[0].basis = DATELINE_PLACE_BASIS
            continue
        mentions = [m for m in mentions if m not in inside_it]
        text = full[s:e]
        mentions.append(Mention(s, e, text, "GPE", text, basis=DATELINE_PLACE_BASIS))
    return mentions


def _dateline_places_in_their_case(mentions: list[Mention], full: str) -> None:
    """A place in a wire dateline is written in capitals by convention ("KAZAN, Russia (Reuters) -"): its name is
    as the article writes it elsewhere ("in Kazan"), else in title case ("MOSCOW" → "Moscow"). In place."""
    filed = dateline_spans(full)
    if not filed:
        return
    written = {m.canonical.casefold(): m.canonical for m in mentions if not m.canonical.isupper()}
    for m in mentions:
        if m.label in ("GPE", "LOC") and m.canonical.isupper() and inside(filed, m.start):
            m.canonical = written.get(m.canonical.casefold(), m.canonical.title())


# Up to three capitalised words (a country's name, possessive or adjective: "Russia's", "South Korean") right before
# a body's name on its line.
_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w.]*(?:['’]s)? ){1,3})$")


def _bodies_of_their_possessor(mentions: list[Mention], full: str) -> None:
    """`Russia's Foreign Ministry`, `the Spanish Foreign Ministry`, whose country the recogniser left out of the
    body's name (a place, a nationality, or no entity at all): the body is that country's (its canonical name written
    with the country, as `model.bodies` reads it), not any foreign ministry the article names. Only a body of a kind
    many states have (`_state_body`). In place."""
    for m in mentions:
        if m.label != "ORG" or not _state_body(m.canonical) or _with_country(m.canonical):
            continue
        before = _WORDS_BEFORE.search(full[max(0, m.start - 60) : m.start])
        if before is None:
            continue
        words = before.group(1).split()
        for n in range(len(words), 0, -1):
            named = " ".join([*words[-n:], m.canonical])
            found = country_prefix(named)
            if found and found[1] == m.canonical:
                m.canonical, m.basis = named, f"{m.basis}; the body of {found[0]}, written before it"
                break


def _state_body(name: str) -> bool:
    """Whether `name` is of the kind of body many states have (`STATE_BODY_WORDS`): "Foreign Ministry", not "Okuma
    Machinery"."""
    words = [w.casefold() for w in re.findall(r"[\w-]+", name)]
    pairs = set(zip(words, words[1:]))
    return any(w in STATE_BODY_WORDS for w in words) or any(p in pairs for p in STATE_BODY_PHRASES)


def _bodies_with_their_country(mentions: list[Mention]) -> None:
    """`the State Department` in an article that names `the U.S. State Department` is that body: an organisation
    named without its country joins the organisation of the article named with a country (its name, possessive or
    adjective: `model.bodies`) or a body of the gazetteer ("UN") before the same words, the form named most often when it is written more ways than
    one. Two countries (`Chinese Foreign Ministry`, `Russian Foreign Ministry`): it joins neither. In place."""
    with_country: dict[str, dict[str, Counter]] = {}
    for m in mentions:
        named = _with_country(m.canonical) if m.label == "ORG" else None
        if named and len(named[1].split()) > 1:
            with_country.setdefault(_key(named[1]), {}).setdefault(named[0], Counter())[m.canonical] += 1
    for m in mentions:
        countries = with_country.get(_key(m.canonical)) if m.label == "ORG" else None
        if countries and len(countries) == 1:
            (forms,) = countries.values()
            body = forms.most_common(1)[0][0]
            m.canonical, m.basis = body, f"{m.basis}; the body this article names with its country, {body}"


def _with_country(name: str) -> tuple[str, str] | None:
    """(the country or body at the head of an organisation's name, the rest): a country as `model.bodies` knows
    it ("Chinese", "China's"), or a place or body of the gazetteer written first ("UN Security Council")."""
    words = name.split()
    if len(words) > 1 and _key(words[0]) in GAZETTEER:
        return GAZETTEER[_key(words[0])][0], " ".join(words[1:])
    return country_prefix(name)


def _with_names_in_apposition(doc, raw: list[tuple]) -> list[tuple]:
    """`raw` and the people's names the recogniser missed where a description of a person sets them off ("the
    Russian ambassador to China, Igor Morgulov, said"; "Igor Morgulov, the ambassador, said"): two to four
    capitalised proper nouns in apposition with a noun of people (`PEOPLE_NOUNS`), tagged as nothing else."""
    taken = set()
    for s, e, *_rest in raw:
        taken.update(range(s, e))
    extra = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.idx in taken or not _sets_off_a_person(tok):
            continue
        name = _proper_name_at(doc, tok)
        if name is None or any(t.ent_type_ or t.idx in taken for t in name):
            continue
        s, e = name[0].idx, name[-1].idx + len(name[-1].text)
        taken.update(range(s, e))
        extra.append((s, e, doc.text[s:e], "PERSON", None))
    return sorted(raw + extra, key=lambda r: r[0]) if extra else raw


def _sets_off_a_person(tok) -> bool:
    """A proper noun in apposition with a noun of people (or with the object of its preposition, as the parse may
    hang it: "the envoy to Japan, Petar Dimov"), or with one in apposition to it."""
    described = tok.head
    if tok.dep_ == "appos" and described.dep_ == "pobj" and described.head.dep_ == "prep":
        described = described.head.head
    if tok.dep_ == "appos" and described.pos_ == "NOUN" and described.lemma_.lower() in PEOPLE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PEOPLE_NOUNS for c in tok.children)


def _proper_name_at(doc, tok):
    """The tokens of the name whose last word is `tok` (its proper nouns in compound before it), when they are two to
    four capitalised words and no title or office (`TITLE_WORDS`, `PEOPLE_NOUNS`); else None."""
    first = tok.i
    while first > tok.left_edge.i and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
        first -= 1
    name = doc[first : tok.i + 1]
    if not 2 <= len(name) <= 4 or not all(t.text[:1].isupper() and t.text[1:].islower() for t in name):
        return None
    if any(t.lower_ in TITLE_WORDS or t.lemma_.lower() in PEOPLE_NOUNS for t in name):
        return None  # an office ("Prime Minister"), not a name
    return name


def _raw_mentions(doc, full: str) -> list[tuple]:
    """spaCy's entities of the kept types, cleaned: (start, end, text, label, office)."""
    raw = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        c = _clean_span(doc, ent, full)
        if c is None:
            continue
        s, e, office = c
        raw.append((s, e, full[s:e], ent.label_, office))
    return raw


@dataclass
class _People:
    """The people an article names in full, by family name: what a one-word name resolves to."""

    fulls: dict[str, Counter]  # family (casefold) -> Counter of full-name forms
    canon_of_family: dict[str, str]  # family -> the one full name it stands for
    relatives: dict[str, str]  # family -> the one full name, whose family name alone is someone else
    full_canon: dict[str, str]  # a full-name form (casefold) -> its canonical full name
    first_word: dict[str, set[str]]  # first word of a full name (casefold) -> canonical full names


def _people_named_in_full(raw: list[tuple]) -> _People:
    fulls = _full_names(raw)
    canon_of_family, relatives = _families(fulls, raw)
    full_canon = _canonical_forms(fulls)
    return _People(fulls, canon_of_family, relatives, full_canon, _first_words(fulls, full_canon))


def _full_names(raw: list[tuple]) -> dict[str, Counter]:
    """family (casefold) -> Counter of the full-name forms of people of that family."""
    fulls: dict[str, Counter] = defaultdict(Counter)
    for _s, _e, text, label, _ in raw:
        if label == "PERSON" and len(_name_tokens(text)) >= 2:
            name = _normalise_case(" ".join(text.split()))
            fulls[family_name(name).casefold()][name] += 1
    return fulls


def _families(fulls: dict[str, Counter], raw: list[tuple]) -> tuple[dict[str, str], dict[str, str]]:
    """(family -> the one full name it stands for, family -> the one full name whose family name alone is
    someone else). Several full names sharing a family name (two Wangs) stay apart: a lone surname is then
    ambiguous."""
    canon_of_family: dict[str, str] = {}
    relatives: dict[str, str] = {}
    for fam, forms in fulls.items():
        groups = _group_full_names(forms)
        if len(groups) == 1 and not _someone_else(fam, raw):
            canon_of_family[fam] = groups[0]
        elif len(groups) == 1:
            relatives[fam] = groups[0]
    return canon_of_family, relatives


def _canonical_forms(fulls: dict[str, Counter]) -> dict[str, str]:
    full_canon: dict[str, str] = {}
    for forms in fulls.values():
        for g in _group_full_names(forms, mapping=True).items():
            full_canon[g[0].casefold()] = g[1]
    return full_canon


def _first_words(fulls: dict[str, Counter], full_canon: dict[str, str]) -> dict[str, set[str]]:
    """Fallback for a family-name-first guess gone wrong: the first word of exactly one full name."""
    first_word: dict[str, set[str]] = defaultdict(set)
    for forms in fulls.values():
        for name in forms:
            first_word[_name_tokens(name)[0].casefold()].add(full_canon[name.casefold()])
    return first_word


def _resolve(raw: tuple, people: _People) -> Mention:
    """One mention's canonical entity: the first of `RESOLVERS` that knows it."""
    for resolver in RESOLVERS:
        m = resolver(*raw, people)
        if m is not None:
            return m
    raise AssertionError("the last resolver always answers")


def _by_gazetteer(s, e, text, label, office, people: _People) -> Mention | None:
    """A formal name or abbreviation of a place or body ("PRC" → China)."""
    k = _key(text)
    if k in GAZETTEER and label in ("GPE", "ORG", "LOC", "NORP", "PERSON", "FAC"):
        canon, glabel = GAZETTEER[k]
        return Mention(s, e, text, glabel, canon, basis="gazetteer: '%s' is %s" % (text, canon))
    return None


def _as_relative(s, e, text, label, office, people: _People) -> Mention | None:
    """A family name written alone before its one full name, more than a headline would: someone else."""
    if len(text.split()) == 1 and _name_like(text) and text.casefold() in people.relatives:
        return Mention(
            s,
            e,
            text,
            "PERSON",
            text,
            family=text,
            title=office,
            basis=f"a person of the family of {people.relatives[text.casefold()]}, written alone before "
            "that full name (spaCy said %s)" % label,
        )
    return None


def _by_family_name(s, e, text, label, office, people: _People) -> Mention | None:
    """One word that is the family name (or the first word) of exactly one person named in full here."""
    if len(text.split()) != 1:
        return None
    fam_hit = people.canon_of_family.get(text.casefold()) if _name_like(text) else None
    if fam_hit is None and label == "PERSON":
        cands = people.first_word.get(text.casefold(), set())
        fam_hit = next(iter(cands)) if len(cands) == 1 and text.casefold() not in people.fulls else None
    if not fam_hit:
        return None
    basis = f"family name of {fam_hit} in this article"
    if label != "PERSON":
        basis += f" (spaCy said {label})"
    return Mention(s, e, text, "PERSON", fam_hit, basis=basis, family=family_name(fam_hit), title=office)


def _as_person(s, e, text, label, office, people: _People) -> Mention | None:
    """A person: a full name by its canonical form in this article, or one word left unresolved here."""
    if label != "PERSON":
        return None
    name = _normalise_case(" ".join(text.split()))
    if len(_name_tokens(name)) >= 2:
        canon = people.full_canon.get(name.casefold(), name)
        return Mention(s, e, text, "PERSON", canon, basis="ner: PERSON", family=family_name(canon), title=office)
    return Mention(
        s, e, text, "PERSON", name, basis="ner: PERSON (one word, unresolved here)", family=name, title=office
    )


def _dotted(word: str) -> str:
    """An abbreviation without its full stops ("U.S." → "US")."""
    return word.replace(".", "")


def _as_named(s, e, text, label, office, people: _People) -> Mention:
    """Anything else by its words, a country at the head of an organisation's name written short."""
    words = text.split()
    canon = " ".join(words)
    basis = f"ner: {label}"
    if label == "ORG" and len(words) > 1 and _key(words[0]) in GAZETTEER:  # "U.S. State Department"
        short = SHORT_FORM.get(GAZETTEER[_key(words[0])][0])
        if short and words[0] != short and _dotted(words[0]) == short:  # not "USA Today", "America First"
            canon = " ".join([short] + canon.split()[1:])
            basis += f"; '{words[0]}' written {short}"
    return Mention(s, e, text, label, canon, basis=basis)


# How a mention is resolved, in order: the first that answers wins.
RESOLVERS = (_by_gazetteer, _as_relative, _by_family_name, _as_person, _as_named)


def _known_people_again(full: str, raw: list[tuple]) -> list[tuple]:
    """A person's full name the recogniser tagged as a person somewhere in the article is that person wherever
    else it stands: tagged as something else ("Ivanka Trump" as a PRODUCT or an ORG) or not tagged at all.
    Never inside a longer name ("the Ivanka Trump Foundation")."""
    known = {
        text for s, e, text, label, _ in raw if label == "PERSON" and len(_name_tokens(text)) >= 2 and "\n" not in text
    }
    if not known:
        return raw
    out = list(raw)
    taken = sorted((s, e, k) for k, (s, e, *_rest) in enumerate(raw))
    for name in sorted(known, key=len, reverse=True):
        for hit in re.finditer(r"(?<![\w.'’-])%s(?![\w'’-])" % re.escape(name), full):
            _person_at(out, taken, name, *hit.span())
    out.sort(key=lambda r: r[0])
    return out


def _names_apart_at_commas(full: str, raw: list[tuple]) -> list[tuple]:
    """A mention the recogniser ran over a comma ("Alexei Miller, Gazprom's chief executive" tagged "Miller, Gazprom"
    as one organisation) is a name per part; the first part, right after an untagged given name, is that person's
    name in full ("Alexei Miller")."""
    out = []
    for s, e, text, label, office in raw:
        if ", " not in text or label not in ("ORG", "PERSON", "GPE"):
            out.append((s, e, text, label, office))
            continue
        start = s
        for k, part in enumerate(text.split(", ")):
            a, b = start, start + len(part)
            start = b + 2
            if not part.strip():
                continue
            given = re.search(r"\b([A-Z][a-z]+) $", full[max(0, a - 30) : a]) if k == 0 else None
            if given is not None and given.group(1).casefold() in MALE_NAMES | FEMALE_NAMES:
                out.append((a - len(given.group(0)), b, full[a - len(given.group(0)) : b], "PERSON", office))
            else:
                out.append((a, b, part, label, office if k == 0 else None))
    return out


def _people_tagged_as_bodies(raw: list[tuple]) -> list[tuple]:
    """A name of two or three capitalised words tagged as an organisation whose last word the recogniser tagged
    alone as a person elsewhere in the article is that person ("Kazakh President Kassym-Jomart Tokayev said" tagged
    ORG, "Tokayev told a forum" PERSON): not a name with a word of a body's or company's name in it ("Sanders
    Institute"), nor a family name that another full name of a person has."""
    lone = {text for s, e, text, label, _ in raw if label == "PERSON" and len(text.split()) == 1}
    families = {family_name(text).casefold() for s, e, text, label, _ in raw if label == "PERSON" and " " in text}
    out = []
    for s, e, text, label, office in raw:
        words = text.split()
        if (
            label == "ORG"
            and 2 <= len(words) <= 3
            and words[-1] in lone
            and words[-1].casefold() not in families
            and all(_name_like(w.replace("-", "")) for w in words)
            and not {w.casefold() for w in words} & (BODY_NAME_WORDS | COMPANY_NAME_WORDS | STATE_BODY_WORDS)
        ):
            label = "PERSON"
        out.append((s, e, text, label, office))
    return out


_PINYIN_NAME = re.compile(r"(?<![\w.'’-])([A-Z][a-z]{1,5}) ([A-Z][a-z]{1,11})(?![\w'’-])(?! [A-Z])")
_PINYIN_GIVEN = re.compile(r"(?:%s){1,2}" % PINYIN_SYLLABLE)


def _pinyin_names(full: str, raw: list[tuple]) -> list[tuple]:
    """A Chinese family name and a pinyin given name of one or two syllables ("Xi Jinping", "Han Zheng", "Wang
    Wenbin") that the recogniser left untagged, or tagged as a work or a nationality, is a person: where nothing
    else stands, or over mentions that lie inside it ("Han" as NORP, "Zheng" as PERSON). Not followed by another
    capitalised word ("Xi Jinping Thought"), nor a place or thing (`NOT_PINYIN_NAMES`)."""
    out = list(raw)
    for hit in _PINYIN_NAME.finditer(full):
        name, family, given = hit.group(0), hit.group(1), hit.group(2)
        if family.casefold() not in CHINESE_FAMILY_NAMES or not _PINYIN_GIVEN.fullmatch(given.casefold()):
            continue
        if _key(name) in NOT_PINYIN_NAMES or _key(name) in GAZETTEER:
            continue
        s, e = hit.span()
        over = [k for k, r in enumerate(out) if r[0] < e and s < r[1]]
        if any(out[k][0] < s or out[k][1] > e for k in over):
            continue  # inside a longer mention
        if any(
            out[k][3] not in ("WORK_OF_ART", "NORP", "PERSON") or out[k][:2] == (s, e) and out[k][3] == "PERSON"
            for k in over
        ):
            continue
        out = [r for k, r in enumerate(out) if k not in over]
        out.append((s, e, name, "PERSON", None))
    out.sort(key=lambda r: r[0])
    return out


def _person_at(out: list[tuple], taken: list[tuple], name: str, s: int, e: int) -> None:
    """`name` at s:e is the person: a new mention where nothing else stands, or the relabelled mention of
    exactly that span. In place."""
    over = [k for s2, e2, k in taken if s2 < e and s < e2]
    if not over:
        out.append((s, e, name, "PERSON", None))
        taken.append((s, e, len(out) - 1))
    elif len(over) == 1 and out[over[0]][:2] == (s, e) and out[over[0]][3] != "PERSON":
        out[over[0]] = (s, e, name, "PERSON", out[over[0]][4])


def _name_like(text: str) -> bool:
    return text[:1].isupper() and text.isalpha()


def _group_full_names(forms: Counter, mapping: bool = False):
    """Group full-name forms that name one person ('Vladimir Putin', 'Vladimir V. Putin').
    Returns the canonical names, or with mapping=True, form -> canonical."""
    canon = {}
    for g in _groups(forms):
        best = _best_form(g, forms)
        for n in g:
            canon[n] = best
    if mapping:
        return canon
    return sorted(set(canon.values()))


def _groups(forms: Counter) -> list[list[str]]:
    """The forms, longest first, each with the first group whose words contain its words or are contained in them."""
    groups: list[list[str]] = []
    for name in sorted(forms, key=lambda n: (-len(_name_tokens(n)), n)):
        words = [w.casefold() for w in _name_tokens(name)]
        for g in groups:
            gw = [w.casefold() for w in _name_tokens(g[0])]
            if set(words) <= set(gw) or set(gw) <= set(words):
                g.append(name)
                break
        else:
            groups.append([name])
    return groups


def _best_form(g: list[str], forms: Counter) -> str:
    """A group's canonical name: a full name (not a family name with a particle), the most written, with the
    fewest initials, the longest; without its initials."""
    best = max(
        g,
        key=lambda n: (
            not _particle_family(n, g),
            forms[n],
            -sum(bool(_INITIAL.match(w)) for w in n.split()),
            len(n),
        ),
    )
    return " ".join(_name_tokens(best))


def _someone_else(fam: str, raw: list[tuple]) -> bool:
    """The family name stood alone more than twice before its one full name is first written: the lone name is
    someone else, known without a first name ("Obama" … "Michelle Obama", "Fiorina" … her husband "Frank
    Fiorina"). A headline and a lede naming someone by family name alone stay within two."""
    first_full = min(
        (
            s
            for s, e, text, label, _ in raw
            if label == "PERSON" and len(_name_tokens(text)) >= 2 and family_name(text).casefold() == fam
        ),
        default=None,
    )
    if first_full is None:
        return False
    return sum(1 for s, e, text, label, _ in raw if s < first_full and text.casefold() == fam) > 2


def _particle_family(name: str, forms: list[str]) -> bool:
    """'De Blasio' beside 'Bill de Blasio': a family name that opens with a particle, not a full name."""
    words = name.split()
    for other in forms:
        ow = other.split()
        k = len(ow) - len(words)
        if k > 0 and [w.casefold() for w in ow[k:]] == [w.casefold() for w in words] and ow[k].islower():
            return True
    return False


def _unlabelled_family_mentions(doc, found: list[Mention], canon_of_family: dict[str, str]) -> list[Mention]:
    """Proper nouns spaCy did not tag that are the family name of a person named in full in this article."""
    if not canon_of_family:
        return []
    covered = set()
    for m in found:
        covered.update(range(m.start, m.end))
    extra = []
    for tok in doc:
        if tok.idx in covered or tok.tag_ != "NNP":
            continue
        hit = canon_of_family.get(tok.text.casefold())
        if hit and (tok.text[:1].isupper() and tok.text[1:].islower() or tok.text.isupper()):
            extra.append(_untagged_family_mention(doc, tok, hit, covered))
    return extra


def _untagged_family_mention(doc, tok, hit: str, covered: set[int]) -> Mention:
    """The family name `tok` of `hit`: that person, or with another given name before it, a relative."""
    name = tok.text
    given = _other_given_name(doc, tok, hit, covered)
    if given is not None:  # "Ivanka Trump" (Ivanka tagged a product) in Donald Trump's article: his relative
        full = f"{given.text} {name}"
        covered.update(range(given.idx, tok.idx + len(name)))
        return Mention(
            given.idx,
            tok.idx + len(name),
            full,
            "PERSON",
            full,
            basis=f"a person of the family of {hit} (not tagged by spaCy)",
            family=name,
        )
    return Mention(
        tok.idx,
        tok.idx + len(name),
        name,
        "PERSON",
        hit,
        basis=f"family name of {hit} in this article (not tagged by spaCy)",
        family=family_name(hit),
    )


def _other_given_name(doc, tok, hit: str, covered: set[int]):
    """The capitalised given name right before an untagged family name, when it is not the given name of the
    person of that family named in the article: "Ivanka Trump" in an article about Donald Trump."""
    if tok.i == 0:
        return None
    prev = doc[tok.i - 1]
    if prev.idx in covered or not _could_be_given_name(prev):
        return None
    if prev.text.casefold() in {w.casefold() for w in _name_tokens(hit)}:
        return None
    return prev


def _could_be_given_name(tok) -> bool:
    """A capitalised proper noun of letters before a space, not an office nor a place, body or date."""
    return (
        tok.tag_ == "NNP"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.whitespace_ == " "
        and tok.lower_ not in TITLE_WORDS
        and tok.lower_ not in ALIAS_TITLES
        and tok.ent_type_ not in ("GPE", "NORP", "ORG", "DATE", "LOC")
    )


def acronym_aliases(doc, mentions: list[Mention]) -> None:
    """'Shanghai Cooperation Organization (SCO)': later mentions of SCO take the long name. In place."""
    long_of = _defined_acronyms(doc.text, mentions)
    if not long_of:
        return
    for m in mentions:
        acr = m.text.replace(".", "")
        if acr in long_of and m.canonical != long_of[acr]:
            m.canonical = long_of[acr]
            m.basis = f"acronym defined in this article for {long_of[acr]}"


def _defined_acronyms(text: str, mentions: list[Mention]) -> dict[str, str]:
    """acronym -> the long name it is defined for in parentheses right after it, when its initials match."""
    long_of: dict[str, str] = {}
    for m in mentions:
        if m.label not in ("ORG", "GPE", "FAC", "LAW", "EVENT"):
            continue
        am = re.match(r"\s*\(([A-Z][A-Z&.]{1,9})\)", text[m.end : m.end + 16])
        if am:
            acr = am.group(1).replace(".", "")
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", m.canonical) if w[0].isupper())
            if acr == initials:
                long_of[acr] = m.canonical
    return long_of
