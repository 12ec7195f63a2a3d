"""Keeps the sidebar filters and the URL in step, so a copied link reopens the same view.

The URL is read once per session to seed the widgets; from then on the widgets are the truth and
the URL is rewritten from them on every rerun. Writing it every rerun is also what keeps the
filters in the link after a page switch, which some Streamlit versions start with a bare URL.
"""

from __future__ import annotations

import streamlit as st

from analysis import Filters
from analysis.entities import EntityCorrections
from analysis.filters import FILTER_PARAMS

CORPUS_PARAM = "corpus"
CORRECTIONS_PARAM = "fix"
# The analyst's entity merges/splits for this session; the Entities page edits it.
CORRECTIONS_KEY = "entity_corrections"
_SEEDED_KEY = "_parallax_url_seeded"


def query_dict() -> dict[str, list[str]]:
    """The current query parameters with every value as a list (repeated keys kept)."""
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def initial_filters() -> Filters | None:
    """The filters in the URL the session was opened with, once; None on later reruns."""
    if st.session_state.get(_SEEDED_KEY):
        return None
    st.session_state[_SEEDED_KEY] = True
    return Filters.from_query_params(query_dict())


def corrections() -> EntityCorrections:
    """The session's entity corrections, seeded from the URL the first time."""
    if CORRECTIONS_KEY not in st.session_state:
        values = st.query_params.get_all(CORRECTIONS_PARAM)
        st.session_state[CORRECTIONS_KEY] = EntityCorrections.from_query_value(values[0] if values else None)
    return st.session_state[CORRECTIONS_KEY]


def requested_corpus() -> str | None:
    values = st.query_params.get_all(CORPUS_PARAM)
    return values[0] if values else None


def write(filters: Filters, corpus_id: str, fixes: EntityCorrections) -> None:
    """Rewrite the router's part of the URL (filters, corpus, corrections) from the session;
    parameters a page owns (e.g. the Compare page's selection) are kept as they are. Only
    writes when something differs, to avoid a needless rerun."""
    current = query_dict()
    router_owned = set(FILTER_PARAMS) | {CORPUS_PARAM, CORRECTIONS_PARAM}
    wanted = {key: values for key, values in current.items() if key not in router_owned}
    wanted.update(filters.to_query_params())
    wanted[CORPUS_PARAM] = [corpus_id]
    if fixes:
        wanted[CORRECTIONS_PARAM] = [fixes.to_query_value()]
    if current != wanted:
        st.query_params.from_dict(wanted)
