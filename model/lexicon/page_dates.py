"""Words of a page's dates (`model.ingest.clean`): data only. Month names are `model.lexicon.calendar.MONTHS`."""

MONTH_SPELLINGS = {"sept": 9}  # month spellings beyond the names and their first three letters

# Words that introduce a page's date line ("Published on June 19, 2024"), in a regular expression's alternation order.
DATE_LEAD_WORDS = ("published", "updated", "posted", "last updated", "first published")

# Words that open a note dating a revision of the text, not its publication ("Correction added Nov. 18, 2019: …"),
# in a regular expression's alternation order.
REVISION_NOTE_WORDS = ("correction", "corrected", "clarification", "updated", "update", "editor['’]s note")
