"""Quantities as wire copy writes them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.casualties.numbers import parse_quantity
from analysis.casualties.tokens import tokenize


def parse(text):
    return parse_quantity(tokenize(text), 0)


@pytest.mark.parametrize("text, value", [
    ("eight", 8), ("Fifteen", 15), ("thirty-two", 32), ("one hundred", 100), ("a hundred", 100),
    ("two hundred and fifty-three", 253), ("a dozen", 12), ("half a dozen", 6), ("two dozen", 24),
    ("1,200", 1200), ("two million", 2_000_000), ("1.5 million", 1_500_000), ("62", 62),
    ("twenty one", 21),
])
def test_numbers(text, value):
    q = parse(text)
    assert q.value == value and q.qualifier == "exact" and q.low == q.high == value


@pytest.mark.parametrize("text, qualifier, value, low, high", [
    ("more than 30", "more_than", 30, 31, None),
    ("over 100", "more_than", 100, 101, None),
    ("at least 11", "at_least", 11, 11, None),
    ("about 300", "about", 300, 300, None),
    ("some 1,200", "about", 1200, 1200, None),
    ("nearly 100", "about", 100, 100, None),
    ("an estimated 400,000", "about", 400_000, 400_000, None),
    ("up to 40", "up_to", 40, 1, 40),
    ("between 20 and 30", "range", 20, 20, 30),
    ("10 to 15", "range", 10, 10, 15),
])
def test_qualifiers(text, qualifier, value, low, high):
    q = parse(text)
    assert (q.qualifier, q.value, q.low, q.high) == (qualifier, value, low, high)


@pytest.mark.parametrize("text, low", [
    ("tens", 10), ("dozens", 12), ("scores", 20), ("hundreds", 100), ("thousands", 1000),
    ("tens of thousands", 10_000), ("hundreds of thousands", 100_000), ("several hundred", 300),
])
def test_vague_amounts_take_conservative_floors(text, low):
    q = parse(text)
    assert q.value is None and q.qualifier == "vague" and q.low == low and q.high is None


@pytest.mark.parametrize("text", ["several", "some", "people", "the"])
def test_words_that_are_not_numbers(text):
    assert parse(text) is None


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_separators_round_trip(n):
    assert parse(f"{n:,}").value == n
    assert parse(str(n)).value == n


@pytest.mark.parametrize("text, value", [
    ("2 843", 2843), ("2,70,000", 270_000), ("1.2m", 1_200_000), ("3bn", 3_000_000_000),
])
def test_other_digit_groupings(text, value):
    assert parse(text).value == value


# The named steps of parse_quantity and _number_at, each on words of our own.

from analysis.casualties.numbers import (  # noqa: E402
    _bounds,
    _few_times_scale,
    _number_at,
    _qualifier_at,
    _range_top,
)


def test_a_qualifier_phrase_or_its_absence() -> None:
    assert _qualifier_at(tokenize("at least 14 herders"), 0) == ("at_least", 2)
    assert _qualifier_at(tokenize("no fewer than 9"), 0) == ("at_least", 3)
    assert _qualifier_at(tokenize("fourteen herders"), 0) == ("exact", 0)
    assert _qualifier_at(tokenize("at dawn"), 0) is None  # "at" only opens "at least", "at most"


def test_the_top_of_a_range() -> None:
    tokens = tokenize("between 12 and 18 fishermen")
    assert _range_top(tokens, 0, 2, 12, False, True) == (18, 4)
    assert _range_top(tokenize("18 or 12 fishermen"), 0, 1, 18, False, False) is None  # no larger top
    tokens = tokenize("the toll rose from 45 to 62")
    assert _range_top(tokens, 4, 5, 45, False, False) is None  # a change, not a range
    assert _range_top(tokenize("40 to hundreds"), 0, 1, 40, False, False) is None  # vague top, exact bottom


def test_the_bounds_of_a_single_number() -> None:
    assert _bounds("exact", 7, False) == ("exact", 7, 7)
    assert _bounds("more_than", 7, False) == ("more_than", 8, None)
    assert _bounds("up_to", 7, False) == ("up_to", 1, 7)
    assert _bounds("about", 7, False) == ("about", 7, None)
    assert _bounds("exact", 100, True) == ("vague", 100, None)
    assert _bounds("more_than", 100, True) == ("more_than", 100, None)  # a floor is not raised


def test_vague_multipliers_and_scaled_digits() -> None:
    assert _few_times_scale(tokenize("several hundred villagers"), 0) == (300, 2, True)
    assert _few_times_scale(tokenize("a couple of dozen boats"), 0) == (24, 4, True)
    assert _few_times_scale(tokenize("several villagers"), 0) is None
    assert _number_at(tokenize("3.5 million displaced"), 0) == (3_500_000, 2, False)
    assert _number_at(tokenize("a 2.5 km convoy"), 1) is None  # a measurement
    assert _number_at(tokenize("tens of thousands fled"), 0) == (10_000, 3, True)
    assert _number_at(tokenize("a hundred and six"), 0) == (106, 4, False)
