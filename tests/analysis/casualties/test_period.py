"""The period a figure covers."""

import pytest

from analysis.casualties.period import find_period


@pytest.mark.parametrize("sentence, period", [
    ("Battles killed eight people in the last 24 hours.", "in the last 24 hours"),
    ("Some 34,000 have been killed since October 7.", "since October 7"),
    ("Scores cross the border every day.", "every day"),
    ("Eight people were killed on Monday.", None),
])
def test_period(sentence, period):
    assert find_period(sentence) == period


@pytest.mark.parametrize("sentence, period", [
    ("In the first half of 2022, 400 people were killed.", "In the first half of 2022"),
    ("Since March, thousands have fled.", "Since March"),
    ("Raids killed 1,200 civilians in the first quarter, monitors said.", "in the first quarter"),
    ("In the second half, 90 more were abducted.", "In the second half"),
    ("Between February and May, 90 were wounded.", "Between February and May"),
    ("It was the deadliest attack since the war began: 30 died.", None),
])
def test_more_periods_and_a_superlatives_yardstick(sentence, period):
    assert find_period(sentence) == period
