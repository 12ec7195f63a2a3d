import re

import pytest

from analysis.wordscan import WholeWords, is_regex_word_char

VERBS = ["said", "says", "told"]


@pytest.mark.parametrize("text", [
    "Police said.", "said", "He told reporters", "“said”", "officials-said", "2 said", "was said_",
    "unsaid said", "Ärzte said", "saidé", "the soldiers saidsaid and said",
])
def test_agrees_with_the_word_bounded_regex(text):
    regex = re.compile(r"\b(?:" + "|".join(VERBS) + r")\b")
    assert WholeWords(VERBS).any_in(text) == bool(regex.search(text))


def test_a_word_inside_a_longer_word_does_not_count():
    scanner = WholeWords(VERBS)
    assert not scanner.any_in("The unsaid truth was retold")
    assert scanner.any_in("The unsaid truth was retold, he said")


def test_matching_is_case_sensitive():
    assert not WholeWords(VERBS).any_in("SAID Police")


def test_word_characters_can_be_chosen():
    letters = WholeWords(["dead"], frozenset("abcdefghijklmnopqrstuvwxyz").__contains__)
    assert letters.any_in("five dead2")  # a digit ends a run of letters
    assert not WholeWords(["dead"]).any_in("five dead2")  # but continues a \w word


def test_no_words_finds_nothing_and_an_empty_word_is_refused():
    assert not WholeWords([]).any_in("anything at all")
    with pytest.raises(ValueError):
        WholeWords(["said", ""])


def test_regex_word_characters():
    assert all(is_regex_word_char(c) for c in "aZ9_éß٣")
    assert not any(is_regex_word_char(c) for c in " -’.,\u00a0")
