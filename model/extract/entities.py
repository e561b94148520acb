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

from model.records import Mention

KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"}

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_APOS)).strip().casefold()


# Formal names and abbreviations of places and bodies → canonical name and label.
# General knowledge of the field, not a list of any article's entities.
GAZETTEER: dict[str, tuple[str, str]] = {}
for _canon, _label, _forms in [
    (
        "United States",
        "GPE",
        [
            "United States",
            "US",
            "U.S.",
            "U.S",
            "USA",
            "U.S.A.",
            "United States of America",
            "America",
            "the United States",
            "the US",
            "the U.S.",
            "the States",
        ],
    ),
    (
        "China",
        "GPE",
        [
            "China",
            "PRC",
            "P.R.C.",
            "People's Republic of China",
            "the People's Republic of China",
            "Mainland China",
            "the People's Republic",
            "the PRC",
        ],
    ),
    ("Russia", "GPE", ["Russia", "Russian Federation", "the Russian Federation"]),
    (
        "United Kingdom",
        "GPE",
        ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "the UK", "the U.K."],
    ),
    ("Soviet Union", "GPE", ["Soviet Union", "USSR", "U.S.S.R.", "the Soviet Union", "the USSR"]),
    ("North Korea", "GPE", ["North Korea", "DPRK", "Democratic People's Republic of Korea"]),
    ("South Korea", "GPE", ["South Korea", "ROK", "Republic of Korea"]),
    ("United Arab Emirates", "GPE", ["United Arab Emirates", "UAE", "U.A.E."]),
    ("European Union", "ORG", ["European Union", "EU", "E.U.", "the European Union", "the EU"]),
    ("United Nations", "ORG", ["United Nations", "UN", "U.N.", "the United Nations", "the UN", "the U.N."]),
    ("NATO", "ORG", ["NATO", "Nato", "North Atlantic Treaty Organization"]),
    (
        "Chinese Communist Party",
        "ORG",
        [
            "Chinese Communist Party",
            "Communist Party of China",
            "CCP",
            "CPC",
            "the Chinese Communist Party",
            "the Communist Party of China",
        ],
    ),
    (
        "Shanghai Cooperation Organization",
        "ORG",
        ["Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO"],
    ),
    ("Kremlin", "ORG", ["Kremlin", "the Kremlin"]),
    ("Politburo", "ORG", ["Politburo", "the Politburo"]),
]:
    for _f in _forms:
        GAZETTEER[_key(_f)] = (_canon, _label)

# How a country is written at the head of an organisation's name ("US State Department").
_SHORT_FORM = {"United States": "US", "United Kingdom": "UK", "European Union": "EU", "United Nations": "UN"}

# Words that stand before a name as a title or office, not part of it.
TITLE_WORDS = {
    "president",
    "vice",
    "premier",
    "prime",
    "minister",
    "secretary",
    "foreign",
    "defense",
    "defence",
    "state",
    "general",
    "gen",
    "gen.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sen",
    "sen.",
    "senator",
    "rep",
    "rep.",
    "representative",
    "gov",
    "gov.",
    "governor",
    "chairman",
    "chairwoman",
    "chair",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "deputy",
    "assistant",
    "undersecretary",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "comrade",
    "professor",
    "prof",
    "prof.",
    "director",
    "commissioner",
    "justice",
    "judge",
    "lt",
    "lt.",
    "col",
    "col.",
    "adm",
    "adm.",
    "admiral",
    "marshal",
    "rev",
    "rev.",
    "sir",
    "lord",
    "dame",
    "leader",
    "envoy",
    "counselor",
    "councillor",
    "of",
    "the",
    "top",
    "senior",
    "chief",
    "former",
    "supreme",
    "mayor",
    "minister-counselor",
    "speaker",
    "commander",
    "head",
    "diplomat",
    "attorney",
    "trade",
    "finance",
    "economy",
    "interior",
    "security",
    "national",
    "adviser",
    "advisor",
    "sheikh",
    "emir",
    "treasurer",
    "economist",
    "analyst",
    "ceo",
    "executive",
    "officer",
    "president-elect",
    "secretary-general",
    "lawmaker",
    "congressman",
    "congresswoman",
    "mp",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "vice-president",
    "vice-premier",
    "dictator",
    "foreign-minister",
    "defence-minister",
    "ex",
    "ex-president",
    "late",
    "opposition",
    "incumbent",
    "acting",
}
# Title words worth keeping in an alias ("President Xi"): the capitalised office that stands right before the name.
_ALIAS_TITLES = {
    "president",
    "premier",
    "minister",
    "secretary",
    "chairman",
    "chancellor",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "general",
    "gen.",
    "ambassador",
    "king",
    "queen",
    "prince",
    "pope",
    "professor",
    "prof.",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "commissioner",
    "envoy",
    "admiral",
    "justice",
    "judge",
    "rep.",
}

