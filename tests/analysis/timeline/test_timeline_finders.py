"""What counts as a temporal expression in running news text, and what does not."""

import pytest

from analysis.timeline.finders import find_mentions


def _expressions(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "About 2000 troops were deployed to the border.",
        "Resolution 2593 demands that Afghan territory not be used to threaten any country.",
        "He spent 20 years in prison and is 45 years old.",
        "The casualties mounted in the last 24 hours.",
        "Call the press office on 0800 2014 5566 or +44 20 7946 0958.",
        "The home side won 3-1 after extra time.",
        "Flight 1549 landed safely with 1500 passengers' bags.",
        "Theresa May met the Taliban envoy. May God protect them, the imam said.",
        "Thousands march on the capital; the Women's March drew crowds.",
        "Over the last few months, the group has been on the offensive.",
        "It is to be seen what Turkey will do in the coming weeks.",
        "Some 1,500 families fled, and at least 2000 people were displaced.",
        "The curfew starts at 1900 GMT and ends at 0600 local time.",
    ],
)
def test_not_dates(text: str) -> None:
    assert _expressions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on 28 February 2021 in Mazar.", ["28 February 2021"]),
        ("Published 2021-07-07, updated July 8.", ["2021-07-07", "July 8"]),
        ("Talks resume on Tuesday, July 13, 2021 in Doha.", ["Tuesday, July 13, 2021"]),
        ("The Taliban ruled from 1996 to 2001 and returned in August 2021.", ["1996 to 2001", "August 2021"]),
        ("Fighting flared in March and again in May.", ["March", "May"]),
        ("Officials met early Tuesday and again Monday evening.", ["early Tuesday", "Monday evening"]),
        ("Casualties have risen since 2014, two days ago and last week.", ["2014", "two days ago", "last week"]),
        ("It was the deadliest attack since 9/11 and the 7/7 bombings.", ["9/11", "7/7"]),
        ("The truce collapsed in the summer of 2022 and again last winter.", ["summer of 2022", "last winter"]),
        ("The region broke away in the early 1990s.", ["1990s"]),
    ],
)
def test_expressions_found(text: str, expected: list[str]) -> None:
    assert _expressions(text) == expected


def test_habitual_weekdays_are_not_days() -> None:
    assert _expressions("Protesters gather on Fridays after prayers.") == []


def test_a_weekday_with_an_indefinite_article_is_no_day() -> None:
    # Some Thursday in another period, not the latest Thursday before the article.
    assert _expressions("It was the worst bombing since August, when a car bomb killed 19 people on a busy "
                        "Thursday evening.") == ["August"]
    assert _expressions("The shop was looted one Friday.") == []
    assert _expressions("A Monday attack killed four herders.") == ["Monday"]
