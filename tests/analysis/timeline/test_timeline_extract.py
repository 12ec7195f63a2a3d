"""extract_events on the bundled seeds and on single wire sentences."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.segmentation import split_sentences
from analysis.timeline import TemporalEvent, extract_events

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
PUBLISHED_000 = date(2021, 7, 13)  # a Tuesday, from seeds/metadata.csv


def _events(text: str, anchor: date | None) -> list[TemporalEvent]:
    return extract_events(text, split_sentences(text), anchor)


@pytest.fixture(scope="module")
def seed_000() -> tuple[str, list[TemporalEvent]]:
    text = (SEEDS / "000_d7088bed9912e84f.txt").read_text(encoding="utf-8")
    return text, _events(text, PUBLISHED_000)


def test_seed_000_facts(seed_000: tuple[str, list[TemporalEvent]]) -> None:
    text, events = seed_000
    by_expression = {e.expression: e for e in events}
    assert by_expression["July 7"].date == date(2021, 7, 7)
    assert by_expression["Monday"].date == date(2021, 7, 12)
    assert by_expression["Tuesday"].date == date(2021, 7, 13)
    assert by_expression["early Tuesday"].date == date(2021, 7, 13)
    may = by_expression["May"]
    assert (may.date, may.date_end, may.granularity, may.relative) == (date(2021, 5, 1), date(2021, 5, 31), "month", True)
    for e in events:
        assert text[e.start : e.end] == e.expression
        assert e.date <= e.date_end
        assert e.expression in e.text


def test_seed_000_durations_are_not_events(seed_000: tuple[str, list[TemporalEvent]]) -> None:
    _, events = seed_000
    expressions = " ".join(e.expression for e in events)
    assert "24 hours" not in expressions
    assert "few months" not in expressions


def test_seed_003_named_date() -> None:
    text = (SEEDS / "003_7126b1dd18ba6691.txt").read_text(encoding="utf-8")
    events = _events(text, date(2021, 7, 13))
    nine_eleven = next(e for e in events if e.expression == "9/11")
    assert (nine_eleven.date, nine_eleven.granularity, nine_eleven.relative) == (date(2001, 9, 11), "day", False)
    assert "coming weeks" not in " ".join(e.expression for e in events)


def test_without_anchor_only_absolute_dates_remain() -> None:
    text = "On Tuesday the army said fighting began on 3 March 2022, months after 9/11 was recalled in May."
    events = _events(text, None)
    assert [e.expression for e in events] == ["3 March 2022", "9/11"]
    assert all(not e.relative and e.date is not None for e in events)


@pytest.mark.parametrize(
    ("published", "sentence", "expression", "expected", "granularity"),
    [
        ("2022-01-10", "Protests broke out in December.", "December", "2021-12-01", "month"),
        ("2021-12-28", "The conference will be held in January.", "January", "2022-01-01", "month"),
        ("2021-07-13", "A similar statement was made a month ago.", "a month ago", "2021-06-01", "month"),
        ("2021-07-13", "Troops withdrew last week.", "last week", "2021-07-05", "week"),
        ("2021-07-13", "The envoy met them last Tuesday.", "last Tuesday", "2021-07-06", "day"),
        ("2021-07-13", "The envoy will visit next Tuesday.", "next Tuesday", "2021-07-20", "day"),
        ("2021-07-13", "Shelling resumed yesterday.", "yesterday", "2021-07-12", "day"),
        ("2021-07-13", "Losses mounted earlier this year.", "earlier this year", "2021-01-01", "year"),
        ("2021-07-13", "The ministers will meet on Friday.", "Friday", "2021-07-16", "day"),
        ("2023-10-09", "Hamas attacked on Saturday.", "Saturday", "2023-10-07", "day"),
        ("2024-11-25", "It recalled the September 11 attacks.", "September 11", "2001-09-11", "day"),
        ("2021-07-13", "Rebels seized the town on Oct. 3. The next day, troops arrived.", "The next day", "2020-10-04", "day"),
    ],
)
def test_wire_sentences(published: str, sentence: str, expression: str, expected: str, granularity: str) -> None:
    events = _events(sentence, date.fromisoformat(published))
    match = next(e for e in events if e.expression == expression)
    assert (match.date.isoformat(), match.granularity) == (expected, granularity)


def test_span_of_years_sets_date_end() -> None:
    event = _events("The Taliban ruled from 1996 to 2001.", date(2021, 8, 16))[0]
    assert (event.date, event.date_end, event.granularity) == (date(1996, 1, 1), date(2001, 12, 31), "year")


def test_timex_values() -> None:
    events = _events("Talks began last week, in May, on Monday and in 2020.", date(2021, 7, 13))
    assert [e.timex for e in events] == ["2021-W27", "2021-05", "2021-07-12", "2020"]


_TOKENS = [
    "on", "in", "since", "last", "next", "this", "early", "late", "mid-", "the", "of", "to", "-", ",", "and",
    "May", "March", "February", "Feb.", "Sept.", "Monday", "Sundays", "weekend", "week", "month", "year",
    "quarter", "summer", "fall", "winter", "ago", "later", "two", "a", "29", "30", "31", "0", "12", "1999",
    "2021", "2000", "9/11", "13/13/2021", "2021-02-29", "31/04/2022", "1990s", "'90s", "Q4", "today",
    "yesterday", "will", "was", "said", "troops", "Resolution", "first", "half", "day", "same", "that",
]


@given(st.lists(st.sampled_from(_TOKENS), max_size=14), st.dates(min_value=date(1901, 3, 1), max_value=date(2098, 10, 1)))
def test_never_crashes_and_spans_are_consistent(tokens: list[str], anchor: date) -> None:
    text = " ".join(tokens) + "."
    for event in _events(text, anchor):
        assert text[event.start : event.end] == event.expression
        assert event.date <= event.date_end
        assert event.granularity in ("day", "week", "month", "year")


def test_timex_values_of_longer_periods() -> None:
    text = "Profits rose in the third quarter, this summer, the first half of 2020, the 1990s and over the weekend."
    events = _events(text, date(2021, 12, 27))
    assert [e.timex for e in events] == ["2021-Q3", "2021-SU", "2020-H1", "199", "2021-W51-WE"]


def test_holidays_and_day_anaphors() -> None:
    text = "Shelling hit the city on Christmas. Earlier in the day, troops withdrew. Orthodox Christmas is on Jan. 7."
    events = _events(text, date(2021, 12, 27))
    assert [(e.expression, e.date.isoformat()) for e in events] == [
        ("Christmas", "2021-12-25"), ("Earlier in the day", "2021-12-25"), ("Jan. 7", "2022-01-07"),
    ]


def test_day_ranges_across_months() -> None:
    text = "Talks are set for Nov. 30-Dec. 2, after the truce of 9-10 November."
    events = _events(text, date(2021, 11, 15))
    assert [(e.expression, e.date.isoformat(), e.date_end.isoformat()) for e in events] == [
        ("Nov. 30-Dec. 2", "2021-11-30", "2021-12-02"), ("9-10 November", "2021-11-09", "2021-11-10"),
    ]


@pytest.mark.parametrize(
    ("published", "sentence", "expression", "timex"),
    [
        ("2019-06-04", "The militia split apart in mid-2017 after its leader died.", "mid-2017", "2017"),
        ("1999-05-12", "The rebels were first driven out in nineteen ninety-two.", "nineteen ninety-two", "1992"),
        ("2021-03-01", "Engineers will reopen the dam in two weeks, the ministry said.", "in two weeks", "2021-W11"),
        ("2021-03-01", "The bonds would be repaid in five years.", "in five years", "2026"),
        ("2021-03-01", "The harvest will start in three days.", "in three days", "2021-03-04"),
        ("2021-08-10", "Exports fell in the second quarter, compared with a year earlier.", "a year earlier", "2020-Q2"),
        ("2021-03-03", "Shelling resumed on Monday morning.", "Monday morning", "2021-03-01TMO"),
        ("2021-03-03", "Air raid sirens sounded across the city last night.", "last night", "2021-03-02TNI"),
        ("2021-03-03", "The ministry expects lower revenue for the fiscal year.", "the fiscal year", "2021"),
    ],
)
def test_timex_values_of_newer_rules(published: str, sentence: str, expression: str, timex: str) -> None:
    events = _events(sentence, date.fromisoformat(published))
    match = next(e for e in events if e.expression == expression)
    assert match.timex == timex


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the heaviest rainfall in five years.",  # a duration, not a date
        "The largest rally in 20 years will be held on the square.",
        "Grain prices rose in two years of drought.",
        "The ceasefire could hold in a year or two.",  # vague
        "He spoke to Morning Star Today about the siege.",  # a title, not the day
        "The flight number was MH-1700.",
        "Nineteen twenty people were evacuated.",
    ],
)
def test_not_dated_by_newer_rules(sentence: str) -> None:
    assert _events(sentence, date(2021, 3, 3)) == []
