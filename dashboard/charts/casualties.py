"""Casualty charts: totals per incident by category, what each source reports, and totals over
the event date. The frames come from analysis.casualties.views; nothing here adds reports up."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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


DAY_BARS_UP_TO = 120  # days of event dates drawn a bar per day; weeks up to WEEK_BARS_UP_TO, then months
WEEK_BARS_UP_TO = 3 * 366
IDS_IN_HOVER = 12  # incident ids a bar's hover lists; it says how many more there are


def over_time_unit(first: date | pd.Timestamp | None, last: date | pd.Timestamp | None) -> str:
    """The period a chart over event dates counts by: days over a few months, weeks over a few
    years, months beyond. Ten years of daily bars are thousands of slivers nobody can read, and
    each costs the browser time to draw (2,700 of them took seconds on every filter change)."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return "day"
    span = (pd.Timestamp(last) - pd.Timestamp(first)).days
    return "day" if span <= DAY_BARS_UP_TO else "week" if span <= WEEK_BARS_UP_TO else "month"


def _period_bounds(days: pd.Series, unit: str) -> tuple[pd.Series, pd.Series]:
    """The first and last day of the week (Monday to Sunday) or month of each of `days`."""
    if unit == "week":
        start = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
        return start, start + pd.Timedelta(days=6)
    if unit == "month":
        start = days.dt.to_period("M").dt.start_time
        return start, start + pd.offsets.MonthEnd(0)
    return days, days


def _capped_ids(joined: pd.Series) -> str:
    """Incident ids of one bar ("I1; I2", as analysis.casualties.views joins them), at most
    IDS_IN_HOVER of them, then how many more."""
    ids = [i for text in joined for i in str(text).split("; ") if i]
    more = len(ids) - IDS_IN_HOVER
    return "; ".join(ids[:IDS_IN_HOVER]) + (f" … and {more:,} more" if more > 0 else "")


def binned_over_time(over_time: pd.DataFrame, unit: str) -> pd.DataFrame:
    """`over_time` (analysis.casualties.views.totals_over_time: date, category, conservative,
    incidents, incident_ids) summed per `unit` ("day", "week" or "month") and category, with each
    period's first and last day (`start`, `end`) and what a hover calls it (`period`)."""
    days = pd.to_datetime(over_time["date"])
    start, end = _period_bounds(days, unit)
    data = over_time.assign(date=start, end=end)
    grouped = data.groupby(["date", "category"], sort=True)
    out = grouped.agg(end=("end", "first"), conservative=("conservative", "sum"), incidents=("incidents", "sum"),
                      incident_ids=("incident_ids", _capped_ids)).reset_index()
    fmt = {"day": "%-d %b %Y", "week": "week of %-d %b %Y", "month": "%B %Y"}[unit]
    out["period"] = out["date"].dt.strftime(fmt)
    out["start"] = out["date"].dt.strftime("%Y-%m-%d")
    out["end"] = out["end"].dt.strftime("%Y-%m-%d")
    return out


def totals_over_time(over_time: pd.DataFrame) -> go.Figure:
    """Per event date, the sum of the incidents' conservative figures: one row per category, each
    on its own scale (thousands displaced would flatten a dozen killed on a shared axis). Over
    more than DAY_BARS_UP_TO days a bar sums a week, over more than WEEK_BARS_UP_TO a month (the
    title says which); each bar carries its first and last day for `selected_dates`."""
    if over_time.empty:
        return empty_figure("No dated casualty figures for these filters.")
    dates = pd.to_datetime(over_time["date"])
    first, last = dates.min(), dates.max()
    unit = over_time_unit(first, last)
    data = binned_over_time(over_time, unit)
    order = _category_order(data["category"])
    per = "event date" if unit == "day" else f"{unit} of event date"
    title = f"People by {per} (each incident once, at its conservative figure)"
    if unit != "day":
        title += f"<br><sup>{(last - first).days + 1:,} days, a bar per {unit}: narrow the date range to " \
                 f"{DAY_BARS_UP_TO} days or fewer for a bar per day</sup>"
    # One go.Bar per row instead of px.bar(facet_row=...): built with plotly express this chart
    # took 0.41 s of every Casualties filter change at 10,000 articles (17,700 incidents); 0.2 s so.
    fig = make_subplots(rows=len(order), cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_titles=[_category_label(category) for category in order])
    for row, category in enumerate(order, start=1):
        bars = data[data["category"] == category]
        fig.add_trace(go.Bar(
            x=bars["date"], y=bars["conservative"], name=category, marker_color=CATEGORY_COLORS.get(category),
            customdata=bars[["incidents", "incident_ids", "category", "start", "end", "period"]].to_numpy(),
            hovertemplate=("<b>%{customdata[5]}</b><br>%{customdata[2]}: %{y:,} in "
                           "%{customdata[0]} incident(s)<br>%{customdata[1]}<extra></extra>"),
        ), row=row, col=1)
    fig.update_layout(title=title)
    fig.update_xaxes(title_text="Event date", row=len(order), col=1)
    if unit != "day":  # each bar spans its period
        fig.update_traces(xperiod="M1" if unit == "month" else 7 * 86_400_000, xperiodalignment="middle",
                          **({} if unit == "month" else {"xperiod0": "2000-01-03"}))  # a Monday
    fig.update_yaxes(rangemode="tozero", nticks=4)
    fig.update_annotations(textangle=0, xanchor="left")  # the row titles, right of each row
    days = (last - first).days
    if days <= 45:  # day bars, a few days of air either side (one date would fill the axis)
        pad = pd.Timedelta(days=max(2, days // 8))
        fig.update_traces(width=86_400_000 * 0.8)
        fig.update_xaxes(tickformat="%-d %b %Y", dtick=86_400_000 if days <= 14 else None,
                         range=[first - pad, last + pad])
    fig.update_layout(showlegend=False, bargap=0.15)
    layout(fig, height=110 * len(order) + 140)
    return fig.update_layout(margin={"r": 90, **({"t": 80} if unit != "day" else {})})


def selected_dates(selection) -> tuple[date, date] | None:
    """The event dates an analyst picked on `totals_over_time`: a box's x-span, else the days of
    the clicked bars. None when nothing usable was selected."""
    if not selection:
        return None
    days: list[date] = []
    for box in selection.get("box") or []:
        days.extend(_as_day(x) for x in (box.get("x") or []))
    if not days:
        days = [day for point in selection.get("points") or [] for day in _point_days(point)]
    days = [d for d in days if d is not None]
    return (min(days), max(days)) if days else None


def _point_days(point: dict) -> list[date | None]:
    """The days a clicked bar stands for: its period's first and last day (customdata 3 and 4 of
    `totals_over_time`), else the day at its x."""
    data = point.get("customdata")
    if isinstance(data, (list, tuple)) and len(data) >= 5:
        return [_as_day(data[3]), _as_day(data[4])]
    return [_as_day(point.get("x"))]


def _as_day(value) -> date | None:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp.round("D").date()  # bars are centred on midnight
