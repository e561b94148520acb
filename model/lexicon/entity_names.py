"""Words for naming entities (`model.extract.entities`): data only.

General knowledge of the field, not a list of any article's entities: the formal names and
abbreviations of places and bodies, the titles and offices that stand before a person's name,
and the family names written first.
"""

# The entity types kept as mentions (spaCy's labels).
KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"}

# Formal names and abbreviations of places and bodies: (canonical name, label, the forms it is written in).
FORMAL_NAMES = (
    (
        "United States",
        "GPE",
        [
            "United States",
            "US",
            "U.S.",
            "U.S",
            "USA",
            "U.S.A.",
            "United States of America",
            "America",
            "the United States",
            "the US",
            "the U.S.",
            "the States",
        ],
    ),
    (
        "China",
        "GPE",
        [
            "China",
            "PRC",
            "P.R.C.",
            "People's Republic of China",
            "the People's Republic of China",
            "Mainland China",
            "the People's Republic",
            "the PRC",
        ],
    ),
    ("Russia", "GPE", ["Russia", "Russian Federation", "the Russian Federation"]),
    (
        "United Kingdom",
        "GPE",
        ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "the UK", "the U.K."],
    ),
    ("Soviet Union", "GPE", ["Soviet Union", "USSR", "U.S.S.R.", "the Soviet Union", "the USSR"]),
    ("North Korea", "GPE", ["North Korea", "DPRK", "Democratic People's Republic of Korea"]),
    ("South Korea", "GPE", ["South Korea", "ROK", "Republic of Korea"]),
    ("United Arab Emirates", "GPE", ["United Arab Emirates", "UAE", "U.A.E."]),
    ("European Union", "ORG", ["European Union", "EU", "E.U.", "the European Union", "the EU"]),
    ("United Nations", "ORG", ["United Nations", "UN", "U.N.", "the United Nations", "the UN", "the U.N."]),
    ("NATO", "ORG", ["NATO", "Nato", "North Atlantic Treaty Organization"]),
    (
        "Chinese Communist Party",
        "ORG",
        [
            "Chinese Communist Party",
            "Communist Party of China",
            "CCP",
            "CPC",
            "the Chinese Communist Party",
            "the Communist Party of China",
        ],
    ),
    (
        "Shanghai Cooperation Organization",
        "ORG",
        ["Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO"],
    ),
    ("Kremlin", "ORG", ["Kremlin", "the Kremlin"]),
    ("Politburo", "ORG", ["Politburo", "the Politburo"]),
)
# How a country is written at the head of an organisation's name ("US State Department").
SHORT_FORM = {"United States": "US", "United Kingdom": "UK", "European Union": "EU", "United Nations": "UN"}

# Words that open an entity's span and are not part of its name ("the Kremlin").
LEADING_DETERMINERS = ("the", "a", "an")

# Words that stand before a name as a title or office, not part of it.
TITLE_WORDS = {
    "president",
    "vice",
    "premier",
    "prime",
    "minister",
    "secretary",
    "foreign",
    "defense",
    "defence",
    "state",
    "general",
    "gen",
    "gen.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sen",
    "sen.",
    "senator",
    "rep",
    "rep.",
    "representative",
    "gov",
    "gov.",
    "governor",
    "chairman",
    "chairwoman",
    "chair",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "deputy",
    "assistant",
    "undersecretary",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "comrade",
    "professor",
    "prof",
    "prof.",
    "director",
    "commissioner",
    "justice",
    "judge",
    "lt",
    "lt.",
    "col",
    "col.",
    "adm",
    "adm.",
    "admiral",
    "marshal",
    "rev",
    "rev.",
    "sir",
    "lord",
    "dame",
    "leader",
    "envoy",
    "counselor",
    "councillor",
    "of",
    "the",
    "top",
    "senior",
    "chief",
    "former",
    "supreme",
    "mayor",
    "minister-counselor",
    "speaker",
    "commander",
    "head",
    "diplomat",
    "attorney",
    "trade",
    "finance",
    "economy",
    "interior",
    "security",
    "national",
    "adviser",
    "advisor",
    "sheikh",
    "emir",
    "treasurer",
    "economist",
    "analyst",
    "ceo",
    "executive",
    "officer",
    "president-elect",
    "secretary-general",
    "lawmaker",
    "congressman",
    "congresswoman",
    "mp",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "vice-president",
    "vice-premier",
    "dictator",
    "foreign-minister",
    "defence-minister",
    "ex",
    "ex-president",
    "late",
    "opposition",
    "incumbent",
    "acting",
}
# Title words worth keeping in an alias ("President Xi"): the capitalised office that stands right before the name.
ALIAS_TITLES = {
    "president",
    "premier",
    "minister",
    "secretary",
    "chairman",
    "chancellor",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "general",
    "gen.",
    "ambassador",
    "king",
    "queen",
    "prince",
    "pope",
    "professor",
    "prof.",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "commissioner",
    "envoy",
    "admiral",
    "justice",
    "judge",
    "rep.",
}

# Family names written first (Chinese pinyin, Korean, Vietnamese). FAMILY_FIRST is used only to decide which word
# of a full name is the family name; the Chinese ones also make an untagged "Xi Jinping" or "Han Zheng" a person's
# name, with a pinyin given name (`PINYIN_SYLLABLE`, "Jinping" is jin + ping; `entities._pinyin_names`): the small
# English model misses "Xi Jinping" at the start of a sentence or after a wire dateline.
CHINESE_FAMILY_NAMES = frozenset(
    """
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai wei du ye cheng su lu ding ren shen yao qin xi wan fu
fan bai qiu hou meng long shi yan lei qian tan kong mao bo gu hao kang mo shao wen xue yin zou jia cui geng duan lai
hong qi niu hua dai xiong jin tao gong ge zhong pang ou xia liao fang lou zhai che chai kuang ni hang ling mu rao
zhan zhuang bian chang chu dou fei gan guan hui ji jian jiao ke lian ning pu rong sang shang sima tong xing yi you
yue zhen
""".split()
)
KOREAN_FAMILY_NAMES = frozenset(
    "kim park choi jung kang cho yoon moon jang lim han shin seo kwon hwang ahn song ryu hong jeon ko".split()
)
VIETNAMESE_FAMILY_NAMES = frozenset("nguyen tran le pham hoang phan vu dang bui do ngo duong ly".split())
FAMILY_FIRST = set(CHINESE_FAMILY_NAMES | KOREAN_FAMILY_NAMES | VIETNAMESE_FAMILY_NAMES)

PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u)"
)
# Two words that read as a pinyin name but name a place or a thing.
NOT_PINYIN_NAMES = frozenset({"hong kong", "long march", "song dynasty", "tang dynasty", "han dynasty", "li ning"})
