"""The pages over an analysis store: the same pages as dashboard/views/, drawn from the small
tables `analysis.store.query.StoreQueries` returns instead of a whole analysis in memory.

Every answer is cached once per view (StoreContext.cached). Where a page shows only part of
something long (the newest articles, the most negative sentences, a page of dated events, the
first mentions), it says so, how many there are in all, and how to see the rest. Charts that
would draw a point per sentence or per event draw aggregates (box statistics, counts per period).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.entities import views as entity_views
from analysis.export import csv_bytes
from analysis.store.query import Totals
from analysis.timeline.views import event_table
from dashboard import charts, sidebar
from dashboard.charts import entities as entity_charts
from dashboard.charts.casualties import over_time_unit as period_unit
from dashboard.charts.common import empty_figure, layout, safe, source_colors
from dashboard.charts.timeline import evidence_html, selected_range
from dashboard.markup import md
from dashboard.store import StoreContext, current
from dashboard.views import entities as entity_page
from dashboard.views import overview as overview_page
from dashboard.views import sentiment as sentiment_page
from dashboard.views import timeline as timeline_page

LISTED_ARTICLES = 1_000  # the Overview's article table: the newest this many
RANKED_SENTENCES = 200  # the Sentiment page's ranked table
PER_ARTICLE_CHARTS = 20  # the longest articles the per-article charts draw
ENTITY_SENTIMENT_CANDIDATES = 60  # the most mentioned entities the tone chart picks its rows from
NETWORK_CANDIDATES = 150  # the network slider's maximum
EVENTS_PER_PAGE = 30
DATE_SLIDER_KEY = "store_timeline_range"
STORE_NOTE = ("Read from an analysis store: charts that would draw a point per sentence or event "
              "draw their aggregates, and long lists show their first rows (each says so).")


def _capped_note(shown: int, total: int, what: str, how: str) -> None:
    if total > shown:
        st.caption(f"Showing {shown:,} of {total:,} {what}. {how}")


# --- Overview -------------------------------------------------------------------------------------

def box_figure(stats: pd.DataFrame, title: str) -> go.Figure:
    """Tukey boxes per source from precomputed statistics (StoreQueries.sentiment_boxes), as
    the Sentiment charts draw them for a large corpus: nothing per sentence is sent."""
    if stats.empty:
        return empty_figure()
    colours = source_colors(stats["source"])
    fig = go.Figure()
    for row in stats.iloc[::-1].itertuples(index=False):
        name = safe(row.source)
        fig.add_trace(go.Box(
            y=[name], name=name, orientation="h", q1=[row.q1], median=[row.median], q3=[row.q3],
            mean=[row.mean], lowerfence=[row.lowerfence], upperfence=[row.upperfence],
            marker_color=colours[row.source], hoverinfo="x", showlegend=False,
        ))
    fig.update_layout(title=f"{title} ({int(stats['n'].sum()):,} sentences)")
    fig.update_xaxes(title="Sentence sentiment (VADER compound)", range=[-1.05, 1.05], zeroline=True,
                     zerolinecolor="#999")
    return layout(fig, height=max(260, 60 * len(stats) + 100))


def _totals(ctx: StoreContext) -> Callable[[], Totals]:
    return lambda: ctx.queries.totals(ctx.filters)


def _boxes(ctx: StoreContext) -> Callable[[], go.Figure]:
    return lambda: box_figure(ctx.queries.sentiment_boxes(ctx.filters), "Sentence sentiment by source")


def _sentiment_boxes(ctx: StoreContext) -> go.Figure:
    return ctx.cached("sentiment boxes", _boxes(ctx))


def overview() -> None:
    ctx = current()
    queries, filters = ctx.queries, ctx.filters
    builds = {"totals": _totals(ctx),
              f"articles {LISTED_ARTICLES}": lambda: queries.documents(filters, LISTED_ARTICLES),
              "top entities": lambda: charts.top_entities(queries.entities(filters, 15)),
              "sentiment boxes": _boxes(ctx)}
    ctx.prefetch(builds)
    totals = ctx.cached("totals", builds["totals"])
    st.title("Overview")
    st.caption(f"{md(ctx.store.label)} (analysis store) · pipeline: {md(queries.pipeline)}")
    published = overview_page.date_span(pd.Series([totals.first_published, totals.last_published]))
    events = overview_page.date_span(pd.Series([totals.first_event, totals.last_event]))
    kpis = [
        ("Articles", f"{totals.articles:,}", None),
        ("Sources", f"{totals.sources:,}", None),
        ("Sentences", f"{totals.sentences:,}", None),
        ("Entities", f"{totals.entities:,}", "distinct people, places and organisations"),
        ("Casualty figures", f"{totals.casualties:,}",
         f"figures as reported, grouped into {totals.incidents:,} incident(s)"),
        ("Published", published, f"events reported: {events}"),
    ]
    for row in (kpis[:3], kpis[3:]):
        for column, (label, value, help_text) in zip(st.columns(3, border=True), row):
            column.metric(label, value, help=help_text)

    st.subheader("Articles")
    listed = ctx.cached(f"articles {LISTED_ARTICLES}", builds[f"articles {LISTED_ARTICLES}"])
    st.dataframe(overview_page.articles_table(listed.rows), hide_index=True, row_height=overview_page.ARTICLE_ROW_PX,
                 column_config=overview_page.article_columns())
    _capped_note(len(listed.rows), listed.total, "articles, the newest first",
                 "Narrow the sidebar filters to list others, or download the whole list.")
    if listed.capped:
        st.download_button("Download every article in view (CSV)",
                           lambda: csv_bytes(overview_page.articles_table(queries.documents(filters).rows)),
                           file_name="parallax-articles.csv", mime="text/csv", icon=":material/download:",
                           on_click="ignore", key="store_articles_csv")
    left, right = st.columns(2)
    left.plotly_chart(ctx.cached("top entities", builds["top entities"]),
                      key="overview_entities")
    right.plotly_chart(_sentiment_boxes(ctx), key="overview_sentiment")


# --- Sentiment -----------------------------------------------------------------------------------

SENTIMENT_CHARTS = ("By source", "By article", "Paragraph by paragraph")
SENTIMENT_CHART_KEY = "store_sentiment_chart"


def sentiment() -> None:
    """The Sentiment page: its three charts in tabs, only the open one computed and drawn, then
    the ranked sentences. The two per-article charts, drawn on every filter change at 10,000
    articles, were most of it: one tab at a time took the change from 1.1-1.4 s to 0.6-0.7 s in
    paired bench/load_store.py runs."""
    ctx = current()
    queries, filters = ctx.queries, ctx.filters
    orders = sentiment_page.ORDERS
    stored_first = orders.get(st.session_state.get("sentiment_order") or "", True)  # as the control reads it
    st.title("Sentiment")
    st.caption("VADER compound per sentence: −1 is most negative, +1 most positive; "
               "news prose sits near 0, so read the spread, not only the mean.")
    by_source, by_article, arc = st.tabs(SENTIMENT_CHARTS, key=SENTIMENT_CHART_KEY, on_change="rerun")
    builds = {f"ranked sentences {stored_first}": lambda: queries.ranked_sentences(filters, stored_first,
                                                                                   RANKED_SENTENCES)}
    if by_source.open:
        builds["sentiment boxes"] = _boxes(ctx)
    else:  # the per-article tabs draw the longest articles
        builds["longest articles"] = lambda: queries.longest_articles(filters, PER_ARTICLE_CHARTS)
    ctx.prefetch(builds)
    if by_source.open:
        by_source.plotly_chart(_sentiment_boxes(ctx), key="sentiment_sources")
    if by_article.open:
        with by_article:
            _per_article_chart(ctx, "sentiment by article", charts.sentiment_by_article, "sentiment_articles")
    if arc.open:
        with arc:
            _per_article_chart(ctx, "paragraph arc", charts.paragraph_arc, "sentiment_arc")

    st.subheader("Sentences ranked by sentiment")
    order = st.segmented_control("Order", list(orders), default=list(orders)[0], key="sentiment_order",
                                 label_visibility="collapsed")
    negative_first = orders.get(order or "", True)
    ranked = ctx.cached(f"ranked sentences {negative_first}",
                        lambda: queries.ranked_sentences(filters, negative_first, RANKED_SENTENCES))
    rows = ranked.rows
    table = pd.DataFrame({"Sentiment": rows["compound"], "Sentence": rows["text"], "Source": rows["source"],
                          "Article": rows["title"], "Paragraph": rows["paragraph"] + 1})
    st.dataframe(
        table, hide_index=True, row_height=sentiment_page.SENTENCE_ROW_PX,
        height=sentiment_page.HEADER_ROW_PX + sentiment_page.SENTENCE_ROW_PX * max(
            1, min(len(table), sentiment_page.SENTENCES_IN_VIEW)),
        column_config={
            "Sentiment": st.column_config.ProgressColumn(min_value=-1.0, max_value=1.0, format="%.2f", width=110),
            "Sentence": st.column_config.TextColumn(width=480),
            "Source": st.column_config.TextColumn(width=120),
            "Article": st.column_config.TextColumn(width=180),
            "Paragraph": st.column_config.NumberColumn(width=80),
        },
    )
    _capped_note(len(rows), ranked.total, f"sentences, the most {'negative' if negative_first else 'positive'} first",
                 "Switch the order for the other end, or narrow the sidebar filters (a source, an entity, "
                 "a date range) to rank fewer.")


def _per_article_chart(ctx: StoreContext, name: str, draw: Callable[[pd.DataFrame, pd.DataFrame], go.Figure],
                       key: str) -> None:
    """A chart of the longest articles in view, and how many it leaves out."""
    queries, filters = ctx.queries, ctx.filters
    sentences, documents, articles = ctx.cached(
        "longest articles", lambda: queries.longest_articles(filters, PER_ARTICLE_CHARTS))
    st.plotly_chart(ctx.cached(name, lambda: draw(sentences, documents)), key=key)
    if articles > 12:
        st.caption(f"Per-article charts show the longest of {articles:,} articles; "
                   "filter by source, entity or date to see others.")


# --- Timeline ------------------------------------------------------------------------------------

def events_figure(counts: pd.DataFrame, published: pd.DataFrame, unit: str) -> go.Figure:
    """Dated events per period, stacked by source, and the articles published per period as a
    line: a store's events drawn as counts, never one point each."""
    if counts.empty and published.empty:
        return empty_figure("No dated events or publication dates for these filters.")
    colours = source_colors(pd.concat([counts["source"], published["source"]]).dropna())
    fig = go.Figure()
    for source, own in counts.groupby("source", sort=True):
        fig.add_trace(go.Bar(x=own["period"], y=own["events"], name=safe(source), marker_color=colours[source],
                             customdata=own[["articles"]],
                             hovertemplate=f"{safe(source)}<br>%{{x|%-d %b %Y}}: %{{y}} dated expression(s) "
                                           "in %{customdata[0]} article(s)<extra></extra>"))
    per_period = published.groupby("period", as_index=False)["articles"].sum()
    if not per_period.empty:
        fig.add_trace(go.Scatter(x=per_period["period"], y=per_period["articles"], name="articles published",
                                 mode="lines+markers", line=dict(color="#444", width=1.5), marker=dict(size=4),
                                 yaxis="y2",
                                 hovertemplate="%{x|%-d %b %Y}: %{y} article(s) published<extra></extra>"))
    fig.update_layout(barmode="stack", title=f"Dated events per {unit}, by source", dragmode="select",
                      legend=dict(orientation="h", y=-0.2),
                      yaxis2=dict(title="articles published", overlaying="y", side="right", showgrid=False,
                                  rangemode="tozero"))
    fig.update_xaxes(type="date")
    fig.update_yaxes(title=f"per {unit}")
    return layout(fig, height=440)


