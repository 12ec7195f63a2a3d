"""What every page needs to draw itself: the full analysis, the filtered one and the filters.

The router builds it once per rerun and hands it to the page through the visitor's session
state, so pages never recompute it and never reach into each other.

Everything derived from one view (the filtered analysis, a page's charts and tables) is computed
once per distinct view and shared by every session looking at the same data: a rerun (a widget,
a page switch and back) or another visitor with the same corpus, corrections and filters reuses
it instead of filtering and plotting again. Sessions run in threads of one process, so this is
what keeps twenty visitors from doing twenty times the same work under one interpreter lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import Analysis, Filters, apply
from analysis.entities import EntityCorrections
from analysis.filters import FilterChoices
from dashboard.bounded_cache import BoundedCache
from dashboard.corpus import LoadedCorpus, env_number

_CONTEXT_KEY = "_parallax_context"
FILTERED = "filtered analysis"  # the name the filtered analysis of a view is shared under
CHOICES = "filter choices"  # the name a corpus's FilterChoices are shared under
SHARED_MB_ENV = "PARALLAX_VIEW_CACHE_MB"
DEFAULT_SHARED_MB = 256
SHARED_TTL_ENV = "PARALLAX_VIEW_CACHE_TTL_S"
DEFAULT_SHARED_TTL_S = 900.0


SIZE_SAMPLE_ROWS = 2_000  # past this many rows a table's deep size is estimated from as many


def size_of(value: Any) -> int:
    """Roughly the bytes `value` holds: pandas' deep estimate for tables and analyses, the JSON a
    figure is sent as, else a nominal kilobyte (small values: captions, counts)."""
    if isinstance(value, pd.DataFrame):
        return table_bytes(value)
    if isinstance(value, Analysis):
        return sum(size_of(table) for table in value.tables().values())
    if isinstance(value, go.Figure):
        return len(value.to_json())
    return 1024


def table_bytes(table: pd.DataFrame) -> int:
    """pandas' deep size of `table`, from evenly spaced rows past SIZE_SAMPLE_ROWS: measuring every
    string of the Casualties page's incident tables (17,700 rows) took 80 ms each, on every
    filter change at 10,000 articles; 2,000 rows take 5 ms and estimate within a few percent."""
    if len(table) <= SIZE_SAMPLE_ROWS:
        return int(table.memory_usage(index=True, deep=True).sum())
    step = len(table) / SIZE_SAMPLE_ROWS
    sample = table.iloc[[int(i * step) for i in range(SIZE_SAMPLE_ROWS)]]
    return int(sample.memory_usage(index=True, deep=True).sum() * len(table) / SIZE_SAMPLE_ROWS)


class SharedViews(BoundedCache[tuple[str, str], Any]):
    """Values derived from a view, by (view key, name), shared by every session of the server.

    Bounded as every `BoundedCache` (least recently used past `max_bytes`, unused for `ttl_s`
    seconds), each value computed once. Values are shared, so callers must never modify one
    (pandas' copy-on-write keeps slices of a table from writing through; plotly figures are
    only serialised by st.plotly_chart).
    """

    def __init__(self, max_bytes: int, ttl_s: float, clock: Callable[[], float] = time.monotonic,
                 measure: Callable[[Any], int] = size_of) -> None:
        super().__init__(max_bytes, ttl_s, measure=measure, clock=clock)

    def get(self, view_key: str, name: str, build: Callable[[], Any]) -> Any:
        """The value `name` of the view `view_key`, built by `build` on a miss."""
        return self.fetch((view_key, name), build)


@st.cache_resource(show_spinner=False)
def shared_views() -> SharedViews:
    """The server's one store of derived values (a resource: one object shared by every session)."""
    megabytes = env_number(SHARED_MB_ENV, DEFAULT_SHARED_MB)
    return SharedViews(max_bytes=int(megabytes * 1024 * 1024), ttl_s=env_number(SHARED_TTL_ENV, DEFAULT_SHARED_TTL_S))


def view_key_of(corpus: LoadedCorpus, corrections: EntityCorrections, filters: Filters) -> str:
    """Everything a filtered analysis depends on: corpus content, corrections, filters. Never the
    visitor: only someone viewing the very same data shares what is derived from it."""
    return "|".join((corpus.content_key, corrections.to_query_value(),
                     repr(sorted(filters.to_query_params().items()))))


def filtered_analysis(corpus: LoadedCorpus, full: Analysis, corrections: EntityCorrections,
                      filters: Filters) -> Analysis:
    """`full` narrowed to `filters`, computed once per distinct view and shared (no filter: `full`
    itself, nothing to store)."""
    if filters.is_empty():
        return full
    return shared_views().get(view_key_of(corpus, corrections, filters), FILTERED, lambda: apply(full, filters))


def filter_choices(corpus: LoadedCorpus, full: Analysis, corrections: EntityCorrections) -> FilterChoices:
    """What the sidebar's filters offer on this corpus, computed once per corpus and corrections
    and shared: listing tens of thousands of entities on every rerun took most of a rerun."""
    return shared_views().get(view_key_of(corpus, corrections, Filters()), CHOICES, lambda: FilterChoices.of(full))


@dataclass(frozen=True)
class PageContext:
    corpus: LoadedCorpus
    full: Analysis
    filtered: Analysis
    filters: Filters
    corrections: EntityCorrections

    def view_key(self) -> str:
        """Everything the filtered analysis depends on: corpus content, corrections, filters."""
        return view_key_of(self.corpus, self.corrections, self.filters)

    def figure(self, name: str, build: Callable[[], go.Figure]) -> go.Figure:
        """The chart `name` of this view, built once per distinct view: a rerun that changes
        nothing it depends on (another widget, a page switch and back), or another visitor on the
        same view, reuses it. `build` must depend on this view only; never modify the result."""
        return shared_views().get(self.view_key(), name, build)

    def table(self, name: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """A page's table `name` of this view, built once per distinct view like `figure`.
        `name` must say everything else `build` depends on (a page's own option, say)."""
        return shared_views().get(self.view_key(), name, build)


def build(corpus: LoadedCorpus, full: Analysis, filters: Filters, corrections: EntityCorrections) -> PageContext:
    """The context of this rerun, its filtered analysis shared with every session on the same view."""
    return PageContext(corpus, full, filtered_analysis(corpus, full, corrections, filters), filters, corrections)


def publish(context: PageContext) -> None:
    st.session_state[_CONTEXT_KEY] = context


def current() -> PageContext:
    """The context the router published for this rerun."""
    return st.session_state[_CONTEXT_KEY]
