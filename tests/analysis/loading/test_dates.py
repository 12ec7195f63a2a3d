from datetime import date

import pytest

from analysis.loading.dates import BadDate, parse_published

JULY_13 = date(2021, 7, 13)


@pytest.mark.parametrize(
    "value",
    [
        "2021-07-13",
        " 2021-07-13 ",
        "2021-7-13",
        "2021-07-13T09:30:00Z",
        "2021-07-13T23:30:00-05:00",  # the date as printed, not shifted to UTC
        "2021-07-13 09:30:00.123456+04:30",
        "2021/07/13",
        "20210713",
        "13/07/2021",
        "07/13/2021",  # month-first is unambiguous here
        "13.07.2021",
        "13-07-21",
        "July 13, 2021",
        "Jul. 13 2021",
        "13 July 2021",
        "13th of July, 2021",
        "Tuesday, July 13, 2021",
        "Tue, 13 Jul 2021 09:30:00 GMT",
        "July 13, 2021 10:30 AM IST",
        "1626134400",
        "1626134400000",
        1626134400,
        "13 juillet 2021",  # other languages through dateparser
        date(2021, 7, 13),
    ],
)
def test_common_formats_read_as_the_same_day(value):
    assert parse_published(value) == JULY_13


def test_ambiguous_numeric_date_is_read_day_first():
    assert parse_published("07/08/2021") == date(2021, 8, 7)
    assert parse_published("07.08.2021") == date(2021, 8, 7)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_date_is_none_not_an_error(value):
    assert parse_published(value) is None


@pytest.mark.parametrize(
    "value, why",
    [
        ("0000-01-01", "not a real calendar date"),
        ("9999-99-99", "not a real calendar date"),
        ("2021-02-30", "not a real calendar date"),
        ("1066-10-14", "before 1800"),
        ("2999-01-01", "in the future"),
        ("sometime last week", "not a date"),
        ("yesterday", "not a date"),  # relative words would invent a date
        ("July 2021", "not a date"),  # a month is not a publication day
        ("n/a", "not a date"),
        (True, "not a date"),
    ],
)
def test_absurd_dates_raise_with_a_reason(value, why):
    with pytest.raises(BadDate, match=why):
        parse_published(value)
