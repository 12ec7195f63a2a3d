"""A temporal expression as found in a sentence, before it is resolved against an anchor."""

from __future__ import annotations

from typing import Literal, NamedTuple

from analysis.timeline.model import Period
from analysis.timeline.periods import Direction

Kind = Literal[
    "absolute",  # the period is fixed by the text alone (has a year, or is a named date)
    "month_day",  # "July 7", "7 July": day without a year
    "month",  # "in May", "last December"
    "season",  # "this summer", "last winter"
    "quarter",  # "the third quarter"
    "weekday",  # "on Tuesday", "last Tuesday", "Monday evening"
    "weekend",  # "over the weekend"
    "shift",  # today, yesterday, last week, next month, this year, two days ago
    "anaphor",  # the next day, two days later, that year: relative to the last date mentioned
    "reference",  # now, recently, in the future: `mod` is PRESENT_REF, PAST_REF or FUTURE_REF
]


class Mention(NamedTuple):
    """Span (sentence offsets) and what the words say; `resolve` turns it into a Period.

    A named tuple rather than a frozen dataclass: the finders build one per match, and a
    frozen dataclass of fifteen fields takes four times as long to build.

    `mod` is "last", "next", "this" or "" (bare), or "year" for a month or day whose year is
    given relative to the anchor's by `offset` ("8 October last year"); "in" for a count forward
    from the anchor that holds only in a future clause ("in five years"); "count" for a counted
    anaphor ("a year earlier"); PRESENT_REF/PAST_REF/FUTURE_REF for a reference. `default` is
    the direction used when the sentence has no tense cue.
    """

    start: int
    end: int
    kind: Kind
    period: Period | None = None
    month: int = 0
    day: int = 0
    day_end: int = 0
    weekday: int = -1
    unit: str = ""
    offset: int = 0
    mod: str = ""
    season: str = ""
    quarter: int = 0
    default: Direction = "nearest"
    named: bool = False  # a named date (9/11): a memory, not news of the day
