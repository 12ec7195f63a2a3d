"""Scoring entity recognition and resolution against gold annotations.

Mentions match when their character spans overlap in the same document (the usual lenient
match for news NER: "the Pentagon" vs "Pentagon" counts); a labelled match also needs the
same label. Entities are scored as alias groups: a gold entity is found when there is one
predicted entity whose gold-matched mentions are exactly that entity's matched mentions, so
an entity only counts when every alias of it was merged and nothing else was.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.metrics import PrecisionRecallF1


@dataclass(frozen=True)
class Span:
    """One mention: which document, where, what label, which entity (gold id or canonical)."""

    doc_id: str
    start: int
    end: int
    label: str
    entity: str = ""


@dataclass(frozen=True)
class Score(PrecisionRecallF1):
    """Precision, recall and F1 with the counts behind them."""

    IF_EMPTY = 0.0

    true_positives: int
    predicted: int
    gold: int

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (tp {self.true_positives}, pred {self.predicted}, gold {self.gold})"


def _overlaps(a: Span, b: Span) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def match_mentions(predicted: Sequence[Span], gold: Sequence[Span], labelled: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index) of overlapping mentions, greedy by
    overlap size; with `labelled`, labels must agree."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(gold):
        by_doc[g.doc_id].append(j)
    candidates = []
    for i, p in enumerate(predicted):
        for j in by_doc.get(p.doc_id, ()):
            g = gold[j]
            if _overlaps(p, g) and (not labelled or p.label == g.label):
                overlap = min(p.end, g.end) - max(p.start, g.start)
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def mention_score(predicted: Sequence[Span], gold: Sequence[Span], labelled: bool = True) -> Score:
    """Mention-level overlap P/R/F1."""
    return Score(len(match_mentions(predicted, gold, labelled)), len(predicted), len(gold))


def mention_score_by_label(predicted: Sequence[Span], gold: Sequence[Span]) -> dict[str, Score]:
    """Labelled overlap P/R/F1 for each gold or predicted label."""
    pairs = match_mentions(predicted, gold, labelled=True)
    tp = Counter(gold[j].label for _, j in pairs)
    pred = Counter(p.label for p in predicted)
    gold_count = Counter(g.label for g in gold)
    return {label: Score(tp[label], pred[label], gold_count[label]) for label in sorted(set(pred) | set(gold_count))}


def entity_score(predicted: Sequence[Span], gold: Sequence[Span]) -> Score:
    """Canonical-entity P/R/F1 over alias groups (see the module docstring). Mentions are
    paired ignoring labels, so a resolution error is not double-counted as a label error.
    Predicted entities without any gold-matched mention count as false positives."""
    pairs = match_mentions(predicted, gold, labelled=False)
    gold_of_pred: dict[str, set[str]] = defaultdict(set)
    pred_of_gold: dict[str, set[str]] = defaultdict(set)
    for i, j in pairs:
        gold_of_pred[predicted[i].entity].add(gold[j].entity)
        pred_of_gold[gold[j].entity].add(predicted[i].entity)
    gold_entities = {g.entity for g in gold}
    predicted_entities = {p.entity for p in predicted}
    found = sum(
        1
        for entity, preds in pred_of_gold.items()
        if len(preds) == 1 and gold_of_pred[next(iter(preds))] == {entity}
    )
    return Score(found, len(predicted_entities), len(gold_entities))


def alias_groups(spans: Iterable[Span], texts: dict[str, str]) -> dict[str, set[str]]:
    """Entity -> the distinct surface forms of its mentions (for reports)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for s in spans:
        groups[s.entity].add(texts[s.doc_id][s.start : s.end])
    return groups


def load_devset(path: Path) -> list[dict]:
    """Records of a gold JSONL file: doc_id, split, source, text, mentions (start, end, text,
    label, entity) — the format of tests/data/entities/devset.jsonl."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_spans(records: Sequence[dict]) -> list[Span]:
    return [Span(r["doc_id"], m["start"], m["end"], m["label"], m["entity"]) for r in records for m in r["mentions"]]


def predict_spans(nlp, records: Sequence[dict]) -> list[Span]:
    """Run `nlp` and entity resolution over the records as one corpus."""
    import pandas as pd

    from analysis.entities.table import build_entity_tables
    from analysis.nlp import find_mentions

    texts = [r["text"] for r in records]
    rows = [
        {"doc_id": r["doc_id"], "sent_id": 0, "start": m.start, "end": m.end, "text": m.text, "label": m.label}
        for r, found in zip(records, find_mentions(nlp, texts))
        for m in found
    ]
    mentions = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "label"])
    sentences = pd.DataFrame({"doc_id": [r["doc_id"] for r in records], "sent_id": 0, "compound": 0.0})
    documents = pd.DataFrame({"doc_id": [r["doc_id"] for r in records], "source": [r.get("source", "") for r in records]})
    resolved, _ = build_entity_tables(mentions, sentences, documents)
    return [Span(row.doc_id, int(row.start), int(row.end), row.label, row.entity) for row in resolved.itertuples(index=False)]
