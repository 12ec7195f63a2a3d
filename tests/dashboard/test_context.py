"""The store of values derived from a view: computed once per view even under concurrent
sessions, shared, bounded by bytes and idle time; and the filtered analysis it serves."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import Filters, analyze, apply, load_corpus
from analysis.entities import EntityCorrections
from dashboard.context import FILTERED, SharedViews, filtered_analysis, size_of, view_key_of
from dashboard.corpus import _loaded

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_value_is_built_once_while_concurrent_sessions_wait_for_it():
    views = SharedViews(max_bytes=10**9, ttl_s=60)
    calls: list[int] = []
    results: list[object] = []

    def build() -> pd.DataFrame:
        calls.append(1)
        time.sleep(0.3)  # long enough for every other thread to ask meanwhile
        return pd.DataFrame({"x": [1, 2, 3]})

    threads = [threading.Thread(target=lambda: results.append(views.get("view", "table", build)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(results) == 8 and all(result is results[0] for result in results)


def test_distinct_views_and_names_are_distinct_values():
    views = SharedViews(max_bytes=10**9, ttl_s=60)
    a = views.get("view-a", "chart", lambda: "a")
    b = views.get("view-b", "chart", lambda: "b")
    c = views.get("view-a", "other", lambda: "c")
    assert (a, b, c) == ("a", "b", "c")
    assert views.get("view-a", "chart", lambda: "rebuilt") == "a"


def test_a_failed_build_is_not_stored_and_the_next_call_builds_again():
    views = SharedViews(max_bytes=10**9, ttl_s=60)

    def fail() -> str:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        views.get("view", "chart", fail)
    assert views.keys() == []
    assert views.get("view", "chart", lambda: "ok") == "ok"


def test_least_recently_used_values_go_once_the_bytes_pass_the_bound():
    views = SharedViews(max_bytes=250, ttl_s=60, measure=lambda value: 100)
    for name in ("a", "b"):
        views.get("view", name, lambda name=name: name)
    views.get("view", "a", lambda: "rebuilt")  # "a" is now the most recent
    views.get("view", "c", lambda: "c")
    assert views.keys() == [("view", "a"), ("view", "c")]
    assert views.total_bytes() == 200


def test_the_newest_value_is_kept_even_when_larger_than_the_bound():
    views = SharedViews(max_bytes=50, ttl_s=60, measure=lambda value: 100)
    views.get("view", "a", lambda: "a")
    views.get("view", "b", lambda: "b")
    assert views.keys() == [("view", "b")]


def test_values_unused_for_the_ttl_are_dropped():
    clock = Clock()
    views = SharedViews(max_bytes=10**9, ttl_s=60, clock=clock)
    views.get("view", "old", lambda: "old")
    clock.now = 30
    views.get("view", "recent", lambda: "recent")
    clock.now = 80  # "old" unused for 80 s, "recent" for 50 s
    assert views.get("view", "recent", lambda: "rebuilt") == "recent"
    assert views.keys() == [("view", "recent")]
    assert views.get("view", "old", lambda: "rebuilt") == "rebuilt"


def test_size_of_measures_tables_and_figures():
    small = pd.DataFrame({"text": ["a"] * 10})
    large = pd.DataFrame({"text": ["a long sentence of an article"] * 10_000})
    assert size_of(large) > 100 * size_of(small) > 0
    figure = go.Figure(go.Bar(x=list(range(1000)), y=list(range(1000))))
    assert size_of(figure) > size_of(go.Figure())


def test_a_long_table_is_measured_from_a_sample_within_a_few_percent():
    """Past SIZE_SAMPLE_ROWS rows the deep size comes from evenly spaced rows: strings of
    varying length (short wires, long features) still come out near the exact figure."""
    from dashboard.context import SIZE_SAMPLE_ROWS

    rows = 30_000
    table = pd.DataFrame({"text": ["word " * (i % 97) for i in range(rows)], "n": range(rows),
                          "source": [f"Outlet {i % 13}" for i in range(rows)]})
    exact = int(table.memory_usage(index=True, deep=True).sum())
    assert rows > SIZE_SAMPLE_ROWS
    assert abs(size_of(table) - exact) < 0.03 * exact
    assert size_of(table.head(100)) == int(table.head(100).memory_usage(index=True, deep=True).sum())


@pytest.fixture(scope="module")
def seeds():
    corpus = _loaded("seeds", "Bundled seeds", load_corpus([SEEDS]))
    return corpus, analyze(corpus.documents)


def test_the_filtered_analysis_is_the_filters_applied_and_shared(seeds):
    corpus, full = seeds
    filters = Filters(sources=("Republic World",))
    first = filtered_analysis(corpus, full, EntityCorrections(), filters)
    expected = apply(full, filters)
    for name, table in expected.tables().items():
        pd.testing.assert_frame_equal(getattr(first, name), table, obj=name)
    assert set(first.documents["source"]) == {"Republic World"}
    assert filtered_analysis(corpus, full, EntityCorrections(), filters) is first


def test_no_filter_is_the_full_analysis_itself(seeds):
    corpus, full = seeds
    assert filtered_analysis(corpus, full, EntityCorrections(), Filters()) is full


def test_the_view_key_tells_corpora_corrections_and_filters_apart(seeds):
    corpus, _ = seeds
    none, fix = EntityCorrections(), EntityCorrections().merge("Ankara", "Turkey")
    republic, taliban = Filters(sources=("Republic World",)), Filters(entities=("Taliban",))
    keys = {view_key_of(corpus, none, republic), view_key_of(corpus, fix, republic),
            view_key_of(corpus, none, taliban)}
    assert len(keys) == 3
    assert all(key.startswith(corpus.content_key) for key in keys)
    assert FILTERED not in keys
