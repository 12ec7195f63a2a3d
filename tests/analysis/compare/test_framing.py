"""Framing: the Monroe et al. weighted log-odds z-scores and the distinctive terms they rank."""

from collections import Counter

from analysis.compare.framing import distinctive_terms, log_odds_z, term_counts, tokens
from analysis.compare.selection import build_sides


def test_tokens_are_lowercase_words_without_numbers():
    assert tokens("Rebels KILLED 12 people, the army's statement said.") == [
        "rebels", "killed", "people", "the", "army's", "statement", "said"]


def test_a_word_one_side_uses_scores_positive_for_it_and_negative_for_the_other():
    a, b = Counter({"insurgents": 12, "the": 40, "said": 8}), Counter({"rebels": 12, "the": 40, "said": 8})
    scored = log_odds_z(a, b, a + b).set_index("term")
    assert scored.at["insurgents", "z"] > 1.96 and scored.at["rebels", "z"] < -1.96
    assert abs(scored.at["the", "z"]) < 0.5


def test_the_prior_tempers_rare_words():
    """The same 1:0 ratio counts for less on one use than on ten (plain log-odds would tie them)."""
    a = Counter({"rare": 1, "often": 10, "shared": 50})
    b = Counter({"shared": 50, "other": 11})
    scored = log_odds_z(a, b, a + b).set_index("term")
    assert scored.at["often", "z"] > scored.at["rare", "z"] > 0


def test_a_corpus_prior_changes_the_weights_not_the_direction():
    a, b = Counter({"militants": 5, "city": 5}), Counter({"fighters": 5, "city": 5})
    corpus = Counter({"militants": 500, "fighters": 5, "city": 1000})
    with_prior = log_odds_z(a, b, corpus).set_index("term")
    assert with_prior.at["militants", "z"] > 0 > with_prior.at["fighters", "z"]


def test_distinctive_terms_on_the_test_corpus(dev_result, dev_texts):
    keys = [f"a:{d}" for d in ("horn_wire", "mogadishu_monitor", "horn_tribune")]
    sides = build_sides(keys, dev_result.documents)
    terms = distinctive_terms(sides, dev_texts, term_counts(dev_texts.values()))
    monitor = terms[terms["label"] == "Mogadishu Monitor"]
    assert monitor.iloc[0]["term"] == "khawarij"  # the outlet's own word for the group, used three times
    assert not terms["term"].isin({"the", "and", "said"}).any()
    assert (terms["z"] > 0).all()


def test_outlet_names_bylines_and_reporting_verbs_are_not_framing():
    from analysis.compare.selection import Side

    texts = {
        "a": ("By Lena Okafor\nKABUL (Valley Wire) - Militants stormed the checkpoint, Valley Wire was told. "
              "The militants fled, a spokesman told Valley Wire. Militants, militants, militants."),
        "b": "KABUL (Harbour Post) - Fighters attacked the checkpoint, officials said. The fighters fled.",
    }
    sides = [Side("s:a", "Valley Wire", "Valley Wire", ("a",)), Side("s:b", "Harbour Post", "Harbour Post", ("b",))]
    words = set(distinctive_terms(sides, texts)["term"])
    assert "militants" in words  # the outlet's label for the attackers is framing
    assert not words & {"valley", "wire", "harbour", "post", "lena", "okafor", "told", "said", "spokesman"}


def test_a_selection_too_small_for_significance_says_so():
    import pandas as pd

    from analysis.compare.framing import significance_note

    weak = pd.DataFrame({"term": ["militants"], "z": [1.2], "significant": [False]})
    strong = pd.DataFrame({"term": ["militants"], "z": [2.5], "significant": [True]})
    assert "too small to tell framing from chance" in significance_note(weak)
    assert significance_note(strong) is None
