"""The Casualties page over an analysis store (dashboard/store_pages.py draws the others).

Up to DETAILED_FIGURES kept figures it reads every figure and computes the page as for an
analysis in memory (analysis.casualties.views, dashboard/views/casualties.py); past that, the
totals and the chart over time come from the incident table and the per-source tables from the
largest incidents, and the page says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from analysis.casualties import views as cv
from analysis.export import csv_bytes
from analysis.filters import Filters
from analysis.result import Analysis
from analysis.store.query import IncidentSummary, StoreQueries
from dashboard import sidebar
from dashboard.charts.casualties import (
    figures_by_source,
    selected_dates,
    totals_by_category,
    totals_over_time,
)
from dashboard.store import StoreContext, current
from dashboard.views import casualties as casualty_page

DETAILED_FIGURES = 5_000  # casualty figures the Casualties page reads one by one
LEDGER_INCIDENTS = 500  # past that, the incidents the ledger and the source comparison show
SECTIONS = ("Incident ledger", "Statistics", "Compare the sources of one incident", "Figures as reported")
SECTION_KEY = "store_casualties_section"
# The incident table's columns the incident view lays out (it adds `restated` itself).
INCIDENT_COLUMNS = [c for c in cv.INCIDENT_VIEW_COLUMNS if c != "restated"]


def page() -> None:
    """The Casualties page's own sections over the store's figures. Up to DETAILED_FIGURES kept
    figures, everything is computed as for an analysis in memory; past that, the totals come
    from the incident table and the per-source tables from the largest incidents (said so)."""
    ctx = current()
    st.title("Casualties")
    st.caption("The human cost exactly as reported, who said it, and where the sources disagree.")
    kept = ctx.cached("casualty count", lambda: ctx.queries.casualty_count(ctx.filters))
    if not kept:
        st.info("No casualty figures in the articles these filters keep.")
        return
    if kept <= DETAILED_FIGURES:
        _casualties_in_full(ctx)
    else:
        _casualties_at_scale(ctx, kept)


def _casualties_in_full(ctx: StoreContext) -> None:
    queries, filters = ctx.queries, ctx.filters
    filtered = ctx.cached("casualty figures", lambda: queries.figures_in_view(filters))
    # Whether the filters kept every figure of an incident needs all the figures of the incidents
    # in view, not of the whole store: reading those took 1.3 s and comparing them 0.8 s of a
    # 3.2 s filter change at 10,000 articles.
    in_view = sorted(set(filtered.casualties["incident_id"].dropna()))
    every = ctx.cached("every figure of the incidents in view", lambda: queries.figures_of(Filters(), in_view))
    figures = ctx.cached("figures", lambda: cv.figures_table(filtered.casualties, filtered.sentences,
                                                             filtered.documents))
    reports = ctx.cached("reports", lambda: cv.source_reports(filtered.casualties, filtered.documents,
                                                              filtered.sentences))
    incidents = ctx.cached("incidents", lambda: cv.incidents_view(
        every.incidents, reports, cv.complete_incidents(filtered.casualties, every.casualties)))
    statistics = ctx.cached("statistics", lambda: cv.statistics_view(filtered.statistics, filtered.casualties))
    if incidents.empty:
        st.warning("These figures are not grouped into incidents, so no totals are given.")
        if not statistics.empty:
            casualty_page._statistics(statistics)
        casualty_page._figures(figures)
        return
    _casualty_charts(ctx, ctx.cached("incident summary", lambda: casualty_page.summary_of(incidents)),
                     cv.statistics_by_category(statistics), cv.source_totals(reports))
    _sections(lambda: statistics, Sections(
        ledger=lambda: casualty_page._ledger(incidents, reports),
        compare=lambda: casualty_page._side_by_side(incidents, figures, reports),
        figures=lambda: casualty_page._figures(figures)))


@dataclass(frozen=True)
class Sections:
    """What draws each of the page's tables below its charts (the statistics need only their table)."""

    ledger: Callable[[], None]
    compare: Callable[[], None]
    figures: Callable[[], None]


