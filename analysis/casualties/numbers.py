"""Quantities as wire copy states them: digits, number words, vague amounts and qualifiers.

A quantity keeps the number as stated (`value`) apart from the bounds used when adding figures
up (`low`, `high`), because analysts need both: "more than 30" is quoted as 30 but counts as at
least 31. Vague amounts take ACLED's conservative floors (tens 10, dozens 12, scores 20, hundreds
100, thousands 1000) and have no stated value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from analysis.casualties.tokens import Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1000}
# Plural amounts with no stated number, and their conservative floors.
VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "millions": 1_000_000,
}
# More people than live on Earth is not a head count (and would not fit the tables' integers).
MAX_COUNT = 10_000_000_000
# "several hundred", "a few thousand": a vague multiplier on a scale word.
FEW = {"several": 3, "few": 2, "couple": 2}

# Qualifier phrases before a number, longest first so "more than" wins over "more".
_PREFIXES: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted(
    [
        (("at", "least"), "at_least"), (("not", "less", "than"), "at_least"),
        (("no", "fewer", "than"), "at_least"), (("no", "less", "than"), "at_least"),
        (("a", "minimum", "of"), "at_least"), (("at", "a", "minimum"), "at_least"),
        (("more", "than"), "more_than"), (("over",), "more_than"), (("upwards", "of"), "more_than"),
        (("in", "excess", "of"), "more_than"), (("well", "over"), "more_than"),
        (("well", "above"), "more_than"), (("above",), "more_than"), (("beyond",), "more_than"),
        (("about",), "about"), (("around",), "about"), (("some",), "about"),
        (("nearly",), "about"), (("almost",), "about"), (("an", "estimated"), "about"),
        (("estimated",), "about"), (("approximately",), "about"), (("roughly",), "about"),
        (("close", "to"), "about"), (("as", "many", "as"), "about"), (("approx",), "about"),
        (("just", "under"), "about"), (("just", "over"), "more_than"), (("circa",), "about"),
        (("up", "to"), "up_to"), (("fewer", "than"), "up_to"), (("less", "than"), "up_to"),
        (("under",), "up_to"), (("at", "most"), "up_to"), (("no", "more", "than"), "up_to"),
    ],
    key=lambda item: -len(item[0]),
))
_PREFIX_BY_FIRST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
if any(not 1 <= len(_words) <= 3 for _words, _ in _PREFIXES):
    raise ValueError("qualifier phrases are one to three words: parse_quantity compares that many")
for _words, _name in _PREFIXES:
    _PREFIX_BY_FIRST[_words[0]] = _PREFIX_BY_FIRST.get(_words[0], ()) + ((_words, _name),)
# Words that can open a quantity; anything else is rejected at once (most tokens are).
_OPENERS = frozenset(UNITS) | frozenset(TENS) | frozenset(VAGUE) | frozenset(FEW) | frozenset(
    _PREFIX_BY_FIRST) | {"a", "an", "half", "between"}
# Public name for callers that scan many tokens: any token whose word is not a digit, nor in
# QUANTITY_OPENERS, nor hyphenated onto one, cannot start a quantity (see parse_quantity).
QUANTITY_OPENERS = _OPENERS
# Openers that are only the first word of a qualifier ("in" of "in excess of", "at" of "at
# least"): without the rest of their phrase no quantity starts there, and they are common words.
_QUALIFIER_ONLY = frozenset(_PREFIX_BY_FIRST) - frozenset(UNITS) - frozenset(TENS) - frozenset(VAGUE) - frozenset(
    FEW) - {"a", "an", "half", "between"}
_RANGE_JOINERS = frozenset({"to", "-", "–", "—", "or"})
# "1,200", "2 843" (thin or plain space), "2,70,000" (Indian lakh grouping), "1.5"
_DIGITS = re.compile(r"\d+(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+(?:\.\d+)?")


class Quantity(NamedTuple):
    """A parsed amount: token span [first, last), character span, and its bounds.

    A NamedTuple rather than a frozen dataclass: one is made for every number of every cued
    sentence, and a frozen dataclass's __init__ costs about three times as much."""

    first: int
    last: int
    start: int
    end: int
    value: int | None
    qualifier: str
    low: int
    high: int | None


def _digits_value(text: str) -> float | None:
    if text.isdecimal():  # the usual "12": what \d+ matches, without the regex
        return float(text)
    if not _DIGITS.fullmatch(text):
        return None
    if not text.replace(".", "").isdigit():
        return float("".join(ch for ch in text if ch.isdigit()))
    return float(text)


