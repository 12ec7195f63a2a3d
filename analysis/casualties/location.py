"""Where a figure happened: the nearest place the NER found in the sentence, else in the
paragraph, else light textual cues ("in the southern province of Kandahar", "in Bakhmut")."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ADMIN = (r"(?:province|district|city|town|village|region|state|county|governorate|camp|area|"
          r"municipality|oblast|prefecture|department|neighbourhood|neighborhood|suburb|enclave|"
          r"territory|strip|valley)")
_DIRECTION = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
_NAME = r"[A-Z][\w’'\-]+(?:\s+(?:al-)?[A-Z][\w’'\-]+){0,2}"
# Cue patterns, strongest first: on equal distance to the figure the earlier pattern wins.
_PATTERNS = (
    re.compile(r"\b" + _DIRECTION + _ADMIN + r"\s+of\s+(?P<name>" + _NAME + r")"),
    re.compile(r"\b(?P<name>" + _NAME + r")\s+" + _ADMIN + r"\b"),
    re.compile(r"\b(?:in|near|outside|at|across|around|from)\s+(?:the\s+)?" + _DIRECTION + r"(?P<name>" + _NAME + r")"),
    re.compile(r"\b(?P<name>[A-Z][\w\-]+)['’]s\s+(?:provincial|main|central|regional|city|district|general|military)\b"),
)
NOT_PLACES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That These Those
    He She They It We I His Her Their Its Our Reuters AP AFP Associated Press Agence Mr Mrs Ms
    Dr President Minister Prime General Gen Col Police Army Health Ministry Interior Defence
    Defense Security Forces Council Hospital Red Cross Crescent Islamic State UN United Nations
    Taliban Hamas Hezbollah Houthis Houthi Al Shabaab Boko Haram Wagner RSF Israeli Palestinian
    Ukrainian Russian Syrian Afghan Iraqi Yemeni Sudanese Somali Nigerian Pakistani Mexican
    Christmas Easter Ramadan Eid Friday's Saturday's Sunday's Monday's Tuesday's Wednesday's
    Thursday's Brig Lt Maj Capt Sgt Col""".split()
)


def nearest_place(places: Sequence[tuple[int, int, str]], start: int, end: int,
                  lo: int, hi: int) -> str | None:
    """The canonical name of the place span in [lo, hi) nearest to the span [start, end)."""
    best: tuple[int, str] | None = None
    for p_start, p_end, name in places:
        if p_start >= lo and p_end <= hi:
            distance = start - p_end if p_end <= start else p_start - end if p_start >= end else 0
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), name)
    return best[1] if best else None


def cue_place(text: str, near: int | None = None) -> str | None:
    """A place named by textual cues in `text` when no NER places are available: the one
    nearest to character `near` when given, else the first by pattern strength."""
    best: tuple[int, int, str] | None = None
    for rank, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            words = match.group("name").split()
            while words and words[-1] in NOT_PLACES:
                words.pop()
            if not words or words[0] in NOT_PLACES:
                continue
            distance = abs(match.start("name") - near) if near is not None else 0
            candidate = (distance, rank, " ".join(words))
            if best is None or candidate[:2] < best[:2]:
                best = candidate
        if best is not None and near is None:
            break
    return best[2] if best else None
