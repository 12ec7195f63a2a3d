"""Sentence evidence: entities by canonical id, concepts, numbers and stems, weighted by rarity."""

import pytest

from analysis.compare.meaning import evidence_of, evidence_scores, item_weights


def test_a_mention_counts_once_as_its_entity():
    evidence = evidence_of("The United Nations condemned the shelling of Goma.",
                           [("United Nations", "United Nations"), ("Goma", "Goma")])
    assert {"e:United Nations", "e:Goma", "c:condemn", "c:projectile"} <= evidence.items
    assert not any(i.startswith("w:unit") or i.startswith("w:nation") for i in evidence.items)


def test_an_acronym_and_its_expansion_match_through_the_entity_id():
    long = evidence_of("The United Nations Children's Fund said the camp needs water.",
                       [("United Nations Children's Fund", "UNICEF")])
    short = evidence_of("UNICEF warned of cholera at the camp.", [("UNICEF", "UNICEF")])
    assert "e:UNICEF" in long.items & short.items


def test_a_name_says_what_kind_of_actor_it_is():
    evidence = evidence_of("The Kenya Defence Forces said the raid was over.", [("Kenya Defence Forces", "KDF")])
    assert "c:armed_forces" in evidence.items


def test_numbers_in_words_and_digits_are_one_item():
    assert "#7" in evidence_of("Seven miners were trapped.").items & evidence_of("7 miners remain trapped.").items


def test_reporting_verbs_days_and_generic_nouns_are_not_evidence():
    evidence = evidence_of("Officials said on Tuesday that people in the city were told to stay indoors.")
    assert not {"w:said", "w:tuesday", "w:peopl", "w:city", "w:told"} & evidence.items


def test_a_word_every_sentence_uses_weighs_less_than_a_rare_one():
    sentences = [evidence_of(t) for t in ("Fighting hit Marib again.", "Fighting closed a Marib bakery.",
                                          "Fighting cut Marib's water.")]
    weights = item_weights(sentences)
    assert weights["w:bakeri"] > weights["w:fight"]


def test_a_paraphrase_scores_above_a_different_fact_of_the_same_story():
    texts = ["No armed group has claimed the bombing near the port.",
             "Nobody took responsibility for the blast.",
             "The port reopened to ships two days after the bombing."]
    scores = evidence_scores([evidence_of(t) for t in texts])
    assert scores.cosine[0, 1] > scores.cosine[1, 2]
    assert scores.cosine[0, 1] > 0.2


def test_containment_finds_a_fact_inside_a_longer_sentence():
    texts = ["Rebels shelled Mekelle's market on Monday, killing eleven traders and wounding dozens, "
             "local officials said, as fighting spread to the airport road.",
             "Eleven traders died in the shelling."]
    scores = evidence_scores([evidence_of(t, [("Mekelle", "Mekelle")] if "Mekelle" in t else []) for t in texts])
    assert scores.containment[0, 1] > scores.cosine[0, 1]
    assert scores.containment[0, 1] == pytest.approx(1.0)


def test_a_demonym_meets_its_place():
    adjective = evidence_of("Rwandan troops reached the town on Saturday.")
    place = evidence_of("Soldiers from Rwanda arrived a day later.", [("Rwanda", "Rwanda")])
    assert {"n:rwan", "c:armed_forces", "c:arrive"} <= adjective.items & place.items
    malian = evidence_of("Malian soldiers left.")
    assert "n:mali" in malian.items & evidence_of("Mali's army left.", [("Mali", "Mali")]).items


def test_a_person_named_in_full_gives_no_place_item():
    evidence = evidence_of("Ahmad Kahil spoke.", [("Ahmad Kahil", "Ahmad Kahil")])
    assert not any(i.startswith("n:") for i in evidence.items)


def test_rounded_counts_meet_and_small_counts_and_years_stay_exact():
    exact = evidence_of("Prison officials said 529 detainees escaped in 2024.")
    rounded = evidence_of("More than 500 inmates were freed.")
    assert "~500" in exact.items & rounded.items and "#529" in exact.items
    assert not any(i.startswith("~2") for i in exact.items)  # 2024 is a year, not about 2,000
    assert not any(i.startswith("~") for i in evidence_of("Two soldiers and three police died.").items)


def test_a_possessive_is_the_word_itself():
    possessive = evidence_of("The hotel's gate was blown in.")
    assert "w:hotel" in possessive.items & evidence_of("Guests left the hotel.").items


def test_armed_men_and_gunmen_are_one_actor():
    armed = evidence_of("Armed men rushed inside.")
    assert "c:armed_group" in armed.items & evidence_of("Three gunmen opened fire.").items
