"""Sentiment charts: distributions of sentence tone, not only means."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.charts.common import (
    MAX_POINTS,
    empty_figure,
    layout,
    safe,
    short,
    source_colors,
    wrap,
)


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
    if len(sentences) > MAX_POINTS:
        source_of = dict(zip(documents["doc_id"], documents["source"]))
        return _summary_boxes(pd.DataFrame({"source": sentences["doc_id"].map(source_of),
                                            "compound": sentences["compound"]}))
    data = _sentences_with_source(sentences, documents)
    data["sentence"] = data["text"].map(wrap)
    data["source"] = data["source"].map(safe)
    fig = px.box(
        data, x="compound", y="source", color="source", points="all",
        color_discrete_map=source_colors(data["source"]),
        hover_data={"sentence": True, "source": False, "compound": ":.2f"},
        labels={"compound": "Sentence sentiment (VADER compound)", "source": ""},
        title="Sentence sentiment by source",
    )
    fig.update_traces(jitter=0.4, pointpos=0, marker=dict(size=6, opacity=0.6))
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor="#999")
    fig.update_layout(showlegend=False)
    return layout(fig, height=max(260, 90 * data["source"].nunique() + 100))


def box_statistics(values: pd.DataFrame, by: str, column: str) -> pd.DataFrame:
    """Tukey box statistics per group: quartiles, mean, count and whiskers at the furthest
    values within 1.5 IQR, as plotly would compute them from the raw points."""
    grouped = values.groupby(by)[column]
    stats = pd.DataFrame({"q1": grouped.quantile(0.25), "median": grouped.median(), "q3": grouped.quantile(0.75),
                          "mean": grouped.mean(), "n": grouped.size()})
    iqr = stats["q3"] - stats["q1"]
    bounds = values[[by, column]].join((stats["q1"] - 1.5 * iqr).rename("low_limit"), on=by)
    bounds = bounds.join((stats["q3"] + 1.5 * iqr).rename("high_limit"), on=by)
    stats["lowerfence"] = bounds[bounds[column] >= bounds["low_limit"]].groupby(by)[column].min()
    stats["upperfence"] = bounds[bounds[column] <= bounds["high_limit"]].groupby(by)[column].max()
    return stats


def _summary_boxes(data: pd.DataFrame) -> go.Figure:
    """Boxes from precomputed statistics: with many sentences, sending every value to the
    browser would make the page slow without making the distribution clearer."""
    stats = box_statistics(data, "source", "compound")
    colours = source_colors(stats.index)
    fig = go.Figure()
    for source, row in stats.iloc[::-1].iterrows():
        name = safe(source)
        fig.add_trace(go.Box(
            y=[name], name=name, orientation="h", q1=[row["q1"]], median=[row["median"]], q3=[row["q3"]],
            mean=[row["mean"]], lowerfence=[row["lowerfence"]], upperfence=[row["upperfence"]],
            marker_color=colours[source], hoverinfo="x", showlegend=False,
        ))
    fig.update_layout(title=f"Sentence sentiment by source ({len(data):,} sentences)")
    fig.update_xaxes(title="Sentence sentiment (VADER compound)", range=[-1.05, 1.05], zeroline=True,
                     zerolinecolor="#999")
    return layout(fig, height=max(260, 60 * len(stats) + 100))


def sentiment_by_article(sentences: pd.DataFrame, documents: pd.DataFrame, limit: int = 20) -> go.Figure:
    """One violin per article (the `limit` longest): how its sentences spread in tone."""
    if sentences.empty:
        return empty_figure()
    data = _sentences_with_source(longest_articles(sentences, limit), documents)
    data["article"] = data["source"].map(safe) + ": " + data["title"].map(short)
    data["sentence"] = data["text"].map(wrap)
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
    return layout(fig, height=max(280, 110 * data["article"].nunique() + 100))


def _without_style(name: str, styles: list[str]) -> str:
    """A trace name without the ", <source>" plotly appends for the line dash."""
    for style in styles:
        if name.endswith(", " + style):
            return name[: -len(style) - 2]
    return name


def paragraph_arc(sentences: pd.DataFrame, documents: pd.DataFrame, limit: int = 12) -> go.Figure:
    """Mean tone paragraph by paragraph through each article (the `limit` longest)."""
    if sentences.empty:
        return empty_figure()
    data = _sentences_with_source(longest_articles(sentences, limit), documents)
    arc = (
        data.groupby(["doc_id", "source", "title", "paragraph"], as_index=False)
        .agg(compound=("compound", "mean"), sentences=("text", "size"), first=("text", "first"))
    )
    arc["article"] = arc["source"].map(safe) + ": " + arc["title"].map(short)
    arc["opening"] = arc["first"].map(lambda t: wrap(short(t, 160)))
    arc["paragraph"] = arc["paragraph"] + 1
    arc["style"] = arc["source"].map(safe)  # one dash per source; plotly shows it in the trace name
    colours = source_colors(arc["source"])
    fig = px.line(
        arc, x="paragraph", y="compound", color="article", markers=True, line_dash="style",
        color_discrete_map={a: colours[s] for a, s in zip(arc["article"], arc["source"])},
        hover_data={"opening": True, "sentences": True, "article": False, "style": False,
                    "compound": ":.2f"},
        labels={"paragraph": "Paragraph", "compound": "Mean sentiment", "article": ""},
        title="Sentiment paragraph by paragraph",
    )
    # plotly names a trace "<article>, <style>": the article already starts with its source.
    styles = sorted(set(arc["style"]), key=len, reverse=True)
    fig.for_each_trace(lambda trace: trace.update(name=_without_style(trace.name, styles)))
    fig.add_hline(y=0, line_color="#999", line_width=1)
    fig.update_yaxes(range=[-1.05, 1.05])
    fig.update_xaxes(tick0=1, dtick=1)  # paragraphs are counted: no "paragraph 1.5"
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.18))
    return layout(fig, height=420)
