"""Victims named without a numeral, alone or listed with numbered ones."""

import pytest

from analysis.casualties import death_count
from analysis.casualties.sentence import read_sentence
from analysis.casualties.singles import _determined_person_end, _full_name_end, _is_titled_name
from analysis.casualties.tokens import tokenize


def figures(text):
    return [(f.category, f.quantity.value) for f in read_sentence(text)]


@pytest.mark.parametrize("sentence, expected", [
    ("Masked men shot dead a customs inspector near the port.", [("killed", 1)]),
    ("Raiders gunned down a shepherd in the hills.", [("killed", 1)]),
    ("The militia killed the deputy mayor and his bodyguard at a roadblock.", [("killed", 2)]),
    ("Mourners said Bishop Paul Okello and his secretary were killed.", [("killed", 2)]),
    ("A gendarme and four villagers were killed in the raid.", [("killed", 1), ("killed", 4)]),
    ("The shelling killed three nurses and a porter.", [("killed", 3), ("killed", 1)]),
    ("The strike killed a farmer and his two daughters.", [("killed", 1), ("killed", 2)]),
    ("A clerk, a guard and a cleaner were injured.", [("injured", 3)]),
    ("Gunmen shot a money changer dead in the bazaar.", [("killed", 1)]),
    ("A crowd beat a suspected thief to death.", [("killed", 1)]),
    ("A guide lost his life when the vehicle hit a mine.", [("killed", 1)]),
    ("A medic was killed along with a driver and a nurse.", [("killed", 3)]),
    ("Hunters came upon the bodies of a ranger and his son.", [("killed", 2)]),
    ("Militiamen burned to death a tailor in his shop.", [("killed", 1)]),
    ("A Tanzanian was killed at the crossing.", [("killed", 1)]),
    ("Gunmen killed the ward head of Kasuwa and his nephew at dawn.", [("killed", 2)]),
    ("Attackers shot dead the head of the teachers' union outside his home.", [("killed", 1)]),
    ("Unknown men shot dead the director of the district hospital on Friday.", [("killed", 1)]),
    ("The driver, who had tried to reverse out of the ambush, was shot dead at the wheel.", [("killed", 1)]),
    ("The ferry's captain, Musa Kamara, was killed by a stray bullet.", [("killed", 1)]),
    ("The governor, who was visiting the market, said the attack was cowardly.", []),
    ("The raid killed a weaver and her sister.", [("killed", 2)]),
    # A killing named as a noun, with its time between the noun and its victims.
    ("Elders condemned the assassination on Friday of Mayor Ali Warsame and his driver.", [("killed", 2)]),
    ("A new chief was named after the killing last week of the headman and his son.", [("killed", 2)]),
    # The people of a numbered share are that number's, not a single's.
    ("The army said three of its soldiers and a cook died.", [("killed", 3), ("killed", 1)]),
])
def test_people_without_a_numeral_are_counted(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The mayor said the town was calm.",
    "The soldier told reporters he had seen the convoy.",
    "Officials met the governor and his deputy on Monday.",
    "A tanker was seized off the coast.",
    "The judge adjourned the hearing until next week.",
])
def test_people_named_without_a_casualty_verb_are_not_figures(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Soldiers shot dead Tomas Varga at the gate.", [("killed", 1)]),
    ("Elena Petrova and her mother were wounded by the shell.", [("injured", 2)]),
    ("Agents detained Karim Haddad and Youssef Nasser overnight.", [("detained", 2)]),
    ("Farid Osman, 52, was killed near his farm.", [("killed", 1)]),
    ("A boy, 9, died in hospital.", [("killed", 1)]),
])
def test_named_victims_count_one_each(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Three people from the hamlet of Dar Salam died in the fire.",
    "Boko Haram fighters were killed in the raid.",
    "Prime Minister Ana Silva condemned the bombing.",
])
def test_names_that_are_no_victims(sentence):
    assert ("killed", 1) not in figures(sentence)


def test_an_apposition_is_one_person_not_two():
    assert figures("The rebels executed a captive, a Kenyan pilot, on Friday.") == [("killed", 1)]


def test_the_dead_named_as_a_share():
    found = read_sentence("The dead included a cook and his apprentice.")
    assert [(f.category, f.quantity.value, f.part_of) for f in found] == [("killed", 2, True)]
    assert death_count("The dead included a cook and his apprentice.") == 2


def test_someone_fleeing_is_not_displaced():
    assert figures("The gunman fled into the forest.") == []
    assert figures("The suspect fled before police arrived.") == []


def test_a_definite_attacker_is_counted_once():
    assert death_count("The bomber was killed and 9 people died.") == 10
    assert death_count("A gunman was killed by guards.") == 1
    assert death_count("The blast killed the bomber and six worshippers.") == 7
    assert death_count("Guards opened fire, killing four. The attacker was also killed.") == 5


def test_a_determiner_phrase_ends_after_its_person_head_or_a_guessed_one():
    assert _determined_person_end(tokenize("a woman journalist was killed", 0), 0, False) == (3, False)
    assert _determined_person_end(tokenize("a money changer was shot dead", 0), 0, False) == (3, True)
    assert _determined_person_end(tokenize("his two sons died", 0), 0, False) is None
    # a possessive guesses its head only inside a list ("a cook and his apprentice")
    listed = tokenize("a cook and his apprentice died", 0)
    assert _determined_person_end(listed, 3, True) == (5, True)
    assert _determined_person_end(listed, 3, False) is None


def test_names_with_a_title_or_in_full():
    titled = tokenize("Judge Ibrahim Haroun was shot", 0)
    assert _is_titled_name(titled, 0)
    assert not _is_titled_name(tokenize("judge Ibrahim Haroun was shot", 0), 0)
    assert _full_name_end(tokenize("Maria Lopez died in Mosul", 0), 0) == (2, False)
    assert _full_name_end(tokenize("On Monday Maria died", 0), 0) is None


def test_a_head_is_a_person_only_when_it_heads_something():
    assert _determined_person_end(tokenize("the village head was killed"), 0, False) == (3, False)
    assert _determined_person_end(tokenize("the head of the council was killed"), 0, False) == (2, False)
    assert _determined_person_end(tokenize("his head was hit"), 0, False) is None
