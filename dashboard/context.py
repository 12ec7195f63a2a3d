"""What every page needs to draw itself: the full analysis, the filtered one and the filters.

The router builds it once per rerun and hands it to the page through the visitor's session
state, so pages never recompute it and never reach into each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from analysis import Analysis, Filters
from analysis.entities import EntityCorrections
from dashboard.corpus import LoadedCorpus

_CONTEXT_KEY = "_parallax_context"


@dataclass(frozen=True)
class PageContext:
    corpus: LoadedCorpus
    full: Analysis
    filtered: Analysis
    filters: Filters
    corrections: EntityCorrections

    def view_key(self) -> str:
        """Everything the filtered analysis depends on: corpus content, corrections, filters."""
        return "|".join((self.corpus.content_key, self.corrections.to_query_value(),
                         repr(sorted(self.filters.to_query_params().items()))))

    def figure(self, name: str, build: Callable[[], go.Figure]) -> go.Figure:
        """The chart `name` of this view, built once per distinct view: a rerun that changes
        nothing it depends on (another widget, a page switch and back) reuses it."""
        return _cached_figure(self.view_key(), name, build)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_figure(view_key: str, name: str, _build: Callable[[], go.Figure]) -> go.Figure:
    # Keyed by content, never by visitor: only someone viewing the very same data shares it.
    return _build()


def publish(context: PageContext) -> None:
    st.session_state[_CONTEXT_KEY] = context


def current() -> PageContext:
    """The context the router published for this rerun."""
    return st.session_state[_CONTEXT_KEY]
