"""The token classes the proper-noun recogniser builds names from: a short lower-case syllable
joins a name only between two hyphens glued to it ("Hizb-ut-Tahrir")."""

from analysis.nlp.proper_nouns import _CAP, _CONN, _OTHER, _classify_tokens


def test_a_syllable_between_glued_hyphens_links_the_name() -> None:
    texts = ["Hizb", "-", "ut", "-", "Tahrir", "members", "marched"]
    spaces = [0, 0, 0, 0, 1, 1, 0]
    classes, capitalised = _classify_tokens(texts, spaces)
    assert classes[:5] == [_CAP, _CONN, _CONN, _CONN, _CAP]
    assert classes[5:] == [_OTHER, _OTHER]
    assert capitalised == [0, 4]


def test_a_syllable_is_not_a_link_without_a_hyphen_on_each_side_or_with_spaces() -> None:
    # "ut" after a hyphen but before a word; "e" between spaced dashes; "to" with no hyphen.
    texts = ["Kabul", "-", "ut", "said", "a", "-", "e", "-", "b", "to", "go"]
    spaces = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0]
    classes, _ = _classify_tokens(texts, spaces)
    assert classes[2] == _OTHER  # no hyphen after it
    assert classes[6] == _OTHER  # hyphens spaced off
    assert classes[9] == _OTHER and classes[10] == _OTHER
    assert classes[1] == _CONN  # the glued hyphen itself still joins "Kabul-"


def test_the_linked_name_is_read_whole(ents) -> None:
    assert "Hizb-ut-Tahrir" in [text for text, _ in ents("Hizb-ut-Tahrir members marched in Lahore.")]


def test_a_linking_vowel_after_one_hyphen_joins_the_next_capitalised_word() -> None:
    texts = ["in", "Pul", "-", "e", "Khumri", "and", "one", "-", "e", "day"]
    spaces = [1, 0, 0, 1, 1, 1, 0, 0, 1, 0]
    classes, _ = _classify_tokens(texts, spaces)
    assert classes[1:5] == [_CAP, _CONN, _CONN, _CAP]
    assert classes[8] == _OTHER  # no name on either side


def test_izafe_names_and_a_parts_name_are_read_whole(ents) -> None:
    assert ("Shahr-e Buzurg", "GPE") in ents("Two guards were wounded in Shahr-e Buzurg district on Thursday.")
    # Two words each a town somewhere, before "neighbourhood": one neighbourhood's name.
    assert ("Khair Khana", "GPE") in ents("Families reached Kabul's Khair Khana neighbourhood on foot.")


def test_a_code_before_a_place_noun_names_a_place(ents) -> None:
    assert ("KM4", "GPE") in ents("A car bomb exploded at the KM4 junction on Saturday.")
    assert ("UNHCR", "ORG") in ents("The UNHCR office was closed.")
