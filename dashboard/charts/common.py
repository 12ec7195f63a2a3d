"""What every chart shares: escaping, layout, the empty-chart message and one colour per source."""

from __future__ import annotations

import html
import textwrap

import plotly.express as px
import plotly.graph_objects as go

LABEL_COLORS = {
    "PERSON": "#4c78a8", "ORG": "#f58518", "GPE": "#54a24b", "LOC": "#72b7b2", "NORP": "#e45756",
    "FAC": "#b279a2", "EVENT": "#ff9da6", "PRODUCT": "#9d755d", "LAW": "#bab0ac",
}
# What each entity type is called on screen: the tagger's codes (GPE, NORP, FAC) mean nothing
# to a reader. The sidebar's type filter and every chart legend, facet and hover use these.
TYPE_NAMES = {
    "PERSON": "People", "ORG": "Organisations", "GPE": "Countries, cities", "LOC": "Other places",
    "NORP": "Nationalities, groups", "FAC": "Buildings, sites", "EVENT": "Events", "PRODUCT": "Products",
    "LAW": "Laws", "UNNAMED": "Not named",
}
SOURCE_PALETTE = px.colors.qualitative.Safe
# Above this many sentences a chart draws the distribution only: thousands of hover points make a
# page slow to send and impossible to read.
MAX_POINTS = 2500


def type_name(label: object) -> str:
    """An entity type as a reader names it ("Countries, cities" for GPE); an unknown code as is."""
    code = "" if label is None else str(label)
    return TYPE_NAMES.get(code, code)


def type_colors() -> dict[str, str]:
    """The type colours keyed by the names charts show (type_name), for plotly colour maps."""
    return {type_name(code): colour for code, colour in LABEL_COLORS.items()}


def layout(fig: go.Figure, *, height: int = 380) -> go.Figure:
    fig.update_layout(
        height=height, margin=dict(l=10, r=10, t=40, b=10), legend_title_text="",
        hoverlabel=dict(align="left"), font=dict(size=13),
    )
    return fig


def empty_figure(message: str = "Nothing to show for these filters.") -> go.Figure:
    """A blank chart that says why, instead of an empty axis."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, font=dict(size=14, color="#777"),
                       xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return layout(fig, height=240)


def source_colors(sources) -> dict[str, str]:
    """A stable colour per source (sorted order), so one outlet is one colour on every chart."""
    return {s: SOURCE_PALETTE[i % len(SOURCE_PALETTE)] for i, s in enumerate(sorted(set(sources)))}


def safe(text) -> str:
    """Article text, titles and source names escaped: plotly renders a subset of HTML in labels."""
    return html.escape(str(text), quote=False)


def wrap(text: str, width: int = 70) -> str:
    """Escaped and wrapped for a hover box."""
    return "<br>".join(safe(line) for line in textwrap.wrap(str(text), width)) if text else ""


def short(text: str, width: int = 48) -> str:
    text = str(text)
    return safe(text if len(text) <= width else text[: width - 1].rstrip() + "…")
