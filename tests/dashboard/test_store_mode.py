"""The dashboard pointed at an analysis store (PARALLAX_STORE): the store is the default corpus,
its figures are those of the loaded store narrowed by the filters, a capped list says so, the
uploads stay one click away, and every page draws in a real browser without an error."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.filters import Filters, apply
from analysis.store import build_store, load_store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
CORPUS = [ROOT / "tests" / "data" / "incidents" / "dev.jsonl", ROOT / "tests" / "data" / "incidents" / "dev2.jsonl"]
PATHS = ["overview", "compare", "entities", "casualties", "timeline", "sentiment"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dashboard-store") / "store"
    build_store([str(p) for p in CORPUS], root, workers=1, shard_size=10, show_progress=False)
    return root


def run(store: Path, monkeypatch, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("PARALLAX_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=120)
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_store_is_the_default_corpus_and_uploads_stay_offered(store, monkeypatch):
    at = run(store, monkeypatch)
    radio = at.sidebar.radio[0]
    assert radio.value == "Analysis store"
    assert "My articles" in radio.options and "Bundled corpus" in radio.options
    loaded = load_store(store)
    shown = apply(loaded, Filters(date_from=_default(at).date_from, date_to=_default(at).date_to))
    assert metric(at, "Articles") == f"{len(shown.documents):,}"
    assert metric(at, "Sentences") == f"{len(shown.sentences):,}"
    assert metric(at, "Casualty figures") == f"{len(shown.casualties):,}"


def _default(at: AppTest) -> Filters:
    """The filters the sidebar applies on opening: the default date range, as the URL says it."""
    params = {key: at.query_params[key] for key in ("from", "to") if key in at.query_params}
    return Filters.from_query_params(params)


def test_a_deep_link_filters_the_store_as_apply_does(store, monkeypatch):
    loaded = load_store(store)
    source = loaded.documents["source"].value_counts().index[0]
    at = run(store, monkeypatch, {"source": source})
    filters = Filters(sources=(source,), date_from=_default(at).date_from, date_to=_default(at).date_to)
    shown = apply(loaded, filters)
    assert metric(at, "Articles") == f"{len(shown.documents):,}" != f"{len(loaded.documents):,}"
    assert metric(at, "Entities") == f"{len(shown.entities):,}"
    assert at.query_params["corpus"] in ("store", ["store"])


def test_a_link_made_on_the_bundled_corpus_reopens_it_beside_a_store(store, monkeypatch):
    at = run(store, monkeypatch, {"corpus": "seeds"})
    if at.sidebar.radio[0].value != "Bundled corpus":  # the pages are set up again for the corpus chosen
        at.run()
    assert at.sidebar.radio[0].value == "Bundled corpus"
    assert at.query_params["corpus"] in ("seeds", ["seeds"])


def test_a_capped_list_says_how_much_it_leaves_out(store, monkeypatch):
    from dashboard import store_pages

    monkeypatch.setattr(store_pages, "LISTED_ARTICLES", 5)
    at = run(store, monkeypatch)
    articles = int(metric(at, "Articles").replace(",", ""))
    assert articles > 5
    assert len(at.dataframe[0].value) == 5
    notes = [c.value for c in at.caption]
    assert any(f"Showing 5 of {articles:,} articles" in note for note in notes), notes
    assert any(b.label == "Download every article in view (CSV)" for b in at.get("download_button"))


def test_without_a_store_the_corpus_choice_is_unchanged(monkeypatch):
    monkeypatch.delenv("PARALLAX_STORE", raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert at.sidebar.radio[0].options == ["Bundled corpus", "My articles"]
    assert at.sidebar.radio[0].value == "Bundled corpus"


def test_a_missing_store_is_said_without_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_STORE", str(tmp_path / "nowhere"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    assert any("could not be opened" in e.value for e in at.error)
    assert str(tmp_path) not in " ".join(e.value for e in at.error)  # no server path in the browser


@pytest.mark.browser
def test_every_page_draws_from_the_store_in_a_browser(store, start_server, new_page, ui):
    base = start_server(PARALLAX_STORE=str(store))
    source = pd.read_parquet(next((store / "documents").rglob("*.parquet")))["source"].iloc[0]
    titles = {"overview": "Overview", "compare": "Compare", "entities": "Entities", "casualties": "Casualties",
              "timeline": "Timeline", "sentiment": "Sentiment"}
    for path in PATHS:
        for query in ("", f"?source={source.replace(' ', '+')}"):
            new_page.goto(f"{base}/{path}{query}")
            ui.wait_for_page(new_page)
            assert new_page.locator("[data-testid='stMain'] h1").first.inner_text() == titles[path]
            assert not ui.error_boxes(new_page), (path, query)
    new_page.goto(f"{base}/entities?entity=Omdurman")
    ui.wait_for_page(new_page)
    assert new_page.locator("mark", has_text="Omdurman").count() > 0  # the mentions in context


def test_the_entity_picker_offers_the_most_mentioned_and_every_chosen_one():
    from analysis.filters import FilterChoices
    from dashboard.store import offered_choices

    choices = FilterChoices(entities=(("Gao", "GPE", 5), ("Aden", "GPE", 9), ("Red Cross", "ORG", 7),
                                      ("Amina Yusuf", "PERSON", 1), ("Kidal", "GPE", 7)),
                            labels=("GPE", "ORG", "PERSON"), sources=("Lantern News",), first_date=None,
                            last_date=None)
    offered = offered_choices(choices, ["Amina Yusuf"], limit=3)
    assert [e for e, _, _ in offered.entities] == ["Aden", "Kidal", "Red Cross", "Amina Yusuf"]
    assert offered.sources == choices.sources and offered.labels == choices.labels
    assert offered_choices(choices, [], limit=5) is choices


def test_the_casualty_totals_at_scale_are_those_of_the_whole_analysis(store):
    """Past DETAILED_FIGURES the page counts the incident table's rows; with every report of each
    incident in view, the totals are those the page computes from every figure."""
    from analysis.casualties import views as cv
    from analysis.store.query import StoreQueries
    from dashboard.store_casualties import incident_view_of

    loaded = load_store(store)
    reports = cv.source_reports(loaded.casualties, loaded.documents, loaded.sentences)
    expected = cv.incidents_view(loaded.incidents, reports, cv.complete_incidents(loaded.casualties, loaded.casualties))
    at_scale = incident_view_of(StoreQueries(store).incidents_in_view(Filters()))
    units = expected["unit"].astype(object)
    expected = expected.assign(unit=units.where(units.notna(), None))  # a missing unit: None, not NaN
    assert len(expected) > 10 and set(expected["unit"].dropna()) == {"families", "households"}
    pd.testing.assert_frame_equal(at_scale, expected, check_dtype=False)
    pd.testing.assert_frame_equal(cv.category_totals(at_scale), cv.category_totals(expected))
    pd.testing.assert_frame_equal(cv.totals_over_time(at_scale), cv.totals_over_time(expected))


def test_the_entities_page_ranks_and_counts_from_the_mentions_per_source_as_apply_does(store):
    """The Entities page reads one table of mentions per entity and source; its ranking (the
    heatmap's rows, the tone chart's candidates, the network's nodes) and its heatmap densities
    are those of the views over `apply` for each kind of filter."""
    from analysis.entities import views
    from analysis.store.query import StoreQueries
    from dashboard.store_pages import density_grid, network_entities

    loaded = load_store(store)
    queries = StoreQueries(store)
    busiest = tuple(loaded.documents["source"].value_counts().index[:2])
    named = loaded.entities.sort_values(["mentions", "entity"], ascending=[False, True])["entity"].iloc[0]
    days = sorted(pd.to_datetime(loaded.sentences["date"], errors="coerce").dropna().dt.date.unique())
    for filters in (Filters(), Filters(sources=busiest), Filters(entities=(named,)), Filters(labels=("GPE",)),
                    Filters(date_from=days[len(days) // 3], date_to=days[-1])):
        expected = apply(loaded, filters)
        counts = queries.mentions_by_source(filters)
        ranked = network_entities(counts, 40)
        assert list(ranked["entity"]) == views.top_entity_names(expected.mentions, 40), filters
        top = list(ranked["entity"].head(8))
        density = density_grid(counts[counts["entity"].isin(top)], queries.source_words(filters), top)
        wanted = views.mention_density(expected.mentions, expected.documents, top)
        pd.testing.assert_frame_equal(density.reset_index(drop=True), wanted.reset_index(drop=True),
                                      check_dtype=False)


def _store_timeline() -> None:
    """The store's Timeline page alone, as the router runs it (AppTest runs this function's body)."""
    from types import SimpleNamespace

    from dashboard import app, store_pages
    from dashboard import store as stores

    app.show_store(stores.configured_stores()[0], SimpleNamespace(run=store_pages.timeline, url_path="timeline"))


def test_the_store_timeline_slider_sets_the_date_filter_of_every_page(store, monkeypatch):
    monkeypatch.setenv("PARALLAX_STORE", str(store))
    at = AppTest.from_function(_store_timeline, default_timeout=120)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    slider = next(s for s in at.select_slider if s.label.startswith("Date filter"))
    from analysis.store.query import StoreQueries

    days = [day for day, _ in StoreQueries(store).choices().day_counts]  # the slider's stops
    assert len(slider.options) == len(days) > 10
    start, end = days[len(days) // 3], days[2 * len(days) // 3]
    slider.set_range(start, end).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.query_params["from"] in (start.isoformat(), [start.isoformat()])
    assert at.query_params["to"] in (end.isoformat(), [end.isoformat()])
    moved = next(s for s in at.select_slider if s.label.startswith("Date filter"))
    assert moved.value == (start, end)
    loaded = load_store(store)
    shown = apply(loaded, Filters(date_from=start, date_to=end))
    dated = pd.to_datetime(shown.events["date"], errors="coerce").notna().sum()
    assert any(f"{dated:,} of" in c.value or f"of {dated:,}" in c.value for c in at.caption), [c.value for c in at.caption]
    reset = next(b for b in at.button if b.label == "Reset date filter")
    assert not reset.disabled
    reset.click().run()
    assert next(b for b in at.button if b.label == "Reset date filter").disabled


def test_a_prefetched_value_is_built_once_and_a_failed_one_is_shown_by_the_page(store):
    """StoreContext.prefetch builds in threads; `cached` with the same name waits for that build
    instead of running its own, and a build that failed in a thread is built again by `cached`,
    whose error the page then shows."""
    import threading

    from analysis.store.query import StoreQueries
    from dashboard.store import StoreContext, StoreCorpus

    queries = StoreQueries(store)
    ctx = StoreContext(StoreCorpus(str(store), "store"), queries, Filters(sources=("Prefetch test",)),
                       queries.choices())
    calls: list[str] = []
    started, release, tried = threading.Event(), threading.Event(), threading.Event()

    def slow_answer() -> int:
        calls.append("answer")
        started.set()
        release.wait(10)
        return 42

    def broken() -> int:
        calls.append("broken")
        tried.set()
        raise ValueError("no such table")

    ctx.prefetch({"answer": slow_answer, "broken": broken})
    assert started.wait(10)
    release.set()
    assert ctx.cached("answer", slow_answer) == 42
    assert calls.count("answer") == 1
    assert tried.wait(10)  # the thread's attempt has failed (or is failing) before the page asks
    with pytest.raises(ValueError, match="no such table"):
        ctx.cached("broken", broken)
    assert calls.count("broken") == 2


# Run in a fresh interpreter: this test process has imported every module already.
_FIRST_OPEN = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120)
at.run()
assert not at.exception, [e.message for e in at.exception]
print(json.dumps({"title": at.title[0].value, "loaded": sorted(sys.modules)}))
"""


