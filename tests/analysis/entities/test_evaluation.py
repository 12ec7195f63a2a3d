from analysis.entities.evaluation import Span, entity_score, mention_score, mention_score_by_label


def test_overlap_match_with_and_without_labels():
    gold = [Span("d", 0, 12, "ORG", "Pentagon"), Span("d", 20, 25, "GPE", "Kabul")]
    predicted = [Span("d", 4, 12, "ORG", "Pentagon"), Span("d", 20, 25, "PERSON", "Kabul"), Span("d", 30, 34, "GPE", "Iran")]
    labelled = mention_score(predicted, gold)
    assert (labelled.true_positives, labelled.predicted, labelled.gold) == (1, 3, 2)
    assert mention_score(predicted, gold, labelled=False).true_positives == 2
    assert mention_score_by_label(predicted, gold)["ORG"].f1 == 1.0


def test_one_prediction_matches_one_gold_mention():
    gold = [Span("d", 0, 5, "GPE"), Span("d", 6, 10, "GPE")]
    assert mention_score([Span("d", 0, 10, "GPE")], gold).true_positives == 1


def test_an_entity_counts_only_when_its_aliases_are_merged_and_nothing_else():
    gold = [Span("a", 0, 5, "PERSON", "Kirby"), Span("a", 10, 15, "PERSON", "Kirby"), Span("a", 20, 25, "GPE", "Kabul")]
    merged = [Span("a", 0, 5, "PERSON", "K"), Span("a", 10, 15, "PERSON", "K"), Span("a", 20, 25, "GPE", "Kabul")]
    split = [Span("a", 0, 5, "PERSON", "K"), Span("a", 10, 15, "PERSON", "K2"), Span("a", 20, 25, "GPE", "Kabul")]
    overmerged = [Span("a", 0, 5, "PERSON", "K"), Span("a", 10, 15, "PERSON", "K"), Span("a", 20, 25, "GPE", "K")]
    assert entity_score(merged, gold).f1 == 1.0
    assert entity_score(split, gold).true_positives == 1
    assert entity_score(overmerged, gold).true_positives == 0