# Family names written first (Chinese pinyin, Korean, Vietnamese). Used only to
# decide which word of a full name is the family name.
FAMILY_FIRST = set(
    """
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai wei du ye cheng su lu ding ren shen yao qin xi wan fu
fan bai qiu hou meng long shi yan lei qian tan kong mao bo gu hao kang mo shao wen xue yin zou jia cui geng duan lai
hong qi niu hua dai xiong jin tao gong ge zhong pang ou xia liao fang lou zhai che chai kuang ni hang ling mu rao
wen zhan zhuang bian chang chu dou fei gan guan hui ji jian jiao ke lian ning pu rong sang shang sima tong wang xing
yi you yue zhen kim park choi jung kang cho yoon moon jang lim han shin seo kwon hwang ahn song ryu hong jeon ko
nguyen tran le pham hoang phan vu dang bui do ngo duong ly
""".split()
)

_GLUED_QUOTE = re.compile(r".*[”\"](?=[A-Z])")  # a closing quotation mark with no space before the next word
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INITIAL = re.compile(r"^[A-Z]\.$")


def _clean_span(doc, ent, full: str | None = None):
    """Trim leading articles/titles and trailing possessives; return (start_char, end_char, title) or None.
    `full` is `doc.text`, which spaCy rebuilds from every token on each access: pass it when calling in a loop."""
    if full is None:
        full = doc.text
    toks = []
    for t in ent:  # a name never runs over a line break, nor (for people) past a possessive
        if t.is_space or "\n" in t.text or (toks and "\n" in toks[-1].whitespace_):
            break
        if ent.label_ == "PERSON" and toks and t.text in ("'s", "’s"):
            break
        toks.append(t)
    title = []
    # leading determiners and (for people) titles
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    if ent.label_ == "PERSON":
        while len(toks) > 1 and toks[0].lower_ in TITLE_WORDS:
            title.append(toks[0])
            toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’", "-", "–", "—", ",", "."):
        toks = toks[:-1]
    if not toks:
        return None
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
        text = full[start:end]
    if not text.strip() or not any(c.isalpha() for c in text):
        return None
    if text.casefold() in TITLE_WORDS:  # "Secretary of State" tagged State: an office word, not a name
        return None
    if not any(c.isupper() for c in text):  # names are capitalised; "cts", "fed" in lower-case copy are not
        return None
    # An office word right before the name ("President Xi"): from the span or the text before it.
    prev = [t for t in title if t.text[:1].isupper()]
    if not prev and ent.start > 0:
        t = doc[toks[0].i - 1] if toks[0].i > 0 else None
        if t is not None and t.text[:1].isupper() and t.lower_ in _ALIAS_TITLES and t.i >= ent.start - 1:
            prev = [t]
    office = prev[-1].text if prev and prev[-1].lower_ in _ALIAS_TITLES else None
    return start, end, office


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
    raw = []  # (start, end, text, label, office)
    full = doc.text  # spaCy joins every token on each access: once per article
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        c = _clean_span(doc, ent, full)
        if c is None:
            continue
        s, e, office = c
        raw.append((s, e, full[s:e], ent.label_, office))
    raw = _known_people_again(full, raw)

    # --- people: full names in this article, by family name
    fulls: dict[str, Counter] = defaultdict(Counter)  # family (casefold) -> Counter of full-name forms
    for _s, _e, text, label, _ in raw:
        if label == "PERSON":
            words = _name_tokens(text)
            if len(words) >= 2:
                name = _normalise_case(" ".join(text.split()))
                fulls[family_name(name).casefold()][name] += 1
    canon_of_family: dict[str, str] = {}
    relatives: dict[str, str] = {}  # family -> the one full name, whose family name alone is someone else
    for fam, forms in fulls.items():
        # Several full names sharing a family name (two Wangs) stay apart: a lone surname is then ambiguous.
        groups = _group_full_names(forms)
        if len(groups) == 1 and not _someone_else(fam, raw):
            canon_of_family[fam] = groups[0]
        elif len(groups) == 1:
            relatives[fam] = groups[0]
    full_canon: dict[str, str] = {}
    for forms in fulls.values():
        for g in _group_full_names(forms, mapping=True).items():
            full_canon[g[0].casefold()] = g[1]
    # Fallback for a family-name-first guess gone wrong: the first word of exactly one full name.
    first_word: dict[str, set[str]] = defaultdict(set)
    for forms in fulls.values():
        for name in forms:
            first_word[_name_tokens(name)[0].casefold()].add(full_canon[name.casefold()])

    out: list[Mention] = []
    for s, e, text, label, office in raw:
        k = _key(text)
        words = text.split()
        if k in GAZETTEER and label in ("GPE", "ORG", "LOC", "NORP", "PERSON", "FAC"):
            canon, glabel = GAZETTEER[k]
            out.append(Mention(s, e, text, glabel, canon, basis="gazetteer: '%s' is %s" % (text, canon)))
            continue
        single = len(words) == 1
        fam_hit = canon_of_family.get(text.casefold()) if single and _name_like(text) else None
        if fam_hit is None and single and label == "PERSON":
            cands = first_word.get(text.casefold(), set())
            fam_hit = next(iter(cands)) if len(cands) == 1 and text.casefold() not in fulls else None
        if single and _name_like(text) and text.casefold() in relatives:
            out.append(
                Mention(
                    s,
                    e,
                    text,
                    "PERSON",
                    text,
                    family=text,
                    title=office,
                    basis=f"a person of the family of {relatives[text.casefold()]}, written alone before "
                    "that full name (spaCy said %s)" % label,
                )
            )
            continue
        if fam_hit:
            basis = f"family name of {fam_hit} in this article"
            if label != "PERSON":
                basis += f" (spaCy said {label})"
            out.append(Mention(s, e, text, "PERSON", fam_hit, basis=basis, family=family_name(fam_hit), title=office))
            continue
        if label == "PERSON":
            name = _normalise_case(" ".join(text.split()))
            if len(_name_tokens(name)) >= 2:
                canon = full_canon.get(name.casefold(), name)
                out.append(
                    Mention(s, e, text, "PERSON", canon, basis="ner: PERSON", family=family_name(canon), title=office)
                )
            else:
                out.append(
                    Mention(
                        s,
                        e,
                        text,
                        "PERSON",
                        name,
                        basis="ner: PERSON (one word, unresolved here)",
                        family=name,
                        title=office,
                    )
                )
            continue
        canon = " ".join(text.split())
        basis = f"ner: {label}"
        if label == "ORG" and len(words) > 1 and _key(words[0]) in GAZETTEER:  # "U.S. State Department"
            short = _SHORT_FORM.get(GAZETTEER[_key(words[0])][0])
            if short and words[0] != short:
                canon = " ".join([short] + canon.split()[1:])
                basis += f"; '{words[0]}' written {short}"
        out.append(Mention(s, e, text, label, canon, basis=basis))

    out.extend(_unlabelled_family_mentions(doc, out, canon_of_family))
    out.sort(key=lambda m: m.start)
    return out


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
            s, e = hit.span()
            over = [k for s2, e2, k in taken if s2 < e and s < e2]
            if not over:
                out.append((s, e, name, "PERSON", None))
                taken.append((s, e, len(out) - 1))
            elif len(over) == 1 and out[over[0]][:2] == (s, e) and out[over[0]][3] != "PERSON":
                out[over[0]] = (s, e, name, "PERSON", out[over[0]][4])
    out.sort(key=lambda r: r[0])
    return out


