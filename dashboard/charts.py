"""DataFrame in, plotly Figure out. No Streamlit here, so every chart is testable on its own."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

SENTIMENT_SCALE = [[0.0, "#c0392b"], [0.5, "#ecf0f1"], [1.0, "#1e8449"]]
LABEL_COLORS = {
    "PERSON": "#4c78a8", "ORG": "#f58518", "GPE": "#54a24b", "LOC": "#72b7b2", "NORP": "#e45756",
    "FAC": "#b279a2", "EVENT": "#ff9da6", "PRODUCT": "#9d755d", "LAW": "#bab0ac",
}
SOURCE_PALETTE = px.colors.qualitative.Safe
# Above this many sentences a chart draws the distribution only: thousands of hover points make a
# page slow to send and impossible to read.
MAX_POINTS = 2500


def _layout(fig: go.Figure, *, height: int = 380) -> go.Figure:
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
    return _layout(fig, height=240)


def source_colors(sources) -> dict[str, str]:
    """A stable colour per source (sorted order), so one outlet is one colour on every chart."""
    return {s: SOURCE_PALETTE[i % len(SOURCE_PALETTE)] for i, s in enumerate(sorted(set(sources)))}


def safe(text) -> str:
    """Article text, titles and source names escaped: plotly renders a subset of HTML in labels."""
    return html.escape(str(text), quote=False)


def _wrap(text: str, width: int = 70) -> str:
    """Escaped and wrapped for a hover box."""
    return "<br>".join(safe(line) for line in textwrap.wrap(str(text), width)) if text else ""


def _short(text: str, width: int = 48) -> str:
    text = str(text)
    return safe(text if len(text) <= width else text[: width - 1].rstrip() + "…")


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
    return _layout(fig, height=max(300, 26 * len(top) + 90))


def _sentences_with_source(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    return sentences.merge(documents[["doc_id", "source", "title"]], on="doc_id", how="left")


def longest_articles(sentences: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The sentences of the `limit` articles with most sentences: per-article charts stay legible."""
    if sentences["doc_id"].nunique() <= limit:
        return sentences
    keep = sentences["doc_id"].value_counts().nlargest(limit).index
    return sentences[sentences["doc_id"].isin(keep)]


def sentiment_by_source(sentences: pd.DataFrame, documents: pd.DataFrame) -> go.Figure:
    """The distribution of sentence tone per source (box + every sentence), not just a mean."""
    if sentences.empty:
        return empty_figure()
    data = _sentences_with_source(sentences, documents)
    data["sentence"] = data["text"].map(_wrap)
    data["source"] = data["source"].map(safe)
    fig = px.box(
        data, x="compound", y="source", color="source",
        points="all" if len(data) <= MAX_POINTS else "outliers",
        color_discrete_map=source_colors(data["source"]),
        hover_data={"sentence": True, "source": False, "compound": ":.2f"},
        labels={"compound": "Sentence sentiment (VADER compound)", "source": ""},
        title="Sentence sentiment by source",
    )
    fig.update_traces(jitter=0.4, pointpos=0, marker=dict(size=6, opacity=0.6))
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor="#999")
    fig.update_layout(showlegend=False)
    return _layout(fig, height=max(260, 90 * data["source"].nunique() + 100))


def sentiment_by_article(sentences: pd.DataFrame, documents: pd.DataFrame, limit: int = 20) -> go.Figure:
    """One violin per article (the `limit` longest): how its sentences spread in tone."""
    if sentences.empty:
        return empty_figure()
    data = _sentences_with_source(longest_articles(sentences, limit), documents)
    data["article"] = data["source"].map(safe) + ": " + data["title"].map(_short)
    data["sentence"] = data["text"].map(_wrap)
    fig = px.violin(
        data, x="compound", y="article", color="source", box=True,
        points="all" if len(data) <= MAX_POINTS else False,
        color_discrete_map=source_colors(data["source"]),
        hover_data={"sentence": True, "article": False, "compound": ":.2f"},
        labels={"compound": "Sentence sentiment (VADER compound)", "article": ""},
        title="Sentence sentiment by article",
    )
    fig.update_traces(side="positive", width=1.6, pointpos=-0.4, jitter=0.25,
                      marker=dict(size=5, opacity=0.6), spanmode="hard")
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor="#999")
    return _layout(fig, height=max(280, 110 * data["article"].nunique() + 100))


def paragraph_arc(sentences: pd.DataFrame, documents: pd.DataFrame, limit: int = 12) -> go.Figure:
    """Mean tone paragraph by paragraph through each article (the `limit` longest)."""
    if sentences.empty:
        return empty_figure()
    data = _sentences_with_source(longest_articles(sentences, limit), documents)
    arc = (
        data.groupby(["doc_id", "source", "title", "paragraph"], as_index=False)
        .agg(compound=("compound", "mean"), sentences=("text", "size"), first=("text", "first"))
    )
    arc["article"] = arc["source"].map(safe) + ": " + arc["title"].map(_short)
    arc["opening"] = arc["first"].map(lambda t: _wrap(_short(t, 160)))
    arc["paragraph"] = arc["paragraph"] + 1
    colours = source_colors(arc["source"])
    fig = px.line(
        arc, x="paragraph", y="compound", color="article", markers=True, line_dash="source",
        color_discrete_map={a: colours[s] for a, s in zip(arc["article"], arc["source"])},
        hover_data={"opening": True, "sentences": True, "article": False, "source": False,
                    "compound": ":.2f"},
        labels={"paragraph": "Paragraph", "compound": "Mean sentiment", "article": ""},
        title="Sentiment paragraph by paragraph",
    )
    fig.add_hline(y=0, line_color="#999", line_width=1)
    fig.update_yaxes(range=[-1.05, 1.05])
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.18))
    return _layout(fig, height=420)
