"""Publication dates from metadata, as written by people and by scrapers.

Read here: ISO dates and timestamps (2021-07-13, 2021-07-13T09:30:00+04:30; the calendar date
as written, not shifted to UTC, because that is the day the outlet printed), 2021/07/13,
20210713, day-first and month-first numbers, English month names ("July 13, 2021",
"Tue, 13 Jul 2021 09:30:00 GMT", "13th of July 2021"), Unix timestamps (10 digits = seconds,
13 = milliseconds, also as JSON numbers), and as a last resort dateparser's absolute formats
(other languages: "13 juillet 2021"); relative words ("yesterday") are never read, because a
publication date relative to the moment of loading would be invented.

Numeric dates: 13/07/2021 and 07/13/2021 are unambiguous; when both numbers are 12 or less
(07/08/2021) the day comes first, the convention of most of the world's press. Dotted dates
(13.07.2021) are always day-first.

A date is plausible from 1800 up to tomorrow (a timezone ahead). Anything else raises
`BadDate`, whose message is shown to the user; the article still loads, without a date.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import dateparser

EARLIEST_YEAR = 1800


class BadDate(ValueError):
    """A non-empty date value that cannot be used; the message says why."""


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

# An optional time of day after a date: clock, am/pm, zone (Z, +04:30, UTC, IST, ...).
_TIME = (
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{2,4})?)?"
)
_ISO = re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$", re.IGNORECASE)
_YMD = re.compile(rf"^(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}}){_TIME}$", re.IGNORECASE)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EPOCH = re.compile(r"^(\d{10})(\d{3})?(?:\.\d+)?$")
_NUMERIC = re.compile(rf"^(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}$", re.IGNORECASE)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(
    rf"^{_WEEKDAY}(\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{{4}})(?![\d])",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"^{_WEEKDAY}([a-z]+)\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})(?![\d])", re.IGNORECASE
)
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def parse_published(value: object) -> date | None:
    """A publication date from a metadata value; None when the value is empty.

    Raises `BadDate` for a value that is present but not a plausible date."""
    if value is None or isinstance(value, bool):
        return None if value is None else _refuse(value)
    if isinstance(value, datetime):
        return _plausible(value.date(), str(value))
    if isinstance(value, date):
        return _plausible(value, str(value))
    if isinstance(value, (int, float)):
        return _from_epoch(float(value), str(value))
    text = " ".join(str(value).split())
    if not text:
        return None
    found, problem = _parse_text(text)
    if problem:
        raise BadDate(problem)
    return found


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> tuple[date | None, str]:
    """(date, "") or (None, reason); cached both ways, as a column repeats its values."""
    try:
        return _read_text(text), ""
    except BadDate as exc:
        return None, str(exc)


def _read_text(text: str) -> date:
    found = _numeric_forms(text)
    if found is None:
        found = _named_month(text)
    if found is None:
        found = _dateparser_absolute(text)
    if found is None:
        _refuse(text)
    return _plausible(found, text)


def _numeric_forms(text: str) -> date | None:
    if m := _ISO.match(text) or _YMD.match(text):
        return _make(text, int(m[1]), int(m[2]), int(m[3]))
    if m := _COMPACT.match(text):
        return _make(text, int(m[1]), int(m[2]), int(m[3]))
    if m := _EPOCH.match(text):
        return _from_epoch(float(text), text)
    if m := _NUMERIC.match(text):
        first, separator, second, year = int(m[1]), m[2], int(m[3]), _full_year(m[4])
        if separator != "." and first <= 12 < second:
            return _make(text, year, first, second)  # month-first: 07/13/2021
        return _make(text, year, second, first)  # day-first: 13/07/2021, 07/08/2021
    return None


def _named_month(text: str) -> date | None:
    if (m := _DAY_MONTH_YEAR.match(text)) and m[2].lower() in MONTHS:
        return _make(text, int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if (m := _MONTH_DAY_YEAR.match(text)) and m[1].lower() in MONTHS:
        return _make(text, int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    return None


def _dateparser_absolute(text: str) -> date | None:
    """Other languages and layouts; only tried for values that carry a four-digit year."""
    if not _HAS_YEAR.search(text) or len(text) > 80:
        return None
    parsed = dateparser.parse(
        text,
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


def _make(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadDate(f"{text!r} is not a real calendar date") from None


def _from_epoch(seconds: float, text: str) -> date:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        raise BadDate(f"{text!r} is not a usable timestamp") from None


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    century_cut = (date.today().year + 1) % 100
    return 2000 + int(digits) if int(digits) <= century_cut else 1900 + int(digits)


def _plausible(found: date, text: str) -> date:
    if found.year < EARLIEST_YEAR:
        raise BadDate(f"{text!r} is before {EARLIEST_YEAR}")
    if found > date.today() + timedelta(days=1):
        raise BadDate(f"{text!r} is in the future")
    return found


def _refuse(value: object) -> date:
    shown = str(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    raise BadDate(f"{shown!r} is not a date Parallax can read")
