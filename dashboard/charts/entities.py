"""Entity charts."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.entities.views import network_layout
from dashboard.charts.common import (
    LABEL_COLORS,
    empty_figure,
    layout,
    safe,
    short,
    source_colors,
    type_colors,
    type_name,
    wrap,
)


def top_entities(entities: pd.DataFrame, limit: int = 15) -> go.Figure:
    """The most mentioned entities, coloured by type."""
    if entities.empty:
        return empty_figure("No entities for these filters.")
    top = entities.nlargest(limit, "mentions").iloc[::-1].assign(entity=lambda t: t["entity"].map(safe),
                                                                 label=lambda t: t["label"].map(type_name))
    fig = px.bar(
        top, x="mentions", y="entity", color="label", orientation="h",
        color_discrete_map=type_colors(),
        hover_data={"documents": True, "sources": True, "label": True},
        labels={"mentions": "Mentions", "entity": "", "label": "Type"},
        title=f"Top {len(top)} entities",
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(top["entity"]))
    return layout(fig, height=max(300, 26 * len(top) + 90))


# --- The Entities page -------------------------------------------------------------------------
# Every entity chart carries the raw (unescaped) entity name as customdata[0] of each point, so a
# click (plotly selection event) can be turned back into an entity filter: see `selected_entities`.

NETWORK_LABELLED = 60  # at most this many names on the network; fewer where they would collide
# The network's drawing area in pixels and data units (its axes' ranges), for placing names.
NETWORK_PX = (900, 600)
NETWORK_X = (-1.2, 1.2)
NETWORK_Y = (-1.15, 1.22)
LABEL_CHAR_PX = 6.4  # mean width of a character at font size 11
LABEL_HEIGHT_PX = 15


def selected_entities(points: list[dict]) -> list[str]:
    """The entity names behind selected chart points (customdata[0]), in order, without repeats."""
    names: dict[str, None] = {}
    for point in points or []:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and data:
            data = data[0]
        if isinstance(data, str) and data:
            names[data] = None
    return list(names)


def _heading(fig: go.Figure, title: str, names: list[str], height: int, *, top: int = 50,
             axis_title: bool = True, width: int = 400, gap: int = 8) -> go.Figure:
    """Title at the top, then a horizontal legend sized for its rows, then the plot (`height`
    pixels): with several long source names a legend left to plotly runs into the title, or,
    at the foot, is clipped to one row."""
    rows = _legend_rows(names, width)
    head = top + 24 * rows
    layout(fig, height=height + head + (50 if axis_title else 10))
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", xref="container", y=1, yanchor="top", yref="container",
                   pad=dict(t=12, l=10)),
        legend=dict(orientation="h", x=0, xanchor="left", y=1 + gap / max(height, 1), yanchor="bottom"),
        margin=dict(l=10, r=10, t=head, b=50 if axis_title else 10), showlegend=bool(names),
    )
    return fig


def _legend_rows(names: list[str], width: int) -> int:
    """About how many rows a horizontal legend of `names` takes in a half-page chart."""
    if not names:
        return 0
    rows, used = 1, 0
    for name in names:
        item = 50 + 8 * len(name)
        if used and used + item > width:
            rows, used = rows + 1, 0
        used += item
    return rows


def _label_order(labels: pd.Series, weights: pd.Series) -> list[str]:
    return list(weights.groupby(labels).sum().sort_values(ascending=False).index)


OTHER_COLOR = "#c7c7c7"


def entities_by_type_and_source(counts: pd.DataFrame, per_type: int = 8, max_types: int = 6,
                                max_sources: int = 10) -> go.Figure:
    """The most mentioned entities of each type (one panel per type), bars stacked by source.

    The `max_sources` sources with most mentions get their own colour; the rest are stacked as
    one grey "N other sources" segment, so a corpus of a hundred outlets keeps a legible legend.
    `counts` is analysis.entities.views.mentions_by_source: entity, label, source, mentions."""
    if counts.empty:
        return empty_figure("No entities for these filters.")
    counts = counts.astype({"label": str, "entity": str, "source": str})
    # The distinct names, not the column: a set over 48,000 rows of strings took 40 ms.
    colours = source_colors(counts["source"].unique())
    kept = _busiest(counts, "source", "mentions", max_sources)
    stack = list(kept)
    if len(colours) > len(kept):
        other = f"{len(colours) - len(kept)} other sources"
        counts = counts.assign(source=counts["source"].where(counts["source"].isin(kept), other))
        colours[other] = OTHER_COLOR
        stack.append(other)
    totals = counts.groupby(["label", "entity"], as_index=False)["mentions"].sum()
    types = _label_order(totals["label"], totals["mentions"])[:max_types]
    tops = {label: (totals[totals["label"] == label].sort_values(["mentions", "entity"], ascending=[False, True])
                    .head(per_type)["entity"].tolist()) for label in types}
    bars = _mentions_grid(counts, tops)
    rows = [len(tops[label]) for label in types]
    fig = make_subplots(rows=len(types), cols=1, shared_xaxes=True, row_heights=rows,
                        vertical_spacing=min(0.06, 0.3 / max(1, len(types))),
                        subplot_titles=[f"{type_name(label)} · top {len(tops[label])}" for label in types])
    in_legend: set[str] = set()
    for row, label in enumerate(types, start=1):
        order = tops[label][::-1]
        panel = bars.loc[label].reindex(order)
        for source in [s for s in stack if s in panel.columns and panel[s].notna().any()]:
            mine = panel[source].dropna().astype(int)
            fig.add_trace(go.Bar(
                x=mine.to_numpy(), y=[safe(e) for e in mine.index], orientation="h",
                name=safe(source), legendgroup=safe(source), showlegend=source not in in_legend,
                marker_color=colours[source], customdata=[[e] for e in mine.index],
                hovertemplate=(f"<b>%{{y}}</b> ({type_name(label)})<br>{safe(source)}: %{{x}} mention(s)"
                               "<extra></extra>"),
            ), row=row, col=1)
            in_legend.add(source)
        fig.update_yaxes(categoryorder="array", categoryarray=[safe(e) for e in order], row=row, col=1)
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_xaxes(title_text="Mentions", row=len(types), col=1)
    fig.update_annotations(font_size=12, xanchor="left", x=0)
    return _heading(fig, "Most mentioned entities by type, by source", [safe(s) for s in stack],
                    height=24 * sum(rows) + 40 * len(types), top=68, gap=28, width=650)


def _mentions_grid(counts: pd.DataFrame, tops: dict[str, list[str]]) -> pd.DataFrame:
    """Mentions of the charted entities: one row per (label, entity) of `tops`, one column per
    source, empty where a source never names it. One pivot of the few charted rows instead of
    filtering the whole table for every bar trace (that took half the chart's time at 10,000
    articles)."""
    charted = pd.DataFrame([(label, entity) for label, names in tops.items() for entity in names],
                           columns=["label", "entity"])
    rows = counts.merge(charted, on=["label", "entity"])
    return rows.pivot_table(index=["label", "entity"], columns="source", values="mentions", aggfunc="sum")


def _busiest(frame: pd.DataFrame, column: str, weight: str, limit: int) -> list[str]:
    """The `limit` values of `column` with the largest total `weight` (ties by name), sorted."""
    totals = frame.groupby(column)[weight].sum()
    return sorted(sorted(totals.index, key=lambda v: (-totals[v], v))[:limit])


def mention_heatmap(density: pd.DataFrame, max_sources: int = 20) -> go.Figure:
    """Entity x source: mentions per 1,000 words of the source's articles (cell text), raw counts
    on hover. `density` is analysis.entities.views.mention_density, entities in display order; the
    `max_sources` sources naming these entities most are shown (columns stay readable)."""
    if density.empty:
        return empty_figure("No entities for these filters.")
    density = density.astype({"entity": str, "source": str})
    entities = list(dict.fromkeys(density["entity"]))
    sources = _busiest(density, "source", "mentions", max_sources)
    capped = density["source"].nunique() > len(sources)
    table = density.astype({"entity": str, "source": str}).set_index(["entity", "source"])
    # Few sources: upright names wrapped on two lines; more: slanted, so neighbours never collide.
    upright = len(sources) <= 3
    ticks = [wrap(s if len(s) <= 40 else s[:39] + "…", 16) if upright else short(s, 24) for s in sources]
    z, custom = [], []
    for entity in entities:
        z.append([float(table.loc[(entity, s), "per_1000_words"]) for s in sources])
        custom.append([[entity, int(table.loc[(entity, s), "mentions"]), int(table.loc[(entity, s), "words"])]
                       for s in sources])
    names = [safe(e) for e in entities]
    fig = go.Figure(go.Heatmap(
        z=z, x=ticks, y=names, hoverinfo="skip",
        text=[[f"{v:.1f}" if v > 0 else "" for v in row] for row in z],
        colorscale="Blues", zmin=0, texttemplate="%{text}", textfont=dict(size=11),
        colorbar=dict(title=dict(text="per 1,000<br>words", side="top"), thickness=12),
        xgap=1, ygap=1,
    ))
    # plotly.js cannot select heatmap cells, so an invisible marker on each cell carries the
    # hover and the click (its customdata[0] is the raw entity name, as on every entity chart).
    fig.add_trace(go.Scatter(
        x=[t for _ in entities for t in ticks], y=[n for n in names for _ in sources], mode="markers",
        marker=dict(symbol="square", size=22, opacity=0.01), showlegend=False,
        selected=dict(marker=dict(opacity=0.01)), unselected=dict(marker=dict(opacity=0.01)),
        customdata=[cell + [value] for row, values in zip(custom, z) for cell, value in zip(row, values)],
        hovertemplate="<b>%{y}</b> in %{x}<br>%{customdata[1]} mention(s) in %{customdata[2]:,} words"
                      "<br>%{customdata[3]:.1f} per 1,000 words<extra></extra>",
    ))
    # Hover (and click) the nearest cell centre with no cutoff: on a regular grid that is the
    # cell under the pointer, wherever in the cell it is.
    fig.update_layout(hoverdistance=-1)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top", tickangle=0 if upright else -35)
    if upright:
        head = 50 + 16 * max(t.count("<br>") + 1 for t in ticks)
    else:
        head = 60 + int(5.5 * max(len(s) for s in ticks))
    title = "Mentions per 1,000 words of each source"
    if capped:
        title += f" (the {len(sources)} sources naming them most)"
    return _heading(fig, title, [],
                    height=max(200, 24 * len(entities)), top=head, axis_title=False)


def entity_sentiment(sentiment: pd.DataFrame, limit: int = 20, min_sentences: int = 3,
                     max_sources: int = 8) -> go.Figure:
    """Mean tone of the sentences naming each entity, one dot per source with its 95% interval.

    Dot area grows with the number of sentences; a value from fewer than `min_sentences` is drawn
    hollow and without an interval, and n is in every hover, so one sentence never reads as a
    trend. `sentiment` is analysis.entities.views.entity_sentiment."""
    if sentiment.empty:
        return empty_figure("No entity sentences for these filters.")
    data = sentiment.astype({"entity": str, "source": str})
    # One dot per source in each row: past a handful of sources the rows become unreadable, so
    # the sources with most entity sentences are shown, then their best-evidenced entities.
    sources = _busiest(data, "source", "sentences", max_sources)
    capped = data["source"].nunique() > len(sources)
    data = data[data["source"].isin(sources)]
    weight = data.groupby("entity")["sentences"].sum().sort_values(ascending=False)
    order = sorted(weight.index, key=lambda e: (-weight[e], e))[:limit]
    data = data[data["entity"].isin(order)]
    colours = source_colors(sentiment["source"].astype(str))
    biggest = max(1, int(data["sentences"].max()))
    fig = go.Figure()
    for source in sorted(data["source"].unique()):
        mine = data[data["source"] == source]
        shown = False
        # Two traces per source share one offset slot: values with an interval, and hollow ones
        # without (a zero-length error bar would still draw a cap, which reads as a tiny interval).
        for trend, part in ((True, mine[mine["sentences"] >= min_sentences]),
                            (False, mine[mine["sentences"] < min_sentences])):
            if part.empty:
                continue
            interval = ("<br>95% interval %{customdata[2]:+.2f} … %{customdata[3]:+.2f}" if trend
                        else "<br><i>too few sentences to read as a trend</i>")
            fig.add_trace(go.Scatter(
                x=part["compound"], y=[safe(e) for e in part["entity"]], mode="markers", orientation="h",
                name=safe(source), legendgroup=safe(source), showlegend=not shown,
                offsetgroup=safe(source), alignmentgroup="sources",
                marker=dict(color=colours[source], line=dict(color=colours[source], width=2),
                            size=[7 + 15 * (n / biggest) ** 0.5 for n in part["sentences"]],
                            symbol="circle" if trend else "circle-open"),
                error_x=dict(type="data", symmetric=False, thickness=1.2, width=3, color=colours[source],
                             array=(part["high"] - part["compound"]).tolist(),
                             arrayminus=(part["compound"] - part["low"]).tolist(), visible=trend),
                customdata=[[e, int(n), lo, hi] for e, n, lo, hi
                            in zip(part["entity"], part["sentences"], part["low"], part["high"])],
                hovertemplate=(f"<b>%{{y}}</b> in {safe(source)}<br>mean tone %{{x:+.2f}} over "
                               f"%{{customdata[1]}} sentence(s){interval}<extra></extra>"),
            ))
            shown = True
    fig.add_vline(x=0, line_color="#999", line_width=1)
    fig.update_xaxes(range=[-1.05, 1.05], title_text="Mean sentiment of the sentences naming the entity "
                     "(VADER compound)")
    fig.update_yaxes(categoryorder="array", categoryarray=[safe(e) for e in order][::-1])
    fig.update_layout(scattermode="group", scattergap=0.5)
    title = f"Entity-targeted sentiment (hollow: fewer than {min_sentences} sentences)"
    if capped:
        title += f", the {len(sources)} sources with most sentences"
    return _heading(fig, title,
                    [safe(s) for s in sorted(data["source"].unique())], height=max(200, 30 * len(order)),
                    width=700)


def _strongest_edges(pairs: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Up to `limit` pairs: each entity's strongest link first (so no well-mentioned entity
    vanishes because its links are weaker than the hub's), then the strongest of the rest."""
    pairs = pairs.sort_values("sentences", ascending=False, kind="stable")
    ends = pd.concat([pairs["source_entity"], pairs["target_entity"]])
    backbone = set(ends[~ends.duplicated()].index)  # first (strongest) row each entity appears in
    chosen = list(pairs.index[pairs.index.isin(backbone)])[:limit]
    rest = [i for i in pairs.index if i not in backbone][: max(0, limit - len(chosen))]
    keep = set(chosen) | set(rest)
    return pairs.loc[[i for i in pairs.index if i in keep]]


