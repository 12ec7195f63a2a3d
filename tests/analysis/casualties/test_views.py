"""The casualty views: evidence spans, each source's report, incidents through the filters, and
totals that add incidents, never several reports of one incident."""

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from analysis import Document, analyze
from analysis.casualties import group_incidents
from analysis.casualties import views as cv
from analysis.loading import load_corpus

DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"],
    "source": ["Wire", "Daily <News>", "Radio", "Wire"],
    "title": ["A", "B", "C", "D"],
    "url": ["https://x.org/a", "javascript:alert(1)", None, "https://x.org/d"],
    # a, b and c report the attack the same day: none supersedes another (see the revision tests)
    "published": [date(2023, 3, 10), date(2023, 3, 10), date(2023, 3, 10), date(2023, 3, 12)],
})
SENTENCES = pd.DataFrame({
    "doc_id": ["a", "a", "b", "c", "d"],
    "sent_id": [0, 1, 0, 0, 0],
    "start": [0, 50, 0, 0, 0],
    "date": [date(2023, 3, 9), date(2023, 3, 10), date(2023, 3, 9), date(2023, 3, 9), date(2023, 3, 9)],
})


def _row(doc_id, sent_id, category, value, low, high=None, *, start=0, end=2, qualifier="exact",
         evidence="", text="", incident="I1", part_of=False, toll=False, period=None):
    return {
        "doc_id": doc_id, "sent_id": sent_id, "start": start, "end": end, "category": category,
        "value": value, "qualifier": qualifier, "low": low, "high": high, "victims": "people",
        "location": "Town", "attribution": "officials", "evidence": evidence, "text": text,
        "period": period, "part_of": part_of, "corrected_from": None, "toll": toll,
        "incident_id": incident,
    }


