"""Compare page: the escaped side-by-side markup and the charts, on small frames."""

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.compare import (
    article_html,
    coverage_chart,
    figures_chart,
    framing_chart,
    legend_html,
    overlap_chart,
    sentence_html,
    statement_tone_chart,
    summary_html,
    tone_background,
)

HOSTILE = 'Rebels said <script>alert("x")</script> and <img src=x onerror="alert(1)"> & "more".'


def _frames(text: str):
    sentences = pd.DataFrame([{"sent_id": 0, "paragraph": 0, "start": 0, "end": len(text), "compound": -0.6}])
    start = text.index("Rebels")
    mentions = pd.DataFrame([{"start": start, "end": start + 6, "label": "NORP", "entity": "Rebels<b>"}])
    empty = pd.DataFrame(columns=["start", "end"])
    return sentences, mentions, empty


def test_article_text_is_escaped():
    sentences, mentions, empty = _frames(HOSTILE)
    out = article_html(HOSTILE, sentences, mentions, empty, empty, {0: 2}, title="<b>Title</b>",
                       caption="Wire <i>x</i>")
    assert "<script" not in out and "<img" not in out and "<b>Title" not in out and "<i>x" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=" in out
    assert "Rebels&lt;b&gt;" in out  # the entity name in the tooltip too
    assert "S2" in out


def test_figures_dates_and_entities_are_marked_without_overlap():
    text = "Gunmen killed at least 15 people in Kano on Friday."
    sentences = pd.DataFrame([{"sent_id": 0, "paragraph": 0, "start": 0, "end": len(text), "compound": -0.7}])
    figure = text.index("at least 15")
    casualties = pd.DataFrame([{"start": figure, "end": figure + 11, "category": "killed", "value": 15,
                                "qualifier": "at_least"}])
    kano, friday = text.index("Kano"), text.index("Friday")
    mentions = pd.DataFrame([{"start": kano, "end": kano + 4, "label": "GPE", "entity": "Kano"},
                             {"start": figure + 9, "end": figure + 11, "label": "CARDINAL", "entity": "15"}])
    events = pd.DataFrame([{"start": friday, "end": friday + 6, "date": pd.Timestamp("2024-03-08")}])
    out = article_html(text, sentences, mentions, casualties, events)
    assert out.count('class="px-fig"') == 1 and out.count('class="px-date"') == 1
    assert out.count('class="px-ent"') == 1  # "15" overlaps the figure: the figure wins
    assert "Fri 8 Mar 2024" in out and ">only<" in out


def test_sentences_shade_by_tone():
    assert tone_background(0.0) == "transparent"
    assert tone_background(-0.9).startswith("rgba(192") and tone_background(0.9).startswith("rgba(30")
    out = sentence_html("Calm.", 0, 5, 0.0, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    assert "transparent" in out


def test_summary_and_legend_escape():
    out = summary_html(["Only <script>X</script> reports it"])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<li" in summary_html(["a", "b"]) and "Nothing" in summary_html([])
    assert "casualty figure" in legend_html()


def test_charts_draw_and_escape():
    labels = ["Wire <b>", "Daily"]
    framing = pd.DataFrame({"side": [0, 1], "label": labels, "term": ["<i>rebels</i>", "militants"],
                            "z": [2.5, 1.0], "delta": [1.0, 0.5], "focus": [5, 2], "rest": [0, 0]})
    fig = framing_chart(framing, labels)
    assert isinstance(fig, go.Figure)
    assert "<i>rebels" not in fig.to_json() and "<b>\"" not in fig.to_json()
    overlap = pd.DataFrame({"side": [0, 1], "other": [1, 0], "shared": [2, 2], "sentences": [5, 4],
                            "share": [0.4, 0.5]})
    assert isinstance(overlap_chart(overlap, labels), go.Figure)
    statements = pd.DataFrame({"statement": [1, 1], "side": [0, 1], "label": labels, "compound": [-0.5, 0.2],
                               "text": ["<script>a</script>", "b"], "tone_spread": [0.7, 0.7]})
    fig = statement_tone_chart(statements, labels)
    assert len(fig.data) == 2 and "<script>" not in fig.to_json()
    figures = pd.DataFrame({"matched_by": ["statement S1"] * 2, "category": ["killed"] * 2, "side": [0, 1],
                            "label": labels, "figure": ["12 killed", "at least 15 killed"], "low": [12, 15],
                            "high": [12, None], "text": ["x", "y"]})
    assert isinstance(figures_chart(figures, labels), go.Figure)
    coverage = pd.DataFrame({"entity": ["Kano"], "label": ["GPE"], "n_sides": [2], "named_by": ["all"],
                             "mentions": [3], "0": [2], "1": [1]})
    assert isinstance(coverage_chart(coverage, labels), go.Figure)


def test_entity_types_read_as_words_not_tagger_codes():
    legend = legend_html()
    assert "Countries, cities" in legend and "Nationalities, groups" in legend
    assert ">GPE<" not in legend and ">NORP<" not in legend
    sentences, mentions, empty = _frames(HOSTILE)
    marked = article_html(HOSTILE, sentences, mentions, empty, empty)
    assert 'title="Nationalities, groups: Rebels&lt;b&gt;"' in marked
    coverage = pd.DataFrame({"entity": ["Kano", "Kano", "Abuja"], "label": ["GPE", "ORG", "GPE"], "n_sides": [2, 1, 1],
                             "named_by": ["all", "A", "B"], "mentions": [3, 1, 1], "0": [2, 1, 0], "1": [1, 0, 1]})
    fig = coverage_chart(coverage, ["A", "B"])
    # The type is on the axis only where one name has two; every cell's hover names it.
    assert list(fig.data[0].y) == ["Kano (Countries, cities)", "Kano (Organisations)", "Abuja"]
    assert [row[0] for row in fig.data[0].customdata] == ["Countries, cities", "Organisations", "Countries, cities"]


def test_empty_inputs_say_why():
    labels = ["A", "B"]
    for fig in (framing_chart(pd.DataFrame(), labels), overlap_chart(pd.DataFrame(), labels),
                statement_tone_chart(pd.DataFrame(), labels), figures_chart(pd.DataFrame(), labels),
                coverage_chart(pd.DataFrame(), labels)):
        assert fig.layout.annotations and fig.layout.annotations[0].text


def test_each_sentence_marks_only_what_lies_inside_it():
    text = "Shelling hit Kharkiv. Aid reached Odesa on Monday."
    second = text.index("Aid")
    sentences = pd.DataFrame([{"sent_id": 0, "paragraph": 0, "start": 0, "end": second - 1, "compound": -0.5},
                              {"sent_id": 1, "paragraph": 0, "start": second, "end": len(text), "compound": 0.3}])
    kharkiv, odesa, monday = text.index("Kharkiv"), text.index("Odesa"), text.index("Monday")
    mentions = pd.DataFrame([{"start": odesa, "end": odesa + 5, "label": "GPE", "entity": "Odesa"},
                             {"start": kharkiv, "end": kharkiv + 7, "label": "GPE", "entity": "Kharkiv"}])
    events = pd.DataFrame([{"start": monday, "end": monday + 6, "date": pd.Timestamp("2024-05-06")}])
    out = article_html(text, sentences, mentions, pd.DataFrame(), events, {1: 4})
    first, rest = out.split('</sup> <span class="px-sent"', 1)
    assert first.count('class="px-ent"') == 1 and "Kharkiv</span>" in first and "Odesa" not in first
    assert rest.count('class="px-ent"') == 1 and ">Odesa</span>" in rest and rest.count('class="px-date"') == 1
    assert "S4" in rest and first.endswith(">only")
