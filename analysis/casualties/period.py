"""The period a figure covers ("in the last 24 hours", "since October 7", "this year"): a
cumulative toll must not be mistaken for one incident's toll, nor added to one."""

from __future__ import annotations

import re

_PERIOD = re.compile(
    r"\b(?:(?:in|over|during|within|for)\s+the\s+(?:last|past|previous|preceding|first)\s+"
    r"(?:\w+(?:-\w+)?\s+)?(?:hours?|days?|weeks?|months?|years?|decades?)"
    r"|since\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?"
    r"|the\s+(?:war|conflict|fighting|invasion|offensive|uprising|coup)\s+(?:began|started|erupted|broke\s+out)"
    r"|(?:early|late|mid-?)?\s*[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4}|last\s+\w+)"
    r"|so\s+far\s+this\s+(?:year|month|week)|(?:this|last)\s+(?:year|month|week)"
    r"|every\s+(?:day|week|month)|each\s+(?:day|week|month)|(?:a|per)\s+(?:day|week|month)"
    r"|overnight|over\s+the\s+weekend|daily)\b"
)


def find_period(sentence: str) -> str | None:
    """The first period expression in the sentence, as written, or None."""
    match = _PERIOD.search(sentence)
    return match.group(0) if match else None
