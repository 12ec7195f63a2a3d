"""Timeline chart: dated events per source on one time axis, casualty figures on their dates and
the publication dates in a lane of their own; plus the highlighted evidence list.

Rows are numeric (0 = "Published", 1.. = sources) so the marks of one source can sit in sub-lanes:
day events on the row, week/month/year periods as bars just above it, casualty figures below.
Events of one source on one day share a marker (its size grows with the count), which keeps the
chart light for thousands of articles while a hover still quotes the evidence.
"""

from __future__ import annotations

import html
import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from analysis.timeline.views import reading
from dashboard.charts.common import (
    MAX_POINTS,
    empty_figure,
    layout,
    safe,
    short,
    source_colors,
    wrap,
)

PUBLISHED_ROW = "Published"
CASUALTY_COLOR = "#b2182b"
NEUTRAL = "#666"
MAX_EXAMPLES = 3  # sentences quoted in one hover
# Label placement: the chart's plot width in a wide layout and a label's width at font size 10.
PLOT_WIDTH_PX, LABEL_CHAR_PX, LABEL_PAD_PX = 850, 5.6, 16
MAX_LABELS = 40
ROW_PX, MIN_ROW_PX, ROWS_BUDGET_PX = 90, 30, 900  # height of a source's row, and of all rows together
BAR_OFFSET, BAR_STEP, BAR_LANES = -0.2, -0.11, 3  # period bars above the row (the y axis is reversed)
CASUALTY_OFFSET = 0.3
MS_PER_DAY = 86_400_000


def _day_label(stamp: pd.Timestamp) -> str:
    return f"{stamp:%a %-d %b %Y}"


def _period_label(start: pd.Timestamp, end: pd.Timestamp, granularity: str) -> str:
    if granularity == "year" and start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start:%Y}" if start.year == end.year else f"{start:%Y}–{end:%Y}"
    if granularity == "month" and start.day == 1 and (end + pd.Timedelta(days=1)).day == 1:
        same_month = (start.year, start.month) == (end.year, end.month)
        return f"{start:%b %Y}" if same_month else f"{start:%b %Y}–{end:%b %Y}"
    return f"{start:%-d %b %Y} – {end:%-d %b %Y}"


def _examples(events: pd.DataFrame) -> list[str]:
    """Each event as a hover paragraph: the expression, how it was read, and the sentence."""
    return [
        f"<b>“{safe(expression)}”</b> <i>({safe(reading(bool(rel), bool(est)))})</i><br>{wrap(text, 80)}<br>"
        f"<span style='color:#888'>— {short(title, 70)}</span>"
        for expression, rel, est, text, title in zip(events["expression"], events["relative"],
                                                     events["anchor_estimated"], events["text"], events["title"])
    ]


