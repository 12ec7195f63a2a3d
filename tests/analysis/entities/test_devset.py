"""Regression floors on the entity dev set (tests/data/entities), offline pipeline.

The floors sit a little under what the pipeline reaches today (see bench/score_entities.py);
the "heldout" articles were written before the rules were tuned and are never tuned on.
"""

from pathlib import Path

import pytest

from analysis.entities.evaluation import (
    entity_score,
    gold_spans,
    load_devset,
    mention_score,
    predict_spans,
)
from analysis.nlp import load_pipeline

DEVSET = Path(__file__).resolve().parents[2] / "data" / "entities" / "devset.jsonl"


@pytest.fixture(scope="module")
def records():
    return load_devset(DEVSET)


def test_the_dev_set_is_large_and_well_formed(records):
    assert sum(r["paragraphs"] for r in records) >= 100
    assert {r["split"] for r in records} == {"dev", "heldout"}
    for r in records:
        for m in r["mentions"]:
            assert r["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("split, mention_floor, entity_floor", [("dev", 0.95, 0.94), ("heldout", 0.90, 0.90)])
def test_scores_stay_above_their_floors(records, split, mention_floor, entity_floor):
    chosen = [r for r in records if r["split"] == split]
    predicted = predict_spans(load_pipeline("parallax-offline"), chosen)
    gold = gold_spans(chosen)
    assert mention_score(predicted, gold).f1 >= mention_floor
    assert entity_score(predicted, gold).f1 >= entity_floor
