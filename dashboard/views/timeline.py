"""Timeline: when things happened according to each source, with the evidence for every date.

Selecting a span on the chart (or on the slider under it) becomes the shared date filter, so the
URL and every other page follow.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from analysis.export import csv_bytes
from analysis.filters import FilterChoices
from analysis.timeline.views import (
    casualty_marks,
    clamp_range,
    dated_events,
    event_table,
    outside,
    publications,
    story_window,
)
from dashboard.charts.timeline import event_timeline, evidence_html, selected_range
from dashboard.context import PageContext, current
from dashboard.sidebar import DATES_KEY, left_out_text, span_text

CHART_KEY = "timeline_chart"
SHOW_ALL_KEY = "timeline_show_all"
SLIDER_KEY = "timeline_range"
PAGE_KEY = "timeline_page"
PAGE_SIZE = 30


def _set_dates(picked: tuple[date, date] | None, first: date | None, last: date | None) -> None:
    """Callback body: the picked range, clamped to the corpus span, becomes the sidebar's filter."""
    clamped = clamp_range(*picked, first, last) if picked else None
    if clamped:
        st.session_state[DATES_KEY] = clamped


def _on_select(first: date | None, last: date | None) -> None:
    state = st.session_state.get(CHART_KEY)
    box = state.selection.box if state is not None else []
    _set_dates(selected_range(box), first, last)


def _on_slider(key: str, first: date | None, last: date | None) -> None:
    picked = st.session_state.get(key)
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        _set_dates((picked[0], picked[1]), first, last)


def _reset_dates(default: tuple[date, date] | None) -> None:
    """Back to the default range (where the sentences' dates concentrate), as on a fresh visit;
    written, not dropped, so the sidebar's box shows it too."""
    if default:
        st.session_state[DATES_KEY] = default


def _is_default_range(ctx: PageContext, choices: FilterChoices) -> bool:
    default = choices.default_range()
    applied = (ctx.filters.date_from, ctx.filters.date_to)
    return applied == (choices.as_filter(*default) if default else (None, None))


def _span_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return f"{start:%-d %b %Y} – {end:%-d %b %Y}"


def _date_filter_controls(ctx: PageContext, choices: FilterChoices) -> None:
    """A slider over the corpus's sentence dates: the keyboard-and-mouse way to set the filter
    (Streamlit does not receive plotly zooms, only selections)."""
    days = sorted(set(pd.to_datetime(ctx.full.sentences["date"], errors="coerce").dropna().dt.date))
    if len(days) < 2:
        return
    low = ctx.filters.date_from or days[0]
    high = ctx.filters.date_to or days[-1]
    inside = [d for d in days if low <= d <= high] or [days[0], days[-1]]
    # The key names the span it starts on, so the slider follows the filter however it was last set
    # (sidebar, chart, URL) without writing to a widget's state.
    key = f"{SLIDER_KEY}_{inside[0]}_{inside[-1]}"
    left, right = st.columns([5, 1], vertical_alignment="bottom")
    left.select_slider(
        "Date filter: drag the ends to narrow every page to a period",
        options=days, value=(inside[0], inside[-1]), key=key, format_func=lambda d: f"{d:%-d %b %Y}",
        on_change=_on_slider, args=(key, choices.first_date, choices.last_date),
        help="The stops are the dates sentences are about (their event date, else the publication "
             "date), the same dates the sidebar's date range filters on.",
    )
    right.button("Reset date filter", on_click=_reset_dates, args=(choices.default_range(),),
                 icon=":material/close:",
                 disabled=_is_default_range(ctx, choices), key="timeline_clear",
                 help="Back to the range the dashboard opens on: where the sentences' dates concentrate.")


@st.cache_data(max_entries=16, ttl="1h", show_spinner=False)  # bounded in age too: uploads go
def _figure(events: pd.DataFrame, published: pd.DataFrame, marks: pd.DataFrame,
            x_range: tuple[pd.Timestamp, pd.Timestamp] | None):
    """The chart, cached per visitor-visible input: reruns (a toggle, a page of the list) reuse it."""
    return event_timeline(events, published, marks, x_range)


def _filter_range(ctx: PageContext, events: pd.DataFrame, published: pd.DataFrame
                  ) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """With a date filter on, the chart shows the filtered period itself (an open end: the data's)."""
    stamps = pd.concat([events["start"], events["end"], published["published"]]).dropna()
    first = pd.Timestamp(ctx.filters.date_from) if ctx.filters.date_from else stamps.min() if len(stamps) else None
    last = pd.Timestamp(ctx.filters.date_to) if ctx.filters.date_to else stamps.max() if len(stamps) else None
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return None
    pad = max(pd.Timedelta(days=1), (last - first) * 0.03)
    return first - pad, last + pd.Timedelta(days=1) + pad


