"""Words around a quoted span that names something rather than reports speech (titles of works, "so-called"), and
field names that lead a paragraph like a speaker's label (used by the quote extractor)."""

# Nouns and words after which a quoted span names something rather than reports speech.
TITLED_WORK_NOUNS = set(
    """
song book novel film movie show series album poem play opera musical documentary program programme podcast column
article essay op-ed headline title slogan motto hashtag term word phrase expression label nickname moniker
catchphrase mantra banner tagline exhibition painting anthem ballad hymn track single magazine newspaper
newsletter report paper memoir biography brand name operation
""".split()
)
NAMING_WORDS = {"so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "known", "branded", "called"}
# Field names, not speakers, however often they lead a paragraph ("UPDATE: …", "Note: …").
LABEL_FIELDS = set(
    """
note update updated source sources editor correction clarification breaking video photo photos watch related read
contributing byline warning disclaimer spoiler caption credit credits transcript advertisement ad latest live
""".split()
)
# Small words that Title Case leaves in lower case ("Leader of the Free World").
TITLE_CASE_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "from", "or"}
