"""Regression guard: the scorer on the dev and held-out wire sentences stays above its floor."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_timeline", ROOT / "bench" / "score_timeline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_dev_and_heldout_f1_floor() -> None:
    scorer = _scorer()
    data = ROOT / "tests" / "data" / "timeline"
    for name, floor in (("dev.jsonl", 0.95), ("heldout.jsonl", 0.90), ("hard.jsonl", 0.90), ("blind.jsonl", 0.90), ("articles.jsonl", 0.90), ("british.jsonl", 0.90)):
        path = data / name
        if not path.exists():
            continue
        score = scorer.score_file(path)
        assert score.gold >= 30
        assert score.f1 >= floor, (name, score)


def test_scorer_cli_prints_figures(capsys) -> None:  # type: ignore[no-untyped-def]
    scorer = _scorer()
    assert scorer.main([str(ROOT / "tests" / "data" / "timeline" / "dev.jsonl")]) == 0
    assert "F1=" in capsys.readouterr().out


def test_timeml_reader_and_value_scoring() -> None:
    scorer = _scorer()
    sample = ROOT / "tests" / "data" / "timeline" / "timeml"
    dct, text, timexes = scorer.read_timeml(sample / "wire_sample.tml")
    assert str(dct) == "2013-03-26"
    assert [text[s:e] for s, e, _, _ in timexes][:2] == ["Monday", "February"]
    score = scorer.score_timeml(sample)
    # Every DATE of both samples is right, "now" as PRESENT_REF included; the TIME is not held
    # against us.
    assert (score.tp, score.gold, score.predicted) == (9, 9, 9)


def test_timeml_reader_timebank12_layout() -> None:
    """TimeBank 1.2 files have no DCT or TEXT element and hard-wrapped lines."""
    scorer = _scorer()
    path = ROOT / "tests" / "data" / "timeline" / "timeml" / "timebank12_sample.tml"
    dct, text, timexes = scorer.read_timeml(path)
    assert str(dct) == "2014-06-05"
    assert "06/05/14" not in text and "TLINK" not in text and "fire & blame" in text
    assert [(text[s:e], v) for s, e, _, v in timexes] == [
        ("Tuesday", "2014-06-03"), ("now", "PRESENT_REF"), ("next  week", "2014-W24"),
    ]
