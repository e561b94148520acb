"""Words of events: the nouns that name something that happens (a date may anchor on them, as on a verb)."""

# Nouns that name an event, by lemma: "the meeting on Friday", "Xi's visit in March", "the 2022 invasion".
EVENT_NOUNS = frozenset(
    """
    accident accord acquisition action address agreement aid air-strike airstrike alliance announcement anniversary
    appeal appearance approval arrest arrival assassination assault attack attempt auction audit ballot bankruptcy
    battle bid birth blast blockade bombardment bombing boom boycott breakdown breakthrough briefing buyback
    campaign cancellation capture case ceasefire celebration ceremony change charge clash closing closure collapse
    collision conference confrontation congress conquest contest convention conversation conviction coup crackdown
    crash crisis cut deal death debate decision decline default defeat delivery demonstration deployment deal
    departure detention dialogue disaster discussion dispute drill drop earthquake election emergency encounter
    end escalation escape evacuation event exchange execution exercise expansion explosion fall festival fight
    fighting fire flight flood forum founding funeral gain game hearing hike holiday inauguration incident increase
    independence injury inquiry interview invasion investigation journey jump kidnapping killing landing launch
    lawsuit layoff leak loss march massacre meeting merger mission move murder negotiation offensive offer opening
    operation outbreak parade party payment plunge poll probe protest purchase raid rally ratification rebellion
    reception recession recovery referendum reform release reopening report rescue retirement return revolt
    revolution riot rise round ruling sale sanction sell-off selloff session settlement shooting shutdown siege
    signing slump speech split storm strike struggle summit surge surrender suspension takeover talk talks test
    tour trade trading transaction treaty trial trip truce turmoil uprising verdict veto victory visit vote voting
    walkout war wedding withdrawal
    results result gain gains growth output outflow inflow charge
    write-down writedown dividend deficit surplus performance decline advance rebound briefing address
    """.split()
)

# Endings of nouns made from verbs ("the ratification", "the agreement", "the arrival"); with a verb of the
# same stem in the lexicon of the parse they are events. Nouns these endings name that are not events:
EVENT_NOUN_ENDINGS = ("tion", "sion", "ment", "al", "ure", "ance", "ence")
NOT_EVENT_NOUNS = frozenset(
    """
    nation station edition portion fraction position condition situation population region government department
    apartment equipment parliament management element statement document moment segment sentiment
    official capital general journal hospital total rival material terminal animal individual principal
    manual potential criminal arsenal council signal mural proposal
    nature culture structure future feature picture figure measure pressure procedure temperature
    agriculture legislature literature signature creature mixture
    distance finance balance province instance audience evidence intelligence science sentence influence
    reference conference difference presence violence confidence residence sequence
    """.split()
)

# Lemmas of time words that head a noun phrase a date modifies without naming an event ("the third quarter",
# "the 1989 period", "the fiscal year ended Jan. 31").
TIME_NOUNS = frozenset(
    """
    year month week day hour minute second decade century quarter half period season time date morning afternoon
    evening night weekend era term spring summer autumn winter today yesterday tomorrow moment
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
)

# Amounts a report gives for a period ("third-quarter net income", "sales last year"): events of their own
# ("reported third-quarter earnings"), but the subject of a verb of change yields to it ("third-quarter net
# income fell 5%": the date anchors on "fell").
QUANTITY_NOUNS = frozenset({"earnings", "income", "profit", "revenue", "revenues", "sales", "loss", "losses", "net"})
