"""Who a figure is attributed to."""

import pytest

from analysis.casualties.attribution import find_attribution, is_pronoun


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