def _grouped(events: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per group of `keys` with its event count and the hover quotes of its first events.

    Only the quoted events are formatted, and fewer are quoted when the groups are many, so a
    corpus of thousands of articles still makes a light, quick chart."""
    events = events.sort_values(keys, kind="stable")
    position = events.groupby(keys, sort=False).cumcount()
    groups = events.groupby(keys, sort=True).size().rename("count").reset_index()
    per_group = MAX_EXAMPLES if len(groups) * MAX_EXAMPLES <= MAX_POINTS else 1
    quoted = events[position < per_group].copy()
    quoted["example"] = _examples(quoted)
    joined = quoted.groupby(keys, sort=True)["example"].agg("<br><br>".join).rename("examples").reset_index()
    groups = groups.merge(joined, on=keys, how="left")
    more = groups["count"] - groups["count"].clip(upper=per_group)
    groups["tail"] = [f"<br><i>+ {m} more: see the list below</i>" if m > 0 else "" for m in more]
    groups["counted"] = [f" · {n} events" if n > 1 else "" for n in groups["count"]]
    return groups


def _stack(counts: int, spread: float) -> list[float]:
    """Offsets that spread `counts` marks sharing one spot across a band of height `spread`."""
    if counts <= 1:
        return [0.0]
    step = min(0.2, spread / (counts - 1))
    return [(i - (counts - 1) / 2) * step for i in range(counts)]


def _pack(periods: pd.DataFrame) -> list[int]:
    """Greedy interval packing into at most BAR_LANES sub-lanes, so overlapping bars of one source
    stay apart; a period that finds no free lane joins the one that frees up first."""
    lane_ends: list[int] = []
    lanes = []
    starts = periods["start"].to_numpy(dtype="datetime64[D]").astype("int64")
    ends = periods["end"].to_numpy(dtype="datetime64[D]").astype("int64")
    for start, end in zip(starts, ends):
        lane = next((i for i, last in enumerate(lane_ends) if start - last > 1), None)
        if lane is None and len(lane_ends) < BAR_LANES:
            lane_ends.append(end)
            lane = len(lane_ends) - 1
        elif lane is None:
            lane = min(range(BAR_LANES), key=lane_ends.__getitem__)
        lane_ends[lane] = max(lane_ends[lane], end)
        lanes.append(lane)
    return lanes


def _coarsest_needed(days: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Day events binned by day, else by week, else by month: the finest that keeps the markers
    under MAX_POINTS (a year of daily reports from dozens of outlets cannot be read day by day,
    and would make a chart too heavy to send). The list below the chart keeps every event."""
    for slot in ("day", "week", "month"):
        if slot == "day":
            binned = days["start"]
        elif slot == "week":
            binned = days["start"] - pd.to_timedelta(days["start"].dt.weekday, unit="D")
        else:
            binned = days["start"].dt.to_period("M").dt.start_time
        if slot == "month" or len(pd.MultiIndex.from_arrays([days["source"], binned]).unique()) <= MAX_POINTS:
            return days.assign(start=binned), slot
    raise AssertionError("unreachable")


def _slot_label(start: pd.Timestamp, slot: str) -> str:
    if slot == "week":
        return f"Week of {start:%-d %b %Y}"
    if slot == "month":
        return f"{start:%B %Y}"
    return _day_label(start)


def _day_trace(events: pd.DataFrame, rows: dict[str, int], colours: dict[str, str],
               scale: float = 1.0) -> go.Scatter | None:
    days = events[~events["is_period"]]
    if days.empty:
        return None
    days, slot = _coarsest_needed(days)
    groups = _grouped(days, ["source", "start"])
    hover = [f"<b>{_slot_label(start, slot)}</b> · {safe(source)}{counted}<br><br>{examples}{tail}"
             for start, source, counted, examples, tail in zip(groups["start"], groups["source"], groups["counted"],
                                                               groups["examples"], groups["tail"])]
    return go.Scatter(
        x=list(groups["start"]), y=[rows[s] for s in groups["source"]], mode="markers", name="event on a day",
        showlegend=False, hovertext=hover, hoverinfo="text",
        marker=dict(size=[scale * min(26.0, 10 + 4 * math.sqrt(n - 1)) for n in groups["count"]],
                    color=[colours[s] for s in groups["source"]], line=dict(width=1, color="white"),
                    opacity=0.9),
    )


def _period_trace(events: pd.DataFrame, rows: dict[str, int], colours: dict[str, str]) -> go.Bar | None:
    periods = events[events["is_period"]]
    if periods.empty:
        return None
    groups = _grouped(periods, ["source", "start", "end", "granularity"])  # sorted by source, then start
    if len(groups) > MAX_POINTS:  # calendar periods rarely get here; keep the most reported ones
        groups = groups.nlargest(MAX_POINTS, "count").sort_values(["source", "start"], kind="stable")
    groups["lane"] = [lane for _, frame in groups.groupby("source", sort=True) for lane in _pack(frame)]
    hover = [
        f"<b>{_period_label(start, end, granularity)}</b> ({safe(granularity)}) · {safe(source)}{counted}"
        f"<br><br>{examples}{tail}"
        for start, end, granularity, source, counted, examples, tail in zip(
            groups["start"], groups["end"], groups["granularity"], groups["source"], groups["counted"],
            groups["examples"], groups["tail"])
    ]
    return go.Bar(
        base=list(groups["start"]),
        # Bars cover whole days: a month bar ends where the next month begins.
        x=[((end - start).days + 1) * MS_PER_DAY for start, end in zip(groups["start"], groups["end"])],
        y=[rows[s] + BAR_OFFSET + BAR_STEP * lane for s, lane in zip(groups["source"], groups["lane"])],
        orientation="h", width=0.09, name="week, month or year", showlegend=False, hovertext=hover,
        hoverinfo="text", marker=dict(color=[colours[s] for s in groups["source"]], opacity=0.65,
                                      line=dict(width=1, color="white")),
    )


def _label_room(marks: pd.DataFrame, x_span: pd.Timedelta) -> list[bool]:
    """Which casualty labels fit: a label (drawn right of its marker) needs the stretch up to the
    next marker of its row free. Width is estimated from its characters and the plot width."""
    per_px = x_span / PLOT_WIDTH_PX
    room = []
    for _, row in marks.groupby("source", sort=False):
        days = list(row["date"])
        for i, (day, text) in enumerate(zip(days, row["label"])):
            ends = day + per_px * (LABEL_PAD_PX + LABEL_CHAR_PX * len(text))
            room.append(i + 1 == len(days) or days[i + 1] > ends)
    return room


def _casualty_trace(marks: pd.DataFrame, rows: dict[str, int], x_span: pd.Timedelta, scale: float = 1.0
                    ) -> tuple[go.Scatter | None, list[dict]]:
    """One triangle per source and day, sized by its largest figure, with every figure of that day
    in the hover; the largest figure as a label where it fits (annotations, which the range slider
    does not repeat)."""
    marks = marks[marks["source"].isin(rows)] if not marks.empty else marks
    if marks.empty:
        return None, []
    marks = marks.sort_values(["source", "date", "figure"], ascending=[True, False, False], kind="stable")
    groups = []
    for (source, day), group in marks.groupby(["source", "date"], sort=True):
        figures = [f"{safe(stated)} {safe(category)}" for stated, category in zip(group["stated"], group["category"])]
        top = f"{short(group['stated'].iloc[0], 18)} {safe(group['category'].iloc[0])}"
        quotes = [f"<b>{figure}</b>: {wrap(evidence, 80)}<br><span style='color:#888'>— {short(title, 70)}</span>"
                  for figure, evidence, title in zip(figures[:MAX_EXAMPLES], group["evidence"], group["title"])]
        more = f"<br><i>+ {len(group) - MAX_EXAMPLES} more</i>" if len(group) > MAX_EXAMPLES else ""
        groups.append(dict(
            source=source, date=day, figure=float(group["figure"].max()),
            label=top + (f" +{len(group) - 1}" if len(group) > 1 else ""),
            hover=f"<b>{_day_label(day)}</b> · {safe(source)} · casualty figures<br><br>"
                  + "<br><br>".join(quotes) + more,
        ))
    data = pd.DataFrame(groups)
    y = [rows[source] + CASUALTY_OFFSET for source in data["source"]]
    labels = [
        dict(x=day, y=row, text=text, showarrow=False, xanchor="left", xshift=8,
             font=dict(size=10, color=CASUALTY_COLOR))
        for day, row, text, fits in zip(data["date"], y, data["label"], _label_room(data, x_span)) if fits
    ]
    if len(labels) > MAX_LABELS:  # a crowded chart: the hover carries the figures
        labels = []
    trace = go.Scatter(
        x=list(data["date"]), y=y, mode="markers", name="casualty figure", showlegend=False,
        hovertext=list(data["hover"]), hoverinfo="text",
        marker=dict(symbol="triangle-up",
                    size=[scale * (7 + 3 * math.log10(1 + max(0.0, f))) for f in data["figure"]],
                    color=CASUALTY_COLOR, opacity=0.85, line=dict(width=1, color="white")),
    )
    return trace, labels


def _published_traces(published: pd.DataFrame, colours: dict[str, str]) -> list[go.Scatter]:
    traces = []
    published = published.sort_values(["published", "source"], kind="stable").copy()
    published["y"] = [o for _, g in published.groupby("published", sort=True) for o in _stack(len(g), 0.4)]
    for estimated, frame in published.groupby("estimated", sort=True):
        note = " (estimated: the article gives no date)" if estimated else ""
        traces.append(go.Scatter(
            x=list(frame["published"]), y=list(frame["y"]), mode="markers", showlegend=False,
            name="published (estimated)" if estimated else "published",
            hovertext=[f"<b>Published {_day_label(d)}{note}</b><br>{safe(s)}: {short(t, 80)}"
                       for d, s, t in zip(frame["published"], frame["source"], frame["title"])],
            hoverinfo="text",
            marker=dict(symbol="diamond-open" if estimated else "diamond", size=11,
                        color=[colours.get(s, NEUTRAL) for s in frame["source"]],
                        line=dict(width=2 if estimated else 1, color=None if estimated else "white")),
        ))
    return traces


def _legend_keys(has_days: bool, has_periods: bool, has_casualties: bool, has_estimated: bool) -> list[go.Scatter]:
    """Grey legend entries that explain the mark shapes; colour is the source, named on its row."""
    keys = [
        (has_days, "event on a day", dict(symbol="circle", size=10, color=NEUTRAL)),
        (has_periods, "week, month or year", dict(symbol="line-ew", size=14, line=dict(width=5, color=NEUTRAL))),
        (has_casualties, "casualty figure (size: figure)", dict(symbol="triangle-up", size=11, color=CASUALTY_COLOR)),
        (True, "published", dict(symbol="diamond", size=10, color=NEUTRAL)),
        (has_estimated, "published (estimated)", dict(symbol="diamond-open", size=10, color=NEUTRAL,
                                                      line=dict(width=2))),
    ]
    return [go.Scatter(x=[None], y=[None], mode="markers", name=name, marker=marker, hoverinfo="skip")
            for shown, name, marker in keys if shown]


def event_timeline(events: pd.DataFrame, published: pd.DataFrame, casualties: pd.DataFrame,
                   x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> go.Figure:
    """Events per source on a time axis, casualty figures on their dates, publication dates apart.

    `events` from analysis.timeline.views.dated_events, `published` from publications, `casualties`
    from casualty_marks. `x_range` is the initial view; the range slider below the chart always
    spans everything, so events far from the story stay reachable.
    """
    if events.empty and published.empty:
        return empty_figure("No dated events for these filters.")
    sources = sorted(set(events["source"]) | set(published["source"]))
    rows = {source: i + 1 for i, source in enumerate(sources)}
    colours = source_colors(sources)
    stamps = pd.concat([events["start"], events["end"], published["published"],
                        casualties["date"] if not casualties.empty else pd.Series(dtype="datetime64[ns]")])
    x_span = (x_range[1] - x_range[0]) if x_range is not None else (stamps.max() - stamps.min())
    # Rows shrink (and marks with them) when there are many sources, so the chart stays one screen.
    row_px = max(MIN_ROW_PX, min(ROW_PX, ROWS_BUDGET_PX / len(sources)))
    scale = max(0.5, row_px / ROW_PX)
    casualty_trace, labels = _casualty_trace(casualties, rows, max(x_span, pd.Timedelta(days=1)), scale)
    traces = [t for t in (_period_trace(events, rows, colours), _day_trace(events, rows, colours, scale),
                          casualty_trace) if t is not None]
    traces += _published_traces(published, colours)
    fig = go.Figure(traces)
    for trace in _legend_keys(bool((~events["is_period"]).any()) if not events.empty else False,
                              bool(events["is_period"].any()) if not events.empty else False,
                              not casualties.empty and casualties["source"].isin(rows).any(),
                              bool(published["estimated"].any()) if not published.empty else False):
        fig.add_trace(trace)
    fig.add_hline(y=0.5, line=dict(color="#bbb", width=1, dash="dot"), layer="below")
    fig.update_yaxes(
        tickmode="array", tickvals=[0, *rows.values()],
        ticktext=[f"<b>{PUBLISHED_ROW}</b>", *(short(s, 28) for s in sources)],
        range=[len(sources) + 0.6, -0.6], showgrid=True, gridcolor="#ececec", zeroline=False, fixedrange=True,
    )
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eee",
                     rangeslider=dict(visible=True, thickness=0.07, bgcolor="#f6f6f6"))
    if x_range is not None:
        fig.update_xaxes(range=[x_range[0], x_range[1]])
    for label in labels:
        fig.add_annotation(label)
    fig.update_layout(
        barmode="overlay", dragmode="select", selectdirection="h", hovermode="closest",
        # The legend explains shapes; its entries hide nothing, so clicking them is switched off.
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, itemclick=False,
                    itemdoubleclick=False),
        title=dict(text="Events by source", y=0.98, yanchor="top"),
    )
    fig = layout(fig, height=int(230 + row_px * len(sources)))
    fig.update_layout(margin=dict(t=70), hoverlabel=dict(bgcolor="white", font=dict(color="#222", size=12)))
    return fig


