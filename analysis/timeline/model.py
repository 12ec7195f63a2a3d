"""The dated-event record shared by the timeline extractor and the `events` table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

Granularity = Literal["day", "week", "month", "year"]


class Period(NamedTuple):
    """A resolved stretch of calendar time: first and last day (inclusive) and its grain.

    Seasons, quarters and halves are month-grained periods longer than a month; decades are
    year-grained periods of ten years; a weekend is a week-grained Saturday-to-Sunday period.
    (A NamedTuple: immutable, and far cheaper to build than a frozen dataclass; the finders
    build one per date they read.)
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
        2021-07, 2021-SU (season), 2021-Q3, 2021-H1, 2021, 199 (decade); a day named with its
        part ("Monday morning", "last night") takes TimeML's suffix: 2021-07-12TMO, 2021-07-12TNI.

        Other multi-unit spans ("1996 to 2001") report their first unit.
        """
        start, end = self.date, self.date_end
        if self.granularity == "day":
            part = _PART_OF_DAY.search(self.expression) if start == end else None
            return start.isoformat() + (f"T{_PARTS[part.group(0).lower()]}" if part else "")
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
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|overnight)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ReferenceEvent(TemporalEvent):
    """A reference to the present, past or future ("now", "recently", "in the future"), which
    TimeML values PRESENT_REF, PAST_REF or FUTURE_REF. Not a dated event: `extract_events`
    returns these only with `include_references=True` (benchmarks, export); `date`/`date_end`
    hold the anchor so the record stays well formed, `granularity` is "day".
    """

    reference: str = "PRESENT_REF"

    @property
    def timex(self) -> str:
        return self.reference