def _name_like(text: str) -> bool:
    return text[:1].isupper() and text.isalpha()


def _group_full_names(forms: Counter, mapping: bool = False):
    """Group full-name forms that name one person ('Vladimir Putin', 'Vladimir V. Putin').
    Returns the canonical names, or with mapping=True, form -> canonical."""
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
    canon = {}
    for g in groups:
        best = max(
            g,
            key=lambda n: (
                not _particle_family(n, g),
                forms[n],
                -sum(bool(_INITIAL.match(w)) for w in n.split()),
                len(n),
            ),
        )
        best = " ".join(_name_tokens(best))
        for n in g:
            canon[n] = best
    if mapping:
        return canon
    return sorted(set(canon.values()))


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
        name = tok.text
        hit = canon_of_family.get(name.casefold())
        if hit and (name[:1].isupper() and name[1:].islower() or name.isupper()):
            given = _other_given_name(doc, tok, hit, covered)
            if given is not None:  # "Ivanka Trump" (Ivanka tagged a product) in Donald Trump's article: his relative
                full = f"{given.text} {name}"
                covered.update(range(given.idx, tok.idx + len(name)))
                extra.append(
                    Mention(
                        given.idx,
                        tok.idx + len(name),
                        full,
                        "PERSON",
                        full,
                        basis=f"a person of the family of {hit} (not tagged by spaCy)",
                        family=name,
                    )
                )
                continue
            extra.append(
                Mention(
                    tok.idx,
                    tok.idx + len(name),
                    name,
                    "PERSON",
                    hit,
                    basis=f"family name of {hit} in this article (not tagged by spaCy)",
                    family=family_name(hit),
                )
            )
    return extra


