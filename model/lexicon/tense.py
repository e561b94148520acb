"""Words that tell on which side of the time of writing a date lies: auxiliaries, verbs of plans and
delays, prepositions that look forward or back, verbs whose past looks like their present."""

# auxiliaries of the future tense ("wo" is spaCy's token of "won't")
FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}

# modal auxiliaries: no tense of their own
MODAL_AUX = {"would", "could", "might", "may", "should", "can", "must"}

# modals that put a bare weekday ahead: "would meet Friday"
FORWARD_MODAL = {"would", "might", "may", "should"}

# words that govern a plan: "is expected to", "scheduled to", "due to", "likely to"
FUTURE_GOV = {
    "expect",
    "schedule",
    "plan",
    "due",
    "set",
    "intend",
    "slate",
    "prepare",
    "hope",
    "aim",
    "going",
    "propose",
    "promise",
    "vow",
    "pledge",
    "seek",
    "arrange",
    "invite",
    "likely",
    "poise",
    "ready",
}

# prepositions that look forward: "until Friday"
FORWARD_PREP = {"until", "till", "til", "through", "thru"}

# a deadline or offer "extended to Nov. 16", "postponed until Tuesday" lies ahead whatever the tense
EXTEND_VERBS = {"extend", "postpone", "delay", "defer", "adjourn", "reschedule", "prolong"}

# prepositions that look back: "since March"
BACKWARD_PREP = {"since"}

# verbs whose past is spelled like their present: the tagger may read "Weakness hurt the index" as a present
SAME_FORM_PAST = {
    "hurt",
    "cut",
    "put",
    "set",
    "hit",
    "cost",
    "let",
    "shut",
    "spread",
    "quit",
    "split",
    "cast",
    "bet",
    "bid",
    "burst",
    "thrust",
    "upset",
    "read",
    "broadcast",
    "forecast",
    "offset",
    "undercut",
    "outbid",
}

# Words before a date that name when a term applies ("payable May 28", "effective June 1", "the year ending March
# 31"), or a deadline ("by April", "had until 1991 to pay"): such a date may lie on either side of the time of
# writing, so it bounds no publication date (`direction.side_of_writing`), unless the clause looks forward.
TERM_WORDS = {
    "payable",
    "effective",
    "due",
    "dated",
    "record",
    "ending",
    "ended",
    "beginning",
    "starting",
    "maturing",
    "expiring",
}
DEADLINE_PREP = {"until", "till", "til", "by"}

# Verbs a headline's "X to do Y" reports after ("Kremlin says Putin, Xi to talk by video link on Tuesday"): the
# infinitive with a subject of its own is still to come.
HEADLINE_REPORTS = frozenset({"say", "report", "announce", "confirm", "tell"})
