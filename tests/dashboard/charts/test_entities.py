import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.entities import views as ev
from dashboard.charts import top_entities
from dashboard.charts.common import LABEL_COLORS
from dashboard.charts.entities import (
    cooccurrence_network,
    entities_by_type_and_source,
    entity_sentiment,
    mention_heatmap,
    place_labels,
    selected_entities,
)


def test_top_entities_orders_by_mentions_and_colours_by_type():
    entities = pd.DataFrame({"entity": ["A", "B", "C"], "label": ["GPE", "ORG", "GPE"],
                             "mentions": [3, 9, 1], "documents": [1, 2, 1], "sources": [1, 2, 1]})
    fig = top_entities(entities, limit=2)
    assert isinstance(fig, go.Figure)
    shown = [y for trace in fig.data for y in trace.y]
    assert sorted(shown) == ["A", "B"]  # C is cut by the limit
    assert {trace.name for trace in fig.data} == {"Countries, cities", "Organisations"}  # not GPE, ORG
    colours = {trace.name: trace.marker.color for trace in fig.data}
    assert colours == {"Countries, cities": LABEL_COLORS["GPE"], "Organisations": LABEL_COLORS["ORG"]}
    assert list(fig.layout.yaxis.categoryarray) == ["A", "B"]  # the largest at the top


def test_no_entities_gives_a_message():
    fig = top_entities(pd.DataFrame(columns=["entity", "label", "mentions", "documents", "sources"]))
    assert fig.layout.annotations[0].text == "No entities for these filters."


def test_entity_names_are_escaped():
    entities = pd.DataFrame({"entity": ["<b>X</b>"], "label": ["ORG"], "mentions": [1], "documents": [1],
                             "sources": [1]})
    assert list(top_entities(entities).data[0].y) == ["&lt;b&gt;X&lt;/b&gt;"]


# --- The Entities page's charts ----------------------------------------------------------------


def _counts() -> pd.DataFrame:
    return pd.DataFrame({
        "entity": ["Kabul", "Kabul", "<Ankara>", "Taliban", "NATO", "Taliban"],
        "label": ["GPE", "GPE", "GPE", "ORG", "ORG", "ORG"],
        "source": ["Wire", "Daily & Co", "Wire", "Wire", "Wire", "Daily & Co"],
        "mentions": [3, 1, 2, 5, 1, 2],
    })


def _points(fig: go.Figure) -> list[tuple[str, str]]:
    """(trace name, raw entity in customdata) for every drawn point."""
    return [(trace.name, data[0]) for trace in fig.data if trace.customdata is not None for data in trace.customdata]


def test_by_type_and_source_has_a_panel_per_type_and_a_trace_per_source():
    fig = entities_by_type_and_source(_counts(), per_type=8)
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["Organisations · top 2", "Countries, cities · top 2"]  # most mentioned type first
    assert all("(Organisations)" in t.hovertemplate for t in fig.data if "Taliban" in t.y)
    assert fig.layout.barmode == "stack"
    names = {trace.name for trace in fig.data}
    assert names == {"Wire", "Daily &amp; Co"}  # source names escaped
    assert sum(trace.showlegend for trace in fig.data) == 2  # one legend entry per source
    # Bars carry the raw name for clicks, the escaped one on the axis.
    assert ("Wire", "<Ankara>") in _points(fig)
    assert "&lt;Ankara&gt;" in [y for trace in fig.data for y in trace.y]
    wire_org = next(t for t in fig.data if t.name == "Wire" and "Taliban" in t.y)
    assert dict(zip(wire_org.y, wire_org.x)) == {"NATO": 1, "Taliban": 5}


def test_by_type_keeps_the_top_of_each_type():
    fig = entities_by_type_and_source(_counts(), per_type=1)
    shown = {y for trace in fig.data for y in trace.y}
    assert shown == {"Taliban", "Kabul"}


