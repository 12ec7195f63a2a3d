"""The cue-word prefilter: cheap, and never drops a sentence that holds a figure."""

import pytest

from analysis.casualties.cues import has_cue


@pytest.mark.parametrize("sentence", [
    "Eight people were killed.", "The death toll rose to 62.", "Twelve people sustained injuries.",
    "Thousands fled.", "Police arrested 12.", "Two were stabbed to death.", "Five remain unaccounted for.",
    "Scores of refugees entering Turkey.", "Four were hospitalised.",
])
def test_sentences_with_cues_pass(sentence):
    assert has_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "The talks resumed in Geneva on Monday.", "The central bank left rates at 15 percent.",
])
def test_sentences_without_cues_are_skipped(sentence):
    assert not has_cue(sentence)
