"""Sentiment: how tone spreads within each article and source, sentence by sentence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.context import PageContext, current

SENTENCE_ROW_PX = 100  # four lines of text: most news sentences fit whole at 1440 px
SENTENCES_IN_VIEW = 8  # rows the ranked table shows before it scrolls
HEADER_ROW_PX = 38
ORDERS = {"Most negative first": True, "Most positive first": False}


def ranked_sentences(sentences: pd.DataFrame, documents: pd.DataFrame, negative_first: bool) -> pd.DataFrame:
    """Sentences ordered by compound, with where each comes from."""
    data = sentences.merge(documents[["doc_id", "source", "title"]], on="doc_id", how="left")
    data = data.sort_values(["compound", "doc_id", "sent_id"], ascending=[negative_first, True, True])
    return pd.DataFrame({
        "Sentiment": data["compound"],
        "Sentence": data["text"],
        "Source": data["source"],
        "Article": data["title"],
        "Paragraph": data["paragraph"] + 1,
    })


def render(ctx: PageContext) -> None:
    result = ctx.filtered
    st.title("Sentiment")
    st.caption("VADER compound per sentence: −1 is most negative, +1 most positive; "
               "news prose sits near 0, so read the spread, not only the mean.")
    by_source, by_article = st.tabs(["By source", "By article"])
    by_source.plotly_chart(
        ctx.figure("sentiment_by_source", lambda: charts.sentiment_by_source(result.sentences, result.documents)),
        key="sentiment_sources")
    by_article.plotly_chart(
        ctx.figure("sentiment_by_article", lambda: charts.sentiment_by_article(result.sentences, result.documents)),
        key="sentiment_articles")
    st.plotly_chart(ctx.figure("paragraph_arc", lambda: charts.paragraph_arc(result.sentences, result.documents)),
                    key="sentiment_arc")
    if result.documents["doc_id"].nunique() > 12:
        st.caption(f"Per-article charts show the longest of {len(result.documents)} articles; "
                   "filter by source, entity or date to see others.")

    st.subheader("Sentences ranked by sentiment")
    order = st.segmented_control("Order", list(ORDERS), default=list(ORDERS)[0], key="sentiment_order",
                                 label_visibility="collapsed")
    ranked = ranked_sentences(result.sentences, result.documents, ORDERS.get(order or "", True))
    st.dataframe(
        ranked,
        hide_index=True,
        row_height=SENTENCE_ROW_PX,  # room to wrap: a sentence is read whole, not cut at one line
        height=HEADER_ROW_PX + SENTENCE_ROW_PX * max(1, min(len(ranked), SENTENCES_IN_VIEW)),
        column_config={
            "Sentiment": st.column_config.ProgressColumn(min_value=-1.0, max_value=1.0, format="%.2f",
                                                         width=110),
            "Sentence": st.column_config.TextColumn(width=480),
            "Source": st.column_config.TextColumn(width=120),
            "Article": st.column_config.TextColumn(width=180),
            "Paragraph": st.column_config.NumberColumn(width=80),
        },
    )


# Streamlit runs a page file as "__main__"; imported (by a test, say), it only defines.
if __name__ == "__main__":
    render(current())
