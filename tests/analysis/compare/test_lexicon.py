"""The meaning lexicon: inflections conflate, words of one meaning share a concept, a
responsibility claim is told from a reporting "claimed", numbers read in words and digits."""

import pytest

from analysis.compare.lexicon import (
    ARMED_PHRASE,
    CLAIM_PHRASE,
    DEMONYM,
    concept_of,
    number_value,
    stem,
)


@pytest.mark.parametrize("forms", [("shelled", "shelling", "shells"), ("killed", "kills", "killing"),
                                   ("casualty", "casualties"), ("supply", "supplies"), ("fire", "fired")])
def test_inflections_share_a_stem(forms):
    assert len({stem(f) for f in forms}) == 1, [stem(f) for f in forms]


def test_short_or_unrelated_words_keep_apart():
    assert stem("power") != stem("pow")
    assert stem("comment") != stem("com")
    assert concept_of("carried") is None and concept_of("carrier") == "vessel"


@pytest.mark.parametrize("words,concept", [
    (("blast", "explosion", "bombing", "detonated"), "explosive"),
    (("militants", "terrorists", "insurgents", "gunmen", "attackers"), "armed_group"),
    (("died", "killed", "dead", "toll"), "death"),
    (("wounded", "injured", "injuries"), "injury"),
    (("culvert", "bridge"), "crossing"),
    (("besieged", "encircled", "blockade"), "siege"),
    (("nobody", "none", "not"), "negation"),
    (("dozen", "dozens"), "dozens"),
    (("prison", "inmates", "detainees", "prisoners", "jailed"), "prison"),
    (("escaped", "freed", "jailbreak"), "escape"),
    (("arrived", "reached"), "arrive"),
    (("gate", "entrance", "doors"), "entrance"),
    (("car", "minibus", "van", "vehicle"), "convoy"),
])
def test_words_of_one_meaning_share_a_concept(words, concept):
    assert {concept_of(w) for w in words} == {concept}


def test_an_attack_and_its_attackers_are_different_concepts():
    assert concept_of("attack") == "attack"
    assert concept_of("attackers") == "armed_group"


@pytest.mark.parametrize("text", ["No group has claimed the bombing.", "The rebels took responsibility for it.",
                                  "An affiliate claimed responsibility on Telegram.",
                                  "Insurgents claimed the ambush in a statement."])
def test_a_responsibility_claim_is_found_in_any_wording(text):
    assert CLAIM_PHRASE.search(text)


def test_a_reporting_claimed_is_not_a_responsibility_claim():
    assert not CLAIM_PHRASE.search("The ministry claimed its forces had repelled the raid.")
    assert concept_of("claimed") is None


@pytest.mark.parametrize("token,value", [("nine", 9), ("9", 9), ("1,200", 1200), ("twenty-two", 22)])
def test_numbers_read_in_words_and_digits(token, value):
    assert number_value(token) == value


def test_a_word_is_not_a_number():
    assert number_value("nineteenth-century") is None and number_value("convoy") is None


def test_forced_is_not_the_armed_forces():
    assert concept_of("forces") == "armed_forces"
    assert concept_of("forced") is None


def test_unnamed_armed_men_are_an_armed_group_and_armed_forces_are_not():
    assert ARMED_PHRASE.search("Armed men rushed inside.")
    assert ARMED_PHRASE.search("Unidentified assailants fired on the bus.")
    assert not ARMED_PHRASE.search("The armed forces said the road was open.")


@pytest.mark.parametrize("word", ["Rwandan", "Israeli", "Lebanese", "Afghan", "Turkish", "Haitian"])
def test_a_demonym_is_recognised(word):
    assert DEMONYM.fullmatch(word)