def _pick_dates_from_chart(key: str, first: date | None, last: date | None) -> None:
    """Callback of the events chart: a box drawn across it becomes the sidebar's date range."""
    state = st.session_state.get(key)
    picked = selected_range(state.selection.box if state is not None else [])
    if picked and first and last:
        start, end = max(picked[0], first), min(picked[1], last)
        if start <= end:
            st.session_state[sidebar.DATES_KEY] = (start, end)


def timeline() -> None:
    ctx = current()
    queries, filters, choices = ctx.queries, ctx.filters, ctx.choices
    st.title("Timeline")
    st.caption("Each dated expression is resolved against its article's publication date: “on Tuesday” "
               "is the Tuesday before publication. Bars count the dated expressions of each period by "
               "source; the line counts the articles published.")
    stored_page = int(st.session_state.get("store_timeline_page") or 1)
    ctx.prefetch({"totals": _totals(ctx), f"events page {stored_page}": lambda: queries.events_page(
        filters, (stored_page - 1) * EVENTS_PER_PAGE, EVENTS_PER_PAGE)})
    totals = ctx.cached("totals", _totals(ctx))
    unit = period_unit(filters.date_from or totals.first_event, filters.date_to or totals.last_event)
    figure = ctx.cached(f"events chart {unit}", lambda: events_figure(
        queries.events_by_period(filters, unit), queries.publications_by_period(filters, unit), unit))
    key = "store_timeline_chart"
    st.plotly_chart(figure, key=key, selection_mode=("box",), config={"displaylogo": False},
                    on_select=partial(_pick_dates_from_chart, key, choices.first_date, choices.last_date))
    st.caption(f"{totals.events:,} dated expressions, counted per {unit} rather than drawn one by one; the "
               "list below holds every one of them. Drag across the chart to select a "
               "period: it becomes the date filter for every page (and the link). "
               + _dates_left_out(ctx))
    _date_slider(ctx)

    st.subheader("Dated events and their evidence")
    if not totals.events:
        st.info("No dated expressions in these articles for these filters.")
        return
    pages = max(1, -(-totals.events // EVENTS_PER_PAGE))
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages:,}, {EVENTS_PER_PAGE} events each, in date order)", 1, pages, 1,
                                   key="store_timeline_page"))
    chunk = ctx.cached(f"events page {page}",
                       lambda: queries.events_page(filters, (page - 1) * EVENTS_PER_PAGE, EVENTS_PER_PAGE))
    evidence, plain = st.tabs(["Evidence", "Table"])
    with evidence:
        st.html(evidence_html(chunk.rows))  # every piece of article text is escaped in evidence_html
    with plain:
        st.dataframe(event_table(chunk.rows), hide_index=True, column_config={
            "Sentence": st.column_config.TextColumn(width="large"),
            "Article": st.column_config.TextColumn(width="medium"),
        })
    st.caption(f"Events {(page - 1) * EVENTS_PER_PAGE + 1:,}–{(page - 1) * EVENTS_PER_PAGE + len(chunk.rows):,} "
               f"of {chunk.total:,}; page through them above, or narrow the filters to a period or a source.")


