"""The named steps of read_context, each on words around a run of our own."""

from __future__ import annotations

from analysis.nlp.cues import (
    _apposition_cues,
    _says_location,
    _says_organisation,
    _says_person,
    _says_place,
    _says_ship,
    _window,
    read_context,
)


def _run(sentence: str, run: str) -> tuple[list[str], int, int]:
    """Tokens of a space-separated sentence and the token span of `run` in it."""
    texts = sentence.split()
    words = run.split()
    for a in range(len(texts)):
        if texts[a:a + len(words)] == words:
            return texts, a, a + len(words)
    raise AssertionError(f"{run!r} is not in {sentence!r}")


def test_the_window_is_lower_case_and_empty_past_either_end() -> None:
    texts, a, b = _run("Kestrel Hollow said", "Kestrel Hollow")
    assert tuple(_window(texts, a, b)) == ("", "", "said", "")
    texts, a, b = _run("residents of the town of Mopti FLED", "Mopti")
    assert tuple(_window(texts, a, b)) == ("of", "town", "fled", "")


def test_a_speech_verb_a_title_or_according_to_says_person() -> None:
    for sentence, run in [("Amira Sayed said on Monday", "Amira Sayed"),
                          ("said Amira Sayed .", "Amira Sayed"),
                          ("according to Amira Sayed .", "Amira Sayed"),
                          ("the Haddad family fled", "Haddad")]:
        assert _says_person(_window(*_run(sentence, run))), sentence
    assert not _says_person(_window(*_run("a report by Amira Sayed .", "Amira Sayed")))


def test_organisation_place_location_and_ship_words() -> None:
    assert _says_organisation(_window(*_run("the Sahel news agency reported", "Sahel")))
    assert _says_place(_window(*_run("the Tillaberi border region", "Tillaberi")))
    assert _says_place(_window(*_run("the town of Djenne was", "Djenne")))
    assert _says_location(_window(*_run("fighting in northern Segou .", "Segou")))
    assert not _says_location(_window(*_run("northern Segou was quiet", "Segou")))
    assert _says_ship(_window(*_run("the cargo ship Blue Heron sank", "Blue Heron")))
    assert _says_ship(_window(*_run("the tanker Marlin Star was hit", "Marlin Star")))


def test_an_apposition_names_what_the_run_is() -> None:
    texts, a, b = _run("Lantern Aid , a volunteer group , said", "Lantern Aid")
    assert _apposition_cues(texts, b) == (False, True, False)
    assert read_context(texts, a, b).org_cue
    assert not read_context(texts, a, b).person_cue


def test_a_ship_outranks_an_organisation_and_a_facility_needs_no_other_cue() -> None:
    context = read_context(*_run("the tanker Gulf Agency group", "Gulf Agency"))
    assert context.ship_cue and not context.org_cue
    assert read_context(*_run("near the Al-Noor mosque .", "Al-Noor")).fac_cue
    assert not read_context(*_run("the Al-Noor family mosque", "Al-Noor")).fac_cue
