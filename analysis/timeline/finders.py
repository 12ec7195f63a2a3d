"""Finding temporal expressions in running text with precompiled regexes.

Each finder (find_dates, find_years, find_relative, named) yields `Mention`s for one family of
expressions; `find_mentions` runs the ones a sentence could hold and keeps the longest
non-overlapping matches ("Tuesday, July 13, 2021" beats "Tuesday" and "2021"). The context
checks in the finders keep "2000 troops", "Resolution 2593", "May" the modal and "Theresa May"
out; they are written for any news text, not for particular articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from analysis.timeline.find_dates import (
    iso,
    month_alone,
    month_day,
    month_year,
    numeric,
)
from analysis.timeline.find_references import references
from analysis.timeline.find_relative import (
    ago,
    anaphor,
    day_words,
    in_units,
    units,
    weekday,
    weekend,
)
from analysis.timeline.find_years import (
    decade,
    quarter,
    season,
    spoken_year,
    year,
    year_span,
)
from analysis.timeline.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from analysis.timeline.mention import Mention
from analysis.timeline.named import find_holidays, find_named
from analysis.timeline.periods import SEASON_START_MONTH
from analysis.wordscan import KeyScanner

Finder = Callable[[str], Iterator[Mention]]


class _Entry(NamedTuple):
    """A finder and the cheap tests a sentence must pass for it to run.

    `gate`: lower-case keys one of which the lower-cased sentence must contain, or a pattern
    the sentence must match (it then also needs a digit): a pattern every match of the finder
    contains (a year-like number, "12/5", "90s"). The further tests only skip sentences the
    finder would find nothing in: `digit`, every match holds a digit; `hint`, searched in the
    sentence, and `lower_hint`, searched in it lower-cased, patterns that every match of the
    finder's regexes implies (see the comment at each).
    `calendar`: the finder can yield calendar dates (kinds absolute, month_day, month).
    """

    gate: tuple[str, ...] | re.Pattern[str]
    finder: Finder
    digit: bool = False
    hint: re.Pattern[str] | None = None
    lower_hint: re.Pattern[str] | None = None
    calendar: bool = False


_YEARISH = re.compile(r"1[6-9]\d\d|20\d\d")
_NUMERIC_HINT = re.compile(r"\d[/.]\d")
_DECADE_HINT = re.compile(r"\d0s")
# Month names are matched case-sensitively (lexicon.MONTH_RE) and all begin with one of these;
# day numbers (lexicon.DAY_RE) and years (YEAR_RE) are digits.
_MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)
_MONTH_NAME = re.compile("|".join(name[:3] for name in MONTH_NAMES))
# Weekdays are matched case-sensitively (lexicon.WEEKDAY_RE).
_WEEKDAY_NAME = re.compile("|".join(WEEKDAY_NAMES))
# named.py: "9/11" is digits, a slash and digits; the worded forms hold a case-sensitive month.
_NAMED_HINT = re.compile(r"\d/\d|Mar|Jul|Sep|Oct|Nov")
# Hints searched in the lower-cased sentence (case-insensitive patterns are slower). The
# finders' (?i) regexes match a unit word after whitespace; lower() maps every character that
# (?i) matches to these letters onto them (outside ASCII only the Kelvin sign does, for "k";
# dotless i and long s match letters these words lack), keeps whitespace and keeps whether a
# character is a word character or hyphen, so the lowered match holds these patterns.
_UNIT_WORD = re.compile(r"\s(?:day|week|month|year)")  # `in_units`, `anaphor`
# `units`: "last/this/next/the ... <unit>" not followed by a word character or hyphen, or
# "year-end".
_CALENDAR_UNIT = re.compile(r"\s(?:week|month|quarter|year|weekend)(?![\w-])|year[-\s]end")
_SEASONS = tuple(SEASON_START_MONTH)

# In this order: where matches tie in length, the earlier finder wins (named dates first).
_ENTRIES: tuple[_Entry, ...] = (
    _Entry(("/", "attack", "bomb", "massacre", "assault", "hijack", "atrocit", "strike"), find_named, digit=True, hint=_NAMED_HINT),
    _Entry(("christmas", "new year", "boxing", "valentine", "halloween", "may day"), find_holidays, calendar=True),
    _Entry(_YEARISH, iso, calendar=True),
    _Entry(_NUMERIC_HINT, numeric, calendar=True),
    _Entry(_YEARISH, year_span, calendar=True),
    _Entry(_YEARISH, year, calendar=True),
    _Entry(_DECADE_HINT, decade, calendar=True),
    _Entry(_MONTHS, month_day, digit=True, hint=_MONTH_NAME, calendar=True),
    _Entry(_MONTHS, month_year, digit=True, hint=_MONTH_NAME, calendar=True),
    _Entry(_MONTHS, month_alone, hint=_MONTH_NAME, calendar=True),
    _Entry(_SEASONS, season, calendar=True),
    _Entry(("quarter", "half", "q1", "q2", "q3", "q4"), quarter, calendar=True),
    _Entry(("day",), weekday, hint=_WEEKDAY_NAME),
    _Entry(("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"), day_words),
    _Entry(("week", "month", "quarter", "year"), units, lower_hint=_CALENDAR_UNIT),
    _Entry((" ago",), ago),
    _Entry(("in ",), in_units, lower_hint=_UNIT_WORD),
    _Entry(("later", "earlier", "next ", "following", "previous", "preceding", "same ", "that "), anaphor, lower_hint=_UNIT_WORD),
    _Entry(("weekend",), weekend),
    _Entry(("nineteen", "two thousand"), spoken_year, calendar=True),
    _Entry(
        ("now", "current", "present", "moment", "these days", "recent", "lately", "formerly", "previous", "past", "ago", "future", "coming"),
        references,
    ),
)


def _bits(test: Callable[[_Entry], bool]) -> int:
    return sum(1 << i for i, entry in enumerate(_ENTRIES) if test(entry))


_FINDER_AT = {1 << i: entry.finder for i, entry in enumerate(_ENTRIES)}
_KEYS = KeyScanner([() if isinstance(e.gate, re.Pattern) else e.gate for e in _ENTRIES])
# Each gate pattern and hint once, with the bits of every finder it gates.
_DIGIT_GATES = tuple((p, _bits(lambda e, p=p: e.gate is p)) for p in (_YEARISH, _NUMERIC_HINT, _DECADE_HINT))
_HINTS = tuple((h, _bits(lambda e, h=h: e.hint is h)) for h in dict.fromkeys(e.hint for e in _ENTRIES if e.hint))
_LOWER_HINTS = tuple(
    (h, _bits(lambda e, h=h: e.lower_hint is h)) for h in dict.fromkeys(e.lower_hint for e in _ENTRIES if e.lower_hint)
)
_NEEDS_DIGIT = _bits(lambda e: e.digit)
_CALENDAR = _bits(lambda e: e.calendar)
_HAS_DIGIT = re.compile(r"\d")


def find_mentions(text: str, *, calendar: bool = False) -> list[Mention]:
    """All temporal expressions of `text`, longest first where they overlap, in text order.

    With `calendar=True` the caller keeps only calendar dates (kinds absolute, month_day,
    month): a sentence no finder of those could match returns [] without running the others.
    """
    low = text.lower()
    pending = _KEYS.groups(low)
    if _HAS_DIGIT.search(text) is None:
        pending &= ~_NEEDS_DIGIT
    else:
        for pattern, bits in _DIGIT_GATES:
            if pattern.search(text) is not None:
                pending |= bits
    for hint, bits in _HINTS:
        if pending & bits and hint.search(text) is None:
            pending &= ~bits
    for hint, bits in _LOWER_HINTS:
        if pending & bits and hint.search(low) is None:
            pending &= ~bits
    if calendar and not pending & _CALENDAR:
        return []
    found: list[Mention] = []
    while pending:  # lowest bit first: the finders' order
        bit = pending & -pending
        pending ^= bit
        found.extend(_FINDER_AT[bit](text))
    if len(found) < 2:
        return found
    # Longest wins; among equals the earlier finder (named dates before plain ones): the sort
    # is stable.
    kept: list[Mention] = []
    for cand in sorted(found, key=_negative_length):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=_start)


def _negative_length(mention: Mention) -> int:
    return mention.start - mention.end


def _start(mention: Mention) -> int:
    return mention.start
