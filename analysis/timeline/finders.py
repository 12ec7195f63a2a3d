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
from analysis.timeline.mention import Mention
from analysis.timeline.named import find_holidays, find_named

# Each group of finders runs only on a sentence that holds one of its keys (lower-cased
# substrings) or, for a compiled pattern, a digit and a match of it: a pattern every match of
# the group's finders must contain (a year-like number, "12/5", "90s"). Most sentences skip
# most groups on these cheap tests.
_YEARISH = re.compile(r"1[6-9]\d\d|20\d\d")
_NUMERIC_HINT = re.compile(r"\d[/.]\d")
_DECADE_HINT = re.compile(r"\d0s")
_Gate = tuple[str, ...] | re.Pattern[str]
FINDERS: tuple[tuple[_Gate, tuple[Callable[[str], Iterator[Mention]], ...]], ...] = (
    (("/", "attack", "bomb", "massacre", "assault", "hijack", "atrocit", "strike"), (find_named,)),
    (("christmas", "new year", "boxing", "valentine", "halloween", "may day"), (find_holidays,)),
    (_YEARISH, (iso,)),
    (_NUMERIC_HINT, (numeric,)),
    (_YEARISH, (year_span, year)),
    (_DECADE_HINT, (decade,)),
    (("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), (month_day, month_year, month_alone)),
    (("spring", "summer", "autumn", "fall", "winter"), (season,)),
    (("quarter", "half", "q1", "q2", "q3", "q4"), (quarter,)),
    (("day",), (weekday,)),
    (("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"), (day_words,)),
    (("week", "month", "quarter", "year"), (units,)),
    ((" ago",), (ago,)),
    (("in ",), (in_units,)),
    (("later", "earlier", "next ", "following", "previous", "preceding", "same ", "that "), (anaphor,)),
    (("weekend",), (weekend,)),
    (("nineteen", "two thousand"), (spoken_year,)),
    (("now", "current", "present", "moment", "these days", "recent", "lately", "formerly", "previous", "past", "ago", "future", "coming"), (references,)),
)
_HAS_DIGIT = re.compile(r"\d")


def find_mentions(text: str) -> list[Mention]:
    """All temporal expressions of `text`, longest first where they overlap, in text order."""
    low = text.lower()
    has_digit = _HAS_DIGIT.search(text) is not None
    found: list[Mention] = []
    for keys, finders in FINDERS:
        if isinstance(keys, re.Pattern):
            if not has_digit or keys.search(text) is None:
                continue
        elif not any(map(low.__contains__, keys)):
            continue
        for finder in finders:
            found.extend(finder(text))
    if not found:
        return []
    # Longest wins; among equals the earlier finder (named dates before plain ones).
    order = sorted(range(len(found)), key=lambda i: (-(found[i].end - found[i].start), i))
    kept: list[Mention] = []
    for i in order:
        cand = found[i]
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda k: k.start)
