"""Small helpers the finders share: the words around a match and number parsing."""

from __future__ import annotations

import re
from datetime import date

from analysis.timeline.lexicon import MONTHS, NUMBER_WORDS

# The word before an index is matched in the reversed 40-character window: a left-to-right
# search for "word, spaces, end" would try (and backtrack from) every start in the window.
# Word characters and the skipped spaces and commas are disjoint sets, so the reversed match
# finds the same word.
_WORD_BEFORE_REVERSED = re.compile(r"[\s,]*([\w'’.-]+)")
_WORD_AFTER = re.compile(r"[\s,]*([\w'’-]+)")
_DIGITS = re.compile(r"\d+")


def word_before(text: str, index: int) -> str:
    m = _WORD_BEFORE_REVERSED.match(text[max(0, index - 40) : index][::-1])
    return m.group(1)[::-1] if m else ""


def word_after(text: str, index: int) -> str:
    m = _WORD_AFTER.match(text, index, index + 40)
    return m.group(1) if m else ""


def month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def day_number(token: str) -> int:
    return int(_DIGITS.match(token).group(0))  # type: ignore[union-attr]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def number(token: str) -> int:
    token = token.lower()
    return NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token)
