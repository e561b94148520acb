"""An organisation's name and the country written at its head ("US State Department": the United States, "State
Department"), shared by the extractor (one article) and the corpus's entity upkeep (all of them)."""

from __future__ import annotations

from model.lexicon.countries import COUNTRY_FORMS, POSSESSIVE_ENDINGS


def _forms() -> dict[str, str]:
    """Each way a country is written before a body's name (casefolded) → the country."""
    forms: dict[str, str] = {}
    for country, names, adjectives in COUNTRY_FORMS:
        for name in names:
            forms[name.casefold()] = country
            for ending in POSSESSIVE_ENDINGS:
                forms[(name + ending).casefold()] = country
        for adjective in adjectives:
            forms[adjective.casefold()] = country
    return forms


COUNTRY_OF_FORM = _forms()
_LONGEST = max(len(form.split()) for form in COUNTRY_OF_FORM)


def forms_of(country: str) -> set[str]:
    """Every way `country` is written before a body's name, casefolded ("china", "chinese", "china's", …)."""
    return {form for form, c in COUNTRY_OF_FORM.items() if c == country}


def country_prefix(name: str) -> tuple[str, str] | None:
    """(the country, the body's name without it) when `name` opens with a country's name, abbreviation, possessive
    or adjective followed by a capitalised name ("China's Foreign Ministry" → ("China", "Foreign Ministry")); None
    otherwise ("American Association for Justice" has one: it is the caller who asks whether the rest is a body
    of its own)."""
    words = name.split()
    if name.casefold() in COUNTRY_OF_FORM:  # "Saudi Arabia" is a country, not Arabia's
        return None
    for n in range(min(_LONGEST, len(words) - 1), 0, -1):
        country = COUNTRY_OF_FORM.get(" ".join(words[:n]).casefold())
        rest = words[n:]
        if country and rest[0][:1].isupper() and rest[0].casefold() not in COUNTRY_OF_FORM:
            return country, " ".join(rest)
    return None