def test_by_type_bars_follow_the_ranking_and_skip_what_a_source_never_names():
    counts = pd.DataFrame({
        "entity": ["Hamas", "Hamas", "UNRWA", "WHO", "Rafah", "Hamas"],
        "label": ["ORG", "ORG", "ORG", "ORG", "GPE", "GPE"],  # one name tagged as two types
        "source": ["Wire", "Daily", "Wire", "Wire", "Daily", "Daily"],
        "mentions": [9, 4, 6, 2, 5, 3],
    })
    fig = entities_by_type_and_source(counts)
    bars = {(t.name, t.hovertemplate.split("(")[1].split(")")[0]): dict(zip(t.y, t.x)) for t in fig.data}
    # The least mentioned at the foot of each panel, so plotly draws the top entity at the top.
    assert list(next(t for t in fig.data if t.name == "Wire").y) == ["WHO", "UNRWA", "Hamas"]
    assert bars[("Daily", "Organisations")] == {"Hamas": 4}  # no empty bar for UNRWA or WHO
    assert bars[("Daily", "Countries, cities")] == {"Hamas": 3, "Rafah": 5}  # its own count per type
    assert ("Wire", "Countries, cities") not in bars
    assert list(fig.layout.yaxis.categoryarray) == ["WHO", "UNRWA", "Hamas"]


def test_heatmap_shows_density_and_hides_zero_cells():
    mentions = pd.DataFrame({"doc_id": ["a", "a", "b"], "entity": ["K", "T", "T"], "label": ["GPE", "ORG", "ORG"]})
    documents = pd.DataFrame({"doc_id": ["a", "b"], "source": ["<S1>", "S2"], "words": [1000, 250]})
    fig = mention_heatmap(ev.mention_density(mentions, documents, ["T", "K"]))
    heat = fig.data[0]
    assert list(heat.y) == ["T", "K"]
    assert [str(x) for x in heat.x] == ["&lt;S1&gt;", "S2"]
    assert [list(row) for row in heat.z] == [[1.0, 4.0], [1.0, 0.0]]
    assert heat.text[1][1] == ""  # K never in S2: a blank cell, not "0.0"
    # Heatmap cells cannot be selected in plotly.js: one invisible marker per cell takes the click.
    cells = fig.data[1]
    assert len(cells.x) == 4 and cells.marker.opacity < 0.05
    assert fig.layout.hoverdistance == -1  # the nearest centre is the cell under the pointer
    by_cell = {(y, x): data for x, y, data in zip(cells.x, cells.y, cells.customdata)}
    assert by_cell[("T", "S2")][:3] == ["T", 1, 250]  # raw name, raw count, the source's words
    assert by_cell[("K", "S2")][1] == 0


def test_sentiment_shows_n_and_marks_thin_evidence():
    tone = pd.DataFrame({
        "entity": ["Kabul", "Kabul", "NATO"], "label": ["GPE", "GPE", "ORG"], "source": ["Wire", "Daily", "Wire"],
        "compound": [-0.4, 0.2, 0.1], "sentences": [6, 1, 2], "low": [-0.6, 0.2, 0.1], "high": [-0.2, 0.2, 0.1],
        "spread": [0.2, 0.0, 0.0],
    })
    fig = entity_sentiment(tone, min_sentences=3)
    solid = [t for t in fig.data if t.marker.symbol == "circle"]
    hollow = [t for t in fig.data if t.marker.symbol == "circle-open"]
    assert [list(t.y) for t in solid] == [["Kabul"]]  # only the 6-sentence value reads as a trend
    assert solid[0].error_x.visible and not any(t.error_x.visible for t in hollow)
    assert sorted(e for t in hollow for e in t.y) == ["Kabul", "NATO"]
    assert all("sentence(s)" in t.hovertemplate for t in fig.data)
    assert [d[1] for t in solid for d in t.customdata] == [6]
    # One legend entry per source even with two traces for it.
    assert sorted(t.name for t in fig.data if t.showlegend) == ["Daily", "Wire"]
    assert list(fig.layout.yaxis.categoryarray) == ["NATO", "Kabul"]  # most sentences at the top


def test_sentiment_limit_keeps_the_best_evidenced_entities():
    tone = pd.DataFrame({"entity": list("ABC"), "label": ["ORG"] * 3, "source": ["S"] * 3, "compound": [0.1] * 3,
                         "sentences": [1, 9, 4], "low": [0.1] * 3, "high": [0.1] * 3, "spread": [0.0] * 3})
    shown = {y for t in entity_sentiment(tone, limit=2).data for y in t.y}
    assert shown == {"B", "C"}


