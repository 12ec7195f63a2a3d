"""Attack-report phrasings: deaths without "killed", combined counts, tolls with an
interrupting clause, subsets, households and sources with titles."""

import pytest

from analysis.casualties import death_count, extract_casualties
from analysis.casualties.attribution import find_attribution
from analysis.casualties.sentence import read_sentence
from analysis.casualties.victims import unit_of
from analysis.schema import CASUALTY_CATEGORIES
from analysis.segmentation import split_sentences


def figures(text):
    return [(f.category, f.quantity.value, f.part_of) for f in read_sentence(text)]


@pytest.mark.parametrize("sentence, number", [
    ("Seventeen traders lost their lives when the lorry park was bombed.", 17),
    ("Five pilgrims were left dead on the road after the ambush.", 5),
    ("Thirty villagers were feared killed after the militia attack.", 30),
    ("Eight divers were feared dead after the patrol boat sank.", 8),
    ("Sixty-one migrants perished when the dinghy was fired on.", 61),
    ("Three firefighters later succumbed to their wounds.", 3),
    ("On our side, six soldiers fell with honour during the assault.", 6),
    ("Nine militiamen fell as martyrs in the battle for the ridge.", 9),
    ("Three police officers fell in the line of duty during the night attack.", 3),
    ("The blast resulted in the martyrdom of three soldiers at the checkpoint.", 3),
])
def test_deaths_written_without_killed(sentence, number):
    assert figures(sentence) == [("killed", number, False)]
    assert death_count(sentence) == number


@pytest.mark.parametrize("sentence, number", [
    ("The mortar rounds killed or wounded 38 civilians.", 38),
    ("About 70 people were killed or injured in the stampede that followed.", 70),
    ("Medics counted 52 casualties at the field clinic.", 52),
    ("Some 90 people were dead or injured by nightfall.", 90),
    ("The strike killed and wounded 14 farmers.", 14),
])
def test_combined_counts_are_their_own_category(sentence, number):
    assert "killed_or_injured" in CASUALTY_CATEGORIES
    assert figures(sentence) == [("killed_or_injured", number, False)]
    assert death_count(sentence) is None  # never a death toll, never added to one


@pytest.mark.parametrize("sentence", [
    "Two shells fell with a crash near the school, wounding 4 pupils.",
    "Three rockets fell as families slept, wounding 4 people.",
    "Two shells fell in the courtyard, wounding 4 people.",
])
def test_things_that_fell_are_not_dead(sentence):
    assert figures(sentence) == [("injured", 4, False)]


def test_losses_told_as_killed_or_wounded_are_a_combined_count():
    sentence = "The army said the rebels had lost 240 fighters killed or wounded in the offensive."
    assert figures(sentence) == [("killed_or_injured", 240, False)]
    assert figures("The rebels lost 24 fighters in the ambush.") == [("killed", 24, False)]


def test_the_deaths_that_explain_a_revision_are_inside_it():
    sentence = ("The monitor revised its count for the bombing in Sarmada, Harem district, on 6 May, from 14 "
                "to 17 people killed, after three more of the wounded died in hospital.")
    assert figures(sentence) == [("killed", 17, False), ("killed", 3, True)]
    assert figures("Three more of the wounded died overnight.") == [("killed", 3, False)]


def test_killed_and_injured_apart_stay_apart():
    assert figures("Four were killed and 11 injured.") == [("killed", 4, False), ("injured", 11, False)]


def test_a_toll_interrupted_by_a_clause_keeps_both_parts():
    text = ("The toll climbed to 212 Syrians, a figure that rescuers expect to rise, and nine "
            "Turkish volunteers, officials said.")
    assert figures(text) == [("killed", 212, False), ("killed", 9, False)]
    assert death_count(text) == 221


def test_an_aside_with_a_number_of_its_own_is_no_interruption():
    text = "The toll rose to 40, up from 12 on Monday, and officials said 9 were missing."
    assert ("killed", 9, False) not in figures(text)


@pytest.mark.parametrize("sentence, whole, part", [
    ("A car bomb killed 44 people, including 6 foreign engineers.", 44, 6),
    ("At least 19 died, among them 4 teachers, the governor said.", 19, 4),
])
def test_subsets_are_part_of_their_total(sentence, whole, part):
    assert figures(sentence) == [("killed", whole, False), ("killed", part, True)]
    assert death_count(sentence) == whole


