"""The cheap tests in front of the finders must never change what they find.

Each test compares a fast path with the plain computation it replaces, on random text built
from date words, separators and the characters where lower-casing and (?i) disagree.
"""

import random
import re

import pytest

from analysis.timeline import (
    find_dates,
    find_references,
    find_relative,
    find_years,
    finders,
)
from analysis.timeline.words import word_after, word_before
from analysis.wordscan import KeyScanner

_PIECES = """
in In IN on at the The of last next this past early late mid earlier later that same following
previous day days week weeks weekend month months year years quarter half ago now currently
recently future coming nineteen two thousand five a an Monday Tuesday Sunday Mondays Friday's
January Jan Jan. May March Sept. Dec Christmas New Year's Eve Day morning night tonight today
yesterday 9/11 7/7 11 26 2021 1990s '90s 2014-15 12/05/2021 3.4.2020 July 4th 30 attack bombings
fiscal calendar spring summer fall Q3 first third end start beginning mid- year-end
""".split() + ["İn", "ſpring", "weeK", "ıt", "\u00a0", "\t", "\n", " ", "  ", ", ", ". ", "-", "—", "’s", "'s", "(", ")"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(0, 14))]
        texts.append("".join(w + rng.choice(["", " ", " ", " ", ", ", "\n"]) for w in words))
    return texts


def test_key_scanner_finds_exactly_the_keys_a_substring_test_finds() -> None:
    groups = [("in ", "day", "weekend"), ("week", "may", "may day"), ("ago", " ago", "/"), ()]
    scanner = KeyScanner(groups)
    rng = random.Random(3)
    alphabet = ["in ", "i", "n", " ", "day", "week", "end", "may", "ago", "/", "x", "weekday", "ma"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        expected = sum(1 << i for i, keys in enumerate(groups) if any(k in text for k in keys))
        assert scanner.groups(text) == expected, text


def test_key_scanner_reads_non_ascii_text_and_allows_no_keys() -> None:
    scanner = KeyScanner([("août",), ("día", "—")])
    assert scanner.groups("le 5 août — hier") == 0b11
    assert scanner.groups("el día") == 0b10
    assert scanner.groups("aout dia -") == 0
    assert KeyScanner([(), ()]).groups("anything at all") == 0
    with pytest.raises(ValueError):
        KeyScanner([("",)])


_GUARDED = [
    find_relative._WEEKDAY, find_relative._DAY_WORDS, find_relative._UNIT, find_relative._IN_UNITS,
    find_years._YEAR_SPAN, find_years._YEAR, find_dates._ISO, find_dates._MONTH_DAY, find_dates._DAY_MONTH,
    find_dates._MONTH_YEAR, find_dates._MONTH_ALONE, find_references._REFERENCE,
]


@pytest.mark.parametrize("guarded", _GUARDED, ids=lambda p: p.pattern[:40])
def test_first_character_guards_keep_every_match(guarded: re.Pattern[str]) -> None:
    plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", guarded.pattern))
    assert plain.pattern != guarded.pattern
    for text in _texts(3000, 5):
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == expected, text


def _gated_by_keys_only(text: str) -> list:
    """find_mentions as gated before the hints: by the entries' keys and digit patterns alone."""
    low = text.lower()
    found = []
    for entry in finders._ENTRIES:
        if isinstance(entry.gate, re.Pattern):
            if not re.search(r"\d", text) or entry.gate.search(text) is None:
                continue
        elif not any(key in low for key in entry.gate):
            continue
        found.extend(entry.finder(text))
    kept: list = []
    for cand in sorted(found, key=lambda m: m.start - m.end):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda m: m.start)


def test_hints_skip_only_sentences_the_finders_find_nothing_in() -> None:
    calendar = {"absolute", "month_day", "month"}
    for text in _texts(4000, 11):
        expected = _gated_by_keys_only(text)
        assert finders.find_mentions(text) == expected, text
        dated = [m for m in finders.find_mentions(text, calendar=True) if m.kind in calendar]
        assert dated == [m for m in expected if m.kind in calendar], text


def test_word_helpers_match_their_plain_regex_definitions() -> None:
    before = re.compile(r"([\w'’.-]+)[\s,]*$")
    after = re.compile(r"^[\s,]*([\w'’-]+)")
    for text in _texts(2000, 13):
        for index in range(len(text) + 2):
            m = before.search(text, max(0, index - 40), index)
            assert word_before(text, index) == (m.group(1) if m else ""), (text, index)
            m = after.search(text[index : index + 40])
            assert word_after(text, index) == (m.group(1) if m else ""), (text, index)
