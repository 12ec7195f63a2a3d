"""VaderScorer must give exactly vaderSentiment's scores: it is a faster route, not a new model."""

from __future__ import annotations

import json
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.loading import load_corpus
from analysis.segmentation import split_sentences
from analysis.vader import MIRRORED_VERSION, VaderScorer

ROOT = Path(__file__).resolve().parents[2]

# Sentences that walk through each of VADER's rules: boosters, ALL CAPS, negation at one, two and
# three words, "never so", "without doubt", "no" before a sentiment word, "least", "but",
# "kind of", idioms, punctuation emphasis, emoji and emoticons.
RULE_SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!", "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all", "There was no good news and no hope.", "It was the least effective ceasefire.",
    "He was never so happy, without doubt the best day.", "Never this bad, they said.",
    "That was the bomb, a kiss of death for the rebels.", "Yeah right, he said.",
    "They did not really like it", "It is not very good", "Rarely has the army been so brutal.",
    "Aid workers cannot reach the wounded despite the truce.", "Is it over?? Really???",
    "no", "NO NO NO", "   ", "", "sort of okay", "The attack was just enough to kill hope.",
    "Casualties were not SO terrible, but the damage was ENORMOUS.", "Peace😊talks resumed",
]


def _corpus_sentences() -> list[str]:
    sentences = [s.text for d in load_corpus([ROOT / "seeds"]).documents for s in split_sentences(d.text)]
    for path in sorted((ROOT / "tests" / "data").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                sentences.extend(s.text for s in split_sentences(record["text"]))
    return sentences


@pytest.fixture(scope="module")
def analyzers() -> tuple[SentimentIntensityAnalyzer, VaderScorer]:
    return SentimentIntensityAnalyzer(), VaderScorer()


@pytest.mark.parametrize("sentence", RULE_SENTENCES)
def test_each_rule_scores_as_the_library_does(analyzers, sentence: str) -> None:
    library, scorer = analyzers
    assert scorer.polarity_scores(sentence) == library.polarity_scores(sentence)


def test_every_bundled_and_dev_sentence_scores_as_the_library_does(analyzers) -> None:
    library, scorer = analyzers
    sentences = _corpus_sentences()
    assert len(sentences) > 1000
    differing = [s for s in sentences if scorer.polarity_scores(s) != library.polarity_scores(s)]
    assert differing == []


def test_the_installed_and_pinned_library_is_the_release_the_scorer_mirrors() -> None:
    assert version("vaderSentiment") == MIRRORED_VERSION
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"vaderSentiment=={MIRRORED_VERSION}" in pyproject["project"]["dependencies"]


def test_the_rules_change_scores_so_the_comparison_means_something(analyzers) -> None:
    _, scorer = analyzers
    assert scorer.polarity_scores("It is good")["compound"] > 0
    assert scorer.polarity_scores("It is not good")["compound"] < 0
    assert scorer.polarity_scores("It is very good")["compound"] > scorer.polarity_scores("It is good")["compound"]
    assert scorer.polarity_scores("😭")["compound"] < 0  # the emoji is read through its description
