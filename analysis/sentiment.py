"""Sentence sentiment with VADER, the lexicon model tuned for short news and social text."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.vader import VaderScorer


class SentimentScores(NamedTuple):
    compound: float
    pos: float
    neu: float
    neg: float


@lru_cache(maxsize=1)
def _analyzer() -> VaderScorer:
    # Loading the lexicon takes ~100 ms; one analyzer per process is enough and it is read-only.
    return VaderScorer()


def score_sentence(text: str) -> SentimentScores:
    """VADER scores of one sentence: compound in [-1, 1] and the pos/neu/neg proportions."""
    scores = _analyzer().polarity_scores(text)
    return SentimentScores(scores["compound"], scores["pos"], scores["neu"], scores["neg"])
