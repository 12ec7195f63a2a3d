"""The kind dev and held-out sets (all five pairs) checked against their own texts, and the kind
scorer run for real on a small file."""

import importlib.util
import itertools
import json
import sys
from pathlib import Path

import pytest

from analysis.segmentation import split_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "casualties" / "kinds"
FILES = [DATA / name for name in ("dev.jsonl", "heldout.jsonl", "dev2.jsonl", "heldout2.jsonl",
                                  "dev3.jsonl", "heldout3.jsonl", "dev4.jsonl", "heldout4.jsonl",
                                  "dev5.jsonl", "heldout5.jsonl")]
CATEGORIES = {"killed", "injured", "missing", "displaced", "detained", "killed_or_injured"}


@pytest.fixture(scope="module")
def scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_kinds", ROOT / "bench" / "score_kinds.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_gold_figure_occurs_once_in_its_text(path: Path) -> None:
    repeated = [r["id"] for r in _records(path) if r["text"].count(r["figure"]) != 1]
    assert repeated == [], f"{path.name}: figure absent or ambiguous in {repeated}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fields_categories_and_kinds_are_valid(path: Path) -> None:
    records = _records(path)
    assert len(records) >= 150
    assert all(set(r) == {"id", "text", "figure", "category", "kind", "why"} for r in records)
    assert {r["category"] for r in records} <= CATEGORIES
    kinds = [r["kind"] for r in records]
    assert set(kinds) == {"incident", "statistic"}
    assert kinds.count("statistic") > kinds.count("incident")
    assert len({r["id"] for r in records}) == len(records)


@pytest.mark.parametrize("first, second", list(itertools.combinations(FILES, 2)), ids=lambda p: p.name)
def test_no_two_sets_share_a_sentence(first: Path, second: Path) -> None:
    shared = {r["text"] for r in _records(first)} & {r["text"] for r in _records(second)}
    assert shared == set(), f"{first.name} and {second.name} share {len(shared)} text(s)"


def test_no_two_items_share_a_sentence() -> None:
    """Within a set or across sets: a reused lead or background sentence would let one item's
    context score twice and blur what a held-out set measures. Failures name ids only."""
    owners: dict[str, str] = {}
    shared = []
    for path in FILES:
        for record in _records(path):
            item = f"{path.name}:{record['id']}"
            for sentence in {s.text.strip() for s in split_sentences(record["text"])}:
                owner = owners.setdefault(sentence, item)
                if owner != item:
                    shared.append((owner, item))
    assert shared == [], f"items sharing a sentence: {shared}"


def _write_items(path: Path, items: list[tuple[str, str, str, str]]) -> None:
    lines = [json.dumps({"id": f"t{n}", "text": text, "figure": figure, "category": category,
                         "kind": kind, "why": "test"}) for n, (text, figure, category, kind) in enumerate(items)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


THREE_ITEMS = [
    ("Gunmen killed 14 villagers in an attack on Kpata on Tuesday night, residents said.", "14", "killed", "incident"),
    ("Armed groups have killed 2,300 civilians in the province since January, the monitor said.", "2,300", "killed", "statistic"),
    ("No figure was given for the losses in the valley, officials said.", "losses", "killed", "incident"),
]


def test_scorer_runs_on_a_three_item_file(scorer, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    items_path = tmp_path / "dev.jsonl"
    _write_items(items_path, THREE_ITEMS)
    assert scorer.main([str(items_path), "--errors"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("dev.jsonl: items 3, figures found 2, kind accuracy ")
    # The sentence without a number is missed, so it is listed with system=missed.
    assert any(line.strip().startswith("t2\tgold=incident\tsystem=missed") for line in lines[1:])
    outcomes = [scorer.score_item(item) for item in scorer.load_kind_items(items_path)]
    assert [o.system_kind != scorer.MISSED for o in outcomes] == [True, True, False]
    assert outcomes[0].system_kind in ("incident", "statistic")
    assert outcomes[1].period is not None and "January" in outcomes[1].period


def test_summary_arithmetic_on_known_outcomes(scorer) -> None:  # type: ignore[no-untyped-def]
    item = scorer.KindItem
    outcomes = [
        scorer.Outcome(item("a", "x 1", "1", "killed", "statistic", ""), "statistic", "this year"),
        scorer.Outcome(item("b", "x 2", "2", "killed", "statistic", ""), "incident", None),
        scorer.Outcome(item("c", "x 3", "3", "killed", "incident", ""), "incident", None),
        scorer.Outcome(item("d", "x 4", "4", "killed", "incident", ""), scorer.MISSED, None),
    ]
    line = scorer.summary_line("f.jsonl", outcomes)
    assert line == ("f.jsonl: items 4, figures found 3, kind accuracy 0.667 (2/3), "
                    "statistic recall 0.500 (1/2), incident recall 1.000 (1/1)")
    assert [e.split("\t")[0].strip() for e in scorer.error_lines(outcomes)] == ["b", "d"]


@pytest.mark.parametrize("name", ["heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl",
                                  "heldout5.jsonl"])
def test_errors_are_refused_for_a_heldout_file(scorer, tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    heldout = tmp_path / name
    _write_items(heldout, THREE_ITEMS[:1])
    assert scorer.main([str(heldout), "--errors"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "refused for held-out" in captured.err and str(heldout) in captured.err


def test_a_malformed_file_is_named_with_its_reason(scorer, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "dev.jsonl"
    broken.write_text(json.dumps({"id": "x", "text": "Ten died.", "figure": "12", "category": "killed",
                                  "kind": "incident", "why": ""}) + "\n", encoding="utf-8")
    assert scorer.main([str(broken)]) == 1
    err = capsys.readouterr().err
    assert str(broken) in err and "line 1" in err and "'12' does not occur" in err