def _segments(positions: pd.DataFrame, edges: pd.DataFrame) -> tuple[list, list]:
    """The x and y of a line from each edge's source_entity to its target_entity, each line
    followed by None so that one trace draws them all apart. `positions` is indexed by entity.
    The ends are looked up all at once: one lookup per end took about 12 ms for 150 edges."""
    starts = positions.loc[edges["source_entity"], ["x", "y"]].to_numpy().tolist()
    ends = positions.loc[edges["target_entity"], ["x", "y"]].to_numpy().tolist()
    xs: list = []
    ys: list = []
    for (x0, y0), (x1, y1) in zip(starts, ends):
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    return xs, ys


Box = tuple[float, float, float, float]  # left, bottom, right, top in pixels


def _label_box(x: float, y: float, name: str, radius: float, above: bool) -> Box:
    """The pixels the name of a node at data point (x, y) covers, above or below its marker."""
    px_x = (x - NETWORK_X[0]) / (NETWORK_X[1] - NETWORK_X[0]) * NETWORK_PX[0]
    px_y = (y - NETWORK_Y[0]) / (NETWORK_Y[1] - NETWORK_Y[0]) * NETWORK_PX[1]
    half = len(name) * LABEL_CHAR_PX / 2
    bottom = px_y + radius if above else px_y - radius - LABEL_HEIGHT_PX
    return px_x - half, bottom, px_x + half, bottom + LABEL_HEIGHT_PX


