"""Small helpers the finders share: the words around a match and number parsing."""

from __future__ import annotations

import re
from datetime import date

from analysis.timeline.lexicon import MONTHS, NUMBER_WORDS

_WORD_BEFORE = re.compile(r"([\w'’.-]+)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([\w'’-]+)")


def word_before(text: str, index: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, index - 40), index)
    return m.group(1) if m else ""


def word_after(text: str, index: int) -> str:
    m = _WORD_AFTER.search(text[index : index + 40])
    return m.group(1) if m else ""


def month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def number(token: str) -> int:
    token = token.lower()
    return NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token)
