"""The single best death toll of a short attack report."""

import pytest

from analysis.casualties import death_count
from analysis.casualties.deathcount import _add_unnumbered_perpetrators, _follow_report, _Tally
from analysis.segmentation import split_sentences


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


def _tally(base: dict[tuple[int, int], int], extra: dict[tuple[int, int], int] | None = None,
           tolls: dict[int, dict[int, int]] | None = None) -> _Tally:
    tally = _Tally()
    tally.base.update(base)
    tally.extra.update(extra or {})
    for sent_id, per_cue in (tolls or {}).items():
        tally.tolls[sent_id].update(per_cue)
    return tally


def test_following_a_report_replaces_adds_and_ignores_restatements():
    # four dead, then "six" (larger: replaces), then "two more" (adds), then "six" again
    tally = _tally({(0, 0): 4, (1, 0): 6, (3, 0): 6}, extra={(2, 0): 2})
    assert _follow_report(tally) == 8
    # a smaller later figure does not lower the count; a cumulative toll raises it
    assert _follow_report(_tally({(0, 0): 9, (1, 0): 3})) == 9
    assert _follow_report(_tally({(0, 0): 9}, tolls={2: {5: 14}})) == 14
    assert _follow_report(_Tally()) is None


def test_an_attacker_who_died_without_a_figure_counts_once_unless_already_included():
    sentences = split_sentences("Gunmen shot dead three guards at the depot in Kano. The attacker was also killed.")
    tally = _tally({(0, 0): 3})
    _add_unnumbered_perpetrators(tally, sentences)
    assert dict(tally.extra) == {(1, 0): 1}
    counted = split_sentences("Nine people died, including the bomber. The bomber also died.")
    tally = _tally({(0, 0): 9})
    _add_unnumbered_perpetrators(tally, counted)
    assert dict(tally.extra) == {}