def _overlaps(box: Box, others: list[Box]) -> bool:
    return any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in others)


def place_labels(nodes: pd.DataFrame, sizes: dict[str, float], limit: int) -> dict[str, str]:
    """Entity -> "top center" or "bottom center" for the names that fit: the most mentioned first,
    each above its marker, else below, unless it would run into a name already placed. `nodes`
    has entity, x, y in the network's data units, most mentioned first; `sizes` are marker
    diameters in pixels. Names that do not fit stay on hover: overlapping names help nobody."""
    placed: list[Box] = []
    positions: dict[str, str] = {}
    for entity, x, y in nodes[["entity", "x", "y"]].itertuples(index=False):
        if len(positions) >= limit:
            break
        for above in (True, False):
            box = _label_box(x, y, entity, sizes[entity] / 2, above)
            if not _overlaps(box, placed):
                placed.append(box)
                positions[entity] = "top center" if above else "bottom center"
                break
    return positions


def cooccurrence_network(entities: pd.DataFrame, pairs: pd.DataFrame, max_nodes: int = 60,
                         max_edges: int = 150, min_sentences: int = 1,
                         labelled: int = NETWORK_LABELLED) -> go.Figure:
    """Entities named in the same sentence, as a node-link drawing.

    Nodes: the `max_nodes` most mentioned entities that share a sentence with another shown one,
    sized by mentions and coloured by type; up to `labelled` are named, the biggest first, each
    where its name runs into no other (place_labels; every name on hover).
    Edges: up to `max_edges` pairs with at least `min_sentences` shared sentences, each entity's
    strongest link kept first, drawn thicker and darker the more sentences they share. `entities` has entity, label, mentions;
    `pairs` is analysis.entities.views.cooccurrence."""
    if entities.empty or pairs.empty:
        return empty_figure("No two entities share a sentence for these filters.")
    ranked = entities.astype({"entity": str}).sort_values(["mentions", "entity"], ascending=[False, True])
    ranked = ranked.drop_duplicates("entity")
    candidates = set(ranked["entity"].head(max_nodes))
    edges = _strongest_edges(pairs[pairs["source_entity"].isin(candidates) & pairs["target_entity"].isin(candidates)
                                   & (pairs["sentences"] >= min_sentences)], max_edges)
    if edges.empty:
        return empty_figure("No pair of entities shares enough sentences: lower the minimum.")
    linked = set(edges["source_entity"]) | set(edges["target_entity"])
    nodes = ranked[ranked["entity"].isin(linked)].reset_index(drop=True)
    positions = network_layout(nodes["entity"].tolist(), edges).set_index("entity")
    fig = go.Figure()
    strongest = float(edges["sentences"].max())
    buckets = [(0.0, 0.34, 0.7, "rgba(120,120,120,0.25)"), (0.34, 0.67, 1.8, "rgba(90,90,90,0.45)"),
               (0.67, 1.01, 3.5, "rgba(60,60,60,0.65)")]
    share = edges["sentences"] / strongest
    for low, high, width, colour in buckets:
        xs, ys = _segments(positions, edges[(share > low) & (share <= high)])
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=width, color=colour),
                                     hoverinfo="skip", showlegend=False))
    degree = pd.concat([edges["source_entity"], edges["target_entity"]]).value_counts()
    biggest = float(nodes["mentions"].max())
    sizes = {e: 8 + 28 * (m / biggest) ** 0.5 for e, m in zip(nodes["entity"], nodes["mentions"])}
    placed = place_labels(nodes[["entity"]].join(positions, on="entity"), sizes, labelled)
    for label in _label_order(nodes["label"].astype(str), nodes["mentions"]):
        part = nodes[nodes["label"].astype(str) == label]
        fig.add_trace(go.Scatter(
            x=positions.loc[part["entity"], "x"], y=positions.loc[part["entity"], "y"],
            mode="markers+text", name=type_name(label),
            text=[safe(e) if e in placed else "" for e in part["entity"]],
            textposition=[placed.get(e, "top center") for e in part["entity"]],
            textfont=dict(size=11),
            marker=dict(size=[sizes[e] for e in part["entity"]],
                        color=LABEL_COLORS.get(label, "#888"), line=dict(color="white", width=1)),
            customdata=[[e, safe(e), int(m), int(degree.get(e, 0))]
                        for e, m in zip(part["entity"], part["mentions"])],
            hovertemplate=(f"<b>%{{customdata[1]}}</b> ({type_name(label)})<br>%{{customdata[2]}} mention(s)<br>"
                           "shares sentences with %{customdata[3]} shown entit(ies)<extra></extra>"),
        ))
    fig.update_xaxes(visible=False, range=list(NETWORK_X))
    fig.update_yaxes(visible=False, range=list(NETWORK_Y))
    fig.update_layout(plot_bgcolor="rgba(0,0,0,0)")
    _heading(fig, f"Named in the same sentence: {len(nodes)} entities, {len(edges)} links",
             list(dict.fromkeys(nodes["label"].astype(str).map(type_name))), height=NETWORK_PX[1], axis_title=False,
             width=NETWORK_PX[0])
    # No axes to make room for: without this plotly.js pads the left margin by a third of the width.
    fig.update_layout(margin_autoexpand=False)
    return fig
