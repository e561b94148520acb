"""Numbers in words: counts, tens, vague amounts, ordinals."""

# numbers and amounts in words, up to nineteen
SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
    "half": 0.5,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}

# tens in words
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

# amounts that give no number: "several years", "a few days"
VAGUE_AMOUNTS = {"several", "a few", "few", "many", "some", "numerous", "the few", "a number of", "a couple more"}

# the ordinals that number a quarter: "the third quarter", "the 2nd quarter"
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# "the first anniversary", "the 10th anniversary"
ANNIVERSARY_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "10th": 10,
}

# how many years ago: "a year ago", "two years ago"
YEAR_COUNTS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
