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


# The named steps of `cues`, each on a sentence of our own.

from analysis.timeline.tense import _cue_at, _is_finite_ed_verb, _split_words, cues  # noqa: E402


def _tenses(sentence: str) -> list[str]:
    return [tense for _, tense in cues(sentence)]


def _index(sentence: str, word: str) -> int:
    return _split_words(sentence).lower.index(word)


def test_a_modal_owns_its_verb_and_may_have_is_past() -> None:
    sentence = "The ferry will be repaired in Mombasa."
    w = _split_words(sentence)
    cue, resume = _cue_at(w, 2)
    end = sentence.index("repaired") + len("repaired")
    assert cue == ((sentence.index("will") + end) // 2, "future")  # from the modal to its verb
    assert resume == 5  # past the filler "be" and the verb "repaired"
    assert _tenses("Rebels may have crossed the river at dawn.") == ["past"]
    assert _tenses("Voting in May was calm.") == ["past"]  # the month, then "was"


def test_scheduling_phrases_are_future() -> None:
    assert _tenses("The envoy is expected to land in Lusaka.") == ["future"]
    assert _tenses("The vote is due next week.") == ["future"]
    assert _tenses("The ministers are to meet in Accra.") == ["future"]
    assert _tenses("Elections to be held in Malawi.") == ["future"]


def test_past_forms_and_the_participles_that_are_not() -> None:
    assert _tenses("The bridge has been closed since Friday.") == ["past", "past", "past"]
    assert _tenses("Floods swept through Beira.") == ["past"]
    sentence = "Troops shelled the port, backed by drones, and villagers reported damage."
    assert _is_finite_ed_verb(_split_words(sentence), _index(sentence, "shelled"))
    assert not _is_finite_ed_verb(_split_words(sentence), _index(sentence, "backed"))
    assert not _is_finite_ed_verb(_split_words("Houses destroyed by fire."), 1)
    assert not _is_finite_ed_verb(_split_words("Two wounded men waited."), 1)