def test_opening_a_store_loads_no_analysis_pipeline_until_a_page_needs_it(store):
    """The store's Overview is drawn from DuckDB queries: the casualty, comparison and analysis
    engines (and what they import) load with the Casualties or Compare page, not before."""
    import json
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _FIRST_OPEN, APP], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PARALLAX_STORE": str(store)}, cwd=ROOT, check=True)
    opened = json.loads(done.stdout.strip().splitlines()[-1])
    assert opened["title"] == "Overview"
    loaded = set(opened["loaded"])
    assert "analysis.store.query" in loaded and "dashboard.store_pages" in loaded
    assert not {"analysis.engine", "analysis.casualties", "analysis.compare", "analysis.store.build",
                "dashboard.store_casualties", "dashboard.store_compare"} & loaded


def _store_entities() -> None:
    """The store's Entities page alone, as the router runs it."""
    from types import SimpleNamespace

    from dashboard import app, store_pages
    from dashboard import store as stores

    app.show_store(stores.configured_stores()[0], SimpleNamespace(run=store_pages.entities, url_path="entities"))


def test_the_store_entities_page_draws_only_the_chart_of_its_open_tab(store, monkeypatch):
    """Each of the four entity charts sits in a tab that draws it when opened: a filter change
    computes and draws one chart, not four. Every tab opens on its own chart, clickable to filter."""
    from dashboard.store_pages import ENTITY_CHART_KEY, ENTITY_CHARTS

    monkeypatch.setenv("PARALLAX_STORE", str(store))
    at = AppTest.from_function(_store_entities, default_timeout=120)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [tab.label for tab in at.tabs] == list(ENTITY_CHARTS)
    wanted = dict(zip(ENTITY_CHARTS, ("entities_by_type", "entities_heatmap", "entities_sentiment",
                                      "entities_network")))
    for label, key in wanted.items():
        at.session_state[ENTITY_CHART_KEY] = label
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        charts = at.get("plotly_chart")
        assert len(charts) == 1, label
        assert charts[0].proto.id.endswith(key), (label, charts[0].proto.id)
        assert charts[0].proto.selection_mode, label  # a click filters by entity
    assert {s.key for s in at.slider} >= {"entities_network_nodes", "entities_network_min"}


