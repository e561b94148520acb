"""Names spaCy's small English model misses or mislabels in this field: entity-ruler patterns, data only
(`model.parse.nlp` adds them before the recogniser)."""

# Names the small model misses or mislabels in this field. These are general
# domain patterns (countries' formal names, party and state organs), not the
# people of any particular article.
DOMAIN_PATTERNS = [
    {"label": "GPE", "pattern": "PRC"},
    {
        "label": "GPE",
        "pattern": [
            {"LOWER": "people"},
            {"ORTH": {"IN": ["’s", "'s"]}},
            {"LOWER": "republic"},
            {"LOWER": "of"},
            {"LOWER": "china"},
        ],
    },
    {"label": "GPE", "pattern": [{"LOWER": "russian"}, {"LOWER": "federation"}]},
    {"label": "ORG", "pattern": "Kremlin"},
    {"label": "ORG", "pattern": [{"LOWER": "politburo"}]},
    {
        "label": "ORG",
        "pattern": [{"LOWER": "the", "OP": "?"}, {"LOWER": "politburo"}, {"LOWER": "standing"}, {"LOWER": "committee"}],
    },
    {"label": "ORG", "pattern": [{"LOWER": "central"}, {"LOWER": "military"}, {"LOWER": "commission"}]},
    {"label": "ORG", "pattern": [{"LOWER": "state"}, {"LOWER": "duma"}]},
    {"label": "ORG", "pattern": [{"LOWER": "duma"}]},
    {
        "label": "ORG",
        "pattern": [{"LOWER": "national"}, {"LOWER": "people"}, {"ORTH": {"IN": ["’s", "'s"]}}, {"LOWER": "congress"}],
    },
    {
        "label": "ORG",
        "pattern": [{"LOWER": "people"}, {"ORTH": {"IN": ["’s", "'s"]}}, {"LOWER": "liberation"}, {"LOWER": "army"}],
    },
    {"label": "ORG", "pattern": "PLA"},
    {"label": "ORG", "pattern": "NATO"},
    {"label": "ORG", "pattern": "Xinhua"},
    {"label": "ORG", "pattern": "TASS"},
    {"label": "ORG", "pattern": "Tass"},
    {"label": "ORG", "pattern": "RIA Novosti"},
    {"label": "ORG", "pattern": [{"LOWER": "shanghai"}, {"LOWER": "cooperation"}, {"LOWER": "organization"}]},
    {"label": "ORG", "pattern": "BRICS"},
    {"label": "ORG", "pattern": "SCO"},
]
