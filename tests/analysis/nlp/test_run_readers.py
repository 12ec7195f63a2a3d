"""The steps that type one run of capitalised words, each on a sentence of its own.

Every step takes the text as the recogniser sees it (a `_Page`) and the run's token range, and
returns what it read; the tests show each step's part of the reading."""

import pytest

from analysis.nlp.cues import read_context
from analysis.nlp.proper_nouns import (
    COMPONENT,
    _defined_name_end,
    _function_word_follows,
    _spelled_out_end,
    _spells_later_name,
    _translated_name,
)


@pytest.fixture(scope="module")
def reader(offline_nlp):
    """(recogniser, page, token range of a phrase) for a sentence, after the gazetteer ran."""
    recognizer = offline_nlp.get_pipe(COMPONENT)
    ruler = offline_nlp.get_pipe("gazetteer")

    def read(text: str, phrase: str):
        doc = ruler(offline_nlp.make_doc(text))
        texts = [t.text for t in doc]
        page = recognizer._read_page(doc, texts, [bool(t.whitespace_) for t in doc])[0]
        words = [t.text for t in offline_nlp.make_doc(phrase)]
        a = next(i for i in range(len(texts)) if texts[i : i + len(words)] == words)
        return recognizer, page, a, a + len(words)

    return read


def named(page, spans):
    """Spans as (words, label), for reading the assertions."""
    return None if spans is None else [(" ".join(page.texts[a:b]), label) for a, b, label in spans]


def test_trim_drops_an_ordinary_word_that_opens_the_sentence(reader):
    recognizer, page, a, b = reader("Meanwhile Aleppo residents queued for bread.", "Meanwhile Aleppo")
    assert recognizer._trim_run(page, a, b) == (a + 1, b, True)
    recognizer, page, a, b = reader("Aid reached Aleppo on Monday.", "Aleppo")
    assert recognizer._trim_run(page, a, b) == (a, b, False)


def test_a_known_name_is_the_gazetteer_reading_but_a_plural_opener_is_nothing(reader):
    recognizer, page, a, b = reader("Residents of Kandahar said the road was shut.", "Kandahar")
    assert named(page, recognizer._known_name(page, a, b)) == [("Kandahar", "GPE")]
    recognizer, page, a, b = reader("Jihadists ambushed a convoy near Gao.", "Jihadists")
    assert recognizer._known_name(page, a, b) == ()
    recognizer, page, a, b = reader("The convoy met Zubeida Qarluq before dusk.", "Zubeida Qarluq")
    assert recognizer._known_name(page, a, b) is None


def test_a_name_typed_by_its_own_words(reader):
    cases = {
        ("Fighters of the Rapid Support Forces entered the town.", "Rapid Support Forces"):
            [("Rapid Support Forces", "ORG")],
        ("A statement from U.S. Central Command said the drone fell.", "U.S. Central Command"):
            [("U.S.", "GPE"), ("Central Command", "ORG")],
        ("Water rose behind the Mosul Dam overnight.", "Mosul Dam"): [("Mosul Dam", "FAC")],
        ("Bodies were pulled from the Tigris River on Monday.", "Tigris River"): [("Tigris River", "LOC")],
    }
    for (text, phrase), expected in cases.items():
        recognizer, page, a, b = reader(text, phrase)
        assert named(page, recognizer._named_by_its_words(page, a, b, read_context(page.texts, a, b))) == expected
    recognizer, page, a, b = reader("The convoy met Zubeida Qarluq before dusk.", "Zubeida Qarluq")
    assert recognizer._named_by_its_words(page, a, b, read_context(page.texts, a, b)) is None


def test_titles_give_their_nationality_and_the_person(reader):
    recognizer, page, a, b = reader("She met Turkish President Tayyip Erdogan in Ankara.", "Turkish President Tayyip Erdogan")
    assert named(page, recognizer._titled_person(page, a, b)) == [("Turkish", "NORP"), ("Tayyip Erdogan", "PERSON")]
    recognizer, page, a, b = reader("Water rose behind the Mosul Dam overnight.", "Mosul Dam")
    assert recognizer._titled_person(page, a, b) is None


def test_hyphenated_places_are_two_places(reader):
    recognizer, page, a, b = reader("Traffic on the Tyre-Naqura road stopped.", "Tyre-Naqura")
    spans = recognizer._hyphenated_places(page.texts, page.classes, page.gaz_at, a, b)
    assert named(page, spans) == [("Tyre", "GPE"), ("Naqura", "GPE")]


@pytest.mark.parametrize("text, phrase, expected", [
    ("A reporter for Radio Free Asia said the bridge was hit.", "Radio Free Asia", ("Radio Free Asia", "ORG")),
    ("An editor at the Kabul Times said the office was searched.", "Kabul Times", ("Kabul Times", "ORG")),
    ("The defence chief Lloyd Austin said the talks would go on.", "Lloyd Austin", ("Lloyd Austin", "PERSON")),
])
def test_a_run_holding_a_known_name(reader, text, phrase, expected):
    recognizer, page, a, b = reader(text, phrase)
    inside = recognizer._gaz_inside(page.gaz_at, a, b)
    reading = recognizer._classify_around_known(page, a, b, read_context(page.texts, a, b), inside, None)
    assert named(page, reading.entities) == [expected] and reading.unresolved == ()