def _other_given_name(doc, tok, hit: str, covered: set[int]):
    """The capitalised given name right before an untagged family name, when it is not the given name of the
    person of that family named in the article: "Ivanka Trump" in an article about Donald Trump."""
    if tok.i == 0:
        return None
    prev = doc[tok.i - 1]
    if (
        prev.idx in covered
        or prev.tag_ != "NNP"
        or not prev.is_alpha
        or not prev.text[:1].isupper()
        or not prev.text[1:].islower()
        or prev.whitespace_ != " "
        or prev.lower_ in TITLE_WORDS
        or prev.lower_ in _ALIAS_TITLES
        or prev.ent_type_ in ("GPE", "NORP", "ORG", "DATE", "LOC")
    ):
        return None
    if prev.text.casefold() in {w.casefold() for w in _name_tokens(hit)}:
        return None
    return prev


def acronym_aliases(doc, mentions: list[Mention]) -> None:
    """'Shanghai Cooperation Organization (SCO)': later mentions of SCO take the long name. In place."""
    long_of: dict[str, str] = {}
    text = doc.text
    for m in mentions:
        if m.label not in ("ORG", "GPE", "FAC", "LAW", "EVENT"):
            continue
        after = text[m.end : m.end + 16]
        am = re.match(r"\s*\(([A-Z][A-Z&.]{1,9})\)", after)
        if am:
            acr = am.group(1).replace(".", "")
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", m.canonical) if w[0].isupper())
            if acr == initials:
                long_of[acr] = m.canonical
    if not long_of:
        return
    for m in mentions:
        acr = m.text.replace(".", "")
        if acr in long_of and m.canonical != long_of[acr]:
            m.canonical = long_of[acr]
            m.basis = f"acronym defined in this article for {long_of[acr]}"
