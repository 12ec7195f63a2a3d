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
