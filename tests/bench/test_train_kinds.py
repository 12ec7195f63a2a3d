"""The kind model's trainer: what it reads from the evaluation sets, what it refuses, and that
the shipped model is the one the tunable sets give today."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from analysis.casualties.kind_model import load_kind_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def trainer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_kinds", ROOT / "bench" / "train_kinds.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_held_out_files_are_refused(trainer, tmp_path: Path) -> None:
    kept = _write_jsonl(tmp_path / "heldout9.jsonl", [])
    with pytest.raises(ValueError, match="heldout9.jsonl"):
        trainer.training_items([kept])
    assert trainer.main([str(kept)]) == 2


def test_a_kinds_item_is_its_figures_sentence_and_the_paragraph_before(trainer, tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "dev9.jsonl", [{
        "id": "x-1", "text": "The agency's review covered the whole year. It counted 412 deaths in the province.",
        "figure": "412", "category": "killed", "kind": "statistic", "why": "annual review"}])
    [item] = trainer.training_items([path])
    assert item.sentence == "It counted 412 deaths in the province."
    assert item.before == ("The agency's review covered the whole year.",)
    assert item.statistic and item.group == "kinds/dev9"
    assert item.text[slice(*item.span)] == "412"


def test_a_corpus_report_is_found_by_its_context(trainer, tmp_path: Path) -> None:
    corpora = tmp_path / "incidents"
    corpora.mkdir()
    article = {"id": "a1", "text": "Gunmen killed 6 herders near Bor on Monday.\n\nLast year, 6 people died in raids.",
               "reports": [{"text": "6", "context": "killed 6 herders", "category": "killed", "value": 6,
                            "kind": "incident", "incident": "bor"}]}
    [item] = trainer.training_items([_write_jsonl(corpora / "dev9.jsonl", [article])])
    assert item.sentence == "Gunmen killed 6 herders near Bor on Monday."
    assert item.before == () and not item.statistic and item.group == "incidents/dev9"
    assert item.span == (14, 15)
    assert trainer.rules_kind(item) == "incident"


def test_scores_count_accuracy_and_both_recalls(trainer) -> None:
    pairs = [(True, True), (True, False), (False, False), (False, False), (False, True)]
    assert trainer._scores(pairs) == "accuracy 0.600, statistic recall 0.500, incident recall 0.667"


def test_the_shipped_model_is_what_the_tunable_sets_train_today(trainer) -> None:
    items = trainer.training_items(trainer.default_files())
    stored = json.loads((ROOT / "analysis" / "casualties" / "kind_model.json").read_text(encoding="utf-8"))
    assert sorted(stored["trained_on"]) == sorted(
        str(p.relative_to(ROOT)) for p in trainer.default_files()), "retrain: python bench/train_kinds.py"
    fresh, shipped = trainer.fit(items), load_kind_model()
    drift = max(abs(fresh.statistic_probability(i.sentence, i.before) - shipped.statistic_probability(i.sentence, i.before))
                for i in items)
    assert drift < 0.01, "the evaluation sets or the features changed: retrain with python bench/train_kinds.py"
