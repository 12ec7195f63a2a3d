"""One 100,000-word article through `analyze`, in the shapes that break text pipelines: ordinary
news copy repeated, one endless sentence, and one endless "word" with no space at all. Loading
such files is covered in tests/analysis/loading; here the analysis must finish and stay exact."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest

from analysis import Document, analyze
from analysis.nlp import build_offline_pipeline

NEWS = "At least 12 people were killed in Kharkiv on Tuesday, officials said. Ukraine blamed Russia."
REPEATS = 7_700  # 15 words each: 115,500 words


@lru_cache(maxsize=1)
def offline_nlp():
    return build_offline_pipeline()


def _analyse(text: str, published: date | None = None):
    document = Document("big", "A very long article", "Wire", published, "", text)
    return analyze([document], nlp=offline_nlp()), text


def _spans_inside(result, text: str) -> None:
    for table in (result.sentences, result.mentions, result.casualties, result.events):
        assert ((table["start"] >= 0) & (table["start"] <= table["end"]) & (table["end"] <= len(text))).all()
    for row in result.sentences.itertuples(index=False):
        assert text[row.start:row.end] == row.text


def test_a_100000_word_article_of_news_copy():
    result, text = _analyse(" ".join([NEWS] * REPEATS), published=date(2022, 3, 3))
    _spans_inside(result, text)
    assert len(result.sentences) == 2 * REPEATS
    killed = result.casualties[result.casualties["category"] == "killed"]
    assert len(killed) == REPEATS and set(killed["value"]) == {12}
    assert set(result.events["date"]) == {date(2022, 3, 1)}  # "on Tuesday" before 3 March 2022
    assert int(result.documents["words"].iloc[0]) == 15 * REPEATS


@pytest.mark.parametrize("text", [
    " ".join(f"word{i % 997}" for i in range(100_000)) + ".",  # one sentence of 100,000 words
    "x" * 600_000,  # one token, no space and no punctuation
], ids=["one-sentence", "no-space"])
def test_a_100000_word_article_without_sentence_breaks(text):
    result, text = _analyse(text)
    _spans_inside(result, text)
    assert len(result.sentences) == 1
    assert result.casualties.empty and result.events.empty
