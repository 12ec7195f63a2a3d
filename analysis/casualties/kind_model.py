"""A second opinion on a figure's kind: a linear model over the words around it.

The rules in analysis.casualties.kinds know the statistic phrasings they were written for, and
news words totals in more ways than rules foresee. On kinds sets and corpora the rules were never
tuned on, they labelled 8 to 18% of statistics as incidents, and each such figure adds a
period's or a war's toll to the Casualties headline.

The model is a logistic regression over the figure's sentence (its words, its word pairs, the
size of its numbers) and the words of the two sentences before it in its paragraph. It reads
no rule, so its mistakes are not the rules' mistakes. bench/train_kinds.py fits it on the
tunable kinds sets and incident corpora and writes `kind_model.json` beside this file.

It only turns an incident into a statistic, only when it is sure (`STATISTIC_PROBABILITY`),
and never one whose sentence pins it to an episode's time ("in the last 24 hours", "on
Tuesday": analysis.casualties.kinds.anchors_an_episode). A statistic the rules found stays one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.segmentation import Sentence

MODEL_PATH = Path(__file__).with_name("kind_model.json")

# Chosen by leave-one-set-out cross-validation on the ten tunable sets (`python
# bench/train_kinds.py --check`, 1,065 found figures): the rules alone label 92.1% right
# (statistic recall 0.861, incident recall 0.972); with the model at 0.75, 95.3% (0.945, 0.960).
# 0.7 scored 95.6% but overruled a vague count told with the fighting it fled ("Hundreds of
# families had escaped the violence", at 0.72); lower still costs incidents, higher misses
# statistics (0.9: 94.0%).
STATISTIC_PROBABILITY = 0.75
CONTEXT_SENTENCES = 2  # how many sentences before the figure's, in its paragraph, the model reads

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d[\d,.]*")


def tokens(text: str) -> list[str]:
    """Lower-case words, and each number as the order of its magnitude ("<num3>" for 1,200),
    so the model learns that big counts lean to totals without learning particular numbers."""
    words = []
    for token in _TOKEN.findall(text.lower().replace("’", "'")):
        words.append(_magnitude(token) if token[0].isdigit() else token)
    return words


def _magnitude(number: str) -> str:
    digits = number.rstrip(".,").replace(",", "")
    try:
        value = float(digits)
    except ValueError:  # "1.2.3": not one number
        value = 0.0
    order = int(math.log10(value)) if value >= 1 else 0
    return f"<num{min(order, 5)}>"


def context_before(sentences: Sequence[Sentence], position: int) -> list[str]:
    """The sentences of the paragraph before the one at `position`, in order: the context the
    model reads (its last CONTEXT_SENTENCES), in the extractor and in training alike."""
    paragraph = sentences[position].paragraph
    first = position
    while first > 0 and sentences[first - 1].paragraph == paragraph:
        first -= 1
    return [s.text for s in sentences[first:position]]


def kind_features(sentence: str, before: Sequence[str] = ()) -> set[str]:
    """The model's features: the sentence's words ("w:") and word pairs ("b:"), and the words
    of up to CONTEXT_SENTENCES sentences before it ("p:")."""
    words = tokens(sentence)
    features = {f"w:{word}" for word in words}
    features.update(f"b:{a}_{b}" for a, b in zip(words, words[1:]))
    for earlier in before[-CONTEXT_SENTENCES:]:
        features.update(f"p:{word}" for word in tokens(earlier))
    return features


@dataclass(frozen=True)
class KindModel:
    """Logistic-regression weights: the log-odds that a figure is a statistic."""

    bias: float
    weights: dict[str, float]

    def statistic_probability(self, sentence: str, before: Sequence[str] = ()) -> float:
        """How likely the figures of `sentence` (after the sentences `before` it) are a statistic."""
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in kind_features(sentence, before)))

    def to_json(self, trained_on: Iterable[str]) -> str:
        """The file bench/train_kinds.py writes: what it learned from, the bias and the weights."""
        return json.dumps({"trained_on": sorted(trained_on), "bias": self.bias,
                           "weights": dict(sorted(self.weights.items()))}, indent=0, ensure_ascii=False) + "\n"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


@lru_cache(maxsize=4)
def load_kind_model(path: Path = MODEL_PATH) -> KindModel:
    """The model stored at `path`, read once per process."""
    stored = json.loads(Path(path).read_text(encoding="utf-8"))
    return KindModel(float(stored["bias"]), {name: float(w) for name, w in stored["weights"].items()})


def reads_as_statistic(sentence: str, before: Sequence[str] = ()) -> bool:
    """True when the model is sure the sentence's figures are a statistic."""
    return load_kind_model().statistic_probability(sentence, before) >= STATISTIC_PROBABILITY