def test_an_unknown_name_takes_the_label_of_the_place_it_is_coordinated_with(reader):
    recognizer, page, a, b = reader("Shelling hit Djibo and Sollé on Friday.", "Sollé")
    context = read_context(page.texts, a, b)
    djibo = next(i for i, word in enumerate(page.texts) if word == "Djibo")
    reading = recognizer._classify_unknown(page, a, b, context, (djibo, djibo + 1, "GPE"))
    assert named(page, reading.entities) == [("Sollé", "GPE")]
    # Without the place before it, the single word is left for the corpus to type.
    reading = recognizer._classify_unknown(page, a, b, context, None)
    assert reading.entities == () and reading.unresolved == ((a, b, False),)


def test_an_unknown_word_after_in_is_a_place_even_before_said(reader):
    recognizer, page, a, b = reader("A councillor in Tessalit said the well was dry.", "Tessalit")
    reading = recognizer._classify_unknown(page, a, b, read_context(page.texts, a, b), None)
    assert named(page, reading.entities) == [("Tessalit", "GPE")] and reading.guessed == ()


def test_several_unknown_words_are_a_guessed_person_or_organisation(reader):
    recognizer, page, a, b = reader("The convoy met Zubeida Qarluq before dusk.", "Zubeida Qarluq")
    reading = recognizer._classify_unknown(page, a, b, read_context(page.texts, a, b), None)
    assert named(page, reading.entities) == [("Zubeida Qarluq", "PERSON")] and reading.guessed == reading.entities
    recognizer, page, a, b = reader("A letter from the Emergency Lawyers reached the court.", "Emergency Lawyers")
    reading = recognizer._classify_unknown(page, a, b, read_context(page.texts, a, b), None)
    assert named(page, reading.entities) == [("Emergency Lawyers", "ORG")] and reading.guessed == reading.entities


def test_a_titled_person_of_an_institution_reads_as_two_runs(reader):
    recognizer, page, a, b = reader("He spoke to Prof. Layla Haddad of Birzeit University by phone.",
                                    "Prof. Layla Haddad of Birzeit University")
    reading = recognizer._classify_run(page, a, b, None)
    assert named(page, reading.entities) == [("Layla Haddad", "PERSON"), ("Birzeit University", "ORG")]


@pytest.mark.parametrize("text, run, name", [
    # The acronym spells the whole: the name reaches over "in".
    ("Staff of the United Nations Assistance Mission in Afghanistan (UNAMA) left.",
     "United Nations Assistance Mission", "United Nations Assistance Mission in Afghanistan"),
    # The acronym spells the run alone: the place after "in" is not part of it.
    ("Fighters of the Rapid Support Forces in Darfur (RSF) entered the town.",
     "Rapid Support Forces", "Rapid Support Forces"),
    # The acronym spells a later name only.
    ("Clashes between Kandahar and the Islamic State Khorasan Province (ISKP) went on.", "Kandahar", "Kandahar"),
    # A name translated from another language: only "and" bridges it.
    ("Teams of the Disaster and Emergency Management Authority (AFAD) arrived.",
     "Disaster", "Disaster and Emergency Management Authority"),
])
def test_a_name_spelled_out_before_its_acronym(reader, text, run, name):
    _, page, a, b = reader(text, run)
    end = _defined_name_end(page.texts, page.classes, a, b, page.gaz_at)
    assert " ".join(page.texts[a:end]) == name


def test_the_steps_of_a_spelled_out_name(reader):
    _, page, a, b = reader("Clashes between Kandahar and the Islamic State Khorasan Province (ISKP) went on.", "Kandahar")
    texts, classes = page.texts, page.classes
    assert _function_word_follows(texts, classes, b)
    defined = _spelled_out_end(texts, classes, a, b)
    assert texts[defined - 1] == "Province" and texts[defined] == "("
    assert _spells_later_name(texts, classes, "ISKP", b, defined)
    _, page, a, b = reader("Teams of the Disaster and Emergency Management Authority (AFAD) arrived.", "Disaster")
    defined = _spelled_out_end(page.texts, page.classes, a, b)
    assert not _spells_later_name(page.texts, page.classes, "AFAD", b, defined)
    assert _translated_name(page.texts, page.classes, page.gaz_at, (a, b, defined))
    # Past a date no name goes on: "Kabul Tuesday (AFP)" is no spelled-out name.
    _, page, a, b = reader("Officials in Kabul on Tuesday (AFP) said so.", "Kabul")
    assert _spelled_out_end(page.texts, page.classes, a, b) == b
