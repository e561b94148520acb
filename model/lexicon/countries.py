"""Countries as they are written at the head of a body's name ("US State Department", "Chinese Foreign Ministry",
"China's Defence Ministry"): data only (`model.bodies.country_prefix`).

Each country: its canonical name (as `entity_names.FORMAL_NAMES` names it, where it is there) and the words it is
written in before a body's name: names and abbreviations, and the adjectives. The possessive of each name
("China's") is made from the name, not listed.
"""

# (canonical country, names and abbreviations, adjectives)
COUNTRY_FORMS = (
    ("United States", ("United States", "US", "U.S.", "USA", "U.S.A.", "America"), ("American",)),
    ("China", ("China", "PRC"), ("Chinese",)),
    ("Russia", ("Russia",), ("Russian",)),
    ("United Kingdom", ("United Kingdom", "UK", "U.K.", "Britain"), ("British",)),
    ("Ukraine", ("Ukraine",), ("Ukrainian",)),
    ("Taiwan", ("Taiwan",), ("Taiwanese",)),
    ("Japan", ("Japan",), ("Japanese",)),
    ("South Korea", ("South Korea",), ("South Korean",)),
    ("North Korea", ("North Korea", "DPRK"), ("North Korean",)),
    ("India", ("India",), ("Indian",)),
    ("Pakistan", ("Pakistan",), ("Pakistani",)),
    ("France", ("France",), ("French",)),
    ("Germany", ("Germany",), ("German",)),
    ("Italy", ("Italy",), ("Italian",)),
    ("Spain", ("Spain",), ("Spanish",)),
    ("Poland", ("Poland",), ("Polish",)),
    ("Belarus", ("Belarus",), ("Belarusian",)),
    ("Kazakhstan", ("Kazakhstan",), ("Kazakh",)),
    ("Iran", ("Iran",), ("Iranian",)),
    ("Iraq", ("Iraq",), ("Iraqi",)),
    ("Syria", ("Syria",), ("Syrian",)),
    ("Israel", ("Israel",), ("Israeli",)),
    ("Turkey", ("Turkey", "Turkiye"), ("Turkish",)),
    ("Saudi Arabia", ("Saudi Arabia",), ("Saudi",)),
    ("Egypt", ("Egypt",), ("Egyptian",)),
    ("Australia", ("Australia",), ("Australian",)),
    ("Canada", ("Canada",), ("Canadian",)),
    ("Mexico", (), ("Mexican",)),
    ("Brazil", ("Brazil",), ("Brazilian",)),
    ("Vietnam", ("Vietnam",), ("Vietnamese",)),
    ("Philippines", ("Philippines",), ("Philippine", "Filipino")),
    ("Indonesia", ("Indonesia",), ("Indonesian",)),
    ("Mongolia", ("Mongolia",), ("Mongolian",)),
    ("Hungary", ("Hungary",), ("Hungarian",)),
    ("Serbia", ("Serbia",), ("Serbian",)),
    ("Afghanistan", ("Afghanistan",), ("Afghan",)),
)

# The possessive endings a name takes before a body's name ("China's", "China’s").
POSSESSIVE_ENDINGS = ("'s", "’s")

# Words of the name of a state's body that many states have ("Foreign Ministry", "Ministry of Commerce", "Defence
# Department", "central bank"): written after a country's possessive ("Russia's Foreign Ministry"), the country is
# part of which body it is. A company's name after one ("Japan's Okuma Machinery") names it without the country.
STATE_BODY_WORDS = frozenset(
    """
ministry ministries department office embassy consulate mission government cabinet parliament assembly council
commission committee agency administration service services army navy military guard customs court police
prosecutor prosecutors bureau authority regulator
""".split()
)
STATE_BODY_PHRASES = (("central", "bank"),)
