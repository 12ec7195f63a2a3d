"""References to the present, past and future: only on request, never in the events table."""

from datetime import date

import pytest

from analysis.segmentation import split_sentences
from analysis.timeline import ReferenceEvent, TemporalEvent, extract_events

ANCHOR = date(2022, 3, 9)


def _events(text: str, *, include_references: bool = False, anchor: date | None = ANCHOR) -> list[TemporalEvent]:
    return extract_events(text, split_sentences(text), anchor, include_references=include_references)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The port is now under the control of the navy.", "now", "PRESENT_REF"),
        ("Aid convoys are currently held at the border crossing.", "currently", "PRESENT_REF"),
        ("At present, no flights leave the capital.", "At present", "PRESENT_REF"),
        ("The militia recently moved its artillery north of the river.", "recently", "PAST_REF"),
        ("In the past, the two sides met in Geneva.", "In the past", "PAST_REF"),
        ("The bridge was destroyed several years ago.", "several years ago", "PAST_REF"),
        ("Both armies want a buffer zone in the future.", "in the future", "FUTURE_REF"),
    ],
)
def test_reference_values(sentence: str, expression: str, value: str) -> None:
    events = _events(sentence, include_references=True)
    match = next(e for e in events if e.expression == expression)
    assert isinstance(match, ReferenceEvent)
    assert match.timex == value
    assert (match.date, match.date_end, match.granularity, match.relative) == (ANCHOR, ANCHOR, "day", True)


def test_references_stay_out_of_the_events_table() -> None:
    text = "The town is now quiet. Shelling recently resumed, and it broke out again on Monday."
    events = _events(text)
    assert [e.expression for e in events] == ["Monday"]
    assert not any(isinstance(e, ReferenceEvent) for e in events)
    with_refs = _events(text, include_references=True)
    assert [e.expression for e in with_refs] == ["now", "recently", "Monday"]


def test_references_need_an_anchor() -> None:
    assert _events("The town is now quiet.", include_references=True, anchor=None) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices have doubled over the past few weeks.",  # a duration
        "The now-defunct agency closed its office.",
        "Aid will arrive in the coming weeks.",  # vague, and not a TimeML reference
    ],
)
def test_not_references(sentence: str) -> None:
    assert not any(isinstance(e, ReferenceEvent) for e in _events(sentence, include_references=True))


def test_a_reference_does_not_become_the_anchor_of_an_anaphor() -> None:
    text = "Rebels took the airport on Feb. 20. They now hold it. The next day, talks began."
    events = _events(text, include_references=True)
    next_day = next(e for e in events if e.expression == "The next day")
    assert next_day.date == date(2022, 2, 21)
