"""Words of event frames: which triggers name the same kind of event, and the roles of a trigger's dependents."""

# Triggers (lemmas of verbs and event nouns) by kind of event. Reports of one event may use any trigger of its
# kind ("welcomed Wang Yi", "talks with Wang Yi", "Wang Yi visited Moscow").
TRIGGER_KINDS = {
    "meeting": """
        meet meeting talk talks welcome host visit receive summit trip tour encounter greet confer discuss
        discussion negotiate negotiation negotiations dialogue conversation phone consult consultation
        arrive arrival land fly travel journey reception gathering conference attend participate participation ceremony
        opening banquet dinner parade celebration
        """,
    "agreement": """
        declare declaration announce announcement sign signing agree agreement accord deal pact treaty strike
        seal pledge proclaim proclamation unveil launch note statement communique partnership alliance ratify
        ratification endorse commit commitment
        """,
    "warning": "warn warning caution threaten threat urge condemn condemnation criticise criticize rebuke",
    "attack": """
        attack invade invasion strike bomb bombing shell shelling raid assault offensive kill killing shoot
        shooting fire launch seize capture occupy
        """,
    "vote": "vote election elect ballot referendum poll reelect re-elect win",
    "appointment": "appoint appointment name nominate nomination swear inaugurate inauguration resign resignation",
    "trade": "buy sell acquire acquisition purchase sale merge merger takeover bid offer",
    "legal": "arrest detain detention charge indict sentence convict conviction trial sue lawsuit ruling rule",
}

# Kinds of event that are reported as parts of one another: a summit's declaration ("hosted … with the two
# countries declaring"), a joint statement at a meeting.
RELATED_KINDS = frozenset({frozenset({"meeting", "agreement"})})

# Triggers of one exchange seen from its two sides: a buyer of one is the seller of the other. The same one acting
# in both ("Britain bought grain", "Britain sold cars") makes them two events.
CONVERSE_TRIGGERS = ((frozenset({"buy", "acquire", "purchase"}), frozenset({"sell", "sale"})),)

# Event nouns → the verb a summary uses ("the talks" → "hold talks with"; the preposition goes with no one after it).
NOUN_VERBS = {
    "meeting": "meet",
    "talks": "hold talks with",
    "conversation": "hold a conversation with",
    "talk": "hold talks with",
    "visit": "visit",
    "trip": "visit",
    "summit": "hold a summit",
    "announcement": "announce",
    "declaration": "declare",
    "signing": "sign",
    "agreement": "agree",
    "invasion": "invade",
    "attack": "attack",
    "election": "hold an election",
    "arrest": "arrest",
    "warning": "warn",
    "drill": "hold drills",
    "exercise": "hold exercises",
}

# Gatherings that take place somewhere, and the verbs of being at one: where the gathering is, so is the one who
# attends it ("attended a summit in Tianjin", "watched a parade in Moscow"). (Not any verb: "condemned the attack
# in Kyiv", "praised the talks in Geneva" happen elsewhere.)
GATHERING_NOUNS = frozenset(
    "summit meeting talks talk conference forum ceremony parade celebration session congress games olympics "
    "exercise exercises drill drills visit opening fair exhibition expo festival funeral inauguration".split()
)
# Subjects that act, besides people and bodies (`people.PEOPLE_NOUNS`, `people.BODY_NOUNS`): the nations describing
# them act in what they do ("Russian and Chinese warships began …"); not a nation's output, exports or prices.
FORCE_NOUNS = frozenset(
    """
force forces troop troops soldier soldiers warship ship vessel destroyer frigate submarine bomber jet aircraft fighter
plane drone unit units fleet navy army military importer exporter operator producer buyer seller union seaman
""".split()
)

# Words of a plan whose object is the event planned: the date on them dates it ("On Thursday, Putin is also
# expected to meet Li Qiang": Putin meets Li; "is scheduled to attend the opening in Harbin on Friday").
PLAN_WORDS = frozenset({"expect", "schedule", "plan", "set", "slate", "due", "poise", "intend", "hope"})

# Speaking by some means of calling is a call ("spoke by telephone", "talked over the phone", "via video link"):
# the trigger "phone", a meeting of a kind; speaking by itself is no happening ("spoke to reporters").
TALKING_VERBS = frozenset({"speak", "talk", "chat", "confer"})
CALL_MEANS = frozenset({"phone", "telephone", "videophone", "video", "link", "videolink", "videoconference", "call"})

# "The two leaders held talks": the pair named together is looked for in the subject's sentence and this many before.
PAIR_SENTENCES = 4

ATTENDING_VERBS = frozenset("attend join watch host hold open chair co-chair address observe inspect".split())

# Dependents of a verb trigger that name who acts, and who or what is acted on.
AGENT_DEPS = frozenset({"nsubj", "agent", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "dative", "obj", "iobj", "attr", "oprd"})
# Of an event noun: "Xi's visit", "the Putin visit"
NOUN_AGENT_DEPS = frozenset({"poss", "compound"})

# Prepositions whose object is a participant: "talks with Wang Yi", "hosted by Xi", "a visit to/by …".
PARTICIPANT_PREPS = frozenset({"with", "by", "between", "among", "against", "of", "to", "for"})
# Prepositions of place: "in Beijing", "at the Kremlin", "to Moscow" (the last for movement).
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "on"})
# Prepositions of a topic beneath the trigger's own dependent ("a proposal about talks with Kyiv"): no participant.
TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning"})  # ("on": "a seat on the exchange")
# Entity labels of places, and of the ones that may take part.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Triggers whose place is their object: "visited Moscow", "a visit to Russia".
PLACE_OBJECT_TRIGGERS = frozenset(
    {"visit", "tour", "trip", "travel", "arrive", "arrival", "journey", "invade", "leave", "depart"}
)
# Triggers whose `to` phrase is a place: "a visit to Russia", "welcomed Wang Yi to the Kremlin".
TO_PLACE_TRIGGERS = PLACE_OBJECT_TRIGGERS | frozenset(
    {"welcome", "invite", "return", "send", "deploy", "fly", "come", "go", "move", "travel", "head"}
)

# Dependencies of a word that modifies a noun: a mention beneath one ("his Russian counterpart", "China's top
# diplomat", "US Secretary of State …") describes a participant and is not one itself.
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod", "nummod", "quantmod"})

# Dependencies that end a frame: a mention beneath them belongs to another clause.
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis", "pcomp"})

# Two day readings of one event at most this many days apart are the same event misdated (a conflict);
# farther apart, they are two events.
CONFLICT_WINDOW_DAYS = 3

# Verbs the summary writes as they are ("hold talks") or irregularly in the third person.
THIRD_PERSON = {"have": "has", "be": "is", "do": "does", "go": "goes"}
