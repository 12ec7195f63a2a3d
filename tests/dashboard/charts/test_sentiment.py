from datetime import date

import pandas as pd
import pytest

from dashboard import charts


def _sentences() -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Wire <b>", "Daily"], "title": ["Title A", "B"]})
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b"], "sent_id": [0, 1, 2, 0], "paragraph": [0, 0, 1, 0],
        "text": ["Good <script>x</script>", "bad", "neutral", "awful"],
        "compound": [0.6, -0.4, 0.0, -0.8], "date": [date(2021, 7, 13)] * 4,
    })
    return sentences, documents


def test_sentiment_by_source_shows_every_sentence_escaped():
    sentences, documents = _sentences()
    fig = charts.sentiment_by_source(sentences, documents)
    xs = sorted(x for trace in fig.data for x in trace.x)
    assert xs == [-0.8, -0.4, 0.0, 0.6]
    names = {trace.name for trace in fig.data}
    assert "Wire &lt;b&gt;" in names
    hovers = [str(v) for trace in fig.data for v in trace.customdata.ravel()]
    assert any("&lt;script&gt;" in h for h in hovers)
    assert not any("<script>" in h for h in hovers)


def test_sentiment_by_article_has_one_violin_per_article():
    sentences, documents = _sentences()
    fig = charts.sentiment_by_article(sentences, documents)
    assert all(trace.type == "violin" for trace in fig.data)
    assert len({y for trace in fig.data for y in trace.y}) == 2


def test_paragraph_arc_averages_each_paragraph():
    sentences, documents = _sentences()
    fig = charts.paragraph_arc(sentences, documents)
    by_article = {trace.name: list(zip(trace.x, trace.y)) for trace in fig.data}
    article_a = next(v for k, v in by_article.items() if k.startswith("Wire"))
    assert [x for x, _ in article_a] == [1, 2]
    assert [y for _, y in article_a] == pytest.approx([0.1, 0.0])
    assert (fig.layout.xaxis.tick0, fig.layout.xaxis.dtick) == (1, 1)  # whole paragraphs on the axis


def test_paragraph_arc_names_each_article_once_and_escaped():
    sentences, documents = _sentences()
    fig = charts.paragraph_arc(sentences, documents)
    # The legend reads "<source>: <title>", without plotly's ", <source>" for the dash, and the
    # source name is escaped there (plotly renders HTML in legend entries).
    assert sorted(trace.name for trace in fig.data) == ["Daily: B", "Wire &lt;b&gt;: Title A"]
    assert "Wire <b>" not in fig.to_json()
    assert len({trace.line.dash for trace in fig.data}) == 2  # still one dash per source


def test_empty_inputs_give_a_message_not_an_error():
    empty_s = pd.DataFrame(columns=["doc_id", "sent_id", "paragraph", "text", "compound", "date"])
    empty_d = pd.DataFrame(columns=["doc_id", "source", "title"])
    for fig in (charts.sentiment_by_source(empty_s, empty_d), charts.sentiment_by_article(empty_s, empty_d),
                charts.paragraph_arc(empty_s, empty_d)):
        assert fig.layout.annotations, "an empty chart must say why it is empty"
        assert fig.layout.annotations[0].text.startswith(("Nothing", "No "))


def test_box_statistics_match_tukey():
    values = pd.DataFrame({"g": ["a"] * 9, "v": [-1.0, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0]})
    stats = charts.sentiment.box_statistics(values, "g", "v").loc["a"]
    assert (stats["q1"], stats["median"], stats["q3"]) == pytest.approx((0.1, 0.3, 0.5))
    # 1.5 IQR = 0.6: the whiskers stop at the furthest values inside [-0.5, 1.1].
    assert (stats["lowerfence"], stats["upperfence"]) == pytest.approx((0.0, 1.0))
    assert stats["n"] == 9


def test_many_sentences_are_summarised_not_sent_one_by_one():
    n = charts.common.MAX_POINTS + 1
    documents = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Wire", "Daily"], "title": ["A", "B"]})
    sentences = pd.DataFrame({"doc_id": ["a", "b"] * n, "sent_id": range(2 * n), "paragraph": 0,
                              "text": "x", "compound": [0.5, -0.5] * n})
    fig = charts.sentiment_by_source(sentences, documents)
    assert len(fig.data) == 2
    assert all(trace.x is None and len(trace.median) == 1 for trace in fig.data)
    medians = {trace.name: trace.median[0] for trace in fig.data}
    assert medians == {"Wire": 0.5, "Daily": -0.5}
