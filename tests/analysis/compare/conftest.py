"""The comparison's inputs, analysed once per test session: the four-article test corpus
(tests/data/compare, one invented car bombing told by four invented outlets) and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import analyze, load_corpus

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "tests" / "data" / "compare"


@pytest.fixture(scope="session")
def dev_corpus():
    corpus = load_corpus([str(DEV / "articles")])
    assert not corpus.errors
    return corpus.documents


@pytest.fixture(scope="session")
def dev_result(dev_corpus):
    return analyze(dev_corpus)


@pytest.fixture(scope="session")
def dev_texts(dev_corpus):
    return {d.doc_id: d.text for d in dev_corpus}


@pytest.fixture(scope="session")
def gold_groups():
    return json.loads((DEV / "gold_alignment.json").read_text(encoding="utf-8"))["groups"]


@pytest.fixture(scope="session")
def seeds_corpus():
    return load_corpus([str(ROOT / "seeds")]).documents


@pytest.fixture(scope="session")
def seeds_result(seeds_corpus):
    return analyze(seeds_corpus)
