"""Dates that name an event: "9/11", "the September 11 attacks", "the 7/7 bombings".

A day-month named for an attack refers to that attack's day, whatever the article's date; a
plain "September 11" without such a noun is an ordinary date and is left to the other finders.
Only "9/11" is unambiguous on its own; the other short forms need the attack noun after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from analysis.timeline import periods as cal
from analysis.timeline.lexicon import MONTHS
from analysis.timeline.mention import Mention

# (month, day) -> the date of the attack known by it, in English-language news.
NAMED_ATTACKS: dict[tuple[int, int], date] = {
    (9, 11): date(2001, 9, 11),  # September 11 attacks, United States
    (3, 11): date(2004, 3, 11),  # Madrid train bombings
    (7, 7): date(2005, 7, 7),  # London bombings
    (11, 26): date(2008, 11, 26),  # Mumbai attacks
    (10, 7): date(2023, 10, 7),  # Hamas attack on Israel
}

_ATTACK_NOUN = r"\s+(?:(?:terror(?:ist)?|terror-related|suicide|militant)\s+)?(?:attacks?|bombings?|massacre|assault|hijackings?|atrocit(?:y|ies)|strikes?)\b"

_ATTACK_NOUN_AHEAD = re.compile(_ATTACK_NOUN)
_SLASH = re.compile(r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")
_WORDS = re.compile(
    r"(?P<m>March|Mar\.|July|Jul\.|September|Sept\.|Sep\.|October|Oct\.|November|Nov\.)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+20\d\d)?(?=" + _ATTACK_NOUN + ")"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>March|July|September|October|November)(?=" + _ATTACK_NOUN + ")"
)


def find_named(text: str) -> Iterator[Mention]:
    """Named attack dates in `text` as absolute day mentions."""
    for m in _SLASH.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        named = (a, b) == (9, 11)
        if not named:
            # US order (7/7, 3/11) or day-first (26/11) with an attack noun after.
            if not _ATTACK_NOUN_AHEAD.match(text[m.end():]):
                continue
            key = (a, b) if (a, b) in NAMED_ATTACKS else (b, a)
            named = key in NAMED_ATTACKS
            a, b = key
        if named:
            yield Mention(m.start(), m.end(), "absolute", cal.day(NAMED_ATTACKS[(a, b)]), named=True)
    for m in _WORDS.finditer(text):
        month = MONTHS[(m.group("m") or m.group("m2")).rstrip(".").lower()]
        day = int(m.group("d") or m.group("d2"))
        when = NAMED_ATTACKS.get((month, day))
        if when is not None:
            yield Mention(m.start(), m.end(), "absolute", cal.day(when), named=True)


# Fixed-date holidays that news copy uses as dates; resolved like a month-day without a year.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14),
    "halloween": (10, 31), "may day": (5, 1), "christmas": (12, 25),
}
_HOLIDAY = re.compile(
    r"\b(?:New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Eve|Day))?|Boxing\s+Day|Valentine['’]s\s+Day|Halloween|May\s+Day)\b"
)

_CHRISTMAS_THINGS = re.compile(r"\s+(?:trees?|cards?|markets?|lights?|truce|message|Island)\b")


def find_holidays(text: str) -> Iterator[Mention]:
    """Fixed-date holidays ("on New Year's Eve") as month-days needing the anchor's year."""
    for m in _HOLIDAY.finditer(text):
        if text[max(0, m.start() - 10) : m.start()].rstrip().endswith("Orthodox"):
            continue  # Orthodox Christmas is 7 January in the Gregorian calendar
        if m.group(0) == "Christmas" and _CHRISTMAS_THINGS.match(text[m.end() :]):
            continue  # things named after the feast, not the day
        key = " ".join(m.group(0).lower().replace("’", "'").split())
        month, day = HOLIDAYS[key]
        yield Mention(m.start(), m.end(), "month_day", month=month, day=day, day_end=day)