def _date_slider(ctx: StoreContext) -> None:
    """The Timeline's date slider and reset button, as on an analysis in memory
    (dashboard/views/timeline.py), over the store's sentence dates (FilterChoices.day_counts):
    the keyboard-and-mouse way to set the date filter of every page."""
    choices, filters = ctx.choices, ctx.filters
    days = [day for day, _ in choices.day_counts]
    if len(days) < 2:
        return
    low, high = filters.date_from or days[0], filters.date_to or days[-1]
    inside = [day for day in days if low <= day <= high] or [days[0], days[-1]]
    # The key names the span it starts on, so the slider follows the filter however it was last set
    # (sidebar, chart, URL) without writing to a widget's state.
    key = f"{DATE_SLIDER_KEY}_{inside[0]}_{inside[-1]}"
    default = choices.default_range()
    applied_default = (filters.date_from, filters.date_to) == (choices.as_filter(*default) if default else (None, None))
    left, right = st.columns([5, 1], vertical_alignment="bottom")
    left.select_slider(
        "Date filter: drag the ends to narrow every page to a period",
        options=days, value=(inside[0], inside[-1]), key=key, format_func=lambda day: f"{day:%-d %b %Y}",
        on_change=timeline_page._on_slider, args=(key, choices.first_date, choices.last_date),
        help="The stops are the dates sentences are about (their event date, else the publication "
             "date), the same dates the sidebar's date range filters on.",
    )
    right.button("Reset date filter", on_click=timeline_page._reset_dates, args=(default,),
                 icon=":material/close:", disabled=applied_default, key="store_timeline_clear",
                 help="Back to the range the dashboard opens on: where the sentences' dates concentrate.")


