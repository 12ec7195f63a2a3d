"""Timeline display shaping: events with sources, the story window, casualty dates, clamping."""

from datetime import date

import pandas as pd
import pytest

from analysis import Document, analyze
from analysis.timeline.views import (
    casualty_marks,
    clamp_range,
    dated_events,
    event_table,
    focus_window,
    outside,
    publications,
    reading,
    story_window,
)

TEXT_A = (
    "Shelling hit the port city of Mariupol on Tuesday, officials said.\n\n"
    "At least 12 people were killed and 30 wounded, the regional governor said on Wednesday.\n\n"
    "The city was also shelled last week and in March.\n\n"
    "It was the worst attack since the September 11 attacks in 2001, one analyst said."
)
TEXT_B = "Residents fled the city on Monday. Aid convoys reached the outskirts yesterday."


@pytest.fixture(scope="module")
def result():
    docs = [
        Document("a", "Port city shelled <again>", "Wire & Co", date(2022, 4, 21), "", TEXT_A),
        Document("b", "Residents flee", "Daily Post", None, "", TEXT_B),
    ]
    return analyze(docs)


def events_frame(rows):
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "expression", "date", "date_end",
                                       "granularity", "relative", "text"])


def test_dated_events_carry_source_period_and_sentence_offsets(result):
    events = dated_events(result.events, result.documents, result.sentences)
    assert not events.empty
    assert set(events["source"]) <= {"Wire & Co", "Daily Post"}
    for row in events.itertuples():
        # The highlighted span of the sentence is the expression itself.
        assert row.text[row.expr_start:row.expr_end] == row.expression
        assert row.start <= row.end
        assert row.is_period == (row.granularity in ("week", "month", "year") and row.end > row.start)
    assert list(events["start"]) == sorted(events["start"])


def test_relative_dates_of_an_undated_article_are_marked_as_estimated(result):
    events = dated_events(result.events, result.documents, result.sentences)
    undated = events[events["doc_id"] == "b"]
    assert not undated.empty
    assert (undated["anchor_estimated"] == undated["relative"]).all()
    assert not events[events["doc_id"] == "a"]["anchor_estimated"].any()


def test_dated_events_drop_unreadable_dates_and_fix_a_missing_end():
    docs = pd.DataFrame({"doc_id": ["d"], "title": ["t"], "source": ["S"], "published_estimated": [False]})
    events = events_frame([
        ("d", 0, 0, 5, "May 3", date(2021, 5, 3), None, "day", True, "May 3 was calm."),
        ("d", 0, 0, 5, "whenever", None, None, "day", True, "whenever"),
        ("d", 1, 10, 14, "2020", date(2020, 1, 1), date(2020, 12, 31), "year", False, "In 2020 it began."),
    ])
    shaped = dated_events(events, docs)
    assert len(shaped) == 2
    day = shaped[shaped["expression"] == "May 3"].iloc[0]
    assert day["end"] == day["start"] == pd.Timestamp("2021-05-03") and not day["is_period"]
    year = shaped[shaped["expression"] == "2020"].iloc[0]
    assert year["is_period"] and year["end"] == pd.Timestamp("2020-12-31")
    assert (shaped["expr_start"] == -1).all()  # no sentences given: no highlight offsets


def test_dated_events_of_an_empty_table():
    docs = pd.DataFrame({"doc_id": [], "title": [], "source": [], "published_estimated": []})
    assert dated_events(events_frame([]), docs).empty


def test_publications_keep_dated_articles_and_the_estimate_flag(result):
    published = publications(result.documents)
    assert set(published["doc_id"]) <= {"a", "b"}
    row = published.set_index("doc_id").loc["a"]
    assert row["published"] == pd.Timestamp("2022-04-21") and not row["estimated"]
    if "b" in set(published["doc_id"]):
        assert published.set_index("doc_id").loc["b", "estimated"]


def test_casualty_marks_sit_on_their_incidents_dates(result):
    marks = casualty_marks(result.casualties, result.sentences, result.documents)
    assert not marks.empty
    incident_dates = result.incidents.set_index("incident_id")["date"]
    for row in marks.itertuples():
        assert row.date == pd.Timestamp(incident_dates.loc[row.incident_id])
        assert row.figure >= 0
    assert 12 in set(marks["figure"])


def test_casualty_marks_are_one_per_report_of_an_incident_and_never_a_statistic():
    sentences = pd.DataFrame({"doc_id": ["p", "p", "q", "q"], "sent_id": [0, 1, 0, 1],
                              "date": [date(2023, 5, 2), date(2023, 5, 2), date(2023, 5, 3), date(2023, 1, 1)]})
    documents = pd.DataFrame({"doc_id": ["p", "q"], "source": ["Wire One", "Wire Two"], "title": ["t1", "t2"]})
    casualties = pd.DataFrame({
        "doc_id": ["p", "p", "q", "q"], "sent_id": [0, 1, 0, 1], "category": ["killed"] * 4,
        "value": [7, 7, 19, 850], "low": [7, 7, 19, 850], "text": ["seven", "7", "19", "850"],
        "evidence": ["A blast killed seven.", "Police confirmed 7 dead.", "The toll rose to 19.",
                     "850 have died this year."],
        "incident_id": ["I1", "I1", "I1", None], "superseded": [True, True, False, False],
        "kind": ["incident", "incident", "incident", "statistic"], "part_of": [False] * 4,
    })
    marks = casualty_marks(casualties, sentences, documents)
    assert marks[["source", "figure", "superseded"]].values.tolist() == [["Wire One", 7, True], ["Wire Two", 19, False]]
    assert set(marks["date"]) == {pd.Timestamp(2023, 5, 2)}  # the incident's date, for every report


