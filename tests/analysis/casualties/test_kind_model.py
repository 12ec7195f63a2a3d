"""The learned second opinion on a figure's kind: its features, its arithmetic, the shipped
model on sentences of our own, and how the extractor uses it."""

import math

import pytest

from analysis.casualties import extract_casualties
from analysis.casualties.kind_model import (
    STATISTIC_PROBABILITY,
    KindModel,
    kind_features,
    load_kind_model,
    reads_as_statistic,
    tokens,
)
from analysis.segmentation import split_sentences


def test_numbers_become_their_order_of_magnitude() -> None:
    assert tokens("Gunmen killed 7, then 14 and 1,250 more.") == [
        "gunmen", "killed", "<num0>", "then", "<num1>", "and", "<num3>", "more"]


def test_huge_numbers_share_one_token_and_a_malformed_number_is_small() -> None:
    assert tokens("2,400,000 and 38000000 and 1.2.3") == ["<num5>", "and", "<num5>", "and", "<num0>"]


def test_curly_apostrophes_read_as_straight_ones() -> None:
    assert tokens("the army’s toll") == tokens("the army's toll") == ["the", "army's", "toll"]


def test_features_are_words_pairs_and_the_two_sentences_before() -> None:
    features = kind_features("Shells killed 9.", ["First one.", "Second one.", "Third one."])
    assert {"w:shells", "w:killed", "w:<num0>", "b:shells_killed", "b:killed_<num0>"} <= features
    assert {"p:second", "p:third", "p:one"} <= features
    assert "p:first" not in features  # three sentences back is out of reach


def test_probability_is_the_logistic_of_bias_plus_the_weights_present() -> None:
    model = KindModel(bias=-1.0, weights={"w:since": 2.5, "b:since_january": 0.5, "p:report": 1.0})
    assert model.statistic_probability("Since January, 40 died.") == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert model.statistic_probability("40 died.", ["The report came out."]) == pytest.approx(0.5)
    assert model.statistic_probability("40 died.") == pytest.approx(1 / (1 + math.exp(1.0)))


def test_extreme_scores_do_not_overflow() -> None:
    model = KindModel(bias=0.0, weights={"w:war": 5000.0, "w:raid": -5000.0})
    assert model.statistic_probability("war") == 1.0
    assert model.statistic_probability("raid") == 0.0


@pytest.mark.parametrize("sentence", [
    "Cattle raids and revenge killings claimed around 900 lives in the county, a local peace committee estimates.",
    "The unrest that followed the disputed vote left more than 1,100 people dead, rights groups say.",
])
def test_totals_the_rules_read_as_one_attack_are_statistics(sentence: str) -> None:
    rules = extract_casualties(sentence, split_sentences(sentence), use_kind_model=False)
    both = extract_casualties(sentence, split_sentences(sentence))
    assert [f.kind for f in rules] == ["incident"]
    assert [f.kind for f in both] == ["statistic"]
    assert reads_as_statistic(sentence)


@pytest.mark.parametrize("sentence", [
    "Gunmen killed 14 villagers in Dogon Dawa on Sunday, residents said.",
    "A roadside bomb killed seven soldiers near Gao, the army said.",
    "The raid left 32 people dead and scores missing, the district commissioner said.",
])
def test_one_attack_stays_an_incident(sentence: str) -> None:
    assert load_kind_model().statistic_probability(sentence) < STATISTIC_PROBABILITY
    assert {f.kind for f in extract_casualties(sentence, split_sentences(sentence))} == {"incident"}


def test_the_model_never_turns_a_rules_statistic_into_an_incident() -> None:
    text = "Since January, 12 people have been killed in Tillabéri every week, a monitor says."
    assert {f.kind for f in extract_casualties(text, split_sentences(text))} == {"statistic"}


def test_the_paragraph_before_the_figure_is_read() -> None:
    model = load_kind_model()
    sentence = "Militia fighters were blamed for 310 of the killings."
    context = ["The commission's annual review covered every county of the state.",
               "It counted deaths across the whole year."]
    assert model.statistic_probability(sentence, context) > model.statistic_probability(sentence)


@pytest.mark.parametrize("sentence", [
    "Militia attacks have killed 35 civilians in the villages around the town over the past 24 hours, residents say.",
    "Fighting has killed 40 civilians and displaced thousands in the district overnight, according to monitors.",
])
def test_a_sentence_pinned_to_an_episodes_time_is_never_overruled(sentence: str) -> None:
    assert reads_as_statistic(sentence)  # the words alone lean to a total
    assert {f.kind for f in extract_casualties(sentence, split_sentences(sentence))} == {"incident"}