def _chart(ctx: PageContext, events: pd.DataFrame, published: pd.DataFrame, choices: FilterChoices) -> None:
    result = ctx.filtered
    marks = casualty_marks(result.casualties, result.sentences, result.documents)
    window = story_window(events, published, marks)
    # A range that takes in every date (the sidebar's "Include every date") narrows nothing: the
    # chart then still opens on the story, the far dates one toggle away.
    filtered_dates = ((ctx.filters.date_from or choices.first_date) != choices.first_date
                      or (ctx.filters.date_to or choices.last_date) != choices.last_date)
    show_all = st.toggle("Show all dates", key=SHOW_ALL_KEY, disabled=bool(filtered_dates),
                         help="The chart opens on the dense part of the story, around the publication "
                              "dates; this widens it to every dated event. With a date filter set, the chart "
                              "shows the filtered period.")
    x_range = _filter_range(ctx, events, published) if filtered_dates else None if show_all else window
    st.plotly_chart(
        _figure(events, published, marks, x_range), key=CHART_KEY,
        on_select=partial(_on_select, choices.first_date, choices.last_date), selection_mode=("box",),
        config={"displaylogo": False},
    )
    notes = [("Drag across the chart to select a period: it becomes the date filter for every page "
              "(and the link).")]
    if x_range is not None and not events.empty:
        away = events[outside(events["start"], events["end"], x_range)]
        if not away.empty:
            first, last = away["start"].min(), away["end"].max()
            when = f"{first:%-d %b %Y}" if first == last else _span_text(first, last)
            notes.insert(0, f"Showing {_span_text(*x_range)}, the stretch around the publication dates; "
                            f"{len(away)} {'event lies' if len(away) == 1 else 'events lie'} outside it ({when}): "
                            "drag the range slider under the chart or switch on **Show all dates**.")
    notes.append(_left_out_note(ctx, choices))
    if published["estimated"].any():
        notes.append("Hollow diamonds are estimated publication dates (the article gives none); dates "
                     "read relative to them are estimated too.")
    st.caption(" ".join(note for note in notes if note))


def _left_out_note(ctx: PageContext, choices: FilterChoices) -> str:
    """What the date filter keeps off this chart, so a missing event is never a mystery."""
    start = ctx.filters.date_from or choices.first_date
    end = ctx.filters.date_to or choices.last_date
    if start is None or end is None:
        return ""
    left_out = choices.outside(start, end)
    if not left_out.count or left_out.first is None or left_out.last is None:
        return ""
    return (left_out_text(left_out.count, span_text(left_out.first, left_out.last))
            + f" **Include every date** in the sidebar brings {'it' if left_out.count == 1 else 'them'} back.")


def _event_list(events: pd.DataFrame) -> None:
    st.subheader("Dated events and their evidence")
    if events.empty:
        st.info("No dated expressions in these articles for these filters.")
        return
    table = event_table(events)
    evidence, plain = st.tabs(["Evidence", "Table"])
    pages = max(1, -(-len(events) // PAGE_SIZE))
    with evidence:
        page = 1
        if pages > 1:
            page = st.number_input(f"Page (of {pages}, {PAGE_SIZE} events each)", 1, pages, 1, key=PAGE_KEY)
        chunk = events.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        st.html(evidence_html(chunk))  # every piece of article text is escaped in evidence_html
    with plain:
        st.dataframe(table, hide_index=True, column_config={
            "Sentence": st.column_config.TextColumn(width="large"),
            "Article": st.column_config.TextColumn(width="medium"),
        })
    st.download_button("Download the events (CSV)", csv_bytes(table),
                       file_name="parallax_events.csv", mime="text/csv", icon=":material/download:",
                       key="timeline_csv")


def render(ctx: PageContext) -> None:
    result = ctx.filtered
    st.title("Timeline")
    st.caption("Each dated expression is resolved against its article's publication date: “on Tuesday” "
               "is the Tuesday before publication. Points are days, bars are weeks, months or years; "
               "red triangles are casualty figures on the date their sentence is about.")
    choices = FilterChoices.of(ctx.full)
    events = dated_events(result.events, result.documents, result.sentences)
    published = publications(result.documents)
    _chart(ctx, events, published, choices)
    _date_filter_controls(ctx, choices)
    _event_list(events)


# Streamlit runs a page file as "__main__"; imported (by a test, say), it only defines.
if __name__ == "__main__":
    render(current())