def test_focus_window_leaves_a_distant_anniversary_outside():
    starts = pd.Series(pd.to_datetime(["2001-09-11", "2021-06-10", "2021-07-07", "2021-07-12", "2021-09-01"]))
    ends = pd.Series(pd.to_datetime(["2001-09-11", "2021-06-10", "2021-07-07", "2021-07-12", "2021-09-30"]))
    anchors = pd.Series(pd.to_datetime(["2021-07-13", "2021-07-13"]))
    first, last = focus_window(starts, ends, anchors)
    assert first <= pd.Timestamp("2021-06-10") and last >= pd.Timestamp("2021-09-30")
    assert first > pd.Timestamp("2021-01-01")
    assert list(outside(starts, ends, (first, last))) == [True, False, False, False, False]


def test_focus_window_follows_a_steady_run_of_events():
    # Weekly events over a year: no gap is unusual, so the whole run stays in view.
    starts = pd.Series(pd.date_range("2020-01-06", "2020-12-28", freq="7D"))
    first, last = focus_window(starts, starts, pd.Series(pd.to_datetime(["2020-12-30"])))
    assert first <= pd.Timestamp("2020-01-06") and last >= pd.Timestamp("2020-12-30")


def test_focus_window_without_publication_dates_centres_on_the_median_item():
    starts = pd.Series(pd.to_datetime(["1990-01-01", "2022-03-01", "2022-03-05", "2022-03-09"]))
    first, last = focus_window(starts, starts, pd.Series([], dtype="datetime64[ns]"))
    assert first > pd.Timestamp("2021-01-01") and last >= pd.Timestamp("2022-03-09")


def test_focus_window_of_nothing_and_of_one_day():
    empty = pd.Series([], dtype="datetime64[ns]")
    assert focus_window(empty, empty, empty) is None
    one = pd.Series(pd.to_datetime(["2022-03-01"]))
    first, last = focus_window(one, one, one)
    assert first < pd.Timestamp("2022-03-01") < last


def test_story_window_is_not_stretched_by_year_events():
    docs = pd.DataFrame({"doc_id": ["d"], "title": ["t"], "source": ["S"], "published_estimated": [False],
                         "published": [date(2023, 4, 18)]})
    events = dated_events(events_frame([
        ("d", 0, 0, 4, "2022", date(2022, 1, 1), date(2022, 12, 31), "year", False, "2022 was bad."),
        ("d", 1, 0, 6, "Monday", date(2023, 4, 17), date(2023, 4, 17), "day", True, "Monday it began."),
    ]), docs)
    first, last = story_window(events, publications(docs))
    assert first > pd.Timestamp("2023-01-01") and last < pd.Timestamp("2023-05-01")


@pytest.mark.parametrize("picked, expected", [
    ((date(2021, 6, 1), date(2021, 7, 1)), (date(2021, 6, 1), date(2021, 7, 1))),
    ((date(2021, 7, 1), date(2021, 6, 1)), (date(2021, 6, 1), date(2021, 7, 1))),  # reversed
    ((date(2000, 1, 1), date(2021, 7, 1)), (date(2001, 9, 11), date(2021, 7, 1))),  # clamped start
    ((date(2021, 6, 1), date(2030, 1, 1)), (date(2021, 6, 1), date(2021, 9, 1))),  # clamped end
    ((date(2022, 1, 1), date(2023, 1, 1)), None),  # misses the corpus span
])
def test_clamp_range_to_the_corpus_span(picked, expected):
    assert clamp_range(*picked, date(2001, 9, 11), date(2021, 9, 1)) == expected


def test_clamp_range_without_dates():
    assert clamp_range(date(2021, 6, 1), date(2021, 7, 1), None, None) is None


def test_event_table_reads_as_a_list_with_evidence(result):
    events = dated_events(result.events, result.documents, result.sentences)
    table = event_table(events)
    assert list(table.columns) == ["Date", "Until", "Granularity", "Expression", "Reading", "Sentence",
                                   "Source", "Article"]
    assert len(table) == len(events)
    assert table["Date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    periods = table[table["Granularity"] != "day"]
    assert (periods["Until"] > periods["Date"]).all()
    assert set(table["Reading"]) <= {"absolute", reading(True, False), reading(True, True)}
    assert "Port city shelled <again>" in set(table["Article"])  # plain text: escaping is the view's job


def test_event_table_of_nothing_has_its_columns():
    docs = pd.DataFrame({"doc_id": [], "title": [], "source": [], "published_estimated": []})
    assert list(event_table(dated_events(events_frame([]), docs)).columns)[:2] == ["Date", "Until"]