def _scaled_digits(tokens: Sequence[Token], i: int, digits: float) -> tuple[int, int, bool] | None:
    """A number in digits at `i` and the scale after it ("1.5 million", "1.2m", "3bn"); None for
    a bare decimal, which is a measurement ("2.5 km"), not a head count."""
    n = len(tokens)
    j = i + 1
    if j < n and tokens[j].low in SCALES and tokens[j].low != "hundred":
        return round(digits * SCALES[tokens[j].low]), j + 1, False
    if j < n and tokens[j].low in _SHORT_SCALES and tokens[j].start == tokens[i].end:
        return round(digits * _SHORT_SCALES[tokens[j].low]), j + 1, False  # "1.2m", "3bn"
    if digits != int(digits):
        return None
    return int(digits), j, False


def _vague_amount(tokens: Sequence[Token], i: int) -> tuple[int, int, bool]:
    """A vague plural at `i` and its floor, multiplied out in "tens of thousands"."""
    n = len(tokens)
    value, j = VAGUE[tokens[i].low], i + 1
    if j + 1 < n and tokens[j].low == "of" and tokens[j + 1].low in VAGUE:
        value, j = value * VAGUE[tokens[j + 1].low], j + 2
    return value, j, True


def _opens_few(tokens: Sequence[Token], i: int) -> bool:
    """"several", "few", "couple", or "a" before "few" or "couple"."""
    word = tokens[i].low
    return word in FEW or (word == "a" and i + 1 < len(tokens) and tokens[i + 1].low in ("few", "couple"))


def _few_times_scale(tokens: Sequence[Token], i: int) -> tuple[int, int, bool] | None:
    """"several hundred", "a few thousand", "a couple of dozen": the floor of a vague multiplier
    on a scale word; None without the scale ("several people" states no number at all)."""
    n = len(tokens)
    j = i + 1 if tokens[i].low in FEW else i + 2
    factor = FEW[tokens[j - 1].low]
    if j < n and tokens[j].low == "of" and tokens[j - 1].low == "couple":
        j += 1
    if j < n and tokens[j].low in SCALES:
        return factor * SCALES[tokens[j].low], j + 1, True
    if j < n and tokens[j].low in ("dozen", "dozens"):
        return factor * 12, j + 1, True
    return None


def _opens_a_scale(tokens: Sequence[Token], i: int) -> bool:
    """"a dozen", "a hundred", "a thousand" or "a million", after "a" or "an"."""
    return tokens[i].low in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].low in (
        "dozen", "hundred", "thousand", "million")


def _a_scale(tokens: Sequence[Token], i: int) -> tuple[int, int, bool]:
    """"a dozen" is twelve; "a hundred and twenty", "a thousand" go on as number words."""
    scale = tokens[i + 1].low
    if scale == "dozen":
        return 12, i + 2, False
    return _continue_words(tokens, i + 2, SCALES[scale], 0)


def _is_half_a_dozen(tokens: Sequence[Token], i: int) -> bool:
    """"half a dozen", the one fraction wire copy uses for a head count."""
    return (tokens[i].low == "half" and i + 2 < len(tokens) and tokens[i + 1].low == "a"
            and tokens[i + 2].low == "dozen")


def _number_at(tokens: Sequence[Token], i: int) -> tuple[int, int, bool] | None:
    """Parse a bare number starting at token i: (value, index after it, is_vague_floor).

    Handles "1,200", "1.5 million", "thirty-two", "one hundred and twenty", "a dozen",
    "half a dozen", "two million"; vague plurals ("dozens", "tens of thousands", "several
    hundred") come back with their floor and is_vague True.
    """
    if i >= len(tokens):
        return None
    word = tokens[i].low
    digits = _digits_value(tokens[i].text) if word[:1].isdigit() else None  # _DIGITS opens on a digit
    if digits is not None:
        return _scaled_digits(tokens, i, digits)
    if word in VAGUE:
        return _vague_amount(tokens, i)
    if _opens_few(tokens, i):
        return _few_times_scale(tokens, i)
    if _is_half_a_dozen(tokens, i):
        return 6, i + 3, False
    if _opens_a_scale(tokens, i):
        return _a_scale(tokens, i)
    if word == "dozen":
        return None
    return _words_value(tokens, i)


def _small_words() -> dict[str, int]:
    """Every word of one or two number words below a hundred ("eight", "thirty-two", also
    written "thirty’two") with its value: one look-up instead of splitting each word."""
    words = {**UNITS, **TENS}
    small = dict(words)
    for first, a in words.items():
        for second, b in words.items():
            for joiner in ("-", "’"):
                small[first + joiner + second] = a + b
    return small


_SMALL_WORDS = _small_words()


def _words_value(tokens: Sequence[Token], i: int) -> tuple[int, int, bool] | None:
    """Number words: "eight", "Fifteen", "thirty-two", "two hundred and fifty", "two million"."""
    value = _SMALL_WORDS.get(tokens[i].low)
    if value is None:
        return None
    return _continue_words(tokens, i + 1, 0, value)


