"""Tense cues decide between the past and the coming occurrence of a year-less date."""

from analysis.timeline.tense import direction_at


def _direction(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return direction_at(sentence, start, start + len(expression))


def test_verb_before_the_expression_governs() -> None:
    assert _direction("The Security Council will vote in January, diplomats said.", "January") == "future"
    assert _direction("The army said on Wednesday it would expand the offensive.", "Wednesday") == "past"
    assert _direction("Talks could be approved as early as Tuesday, officials said.", "Tuesday") == "future"
    assert _direction("Biden had set a deadline of Aug. 31 for the withdrawal.", "Aug. 31") == "future"


def test_sentence_opening_expression_takes_the_verb_after() -> None:
    assert _direction("In December, the military said it had dismantled the network.", "December") == "past"


def test_month_may_is_not_the_modal() -> None:
    assert _direction("In May, rebels seized the town.", "May") == "past"
    assert _direction("No tense here: May.", "May") == "nearest"


def test_modals_with_have_look_back() -> None:
    assert _direction("Officials may have met in March.", "March") == "past"
    assert _direction("Foreign troops must leave by August.", "August") == "future"
