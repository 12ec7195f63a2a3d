"""The offline pipeline: spaCy's tokenizer, a SpanRuler over the gazetteers, and the
proper-noun recogniser. Built from installed packages only; no download, no training."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from analysis.nlp.gazetteers import build_gazetteer
from analysis.nlp.proper_nouns import COMPONENT, GAZETTEER_KEY, is_multi_token

OFFLINE_NAME = "parallax-offline"
OFFLINE_VERSION = "1"


def build_offline_pipeline() -> Language:
    """A blank English pipeline with the rule components; about three seconds to build."""
    nlp = spacy.blank("en")
    # "U.S.-backed", "U.N.-run": split the hyphen after an abbreviation, as after a word.
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.meta["name"] = OFFLINE_NAME.replace("-", "_")
    nlp.meta["version"] = OFFLINE_VERSION
    nlp.meta["description"] = "rule-based: gazetteers + heuristics"
    ruler = nlp.add_pipe(
        "span_ruler",
        name="gazetteer",
        config={"spans_key": GAZETTEER_KEY, "phrase_matcher_attr": "ORTH", "validate": False},
    )
    gazetteer = build_gazetteer()
    # Single-token names are looked up by the recogniser itself (a dict is faster to build
    # than a matcher); the matcher takes the names the tokenizer splits.
    patterns = [
        {"label": label, "pattern": name}
        for name, label in gazetteer.labels.items()
        if is_multi_token(name)
    ]
    with nlp.select_pipes(disable=["gazetteer"]):
        ruler.add_patterns(patterns)
    # Tokenizing the patterns filled the tokenizer's bounded cache (10,000 chunks) with
    # gazetteer names, so the words of real texts were never cached and every token went
    # through the affix regexes: about ten times slower than spacy.blank("en"). Re-setting
    # the rules empties the cache (same rules, same tokens).
    nlp.tokenizer.rules = dict(nlp.tokenizer.rules)
    nlp.add_pipe(COMPONENT)
    return nlp


def is_offline(nlp: Language) -> bool:
    """True for a pipeline built by `build_offline_pipeline`."""
    return COMPONENT in nlp.pipe_names
