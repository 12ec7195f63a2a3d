from dataclasses import dataclass

import pytest

from analysis.metrics import PrecisionRecallF1


@dataclass
class Counts(PrecisionRecallF1):
    true_positives: int
    predicted: int
    gold: int


def test_precision_recall_f1():
    score = Counts(3, 4, 6)
    assert (score.precision, score.recall) == (0.75, 0.5)
    assert score.f1 == pytest.approx(0.6)


def test_empty_ratios_take_the_declared_value():
    class Strict(Counts):
        IF_EMPTY = 0.0

    assert Counts(0, 0, 0).precision == 1.0
    assert Strict(0, 0, 0).recall == 0.0
    assert Counts(0, 2, 0).f1 == 0.0
