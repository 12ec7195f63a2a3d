"""The offline pipeline, built once for all NLP tests (building takes a few seconds)."""

import pytest

from analysis.nlp import load_pipeline


@pytest.fixture(scope="session")
def offline_nlp():
    return load_pipeline("parallax-offline")


@pytest.fixture(scope="session")
def ents(offline_nlp):
    """Entities of one text as (text, label) pairs, through the public find_mentions."""
    from analysis.nlp import find_mentions

    def run(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in find_mentions(offline_nlp, [text])[0]]

    return run
