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


@pytest.mark.parametrize("sentence", [
    "The skilled workers returned.",  # "killed" inside a longer word
    "Deadlines passed in Geneva.",  # "dead" at the start of one
    "The unwounded convoy rolled on",
])
def test_cue_letters_inside_a_longer_word_are_not_a_cue(sentence):
    assert not has_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "killed", "Dead.", "(killed)", "KILLED at dawn", "five-dead", "élan killed", "naïve killed",
    "word2killed",  # digits end a run of letters, as in the regex reading
])
def test_whole_word_cues_count_at_the_edges_of_the_text_and_next_to_other_characters(sentence):
    assert has_cue(sentence)


def test_a_cue_glued_to_an_accented_letter_still_counts_as_a_word():
    """Only a-z continue a word: "killedé" holds the run "killed" (as the a-z reading did)."""
    assert has_cue("killedé")
