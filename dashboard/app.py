"""Parallax dashboard: `streamlit run dashboard/app.py`.

The router: page config, the shared sidebar (corpus, filters, pipeline) and st.navigation over
the pages in dashboard/views/. It analyses the corpus (cached), applies the filters once and
hands the result to the page; the URL is rewritten from the filters so a link reopens this view.
"""

from __future__ import annotations

import streamlit as st

from analysis import apply
from dashboard import context, sidebar, url_state
from dashboard.corpus import analysis_of


def pages() -> list:
    """The pages, built per run (st.Page objects are cheap and hold no state of ours)."""
    return [
        st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview",
                default=True),
        st.Page("views/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page("views/entities.py", title="Entities", icon=":material/groups:", url_path="entities"),
        st.Page("views/casualties.py", title="Casualties", icon=":material/personal_injury:", url_path="casualties"),
        st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page("views/sentiment.py", title="Sentiment", icon=":material/mood:", url_path="sentiment"),
    ]


def main() -> None:
    st.set_page_config(page_title="Parallax", page_icon=":material/compare:", layout="wide")
    page = st.navigation(pages())
    st.sidebar.title("Parallax")
    st.sidebar.caption("How different sources cover the same conflict story.")
    corpus = sidebar.choose_corpus()
    sidebar.show_load_errors(corpus)
    if not corpus.documents:
        st.error("None of the files could be read: see the list in the sidebar.")
        st.stop()
    corrections = url_state.corrections()
    full = analysis_of(corpus, corrections)
    filters = sidebar.choose_filters(full)
    sidebar.show_pipeline(full)
    url_state.write(filters, corpus.corpus_id, corrections)
    context.publish(context.PageContext(corpus, full, apply(full, filters), filters, corrections))
    page.run()


main()
