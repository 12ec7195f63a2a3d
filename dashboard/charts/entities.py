"""Entity charts."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.charts.common import LABEL_COLORS, empty_figure, layout, safe

def top_entities(entities: pd.DataFrame, limit: int = 15) -> go.Figure:
    """The most mentioned entities, coloured by type."""
    if entities.empty:
        return empty_figure("No entities for these filters.")
    top = entities.nlargest(limit, "mentions").iloc[::-1].assign(entity=lambda t: t["entity"].map(safe))
    fig = px.bar(
        top, x="mentions", y="entity", color="label", orientation="h",
        color_discrete_map=LABEL_COLORS,
        hover_data={"documents": True, "sources": True, "label": True},
        labels={"mentions": "Mentions", "entity": "", "label": "Type"},
        title=f"Top {len(top)} entities",
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(top["entity"]))
    return layout(fig, height=max(300, 26 * len(top) + 90))