def _continue_words(tokens: Sequence[Token], j: int, total: int, current: int) -> tuple[int, int, bool]:
    n = len(tokens)
    while j < n:
        word = tokens[j].low
        if word == "dozen" and (current or total) and current < 100:
            current *= 12  # "two dozen"
            j += 1
            break
        if word in SCALES:
            if word == "hundred":
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * SCALES[word]
                current = 0
            j += 1
        elif word == "and" and j + 1 < n and (current or total) and tokens[j + 1].low in _SMALL_WORDS \
                and (current % 100 == 0 or total) and current < 1000:
            j += 1
        elif word in _SMALL_WORDS:
            add = _SMALL_WORDS[word]
            if current % 100 == 0 and current and add < 100:
                current += add
            elif current % 10 == 0 and current % 100 >= 20 and 0 < add < 10:
                current += add  # "twenty one"
            elif total and not current:
                current = add
            else:
                break
            j += 1
        else:
            break
    return total + current, j, False


def _may_open_quantity(word: str) -> bool:
    """A digit, an opener, or an opener hyphenated onto more ("thirty-two"): most tokens are
    none of these and are turned away here."""
    return word[:1].isdigit() or word in _OPENERS or word.split("-")[0] in _OPENERS


def _qualifier_at(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """The qualifier phrase at `i` ("at least", "more than") and the index after it; "exact"
    and `i` when there is none; None when the word only opens a qualifier and its phrase is
    not there ("in the village", "at dawn")."""
    n = len(tokens)
    first = tokens[i].low
    for words, name in _PREFIX_BY_FIRST.get(first, ()):
        k = len(words)  # 1 to 3 words, the first already `first`: compared inline, as a
        # generator per candidate costs more than the rest of a failed parse
        if i + k <= n and (k == 1 or tokens[i + 1].low == words[1] and (k == 2 or tokens[i + 2].low == words[2])):
            return name, i + k
    if first in _QUALIFIER_ONLY:
        return None
    return "exact", i


def _range_top(tokens: Sequence[Token], i: int, after: int, value: int, vague: bool,
               ranged: bool) -> tuple[int, int] | None:
    """The top of a range after the number ("between 10 and 15", "10 to 15", "10-15", "10 or
    12") and the index after it, or None. The top must exceed the bottom, and a vague top
    ("40 to hundreds") only follows a vague bottom. "rose from 45 to 62" is a change, not a
    range, so "to" joins no range after "from"."""
    n = len(tokens)
    joiners = _RANGE_JOINERS - {"to"} if i > 0 and tokens[i - 1].low == "from" else _RANGE_JOINERS
    if not (after < n and (tokens[after].low in joiners or (ranged and tokens[after].low == "and"))):
        return None
    second = _number_at(tokens, after + 1)
    if second is not None and value < second[0] <= MAX_COUNT and not (second[2] and not vague):
        return second[0], second[1]
    return None


def _bounds(qualifier: str, value: int, vague: bool) -> tuple[str, int, int | None]:
    """(qualifier, low, high) of a single number: "more than 30" counts as at least 31, "up
    to 30" as at least one, a vague amount or "at least" has no upper bound."""
    if vague:
        return ("vague" if qualifier == "exact" else qualifier), value, None
    if qualifier == "exact":
        return qualifier, value, value
    if qualifier == "more_than":
        return qualifier, value + 1, None
    if qualifier == "up_to":
        # Only an upper bound is stated: the conservative floor is a single casualty.
        return qualifier, min(1, value), value
    return qualifier, value, None


def _says_or_so(tokens: Sequence[Token], end: int) -> bool:
    """"some 40 or so", "a dozen or so": an exact figure made approximate after the fact."""
    return end + 1 < len(tokens) and tokens[end].low == "or" and tokens[end + 1].low == "so"


def parse_quantity(tokens: Sequence[Token], i: int) -> Quantity | None:
    """The quantity starting at token i (qualifier included), or None if none starts there."""
    if not _may_open_quantity(tokens[i].low):
        return None
    qualified = _qualifier_at(tokens, i)
    if qualified is None:
        return None
    qualifier, j = qualified
    ranged = j < len(tokens) and tokens[j].low == "between"
    if ranged:
        j += 1
    parsed = _number_at(tokens, j)
    if parsed is None or parsed[0] > MAX_COUNT:
        return None
    value, after, vague = parsed
    top = _range_top(tokens, i, after, value, vague, ranged)
    if top is not None:
        qualifier, low, high, end = "range", value, top[0], top[1]
    elif ranged:
        return None  # "between" opened a range that never closes
    else:
        (qualifier, low, high), end = _bounds(qualifier, value, vague), after
    if qualifier == "exact" and _says_or_so(tokens, end):
        qualifier, high, end = "about", None, end + 2
    stated = None if vague else value
    return Quantity(i, end, tokens[i].start, tokens[end - 1].end, stated, qualifier, low, high)
