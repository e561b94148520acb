"""Headline words: irregular past forms of cues, headline verbs of attack or support, words between a headline's
source and its cue."""

# Irregular past forms of cues (the rest are inflected by rule: says, warned, denies, pushes, praised).
IRREGULAR_CUE_FORMS = {
    "said": "say",
    "told": "tell",
    "thought": "think",
    "found": "find",
    "sought": "seek",
    "spoke": "speak",
    "wrote": "write",
    "knew": "know",
    "took": "take",
    "held": "hold",
}
# Headline verbs of attack or support, the headline's words for criticize and back ("Biden Trashes Trump").
HEADLINE_CUES = {
    "rip",
    "trash",
    "swipe",
    "whack",
    "hammer",
    "knock",
    "bash",
    "torch",
    "scold",
    "rebuke",
    "rebuff",
    "rebut",
    "champion",
    "target",
    "vow",
    "signal",
}
# Words between a headline's source and its cue: "Obama to Frame …", "Trump Just Announced …".
HEADLINE_AUX = {"to", "just", "also", "still", "now", "again", "finally", "officially"}
