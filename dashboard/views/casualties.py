"""Casualties: the human cost as reported, who said it, and totals that never count one incident
twice (each incident once, at its most conservative credible figure)."""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import streamlit as st

from analysis.casualties import views as cv
from analysis.export import csv_bytes, csv_text
from analysis.schema import CASUALTY_CATEGORIES
from analysis.store.query import IncidentSummary
from dashboard import sidebar
from dashboard.charts.casualties import (
    figures_by_source,
    selected_dates,
    totals_by_category,
    totals_over_time,
)
from dashboard.context import PageContext, current
from dashboard.markup import figure_html, md

# The highlighted figures table shows this many rows at a time, paged; the CSV holds every row. Drawing
# 300 rows of marked-up HTML cost the browser about a second on every filter change.
FIGURES_PER_PAGE = 50
FIGURES_PAGE_KEY = "casualties_figures_page"
MAX_SIDE_BY_SIDE = 4  # sources per row in the incident comparison
MAX_SHADED_ROWS = 200  # past this many ledger rows, the flag column alone marks disagreements (shading
# is styled cell by cell on the server: 500 rows took most of a second on every filter change)
WRAPPED_ROW_PX = 100  # four lines: Streamlit wraps cell text only in rows taller than 64 px
CHAR_PX = 7  # about one character of a table cell
MIN_SOURCE_PX, MAX_SOURCE_PX = 140, 360  # a ledger source column
TIME_CHART_KEY = "casualties_over_time"
CATEGORY_KEY = "casualties_category"
INCIDENT_KEY = "casualties_incident"
ALL = "All"

TOTALS_NOTE = (
    "**How the totals are computed.** Each incident counts once, at its *conservative* figure: the "
    "lowest number a source states for it (ACLED's most conservative credible report; a vague "
    "word such as “dozens” counts as its floor, 12, only when no source gives a number). Totals add "
    "incidents, never several sources' reports of the same incident, and a subset (“including "
    "eight children”) is never added to the figure it belongs to. The range adds each incident's "
    "lowest and highest report."
)

FIGURES_CSS = """
<style>
.px-figures {max-height: 620px; overflow: auto; border: 1px solid rgba(128,128,128,.3); border-radius: 6px;}
.px-figures table {border-collapse: collapse; width: 100%; font-size: 0.86rem;}
.px-figures th {position: sticky; top: 0; background: var(--background-color, #fafafa); text-align: left;
  padding: 6px 8px; border-bottom: 1px solid rgba(128,128,128,.4); z-index: 1; white-space: nowrap;}
.px-figures td {padding: 6px 8px; border-bottom: 1px solid rgba(128,128,128,.15); vertical-align: top;}
.px-figures td.ev {width: 42%; line-height: 1.5;}
.px-figures td.fig {width: 13%;} .px-figures td.src {width: 22%;}
.px-figures mark {background: #ffe08a; color: inherit; padding: 0 2px; border-radius: 3px; font-weight: 600;}
.px-figures .sub {color: #888; font-size: 0.8rem;}
.px-figures .cat {font-weight: 600; white-space: nowrap;}
</style>
"""


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _esc(value) -> str:
    return html.escape(_text(value))


def _day(value) -> str:
    """"7 Jul 2021", or "" for a missing or unreadable date. A date or timestamp is formatted as
    it is: parsing each of thousands of incident dates again took a large share of the page."""
    if isinstance(value, date) and not pd.isna(value):
        return f"{value:%-d %b %Y}"
    stamp = pd.to_datetime(value, errors="coerce")
    return "" if pd.isna(stamp) else f"{stamp:%-d %b %Y}"


def _line(label: str, value) -> str:
    return f"<div><span class='sub'>{label}</span> {_esc(value)}</div>" if _text(value) else ""