def _sections(statistics: Callable[[], pd.DataFrame], draw: Sections) -> None:
    """The ledger, the statistics, the comparison of one incident's sources and the figures as
    reported, in tabs that draw their content when opened. Drawn one under the other on every
    filter change at 10,000 articles (a 500-row ledger, 2,600 statistics, a 500-incident picker,
    50 figures), they cost about a second of browser time; with the chart over time redrawn
    lighter, the filter change went from 2.0-2.4 s to 1.7-1.9 s in paired bench/load_store.py runs.
    `statistics` gives the statistics table: it is read only when its tab is open.
    """
    ledger, stats, compare, figures = st.tabs(SECTIONS, key=SECTION_KEY, on_change="rerun")
    if ledger.open:
        with ledger:
            draw.ledger()
    if stats.open:
        with stats:
            shown = statistics()  # read only when its tab is open
            if shown.empty:
                st.info("No period totals, running counts or rates among the figures these filters keep.")
            else:
                casualty_page._statistics(shown)
    if compare.open:
        with compare:
            draw.compare()
    if figures.open:
        with figures:
            draw.figures()


def _casualty_charts(ctx: StoreContext, summary: IncidentSummary, left_out: dict[str, int],
                     by_source: pd.DataFrame | None) -> None:
    """The headline totals (with the statistics of each category left out, `left_out`) and the
    three charts; without `by_source`, a note in its place."""
    casualty_page._headline(summary, left_out)
    left, right = st.columns(2)
    left.plotly_chart(totals_by_category(summary.totals), key="casualties_by_category")
    if by_source is not None:
        right.plotly_chart(figures_by_source(by_source), key="casualties_by_source")
    else:
        right.info("What each source reports, per incident, reads every report's figure: narrow the sidebar "
                   f"filters to at most {DETAILED_FIGURES:,} figures to see it.", icon=":material/filter_alt:")
    over_time = ctx.cached("casualties over time", lambda: totals_over_time(summary.over_time))
    st.plotly_chart(over_time, key=casualty_page.TIME_CHART_KEY,
                    on_select=partial(_pick_casualty_dates, ctx), selection_mode=("points", "box"))
    st.caption("Click a bar or drag across dates to set the sidebar's date range to those event dates.")


def _days(values: pd.Series) -> pd.Series:
    """Dates as `datetime.date` (None where missing), in one pass over tens of thousands."""
    stamps = pd.to_datetime(values, errors="coerce")
    days = pd.Series(stamps.dt.date, index=values.index, dtype=object)
    return days.where(stamps.notna(), None)


