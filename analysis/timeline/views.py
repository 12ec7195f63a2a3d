"""Timeline data shaped for display: events with their source, the default time window, the
casualty figures on their dates, the evidence list and date-range clamping.

Pure pandas (no Streamlit, no plotly), so the Timeline page's logic is testable and scriptable.
Dates come back as pandas Timestamps (day precision); periods are closed intervals
[start, end] where a day event has start == end.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.filters import STORY_GAP

PERIOD_GRANULARITIES = ("week", "month", "year")
# A gap this long between dated items never ends the story's window on its own: weekly or monthly
# reporting rhythms stay inside it. Larger gaps end it once they exceed the window's own span.
MIN_GAP = pd.Timedelta(STORY_GAP)
# Margin around the focus window, as a share of its span, and at least this many days.
PAD_SHARE = 0.04
MIN_PAD = pd.Timedelta(days=3)

EVENT_COLUMNS = [
    "doc_id", "sent_id", "source", "title", "expression", "granularity", "relative", "start", "end",
    "is_period", "text", "expr_start", "expr_end", "anchor_estimated",
]


def _day(values: pd.Series) -> pd.Series:
    """Dates as day-precision Timestamps; anything unreadable becomes NaT."""
    return pd.to_datetime(values, errors="coerce").dt.normalize()


def dated_events(events: pd.DataFrame, documents: pd.DataFrame,
                 sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events with a readable date, their source and article, as closed [start, end] periods.

    `expr_start`/`expr_end` locate the expression inside the sentence text (events' offsets
    index the document; the sentence's own start is subtracted) so it can be highlighted;
    -1 when the sentence is unknown. `anchor_estimated` is true when a relative expression was
    resolved against an estimated publication date, which the reader should know.
    """
    if events.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in EVENT_COLUMNS})
    docs = documents[["doc_id", "source", "title", "published_estimated"]]
    data = events.rename(columns={"start": "char_start", "end": "char_end"}).merge(docs, on="doc_id", how="left")
    data["start"] = _day(data["date"])
    end = _day(data["date_end"]) if "date_end" in data else data["start"]
    data["end"] = end.where(end.notna() & (end >= data["start"]), data["start"])
    data = data[data["start"].notna()].copy()
    data["is_period"] = data["granularity"].isin(PERIOD_GRANULARITIES) & (data["end"] > data["start"])
    data["relative"] = data["relative"].fillna(False).astype(bool)
    data["anchor_estimated"] = data["relative"] & data["published_estimated"].fillna(False).astype(bool)
    data["source"] = data["source"].fillna("unknown source")
    data["title"] = data["title"].fillna("")
    data["expr_start"], data["expr_end"] = -1, -1
    if sentences is not None and not sentences.empty:
        offsets = sentences[["doc_id", "sent_id", "start"]].rename(columns={"start": "sent_start"})
        data = data.merge(offsets, on=["doc_id", "sent_id"], how="left")
        known = data["sent_start"].notna()
        data.loc[known, "expr_start"] = (data.loc[known, "char_start"] - data.loc[known, "sent_start"]).astype(int)
        data.loc[known, "expr_end"] = (data.loc[known, "char_end"] - data.loc[known, "sent_start"]).astype(int)
    return data.sort_values(["start", "source", "doc_id", "sent_id"], kind="stable")[EVENT_COLUMNS] \
        .reset_index(drop=True)


def publications(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per dated article: doc_id, source, title, published (Timestamp), estimated."""
    data = documents[["doc_id", "source", "title"]].copy()
    data["published"] = _day(documents["published"])
    data["estimated"] = documents["published_estimated"].fillna(False).astype(bool)
    data["source"] = data["source"].fillna("unknown source")
    return data[data["published"].notna()].sort_values(["published", "source"], kind="stable") \
        .reset_index(drop=True)


MARK_COLUMNS = ["doc_id", "sent_id", "source", "title", "date", "category", "figure", "stated", "evidence",
                "incident_id", "superseded"]


def _flags(data: pd.DataFrame, column: str) -> pd.Series:
    if column not in data.columns:
        return pd.Series(False, index=data.index)
    return data[column].fillna(False).astype(bool)


def casualty_marks(casualties: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Casualty figures on the time axis, read from the incidents the Casualties page counts:
    one mark per article's report of an incident (its figure as the Casualties page gives it,
    analysis.casualties.article_figure), on the incident's date (its earliest report's), with
    whether a later, higher toll superseded it. Statistics and subsets are never marked. A
    figure no incident holds (a table without `incident_id`) sits on its own sentence's date
    (its event date, else the publication date, as every date filter reads it)."""
    if casualties.empty or sentences.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in MARK_COLUMNS})
    data = casualties.merge(sentences[["doc_id", "sent_id", "date"]], on=["doc_id", "sent_id"], how="left")
    data = data.merge(documents[["doc_id", "source", "title"]], on="doc_id", how="left")
    data = data[~_flags(data, "part_of")]
    if "kind" in data.columns:
        data = data[data["kind"] != "statistic"]
    data = data.assign(date=_day(data["date"]), superseded=_flags(data, "superseded"))
    value = pd.to_numeric(data["value"], errors="coerce")
    data["figure"] = value.fillna(pd.to_numeric(data["low"], errors="coerce")).fillna(0)
    stated = data["text"] if "text" in data else value.map(lambda v: "" if pd.isna(v) else f"{v:g}")
    data["stated"] = stated.fillna("").astype(str)
    data["source"] = data["source"].fillna("unknown source")
    if "incident_id" not in data.columns:
        data["incident_id"] = None
    linked = data["incident_id"].notna()
    marks = pd.concat([_report_marks(data[linked]), data[~linked]], ignore_index=True)
    return marks[marks["date"].notna()][MARK_COLUMNS].reset_index(drop=True)