def figures_html(figures: pd.DataFrame) -> str:
    """The figures as an HTML table: every piece of text escaped, the figure marked in its sentence."""
    head = ("<tr><th>Figure</th><th>Evidence</th><th>Victims, place, period</th><th>Attribution</th>"
            "<th>Source and article</th></tr>")
    rows = []
    for _, row in figures.iterrows():
        qualifier = _esc(row["qualifier"]).replace("_", " ")
        if row["counted"]:
            counts = f"{qualifier} · counts as {html.escape(cv.format_range(row['low'], row['high']))}"
        elif row["kind"] == "statistic":
            counts = f"{qualifier} · a statistic ({_esc(row['statistic_id'])}), never added"
        else:
            counts = f"{qualifier} · part of a larger figure, not added"
        figure = (f"<div class='cat'>{_esc(cv.category_label(row['category']))}</div><div>{_esc(row['figure'])}</div>"
                  f"<div class='sub'>{counts}</div>")
        if _text(row["corrected_from"]):
            figure += f"<div class='sub'>revised from {_esc(row['corrected_from'])}</div>"
        link = cv.safe_link(row["url"])
        title = _esc(row["title"]) or "article"
        article = f"<a href='{html.escape(link, quote=True)}' target='_blank'>{title}</a>" if link else title
        details = _line("victims:", row["victims"]) + _line("where:", row["location"]) + _line("period:", row["period"])
        source = (f"<div class='cat'>{_esc(row['source'])}</div><div>{article}</div>"
                  + _line("event date:", _day(row["date"])) + _line("incident:", row["incident_id"])
                  + _line("statistic:", row["statistic_id"]))
        rows.append(
            f"<tr><td class='fig'>{figure}</td><td class='ev'>{figure_html(row)}</td><td>{details}</td>"
            f"<td>{_esc(row['attribution'])}</td><td class='src'>{source}</td></tr>"
        )
    return f"{FIGURES_CSS}<div class='px-figures'><table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>"


def _pick_dates(ctx: PageContext) -> None:
    """Callback of the over-time chart: the picked event dates become the sidebar date filter."""
    state = st.session_state.get(TIME_CHART_KEY)
    picked = selected_dates(state.get("selection") if state else None)
    dates = pd.to_datetime(ctx.full.sentences["date"], errors="coerce").dropna()
    if picked is None or dates.empty:
        return
    first, last = dates.min().date(), dates.max().date()
    start, end = max(picked[0], first), min(picked[1], last)
    if start <= end:
        st.session_state[sidebar.DATES_KEY] = (start, end)


def counted(n: int, noun: str) -> str:
    """"1 incident", "3 incidents": a count with its noun, no "(s)"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def headline_caption(row: dict) -> str:
    """Under a category's headline: its range across sources (when they differ) and what it rests on."""
    spread = "" if row["low"] == row["high"] else f"range {row['low']:,}–{row['high']:,} · "
    return (f"{spread}{counted(row['incidents'], 'incident')} · {counted(row['reports'], 'report')} · "
            f"{counted(row['sources'], 'source')}")


def source_column_px(cells: pd.Series) -> int:
    """A ledger source column wide enough for its longest cell ("17 (at least 17) → 46 (at least
    46)"), within bounds, so a revision is not cut off."""
    longest = int(cells.map(lambda v: len(_text(v))).max()) if len(cells) else 0
    return max(MIN_SOURCE_PX, min(MAX_SOURCE_PX, CHAR_PX * longest + 16))


def summary_of(incidents: pd.DataFrame) -> IncidentSummary:
    """What the headline and the chart over time read of an incident view (cv.incidents_view),
    as a store adds it up for a view too long to read (StoreQueries.incident_summary)."""
    return IncidentSummary(totals=cv.category_totals(incidents), households=cv.household_totals(incidents),
                           over_time=cv.totals_over_time(incidents), incidents=len(incidents),
                           disagreeing=int(incidents["disagree"].sum()), partial=0,
                           restated=int(incidents["restated"].sum()))


def _headline(summary: IncidentSummary, left_out: dict[str, int]) -> None:
    """Per category, the sum of incident figures (never statistics), its range, and how it was
    counted, with the statistics of the category left out (`left_out`:
    cv.statistics_by_category); the families or households said apart; how many incidents'
    sources disagree, and how many are restated from the reports the filters keep."""
    totals, households = summary.totals, summary.households
    columns = st.columns(max(len(totals), 1), border=True)
    for column, row in zip(columns, totals.to_dict("records")):
        column.metric(
            md(cv.category_label(row["category"]).capitalize()), f"{row['conservative']:,}",
            help=f"Sum over {row['incidents']:,} incident(s) of each one's conservative figure.",
        )
        column.caption(headline_caption(row))
        column.caption(md(cv.counting_line(row, left_out.get(row["category"], 0))))
    if not households.empty:
        st.caption(md(cv.households_line(households)))
    note = TOTALS_NOTE
    if summary.disagreeing:
        note += f" Sources disagree on **{summary.disagreeing:,}** incident(s): see the ledger below."
    if summary.restated:
        note += (f" The filters keep only some reports of {summary.restated:,} incident(s): those are restated "
                 "from the reports shown.")
    st.markdown(note)


