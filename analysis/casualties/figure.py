"""The casualty figure record and its table form (the `casualties` columns of docs/ARCHITECTURE.md + extras)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class CasualtyFigure(NamedTuple):
    """One reported figure, traceable to its sentence and character span.

    `value` is the number as stated (30 in "more than 30", None for "hundreds"); `low`/`high`
    are the bounds used when adding up (31 and None for "more than 30"; ACLED floors for vague
    amounts). `part_of` marks a subset of another figure ("including three children"), which
    never adds to a total. `corrected_from` keeps the figure a correction replaced. `toll`
    marks a cumulative toll ("the death toll rose to 62"), `period` the span a figure covers,
    `group` links coordinated figures sharing one cue ("killing three soldiers and two
    civilians"), `claim` numbers the separately attributed claims within one sentence,
    `additional` marks a figure on top of an earlier one ("another 6", "two more", "were also
    killed"), `text` is the figure as written, `kind` is "incident" for one episode's toll and
    "statistic" for a period total, cumulative count, stock, rate or roll-up (never added to an
    incident's total), `unit` is "families" or "households" when the figure counts those, not
    people (None for people): such a figure never adds to a head count.

    Immutable, as a frozen dataclass would be, but a NamedTuple is built four times faster,
    and extraction builds one per figure (over 50,000 on the benchmark corpus).
    """

    sent_id: int
    start: int
    end: int
    category: str
    value: int | None
    qualifier: str
    low: int
    high: int | None
    victims: str | None
    location: str | None
    attribution: str | None
    evidence: str
    text: str = ""
    period: str | None = None
    part_of: bool = False
    corrected_from: int | None = None
    group: int = -1
    toll: bool = False
    claim: int = 0
    additional: bool = False
    kind: str = "incident"
    unit: str | None = None

    def to_row(self, doc_id: str | None = None) -> dict:
        """A dict for a DataFrame row; `doc_id` first when given."""
        row = self._asdict()
        return {"doc_id": doc_id, **row} if doc_id is not None else row


def figures_to_rows(figures: Iterable[CasualtyFigure], doc_id: str | None = None) -> list[dict]:
    """Rows (dicts) for `pd.DataFrame(...)`, one per figure."""
    return [figure.to_row(doc_id) for figure in figures]
