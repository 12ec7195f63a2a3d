"""Precision, recall and F1 from a scorer's counts, shared by every dev-set scorer."""

from __future__ import annotations

from typing import ClassVar


class PrecisionRecallF1:
    """Adds precision, recall and F1 to a record of counts.

    Subclasses name their counts through `counts()` (true positives, predicted, gold) and say
    through IF_EMPTY what a ratio with nothing to count is worth: 1.0 reads "nothing claimed,
    nothing wrong"; 0.0 reads "nothing found".
    """

    IF_EMPTY: ClassVar[float] = 1.0

    def counts(self) -> tuple[int, int, int]:
        return self.true_positives, self.predicted, self.gold  # type: ignore[attr-defined]

    def _ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else self.IF_EMPTY

    @property
    def precision(self) -> float:
        true_positives, predicted, _ = self.counts()
        return self._ratio(true_positives, predicted)

    @property
    def recall(self) -> float:
        true_positives, _, gold = self.counts()
        return self._ratio(true_positives, gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
