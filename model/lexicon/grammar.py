"""Function words the quote rules read: pronouns by kind, determiners, modals (as lemmas and as written),
prepositions, apostrophe elisions, suffixes of abstract nouns."""

# Modals as written, with the tokenizer's pieces ("'ll", "wo" of "won't", "ca" of "can't"): the learned model's feature.
MODAL_WORDS = {"must", "should", "would", "could", "may", "might", "will", "can", "shall", "ought", "'ll", "wo", "ca"}
# The kind of source a pronoun subject is (the learned model's feature).
PRONOUN_KINDS = {
    "he": "he",
    "she": "he",
    "him": "he",
    "her": "he",
    "they": "they",
    "them": "they",
    "i": "i",
    "we": "i",
    "me": "i",
    "us": "i",
    "you": "you",
    "it": "it",
    "this": "it",
    "that": "it",
    "who": "who",
    "which": "it",
}
# 'em, 'til, 'n', '90s: elisions that start with an apostrophe, not quotes.
APOSTROPHE_ELISIONS = ("em ", "til ", "n ", "tis ", "twas ", "cause ")
# unresolved; not I/we/you (the writer, the reader)
UNNAMED_PRONOUNS = {"he", "she", "they", "it", "who", "which", "that"}
OBJECT_PREPS = {"for", "as", "with", "in", "of", "over", "against", "about", "to"}  # the phrases `_object_reach` takes
# Modals as lemmas: a modal cue is no report ("must answer whether …").
MODAL_LEMMAS = {"must", "should", "would", "could", "may", "might", "will", "can", "shall", "ought"}
# Pronouns by gender and kind; the narrator's (I, we, you) never name a speaker.
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
PERSONAL_PRONOUNS = {"he", "she"}
NARRATOR_PRONOUNS = {"i", "we", "you", "me", "us", "one"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Suffixes of abstract nouns: what they name never speaks ("the first incident", "the rejection", "his final
# assessment").
ABSTRACT_SUFFIXES = ("ment", "ness", "tion", "sion", "ity", "ance", "ence", "ism", "ure", "ship", "hood")
DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "some",
    "many",
    "several",
    "other",
    "another",
    "its",
    "their",
    "his",
    "her",
    "our",
    "two",
    "both",
    "all",
    "most",
    "few",
}
# Words that open an adverbial clause: a clause after one is no report ("said when polls closed").
SUBORDINATORS = {
    "when", "where", "while", "as", "once", "after", "before", "since", "until", "till", "because", "if", "though",
    "although", "whenever", "wherever", "unless", "whereas", "how", "why", "so",
}  # fmt: skip