def incident_view_of(rows: pd.DataFrame) -> pd.DataFrame:
    """The store's incident rows (StoreQueries.incidents_in_view) as
    analysis.casualties.views.incidents_view lays them out, each at its own figures."""
    if rows.empty:
        return pd.DataFrame(columns=cv.INCIDENT_VIEW_COLUMNS)
    out = rows.assign(restated=False, date=_days(rows["date"]), first_reported=_days(rows["first_reported"]),
                      disagree=rows["disagree"].fillna(False).astype(bool))
    for column in ("conservative", "low", "high", "n_sources", "reports"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Int64")
    order = out["category"].map({c: i for i, c in enumerate(cv.CASUALTY_CATEGORIES)})
    out = out.assign(_order=order).sort_values(["_order", "conservative", "incident_id"],
                                               ascending=[True, False, True], na_position="last", kind="stable")
    return out.reset_index(drop=True)[cv.INCIDENT_VIEW_COLUMNS]


def _casualties_at_scale(ctx: StoreContext, kept: int) -> None:
    """The page past DETAILED_FIGURES: the headline and the chart over time added up in the
    store (StoreQueries.incident_summary); the ledger and the tables below from the largest
    incidents, whose figures are read while the rest is drawn. Reading every incident in view
    into pandas to add them up (111,000 at 100,000 articles with four sources) took about a
    second of each filter change; they are read only for the download."""
    queries, filters = ctx.queries, ctx.filters

    def largest_rows() -> pd.DataFrame:
        return ctx.cached("largest incidents", lambda: queries.incidents_in_view(filters, INCIDENT_COLUMNS,
                                                                                 largest=LEDGER_INCIDENTS))

    def largest_ids() -> list[str]:
        return [str(i) for i in largest_rows()["incident_id"]]

    def largest_tables() -> Analysis:
        """The largest incidents' kept figures with their sentences and articles."""
        return ctx.cached("largest incident tables", lambda: queries.figures_of(filters, largest_ids()))

    def reports_of_largest() -> pd.DataFrame:
        """Every source's report of the largest incidents (the ledger's columns): read from the
        store's reports when the filters keep whole articles, else made from their figures."""
        stored = queries.incident_reports(filters, largest_ids())
        if stored is not None:
            return stored
        tables = largest_tables()
        return cv.source_reports(tables.casualties, tables.documents, tables.sentences)

    def largest_reports() -> pd.DataFrame:
        return ctx.cached("largest reports", reports_of_largest)

    builds = {"incident summary": lambda: queries.incident_summary(filters),
              "statistics per category": lambda: cv.statistics_by_category(
                  queries.statistics_in_view(filters, ["statistic_id", "category"]))}
    if st.session_state.get(SECTION_KEY, SECTIONS[0]) != SECTIONS[1]:
        # The open section reads the largest incidents' reports while the totals are added up:
        # the longest chain of the page, so it starts first.
        builds = {"largest reports": reports_of_largest, **builds}
    ctx.prefetch(builds)
    summary = ctx.cached("incident summary", builds["incident summary"])
    st.info(f"These filters keep {kept:,} casualty figures in {summary.incidents:,} incidents: more than the "
            f"{DETAILED_FIGURES:,} this page reads one by one. The totals and the chart over time count every "
            f"incident, each at the figures of its incident table row; the ledger, the source comparison and "
            f"the figures below cover the {LEDGER_INCIDENTS:,} incidents with the largest conservative figure "
            f"(“Download every incident in view” under the ledger holds them all). Narrow the sidebar filters "
            "(a source, an entity, a date range) "
            "to read every figure.", icon=":material/filter_alt:")
    if summary.partial:
        st.caption(f"{summary.partial:,} of these incidents have reports the filters leave out; here they count at "
                   "the figures of all their reports.")
    left_out = ctx.cached("statistics per category", builds["statistics per category"])
    shown = ctx.cached("largest incident view", lambda: incident_view_of(largest_rows()))
    _casualty_charts(ctx, summary, left_out, None)

    def every_incident() -> bytes:
        """Every incident in view as the ledger lays them out, read when the download is asked for."""
        return csv_bytes(incident_view_of(queries.incidents_in_view(filters, INCIDENT_COLUMNS)))

    def largest_figures() -> pd.DataFrame:
        """The figures of the largest incidents, each in its sentence (read when a tab shows them)."""
        tables = largest_tables()
        return ctx.cached("largest figures", lambda: cv.figures_table(tables.casualties, tables.sentences,
                                                                      tables.documents))

    def ledger() -> None:
        casualty_page._ledger(shown, largest_reports())
        st.download_button("Download every incident in view (CSV)", every_incident,
                           file_name="incidents-all.csv", mime="text/csv", icon=":material/download:",
                           key="store_incidents_csv", on_click="ignore")

    _sections(lambda: ctx.cached("statistics at scale", lambda: _statistics_in_view(queries, filters)), Sections(
        ledger=ledger,
        compare=lambda: casualty_page._side_by_side(shown, largest_figures(), largest_reports()),
        figures=lambda: casualty_page._figures(largest_figures())))


def _statistics_in_view(queries: StoreQueries, filters: Filters) -> pd.DataFrame:
    """The statistics the kept figures quote, as the Casualties page lists them."""
    rows = queries.statistics_in_view(filters)
    return cv.statistics_view(rows, rows[["statistic_id"]])


def _pick_casualty_dates(ctx: StoreContext) -> None:
    """Callback of the chart over time: the picked event dates become the sidebar's date range."""
    state = st.session_state.get(casualty_page.TIME_CHART_KEY)
    picked = selected_dates(state.get("selection") if state else None)
    first, last = ctx.choices.first_date, ctx.choices.last_date
    if picked is None or first is None or last is None:
        return
    start, end = max(picked[0], first), min(picked[1], last)
    if start <= end:
        st.session_state[sidebar.DATES_KEY] = (start, end)