def selected_range(box: list[dict]) -> tuple[date, date] | None:
    """The dates spanned by a box selection on the chart (Streamlit's `selection.box`).

    Plotly reports a date axis in data coordinates, as date strings ("2021-07-05 12:30:00.123");
    numbers are taken as epoch milliseconds. The union of several boxes counts; None if unreadable.
    """
    stamps = []
    for item in box or []:
        for value in item.get("x", []) if isinstance(item, dict) else []:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                stamp = pd.to_datetime(value, unit="ms", errors="coerce")
            else:
                stamp = pd.to_datetime(str(value), errors="coerce")
            if pd.notna(stamp):
                stamps.append(stamp)
    if len(stamps) < 2:
        return None
    return min(stamps).date(), max(stamps).date()


def evidence_html(events: pd.DataFrame) -> str:
    """The events as a readable list: the expression highlighted in its sentence, with source,
    article, granularity and reading. Every piece of article text is escaped."""
    items = []
    for row in events.itertuples():
        text = str(row.text)
        a, b = int(row.expr_start), int(row.expr_end)
        if 0 <= a < b <= len(text):
            sentence = (html.escape(text[:a]) + "<mark>" + html.escape(text[a:b]) + "</mark>"
                        + html.escape(text[b:]))
        else:
            sentence = html.escape(text)
        when = f"{row.start:%-d %b %Y}" if row.end == row.start else _period_label(row.start, row.end,
                                                                                    str(row.granularity))
        how = reading(bool(row.relative), bool(row.anchor_estimated))
        items.append(
            "<div style='margin:0 0 0.9rem 0'>"
            f"<div style='font-size:0.85rem;color:#555'><b>{html.escape(when)}</b>"
            f" · {html.escape(str(row.granularity))} · {html.escape(how)}"
            f" · <b>{html.escape(str(row.source))}</b> · {html.escape(str(row.title))}</div>"
            f"<div>{sentence}</div></div>"
        )
    return "".join(items)
