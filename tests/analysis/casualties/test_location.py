"""Where a figure happened, from NER spans or textual cues."""

import pytest

from analysis.casualties.location import cue_place, nearest_place


@pytest.mark.parametrize("sentence, place", [
    ("Fighting continued in the southern province of Kandahar.", "Kandahar"),
    ("Shelling hit Kherson region overnight.", "Kherson"),
    ("Eight people were killed in Bakhmut on Monday.", "Bakhmut"),
    ("Eight people were killed on Monday.", None),
])
def test_cue_place(sentence, place):
    assert cue_place(sentence) == place


def test_nearest_place_prefers_the_closest_span():
    places = [(0, 5, "Kabul"), (40, 48, "Kandahar")]
    assert nearest_place(places, 50, 52, 0, 60) == "Kandahar"
    assert nearest_place(places, 6, 8, 0, 60) == "Kabul"
    assert nearest_place(places, 6, 8, 100, 160) is None


def test_cue_place_prefers_the_place_nearest_the_figure():
    sentence = "Shelling in Kharkiv killed two; in the town of Izium five died."
    assert cue_place(sentence, near=sentence.index("five")) == "Izium"
    assert cue_place(sentence, near=sentence.index("two")) == "Kharkiv"
