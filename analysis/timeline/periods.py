"""Calendar arithmetic (periods): the periods named by a month, week, year or weekday relative to an anchor.

Kept free of text handling so the resolution rules (which May? which Tuesday?) are testable on
their own. Month and year steps use dateutil's relativedelta (end-of-month clamping included).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from analysis.timeline.model import Period

Direction = Literal["past", "future", "nearest"]

SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def day(d: date) -> Period:
    return Period(d, d, "day")


def month(year: int, month_: int) -> Period:
    return Period(date(year, month_, 1), date(year, month_, monthrange(year, month_)[1]), "month")


def months(year: int, first_month: int, count: int) -> Period:
    """`count` consecutive months from `first_month` (a season, quarter or half), month grain."""
    start = date(year, first_month, 1)
    end = start + relativedelta(months=count) - timedelta(days=1)
    return Period(start, end, "month")


def year(year_: int) -> Period:
    return Period(date(year_, 1, 1), date(year_, 12, 31), "year")


def years(first: int, last: int) -> Period:
    return Period(date(first, 1, 1), date(last, 12, 31), "year")


def week_of(d: date) -> Period:
    """The ISO week (Monday to Sunday) containing `d`."""
    monday = d - timedelta(days=d.weekday())
    return Period(monday, monday + timedelta(days=6), "week")


def weekend_of(d: date, direction: Direction) -> Period:
    """The weekend meant by "the weekend" said on `d`: the current one when `d` is Saturday or
    Sunday, else the last one (past) or the coming one (future)."""
    if d.weekday() >= 5:
        saturday = d - timedelta(days=d.weekday() - 5)
    elif direction == "future":
        saturday = d + timedelta(days=5 - d.weekday())
    else:
        saturday = d - timedelta(days=d.weekday() + 2)
    return Period(saturday, saturday + timedelta(days=1), "week")


def shift(anchor: date, unit: str, n: int) -> Period:
    """The day/week/month/quarter/year `n` units from the anchor's own (n < 0: in the past)."""
    if unit == "day":
        return day(anchor + timedelta(days=n))
    if unit == "week":
        return week_of(anchor + timedelta(weeks=n))
    if unit == "month":
        d = anchor + relativedelta(months=n)
        return month(d.year, d.month)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + n
        return quarter(index // 4, index % 4 + 1)
    if unit == "year":
        return year(anchor.year + n)
    raise ValueError(unit)


def weekday(anchor: date, wd: int, direction: Direction, strict: bool = False) -> date:
    """The weekday `wd` (Monday=0) nearest the anchor in `direction`.

    past: on or before the anchor ("on Tuesday" said on a Tuesday is that day); future: on or
    after; `strict` excludes the anchor itself ("last Tuesday", "next Tuesday"). "nearest"
    picks whichever of the two is closer, the past one on a tie.
    """
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if strict:
        back = back or 7
        ahead = ahead or 7
    if direction == "past" or (direction == "nearest" and back <= ahead):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


def _pick(past: Period, future: Period, anchor: date, direction: Direction) -> Period:
    if direction == "past":
        return past
    if direction == "future":
        return future
    back = (anchor - past.end).days
    ahead = (future.start - anchor).days
    return past if back <= ahead else future


def recurring(anchor: date, make: Callable[[int], Period | None], direction: Direction) -> Period | None:
    """Resolve a period that recurs every year and was named without one ("May", "July 7",
    "the summer", "the third quarter"): the occurrence containing the anchor if any, else the
    latest one ending before it (past), the first one starting after it (future), or the
    closer of the two ("nearest", past on a tie)."""
    candidates = [p for p in (make(y) for y in range(anchor.year - 2, anchor.year + 2)) if p is not None]
    for p in candidates:
        if p.start <= anchor <= p.end:
            return p
    past = [p for p in candidates if p.end < anchor]
    future = [p for p in candidates if p.start > anchor]
    if not future:
        return past[-1] if past else None
    if not past:
        return future[0]
    return _pick(past[-1], future[0], anchor, direction)


def month_without_year(anchor: date, month_: int, direction: Direction) -> Period:
    """A month named without a year: the anchor's own month, else the latest one before it
    (past), the next one after it (future) or the closer one."""
    result = recurring(anchor, lambda y: month(y, month_), direction)
    assert result is not None
    return result


def day_without_year(anchor: date, month_: int, day_: int, direction: Direction) -> Period | None:
    """A month-day named without a year ("July 7"): as `recurring`, to the day. None when the
    day never exists (31 April)."""

    def make(y: int) -> Period | None:
        try:
            return day(date(y, month_, day_))
        except ValueError:  # 29 February in a common year, 31 April
            return None

    return recurring(anchor, make, direction)


def season_without_year(anchor: date, season_: str, direction: Direction) -> Period:
    """A season without a year (northern meteorological seasons; winter runs December to
    February and belongs to the year it starts in)."""
    result = recurring(anchor, lambda y: season(y, season_), direction)
    assert result is not None
    return result


def quarter(year_: int, q: int) -> Period:
    return months(year_, 3 * q - 2, 3)


def season(year_: int, season_: str) -> Period:
    return months(year_, SEASON_START_MONTH[season_], 3)
