"""Overview: the corpus at a glance: KPIs, the articles, who is named most, tone by source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.context import PageContext, current
from dashboard.markup import md

ARTICLE_ROW_PX = 66  # two lines; Streamlit wraps cell text only in rows taller than 4rem (64 px)


def date_span(dates: pd.Series) -> str:
    """A compact span such as "13 Jul 2021", "7–13 Jul 2021" or "May 2021 – Jul 2021"."""
    stamps = pd.to_datetime(dates, errors="coerce").dropna()
    if stamps.empty:
        return "—"
    first, last = stamps.min(), stamps.max()
    if first == last:
        return f"{first:%-d %b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%-d}–{last:%-d %b %Y}"
    return f"{first:%b %Y} – {last:%b %Y}"


def article_columns() -> dict:
    """How the articles table is drawn, on the Overview of a corpus and of an analysis store."""
    return {
        "Source": st.column_config.TextColumn("Source", width=140),
        "Published": st.column_config.TextColumn("Published", width=150),
        "Title": st.column_config.TextColumn("Title", width=390),
        "Mean sentiment": st.column_config.NumberColumn(
            "Sentiment", format="%+.2f", width=90,
            help="Mean VADER compound of the article's sentences (−1 negative … +1 positive)"),
        "Link": st.column_config.LinkColumn("Link", display_text="open", width=60),
        "Words": st.column_config.NumberColumn("Words", format="%d", width=70),
    }


def articles_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The articles as an analyst reads them: an estimated date says so, and the Link column is
    left out when no article has a link (uploads often have none): an empty column looks broken."""
    published = pd.to_datetime(documents["published"], errors="coerce")
    shown = published.dt.strftime("%Y-%m-%d").fillna("unknown")
    shown = shown.where(~documents["published_estimated"].astype(bool), shown + " (estimated)")
    table = pd.DataFrame({
        "Source": documents["source"],
        "Published": shown,
        "Title": documents["title"],
        "Words": documents["words"],
        "Mean sentiment": documents["compound"],
        "Link": documents["url"],
    })
    has_link = table["Link"].map(lambda url: isinstance(url, str) and bool(url.strip()))
    return table if has_link.any() else table.drop(columns="Link")


def render(ctx: PageContext) -> None:
    result = ctx.filtered
    st.title("Overview")
    st.caption(f"{md(ctx.corpus.label)} · pipeline: {md(ctx.full.pipeline)}")
    incidents = len(result.incidents) if not result.incidents.empty else len(result.casualties)
    kpis = [
        ("Articles", f"{len(result.documents)}", None),
        ("Sources", f"{result.documents['source'].nunique()}", None),
        ("Sentences", f"{len(result.sentences):,}", None),
        ("Entities", f"{len(result.entities):,}", "distinct people, places and organisations"),
        ("Casualty figures", f"{len(result.casualties)}",
         f"figures as reported, grouped into {incidents} incident(s)"),
        ("Published", date_span(result.documents["published"]),
         f"events reported: {date_span(result.events['date'])}"),
    ]
    for row in (kpis[:3], kpis[3:]):
        for column, (label, value, help_text) in zip(st.columns(3, border=True), row):
            column.metric(label, value, help=help_text)

    st.subheader("Articles")
    # Two lines per row and fixed widths: a long title wraps instead of pushing Link off the table.
    st.dataframe(
        articles_table(result.documents),
        hide_index=True,
        row_height=ARTICLE_ROW_PX,
        column_config=article_columns(),
    )
    left, right = st.columns(2)
    left.plotly_chart(ctx.figure("top_entities", lambda: charts.top_entities(result.entities)),
                      key="overview_entities")
    right.plotly_chart(
        ctx.figure("sentiment_by_source", lambda: charts.sentiment_by_source(result.sentences, result.documents)),
        key="overview_sentiment")


# Streamlit runs a page file as "__main__"; imported (by a test, say), it only defines.
if __name__ == "__main__":
    render(current())
