"""Store queries (DuckDB over the Parquet files) give what `apply` over the loaded store gives,
for every kind of filter and their combination."""

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.casualties import views as cv
from analysis.entities import views
from analysis.filters import FilterChoices, Filters, apply
from analysis.schema import CASUALTY_CATEGORIES
from analysis.store import build_store, load_store
from analysis.store.query import StoreQueries, store_version
from analysis.timeline.views import dated_events

ROOT = Path(__file__).resolve().parents[3]
CORPUS = [ROOT / "tests" / "data" / "incidents" / "dev.jsonl", ROOT / "tests" / "data" / "incidents" / "dev2.jsonl",
          ROOT / "seeds"]


@pytest.fixture(scope="module")
def store(tmp_path_factory, dask_cluster):
    root = tmp_path_factory.mktemp("query") / "store"
    # Shards of seven articles: every sharded table is read from several files.
    build_store([str(p) for p in CORPUS], root, client=dask_cluster[1], shard_size=7, show_progress=False)
    return root


@pytest.fixture(scope="module")
def loaded(store):
    return load_store(store)


@pytest.fixture(scope="module")
def queries(store):
    return StoreQueries(store)


def filter_cases(loaded) -> dict[str, Filters]:
    """Filters of each kind on this corpus: its two busiest sources, and the busiest alone (sources
    alone are answered from the rollups per source), its most mentioned
    entities, a date range inside its sentence dates, an entity type, sources with an entity
    type (whole articles kept, their mentions narrowed), and all at once."""
    sources = tuple(loaded.documents["source"].value_counts().index[:2])
    entities = tuple(loaded.entities.sort_values(["mentions", "entity"], ascending=[False, True])["entity"][:2])
    days = sorted(pd.to_datetime(loaded.sentences["date"], errors="coerce").dropna().dt.date.unique())
    start, end = days[len(days) // 4], days[3 * len(days) // 4]
    return {
        "none": Filters(),
        "sources": Filters(sources=sources),
        "one source": Filters(sources=sources[:1]),
        "entities": Filters(entities=entities),
        "dates": Filters(date_from=start, date_to=end),
        "open end": Filters(date_from=start),
        "label": Filters(labels=("GPE",)),
        "sources and label": Filters(labels=("PERSON",), sources=sources),
        "all": Filters(entities=entities[:1], labels=("GPE", "PERSON"), sources=sources, date_from=days[0],
                       date_to=end),
    }


CASES = ["none", "sources", "one source", "entities", "dates", "open end", "label", "sources and label", "all"]


def same_rows(actual: pd.DataFrame, expected: pd.DataFrame, keys: list[str], columns: list[str]) -> None:
    """The two tables hold the same rows in `columns` (order by `keys`; floats to float32 precision)."""
    def tidy(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame[columns].sort_values(keys, ignore_index=True)
        for column in frame.columns:
            if frame[column].dtype.kind in "M":
                frame[column] = frame[column].dt.date
            elif frame[column].dtype.kind in "iufb":  # ints, nullable ones and floats alike
                frame[column] = frame[column].astype("float64")
        return frame

    pd.testing.assert_frame_equal(tidy(actual), tidy(expected), check_dtype=False, rtol=1e-5, atol=1e-6)


def test_the_filters_keep_rows_in_every_table(loaded):
    # The cases narrow for real, or the equalities below would only compare whole tables (the
    # entity type narrows the mentions only).
    for name, filters in filter_cases(loaded).items():
        table = "mentions" if name == "label" else "sentences"
        if name != "none":
            assert 0 < len(apply(loaded, filters).tables()[table]) < len(loaded.tables()[table]), name


@pytest.mark.parametrize("case", CASES)
def test_totals_match_apply(case, loaded, queries):
    filters = filter_cases(loaded)[case]
    expected = apply(loaded, filters)
    totals = queries.totals(filters)
    published = pd.to_datetime(expected.documents["published"], errors="coerce").dropna()
    event_days = pd.to_datetime(expected.events["date"], errors="coerce").dropna()
    assert (totals.articles, totals.sources, totals.sentences, totals.mentions, totals.entities,
            totals.casualties, totals.incidents, totals.events) == (
        len(expected.documents), expected.documents["source"].nunique(), len(expected.sentences),
        len(expected.mentions), len(expected.entities), len(expected.casualties), len(expected.incidents),
        len(expected.events))
    assert (totals.first_published, totals.last_published) == (published.min().date(), published.max().date())
    assert (totals.first_event, totals.last_event) == (event_days.min().date(), event_days.max().date())


@pytest.mark.parametrize("case", CASES)
def test_tables_match_apply(case, loaded, queries):
    filters = filter_cases(loaded)[case]
    expected = apply(loaded, filters)

    documents = queries.documents(filters)
    assert documents.total == len(expected.documents)
    same_rows(documents.rows, expected.documents, ["doc_id"], ["doc_id", "source", "title", "published", "words"])
    newest = queries.documents(filters, limit=3)
    assert newest.total == len(expected.documents) and len(newest.rows) == 3
    assert list(newest.rows["published"].dt.date) == sorted(
        pd.to_datetime(expected.documents["published"]).dt.date, reverse=True)[:3]

    entity_columns = ["entity", "label", "mentions", "documents", "sources", "compound"]
    same_rows(queries.entities(filters), expected.entities, ["entity"], entity_columns)
    top = queries.entities(filters, limit=5)
    assert top["mentions"].dtype.kind == top["documents"].dtype.kind == "i"  # counts read "12", never "12.0"
    assert queries.mentions_by_source(filters)["mentions"].dtype.kind == "i"
    assert list(top["entity"]) == list(expected.entities["entity"][:5])

    same_rows(queries.mentions_by_source(filters), views.mentions_by_source(expected.mentions, expected.documents),
              ["entity", "source"], ["entity", "source", "mentions", "label"])
    assert list(queries.mentions_by_source(filters)["entity"].drop_duplicates()) == list(
        views.mentions_by_source(expected.mentions, expected.documents)["entity"].drop_duplicates())

    casualties, _ = queries.casualty_tables(filters)
    same_rows(casualties.casualties, expected.casualties, ["doc_id", "sent_id", "start", "category"],
              ["doc_id", "sent_id", "start", "category", "low", "high", "incident_id", "statistic_id"])
    same_rows(casualties.incidents, expected.incidents, ["incident_id"],
              ["incident_id", "category", "conservative", "n_sources"])
    same_rows(casualties.statistics, expected.statistics, ["statistic_id"], ["statistic_id", "low", "high"])
    assert queries.casualty_count(filters) == len(expected.casualties)
    reports = cv.source_reports(expected.casualties, expected.documents, expected.sentences)
    complete = cv.complete_incidents(expected.casualties, loaded.casualties)
    in_view = queries.incidents_in_view(filters)
    assert set(in_view["incident_id"]) == set(reports["incident_id"])
    assert set(in_view.loc[~in_view["partial"], "incident_id"]) == complete & set(reports["incident_id"])
    order = in_view.assign(position=in_view["category"].map({c: i for i, c in enumerate(CASUALTY_CATEGORIES)}))
    largest = order.sort_values(["conservative", "position", "incident_id"], ascending=[False, True, True],
                                na_position="last")["incident_id"]
    assert list(queries.incidents_in_view(filters, largest=4)["incident_id"]) == list(largest[:4])
    # The headline and the chart over time, added up in the store, as the views add up the rows.
    summary = queries.incident_summary(filters)
    ordered = order.sort_values(["position", "conservative", "incident_id"], ascending=[True, False, True],
                                na_position="last")  # the incident view's order, which joins each bar's ids
    pd.testing.assert_frame_equal(summary.totals, cv.category_totals(ordered), check_dtype=False)
    pd.testing.assert_frame_equal(summary.households, cv.household_totals(ordered), check_dtype=False)
    pd.testing.assert_frame_equal(summary.over_time, cv.totals_over_time(ordered), check_dtype=False)
    assert all(summary.totals[c].dtype.kind == "i" for c in ["incidents", "conservative", "low", "high", "reports"])
    assert (summary.incidents, summary.disagreeing, summary.partial) == (
        len(in_view), int(in_view["disagree"].sum()), int(in_view["partial"].sum()))
    narrow = queries.incidents_in_view(filters, ["incident_id", "conservative"])
    # The reports of some incidents, read from the store's reports when whole articles are kept.
    some_incidents = sorted(in_view["incident_id"])[:5]
    stored = queries.incident_reports(filters, some_incidents)
    if case in ("none", "sources", "one source", "label", "sources and label"):
        own = reports[reports["incident_id"].isin(some_incidents)].reset_index(drop=True)
        missing_as_none = {"unit": lambda frame: frame["unit"].astype(object).where(frame["unit"].notna(), None)}
        pd.testing.assert_frame_equal(stored.assign(**missing_as_none), own.assign(**missing_as_none),
                                      check_dtype=False)
    else:
        assert stored is None  # a report is its whole article's: dates and entities cut articles
    assert list(narrow.columns) == ["incident_id", "conservative", "partial"]
    pd.testing.assert_frame_equal(narrow, in_view[["incident_id", "conservative", "partial"]])
    same_rows(queries.statistics_in_view(filters), expected.statistics, ["statistic_id"], ["statistic_id", "low"])
    some = sorted(in_view["incident_id"])[:3]
    only, every = queries.casualty_tables(filters, some)
    assert set(only.casualties["incident_id"]) == set(some) == set(every.casualties["incident_id"])
    pd.testing.assert_frame_equal(queries.figures_of(filters, some).casualties, only.casualties)
    # What the Casualties page reads for a view: the kept figures, and every figure of their
    # incidents only (not of the store) to tell which incidents the filters kept whole.
    in_view_figures = queries.figures_in_view(filters)
    pd.testing.assert_frame_equal(in_view_figures.casualties, casualties.casualties)
    their = queries.figures_of(Filters(), sorted(set(in_view_figures.casualties["incident_id"].dropna())))
    assert cv.complete_incidents(in_view_figures.casualties, their.casualties) == complete
    page_reports = cv.source_reports(in_view_figures.casualties, in_view_figures.documents, in_view_figures.sentences)
    pd.testing.assert_frame_equal(
        cv.incidents_view(their.incidents, page_reports, cv.complete_incidents(in_view_figures.casualties,
                                                                             their.casualties)),
        cv.incidents_view(loaded.incidents, reports, complete), check_dtype=False)
    same_rows(only.casualties, expected.casualties[expected.casualties["incident_id"].isin(some)],
              ["doc_id", "sent_id", "start"], ["doc_id", "sent_id", "start", "low"])
    figure_sentences = expected.sentences.merge(expected.casualties[["doc_id", "sent_id"]].drop_duplicates())
    same_rows(casualties.sentences, figure_sentences, ["doc_id", "sent_id"], ["doc_id", "sent_id", "text", "date"])

    dated = dated_events(expected.events, expected.documents, expected.sentences)
    events = queries.events_page(filters, 0, 10_000)
    assert events.total == len(dated) and not events.capped
    same_rows(events.rows, dated, ["doc_id", "sent_id", "expr_start", "expression"],
              ["doc_id", "sent_id", "expr_start", "expression", "start", "end", "source", "expr_end", "is_period"])
    size = len(dated) // 3
    second_page = queries.events_page(filters, size, size)
    assert second_page.capped and len(second_page.rows) == size > 0
    assert list(second_page.rows["start"]) == list(dated["start"][size:2 * size])
    past_the_end = queries.events_page(filters, len(dated) + 5, max(size, 1))
    assert past_the_end.rows.empty and past_the_end.total == len(dated)  # still says how many there are


@pytest.mark.parametrize("case", CASES)
def test_aggregates_match_the_views_of_apply(case, loaded, queries):
    filters = filter_cases(loaded)[case]
    expected = apply(loaded, filters)
    names = views.top_entity_names(expected.mentions, 12)
    assert queries.top_entity_names(filters, 12) == names

    tone = views.entity_sentiment(expected.mentions, expected.sentences, expected.documents, names)
    same_rows(queries.entity_sentence_tone(filters, names).fillna({"spread": 0.0}), tone, ["entity", "source"],
              ["entity", "source", "label", "compound", "sentences", "spread"])
    same_rows(queries.cooccurrence(filters, names), views.cooccurrence(expected.mentions, names),
              ["source_entity", "target_entity"], ["source_entity", "target_entity", "sentences"])
    density = views.mention_density(expected.mentions, expected.documents, names)
    counted = queries.mention_counts(filters, names)
    same_rows(counted, density[density["mentions"] > 0], ["entity", "source"], ["entity", "source", "mentions", "label"])
    words = expected.documents.groupby("source", as_index=False)["words"].sum()
    same_rows(queries.source_words(filters), words, ["source"], ["source", "words"])

    scored = expected.sentences.merge(expected.documents[["doc_id", "source"]], on="doc_id")
    grouped = scored.groupby("source")["compound"]
    boxes = pd.DataFrame({"q1": grouped.quantile(0.25), "median": grouped.median(), "q3": grouped.quantile(0.75),
                          "mean": grouped.mean(), "n": grouped.size()}).reset_index()
    same_rows(queries.sentiment_boxes(filters), boxes, ["source"], ["source", "q1", "median", "q3", "mean", "n"])

    dated = expected.events.dropna(subset=["date"]).merge(expected.documents[["doc_id", "source"]], on="doc_id")
    days = pd.to_datetime(dated["date"])
    for unit, period in (("day", days.dt.normalize()), ("week", days.dt.to_period("W-SUN").dt.start_time),
                         ("month", days.dt.to_period("M").dt.start_time)):
        per_period = dated.assign(period=period).groupby(["period", "source"], as_index=False).agg(
            events=("doc_id", "size"), articles=("doc_id", "nunique"))
        same_rows(queries.events_by_period(filters, unit), per_period, ["period", "source"],
                  ["period", "source", "events", "articles"])

    ranked = queries.ranked_sentences(filters, negative_first=True, limit=5)
    assert ranked.total == len(expected.sentences)
    order = expected.sentences.sort_values(["compound", "doc_id", "sent_id"])
    assert list(zip(ranked.rows["doc_id"], ranked.rows["sent_id"])) == list(zip(order["doc_id"], order["sent_id"]))[:5]

    sentences, documents, articles = queries.longest_articles(filters, 4)
    assert articles == expected.sentences["doc_id"].nunique()
    assert sorted(sentences.groupby("doc_id").size(), reverse=True) == list(
        expected.sentences["doc_id"].value_counts().iloc[:4])
    assert set(documents["doc_id"]) == set(sentences["doc_id"])

    if names:
        context = queries.keyword_in_context(filters, names[:2], limit=3)
        kwic = views.keyword_in_context(expected.mentions, expected.sentences, expected.documents, names[:2])
        assert context.total == len(kwic) and context.capped == (len(kwic) > 3)
        pd.testing.assert_frame_equal(context.rows, kwic.head(3), check_dtype=False)


def test_choices_match_those_of_the_loaded_store(loaded, queries):
    assert queries.choices() == FilterChoices.of(loaded)


def test_chosen_articles_are_read_whole(loaded, queries):
    ids = list(loaded.casualties["doc_id"].drop_duplicates()[:2])
    articles, texts = queries.articles(ids)
    assert set(texts) == set(ids) and all(texts.values())
    for name in ("documents", "sentences", "mentions", "events", "casualties"):
        expected = loaded.tables()[name]
        expected = expected[expected["doc_id"].isin(ids)]
        keys = ["doc_id"] + [k for k in ("sent_id", "start") if k in expected.columns]
        same_rows(articles.tables()[name], expected, keys, keys)
    assert set(articles.entities["entity"]) == set(loaded.mentions[loaded.mentions["doc_id"].isin(ids)]["entity"])


def test_version_changes_when_the_store_is_rebuilt(tmp_path, store):
    before = store_version(store)
    assert before == store_version(store)
    manifest = store / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert store_version(store) != before


def test_a_folder_without_a_store_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        StoreQueries(tmp_path)


def test_dates_of_choices_are_dates(queries):
    choices = queries.choices()
    assert isinstance(choices.first_date, date) and choices.day_counts


def test_a_store_built_before_the_rollups_is_named_and_told_to_build_again(tmp_path, store):
    older = tmp_path / "older"
    shutil.copytree(store, older)
    shutil.rmtree(older / "rollups")
    with pytest.raises(FileNotFoundError, match="rollups.*build it again"):
        StoreQueries(older)
