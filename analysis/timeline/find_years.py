"""Finders for years and longer periods: 2020, early 2021, 1996 to 2001, the 1990s, summer 2022,
this winter, the third quarter, the first half of 2020. A bare four-digit number is a year only
when its neighbours say so: "2000 troops", "Resolution 2593" and "1900 GMT" are not years.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.timeline import periods as cal
from analysis.timeline.firstchar import caseless, starting_with
from analysis.timeline.lexicon import (
    MONTHS,
    ORDINALS,
    QUANTITY_BEFORE,
    QUANTITY_NOUNS,
    YEAR_CONTEXT,
    YEAR_RE,
)
from analysis.timeline.mention import Mention
from analysis.timeline.words import word_after, word_before

# --- years, spans, decades ---------------------------------------------------------------------

_YEAR_SPAN = starting_with(
    caseless("fb") + "12",
    rf"(?<!\w)(?i:(?P<pre>from|between)\s+)?(?<![\d$£€#.,])(?P<y1>{YEAR_RE})\s*(?:-|–|—|(?i:to|until|till|through|and))\s*"
    rf"(?P<y2>{YEAR_RE}|\d\d(?![\d%]))(?![.,]\d)"
)
_YEAR = starting_with(
    caseless("elmt") + "12",
    rf"(?<!\w)(?i:(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
    rf"(?:(?<=(?i:mid)-)|(?<=(?i:early)-)|(?<=(?i:late)-)|(?<![\w$£€#.,/:-]))(?P<y>{YEAR_RE})(?![\w%/:-]|[.,]\d|\s+\d|\s*(?:%|percent|per\b))"
)
_DECADE = re.compile(r"(?<![\w$£€#.,'])(?P<c>1[6-9]|20)(?P<d>\d)0s\b|(?<=\s)['’](?P<d2>\d)0s\b")


def year_span(text: str) -> Iterator[Mention]:
    for m in _YEAR_SPAN.finditer(text):
        pre = (m.group("pre") or "").lower()
        sep = text[m.end("y1") : m.start("y2")].strip().lower()
        if sep == "and" and pre != "between":
            continue  # "in 2014 and 2015": two years, found one by one
        y1 = int(m.group("y1"))
        y2_text = m.group("y2")
        y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
        if not y1 < y2 <= y1 + 100:
            continue
        if not pre and word_before(text, m.start()).lower() in QUANTITY_BEFORE:
            continue
        yield Mention(m.start("y1"), m.end(), "absolute", cal.years(y1, y2))


def _is_year(text: str, m: re.Match[str]) -> bool:
    """A bare four-digit number is a year unless its neighbours make it a quantity or a label."""
    if m.group("mod"):
        return True
    before = word_before(text, m.start("y"))
    after = word_after(text, m.end("y"))
    low = before.lower()
    if low in QUANTITY_BEFORE or before.replace("+", "").isdigit():
        return False  # "some 2000", a phone number "555 2021"
    if low in YEAR_CONTEXT or low.endswith(("'s", "’s")) or low.rstrip(".").lower() in MONTHS:
        return True
    if before[:1].isupper() and not before.isupper():
        return False  # "Resolution 2593", "Flight 1549", "Vision 2030"
    if after.lower() in QUANTITY_NOUNS:
        return False
    if after[:1].islower() and after.endswith("s") and not after.endswith(("ss", "us", "is", "'s", "’s")):
        return False  # "2000 troops", "1500 rockets"
    return True


def year(text: str) -> Iterator[Mention]:
    for m in _YEAR.finditer(text):
        if _is_year(text, m):
            start = m.start() if m.group("mod") else m.start("y")
            yield Mention(start, m.end(), "absolute", cal.year(int(m.group("y"))))


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_UNITS_RE = "|".join(_UNITS)
# Years as broadcast transcripts spell them: "nineteen ninety-one", "two thousand and three".
_SPOKEN_YEAR = re.compile(
    rf"(?<!\w)(?i:(?P<c>nineteen|twenty)[\s-]+(?:(?P<tens>{'|'.join(_TENS)})(?:[\s-]+(?P<u>{_UNITS_RE}))?"
    rf"|(?P<teen>{'|'.join(_TEENS)})|oh[\s-]+(?P<ou>{_UNITS_RE}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:(?P<tu>{_UNITS_RE})|(?P<tteen>{'|'.join(_TEENS)})))?)(?![\w-])"
)


def spoken_year(text: str) -> Iterator[Mention]:
    """A spelt-out year, only after a word that introduces years ("in nineteen ninety-one")."""
    for m in _SPOKEN_YEAR.finditer(text):
        if word_before(text, m.start()).lower() not in YEAR_CONTEXT:
            continue
        after = word_after(text, m.end())
        if after.lower() in QUANTITY_NOUNS or (after[:1].islower() and after.endswith("s") and not after.endswith("ss")):
            continue  # "in two thousand cases"
        if m.group("c"):
            base = 1900 if m.group("c").lower() == "nineteen" else 2000
            if m.group("tens"):
                value = base + _TENS[m.group("tens").lower()] + (_UNITS[m.group("u").lower()] if m.group("u") else 0)
            elif m.group("teen"):
                value = base + _TEENS[m.group("teen").lower()]
            else:
                value = base + _UNITS[m.group("ou").lower()]
        else:
            value = 2000 + (_UNITS[m.group("tu").lower()] if m.group("tu") else _TEENS[m.group("tteen").lower()] if m.group("tteen") else 0)
        yield Mention(m.start(), m.end(), "absolute", cal.year(value))


def decade(text: str) -> Iterator[Mention]:
    for m in _DECADE.finditer(text):
        if m.group("c"):
            first = int(m.group("c")) * 100 + int(m.group("d")) * 10
        else:
            first = 1900 + int(m.group("d2")) * 10
        yield Mention(m.start(), m.end(), "absolute", cal.years(first, first + 9))


# --- seasons, quarters, halves ----------------------------------------------------------------

_SEASON_YEAR = re.compile(
    rf"(?<!\w)(?i:(?:early|late|mid)[\s-]+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?,?\s+(?P<y>{YEAR_RE})"
)
_SEASON = re.compile(
    r"(?<!\w)(?i:(?P<mod>last|this|next|this\s+past|(?:in|during|over|by|until|through)\s+the|early|late)\s+)"
    r"(?P<s>spring|summer|autumn|winter|fall)\b"
)
_QUARTER = re.compile(
    rf"(?<!\w)(?i:(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter"
    rf"(?:\s+of\s+(?:(?P<y>{YEAR_RE})|(?P<rel>this|last|next|the)\s+year)|,?\s+(?P<y3>{YEAR_RE}))?)"
    rf"|(?P<y2>{YEAR_RE})\s+(?i:(?P<q2>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter)"
    rf"|\bQ(?P<q3>[1-4])\s*(?P<y4>{YEAR_RE})"
)
_HALF = re.compile(
    rf"(?<!\w)(?i:the\s+(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR_RE})|(?P<rel>this|last|next|the)\s+year))"
)
_REL_YEAR = {"this": 0, "the": 0, "last": -1, "next": 1}


def season(text: str) -> Iterator[Mention]:
    for m in _SEASON_YEAR.finditer(text):
        yield Mention(m.start(), m.end(), "absolute", cal.season(int(m.group("y")), m.group("s").lower()))
    for m in _SEASON.finditer(text):
        mod = " ".join(m.group("mod").lower().split())
        name = m.group("s").lower()
        if name == "fall" and mod not in {"last", "this", "next", "this past"}:
            continue  # "the fall" of a city
        if mod == "this past":
            mod = "last"
        start = m.start() if mod in {"last", "this", "next"} else m.start("s")
        yield Mention(start, m.end(), "season", season=name, mod=mod if mod in {"last", "this", "next"} else "")


def quarter(text: str) -> Iterator[Mention]:
    for m in _QUARTER.finditer(text):
        q_word = (m.group("q") or m.group("q2") or "").lower()
        q = ORDINALS[q_word] if q_word else int(m.group("q3"))
        year_text = m.group("y") or m.group("y2") or m.group("y3") or m.group("y4")
        if year_text:
            yield Mention(m.start(), m.end(), "absolute", cal.quarter(int(year_text), q))
        elif m.group("rel"):
            yield Mention(m.start(), m.end(), "shift", unit="quarter", quarter=q, offset=_REL_YEAR[m.group("rel").lower()])
        else:
            yield Mention(m.start(), m.end(), "quarter", quarter=q, default="past")
    for m in _HALF.finditer(text):
        first = 1 if m.group("h").lower() == "first" else 7
        if m.group("y"):
            yield Mention(m.start(), m.end(), "absolute", cal.months(int(m.group("y")), first, 6))
        else:
            yield Mention(m.start(), m.end(), "shift", unit="half", quarter=first, offset=_REL_YEAR[m.group("rel").lower()])