def _store_page(name: str) -> None:
    """One store page alone, as the router runs it (AppTest runs this function's body)."""
    from types import SimpleNamespace

    from dashboard import app, store_pages
    from dashboard import store as stores

    app.show_store(stores.configured_stores()[0], SimpleNamespace(run=getattr(store_pages, name), url_path=name))


def _open_each_tab(at: AppTest, key: str, labels: tuple[str, ...]):
    """Run the page once per tab with that tab open; yields each label as the page draws it."""
    for label in labels:
        at.session_state[key] = label
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        yield label


def test_the_store_sentiment_page_draws_only_the_chart_of_its_open_tab(store, monkeypatch):
    from dashboard.store_pages import SENTIMENT_CHART_KEY, SENTIMENT_CHARTS

    monkeypatch.setenv("PARALLAX_STORE", str(store))
    at = AppTest.from_function(_store_page, args=("sentiment",), default_timeout=120)
    at.run()
    assert [tab.label for tab in at.tabs] == list(SENTIMENT_CHARTS)
    wanted = dict(zip(SENTIMENT_CHARTS, ("sentiment_sources", "sentiment_articles", "sentiment_arc")))
    for label in _open_each_tab(at, SENTIMENT_CHART_KEY, SENTIMENT_CHARTS):
        charts = at.get("plotly_chart")
        assert [c.proto.id.rsplit("-", 1)[-1] for c in charts] == [wanted[label]], label
        assert len(at.dataframe) == 1  # the ranked sentences, under every tab


