"""Casualty charts: totals per incident by category, what each source reports, and totals over
the event date. The frames come from analysis.casualties.views; nothing here adds reports up."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.charts.common import empty_figure, layout, safe

CATEGORY_COLORS = {
    "killed": "#b2182b", "injured": "#ef8a62", "killed_or_injured": "#a6611a", "missing": "#8073ac",
    "displaced": "#4393c3", "detained": "#5e5e5e",
}
MAX_SOURCES = 15  # the by-source chart shows the sources reporting most incidents
LOG_RATIO = 30  # above this spread between categories the totals chart uses a log axis
EMPTY = "No casualty figures for these filters."


def _category_label(text: str) -> str:
    """A category as a reader names it ("killed or injured"), from the category or from a
    facet's title ("category=killed_or_injured")."""
    return text.split("=")[-1].replace("_", " ")


def _category_order(categories) -> list[str]:
    present = list(dict.fromkeys(categories))
    return [c for c in CATEGORY_COLORS if c in present] + sorted(c for c in present if c not in CATEGORY_COLORS)


def totals_by_category(totals: pd.DataFrame) -> go.Figure:
    """One bar per category: the sum of each incident's conservative figure; the whisker reaches
    the sum of the highest reports, so the spread between sources stays visible."""
    if totals.empty:
        return empty_figure(EMPTY)
    data = totals.copy()
    data["category"] = pd.Categorical(data["category"], _category_order(data["category"]), ordered=True)
    data = data.sort_values("category")
    data["category"] = data["category"].astype(str)
    # Whiskers only where sources differ (NaN draws nothing; a zero would still draw a cap).
    extra = (data["high"] - data["conservative"]).clip(lower=0).astype(float).replace(0, float("nan"))
    below = (data["conservative"] - data["low"]).clip(lower=0).astype(float).replace(0, float("nan"))
    fig = go.Figure(go.Bar(
        x=data["conservative"], y=[_category_label(c) for c in data["category"]], orientation="h",
        marker_color=[CATEGORY_COLORS.get(c, "#999") for c in data["category"]],
        error_x={"type": "data", "symmetric": False, "array": extra, "arrayminus": below, "color": "#444",
                 "thickness": 1.5},
        text=[f"{v:,}" for v in data["conservative"]], textposition="inside", insidetextanchor="start",
        customdata=data[["incidents", "low", "high", "reports", "sources"]].to_numpy(),
        hovertemplate=("<b>%{y}</b>: %{x:,} (conservative, summed over %{customdata[0]} incident(s))"
                       "<br>range across sources: %{customdata[1]:,}–%{customdata[2]:,}"
                       "<br>%{customdata[3]} report(s) from %{customdata[4]} source(s)<extra></extra>"),
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    title = "People: each incident's conservative figure, summed"
    positive = data.loc[data["conservative"] > 0, "conservative"]
    if not positive.empty and positive.max() / positive.min() > LOG_RATIO:
        # Thousands displaced next to a dozen killed: on a linear axis the small bars vanish.
        fig.update_xaxes(type="log", dtick=1, title=title + " (log scale)")
    else:
        fig.update_xaxes(title=title, rangemode="tozero")
    fig.update_layout(title="Totals by category, per incident", showlegend=False)
    return layout(fig, height=max(220, 60 * len(data) + 120))


def figures_by_source(totals: pd.DataFrame, limit: int = MAX_SOURCES) -> go.Figure:
    """What each source reports: one panel per category (each on its own scale, so dozens killed
    stay legible beside thousands displaced), a bar per source: its figure for each incident it
    covers, summed over those incidents (one figure per source and incident)."""
    if totals.empty:
        return empty_figure(EMPTY)
    data = totals.copy()
    busiest = data.groupby("source")["incidents"].sum().sort_values(ascending=False)
    keep = list(busiest.index[:limit])
    data = data[data["source"].isin(keep)]
    data["source_label"] = data["source"].map(safe)
    order = _category_order(data["category"])
    fig = px.bar(
        data, x="total", y="source_label", color="category", facet_col="category", orientation="h",
        category_orders={"category": order, "source_label": [safe(s) for s in keep]},
        color_discrete_map=CATEGORY_COLORS, text="total",
        custom_data=["incidents", "category"],
        labels={"total": "", "source_label": "", "category": ""},
        facet_col_spacing=0.04,
    )
    fig.update_traces(texttemplate="%{x:,}", textposition="auto", cliponaxis=False,
                      hovertemplate=("<b>%{y}</b><br>%{customdata[1]}: %{x:,} across %{customdata[0]} "
                                     "incident(s)<extra></extra>"))
    fig.update_xaxes(matches=None, showticklabels=False, rangemode="tozero")
    # Panels are narrow: a two-word category takes two lines rather than its neighbour's space.
    fig.for_each_annotation(lambda a: a.update(text=_category_label(a.text).replace(" or ", "<br>or ")))
    title = "What each source reports (per incident, summed)"
    if len(busiest) > limit:
        title += f": the {limit} sources covering most incidents of {len(busiest)}"
    fig.update_layout(title=title, showlegend=False)
    two_lines = any("<br>" in a.text for a in fig.layout.annotations)
    return layout(fig, height=max(200, 34 * len(keep) + 140)).update_layout(margin_t=70 if two_lines else 40)


def totals_over_time(over_time: pd.DataFrame) -> go.Figure:
    """Per event date, the sum of the incidents' conservative figures: one row per category, each
    on its own scale (thousands displaced would flatten a dozen killed on a shared axis)."""
    if over_time.empty:
        return empty_figure("No dated casualty figures for these filters.")
    data = over_time.copy()
    data["date"] = pd.to_datetime(data["date"])
    order = _category_order(data["category"])
    fig = px.bar(
        data, x="date", y="conservative", color="category", facet_row="category",
        category_orders={"category": order},
        color_discrete_map=CATEGORY_COLORS,
        custom_data=["incidents", "incident_ids", "category"],
        labels={"date": "Event date", "conservative": "", "category": ""},
        title="People by event date (each incident once, at its conservative figure)",
        facet_row_spacing=0.06,
    )
    fig.update_traces(hovertemplate=("<b>%{x|%-d %b %Y}</b><br>%{customdata[2]}: %{y:,} in "
                                     "%{customdata[0]} incident(s)<br>%{customdata[1]}<extra></extra>"))
    fig.update_yaxes(matches=None, rangemode="tozero", nticks=4)
    fig.for_each_annotation(lambda a: a.update(text=_category_label(a.text), textangle=0, xanchor="left"))
    first, last = data["date"].min(), data["date"].max()
    days = (last - first).days
    if days <= 45:  # day bars, a few days of air either side (one date would fill the axis)
        pad = pd.Timedelta(days=max(2, days // 8))
        fig.update_traces(width=86_400_000 * 0.8)
        fig.update_xaxes(tickformat="%-d %b %Y", dtick=86_400_000 if days <= 14 else None,
                         range=[first - pad, last + pad])
    fig.update_layout(showlegend=False, bargap=0.15)
    layout(fig, height=110 * len(order) + 140)
    return fig.update_layout(margin={"r": 90})  # room for the category names on the right


def selected_dates(selection) -> tuple[date, date] | None:
    """The event dates an analyst picked on `totals_over_time`: a box's x-span, else the days of
    the clicked bars. None when nothing usable was selected."""
    if not selection:
        return None
    days: list[date] = []
    for box in selection.get("box") or []:
        days.extend(_as_day(x) for x in (box.get("x") or []))
    if not days:
        days = [_as_day(point.get("x")) for point in selection.get("points") or []]
    days = [d for d in days if d is not None]
    return (min(days), max(days)) if days else None


def _as_day(value) -> date | None:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp.round("D").date()  # bars are centred on midnight