def _ledger(incidents: pd.DataFrame, reports: pd.DataFrame) -> None:
    st.subheader("Incident ledger")
    st.caption("One row per incident; each source's figure (the count used, then its wording) in a "
               "column of its own. “→” joins a source's later articles on the incident, oldest first: "
               "a figure before the arrow was revised by that source. Rows where the sources disagree "
               "are shaded and flagged.")
    ledger = cv.incident_ledger(incidents, reports)
    units = dict(zip(incidents["incident_id"], incidents["unit"].map(_text)))
    ledger = ledger.assign(counts=ledger["incident"].map(lambda i: units.get(i) or "people"))
    shown = ledger.assign(disagree=ledger["disagree"].map(lambda d: "⚠ differ" if d else ""),
                          category=ledger["category"].map(cv.category_label))
    sources = cv.ledger_sources(reports)

    def shade(row: pd.Series) -> list[str]:
        colour = "background-color: rgba(255, 196, 0, 0.18)" if row["disagree"] else ""
        return [colour] * len(row)

    config = {
        "incident": st.column_config.TextColumn("Incident", width="small"),
        "category": st.column_config.TextColumn("Category", width="small"),
        "location": st.column_config.TextColumn("Location"),
        "date": st.column_config.DateColumn("Event date", format="D MMM YYYY"),
        "range": st.column_config.TextColumn("Range", help="Lowest to highest figure across the sources"),
        "conservative": st.column_config.NumberColumn(
            "Conservative", format="localized", help="The lowest figure a source states: what the totals add"),
        "n_sources": st.column_config.NumberColumn("Sources", format="%d"),
        "first_reported_by": st.column_config.TextColumn("First reported by"),
        "first_reported": st.column_config.DateColumn("First reported", format="D MMM YYYY"),
        "disagree": st.column_config.TextColumn("Disagreement"),
    }
    for source in sources:
        config[source] = st.column_config.TextColumn(source, help=f"What {md(source)} reports",
                                                      width=source_column_px(shown[source]))
    config["counts"] = st.column_config.TextColumn("Counts", width="small",
                                                   help="What the figures count: people, or families")
    order = ["incident", "category", "location", "date", "disagree", "conservative", "counts", "range", *sources,
             "n_sources", "first_reported_by", "first_reported"]
    # Shading is per cell work for the browser; past a few hundred incidents the flag column says it.
    styled = shown.style.apply(shade, axis=1) if len(shown) <= MAX_SHADED_ROWS else shown
    st.dataframe(styled, hide_index=True, column_config=config,
                 column_order=order, key="casualties_ledger")
    st.download_button("Download incidents (CSV)", lambda: csv_text(ledger), file_name="incidents.csv",
                       mime="text/csv", icon=":material/download:", key="casualties_incidents_csv",
                       on_click="ignore")