def test_one_places_share_never_adds():
    text = "Rescuers pulled 80 bodies from the rubble. The district hospital alone took in 27 bodies."
    sentences = split_sentences(text)
    found = extract_casualties(text, sentences)
    assert [(f.value, f.part_of) for f in found] == [(80, False), (27, True)]
    assert death_count(text) == 80
    assert figures("In the old town alone, 15 people died.") == [("killed", 15, True)]


def test_a_share_alone_is_the_floor_of_the_death_count():
    assert death_count("One clinic alone received 12 bodies, a nurse said.") == 12


def test_the_group_named_before_its_size():
    assert figures("The wounded, about 40 by one count, were taken to Kassala.") == [("injured", 40, False)]


@pytest.mark.parametrize("victims, unit", [
    ("families", "families"), ("displaced households", "households"), ("people", None),
    ("members of 12 families", None), (None, None),
])
def test_household_units(victims, unit):
    assert unit_of(victims) == unit


def test_households_keep_their_unit_and_never_count_as_dead():
    text = "The flooding of the camp killed 5 families, aid workers said."
    found = extract_casualties(text, split_sentences(text))
    assert [(f.category, f.value, unit_of(f.victims)) for f in found] == [("killed", 5, "families")]
    assert death_count(text) is None
    assert death_count("The strike killed a family of six.") == 6


def test_a_rise_keeps_the_figure_it_replaced():
    found = read_sentence("The number of dead went up from 31 to 48 overnight.")
    assert [(f.quantity.value, f.corrected_from, f.toll) for f in found] == [(48, 31, True)]


@pytest.mark.parametrize("sentence, source", [
    ("Six soldiers died, Army Maj. Ruth Banda said.", "Army Maj Ruth Banda"),
    ("Nine were hurt, according to Dr. Leila Haddad, who runs the clinic.", "Dr Leila Haddad"),
    ("Two guards were killed, said Lt. Col. Pierre Mbeki.", "Lt Col Pierre Mbeki"),
    ("Police Capt. Omar Diallo said 3 people died.", "Police Capt Omar Diallo"),
])
def test_sources_keep_their_titled_names(sentence, source):
    assert find_attribution(sentence) == source


@pytest.mark.parametrize("sentence", [
    "Eleven people died, however, as the shelling went on, said.",
    "Twelve died, so said.",
])
def test_a_function_word_is_never_a_source(sentence):
    assert find_attribution(sentence) is None


@pytest.mark.parametrize("sentence, expected", [
    # A list of ages is no count, however it is written.
    ("Two girls, aged eight and 11, were killed when the mortar round landed.", [("killed", 2, False)]),
    ("Three herders, aged 14, 16 and 19, died in the mine blast.", [("killed", 3, False)]),
    # A share opened by a number ("five of them") is an aside: the verb after it still counts the whole.
    ("Nine people, six of them pupils, were killed when the shell hit.", [("killed", 9, False), ("killed", 6, True)]),
    ("Twenty men, 12 of whom were guards, died in the assault.", [("killed", 20, False), ("killed", 12, True)]),
    # Scare quotes around the victims, as state media write them.
    ("The agency said 48 'bandits' were killed in the operation.", [("killed", 48, False)]),
    ("Troops killed 31 \u201cmercenaries\u201d near the pass, the spokesman said.", [("killed", 31, False)]),
])
def test_ages_shares_and_scare_quotes(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence, number", [
    ("Clashes for the pass went on, with the death toll reaching 31, a local official said.", 31),
    ("The death toll from Monday's shelling of a market in Habil district, in the north of Lahij "
     "governorate, has risen to 19, medics said.", 19),
])
def test_tolls_reached_or_read_across_a_long_place_aside(sentence, number):
    assert figures(sentence) == [("killed", number, False)]


@pytest.mark.parametrize("sentence, expected", [
    ("The battalion lost 14 soldiers when the convoy was ambushed.", [("killed", 14, False)]),
    ("The militia says it lost 9 fighters in the clashes.", [("killed", 9, False)]),
    ("The unit lost 6 trucks to roadside bombs.", []),
])
def test_a_force_that_lost_people_lost_them_killed(sentence, expected):
    assert figures(sentence) == expected



def test_a_person_named_as_a_source_is_no_victim():
    sentence = ("Four herders and two villagers were killed when aircraft bombed a forest near the border, "
                "relatives and a village chief in the district said.")
    assert figures(sentence) == [("killed", 4, False), ("killed", 2, False)]
    assert figures("Gunmen killed two soldiers and a civilian, police said.") == [
        ("killed", 2, False), ("killed", 1, False)]
