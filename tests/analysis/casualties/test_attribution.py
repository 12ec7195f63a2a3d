"""Who a figure is attributed to."""

import pytest

from analysis.casualties.attribution import (
    find_attribution,
    is_pronoun,
    resolve_pronoun,
)


@pytest.mark.parametrize("sentence, source", [
    ("According to Mohammed Daoud Farhad, head of the hospital, eight died.", "Mohammed Daoud Farhad"),
    ("Eight people died, officials said.", "officials"),
    ("Eight people died, a local official said on Sunday.", "local official"),
    ("Police said eight people died.", "Police"),
    ("Eight people died, said Ahmed Khan, a spokesman.", "Ahmed Khan"),
    ("Gaza's health ministry said 20 people were killed.", "Gaza's health ministry"),
    ("Eight people died in the blast.", None),
])
def test_attribution(sentence, source):
    assert find_attribution(sentence) == source


def test_pronouns_are_flagged_for_resolution():
    assert find_attribution("Hundreds of families had escaped the violence, he added.") == "he"
    assert is_pronoun("he") and not is_pronoun("police")


@pytest.mark.parametrize("sentence, source", [
    ("Nine people died, according to videos shared on social media.", "videos shared on social media"),
    ("Nine died, according to figures released by the health ministry on Sunday.",
     "figures released by the health ministry"),
    ("Nine died, according to figures released on Sunday.", "figures released"),
    ("Babagana Umar, the local government chairman, said the wounded were taken to hospital.", "Babagana Umar"),
    ("The governor, Babagana Zulum, said 8 died.", "Babagana Zulum"),
    ("In Borno State, the governor, Babagana Zulum, said 8 died.", "Babagana Zulum"),
])
def test_source_phrases_read_whole(sentence, source):
    assert find_attribution(sentence) == source


@pytest.mark.parametrize("pronoun, earlier, source", [
    # a name in the pronoun's own paragraph wins over a nearer role
    ("he", [["police officer", "Nahum Daso"]], "Nahum Daso"),
    # else a role that fits the pronoun
    ("he", [["health official"]], "health official"),
    ("he", [["officials"]], None),  # "he" is not "officials"
    ("they", [["Ataullah Atta", "officials"]], "officials"),
    ("it", [["Gaza's health ministry"]], "Gaza's health ministry"),
    # the pronoun's paragraph first, then earlier paragraphs
    ("she", [[], ["Amina Bello"]], "Amina Bello"),
    ("he", [], None),
])
def test_pronouns_resolve_to_a_fitting_source_or_none(pronoun, earlier, source):
    assert resolve_pronoun(pronoun, earlier) == source
