"""Overview: the corpus at a glance: KPIs, the articles, who is named most, tone by source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.context import PageContext, current


def date_span(documents: pd.DataFrame, sentences: pd.DataFrame) -> str:
    dates = pd.to_datetime(pd.concat([documents["published"], sentences["date"]]), errors="coerce").dropna()
    if dates.empty:
        return "—"
    first, last = dates.min(), dates.max()
    return f"{first:%d %b %Y}" if first == last else f"{first:%b %Y} – {last:%b %Y}" if first.year != last.year or first.month != last.month else f"{first:%d}–{last:%d %b %Y}"


def articles_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The articles as an analyst reads them: an estimated date says so."""
    published = pd.to_datetime(documents["published"], errors="coerce")
    shown = published.dt.strftime("%Y-%m-%d").fillna("unknown")
    shown = shown.where(~documents["published_estimated"].astype(bool), shown + " (estimated)")
    return pd.DataFrame({
        "Source": documents["source"],
        "Published": shown,
        "Title": documents["title"],
        "Words": documents["words"],
        "Mean sentiment": documents["compound"],
        "Link": documents["url"],
    })


def render(ctx: PageContext) -> None:
    result = ctx.filtered
    st.title("Overview")
    st.caption(f"{ctx.corpus.label} · pipeline: {ctx.full.pipeline}")
    columns = st.columns(6)
    incidents = len(result.incidents) if not result.incidents.empty else len(result.casualties)
    kpis = [
        ("Articles", f"{len(result.documents)}", None),
        ("Sources", f"{result.documents['source'].nunique()}", None),
        ("Sentences", f"{len(result.sentences):,}", None),
        ("Entities", f"{len(result.entities):,}", None),
        ("Casualty figures", f"{len(result.casualties)}",
         f"reported figures, grouped into {incidents} incident(s)"),
        ("Date span", date_span(result.documents, result.sentences), "from publication and event dates"),
    ]
    for column, (label, value, help_text) in zip(columns, kpis):
        column.metric(label, value, help=help_text)

    st.subheader("Articles")
    st.dataframe(
        articles_table(result.documents),
        hide_index=True,
        column_config={
            "Mean sentiment": st.column_config.ProgressColumn(
                "Mean sentiment", min_value=-1.0, max_value=1.0, format="%.2f",
                help="Mean VADER compound of the article's sentences (−1 negative … +1 positive)"),
            "Link": st.column_config.LinkColumn("Link", display_text="open"),
            "Words": st.column_config.NumberColumn("Words", format="%d"),
        },
    )
    left, right = st.columns(2)
    left.plotly_chart(charts.top_entities(result.entities), key="overview_entities")
    right.plotly_chart(charts.sentiment_by_source(result.sentences, result.documents),
                       key="overview_sentiment")


render(current())