def _dates_left_out(ctx: StoreContext) -> str:
    choices, filters = ctx.choices, ctx.filters
    start, end = filters.date_from or choices.first_date, filters.date_to or choices.last_date
    if start is None or end is None:
        return ""
    left_out = choices.outside(start, end)
    if not left_out.count or left_out.first is None or left_out.last is None:
        return ""
    return (sidebar.left_out_text(left_out.count, sidebar.span_text(left_out.first, left_out.last))
            + f" **Include every date** in the sidebar brings {'it' if left_out.count == 1 else 'them'} back.")


# --- Entities ------------------------------------------------------------------------------------

def density_grid(counts: pd.DataFrame, words: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """Mentions of `names` per 1,000 words of each source (analysis.entities.views.mention_density)
    from the store's counts (StoreQueries.mention_counts, or the rows of mentions_by_source for
    `names`): every (entity, source) pair, 0 where a source never names it."""
    if counts.empty or words.empty:
        return pd.DataFrame(columns=entity_views.DENSITY_COLUMNS)
    grid = pd.MultiIndex.from_product([names, sorted(words["source"].dropna())], names=["entity", "source"])
    data = counts.set_index(["entity", "source"])["mentions"].reindex(grid, fill_value=0).reset_index()
    data["words"] = data["source"].map(dict(zip(words["source"], words["words"]))).astype("int64")
    data["per_1000_words"] = (1000.0 * data["mentions"] / data["words"].clip(lower=1)).where(data["words"] > 0, 0.0)
    data["label"] = data["entity"].map(counts.drop_duplicates("entity").set_index("entity")["label"])
    return data[entity_views.DENSITY_COLUMNS]


def entity_tone(rows: pd.DataFrame) -> pd.DataFrame:
    """The store's per entity and source tone with the 95% interval of its mean, as
    analysis.entities.views.entity_sentiment gives it."""
    if rows.empty:
        return pd.DataFrame(columns=entity_views.SENTIMENT_COLUMNS)
    bounds = [entity_views._interval(m, s, int(n)) for m, s, n in zip(rows["compound"], rows["spread"], rows["sentences"])]
    out = rows.assign(low=[b[0] for b in bounds], high=[b[1] for b in bounds], spread=rows["spread"].fillna(0.0))
    return out.sort_values(["entity", "source"], ignore_index=True)[entity_views.SENTIMENT_COLUMNS]


def network_entities(counts: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The `limit` most mentioned entities (entity, label, mentions), ties by name, from the
    mentions per entity and source the page already has (as StoreQueries.top_entity_names ranks
    them, without another pass over the mentions): the network's nodes, the heatmap's rows and
    the tone chart's candidates."""
    if counts.empty:
        return pd.DataFrame(columns=["entity", "label", "mentions"])
    totals = counts.groupby("entity", as_index=False, sort=False).agg(label=("label", "first"),
                                                                      mentions=("mentions", "sum"))
    return totals.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True).head(limit)


ENTITY_CHARTS = ("By type and source", "Per 1,000 words", "Tone around each entity", "Who is named together")
ENTITY_CHART_KEY = "store_entities_chart"


def entities() -> None:
    """The Entities page: its four charts in tabs, only the open one computed and drawn (the
    rest on a click), then the mentions in context and the downloads.

    Drawn together, the four charts cost 1.4-1.8 s of browser time and 0.5 s of queries and
    figures on every filter change at 10,000 articles; one tab at a time took the change from
    1.8-2.3 s to 1.1-1.2 s in paired bench/load_store.py runs."""
    ctx = current()
    queries, filters = ctx.queries, ctx.filters
    builds = {"totals": _totals(ctx), "mentions by source": lambda: queries.mentions_by_source(filters)}
    ctx.prefetch(builds)
    totals = ctx.cached("totals", builds["totals"])
    st.title("Entities")
    st.caption(f"{totals.entities:,} entities · {totals.mentions:,} mentions · {totals.sources:,} source(s) · "
               f"pipeline: {md(queries.pipeline)}")
    st.caption("Click a bar, a cell, a dot or a node (shift-click or drag a box for several) to filter "
               "every page by those entities; each tab draws its chart when opened.")
    tabs = st.tabs(ENTITY_CHARTS, key=ENTITY_CHART_KEY, on_change="rerun")
    for tab, draw in zip(tabs, (_entities_by_type, _entity_density, _entity_tone, _entity_network)):
        if tab.open:
            with tab:
                draw(ctx)
    _mentions_in_context(ctx)
    _entity_downloads(ctx)
    st.subheader("Correct the entities")
    st.info("Merging and splitting entities needs the whole analysis in memory, so it is not offered on an "
            "analysis store: open the articles as an upload or a server corpus to correct them.",
            icon=":material/edit_off:")


def _mention_counts(ctx: StoreContext) -> pd.DataFrame:
    return ctx.cached("mentions by source", lambda: ctx.queries.mentions_by_source(ctx.filters))


def _entity_ranking(ctx: StoreContext) -> pd.DataFrame:
    """One ranking serves the heatmap, the tone chart and the network: their top names are its head."""
    return ctx.cached("entity ranking", lambda: network_entities(_mention_counts(ctx), max(
        NETWORK_CANDIDATES, ENTITY_SENTIMENT_CANDIDATES, entity_page.HEATMAP_ENTITIES)))


def _entities_by_type(ctx: StoreContext) -> None:
    counts = _mention_counts(ctx)
    entity_page._chart(ctx.cached("by type chart", lambda: entity_charts.entities_by_type_and_source(counts)),
                       "entities_by_type")


def _entity_density(ctx: StoreContext) -> None:
    queries, filters = ctx.queries, ctx.filters
    counts = _mention_counts(ctx)
    top = [str(e) for e in _entity_ranking(ctx)["entity"].head(entity_page.HEATMAP_ENTITIES)]
    words = ctx.cached("source words", lambda: queries.source_words(filters))
    density = ctx.cached("density", lambda: density_grid(counts[counts["entity"].isin(top)], words, top))
    entity_page._chart(ctx.cached("heatmap", lambda: entity_charts.mention_heatmap(density)), "entities_heatmap")
    st.caption("The heatmap divides mentions by the words each source published in view, so a long feature "
               "and a short wire compare fairly.")


def _entity_tone(ctx: StoreContext) -> None:
    queries, filters = ctx.queries, ctx.filters
    candidates = [str(e) for e in _entity_ranking(ctx)["entity"].head(ENTITY_SENTIMENT_CANDIDATES)]
    tone = ctx.cached("entity tone", lambda: entity_tone(queries.entity_sentence_tone(filters, candidates)))
    entity_page._chart(ctx.cached("tone chart", lambda: entity_charts.entity_sentiment(
        tone, limit=entity_page.SENTIMENT_ENTITIES, min_sentences=entity_views.MIN_SENTENCES_FOR_TREND)),
                       "entities_sentiment")
    st.caption(f"Each dot is the mean VADER compound of the sentences of one source that name the entity, "
               f"among the {ENTITY_SENTIMENT_CANDIDATES} most mentioned entities in view; its size and the hover "
               "give the number of sentences, the bar a 95% interval. Hollow dots rest on fewer than "
               f"{entity_views.MIN_SENTENCES_FOR_TREND} sentences: read them as examples, not a tendency.")


def _entity_network(ctx: StoreContext) -> None:
    queries, filters = ctx.queries, ctx.filters
    network = _entity_ranking(ctx).head(NETWORK_CANDIDATES)
    names = [str(e) for e in network["entity"]]
    pairs = ctx.cached("network pairs", lambda: queries.cooccurrence(filters, names))
    strongest = int(pairs["sentences"].max()) if not pairs.empty else 1
    left, right = st.columns(2)
    nodes = left.slider("Entities in the network", 10, NETWORK_CANDIDATES, 60, step=5, key=entity_page.NETWORK_NODES_KEY)
    minimum = right.slider("Minimum shared sentences", 1, max(2, strongest), 1, key=entity_page.NETWORK_MIN_KEY)
    entity_page._chart(ctx.cached(f"network {nodes} {minimum}", lambda: entity_charts.cooccurrence_network(
        network, pairs, max_nodes=nodes, min_sentences=minimum)), "entities_network")


def _mentions_in_context(ctx: StoreContext) -> None:
    st.subheader("Mentions in context")
    chosen = list(ctx.filters.entities)
    if not chosen:
        st.info(entity_page.NO_ENTITY_CHOSEN, icon=":material/touch_app:")
        return
    queries, filters = ctx.queries, ctx.filters
    found = ctx.cached("kwic", lambda: queries.keyword_in_context(filters, chosen, entity_page.KWIC_ROWS))
    head, button = st.columns([4, 1])
    head.caption(f"{found.total:,} mention(s) of {len(chosen)} selected entit{'y' if len(chosen) == 1 else 'ies'}"
                 + (f"; the first {len(found.rows):,} are shown, the CSV below has them all." if found.capped else "."))
    button.button("Clear entity filter", on_click=entity_page._clear_entity_filter, icon=":material/filter_alt_off:")
    if found.rows.empty:
        st.caption("No mention left after the other filters.")
        return
    st.html(entity_page.kwic_html(found.rows))
    if found.capped:
        st.download_button("Every mention of the selected entities (CSV)",
                           lambda: csv_bytes(queries.keyword_in_context(filters, chosen, found.total).rows),
                           file_name="parallax-mentions-in-context.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore", key="store_kwic_csv")


def _entity_downloads(ctx: StoreContext) -> None:
    queries, filters = ctx.queries, ctx.filters
    st.subheader("Download")
    st.download_button(
        "Entities (CSV)", lambda: csv_bytes(queries.entities(filters)), file_name="parallax-entities.csv",
        mime="text/csv", icon=":material/download:", on_click="ignore", key="store_entities_csv",
        help="One row per entity after filters.")
    st.caption(f"Every mention is in the store itself ({md(ctx.store.label)}/mentions, Parquet, one folder per "
               "shard): read it with DuckDB, pandas or `python -m analysis` for a CSV export.")


# --- Casualties and Compare ---------------------------------------------------------------------
# Their modules are imported when the page is first drawn: they read figures and articles with
# analysis.casualties and analysis.compare, which load the NLP pipeline's lexicon (spaCy), a
# second or so that the store's other pages never need.

def casualties() -> None:
    """The Casualties page (dashboard/store_casualties.py)."""
    from dashboard import store_casualties

    store_casualties.page()


def compare() -> None:
    """The Compare page (dashboard/store_compare.py)."""
    from dashboard import store_compare

    store_compare.page()


def pages() -> list[st.Page]:
    """The store's pages, at the same paths as the in-memory ones (dashboard.app.pages), so a
    link opens the same page whichever corpus it was made on."""
    return [
        st.Page(overview, title="Overview", icon=":material/dashboard:", url_path="home", default=True),
        st.Page(compare, title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page(entities, title="Entities", icon=":material/groups:", url_path="entities"),
        st.Page(casualties, title="Casualties", icon=":material/personal_injury:", url_path="casualties"),
        st.Page(timeline, title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page(sentiment, title="Sentiment", icon=":material/mood:", url_path="sentiment"),
        st.Page(overview, title="Overview", icon=":material/dashboard:", url_path="overview", visibility="hidden"),
    ]

