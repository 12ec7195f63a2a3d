"""Resolution: a found `Mention`, the anchor date and the sentence's tense give a `Period`.

Rules (anchor = the article's publication date):
- weekdays: bare or "this" follow the tense (past: the latest such day on or before the anchor;
  future: the next on or after); "last"/"next" exclude the anchor's own day.
- month-days, months, seasons, quarters without a year: the occurrence containing the anchor,
  else past or future by tense; without a tense cue, the nearer one.
- "last"/"next" month or season names: strictly before/after the anchor's own one; "8 October
  last year", "March this year": the named year relative to the anchor's.
- today, yesterday, last week, next month, this year, two days ago: calendar shifts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from analysis.timeline import periods as cal
from analysis.timeline.mention import Mention
from analysis.timeline.model import Period
from analysis.timeline.periods import Direction


def needs_anchor(mention: Mention) -> bool:
    return mention.kind != "absolute"


def resolve(mention: Mention, anchor: date, direction: Direction, reference: Period | None = None) -> Period | None:
    """The period `mention` means when written on `anchor` in a clause of tense `direction`.

    `reference` is the last period the article mentioned before this one; anaphors ("the next
    day", "two weeks later", "that year") count from it, or from the anchor when there is none
    (or when a day-grained anaphor follows a coarser reference).
    """
    kind = mention.kind
    if kind == "anaphor":
        return _anaphor(mention, anchor, reference)
    if kind == "absolute":
        return mention.period
    if kind == "shift":
        return _shift(mention, anchor)
    if kind == "weekday":
        return _weekday(mention, anchor, direction)
    if kind == "weekend":
        return _weekend(mention, anchor, direction)
    if kind == "month_day":
        return _month_day(mention, anchor, direction)
    if kind == "month":
        if mention.mod == "year":  # "in March this year"
            return cal.month(anchor.year + mention.offset, mention.month)
        return _named_unit(anchor, mention.mod, direction, lambda y: cal.month(y, mention.month))
    if kind == "season":
        return _named_unit(anchor, mention.mod, direction, lambda y: cal.season(y, mention.season))
    if kind == "quarter":
        return _named_unit(anchor, mention.mod, direction, lambda y: cal.quarter(y, mention.quarter))
    raise ValueError(kind)


def _anaphor(mention: Mention, anchor: date, reference: Period | None) -> Period:
    """"the next day", "two weeks later", "that year": counted from the reference, unless there
    is none or a day-grained anaphor follows a coarser reference (a month says no day to count
    from), when the anchor stands in."""
    base = anchor
    if reference is not None and (mention.unit != "day" or reference.granularity == "day"):
        base = reference.start
        if mention.mod == "count" and mention.unit == "year" and _months(reference) > 1:
            # "the third quarter ... from a year earlier": the same quarter, N years off. (After
            # a single month, "a year earlier" is read as the year, as the wire dev sets label it.)
            return _years_off(reference, mention.offset)
    return cal.shift(base, mention.unit, mention.offset)


def _weekday(mention: Mention, anchor: date, direction: Direction) -> Period:
    """"last Monday" and "next Monday" never mean the anchor's own day; a bare or "this"
    weekday follows the clause's tense and may."""
    if mention.mod in {"last", "next"}:
        return cal.day(cal.weekday(anchor, mention.weekday, "past" if mention.mod == "last" else "future", strict=True))
    return cal.day(cal.weekday(anchor, mention.weekday, direction))


def _weekend(mention: Mention, anchor: date, direction: Direction) -> Period:
    """Written on a weekend, "last weekend" is the one before it and "next weekend" the one
    after; on a weekday they are the nearest ones either side."""
    if mention.mod == "last":
        return cal.weekend_of(anchor - timedelta(days=7) if anchor.weekday() >= 5 else anchor, "past")
    if mention.mod == "next":
        return cal.weekend_of(anchor + timedelta(days=7) if anchor.weekday() >= 5 else anchor, "future")
    return cal.weekend_of(anchor, direction)


def _month_day(mention: Mention, anchor: date, direction: Direction) -> Period | None:
    """A day or span of days in a month ("8 October", "3-5 May"): in the year named relative to
    the anchor ("8 October last year"), else the one the tense points to; None for a day the
    calendar lacks (30 February)."""
    if mention.mod == "year":
        start = _date_or_none(anchor.year + mention.offset, mention.month, mention.day)
    else:
        first = cal.day_without_year(anchor, mention.month, mention.day, direction)
        start = None if first is None else first.start
    if start is None:
        return None
    return Period(start, start + timedelta(days=mention.day_end - mention.day), "day")


def _named_unit(anchor: date, mod: str, direction: Direction, make: Callable[[int], Period | None]) -> Period | None:
    """A yearly period named with last/next/this or bare ("last May", "this summer")."""
    if mod == "this":
        # "this May": the one of the anchor's year (for winter: the one around the anchor).
        this = cal.recurring(anchor, make, direction)
        own = make(anchor.year)
        return this if this is not None and this.start <= anchor <= this.end else own
    if mod in {"last", "next"}:
        candidates = [make(y) for y in range(anchor.year - 2, anchor.year + 3)]
        if mod == "last":
            past = [p for p in candidates if p is not None and p.end < anchor]
            return past[-1] if past else None
        future = [p for p in candidates if p is not None and p.start > anchor]
        return future[0] if future else None
    return cal.recurring(anchor, make, direction)


def _shift(mention: Mention, anchor: date) -> Period:
    unit = mention.unit
    if unit == "quarter" and mention.quarter:  # "the third quarter of last year"
        return cal.quarter(anchor.year + mention.offset, mention.quarter)
    if unit == "half":
        return cal.months(anchor.year + mention.offset, mention.quarter, 6)
    return cal.shift(anchor, unit, mention.offset)


def _date_or_none(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _years_off(period: Period, years: int) -> Period:
    """`period` moved by whole years (29 February lands on the 28th)."""
    return Period(
        period.start + relativedelta(years=years), period.end + relativedelta(years=years), period.granularity
    )


def _months(period: Period) -> int:
    """Calendar months a month-grained period spans (3 for a quarter or season); 0 otherwise."""
    if period.granularity != "month":
        return 0
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
