"""The passes of `coordinate`, each on a sentence of its own: the figures come tied by their own
cues, as the sentence reader hands them over, and one pass is run."""

from analysis.casualties import linking
from analysis.casualties import sentence as steps
from analysis.casualties.cues import DETAINED, INJURED, KILLED
from analysis.casualties.reading import NP_STOPS, Found
from analysis.casualties.tokens import tokenize
from analysis.casualties.victims import noun_phrase_end


def tied(text: str) -> tuple[list[Found], list]:
    """Each number's figure tied on its own, before any linking, and the tokens."""
    tokens = tokenize(text, 0)
    sentence = steps._Sentence(tokens, text, 0, False)
    numbers = [steps._Number(q, noun_phrase_end(tokens, q.last, stops=NP_STOPS))
               for q in steps._quantities(tokens, text, 0)]
    return steps._tie_numbers(sentence, numbers), tokens


def test_a_figure_after_and_shares_the_cue_before_it():
    text = "Raiders attacked a convoy near Mopti, killing four soldiers and two drivers."
    found, tokens = tied(text)
    assert [f.category for f in found] == [KILLED, None]
    linking._share_the_cue_before(found, tokens, text, 0)
    assert found[1].category == KILLED and found[1].how == "inherited" and found[1].group == found[0].group
    assert found[1].victims == "drivers"


def test_a_figure_after_along_with_shares_the_cue():
    text = "Two smugglers were arrested along with 15 migrants at the port of Sfax."
    found, tokens = tied(text)
    assert [f.category for f in found] == [DETAINED, None]
    linking._share_along_with(found, tokens)
    assert found[1].category == DETAINED and found[1].how == "inherited"


def test_along_with_needs_to_follow_the_cue_word_itself():
    text = "Two smugglers were arrested at dawn along with 15 migrants."
    found, tokens = tied(text)
    linking._share_along_with(found, tokens)
    assert found[1].category is None


def test_a_figure_split_by_place_repeats_the_one_before():
    text = "Five people were wounded in Herat and three in Farah on Monday."
    found, tokens = tied(text)
    assert [f.category for f in found] == [INJURED, None]
    linking._share_across_places(found, tokens, text, 0)
    assert found[1].category == INJURED and found[1].how == "inherited"


def test_the_parts_after_of_the_whole_are_its_subsets():
    text = "Of the nine slain, six were soldiers and three were civilians, officials in Diffa said."
    found, tokens = tied(text)
    assert found[0].category == KILLED
    assert linking._opens_a_whole(tokens, found[0], found[1])
    linking._split_a_whole_into_parts(found, tokens)
    assert [(f.category, f.how, f.part_of) for f in found[1:]] == [(KILLED, "subset", True)] * 2


def test_a_figure_in_the_middle_of_a_sentence_opens_no_whole():
    text = "Officials said 20 of the nine slain were buried, six in Diffa."
    found, tokens = tied(text)
    nine = next(f for f in found if f.quantity.value == 9)
    six = next(f for f in found if f.quantity.value == 6)
    assert not linking._opens_a_whole(tokens, nine, six)


def test_a_listed_figure_takes_the_cue_of_the_one_after_it():
    text = "Seven police officers and four bystanders were killed in Peshawar."
    found, tokens = tied(text)
    assert [f.category for f in found] == [None, KILLED]
    assert linking._listed_before(tokens, found[0], found[1])
    linking._share_the_cue_after(found, tokens, text, 0)
    assert found[0].category == KILLED and found[0].group == found[1].group


def test_a_number_after_a_preposition_is_not_listed_as_a_subject():
    listed, tokens = tied("Medics said 40 villagers and 12 soldiers were killed near Tal Afar.")
    assert linking._listed_before(tokens, listed[0], listed[1])
    governed, tokens = tied("Medics cared for 40 villagers and 12 soldiers were killed near Tal Afar.")
    assert not linking._listed_before(tokens, governed[0], governed[1])


def test_an_elliptical_another_repeats_the_verb_of_the_clause_before():
    text = "The dawn raid killed 9 herders and the ambush on the ferry two days later another 6."
    found, tokens = tied(text)
    assert [(f.quantity.value, f.category) for f in found] == [(9, KILLED), (6, None)]  # "two days" is no count
    linking._share_with_another(found, tokens, text, 0)
    assert found[1].category == KILLED and found[1].how == "inherited"


def test_another_before_a_thing_or_after_a_cue_of_its_own_is_left_alone():
    text = "Fighters killed 9 herders and burned another 40 huts."
    found, tokens = tied(text)
    linking._share_with_another(found, tokens, text, 0)
    assert found[1].category is None