@pytest.mark.parametrize("detailed", [5_000, 1], ids=["every figure", "at scale"])
def test_the_store_casualties_page_draws_only_its_open_section(store, monkeypatch, detailed):
    """Under the totals and charts, the ledger, the statistics, one incident's sources and the
    figures are tabs, each drawn when opened; on either path (every figure read, or the largest
    incidents at scale) each tab shows its own section and the charts stay above them."""
    from dashboard import store_casualties
    from dashboard.store_casualties import SECTION_KEY, SECTIONS
    from dashboard.views import casualties as casualty_page

    monkeypatch.setattr(store_casualties, "DETAILED_FIGURES", detailed)
    monkeypatch.setenv("PARALLAX_STORE", str(store))
    at = AppTest.from_function(_store_page, args=("casualties",), default_timeout=120)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [tab.label for tab in at.tabs] == list(SECTIONS)
    for label in _open_each_tab(at, SECTION_KEY, SECTIONS):
        assert len(at.get("plotly_chart")) == (3 if detailed > 1 else 2), label  # totals, (by source,) over time
        columns = {column for frame in at.dataframe for column in frame.value.columns}
        pickers = {box.key for box in at.selectbox}
        figures = [body for body in (e.proto.body for e in at.get("html")) if "px-figures" in body]
        assert ("first_reported_by" in columns) == (label == "Incident ledger"), label
        assert ("statistic_id" in columns or any("No period totals" in i.value for i in at.info)) == (
            label == "Statistics"), label
        assert (casualty_page.INCIDENT_KEY in pickers) == (label == "Compare the sources of one incident"), label
        assert bool(figures) == (label == "Figures as reported"), label


