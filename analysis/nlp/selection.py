"""Which NLP pipeline runs: a trained spaCy pipeline when one is installed, else the offline one.

The choice is made once per process and per name (lru_cache): the dashboard wraps
`load_pipeline` in st.cache_resource and never mutates the result.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from analysis.nlp.offline import OFFLINE_NAME, OFFLINE_VERSION, build_offline_pipeline, is_offline

ENV_VAR = "PARALLAX_SPACY_MODEL"
TRAINED_PIPELINES = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
# Components named entity recognition does not need; left out for speed.
_UNNEEDED = ("parser", "lemmatizer", "attribute_ruler", "morphologizer", "senter", "tagger")


def load_pipeline(name: str | None = None) -> Language:
    """The pipeline named `name`, or (None) the one $PARALLAX_SPACY_MODEL names, or the best
    installed trained English pipeline, or the offline pipeline. A name that is not
    installed falls back to the offline pipeline; `pipeline_description` says so."""
    if name is None:
        name = os.environ.get(ENV_VAR) or None
    return _load(name)


@lru_cache(maxsize=8)
def _load(name: str | None) -> Language:
    if name and name != OFFLINE_NAME:
        if spacy.util.is_package(name):
            return _load_trained(name)
        return _offline()
    if name == OFFLINE_NAME:
        return _offline()
    for candidate in TRAINED_PIPELINES:
        if spacy.util.is_package(candidate):
            return _load_trained(candidate)
    return _offline()


@lru_cache(maxsize=1)
def _offline() -> Language:
    return build_offline_pipeline()


def _load_trained(name: str) -> Language:
    nlp = spacy.load(name, exclude=list(_UNNEEDED))
    return nlp if "ner" in nlp.pipe_names else _offline()


def pipeline_description(nlp: Language, requested: str | None = None) -> str:
    """A one-line name for the dashboard and `Analysis.pipeline`. When the offline pipeline
    runs although a trained one was asked for (`requested`, default $PARALLAX_SPACY_MODEL),
    it says that one is not installed."""
    if is_offline(nlp):
        text = f"{OFFLINE_NAME} {OFFLINE_VERSION} (rule-based: gazetteers + heuristics)"
        requested = requested if requested is not None else os.environ.get(ENV_VAR)
        if requested and requested != OFFLINE_NAME and not spacy.util.is_package(requested):
            text += f"; {requested} is not installed"
        return text
    lang = nlp.meta.get("lang", "en")
    name = nlp.meta.get("name", "pipeline")
    full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    return f"{full} {nlp.meta.get('version', '')} (trained)".replace("  ", " ")
