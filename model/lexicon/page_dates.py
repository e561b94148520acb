"""Words of a page's dates (`model.ingest.clean`): data only."""

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_SPELLINGS = {"sept": 9}  # month spellings beyond the names and their first three letters

# Words that introduce a page's date line ("Published on June 19, 2024"), in a regular expression's alternation order.
DATE_LEAD_WORDS = ("published", "updated", "posted", "last updated", "first published")
