import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import top_entities


def test_top_entities_orders_by_mentions_and_colours_by_type():
    entities = pd.DataFrame({"entity": ["A", "B", "C"], "label": ["GPE", "ORG", "GPE"],
                             "mentions": [3, 9, 1], "documents": [1, 2, 1], "sources": [1, 2, 1]})
    fig = top_entities(entities, limit=2)
    assert isinstance(fig, go.Figure)
    shown = [y for trace in fig.data for y in trace.y]
    assert sorted(shown) == ["A", "B"]  # C is cut by the limit
    assert {trace.name for trace in fig.data} == {"GPE", "ORG"}
    assert list(fig.layout.yaxis.categoryarray) == ["A", "B"]  # the largest at the top


def test_no_entities_gives_a_message():
    fig = top_entities(pd.DataFrame(columns=["entity", "label", "mentions", "documents", "sources"]))
    assert fig.layout.annotations[0].text == "No entities for these filters."


def test_entity_names_are_escaped():
    entities = pd.DataFrame({"entity": ["<b>X</b>"], "label": ["ORG"], "mentions": [1], "documents": [1],
                             "sources": [1]})
    assert list(top_entities(entities).data[0].y) == ["&lt;b&gt;X&lt;/b&gt;"]
