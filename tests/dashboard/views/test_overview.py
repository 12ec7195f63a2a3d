"""The Overview's articles table, on frames shaped like analysis.Analysis.documents."""

import pandas as pd

from dashboard.views.overview import articles_table


def _documents(urls: list) -> pd.DataFrame:
    return pd.DataFrame({
        "source": ["Harbour Wire", "Sabir FM"], "published": ["2025-10-06", None],
        "published_estimated": [False, False], "title": ["Port reopens", "Market strike"],
        "words": [380, 412], "compound": [-0.2, -0.4], "url": urls,
    })


def test_an_upload_without_links_has_no_empty_link_column():
    table = articles_table(_documents([None, ""]))
    assert "Link" not in table.columns
    assert table["Published"].tolist() == ["2025-10-06", "unknown"]


def test_a_corpus_with_one_link_keeps_the_column():
    table = articles_table(_documents(["https://example.org/port", None]))
    assert table["Link"].tolist()[0] == "https://example.org/port"
