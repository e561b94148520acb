"""Who may speak: nouns of people, bodies and groups, gendered nouns and given names, titles, voices that
speak for someone, quantities of people; and the subjects that are no people (used by the quote extractor)."""

# Bodies described by a common noun that speak ("the campaign says …", "the network said …").
BODY_NOUNS = set(
    """
campaign network company firm group agency committee union administration department ministry office team
organization organisation association coalition council commission panel board court newspaper paper station
channel website publication outlet magazine broadcaster bureau government embassy consulate military army navy parliament
legislature senate cabinet regime delegation regulator media
""".split()
)
# Things that only show, no source that speaks ("recent data suggests …": evidence).
THING_NOUNS = {"data", "datum", "evidence", "trend", "figure", "number", "statistic", "sign", "fact", "math"}
# Quantifiers that stand for people as a subject ("some say …", "many believe …").
PEOPLE_QUANTIFIERS = {"some", "many", "most", "others", "both", "few", "all", "everyone", "anyone", "several"}
# Words for one or more of a group named after them ("one of his aides", "each of the judges").
MEMBER_WORDS = {"one", "each", "none", "either", "neither"}
# Common nouns that denote people ("officials", "a senior official", "many experts").
PEOPLE_NOUNS = set(
    """
official source analyst expert critic observer aide adviser advisor advisor member people person insider
diplomat spokesman spokeswoman spokesperson lawmaker legislator politician leader executive economist
scientist researcher scholar academic professor lawyer attorney prosecutor investigator officer agent
police authority resident citizen voter supporter opponent activist protester demonstrator witness friend
colleague ally rival candidate nominee delegate representative senator congressman congresswoman governor
mayor minister premier diplomat envoy ambassador negotiator strategist consultant pollster commentator journalist
reporter correspondent editor writer author historian specialist veteran worker employee staffer staff
manager director chairman chairwoman president chief head founder owner investor trader banker dealer
parent mother father student teacher doctor physician nurse patient victim survivor family relative
neighbor neighbour man woman someone somebody anyone everyone nobody republican democrat conservative liberal
organizer organiser advocate associate businessman businesswoman other proponent backer donor
""".split()
)
# Words for one office, any of which a later description may use for the person a lede described by another
# ("the Chinese ambassador to Russia has said …" … "the envoy said"; `speakers.named_after_the_lede`).
OFFICE_KIN = {
    "ambassador": {"ambassador", "envoy"},
    "envoy": {"ambassador", "envoy"},
    "diplomat": {"ambassador", "envoy", "diplomat"},
}
# An office word as an article may also write it, as a pattern: "the Russian premier" after "Russian Prime Minister
# Mikhail Mishustin" (`speakers._title_words`).
OFFICE_WRITTEN = {"premier": r"(?:premier|prime\s+minister)"}
# Nouns of a country or a side: not people, though they may be counted ("both sides").
NOT_PEOPLE = {"country", "nation", "side", "government", "state"}
FEMALE_NOUNS = {
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "wife",
    "mother",
    "daughter",
    "sister",
    "widow",
    "actress",
    "queen",
    "princess",
    "grandmother",
    "girlfriend",
    "lady",
    "woman",
    "mrs.",
    "ms.",
    "mrs",
    "ms",
    "miss",
    "madam",
    "madame",
}
MALE_NOUNS = {
    "spokesman",
    "congressman",
    "businessman",
    "husband",
    "father",
    "son",
    "brother",
    "king",
    "prince",
    "widower",
    "grandfather",
    "boyfriend",
    "man",
    "mr.",
    "mr",
    "sir",
}
# Given names that are (almost) only a man's or only a woman's: a person's gender when no title or pronoun
# in the article tells it. General knowledge, like the titles above; names used by both are left out.
MALE_NAMES = set(
    """
aaron adam alan albert alexander alexei andrew anthony antonin antony arnold barack ben benjamin bernard bernie
bill bob bobby boris brad brandon brent brian bruce carl charles chris christopher chuck colin craig dan daniel
darrell david dennis dick donald doug douglas duncan ed eddie edward elijah emmanuel eric ernest francis frank
fred gary george gerald greg gregory harold harry henry howard hugh ian jack jacob jake james jared jason jeb
jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan joseph josh joshua juan keith ken kenneth
kevin larry lawrence luis marco mark martin matt matthew michael mike mitch mitt neil newt
nicholas nick noah oliver patrick paul peter phil philip ralph randy raymond reince richard rick rob robert
roger ronald roy rudy rush russell ryan sam samuel scott sean sergei sergey seth stephen steve steven ted
thomas tim timothy todd tom tony travis trey victor vladimir walter wayne william xavier
""".split()
)
FEMALE_NAMES = set(
    """
abigail alice alicia amanda amy angela ann anna anne barbara betsy betty brenda carla carly carol caroline
catherine cathy cheryl christina christine claire cynthia debbie deborah debra diane donna dorothy elaine
elizabeth ellen emily emma erin eva evelyn gabrielle gina hannah heather helen hillary ivanka jane janet jean
jennifer jessica jill joan joanna joy judith judy julia julie karen kate katherine kathleen kathy katie kayleigh
kellyanne kirsten laura lauren linda lisa lois loretta lucy madeleine margaret maria marie marine martha mary
megan megyn melania melanie melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula
rachel rebecca rosa ruth sandra sara sarah sharon shirley sonia sophie stephanie susan suzanne tammy teresa
theresa tina tulsi valerie victoria virginia wendy
""".split()
)
# "the two countries", "both sides": a joint speaker, the last coordinated pair of that kind.
PAIR_NOUNS = {
    "country": "GPE",
    "nation": "GPE",
    "side": "GPE",
    "government": "GPE",
    "state": "GPE",
    "capital": "GPE",
    "leader": "PERSON",
    "president": "PERSON",
    "man": "PERSON",
    "minister": "PERSON",
    "head": "PERSON",
}
PAIR_WORDS = {"two", "both"}
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "sec": "secretary",
    "amb": "ambassador",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "atty": "attorney",
    "supt": "superintendent",
    "dr": "doctor",
    "prof": "professor",
}
COLLECTIVE_VOICES = {"campaign", "camp", "team", "office", "staff"}
# Who speak for the one named as their owner ("Sanders's campaign said", "Cameron's spokesman said"): the
# speaker is "Bernie Sanders's campaign", linked to Bernie Sanders.
VOICE_NOUNS = {
    "campaign",
    "camp",
    "team",
    "office",
    "staff",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "press",
    "representative",
    "lawyer",
    "attorney",
}
# Voices that speak for whom they are "for" ("a spokesman for the ministry", "the office of the president"); an aide,
# an adviser or a lawyer "to"/"for" someone speaks for themselves.
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "campaign", "office"}
# "a number of lawmakers", "dozens of officials": the people counted speak.
QUANTITIES = {
    "number",
    "lot",
    "handful",
    "couple",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "score",
    "scores",
    "host",
    "bunch",
}
# Words of a body's name: an organisation so named is no person a "he"/"she" may mean.
BODY_NAME_WORDS = set(
    """
news post times party committee campaign department ministry university college institute association council
foundation group company corporation bank agency court house senate congress commission center centre network
journal tribune press media service office union club fund league coalition organization organisation board
school church republicans democrats caucus review magazine daily herald gazette channel radio television tv
""".split()
)
# Common nouns that may speak besides people, bodies and records (PEOPLE_NOUNS, BODY_NOUNS,
# records.DOCUMENT_NOUNS, records.WRITINGS): groups of people and what is written or shown to be read.
GROUP_NOUNS = set(
    """
group crowd audience public community family couple pair base camp side party jury panel crew delegation
military army troops media press court majority minority generation child kid guy folk star celebrity hawk
tycoon mogul magnate heavyweight contender hopeful front-runner frontrunner incumbent surrogate insider outsider
progressive moderate independent libertarian populist partisan elite clergy pope bishop pastor priest rabbi imam
judge justice jury boss chief head ceo executive operative secretary general colonel admiral voice
""".split()
)
# A company's name says it is one ("Mack Trucks Inc"); "the company" or "the firm" then means it.
COMPANY_NAME_WORDS = {
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "bv",
    "spa",
    "corporation",
    "incorporated",
    "company",
    "limited",
    "holdings",
    "industries",
    "enterprises",
}
COMPANY_NOUNS = {"company", "firm", "group", "concern"}

# The titles a nation's leader is named with ("Chinese President Xi Jinping"): "the Chinese leader" is that person.
LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "leader", "king", "supreme leader")
