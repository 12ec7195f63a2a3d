from datetime import date

from analysis.timeline.mention import Mention
from analysis.timeline.model import Period
from analysis.timeline.resolve import _anaphor, _month_day, _weekend

SATURDAY = date(2024, 6, 15)
WEDNESDAY = date(2024, 6, 12)


def _weekend_starting(day: int) -> Period:
    return Period(date(2024, 6, day), date(2024, 6, day + 1), "week")


def test_last_and_next_weekend_skip_the_weekend_an_article_is_written_on():
    assert _weekend(Mention(0, 12, "weekend", mod="last"), SATURDAY, "past") == _weekend_starting(8)
    assert _weekend(Mention(0, 12, "weekend", mod="next"), SATURDAY, "past") == _weekend_starting(22)
    assert _weekend(Mention(0, 12, "weekend", mod="next"), WEDNESDAY, "past") == _weekend_starting(15)
    assert _weekend(Mention(0, 12, "weekend"), WEDNESDAY, "past") == _weekend_starting(8)


def test_month_day_takes_a_relative_year_or_follows_the_tense():
    last_year = Mention(0, 22, "month_day", month=10, day=8, day_end=8, mod="year", offset=-1)
    assert _month_day(last_year, WEDNESDAY, "past") == Period(date(2023, 10, 8), date(2023, 10, 8), "day")
    span = Mention(0, 7, "month_day", month=5, day=3, day_end=5)
    assert _month_day(span, WEDNESDAY, "past") == Period(date(2024, 5, 3), date(2024, 5, 5), "day")
    assert _month_day(span, WEDNESDAY, "future") == Period(date(2025, 5, 3), date(2025, 5, 5), "day")
    no_such_day = Mention(0, 20, "month_day", month=2, day=30, day_end=30, mod="year")
    assert _month_day(no_such_day, WEDNESDAY, "past") is None


def test_a_day_anaphor_after_a_month_counts_from_the_anchor():
    next_day = Mention(0, 12, "anaphor", unit="day", offset=1)
    march = Period(date(2024, 3, 1), date(2024, 3, 31), "month")
    assert _anaphor(next_day, WEDNESDAY, march) == _anaphor(next_day, WEDNESDAY, None)
    assert _anaphor(next_day, WEDNESDAY, Period(date(2024, 3, 4), date(2024, 3, 4), "day")).start == date(2024, 3, 5)
