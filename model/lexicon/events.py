"""Words of events: the nouns that name something that happens (a date may anchor on them, as on a verb)."""

# Nouns that name an event, by lemma: "the meeting on Friday", "Xi's visit in March", "the invasion in February
# 2022"; with the results a report gives for a period ("fourth-quarter results").
EVENT_NOUNS = frozenset(
    """
    accident accord acquisition action address advance agreement aid air-strike airstrike alliance anniversary
    announcement appeal appearance approval arrest arrival assassination assault attack attempt auction audit
    ballot bankruptcy battle bid birth blast blockade bombardment bombing boom boycott breakdown breakthrough
    briefing buyback campaign cancellation capture case ceasefire celebration ceremony change charge clash close closing
    closure collapse collision conference confrontation congress conquest contest convention conversation
    conviction coup crackdown crash crisis cut deal death debate decision decline default defeat deficit delivery
    demonstration departure deployment detention dialogue disaster discussion dispute dividend drill drop
    earthquake election emergency encounter escalation escape evacuation event exchange execution exercise
    expansion explosion fall festival fight fighting fire flight flood forum founding funeral gain gains game
    growth hearing hike holiday inauguration incident increase inflow injury inquiry interview invasion
    investigation journey jump kidnapping killing landing launch lawsuit layoff leak loss march massacre meeting
    merger mission move murder negotiation offensive offer opening operation ordeal outbreak outflow output parade
    party payment performance plunge poll probe protest purchase raid rally ratification rebellion rebound
    reception recession recovery referendum reform release reopening report rescue result results retirement return
    revolt revolution riot rise round ruling sale sanction sell-off selloff session settlement shooting shutdown
    siege signing slump speech split storm strike struggle summit surge surplus surrender suspension takeover talk
    talks tenure test tour trade trading transaction treaty trial trip truce turmoil uprising verdict veto victory
    visit vote voting walkout war wedding withdrawal write-down writedown
    slaying finding cutback slide turnaround squeeze buyout buy-out
    remark request broadcast
    """.split()
)

# Endings of nouns made from verbs ("the ratification", "the expulsion", "the deployment"): events, but for these
# (things, bodies, states and documents):
EVENT_NOUN_ENDINGS = ("tion", "sion", "ment", "ing")
NOT_EVENT_NOUNS = frozenset(
    """
    administration ambition apartment argument association billion caption coalition commission commitment
    condition constitution construction corporation delegation department dimension division document edition
    editorial element emotion environment equipment establishment federation foundation fraction function
    generation government inflation information installment instalment institution instrument jurisdiction location
    management mansion million moment motion nation nutrition opinion opposition organisation organization
    parliament pension population portion position protection provision question ration region relation relations
    religion reputation requirement section segment sentiment situation statement station television tension
    tradition tuition union version vision
    building evening morning spring thing something nothing anything everything ceiling clothing housing funding
    king string wing ring sibling darling earring offspring pudding wedding-ring railing
    """.split()
)