def _statistics(statistics: pd.DataFrame) -> None:
    """Period totals, running counts, stocks and rates: shown with who issued them, never added."""
    st.subheader("Statistics")
    st.caption("Figures that cover a period, a running count, a rate or a population (“in the first "
               "half of the year”, “since January”, “every day”, “hosts”), merged across the outlets "
               "that quote them. They are never added to the incident totals above.")
    # Fixed widths and four-line rows: the evidence sentence wraps in view instead of running off.
    config = {
        "statistic_id": st.column_config.TextColumn("Statistic", width=70),
        "category": st.column_config.TextColumn("Category", width=80),
        "issuer": st.column_config.TextColumn("Issuer", width=110),
        "period": st.column_config.TextColumn("Period", width=80),
        "figure": st.column_config.TextColumn("Counts as", width=75, help="Lowest to highest count across the "
                                              "outlets (“more than 600” counts as 601)"),
        "figures": st.column_config.TextColumn("Each outlet's figure", width=130),
        "sources": st.column_config.TextColumn("Outlets", width=95),
        "n_sources": st.column_config.NumberColumn("How many", format="%d", width=75,
                                                   help="How many outlets quote the statistic"),
        "evidence": st.column_config.TextColumn("Evidence", width=250),  # all columns: 965 px, the page's width
    }
    shown = statistics.assign(category=statistics["category"].map(cv.category_label))
    st.dataframe(shown, hide_index=True, column_config=config, row_height=WRAPPED_ROW_PX,
                 key="casualties_statistics")
    st.download_button("Download statistics (CSV)", lambda: csv_bytes(statistics), file_name="statistics.csv",
                       mime="text/csv", icon=":material/download:", key="casualties_statistics_csv",
                       on_click="ignore")


