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

# States as a place is named (besides those of COUNTRY_FORMS): a place that is a state may hold a city named for
# the same event ("visited Uzbekistan" / "arrived in Tashkent"); two cities, or two states, cannot both be where
# it happened (`event_merge._places_clash`).
OTHER_STATES = frozenset(
    """
Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|
Barbados|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Cape Verde|Central African Republic|Chad|Chile|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|
Cyprus|Czech Republic|Czechia|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|
East Timor|Ecuador|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|Gabon|Gambia|
Georgia|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Iceland|Ireland|Ivory Coast|
Jamaica|Jordan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|
Micronesia|Moldova|Monaco|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|
Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
Portugal|Qatar|Romania|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
Sao Tome and Principe|Senegal|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|
South Africa|South Sudan|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkmenistan|Tuvalu|Uganda|United Arab Emirates|UAE|Uruguay|Uzbekistan|Vanuatu|
Vatican|Venezuela|Yemen|Zambia|Zimbabwe|Hong Kong|Macau|Macao|Soviet Union|USSR|European Union|EU
""".replace("\n", "").split("|")
)