# Lemmas of time words that head a noun phrase a date modifies without naming an event ("the third quarter",
# "the 1989 period", "the fiscal year ended Jan. 31").
TIME_NOUNS = frozenset(
    """
    year month week day hour minute second decade century quarter half period season time date morning afternoon
    evening night weekend era term deadline spring summer autumn winter today yesterday tomorrow moment end beginning middle eve
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)

# Verbs that say a period ends or begins ("the quarter ended Sept. 30"): with a time noun, part of the date.
PERIOD_VERBS = frozenset({"end", "begin", "start", "close", "finish"})

# Verbs of a phase of another event ("will begin withdrawing on Friday"): the date anchors on the phase.
ASPECTUAL_VERBS = frozenset({"begin", "start", "continue", "resume", "stop", "cease", "finish", "keep", "quit"})

# Verbs that carry little event of their own when they take an event noun as object ("had a loss in the
# quarter", "held talks on Friday", "made a visit in March"): the date anchors on the noun.
LIGHT_VERBS = frozenset(
    {"have", "hold", "make", "take", "give", "pay", "post", "stage", "conduct", "launch", "undergo", "suffer", "see"}
    | {
        "begin",
        "start",
        "kick",
    }  # a happening's start dates it: "began a joint exercise on Tuesday", "kicked off talks"
)

# Amounts a report gives for a period ("third-quarter net income", "sales last year"): events of their own
# ("reported third-quarter earnings"), but the subject of a verb of change yields to it ("third-quarter net
# income fell 5%": the date anchors on "fell").
QUANTITY_NOUNS = frozenset({"earnings", "income", "profit", "revenue", "revenues", "sales", "loss", "losses", "net"})

# Verbs of a change in an amount ("net income fell 5%", "sales rose"): with the amount as subject, the event.
CHANGE_VERBS = frozenset(
    """
    rise fall jump drop climb decline slip surge plunge soar increase decrease grow shrink slide tumble gain dip
    edge ease rebound double triple halve total reach advance retreat sink swell improve widen narrow fell
    """.split()
)

# Verbs about another event ("reported a loss for the quarter", "planned a demonstration on Saturday", "follows two
# decisions last June", "extended its offer until Nov. 9"): a date after their event-noun object dates the object.
VERBS_ABOUT_EVENTS = frozenset(
    """
    report post follow precede honor plan include postpone delay cancel schedule reschedule forecast predict project
    estimate expect extend record book anticipate
    """.split()
)

# Verbs whose infinitive complement has not happened when they do ("refused to sign through two days of talks",
# "voted to support the republic Friday", "invited them to rejoin two weeks ago", "was trying to cross six weeks
# ago"): a date on the complement dates the act itself.
UNREALISED_COMPLEMENT_VERBS = frozenset({"refuse", "fail", "try", "attempt", "vote", "invite", "decline"})

# Verbs that only say an event happened ("the vote happened on Sunday"; and "take place"): the date is the event's.
OCCURRENCE_VERBS = frozenset({"happen", "occur", "last"})

# Prepositions of a stretch of time ("until then", "since May", "for a year", "over the past decade"), and the
# words that make "in" one ("in the past 20 months"): a saying, a moment, does not last that long.
DURATIVE_PREPS = frozenset({"until", "till", "since", "for", "over", "during", "through", "throughout"})
PAST_STRETCH = frozenset({"past", "last"})

# Words that put a date in the past ("last week", "two years ago", "in recent years"): such a date cannot date a
# verb in the present or the future.
PAST_DATE_WORDS = frozenset({"last", "ago", "yesterday", "earlier", "recent", "past", "previous"})

# Participles that only place an event noun in time ("remarks made last week", "charges taken in the period", "a
# summit set for April"): the date anchors on the noun.
PLACING_PARTICIPLES = frozenset({"make", "take", "set", "schedule", "plan"})

# Nouns of a market's session ("in composite trading Friday, the shares fell", "the shares fell in composite trading
# Friday"): where the verb's event happened; the date with them is the verb's.
SESSION_NOUNS = frozenset({"trading", "exchange", "market", "session", "dealing", "dealings"})

# Units of a length of time, and words that make one of them a length ("a week after the vote", "several months of
# talks").
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "quarter"})
LENGTH_WORDS = frozenset({"a", "an", "several", "few"})

# Nouns of a publication ("today's editions", "its Friday issue"): a date before one is the publication's, not an
# event's.
PUBLICATION_NOUNS = frozenset({"edition", "issue", "newspaper", "paper", "column", "article", "editorial", "page"})

# Prepositions that put an event noun apart from the verb's event, as its goal, source or companion ("agreed to a
# meeting", "was expelled from talks", "was charged with murder"): a date after such a noun stays with the verb.
# (With "at", "in", "on", "during", "of" the verb's event happens within the noun's: "said at a news conference
# Friday" dates the conference; "after" and "before" leave the date to the noun they order the verb against:
# "collapsed after the invasion in February 2022".)
OTHER_EVENT_PREPS = frozenset({"to", "from", "with"})

# Words before a date an amount is compared with ("higher than a year ago"), and anywhere on its way up to the
# change ("compared with 6.7 billion in the previous quarter"): a baseline dates no event (`model.extract.events`).
BASELINE_WORDS = frozenset({"than", "versus", "vs", "vs."})
COMPARING_WORDS = BASELINE_WORDS | {"compared", "comparison"}
# Words of the period a change is measured against ("the same period a year ago").
SAME_PERIOD_WORDS = frozenset({"same", "corresponding", "comparable", "year-ago", "year-earlier", "prior-year"})
# Prepositions of a time limit, and the verbs that give or have one ("gave them until mid-November to submit", "have
# until April 1 to pay"): the date is the time of the event the limit is for, not of the giving. (With another verb
# the infinitive is a purpose: "delayed until July 1 to take advantage of" dates the delay.)
LIMIT_PREPS = frozenset({"until", "till"})
LIMIT_VERBS = frozenset({"give", "have", "get", "grant", "allow"})
# Words before a date that bounds a span ("until July 19", "since 2014"), and after one that opens a range ("from
# 2019 to 2021": no baseline).
SPAN_BOUNDS = frozenset({"until", "till", "since"})
RANGE_ENDS = frozenset({"to", "through", "until", "till", "-", "–", "and"})
# Nouns that count or group the event nouns after their "of" ("signed a series of agreements").
MEASURE_NOUNS = frozenset({"series", "number", "set", "range", "raft", "host", "package", "pair", "couple", "dozen"})