def later_revisions(reports: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the figure its source gave in its latest article on the incident, for every
    earlier article whose figure that later one changed: `reports` are one incident's rows of
    cv.source_reports (oldest first within a source), so a superseded figure is never shown as if
    it stood."""
    revised: dict[str, str] = {}
    for _, own in reports.groupby("source", sort=False):
        latest = own.iloc[-1]
        final = cv.format_range(latest["low"], latest["high"])
        for row in own.iloc[:-1].itertuples(index=False):
            if cv.format_range(row.low, row.high) != final:
                revised[row.doc_id] = final
    return revised


def _side_by_side(incidents: pd.DataFrame, figures: pd.DataFrame, reports: pd.DataFrame) -> None:
    """One incident's reports next to each other, each with its sentence and the figure marked."""
    st.subheader("Compare the sources of one incident")
    labels = {
        row.incident_id: (f"{row.incident_id} · {cv.category_label(row.category)}"
                          f"{' in ' + _text(row.location) if _text(row.location) else ''}"
                          f"{' · ' + _day(row.date) if _day(row.date) else ''} · "
                          f"{counted(row.n_sources, 'source')}{' · ⚠ sources differ' if row.disagree else ''}")
        for row in incidents.itertuples(index=False)
    }
    order = list(incidents.sort_values(["disagree", "n_sources"], ascending=False, kind="stable")["incident_id"])
    chosen = st.selectbox("Incident", order, format_func=labels.get, key=INCIDENT_KEY)
    if chosen is None:
        return
    incident = incidents[incidents["incident_id"] == chosen].iloc[0]
    first = f" · first reported by {md(incident['first_reported_by'])}"
    if _day(incident["first_reported"]):
        first += f" on {_day(incident['first_reported'])}"
    st.caption(f"Range {cv.format_range(incident['low'], incident['high'])} · conservative "
               f"{cv.format_range(incident['conservative'], None)} (what the totals count){first}")
    rows = figures[figures["incident_id"] == chosen].sort_values(["published", "source", "doc_id", "sent_id"],
                                                                 na_position="last", kind="stable")
    articles = [group for _, group in rows.groupby("doc_id", sort=False)]
    revised = later_revisions(reports[reports["incident_id"] == chosen])
    for start in range(0, len(articles), MAX_SIDE_BY_SIDE):
        chunk = articles[start:start + MAX_SIDE_BY_SIDE]
        for column, group in zip(st.columns(MAX_SIDE_BY_SIDE), chunk):
            column.container(border=True).html(_article_card(group, revised.get(group.iloc[0]["doc_id"])))


def _article_card(group: pd.DataFrame, revised_to: str | None = None) -> str:
    """One article's account of an incident: source, article, and each figure in its sentence."""
    head = group.iloc[0]
    link = cv.safe_link(head["url"])
    title = _esc(head["title"]) or "article"
    lines = [f"<b>{_esc(head['source'])}</b>",
             f"<a href='{html.escape(link, quote=True)}' target='_blank'>{title}</a>" if link else title]
    if _day(head["published"]):
        lines.append(f"<span style='color:#888'>published {html.escape(_day(head['published']))}</span>")
    quotes = []
    for _, row in group.iterrows():
        counts = (f"counts as {html.escape(cv.format_range(row['low'], row['high']))}" if row["counted"]
                  else "a subset of another figure, not added")
        who = f" — {_esc(row['attribution'])}" if _text(row["attribution"]) else ""
        quotes.append(f"<blockquote style='margin:6px 0'>{figure_html(row)}"
                      f"<br><small>{counts}{who}</small></blockquote>")
    if revised_to:
        quotes.append(f"<div style='color:#a6611a;font-size:0.85rem'>Superseded: {_esc(head['source'])} "
                      f"gives {html.escape(revised_to)} in a later article.</div>")
    return ("<div style='font-size:0.9rem; line-height:1.45'>" + "<br>".join(lines) + "".join(quotes) + "</div>"
            "<style>mark{background:#ffe08a;font-weight:600;padding:0 2px;border-radius:3px}</style>")


def _figures_page(count: int, category: str) -> int:
    """The page of the figures list the visitor chose (from 0), with a page picker when there is
    more than one. Its key names the category and the count, so another list starts on page 1."""
    pages = -(-count // FIGURES_PER_PAGE)
    if pages <= 1:
        return 0
    chosen = st.number_input(f"Page (of {pages:,}, {FIGURES_PER_PAGE} figures each)", 1, pages, 1,
                             key=f"{FIGURES_PAGE_KEY}_{category}_{count}")
    return int(chosen) - 1


def _figures(figures: pd.DataFrame) -> None:
    st.subheader("Figures as reported")
    st.caption("Every figure with the sentence it comes from (the figure marked), as the article "
               "words it. A subset is shown but never added.")
    categories = [c for c in CASUALTY_CATEGORIES if c in set(figures["category"])]
    picked = st.segmented_control("Category", [ALL, *categories], default=ALL, key=CATEGORY_KEY,
                                  format_func=cv.category_label, label_visibility="collapsed")
    shown = figures if picked in (None, ALL) else figures[figures["category"] == picked]
    start = _figures_page(len(shown), str(picked)) * FIGURES_PER_PAGE
    page = shown.iloc[start:start + FIGURES_PER_PAGE]
    st.html(figures_html(page))
    if len(shown) > len(page):
        st.caption(f"Showing figures {start + 1:,}–{start + len(page):,} of {len(shown):,}: page through them "
                   "above, or download them all (CSV) below.")
    st.download_button("Download figures (CSV)", lambda: csv_text(figures.drop(columns=["span_start", "span_end"])),
                       file_name="casualty_figures.csv", mime="text/csv", icon=":material/download:",
                       key="casualties_figures_csv", on_click="ignore")


def render(ctx: PageContext) -> None:
    result = ctx.filtered
    st.title("Casualties")
    st.caption("The human cost exactly as reported, who said it, and where the sources disagree.")
    if result.casualties.empty:
        st.info("No casualty figures in the articles these filters keep.")
        return
    figures = cv.figures_table(result.casualties, result.sentences, result.documents)
    reports = cv.source_reports(result.casualties, result.documents, result.sentences)
    incidents = cv.incidents_view(ctx.full.incidents, reports,
                                  cv.complete_incidents(result.casualties, ctx.full.casualties))
    statistics = cv.statistics_view(result.statistics, result.casualties)
    if incidents.empty:  # figures not grouped into incidents: show them, add nothing up
        st.warning("These figures are not grouped into incidents, so no totals are given.")
        if not statistics.empty:
            _statistics(statistics)
        _figures(figures)
        return

    summary = summary_of(incidents)
    _headline(summary, cv.statistics_by_category(statistics))
    left, right = st.columns(2)
    left.plotly_chart(totals_by_category(summary.totals), key="casualties_by_category")
    right.plotly_chart(figures_by_source(cv.source_totals(reports)), key="casualties_by_source")
    st.plotly_chart(totals_over_time(summary.over_time), key=TIME_CHART_KEY,
                    on_select=lambda: _pick_dates(ctx), selection_mode=("points", "box"))
    st.caption("Click a bar or drag across dates to set the sidebar's date range to those event dates.")

    _ledger(incidents, reports)
    if not statistics.empty:
        _statistics(statistics)
    _side_by_side(incidents, figures, reports)
    _figures(figures)


# Streamlit runs a page file as "__main__"; imported (by a test, say), it only defines.
if __name__ == "__main__":
    render(current())
