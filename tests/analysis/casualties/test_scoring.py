"""The dev sets, scored end to end (a regression guard: floors below what is reached today)."""

from pathlib import Path

import pytest

from analysis.casualties.scoring import load_items, score_items

DATA = Path(__file__).resolve().parents[2] / "data" / "casualties"


@pytest.mark.parametrize("name, min_f1, min_deaths", [
    ("dev", 0.95, 0.95),
    ("heldout", 0.90, 0.90),
    ("heldout2", 0.90, 0.90),
    ("heldout3", 0.90, 0.90),
])
def test_dev_sets(name, min_f1, min_deaths):
    items = load_items(DATA / f"{name}.jsonl")
    assert len(items) >= 40
    score = score_items(items)
    assert score.f1 >= min_f1, score.errors
    assert score.death_accuracy >= min_deaths, score.errors


def test_dev_sets_are_large_and_disjoint():
    texts = {name: {item["text"] for item in load_items(DATA / f"{name}.jsonl")}
             for name in ("dev", "heldout", "heldout2", "heldout3")}
    assert sum(map(len, texts.values())) >= 150
    held_out = texts["heldout"] | texts["heldout2"] | texts["heldout3"]
    assert not texts["dev"] & held_out