def _report_marks(linked: pd.DataFrame) -> pd.DataFrame:
    """One mark per (incident, article): the article's figure for it on the incident's date."""
    if linked.empty:
        return linked
    # Here, not at the top: analysis.casualties loads the NLP pipeline (spaCy), which the
    # Timeline's other views, and a store's pages, never need.
    from analysis.casualties.reports import article_figure

    incident_day = linked.groupby("incident_id")["date"].min()
    marks = []
    for _, rows in linked.groupby(["incident_id", "doc_id"], sort=False):
        figure = article_figure(rows.to_dict("records"))
        first = rows.iloc[figure.rows[0]].copy()
        first["figure"] = figure.low
        first["stated"] = figure.wording
        first["date"] = incident_day[first["incident_id"]]
        first["superseded"] = bool(rows["superseded"].all())
        marks.append(first)
    return pd.DataFrame(marks)


def focus_window(starts: pd.Series, ends: pd.Series, anchors: pd.Series
                 ) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The dense part of the story: the span of the publication dates (`anchors`), widened to
    take in neighbouring dated items until a gap longer than both MIN_GAP and the window so far.

    A 2021 story that recalls 9/11 keeps its weeks legible instead of a 20-year axis; the
    outliers stay outside the default view. Without anchors the median item seeds the window.
    Returns None when nothing is dated.
    """
    points = pd.concat([_day(pd.Series(starts)), _day(pd.Series(ends)), _day(pd.Series(anchors))])
    points = points.dropna().sort_values().unique()
    if len(points) == 0:
        return None
    anchor = _day(pd.Series(anchors)).dropna()
    if anchor.empty:
        anchor = pd.Series([points[len(points) // 2]])
    low, high = anchor.min(), anchor.max()
    for point in reversed([p for p in points if p < low]):
        if low - point > max(MIN_GAP, high - low):
            break
        low = point
    for point in (p for p in points if p > high):
        if point - high > max(MIN_GAP, high - low):
            break
        high = point
    pad = max(MIN_PAD, (high - low) * PAD_SHARE)
    return pd.Timestamp(low - pad), pd.Timestamp(high + pad)


def story_window(events: pd.DataFrame, published: pd.DataFrame,
                 casualties: pd.DataFrame | None = None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The default view of a timeline: `focus_window` over the day, week and month events and the
    casualty figures around the publication dates. Year events ("since 2019", "in 2022") are drawn
    but never stretch the window: a year bar cannot be read at the scale of the story's weeks.

    `events` from dated_events, `published` from publications, `casualties` from casualty_marks.
    """
    finer = events[events["granularity"] != "year"] if not events.empty else events
    starts, ends = [finer["start"]], [finer["end"]]
    if casualties is not None and not casualties.empty:
        starts.append(casualties["date"])
        ends.append(casualties["date"])
    return focus_window(pd.concat(starts, ignore_index=True), pd.concat(ends, ignore_index=True),
                        published["published"])


def outside(starts: pd.Series, ends: pd.Series, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.Series:
    """True for the periods that do not touch `window`."""
    first, last = window
    return (_day(pd.Series(ends)) < first) | (_day(pd.Series(starts)) > last)


def clamp_range(start: date, end: date, first: date | None, last: date | None
                ) -> tuple[date, date] | None:
    """A picked range cut to the corpus span [first, last] (the date filter's bounds); reversed
    ends are swapped; None when it misses the span altogether or the corpus has no dates."""
    if first is None or last is None:
        return None
    if start > end:
        start, end = end, start
    if end < first or start > last:
        return None
    return max(start, first), min(end, last)


def reading(relative: bool, anchor_estimated: bool) -> str:
    if not relative:
        return "absolute"
    return "relative to an estimated publication date" if anchor_estimated else "relative to the publication date"


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """The list view and its CSV: one row per event with its evidence, earliest first.

    `events` is the output of `dated_events`. Dates are ISO strings (a CSV reads the same in
    every locale); "Until" is blank for a single day.
    """
    if events.empty:
        return pd.DataFrame(columns=["Date", "Until", "Granularity", "Expression", "Reading", "Sentence",
                                     "Source", "Article"])
    return pd.DataFrame({
        "Date": events["start"].dt.strftime("%Y-%m-%d"),
        "Until": events["end"].dt.strftime("%Y-%m-%d").where(events["end"] > events["start"], ""),
        "Granularity": events["granularity"],
        "Expression": events["expression"],
        "Reading": [reading(r, e) for r, e in zip(events["relative"], events["anchor_estimated"])],
        "Sentence": events["text"],
        "Source": events["source"],
        "Article": events["title"],
    }).reset_index(drop=True)
