"""Words for telling two quotes apart from one statement in two wordings (`model.corpus.statement_merge`).

Each list maps a written variant to the one form both wordings are compared in: contractions to their
full words ("haven't" → "have not"), and names a translation or an editor gives either way ("PRC" →
"People's Republic of China"). Keys are lower case; a key of several words matches those words in a row.
"""

from __future__ import annotations

# Contractions, after apostrophes are made plain ('). "n't" alone is handled by the table's last entry.
CONTRACTIONS = {
    "won't": "will not",
    "can't": "can not",
    "cannot": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "n't": " not",
    "'re": " are",
    "'ve": " have",
    "'ll": " will",
    "'d": " would",
    "'m": " am",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "here's": "here is",
    "what's": "what is",
    "who's": "who is",
    "he's": "he is",
    "she's": "she is",
    "let's": "let us",
}

# Acronyms a translation or an editor writes either way, matched as written (upper case: "US" is a country,
# "us" a pronoun), as the words they stand for.
ACRONYMS = {
    "PRC": "people's republic of china",
    "P.R.C.": "people's republic of china",
    "U.S.": "united states",
    "US": "united states",
    "USA": "united states",
    "U.S.A.": "united states",
    "U.K.": "united kingdom",
    "UK": "united kingdom",
    "EU": "european union",
    "E.U.": "european union",
    "UN": "united nations",
    "U.N.": "united nations",
    "USSR": "soviet union",
    "NATO": "north atlantic treaty organization",
    "DPRK": "north korea",
}

# Names and spellings written either way, in lower case, as the one form compared.
NAME_VARIANTS = {
    "united states of america": "united states",
    "america": "united states",
    "great britain": "united kingdom",
    "britain": "united kingdom",
    "russian federation": "russia",
    "democratic people's republic of korea": "north korea",
    "organisation": "organization",
    "favour": "favor",
    "defence": "defense",
    "centre": "center",
    "co-operation": "cooperation",
    "programme": "program",
}

# Function words: they do not decide whether an indirect report says what a direct quote said ("we" becomes
# "they", "have" becomes "had" in reported speech), so content comparisons leave them out.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those and or but nor so yet if then than as of in on at to for from by with
    about into onto over under between through during without within upon also too very just even still
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    one ones who whom whose which what where when why how there here
    be am is are was were been being have has had having do does did doing done
    will would shall should can could may might must not no
    say says said saying tell told
    """.split()
)

# Reporting verbs an indirect report adds around the words ("he said that", "according to"): not content.
REPORT_WORDS = frozenset("according added adding stated noted stressed emphasised emphasized".split())
