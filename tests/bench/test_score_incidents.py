"""The incident scorer's arithmetic on hand-made cases, and the gold of tests/data/incidents
checked against its own articles."""

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from analysis.schema import CASUALTY_CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "incidents"
CORPORA = [DATA / f"{name}.jsonl" for name in (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14",
    "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10",
    "heldout11", "heldout12", "heldout13")]
CATEGORIES = {*CASUALTY_CATEGORIES, "killed_or_injured"}


@pytest.fixture(scope="module")
def scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_incidents", ROOT / "bench" / "score_incidents.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def _articles(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_bcubed_on_a_known_case(scorer) -> None:  # type: ignore[no-untyped-def]
    # Gold A = {1, 2, 3}, B = {4, 5}; system X = {1, 2}, Y = {3, 4, 5}.
    items = [("A", "X"), ("A", "X"), ("A", "Y"), ("B", "Y"), ("B", "Y")]
    score = scorer.bcubed(items, {})
    # Precision per item: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    assert score.precision == pytest.approx(11 / 15)
    assert score.recall == pytest.approx(11 / 15)
    assert score.f1 == pytest.approx(11 / 15)


def test_bcubed_counts_unscored_rows_in_a_cluster_and_unlinked_rows_alone(scorer) -> None:  # type: ignore[no-untyped-def]
    # X also holds one system row matching no gold report (a statistic linked in, say).
    diluted = scorer.bcubed([("A", "X"), ("A", "X")], {"X": 3})
    assert diluted.precision == pytest.approx(2 / 3)
    assert diluted.recall == 1.0
    # Two reports of one incident the system left unlinked: each is its own cluster.
    apart = scorer.bcubed([("A", None), ("A", None)], {})
    assert apart.precision == 1.0
    assert apart.recall == pytest.approx(1 / 2)


def test_matching_prefers_an_overlapping_span_of_the_same_category(scorer) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling killed 25 people and wounded 25 others on Tuesday."
    reports = [
        scorer.GoldReport("a", text.index("25"), text.index("25") + 2, "killed", 25, "incident", "x", False, False),
        scorer.GoldReport("a", text.rindex("25"), text.rindex("25") + 2, "injured", 25, "incident", "x", False, False),
    ]
    casualties = pd.DataFrame({
        "doc_id": ["d", "d"], "sent_id": [0, 0], "category": ["injured", "killed"],
        "start": [text.rindex("25"), text.index("25")], "end": [text.rindex("25") + 2, text.index("25") + 2],
        "value": [25, 25], "low": [25, 25],
    }, index=[10, 11])
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [len(text)]})
    assert scorer.match_reports(reports, {"a": "d"}, casualties, sentences) == {0: 11, 1: 10}


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_every_gold_figure_is_quoted_from_its_article(scorer, path: Path) -> None:  # type: ignore[no-untyped-def]
    articles = _articles(path)
    for article in articles:
        for report in article["reports"]:
            start, end = scorer.figure_span(article, report)
            assert article["text"][start:end] == report["text"]
            assert report["category"] in CATEGORIES, (article["id"], report)
            assert report["kind"] in ("incident", "statistic"), (article["id"], report)
            assert (report.get("incident") is not None) == (report["kind"] == "incident"), (article["id"], report)
    reports = scorer.gold_reports(articles)
    assert len(reports) == sum(len(a["reports"]) for a in articles)


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_corpus_shape(path: Path) -> None:
    articles = _articles(path)
    assert len(articles) >= 12
    assert len({a["source"] for a in articles}) >= 4
    assert any("published" not in a for a in articles)
    for article in articles:
        assert 150 <= len(article["text"].split()) <= 400, article["id"]
        assert article["title"] and article["source"]


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_gold_incidents_follow_from_the_articles(scorer, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each incident's conservative figure is the lowest, and its best the highest, of the article
    counts that rest on a report not superseded; the headline sums the incidents."""
    articles = _articles(path)
    gold = json.loads(scorer.gold_path(path).read_text(encoding="utf-8"))
    live: dict[tuple[str, str], list[int]] = {}
    for article in articles:
        current = {(r["incident"], r["category"]) for r in article["reports"]
                   if r["kind"] == "incident" and not r.get("part_of") and not r.get("superseded")}
        for incident, counts in article["counts"].items():
            for category, count in counts.items():
                if (incident, category) in current:
                    live.setdefault((incident, category), []).append(count)
    incidents = {i["id"]: i for i in gold["incidents"]}
    assert {incident for incident, _ in live} == set(incidents)
    for (incident, category), counts in live.items():
        figure = incidents[incident]["figures"][category]
        assert (figure["conservative"], figure["best"]) == (min(counts), max(counts)), (incident, category)
    for category, total in gold["headline"].items():
        for measure in ("conservative", "best"):
            expected = sum(i["figures"][category][measure] for i in gold["incidents"] if category in i["figures"])
            assert total[measure] == expected, (category, measure)


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_the_rules_of_the_corpus_are_exercised(path: Path) -> None:
    reports = [r for a in _articles(path) for r in a["reports"]]
    kinds = Counter(r["kind"] for r in reports)
    assert kinds["statistic"] >= 5 and kinds["incident"] >= 25
    assert sum(bool(r.get("superseded")) for r in reports) >= 3
    assert sum(bool(r.get("part_of")) for r in reports) >= 4
    assert any(r.get("unit") in ("families", "households") for r in reports)
    assert any(r["category"] == "killed_or_injured" for r in reports)
    assert any(not any(c.isdigit() for c in r["text"]) and r["kind"] == "incident" and r["category"] == "killed"
               and r["value"] <= 2 for r in reports)  # victims without a numeral
