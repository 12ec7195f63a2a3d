"""The single best death toll of a short attack report."""

import pytest

from analysis.casualties import death_count


@pytest.mark.parametrize("report, expected", [
    ("Gunmen opened fire on a market on Friday, killing at least 11 people, a local official said.", 11),
    ("Russian forces struck a building. Three people were killed. By evening the toll had risen to seven.", 7),
    ("The raid killed three soldiers and two civilians.", 5),
    ("An air strike killed 27 people, including seven children.", 27),
    ("The blast wounded nine people, but nobody was killed.", 0),
    ("The talks resumed in Geneva.", None),
    ("Police said 14 people died, while rights groups put the figure at 23.", 23),
])
def test_death_count(report, expected):
    assert death_count(report) == expected


@pytest.mark.parametrize("report, expected", [
    # Killing verbs and idioms that take the victims as object.
    ("Villagers lynched three men they blamed for a string of thefts.", 3),
    ("The raiders burned alive four herders in their camp, a survivor said.", 4),
    ("A mob lynched two men accused of poisoning a well.", 2),
    # A pronoun as the object of a killing verb is one person named before.
    ("Fighters seized the headman and executed him outside his house.", 1),
    ("A sniper shot her dead as she crossed the square.", 1),
    # An ordinal victim revises the toll: "a fifth" after four is five.
    ("Four miners died when the shaft was shelled. A fifth died in hospital on Sunday.", 5),
    ("Two guards were killed at the gate; a third guard died of his wounds.", 3),
    # A report that counts the wounded and no dead, or says everyone was unharmed, reports none.
    ("A grenade thrown into a bar wounded eleven people, police said.", 0),
    ("The patrol hit a mine but the soldiers escaped unhurt.", 0),
    # A bomber who blew himself up is the only death; beside other dead he is not added.
    ("A suicide bomber blew himself up near a police post, wounding three officers.", 1),
    ("A bomber blew himself up in the hall, killing 18 guests.", 18),
])
def test_death_count_on_verbs_pronouns_ordinals_and_no_deaths(report, expected):
    assert death_count(report) == expected



def test_a_person_named_by_office_of_a_place_is_still_listed_with_the_next():
    assert death_count("Gunmen shot dead the imam of the town's main mosque and his son.") == 2
