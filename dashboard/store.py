"""Store mode: the dashboard over an analysis store (`python -m analysis CORPUS --format store`).

`PARALLAX_STORE` names one or more store folders (separated like PATH); the sidebar then offers
"Analysis store" as the corpus. Nothing of the store is loaded whole: every page asks
`analysis.store.query.StoreQueries` (DuckDB over the Parquet files) for the small tables it
draws. Each answer is computed once per (store version, filters, question) and shared by every
session on the same view, in the same bounded store of derived values as the in-memory views
(dashboard.context.shared_views); a rebuilt store has a new version, so nothing stale is shown.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import streamlit as st

from analysis.filters import FilterChoices, Filters
from analysis.store.query import StoreQueries, store_version
from dashboard.context import shared_views

STORE_ENV = "PARALLAX_STORE"
SIDEBAR_ENTITIES = 2_000  # entities the sidebar's picker lists (the most mentioned, and any chosen)
_STORE_CONTEXT_KEY = "_parallax_store_context"


@dataclass(frozen=True)
class StoreCorpus:
    """A store the server was pointed at: where it is, what the sidebar calls it."""

    root: str
    label: str


def configured_stores() -> tuple[StoreCorpus, ...]:
    """The stores PARALLAX_STORE names (a host's setting, never a visitor's), in its order."""
    paths = [p for p in os.environ.get(STORE_ENV, "").split(os.pathsep) if p.strip()]
    return tuple(StoreCorpus(root=str(Path(p).expanduser()), label=Path(p).name or p) for p in paths)


@st.cache_resource(show_spinner="Opening the analysis store…", max_entries=8)
def _queries(root: str, version: str) -> StoreQueries:
    """One query object per store and version, shared by every session (it holds only views
    over the files, no rows); a rebuilt store gets a new one."""
    return StoreQueries(root)


def queries_of(store: StoreCorpus) -> StoreQueries:
    return _queries(store.root, store_version(store.root))


@dataclass(frozen=True)
class StoreContext:
    """What a store page needs: the store, its queries, the filters and the filter choices."""

    store: StoreCorpus
    queries: StoreQueries
    filters: Filters
    choices: FilterChoices

    def view_key(self) -> str:
        """The store's place and version and the filters: what every answer depends on."""
        return "|".join(("store", self.store.root, self.queries.version,
                         repr(sorted(self.filters.to_query_params().items()))))

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """The value `name` of this view (a table, a figure), built once per distinct view and
        shared; `name` must say everything else `build` depends on. Never modify the result."""
        return shared_views().get(self.view_key(), name, build)

    def cached_in_store(self, name: str, build: Callable[[], Any]) -> Any:
        """The value `name` of the store itself, whatever the filters (the whole rows of chosen
        articles, say): built once per store version and shared. Never modify the result."""
        key = "|".join(("store", self.store.root, self.queries.version, "whole store"))
        return shared_views().get(key, name, build)

    def prefetch(self, builds: Mapping[str, Callable[[], Any]]) -> None:
        """Start building the values `builds` names, side by side, each in a thread of its own:
        a page's queries that do not depend on each other then overlap (DuckDB releases the
        interpreter while it works) instead of queueing after a filter change. `cached` with the
        same name waits for the build under way, or finds its value. A build that fails here is
        left to `cached`, which builds it again and lets the page show the error."""
        views, key = shared_views(), self.view_key()
        for name, build in builds.items():
            threading.Thread(target=_build_quietly, args=(views, key, name, build), daemon=True,
                             name=f"parallax-prefetch {name}").start()


def _build_quietly(views, key: str, name: str, build: Callable[[], Any]) -> None:
    """`build` into the shared views, ignoring its failure: the page's own `cached` call builds
    it again in the script's thread, where an error is shown as any other."""
    with contextlib.suppress(Exception):  # the page's own attempt reports it
        views.get(key, name, build)


def choices_of(store: StoreCorpus, queries: StoreQueries) -> FilterChoices:
    """The sidebar's filter choices of the store, once per store version."""
    key = "|".join(("store", store.root, queries.version, "[]"))
    return shared_views().get(key, "filter choices", queries.choices)


def offered_choices(choices: FilterChoices, wanted: Iterable[str], limit: int = SIDEBAR_ENTITIES) -> FilterChoices:
    """`choices` with the entity picker cut to the `limit` most mentioned entities and those
    `wanted` (chosen in the sidebar, clicked in a chart or named by a link): a store names tens of
    thousands, and every rerun would send them all to the browser."""
    if len(choices.entities) <= limit:
        return choices
    keep = set(wanted)
    ranked = sorted(choices.entities, key=lambda entity: (-entity[2], entity[0]))
    offered = ranked[:limit] + [entity for entity in ranked[limit:] if entity[0] in keep]
    return replace(choices, entities=tuple(offered))


def publish(context: StoreContext) -> None:
    st.session_state[_STORE_CONTEXT_KEY] = context


def current() -> StoreContext:
    """The store context the router published for this rerun."""
    return st.session_state[_STORE_CONTEXT_KEY]
