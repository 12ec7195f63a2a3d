"""The dated-event record shared by the timeline extractor and the `events` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Granularity = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Period:
    """A resolved stretch of calendar time: first and last day (inclusive) and its grain.

    Seasons, quarters and halves are month-grained periods longer than a month; decades are
    year-grained periods of ten years; a weekend is a week-grained Saturday-to-Sunday period.
    """

    start: date
    end: date
    granularity: Granularity


@dataclass(frozen=True)
class TemporalEvent:
    """One temporal expression found in an article and normalised to a period.

    `start`/`end` index the article text; `date`/`date_end` bound the period meant (inclusive);
    `relative` is true when the value needed the anchor (publication date) to resolve.
    """

    sent_id: int
    start: int
    end: int
    expression: str
    date: date
    date_end: date
    granularity: Granularity
    relative: bool
    text: str

    @property
    def timex(self) -> str:
        """TimeML-style value for benchmarks and export: 2021-07-13, 2021-W28, 2021-W27-WE,
        2021-07, 2021-SU (season), 2021-Q3, 2021-H1, 2021, 199 (decade).

        Other multi-unit spans ("1996 to 2001") report their first unit.
        """
        start, end = self.date, self.date_end
        if self.granularity == "day":
            return start.isoformat()
        if self.granularity == "week":
            year, week, _ = start.isocalendar()
            weekend = start.weekday() == 5 and (end - start).days == 1
            return f"{year}-W{week:02d}" + ("-WE" if weekend else "")
        if self.granularity == "month":
            months = (end.year - start.year) * 12 + end.month - start.month + 1
            if months == 3 and start.month in _SEASONS:
                return f"{start.year:04d}-{_SEASONS[start.month]}"
            if months == 3 and start.month % 3 == 1:
                return f"{start.year:04d}-Q{start.month // 3 + 1}"
            if months == 6 and start.month in (1, 7):
                return f"{start.year:04d}-H{1 if start.month == 1 else 2}"
            return f"{start.year:04d}-{start.month:02d}"
        if end.year - start.year == 9 and start.year % 10 == 0:
            return f"{start.year // 10:03d}"
        return f"{start.year:04d}"


_SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
