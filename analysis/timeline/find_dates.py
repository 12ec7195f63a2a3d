"""Finders for calendar dates: 2021-07-07, 07/13/2021, July 7, 7 July 2021, Nov. 30-Dec. 2,
July 2021, mid-July, "in May" (but not "may" the modal, nor "Theresa May").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.timeline import periods as cal
from analysis.timeline.firstchar import caseless, starting_with
from analysis.timeline.lexicon import (
    AMBIGUOUS_MONTHS,
    DAY_RE,
    MONTH_CONTEXT,
    MONTH_RE,
    QUANTITY_BEFORE,
    WEEKDAY_RE,
    YEAR_RE,
)
from analysis.timeline.mention import Mention
from analysis.timeline.model import Period
from analysis.timeline.words import (
    day_number,
    month_number,
    safe_date,
    word_after,
    word_before,
)

# --- numeric dates ---------------------------------------------------------------------------

_ISO = starting_with("12", r"(?<![\d/.-])(1[6-9]\d\d|20\d\d)([-/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")
_NUMERIC = re.compile(r"(?<![\d/.:-])(\d{1,2})([/.])(\d{1,2})\2(1[6-9]\d\d|20\d\d|\d{2})(?![\d/.:-]\d|\d)")


def iso(text: str) -> Iterator[Mention]:
    for m in _ISO.finditer(text):
        d = safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            yield Mention(m.start(), m.end(), "absolute", cal.day(d))


def numeric(text: str) -> Iterator[Mention]:
    """07/13/2021, 13.07.2021: slashes read month first unless the first number exceeds 12;
    dots read day first (European)."""
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
        if len(y) == 2:
            if m.group(2) == ".":
                continue  # "1.2.21" is as likely a version or section number
            year = 2000 + int(y) if int(y) < 50 else 1900 + int(y)
        else:
            year = int(y)
        day_first = m.group(2) == "." or a > 12
        d = safe_date(year, a, b) if not day_first else safe_date(year, b, a)
        if d is None:
            d = safe_date(year, b, a) if not day_first else safe_date(year, a, b)
        if d:
            yield Mention(m.start(), m.end(), "absolute", cal.day(d))


# --- month and day -------------------------------------------------------------------------

# "8 October last year", "in March this year": the year named relative to the anchor's.
_REL_YEAR_SUFFIX = r",?\s+(?P<rel>(?i:last|this|next))\s+year\b"
_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
_RANGE_SEP = r"\s*(?:-|–|—|to|through|and|or)\s*"
# First characters: of a weekday (WEEKDAY_RE), a month (MONTH_RE) or a day number (DAY_RE).
_MONTH_DAY = starting_with(
    "MTWFS" + "JFMASOND",
    rf"(?<!\w)(?:(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?)?(?P<m>{MONTH_RE})\s+(?P<d>{DAY_RE})"
    rf"(?:{_RANGE_SEP}(?:(?P<m2>{MONTH_RE})\s+)?(?P<d2>{DAY_RE}))?"
    rf"(?:,?\s+(?P<y>{YEAR_RE})|{_REL_YEAR_SUFFIX})?(?![:,.]?\d)"
)
_DAY_MONTH = starting_with(
    "MTWFS" + "0123456789",
    rf"(?<!\w)(?:(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?)?(?<![\d,.$£€])(?P<d>{DAY_RE})"
    rf"(?:{_RANGE_SEP}(?P<d2>{DAY_RE}))?\s+(?:of\s+)?(?P<m>{MONTH_RE})"
    rf"(?:,?\s+(?P<y>{YEAR_RE})|{_REL_YEAR_SUFFIX})?"
)

# The fixed core of each pattern above, found far faster than the pattern (which tries its
# optional weekday at every position): a month name (all begin with these three letters, see
# MONTH_RE), then after whitespace a day's digit; or a day's digit or suffix, whitespace and
# an optional "of", then the month name.
_MONTH_PREFIX = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_CORES = {
    _MONTH_DAY: re.compile(rf"{_MONTH_PREFIX}[a-z]*\.?\s+\d"),
    _DAY_MONTH: re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_PREFIX}"),
}


def month_day(text: str) -> Iterator[Mention]:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if _CORES[pattern].search(text) is None:
            continue
        for m in pattern.finditer(text):
            month = month_number(m.group("m"))
            first = day_number(m.group("d"))
            last = day_number(m.group("d2")) if m.group("d2") else first
            month_end = month_number(m.group("m2")) if pattern is _MONTH_DAY and m.group("m2") else month
            if pattern is _DAY_MONTH and not m.group("wd") and word_before(text, m.start("d")).lower() in QUANTITY_BEFORE:
                continue  # "some 30 May ..." is not a date worth the risk
            if month_end == month and last < first:
                last = first  # a reversed day range is a typo; keep its first day
            # a month_end before month wraps into the next year ("Dec. 30-Jan. 2")
            span = (m.start(), m.end())
            if m.group("y"):
                year = int(m.group("y"))
                start_year = year - 1 if month_end < month else year  # "Dec. 30-Jan. 2, 2022"
                start, end = safe_date(start_year, month, first), safe_date(year, month_end, last)
                if start and end:
                    yield Mention(*span, "absolute", Period(start, end, "day"))
                continue
            # Length of the range in days, measured in a leap year so 29 February is valid.
            first_day = safe_date(2000, month, first)
            last_day = safe_date(2001 if month_end < month else 2000, month_end, last)
            if first_day is None:
                continue
            extra = (last_day - first_day).days if last_day is not None else 0
            rel = m.group("rel")
            yield Mention(
                *span, "month_day", month=month, day=first, day_end=first + extra,
                mod="year" if rel else "", offset=_RELATIVE_YEARS[rel.lower()] if rel else 0,
            )


_PART_PREFIX = r"(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)[\s-]+)"
_MONTH_YEAR = starting_with(
    caseless("elmt") + "JFMASOND",
    rf"(?<!\w)(?i:{_PART_PREFIX})?(?P<m>{MONTH_RE})(?:\s+of)?,?\s+(?P<y>{YEAR_RE})",
)
_MONTH_ALONE = starting_with(
    caseless("lntem") + "JFMASOND",
    rf"(?<!\w)(?:(?i:(?P<mod>last|next|this|early|late|mid|the\s+(?:end|beginning|start|middle)\s+of))[\s-]+)?(?P<m>{MONTH_RE})"
    rf"(?:{_REL_YEAR_SUFFIX})?"
)

# The fixed core of _MONTH_YEAR, as _CORES above: month name, then a year after whitespace.
_MONTH_YEAR_CORE = re.compile(rf"{_MONTH_PREFIX}[a-z]*\.?(?:\s+of)?,?\s+(?:1[6-9]|20)\d\d")


def month_year(text: str) -> Iterator[Mention]:
    if _MONTH_YEAR_CORE.search(text) is None:
        return
    for m in _MONTH_YEAR.finditer(text):
        yield Mention(m.start(), m.end(), "absolute", cal.month(int(m.group("y")), month_number(m.group("m"))))


def month_alone(text: str) -> Iterator[Mention]:
    """A month without day or year. Ambiguous words (May, March, abbreviations) need a
    date-like word before them; the others must not sit inside a name (June Carter)."""
    for m in _MONTH_ALONE.finditer(text):
        token = m.group("m")
        mod = (m.group("mod") or "").lower()
        before = word_before(text, m.start())
        after = word_after(text, m.end())
        contextual = bool(mod) or before.lower() in MONTH_CONTEXT
        if token.rstrip(".").lower() in AMBIGUOUS_MONTHS and not contextual:
            continue
        if not contextual and (before[:1].isupper() or after[:1].isupper()):
            continue  # part of a name
        rel = m.group("rel")
        if rel:
            yield Mention(m.start(), m.end(), "month", month=month_number(token), mod="year", offset=_RELATIVE_YEARS[rel.lower()])
            continue
        kind_mod = mod if mod in {"last", "next", "this"} else ""
        yield Mention(m.start(), m.end(), "month", month=month_number(token), mod=kind_mod)
