"""Cue words of speech and attribution: the verbs that report speech or frame a quoted fragment, the cues of
belief, finding and intention and what they take, the nouns of a claim (used by the quote extractor)."""

# Verbs that report speech and take the reported clause as a complement (indirect speech). Not "agree":
# "both sides agreed that …" reports a decision, not words.
REPORT_VERBS = set(
    """
say tell add state note claim argue insist warn explain announce declare report write stress emphasize emphasise
assert maintain acknowledge admit concede confirm deny suggest predict reply respond answer remark comment observe
assure contend allege complain reiterate repeat indicate reveal disclose mention recall testify tweet caution
promise pledge vow conclude hint counter retort boast joke quip whisper shout inform notify underscore underline
proclaim affirm reaffirm lament protest object recommend propose post charge threaten guarantee swear clarify
specify speculate acknowledge concur estimate forecast brief urge ask chant yell scream
""".split()
)
# Verbs that can frame a quoted fragment ("hailed the “new frontier”", "calling Putin an “old friend”").
FRAME_VERBS = REPORT_VERBS | set(
    """
call hail tout praise welcome describe label term characterize characterise criticize criticise condemn slam blast
laud applaud express voice accuse refer brand dismiss reject denounce decry mock deride ridicule lambaste thank
congratulate quote cite demand question challenge attack defend compare liken recount portray depict paint
reassure plead beg invoke insist pronounce summarize summarise echo highlight agree continue
""".split()
)
# Verbs that frame a quoted fragment with the particle "on" and "about" ("went on about “…”", "harped on about").
ON_ABOUT_VERBS = {"go", "ramble", "rattle", "drone", "harp", "carry", "rant"}
QUOTING_VERBS = {"quote", "cite"}  # "X quoted Y as saying"
# A participle after a comma that closes a reported clause is the writer's gloss, not the speaker's words.
GLOSS_PARTICIPLES = {
    "indicating",
    "suggesting",
    "signalling",
    "signaling",
    "underscoring",
    "highlighting",
    "reflecting",
    "marking",
    "showing",
}
# What a speaker did not tell, after "without" at the end of what they said ("…, without giving a date", "…, without
# elaborating"): the writer's remark on the report, not part of it.
UNTOLD_VERBS = frozenset(
    "give provide elaborate offer specify cite detail explain name identify disclose comment".split()
)
# Cues of attribution beyond speech (PolNeAR's sense: beliefs, findings, intentions, demands): their
# clause ("believes that …", "the poll shows …"), their infinitive ("wants to …", "plans to …") or, for a
# few, what they call for ("called for …") is what is attributed. Indirect only: they never claim a
# quoted span, nor stand as a speaker for a later quote.
ATTRIB_CLAUSE = set(
    """
believe think know find show expect hope fear feel worry doubt understand realize realise recognize recognise
learn discover agree decide prove demonstrate reckon assume figure bet guess suspect point
""".split()
)
ATTRIB_INFINITIVE = set(
    """
want plan intend seek hope expect promise pledge vow threaten agree decide aim offer vote urge ask call push
press
""".split()
)  # not "refuse"/"decline": like "did not say", what they govern was not done
# A person's stance on something ("endorsed her tax plan", "criticized the trade deal", "announced a new plan"): the
# object, not a person.
# Not the compliments (praise, hail, welcome, laud: like the seeds' gold, a reaction, not a position), nor
# back/blame (0.33 and 0.60 precision on PolNeAR train).
ATTRIB_OBJECT = set(
    """
support endorse oppose criticize criticise cite reject dismiss question attack defend demand express denounce decry
blast slam condemn mention propose announce deny acknowledge repeat reiterate recall predict admit confirm
""".split()
)
# Learned from PolNeAR train (gold attributions without quotation marks): a verb lemma and the dependent of
# it that holds the attributed content, kept when, among the verb's uses with a subject that is a person or
# no entity (not an organisation or a country) and whose content our other rules missed, the dependent's
# subtree overlapped >= 30% of a gold content at least 5 times and at least half the time. Lemmas as the
# small model gives them ("hop" is hope). ccomp: a clause; xcomp: a to-infinitive; dobj: the object;
# other keys: the object of that preposition ("see X as [Y]", "talk about [Y]"). Indirect only, like ATTRIB.
LEARNED = {
    "dobj": """accept acknowledge address announce articulate back blast brush cite claim condemn criticize declare
        decry deem defend denounce deny discuss dismiss echo endorse explain expose express favor file highlight
        identify invoke issue lay list mention mock offer oppose outline post prefer propose question recognize
        recount reference reiterate reject remind renew report request reveal say seek share signal slam stress
        support tweet underscore voice want""",
    "xcomp": """agree ask call claim decide encourage expect force hop lead like look order plan prefer promise
        prompt prove push require seek tell threaten urge vow want""",
    "ccomp": """acknowledge add agree allow argue ask believe claim consider determine expect find hop imply insist
        know point question report reveal say see show suggest tell think want wonder worry""",
    "for": "advocate apologize ask blame blast call campaign cast criticize hop push vote",
    "as": "cite describe identify see view",
    "to": "compare devote liken look",
    "about": "ask speak talk think write",
    "with": "agree disagree show side",
    "of": "accuse speak",
    "at": "balk hint lash",
    "in": "believe",
    "on": "agree focus touch weigh",
    "against": "rail warn",
    "from": "distance",
}
# Left out of LEARNED although they pass its test on PolNeAR train: compliments (praise, tout, thank, applaud, hail:
# a reaction, and the seeds' gold leaves them out), refusals (decline/refuse to …: what was not done), examples
# given ("pointed to X as …") and "noted [the absence …]"; each costs a seeds false positive.
# Reactions and refusals: a compliment is no position (the seeds' gold leaves it out), a refusal says what was not
# done. The learned model keeps them only from its threshold for reported speech, never from the lower one of stances.
COMPLIMENTS = {"praise", "tout", "thank", "applaud", "hail", "laud", "congratulate", "welcome", "commend"}
REFUSALS = {"decline", "refuse"}
# Deeds: what someone did to something ("signed the documents", "struck a deal", "helped farmers sell grain") is no
# position held.
DEEDS = {"sign", "strike", "hold", "make", "take", "give", "meet", "visit", "build", "win", "lose", "receive", "help"}
# Verbs of addressing someone: passive and with no agent ("when asked whether …", "he was told that …"), what they
# govern is the asker's or the teller's, not their subject's.
ADDRESSEE_VERBS = {"ask", "tell", "inform", "notify", "question", "urge", "press"}
# Verbs of asking someone a question: the one asked in a clause before a "he"/"she" answers ("When reporters asked
# Wang about the visit, he said …": Wang; `speakers.Resolver._the_one_asked`).
ASKING_VERBS = {"ask", "question", "quiz"}
# Verbs that report what they told someone ("told a briefing that …", "assured lawmakers that …"), and the
# gatherings that stand for the people told: with a people noun (`people.PEOPLE_NOUNS`, `GROUP_NOUNS`) the object
# that a that-clause the parser read as relative may follow (`shapes.that_clause_on_the_addressee`).
TELLING_VERBS = {"tell", "inform", "notify", "assure", "warn", "remind", "brief"}
GATHERINGS = set(
    """
briefing conference meeting call session forum summit interview audience gathering rally hearing assembly
parliament congress senate committee panel council reporter journalist
""".split()
)
# Commitments: what someone pledged, vowed, promised or threatened to do ("pledged [to cut taxes]") is a stance: the
# infinitive says what will be done, not the words that said it (issue 18: stances are not speech). Their clause
# ("promised that …") stays reported speech.
COMMITMENTS = {"pledge", "vow", "promise", "threaten"}
STANCES = {"endorse", "support", "back", "oppose", "criticize", "attack", "reject", "favor", "prefer", "deny"}
ACT_CUES = {"deny", "admit", "acknowledge", "confirm"}  # "denied [providing weapons]": the act, as a gerund
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}  # "promised Kyiv to send tanks": the subject sends
# Prepositions whose gerund the verb's object does: "accused X of", "warned X against", "praised X for", "stopped X
# from", "congratulated X on", "charged X with" (not "in", "by", "after": the subject's)
OBJECT_CONTROL_PREPS = {"of", "against", "for", "from", "on", "with"}
NAMING_CUES = {"call", "label", "brand", "dub", "deem", "consider", "declare"}  # "called X a Y": X a Y
FINDING_VERBS = {"show", "find", "reveal", "indicate", "suggest", "estimate", "put"}  # with a record as subject
# Verbs of showing: with a happening for subject ("the visit underlined how dependent Moscow had become", "the talks
# showed that …") no one speaks: the writer reads the happening (`reported.a_happening_that_shows`).
SHOWING_VERBS = {
    "underline",
    "underscore",
    "show",
    "highlight",
    "demonstrate",
    "signal",
    "illustrate",
    "reflect",
    "indicate",
    "suggest",
    "reveal",
    "prove",
    "confirm",
    "mark",
}
# Verbs of demanding whose object may be what is demanded ("urged [restraint]", "demanded [an apology]"), one noun
# being enough (`frames.demanded_object`, `reported.too_short`); with an infinitive, the object is whom it is
# addressed to ("urged Kyiv [to negotiate]").
DEMAND_VERBS = {"urge", "demand"}
ATTRIB_FOR = {"call", "push", "press", "ask", "argue", "advocate", "plead", "lobby"}
# What a person spoke about or accused someone of: the object of the preposition.
ATTRIB_ABOUT = {
    **{v: ("about",) for v in ("speak", "talk", "complain", "boast", "joke", "worry", "testify", "write")},
    "accuse": ("of",),
    "focus": ("on",),
}  # not "pointed to X as …": an example given, not a claim
ATTRIB_CUES = (
    ATTRIB_CLAUSE | ATTRIB_INFINITIVE | ATTRIB_FOR | FINDING_VERBS | ATTRIB_OBJECT | set(ATTRIB_ABOUT) | NAMING_CUES
)
CLAIM_NOUNS = set(
    """
claim belief view assertion argument warning insistence promise pledge suggestion allegation accusation contention
position demand charge statement remark comment prediction hope fear concern suspicion conviction
""".split()
)
# Claim nouns whose that-clause is a position held, not words reported ("her belief that …"): a stance.
STANCE_CLAIM_NOUNS = {"belief", "view", "hope", "fear", "concern", "suspicion", "conviction", "position"}
# Objects too vague to be what was said ("said something", "said a lot").
VAGUE_OBJECTS = ("thing", "something", "anything", "nothing", "everything", "word", "lot")
