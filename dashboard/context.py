"""What every page needs to draw itself: the full analysis, the filtered one and the filters.

The router builds it once per rerun and hands it to the page through the visitor's session
state, so pages never recompute it and never reach into each other.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def publish(context: PageContext) -> None:
    st.session_state[_CONTEXT_KEY] = context


def current() -> PageContext:
    """The context the router published for this rerun."""
    return st.session_state[_CONTEXT_KEY]