def _network_inputs(n: int):
    names = [f"Entity {i}" for i in range(n)]
    entities = pd.DataFrame({"entity": names, "label": ["PERSON", "ORG", "GPE"] * (n // 3) + ["GPE"] * (n % 3),
                             "mentions": list(range(n, 0, -1))})
    pairs = pd.DataFrame([(names[i], names[(i + step) % n], 1 + (i % 4))
                          for i in range(n) for step in (1, 2, 5)], columns=ev.PAIR_COLUMNS)
    pairs = pairs.sort_values("sentences", ascending=False, ignore_index=True)
    return entities, pairs


def test_network_caps_nodes_and_edges_labels_the_biggest():
    entities, pairs = _network_inputs(90)
    fig = cooccurrence_network(entities, pairs, max_nodes=60, max_edges=100, labelled=10)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    drawn = [d[0] for t in nodes for d in t.customdata]
    assert len(drawn) <= 60 and set(drawn) <= set(entities["entity"].head(60))
    edge_segments = sum(len(t.x) // 3 for t in fig.data if t.mode == "lines")
    assert edge_segments <= 100
    labels = [text for t in nodes for text in t.text if text]
    assert len(labels) == 10 and "Entity 0" in labels
    assert {t.name for t in nodes} == {"People", "Organisations", "Countries, cities"}
    sizes = {d[0]: s for t in nodes for d, s in zip(t.customdata, t.marker.size)}
    assert sizes["Entity 0"] > sizes[drawn[-1]]  # the most mentioned is the biggest


def test_network_minimum_weight_drops_weak_links():
    entities, pairs = _network_inputs(30)
    strong = cooccurrence_network(entities, pairs, min_sentences=4)
    assert sum(len(t.x) // 3 for t in strong.data if t.mode == "lines") == int((pairs["sentences"] >= 4).sum())
    empty = cooccurrence_network(entities, pairs, min_sentences=99)
    assert "shares enough" in empty.layout.annotations[0].text


def test_network_lines_join_the_markers_of_each_linked_pair():
    entities, pairs = _network_inputs(12)
    fig = cooccurrence_network(entities, pairs)
    at = {d[0]: (x, y) for t in fig.data if t.mode == "markers+text" for d, x, y in zip(t.customdata, t.x, t.y)}
    drawn = set()
    for trace in (t for t in fig.data if t.mode == "lines"):
        assert list(trace.x[2::3]) == list(trace.y[2::3]) == [None] * (len(trace.x) // 3)  # lines kept apart
        for x0, y0, x1, y1 in zip(trace.x[0::3], trace.y[0::3], trace.x[1::3], trace.y[1::3]):
            drawn.add(frozenset(e for e, point in at.items() if point in ((x0, y0), (x1, y1))))
    linked = {frozenset(p) for p in zip(pairs["source_entity"], pairs["target_entity"])}
    assert drawn == linked  # every line runs between the markers of a pair that shares a sentence


def test_network_escapes_names():
    entities = pd.DataFrame({"entity": ["<i>A</i>", "B"], "label": ["ORG", "GPE"], "mentions": [3, 2]})
    pairs = pd.DataFrame({"source_entity": ["<i>A</i>"], "target_entity": ["B"], "sentences": [2]})
    fig = cooccurrence_network(entities, pairs)
    texts = [text for t in fig.data if t.mode == "markers+text" for text in t.text]
    assert "&lt;i&gt;A&lt;/i&gt;" in texts and "<i>A</i>" not in texts


@pytest.mark.parametrize("chart, frame", [
    (entities_by_type_and_source, pd.DataFrame(columns=ev.SOURCE_COUNT_COLUMNS)),
    (mention_heatmap, pd.DataFrame(columns=ev.DENSITY_COLUMNS)),
    (entity_sentiment, pd.DataFrame(columns=ev.SENTIMENT_COLUMNS)),
])
def test_empty_inputs_say_so(chart, frame):
    assert chart(frame).layout.annotations[0].text.startswith("No ")


def test_empty_network_says_so():
    fig = cooccurrence_network(pd.DataFrame(columns=["entity", "label", "mentions"]),
                               pd.DataFrame(columns=ev.PAIR_COLUMNS))
    assert fig.layout.annotations[0].text.startswith("No ")


def test_selected_entities_reads_the_raw_names_of_clicked_points():
    points = [{"customdata": ["<Kabul>", 3]}, {"customdata": ["NATO"]}, {"customdata": ["<Kabul>"]},
              {"x": 1}, {"customdata": "Taliban"}]
    assert selected_entities(points) == ["<Kabul>", "NATO", "Taliban"]
    assert selected_entities([]) == [] and selected_entities(None) == []


def test_every_entity_chart_puts_the_raw_name_first_in_customdata():
    entities, pairs = _network_inputs(12)
    fig = cooccurrence_network(entities, pairs)
    assert set(selected_entities([{"customdata": list(d)} for t in fig.data if t.customdata is not None
                                  for d in t.customdata])) <= set(entities["entity"])


def test_many_sources_are_capped_to_the_busiest_and_the_title_says_so():
    sources = [f"Outlet {i:02d}" for i in range(12)]
    tone = pd.DataFrame({"entity": ["A"] * 12, "label": ["ORG"] * 12, "source": sources,
                         "compound": [0.0] * 12, "sentences": list(range(1, 13)), "low": [0.0] * 12,
                         "high": [0.0] * 12, "spread": [0.0] * 12})
    fig = entity_sentiment(tone, max_sources=8)
    assert {t.name for t in fig.data} == set(sources[4:])  # the 8 with most sentences
    assert "8 sources" in fig.layout.title.text
    density = pd.DataFrame({"entity": ["A"] * 12, "label": ["ORG"] * 12, "source": sources,
                            "mentions": list(range(12)), "words": [1000] * 12,
                            "per_1000_words": [float(i) for i in range(12)]})
    heat = mention_heatmap(density, max_sources=5)
    assert [str(x) for x in heat.data[0].x] == sources[7:]
    assert "5 sources" in heat.layout.title.text
    assert "naming them most" not in mention_heatmap(density).layout.title.text  # 12 <= 20: no cap


def test_by_type_groups_the_long_tail_of_sources():
    rows = [("Kabul", "GPE", f"Outlet {i:02d}", i + 1) for i in range(15)] + [("NATO", "ORG", "Outlet 00", 3)]
    counts = pd.DataFrame(rows, columns=ev.SOURCE_COUNT_COLUMNS)
    fig = entities_by_type_and_source(counts, max_sources=4)
    legend = [t.name for t in fig.data if t.showlegend]
    assert legend == ["Outlet 11", "Outlet 12", "Outlet 13", "Outlet 14", "11 other sources"]
    other = next(t for t in fig.data if t.name == "11 other sources" and "Kabul" in t.y)
    assert list(other.x) == [sum(range(1, 12))]  # the eleven smallest outlets, stacked as one
    assert other.marker.color == "#c7c7c7"
    # A source missing from the first panel still gets its legend entry (once).
    assert legend.count("11 other sources") == 1


def test_a_source_only_in_a_later_panel_is_in_the_legend():
    counts = pd.DataFrame([("Kabul", "GPE", "A", 5), ("NATO", "ORG", "B", 1)], columns=ev.SOURCE_COUNT_COLUMNS)
    fig = entities_by_type_and_source(counts)
    assert sorted(t.name for t in fig.data if t.showlegend) == ["A", "B"]


def test_labels_go_above_then_below_and_never_on_top_of_each_other():
    nodes = pd.DataFrame({"entity": ["Kandahar", "Herat", "Mazar", "Bamiyan"],
                          "x": [0.0, 0.0, 0.0, 0.9], "y": [0.0, 0.0, 0.0, -0.9]})
    sizes = dict.fromkeys(nodes["entity"], 12.0)
    placed = place_labels(nodes, sizes, limit=10)
    # Three markers on one spot: the first name above, the second below, the third on hover only.
    assert placed == {"Kandahar": "top center", "Herat": "bottom center", "Bamiyan": "top center"}
    assert place_labels(nodes, sizes, limit=1) == {"Kandahar": "top center"}


def test_a_spread_out_network_names_most_of_its_nodes():
    entities, pairs = _network_inputs(34)
    fig = cooccurrence_network(entities, pairs)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    drawn = [d[0] for t in nodes for d in t.customdata]
    named = [text for t in nodes for text in t.text if text]
    assert len(named) >= 0.7 * len(drawn)