def _casualties(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# --- evidence ---------------------------------------------------------------------------------

def test_span_is_shifted_by_the_sentence_start():
    evidence = "Gunmen killed 11 people."
    assert cv.evidence_span(evidence, 114, 116, 100, "11") == (14, 16)


def test_span_falls_back_to_the_written_figure_when_offsets_do_not_land_on_it():
    evidence = "Fourteen people were killed."
    assert cv.evidence_span(evidence, 5, 13, 0, "Fourteen") == (0, 8)
    assert cv.evidence_span(evidence, None, None, None, "fourteen") == (0, 8)
    assert cv.evidence_span(evidence, None, None, None, "nine") is None


def test_only_http_links_are_kept():
    assert cv.safe_link("https://x.org/a") == "https://x.org/a"
    assert cv.safe_link("javascript:alert(1)") is None
    assert cv.safe_link(None) is None


# --- figures ----------------------------------------------------------------------------------

def test_figures_table_keeps_every_figure_and_marks_subsets_as_not_counted():
    evidence = "At least 30 were wounded, including eight children."
    casualties = _casualties(
        _row("b", 0, "injured", 30, 30, start=0, end=11, qualifier="at_least", evidence=evidence, text="At least 30"),
        _row("b", 0, "injured", 8, 8, 8, start=36, end=41, evidence=evidence, text="eight", part_of=True),
    )
    table = cv.figures_table(casualties, SENTENCES, DOCS)
    assert list(table.columns) == cv.FIGURE_COLUMNS
    assert table["counted"].tolist() == [True, False]
    assert table["figure"].tolist() == ["At least 30", "eight"]
    spans = list(zip(table["span_start"], table["span_end"]))
    assert [evidence[s:e] for s, e in spans] == ["At least 30", "eight"]
    assert table["date"].tolist() == [date(2023, 3, 9)] * 2  # the sentence's event date
    assert table["source"].tolist() == ["Daily <News>"] * 2


def test_figures_table_of_nothing_has_its_columns():
    assert list(cv.figures_table(pd.DataFrame(), SENTENCES, DOCS).columns) == cv.FIGURE_COLUMNS


# --- reports ----------------------------------------------------------------------------------

def test_a_report_adds_coordinated_figures_of_one_sentence_and_keeps_the_largest():
    casualties = _casualties(
        _row("a", 0, "killed", 3, 3, 3, text="three"),
        _row("a", 0, "killed", 2, 2, 2, text="two"),      # "three soldiers and two civilians"
        _row("a", 1, "killed", 4, 4, 4, text="four"),      # a smaller figure later on
        _row("a", 1, "killed", 1, 1, 1, text="one", part_of=True),
    )
    reports = cv.source_reports(casualties, DOCS, SENTENCES)
    assert len(reports) == 1
    report = reports.iloc[0]
    assert (report["low"], report["high"], report["wording"]) == (5, 5, "three + two")


def test_a_cumulative_toll_stands_alone():
    casualties = _casualties(
        _row("a", 0, "killed", 19, 19, 19, text="19", toll=True),
        _row("a", 0, "killed", 4, 4, 4, text="four"),
    )
    report = cv.source_reports(casualties, DOCS, SENTENCES).iloc[0]
    assert report["low"] == 19 and report["wording"] == "19"


def test_a_vague_only_report_is_not_stated():
    casualties = _casualties(_row("c", 0, "injured", None, 12, qualifier="vague", text="Dozens"))
    report = cv.source_reports(casualties, DOCS, SENTENCES).iloc[0]
    assert not report["stated"] and report["low"] == 12


# --- one incident, three sources --------------------------------------------------------------

def _one_attack() -> tuple[pd.DataFrame, pd.DataFrame]:
    casualties = _casualties(
        _row("a", 0, "killed", 11, 11, qualifier="at_least", text="at least 11"),
        _row("b", 0, "killed", 14, 14, 14, text="Fourteen"),
        _row("c", 0, "killed", 19, 19, 19, text="19"),
        _row("c", 0, "injured", None, 12, qualifier="vague", text="Dozens", incident="I2"),
        _row("d", 0, "killed", 5, 5, 5, text="Five", incident="I3"),
    )
    incidents = pd.DataFrame([
        {"incident_id": "I1", "category": "killed", "location": "Town", "date": date(2023, 3, 9),
         "sources": "Daily <News>; Radio; Wire", "n_sources": 3, "reports": 3, "conservative": 11,
         "low": 11, "high": 19, "first_reported_by": "Wire", "first_reported": date(2023, 3, 10),
         "disagree": True, "summary": ""},
        {"incident_id": "I2", "category": "injured", "location": "Town", "date": date(2023, 3, 9),
         "sources": "Radio", "n_sources": 1, "reports": 1, "conservative": 12, "low": 12, "high": 12,
         "first_reported_by": "Radio", "first_reported": date(2023, 3, 10), "disagree": False, "summary": ""},
        {"incident_id": "I3", "category": "killed", "location": "Town", "date": date(2023, 3, 9),
         "sources": "Wire", "n_sources": 1, "reports": 1, "conservative": 5, "low": 5, "high": 5,
         "first_reported_by": "Wire", "first_reported": date(2023, 3, 12), "disagree": False, "summary": ""},
    ])
    return casualties, incidents


def test_totals_add_incidents_never_the_reports_of_one_incident():
    casualties, incidents = _one_attack()
    view = cv.incidents_view(incidents, cv.source_reports(casualties, DOCS, SENTENCES))
    totals = cv.category_totals(view).set_index("category")
    killed = totals.loc["killed"]
    assert killed["conservative"] == 11 + 5  # not 11 + 14 + 19 + 5
    assert (killed["low"], killed["high"]) == (16, 24)
    assert (killed["incidents"], killed["reports"], killed["sources"]) == (2, 4, 3)
    assert list(totals.index) == ["killed", "injured"]  # the schema's order


def test_restating_from_all_reports_agrees_with_the_incident_table():
    casualties, incidents = _one_attack()
    reports = cv.source_reports(casualties, DOCS, SENTENCES)
    kept = cv.incidents_view(incidents, reports).set_index("incident_id")
    restated = cv.incidents_view(incidents, reports, complete=[]).set_index("incident_id")
    assert restated["restated"].all() and not kept["restated"].any()
    columns = ["conservative", "low", "high", "n_sources", "first_reported_by", "disagree"]
    pd.testing.assert_frame_equal(restated[columns], kept[columns], check_dtype=False)


def test_an_incident_cut_by_the_filters_is_restated_from_what_is_left():
    casualties, incidents = _one_attack()
    filtered = casualties[casualties["doc_id"] != "a"]  # the source with the lowest figure is filtered out
    complete = cv.complete_incidents(filtered, casualties)
    assert complete == {"I2", "I3"}
    view = cv.incidents_view(incidents, cv.source_reports(filtered, DOCS, SENTENCES), complete)
    attack = view.set_index("incident_id").loc["I1"]
    assert (attack["conservative"], attack["low"], attack["high"]) == (14, 14, 19)
    assert attack["first_reported_by"] == "Daily <News>" and attack["restated"]
    only_daily = casualties[casualties["doc_id"] == "b"]
    view = cv.incidents_view(incidents, cv.source_reports(only_daily, DOCS, SENTENCES),
                             cv.complete_incidents(only_daily, casualties))
    assert view["incident_id"].tolist() == ["I1"]  # the others have no report left
    assert view.loc[0, "conservative"] == 14 and not view.loc[0, "disagree"]


def test_an_incident_is_complete_only_while_every_one_of_its_figures_is_shown():
    casualties = _casualties(
        _row("a", 0, "killed", 4, 4, 4, text="four"),
        _row("a", 1, "killed", 9, 9, 9, text="nine"),  # the article's larger figure, another sentence
        _row("a", 1, "killed", 2, 2, 2, text="two", part_of=True),
    )
    assert cv.complete_incidents(casualties, casualties) == {"I1"}
    assert cv.complete_incidents(casualties[casualties["part_of"]].iloc[0:0], casualties) == set()
    first_sentence = casualties[casualties["sent_id"] == 0]
    assert cv.complete_incidents(first_sentence, casualties) == set()
    assert cv.complete_incidents(casualties.drop(index=2), casualties) == {"I1"}  # subsets aside


def test_a_vague_floor_counts_only_when_no_source_gives_a_number():
    casualties = _casualties(
        _row("a", 0, "injured", None, 12, qualifier="vague", text="dozens"),
        _row("b", 0, "injured", 30, 30, qualifier="at_least", text="at least 30"),
    )
    view = cv.incidents_view(pd.DataFrame(), cv.source_reports(casualties, DOCS, SENTENCES))
    row = view.iloc[0]
    assert (row["conservative"], row["low"], row["high"], row["disagree"]) == (30, 12, 30, True)


def test_the_ledger_puts_each_source_side_by_side():
    casualties, incidents = _one_attack()
    reports = cv.source_reports(casualties, DOCS, SENTENCES)
    ledger = cv.incident_ledger(cv.incidents_view(incidents, reports), reports).set_index("incident")
    assert cv.ledger_sources(reports) == ["Radio", "Wire", "Daily <News>"]  # most incidents first
    attack = ledger.loc["I1"]
    assert (attack["Wire"], attack["Daily <News>"], attack["Radio"]) == ("11 (at least 11)", "14 (Fourteen)", "19")
    assert (attack["range"], attack["conservative"], attack["disagree"]) == ("11–19", 11, True)
    assert ledger.loc["I3", "Radio"] == "" and not ledger.loc["I3", "disagree"]


def test_a_source_with_several_articles_on_one_incident_shows_them_in_order():
    casualties = _casualties(
        _row("a", 0, "killed", 11, 11, 11, text="11"),
        _row("d", 0, "killed", 15, 15, 15, text="15"),  # Wire again, two days later
    )
    reports = cv.source_reports(casualties, DOCS, SENTENCES)
    ledger = cv.incident_ledger(cv.incidents_view(pd.DataFrame(), reports), reports)
    assert ledger.loc[0, "Wire"] == "11 → 15"
    by_source = cv.source_totals(reports)
    assert by_source.to_dict("records") == [{"source": "Wire", "category": "killed", "total": 15, "incidents": 1}]


def test_source_totals_sum_one_figure_per_incident():
    casualties, _ = _one_attack()
    totals = cv.source_totals(cv.source_reports(casualties, DOCS, SENTENCES))
    wire = totals[(totals["source"] == "Wire") & (totals["category"] == "killed")].iloc[0]
    assert (wire["total"], wire["incidents"]) == (16, 2)


def test_totals_over_time_group_incidents_by_date_and_category():
    casualties, incidents = _one_attack()
    view = cv.incidents_view(incidents, cv.source_reports(casualties, DOCS, SENTENCES))
    over = cv.totals_over_time(view)
    killed = over[over["category"] == "killed"].iloc[0]
    assert (killed["date"], killed["conservative"], killed["incidents"]) == (date(2023, 3, 9), 16, 2)
    assert set(killed["incident_ids"].split("; ")) == {"I1", "I3"}


def test_totals_over_time_chart_people_only():
    incidents = pd.DataFrame({"incident_id": ["I1", "I2"], "category": ["displaced", "displaced"],
                              "date": [date(2023, 3, 9)] * 2, "conservative": [40, 100],
                              "unit": [None, "families"]})
    assert cv.totals_over_time(incidents)["incident_ids"].tolist() == ["I1"]


def test_formats():
    assert cv.report_cell(2001, None, "More than 2,000") == "2,001 (More than 2,000)"
    assert cv.report_cell(10, 15, "between 10 and 15") == "10–15 (between 10 and 15)"
    assert cv.report_cell(19, 19, "19") == "19"
    assert cv.format_range(3, None) == "3" and cv.format_range(None, None) == ""


def test_empty_inputs_give_empty_tables():
    empty = pd.DataFrame()
    assert cv.source_reports(empty, DOCS, SENTENCES).empty
    assert cv.incidents_view(empty, cv.source_reports(empty, DOCS, SENTENCES)).empty
    assert cv.category_totals(pd.DataFrame(columns=cv.INCIDENT_VIEW_COLUMNS)).empty
    assert cv.incident_ledger(pd.DataFrame(columns=cv.INCIDENT_VIEW_COLUMNS), empty).empty


# --- on a real analysis -----------------------------------------------------------------------

ARTICLES = [
    ("Wire", ("Gunmen opened fire on a crowded market in Maiduguri on Thursday, killing at least 11 people, "
              "a local official said.")),
    ("Daily", "Fourteen people were killed when gunmen stormed a market in Maiduguri on Thursday, police said."),
    ("Radio", ("At least 12 people were killed on Thursday when armed men attacked a market in Maiduguri, "
               "the army said.")),
]


@pytest.fixture(scope="module")
def attack():
    documents = [Document(f"d{i}", f"Attack {i}", source, date(2023, 3, 10), "", text)
                 for i, (source, text) in enumerate(ARTICLES)]
    return analyze(documents)


def test_on_a_real_analysis_one_attack_counts_once(attack):
    reports = cv.source_reports(attack.casualties, attack.documents, attack.sentences)
    killed_reports = reports[reports["category"] == "killed"]
    assert sorted(killed_reports["low"]) == [11, 12, 14]
    view = cv.incidents_view(attack.incidents, reports)
    killed = cv.category_totals(view).set_index("category").loc["killed"]
    assert killed["conservative"] < killed_reports["low"].sum()
    if killed["incidents"] == 1:  # grouped as one incident, as the reports agree on place and day
        assert (killed["conservative"], killed["low"], killed["high"]) == (11, 11, 14)


def test_on_a_real_analysis_the_restatement_matches_the_grouping(attack):
    reports = cv.source_reports(attack.casualties, attack.documents, attack.sentences)
    kept = cv.incidents_view(attack.incidents, reports).set_index("incident_id").sort_index()
    restated = cv.incidents_view(attack.incidents, reports, complete=[]).set_index("incident_id").sort_index()
    columns = ["conservative", "low", "high", "n_sources", "first_reported_by", "disagree"]
    pd.testing.assert_frame_equal(restated[columns], kept[columns], check_dtype=False)


def test_on_a_real_analysis_every_figure_is_marked_in_its_sentence(attack):
    table = cv.figures_table(attack.casualties, attack.sentences, attack.documents)
    assert not table.empty and table["span_start"].notna().all()
    for row in table.itertuples():
        assert row.evidence[row.span_start:row.span_end] == row.figure


def test_regrouping_links_every_counted_figure_to_an_incident(attack):
    incidents, linked = group_incidents(attack.casualties.drop(columns="incident_id"), attack.documents,
                                        attack.sentences)
    assert linked["incident_id"].notna().all()
    assert set(linked["incident_id"]) == set(incidents["incident_id"])


def test_rival_claims_in_one_sentence_are_never_added_in_a_report():
    text = ("The army said it killed 20 militants in Khan Younis on Monday, while the health ministry "
            "said 32 people were killed.")
    analysis = analyze([Document("r", "Raid", "Wire", date(2024, 5, 6), "", text)])
    killed = analysis.casualties[analysis.casualties["category"] == "killed"]
    assert sorted(killed["low"]) == [20, 32] and sorted(killed["claim"]) == [0, 1]
    reports = cv.source_reports(analysis.casualties, analysis.documents, analysis.sentences)
    report = reports[reports["category"] == "killed"].iloc[0]
    assert (report["low"], report["wording"]) == (32, "32")
    incident = analysis.incidents.set_index("incident_id").loc[report["incident_id"]]
    assert incident["conservative"] == report["low"]  # the grouping and the view agree


def test_reports_and_incidents_use_the_same_article_figure(attack):
    reports = cv.source_reports(attack.casualties, attack.documents, attack.sentences)
    single = attack.incidents[attack.incidents["reports"] == 1].set_index("incident_id")
    for row in reports[reports["incident_id"].isin(single.index)].itertuples():
        assert row.low == single.loc[row.incident_id, "low"]


def test_on_a_multi_source_corpus_the_view_restates_what_the_grouping_found():
    corpus = load_corpus([Path(__file__).resolve().parents[2] / "data" / "casualties" / "incidents.jsonl"])
    analysis = analyze(corpus.documents)
    reports = cv.source_reports(analysis.casualties, analysis.documents, analysis.sentences)
    kept = cv.incidents_view(analysis.incidents, reports).set_index("incident_id").sort_index()
    restated = cv.incidents_view(analysis.incidents, reports, complete=[]).set_index("incident_id").sort_index()
    columns = ["conservative", "low", "high", "n_sources", "first_reported_by", "disagree"]
    pd.testing.assert_frame_equal(restated[columns], kept[columns], check_dtype=False)
    totals = cv.category_totals(kept.reset_index()).set_index("category")
    grouped = analysis.incidents.set_index("category")
    assert totals.loc["killed", "incidents"] == 1  # one attack, however many outlets and revisions
    assert totals.loc["killed", "conservative"] == grouped.loc["killed", "conservative"]
    assert totals.loc["injured", "conservative"] == 22


def test_statistics_view_keeps_the_statistics_the_shown_figures_quote_largest_first():
    statistics = pd.DataFrame({
        "statistic_id": ["S0001", "S0002", "S0003"], "category": ["displaced", "killed", "killed"],
        "issuer": ["UN", None, "Red Cross"], "period": ["Since May", "every day", "In 2022"],
        "low": [5000, 4, 900], "high": [5200, 4, 900], "figures": ["A: 5,000 | B: 5,200", "A: four", "B: 900"],
        "sources": ["A; B", "A", "B"], "n_sources": [2, 1, 1], "evidence": ["...", "...", "..."],
    })
    casualties = pd.DataFrame({"statistic_id": ["S0001", "S0003", None]})
    view = cv.statistics_view(statistics, casualties)
    assert view["statistic_id"].tolist() == ["S0003", "S0001"]  # killed before displaced
    every = cv.statistics_view(statistics, pd.DataFrame({"statistic_id": ["S0001", "S0002", "S0003"]}))
    assert every.set_index("statistic_id").loc["S0002", "issuer"] == "not named"  # never a bare "None"
    assert view["figure"].tolist() == ["900", "5,000–5,200"]
    assert cv.statistics_view(statistics, pd.DataFrame({"doc_id": ["a"]})).empty


def test_totals_never_add_a_statistic_and_the_counting_line_says_what_was_left_out():
    incidents = pd.DataFrame({
        "incident_id": ["I1", "I2"], "category": ["killed", "killed"], "conservative": [7, 300],
        "low": [7, 300], "high": [9, 300], "reports": [2, 1], "sources": ["A; B", "C"],
        "kind": ["incident", "statistic"],
    })
    totals = cv.category_totals(incidents)
    assert totals[["conservative", "low", "high", "incidents"]].values.tolist() == [[7, 7, 9, 1]]
    line = cv.counting_line(totals.iloc[0], statistics=2)
    assert line == "Counted: 1 incident, each once at its conservative figure; 2 statistics listed below, not added."
    assert cv.category_label("killed_or_injured") == "killed or injured"


def test_families_are_said_beside_the_head_counts_never_added_to_them():
    incidents = pd.DataFrame([
        {"incident_id": "I1", "category": "displaced", "conservative": 300, "low": 300, "high": 300,
         "reports": 1, "sources": "Wire", "unit": None, "kind": "incident"},
        {"incident_id": "I2", "category": "displaced", "conservative": 120, "low": 120, "high": 120,
         "reports": 2, "sources": "Wire; Post", "unit": "families", "kind": "incident"},
    ])
    totals = cv.category_totals(incidents)
    assert totals.set_index("category").loc["displaced", "conservative"] == 300
    households = cv.household_totals(incidents)
    assert households.to_dict("records") == [
        {"category": "displaced", "unit": "families", "incidents": 1, "conservative": 120}]
    assert cv.households_line(households) == "Also reported, not counted as people: 120 families displaced (1 incident)."


def test_what_each_source_reports_counts_people_only():
    reports = pd.DataFrame([
        {"incident_id": "I1", "source": "Wire", "published": date(2024, 5, 1), "category": "displaced", "low": 300,
         "unit": None},
        {"incident_id": "I2", "source": "Wire", "published": date(2024, 5, 1), "category": "displaced", "low": 90,
         "unit": "families"},
    ])
    assert cv.source_totals(reports).to_dict("records") == [
        {"source": "Wire", "category": "displaced", "total": 300, "incidents": 1}]


# --- totals on every shape of incident table --------------------------------------------------

def _incident_table(**columns) -> pd.DataFrame:
    """Five incidents on two days; keyword arguments replace a column."""
    table = {
        "incident_id": ["I1", "I2", "I3", "I4", "I5"],
        "category": ["killed", "injured", "killed", "displaced", "killed"],
        "date": [date(2023, 3, 9), date(2023, 3, 9), date(2023, 3, 10), date(2023, 3, 9), date(2023, 3, 9)],
        "conservative": [11, 5, 7, 40, 3], "low": [11, 5, 7, 40, 3], "high": [19, 5, 9, 40, 3],
        "reports": [3, 1, 1, 1, 2],
        "sources": ["Daily; Radio; Wire", "Radio", "Wire", "Post", " Wire ;  ; Post"],
        "unit": [None, None, None, None, None], "kind": ["incident"] * 5,
    }
    return pd.DataFrame({**table, **columns})


def test_totals_of_an_empty_table_have_their_columns():
    for empty in (pd.DataFrame(), pd.DataFrame(columns=cv.INCIDENT_VIEW_COLUMNS), _incident_table().iloc[0:0]):
        totals, over = cv.category_totals(empty), cv.totals_over_time(empty)
        assert totals.empty and list(totals.columns) == cv.TOTAL_COLUMNS
        assert over.empty and list(over.columns) == ["date", "category", "conservative", "incidents", "incident_ids"]


def test_a_table_of_statistics_only_has_no_totals():
    assert cv.category_totals(_incident_table(kind=["statistic"] * 5)).empty


def test_totals_count_each_source_once_per_category_and_follow_the_schema_order():
    table = _incident_table(category=["killed", "injured", "killed", "a_category_of_its_own", "killed"],
                            sources=["Daily; Radio; Wire", "Radio", None, "Post", " Wire ;  ; Post"])
    totals = cv.category_totals(table)
    assert totals["category"].tolist() == ["killed", "injured", "a_category_of_its_own"]
    killed = totals.set_index("category").loc["killed"]
    assert killed.to_dict() == {"incidents": 3, "conservative": 21, "low": 21, "high": 31, "reports": 6,
                                "sources": 4}  # Daily, Radio, Wire, Post: a missing cell names none
    assert totals["sources"].tolist() == [4, 1, 1]


def test_an_empty_unit_counts_people_and_a_named_one_never_adds():
    table = _incident_table(unit=[None, "", "households", "families", float("nan")])
    totals = cv.category_totals(table).set_index("category")
    assert totals.loc["killed", "conservative"] == 11 + 3 and totals.loc["injured", "conservative"] == 5
    assert "displaced" not in totals.index
    over = cv.totals_over_time(table)
    assert over["incident_ids"].tolist() == ["I2", "I1; I5"]  # by date, then category name
    assert cv.household_totals(table)[["unit", "incidents"]].values.tolist() == [["families", 1], ["households", 1]]


def test_incidents_of_no_readable_date_are_left_out_of_the_totals_over_time():
    table = _incident_table(date=[date(2023, 3, 9), None, float("nan"), pd.NaT, "no date given"])
    over = cv.totals_over_time(table)
    assert over[["date", "category", "conservative", "incident_ids"]].values.tolist() == [
        [date(2023, 3, 9), "killed", 11, "I1"]]
    assert cv.category_totals(table)["incidents"].sum() == 5  # the headline still counts them
    assert cv.totals_over_time(_incident_table(date=[None] * 5)).empty


def test_dates_written_as_text_or_timestamps_fall_on_their_day():
    table = _incident_table(date=["2023-03-09", date(2023, 3, 9), pd.Timestamp("2023-03-10 18:00"),
                                  "9 March 2023", datetime(2023, 3, 9, 7, 30)])
    over = cv.totals_over_time(table)
    assert over[["date", "category", "incidents", "incident_ids"]].values.tolist() == [
        [date(2023, 3, 9), "displaced", 1, "I4"],
        [date(2023, 3, 9), "injured", 1, "I2"],
        [date(2023, 3, 9), "killed", 2, "I1; I5"],
        [date(2023, 3, 10), "killed", 1, "I3"],
    ]
    assert all(type(day) is date for day in over["date"])


def test_timestamps_of_two_time_zones_fall_on_each_ones_own_day():
    """23:30 in London and 00:30 the next day in Lagos are one instant, but two event dates."""
    london = pd.Timestamp("2023-03-09 23:30", tz="Europe/London")
    lagos = pd.Timestamp("2023-03-10 00:30", tz="Africa/Lagos")
    assert london == lagos
    table = _incident_table(date=[london, lagos, None, None, None], category=["killed"] * 5)
    over = cv.totals_over_time(table)
    assert over[["date", "incident_ids"]].values.tolist() == [[date(2023, 3, 9), "I1"], [date(2023, 3, 10), "I2"]]


def test_totals_of_a_table_whose_rows_share_index_labels():
    table = _incident_table()
    twice = pd.concat([table, table.assign(incident_id=table["incident_id"] + "b")])  # labels 0-4 twice
    totals = cv.category_totals(twice).set_index("category")
    assert totals.loc["killed", "incidents"] == 6 and totals.loc["killed", "sources"] == 4
    over = cv.totals_over_time(twice)
    assert over.set_index("category").loc["killed", "incident_ids"].tolist() == ["I1; I5; I1b; I5b", "I3; I3b"]


def test_totals_on_an_analysed_corpus_are_the_plain_sums_over_its_incidents():
    corpus = load_corpus([Path(__file__).resolve().parents[2] / "data" / "incidents" / "dev.jsonl"])
    incidents = analyze(corpus.documents).incidents
    people = incidents[incidents["unit"].isna() | (incidents["unit"] == "")]
    people = people[people["kind"] != "statistic"]
    assert len(people) > 5
    totals = cv.category_totals(incidents).set_index("category")
    for category, rows in people.groupby("category"):
        named = {s.strip() for cell in rows["sources"] for s in cell.split(";") if s.strip()}
        assert totals.loc[category, "conservative"] == rows["conservative"].sum()
        assert (totals.loc[category, "incidents"], totals.loc[category, "sources"]) == (len(rows), len(named))
    over = cv.totals_over_time(incidents)
    people_dated = incidents[incidents["unit"].isna() | (incidents["unit"] == "")].dropna(subset=["date"])
    assert over["incidents"].sum() == len(people_dated)
    assert over["conservative"].sum() == people_dated["conservative"].sum()
    assert sorted(i for ids in over["incident_ids"] for i in ids.split("; ")) == sorted(people_dated["incident_id"])
