"""Fit the figure-kind model (analysis/casualties/kind_model.py) on the tunable evaluation sets.

Training items are the gold figures of the kinds sets (tests/data/casualties/kinds/dev*.jsonl)
and the gold reports of the incident corpora (tests/data/incidents/dev*.jsonl), each as its
sentence and the sentences before it in its paragraph, labelled statistic or incident. Held-out
files are refused: they measure the model, they do not train it.

    python bench/train_kinds.py           # writes analysis/casualties/kind_model.json
    python bench/train_kinds.py --check   # leave-one-set-out cross-validation; writes nothing

`--check` fits the model once per set, leaving that set out, and scores the left-out figures
the extractor finds: the rules alone, the model alone and the two together, at several
thresholds. That is how STATISTIC_PROBABILITY was chosen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.casualties import extract_casualties
from analysis.casualties.kind_model import (
    MODEL_PATH,
    STATISTIC_PROBABILITY,
    KindModel,
    context_before,
    kind_features,
)
from analysis.casualties.kinds import anchors_an_episode
from analysis.casualties.period import find_period
from analysis.casualties.scoring import figure_span, load_items
from analysis.segmentation import Sentence, split_sentences

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
KINDS_DIR = DATA / "casualties" / "kinds"
CORPORA_DIR = DATA / "incidents"
REGULARISATION = 1.0  # scikit-learn's C; leave-one-set-out accuracy is flat from 1 to 3
SMALLEST_WEIGHT = 0.005  # weights below this change no probability by more than a rounding error
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9)


@dataclass(frozen=True)
class TrainingItem:
    """One gold figure in its sentence: what the model reads, and where the figure is."""

    sentence: str
    before: tuple[str, ...]
    statistic: bool
    group: str  # the file it came from: cross-validation leaves one file out at a time
    text: str  # the whole item or article, for the rules to read (`rules_kind`)
    span: tuple[int, int]


def default_files() -> list[Path]:
    """Every tunable kinds set and incident corpus."""
    return sorted(KINDS_DIR.glob("dev*.jsonl")) + sorted(CORPORA_DIR.glob("dev*.jsonl"))


def training_items(paths: Sequence[Path]) -> list[TrainingItem]:
    """The items of every file; a held-out file raises ValueError naming it."""
    kept_aside = [str(p) for p in paths if p.name.startswith("heldout")]
    if kept_aside:
        raise ValueError(f"held-out file(s) cannot train the model: {', '.join(kept_aside)}")
    items: list[TrainingItem] = []
    for path in paths:
        items.extend(_corpus_items(path) if path.parent.name == CORPORA_DIR.name else _kinds_items(path))
    return items


def _kinds_items(path: Path) -> list[TrainingItem]:
    group = f"kinds/{path.stem}"
    items = []
    for record in load_items(path):
        start = record["text"].index(record["figure"])
        items.append(_item(record["text"], None, start, start + len(record["figure"]), record["kind"] == "statistic",
                           group))
    return items


def _corpus_items(path: Path) -> list[TrainingItem]:
    group = f"incidents/{path.stem}"
    items = []
    for article in load_items(path):
        sentences = split_sentences(article["text"])
        for report in article["reports"]:
            start, end = figure_span(article, report)
            items.append(_item(article["text"], sentences, start, end, report["kind"] == "statistic", group))
    return items


def _item(text: str, sentences: Sequence[Sentence] | None, start: int, end: int, statistic: bool,
          group: str) -> TrainingItem:
    """The item of the figure at [start, end) of `text` (`sentences`: the text's, when already split)."""
    sentences = sentences or split_sentences(text)
    position = next(n for n, s in enumerate(sentences) if s.start <= start < s.end)
    return TrainingItem(sentences[position].text, tuple(context_before(sentences, position)), statistic, group,
                        text, (start, end))


def rules_kind(item: TrainingItem) -> str | None:
    """The kind the rules alone give the item's figure; None when the extractor misses it."""
    start, end = item.span
    for figure_start, figure_end, kind in _rules_figures(item.text):
        if figure_start < end and start < figure_end:
            return kind
    return None


@lru_cache(maxsize=256)
def _rules_figures(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every figure the rules alone find in `text`: once per article,
    however many of its reports are items."""
    figures = extract_casualties(text, split_sentences(text), use_kind_model=False)
    return tuple((f.start, f.end, f.kind) for f in figures)


def fit(items: Sequence[TrainingItem]) -> KindModel:
    """A logistic regression over `kind_features`, its negligible weights dropped."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(kind_features(i.sentence, i.before), 1) for i in items])
    labels = [i.statistic for i in items]
    regression = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(matrix, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0])
               if abs(w) >= SMALLEST_WEIGHT}
    return KindModel(round(float(regression.intercept_[0]), 4), weights)


def cross_validate(items: Sequence[TrainingItem]) -> list[str]:
    """Leave-one-set-out scores of the rules, the model and both, over figures the extractor found."""
    probabilities: list[float] = [0.0] * len(items)
    for group in sorted({i.group for i in items}):
        model = fit([i for i in items if i.group != group])
        for n, item in enumerate(items):
            if item.group == group:
                probabilities[n] = model.statistic_probability(item.sentence, item.before)
    said = [rules_kind(item) for item in items]
    found = [(item, p, kind == "statistic") for item, p, kind in zip(items, probabilities, said) if kind is not None]
    # The extractor never lets the model overrule a sentence pinned to one episode's time.
    free = {id(item) for item, _, _ in found if not anchors_an_episode(item.sentence, find_period(item.sentence))}
    lines = [f"{len(found)} of {len(items)} gold figures found; "
             f"{_scores([(i.statistic, rules) for i, _, rules in found])} (rules alone)"]
    for threshold in THRESHOLDS:
        model_only = _scores([(i.statistic, p >= threshold) for i, p, _ in found])
        both = _scores([(i.statistic, rules or (p >= threshold and id(i) in free)) for i, p, rules in found])
        mark = "  <- STATISTIC_PROBABILITY" if threshold == STATISTIC_PROBABILITY else ""
        lines.append(f"threshold {threshold:.2f}: model alone {model_only}; rules and model {both}{mark}")
    return lines


def _scores(pairs: Sequence[tuple[bool, bool]]) -> str:
    """Accuracy, statistic recall and incident recall of (gold is statistic, said statistic) pairs."""
    right = sum(gold == said for gold, said in pairs)
    statistics = [said for gold, said in pairs if gold]
    incidents = [not said for gold, said in pairs if not gold]
    return (f"accuracy {right / len(pairs):.3f}, statistic recall {sum(statistics) / max(len(statistics), 1):.3f}, "
            f"incident recall {sum(incidents) / max(len(incidents), 1):.3f}")


def _shown(path: Path) -> str:
    """A file's path from the repository's root, as the model file records it."""
    root = DATA.parent.parent
    resolved = path.resolve()
    return str(resolved.relative_to(root)) if resolved.is_relative_to(root) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files (default: every tunable set)")
    parser.add_argument("--check", action="store_true", help="cross-validate instead of writing the model")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"where to write the model ({MODEL_PATH.name})")
    args = parser.parse_args(argv)
    paths = args.files or default_files()
    try:
        items = training_items(paths)
    except (OSError, ValueError) as error:
        print(f"cannot train: {error}", file=sys.stderr)
        return 2
    print(f"{len(items)} figures from {len(paths)} files, {sum(i.statistic for i in items)} statistics")
    if args.check:
        print("\n".join(cross_validate(items)))
        return 0
    args.out.write_text(fit(items).to_json(_shown(p) for p in paths), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
