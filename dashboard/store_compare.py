"""The Compare page over an analysis store (dashboard/store_pages.py draws the others): the
articles picked are read whole from the store and compared as in memory (dashboard/views/compare.py)."""

from __future__ import annotations

import streamlit as st

from analysis.compare import build_sides, selection_mode, term_counts
from analysis.compare.core import with_framing
from analysis.compare.selection import ARTICLE
from analysis.store.query import StoreQueries
from dashboard.store import current
from dashboard.views import compare as compare_page

COMPARE_OFFERED = 2_000  # the newest articles in view the picker lists
PRIOR_ARTICLES = 300  # the newest articles in view whose words are the framing statistic's prior


@st.cache_data(show_spinner=False, max_entries=4, ttl="1h")
def _prior(store_key: str, _queries: StoreQueries, doc_ids: tuple[str, ...]):
    """Word counts of the newest articles in view (at most PRIOR_ARTICLES): the framing
    statistic's prior, once per view."""
    return term_counts(tuple(_queries.texts(list(doc_ids)).values()))


def page() -> None:
    ctx = current()
    queries, filters = ctx.queries, ctx.filters
    st.title("Compare")
    st.caption("Pick two or more articles or sources on one story: what they share, what only one reports, "
               "and where tone, labels, figures and dates differ.")
    offered = ctx.cached("compare offered", lambda: queries.documents(filters, COMPARE_OFFERED))
    documents = offered.rows
    if len(documents) < 2:
        st.info("Comparing needs at least two articles: widen the sidebar filters or load more articles.")
        return
    if offered.capped:
        st.caption(f"The picker lists the newest {len(documents):,} of the {offered.total:,} articles in view, and a "
                   "source stands for its articles among them; narrow the sidebar filters (a source, an entity, "
                   "a date range) to reach the others.")
    keys = compare_page.choose_selection(documents, None)
    if len(keys) < 2:
        st.info(f"Pick at least two {'articles' if selection_mode(keys) == ARTICLE else 'sources'} to compare.")
        return
    sides = tuple(build_sides(keys, documents))
    wanted = sorted({d for side in sides for d in side.doc_ids})
    # Whole articles, whatever the filters: a filter change that keeps the selection reads none again.
    full, texts = ctx.cached_in_store(f"articles {wanted}", lambda: queries.articles(wanted))
    prior = _prior(ctx.view_key(), queries, tuple(documents["doc_id"].head(PRIOR_ARTICLES)))
    with st.spinner("Comparing…"):
        # Only the framing words weigh the articles in view: the rest is kept while the filters change.
        unframed = compare_page.unframed_comparison_of("|".join((ctx.store.root, queries.version)),
                                                       tuple((side.key, side.doc_ids) for side in sides),
                                                       sides, full, texts)
        comparison = with_framing(unframed, texts, prior, sides)
    compare_page.show_comparison(comparison, full, texts)
    st.caption(f"Distinctive words weigh each side against the words of the newest "
               f"{min(len(documents), PRIOR_ARTICLES):,} of the {offered.total:,} articles in view.")
