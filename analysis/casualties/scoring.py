"""Scoring the extractor against gold: figure P/R/F1 and death-count accuracy.

A predicted figure counts as right when its category and its number both match a gold figure
(the number as stated, or the conservative floor for vague amounts: "dozens" is 12). Matching
is a multiset intersection per item, so one gold figure can be matched once only.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.casualties.deathcount import death_count
from analysis.casualties.extract import extract_casualties
from analysis.casualties.figure import CasualtyFigure
from analysis.metrics import PrecisionRecallF1
from analysis.segmentation import split_sentences


@dataclass
class Score(PrecisionRecallF1):
    """Counts behind precision, recall, F1 and death-count accuracy, with the misses."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    deaths_right: int = 0
    deaths_total: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def death_accuracy(self) -> float:
        return self.deaths_right / self.deaths_total if self.deaths_total else 1.0


def figure_key(figure: CasualtyFigure) -> tuple[str, int]:
    """(category, number) with the stated value, or the floor for a vague amount."""
    return figure.category, figure.value if figure.value is not None else figure.low


def load_items(path: str | Path) -> list[dict]:
    """Gold items from a JSONL file: text, figures [{category, number}], optional death_count."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def figure_span(article: dict, report: dict) -> tuple[int, int]:
    """A gold report's figure in its article (incident corpora): `text` inside `context`
    (default: the text itself), which occurs exactly once in the article."""
    text, context = report["text"], report.get("context", report["text"])
    where = article["text"].find(context)
    inside = context.find(text)
    if where < 0 or inside < 0 or article["text"].count(context) != 1:
        raise ValueError(f"article {article['id']}: {context!r} is not one place in the text holding {text!r}")
    return where + inside, where + inside + len(text)


def score_items(items: Iterable[dict]) -> Score:
    """Run the extractor on every item and compare with its gold."""
    score = Score()
    for item in items:
        text = item["text"]
        figures = extract_casualties(text, split_sentences(text))
        predicted = Counter(figure_key(f) for f in figures)
        gold = Counter((g["category"], g["number"]) for g in item["figures"])
        hits = sum((predicted & gold).values())
        score.true_positives += hits
        score.predicted += sum(predicted.values())
        score.gold += sum(gold.values())
        wrong_count = False
        if "death_count" in item:
            found = death_count(text)
            score.deaths_total += 1
            if found == item["death_count"]:
                score.deaths_right += 1
            else:
                wrong_count = True
        if predicted != gold or wrong_count:
            score.errors.append({
                "id": item.get("id"), "text": text,
                "missed": sorted((gold - predicted).elements()),
                "spurious": sorted((predicted - gold).elements()),
                "death_count": item.get("death_count"),
                "found_deaths": death_count(text) if "death_count" in item else None,
            })
    return score
