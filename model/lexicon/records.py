"""Records and writings that findings or words are attributed to: polls, reports, statements, tweets, what is
written to be read, a poll's share of its respondents (used by the quote extractor)."""

# Records that findings are attributed to ("a new poll shows …", "according to the report, …").
DOCUMENT_NOUNS = set(
    """
poll survey study report analysis data document memo letter complaint lawsuit filing review audit research
investigation record figure number estimate projection forecast indictment ruling census tally count
polling result statement email e-mail footage video statistic post remark average transcript readout communique
communiqué declaration
""".split()
)
# A poll's share of its respondents as a source ("47 percent said …", "half of Democrats say …").
SHARE_WORDS = {"percent", "half", "majority", "plurality", "third", "quarter", "fifth", "minority"}
# What someone puts out in writing or on air: its author is the speaker ("Clinton issued a statement calling …").
WRITINGS = {
    "statement",
    "readout",
    "communique",
    "communiqué",
    "declaration",
    "tweet",
    "release",
    "letter",
    "email",
    "e-mail",
    "ad",
    "advertisement",
    "memo",
    "post",
    "video",
    "spot",
    "message",
    "note",
    "op-ed",
    "essay",
    "column",
    "speech",
    "remark",
    "comment",
    "interview",
    "blog",
    "editorial",
    "filing",
    "affidavit",
    "testimony",
    "announcement",
}
READ_NOUNS = set(
    """
ad advert sign banner poster website site page account book article story piece passage text cable order petition
notice opinion decision brief motion textbook caption headline transcript chart graphic finding result
estimate projection average tally photo picture suit town city county
""".split()
)
# Where words are said, as an attribution names it ("said at a news conference on Friday", "told an interview on
# Monday"): a date of such a word in the attribution dates the words (`model.corpus.said_on`).
OCCASIONS = WRITINGS | set(
    """
conference briefing interview speech address hearing meeting summit talks session forum appearance
remarks comments statements
""".split()
)
# Verbs that put a writing out: its subject speaks in it ("Putin and Xi signed a joint statement … The statement
# said …"; `speakers.the_writing_named_before`).
ISSUING_VERBS = {"sign", "issue", "release", "publish", "adopt", "post"}