def test_the_ledger_at_scale_reads_the_stored_reports_only_when_whole_articles_are_kept(store, monkeypatch):
    """A report is its whole article's: with no filter the ledger's reports come from the store's
    table of reports; a date range cuts articles, so they are made from the kept figures (and the
    ledger is drawn either way)."""
    from analysis.store.query import StoreQueries
    from dashboard import store_casualties
    from dashboard.context import shared_views

    answers: list = []
    read = StoreQueries.incident_reports
    monkeypatch.setattr(StoreQueries, "incident_reports",
                        lambda self, filters, ids: answers.append(read(self, filters, ids)) or answers[-1])
    monkeypatch.setattr(store_casualties, "DETAILED_FIGURES", 1)
    monkeypatch.setenv("PARALLAX_STORE", str(store))
    days = [day for day, _ in StoreQueries(store).choices().day_counts]
    for query, stored in (({}, True), ({"from": days[1].isoformat()}, False)):
        answers.clear()
        shared_views.clear()  # another test may have drawn the same view: build its values again
        at = AppTest.from_function(_store_page, args=("casualties",), default_timeout=120)
        at.query_params.update(query)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        assert answers and all((answer is not None) == stored for answer in answers), query
        ledger = next(frame.value for frame in at.dataframe if "first_reported_by" in frame.value.columns)
        assert len(ledger) > 0, query


@pytest.mark.browser
def test_a_tab_of_the_store_entities_page_draws_its_chart_when_clicked(store, start_server, new_page, ui):
    """In a real browser a closed tab holds no chart; a click on it reruns the page and draws its
    chart in place of the first tab's."""
    base = start_server(PARALLAX_STORE=str(store))
    new_page.goto(f"{base}/entities")
    ui.wait_for_page(new_page)
    charts = new_page.locator("[data-testid='stPlotlyChart']")
    assert charts.count() == 1
    assert "Most mentioned entities by type" in charts.first.inner_text()
    new_page.get_by_role("tab", name="Who is named together").click()
    new_page.wait_for_function("[...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")]"
                               ".some(c => c.textContent.includes('Named in the same sentence'))",
                               timeout=ui.timeout_ms)
    ui.wait_until_idle(new_page)
    assert charts.count() == 1
    assert not ui.error_boxes(new_page)
