"""Period rules: which Tuesday, which May, which winter."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from analysis.timeline import periods as cal

DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


def test_weekday_past_includes_anchor_day() -> None:
    tuesday = date(2021, 7, 13)
    assert cal.weekday(tuesday, 1, "past") == tuesday
    assert cal.weekday(tuesday, 0, "past") == date(2021, 7, 12)
    assert cal.weekday(tuesday, 1, "past", strict=True) == date(2021, 7, 6)  # "last Tuesday"
    assert cal.weekday(tuesday, 4, "future") == date(2021, 7, 16)


def test_month_without_year_follows_tense() -> None:
    assert cal.month_without_year(date(2021, 7, 13), 5, "past").start == date(2021, 5, 1)
    # "in December" written in January means the December just gone ...
    assert cal.month_without_year(date(2022, 1, 10), 12, "past").start == date(2021, 12, 1)
    # ... and "will be held in January" written in late December the one to come.
    assert cal.month_without_year(date(2021, 12, 28), 1, "future").start == date(2022, 1, 1)
    assert cal.month_without_year(date(2021, 12, 28), 1, "nearest").start == date(2022, 1, 1)


def test_winter_spans_the_new_year() -> None:
    winter = cal.season_without_year(date(2022, 1, 20), "winter", "past")
    assert (winter.start, winter.end, winter.granularity) == (date(2021, 12, 1), date(2022, 2, 28), "month")


def test_day_without_year_skips_impossible_days() -> None:
    assert cal.day_without_year(date(2021, 7, 13), 2, 29, "past").start == date(2020, 2, 29)
    assert cal.day_without_year(date(2021, 7, 13), 4, 31, "past") is None


@given(DATES, st.integers(0, 6))
def test_weekday_is_within_a_week(anchor: date, wd: int) -> None:
    past = cal.weekday(anchor, wd, "past")
    future = cal.weekday(anchor, wd, "future")
    assert past.weekday() == wd == future.weekday()
    assert anchor - timedelta(days=6) <= past <= anchor <= future <= anchor + timedelta(days=6)


@given(DATES, st.integers(1, 12))
def test_month_past_is_latest_not_after_anchor(anchor: date, month: int) -> None:
    period = cal.month_without_year(anchor, month, "past")
    assert period.start.month == month and period.start <= anchor
    assert (anchor.year * 12 + anchor.month) - (period.start.year * 12 + month) < 12


@given(DATES, st.sampled_from(["day", "week", "month", "year"]), st.integers(-30, 30))
def test_shift_periods_are_well_formed(anchor: date, unit: str, n: int) -> None:
    period = cal.shift(anchor, unit, n)
    assert period.start <= period.end
    assert period.granularity == unit
