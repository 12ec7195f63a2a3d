from datetime import date

import pandas as pd

from dashboard.charts.casualties import (
    IDS_IN_HOVER,
    figures_by_source,
    selected_dates,
    totals_by_category,
    totals_over_time,
)


def _totals() -> pd.DataFrame:
    return pd.DataFrame({
        "category": ["injured", "killed"], "incidents": [1, 2], "conservative": [30, 16],
        "low": [12, 16], "high": [40, 24], "reports": [3, 5], "sources": [3, 4],
    })


def _annotation_texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_totals_by_category_shows_the_conservative_sums_in_schema_order():
    fig = totals_by_category(_totals())
    bar = fig.data[0]
    assert list(bar.y) == ["killed", "injured"]
    assert list(bar.x) == [16, 30]
    assert list(bar.error_x.array) == [8, 10]  # up to the sum of the highest reports
    assert list(bar.error_x.arrayminus)[1] == 18
    assert fig.layout.xaxis.type != "log"


def test_totals_by_category_uses_a_log_axis_when_magnitudes_differ_widely():
    totals = pd.concat([_totals(), pd.DataFrame([{
        "category": "displaced", "incidents": 1, "conservative": 5000, "low": 5000, "high": 5000,
        "reports": 1, "sources": 1}])])
    assert totals_by_category(totals).layout.xaxis.type == "log"


def test_figures_by_source_one_panel_per_category_names_escaped():
    totals = pd.DataFrame({
        "source": ["Wire <b>", "Wire <b>", "Radio"], "category": ["killed", "injured", "killed"],
        "total": [11, 25, 19], "incidents": [1, 1, 1],
    })
    fig = figures_by_source(totals)
    names = {y for trace in fig.data for y in trace.y}
    assert names == {"Wire &lt;b&gt;", "Radio"}
    assert {trace.name for trace in fig.data} == {"killed", "injured"}
    killed = next(t for t in fig.data if t.name == "killed")
    assert dict(zip(killed.y, killed.x)) == {"Wire &lt;b&gt;": 11, "Radio": 19}
    assert "killed" in _annotation_texts(fig) and "injured" in _annotation_texts(fig)


def test_figures_by_source_keeps_the_busiest_sources():
    totals = pd.DataFrame({
        "source": [f"S{i:02d}" for i in range(30)], "category": ["killed"] * 30,
        "total": list(range(30)), "incidents": [1] * 20 + [5] * 10,
    })
    fig = figures_by_source(totals, limit=10)
    assert {y for trace in fig.data for y in trace.y} == {f"S{i:02d}" for i in range(20, 30)}
    assert "10 sources" in fig.layout.title.text


def test_totals_over_time_one_row_per_category_padded_around_one_date():
    over = pd.DataFrame({
        "date": [date(2021, 7, 13), date(2021, 7, 13)], "category": ["killed", "displaced"],
        "conservative": [8, 120], "incidents": [1, 2], "incident_ids": ["I1", "I2; I3"],
    })
    fig = totals_over_time(over)
    assert [t.name for t in fig.data] == ["killed", "displaced"]
    start, end = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert start < pd.Timestamp("2021-07-13") < end


def test_empty_inputs_say_so():
    for fig in (totals_by_category(pd.DataFrame()), figures_by_source(pd.DataFrame()),
                totals_over_time(pd.DataFrame())):
        assert not fig.data
        assert "No" in fig.layout.annotations[0].text


def test_selected_dates_from_a_box_or_clicked_bars():
    box = {"box": [{"x": ["2023-03-08 19:00:00", "2023-03-10 04:00:00"]}], "points": []}
    assert selected_dates(box) == (date(2023, 3, 9), date(2023, 3, 10))
    points = {"box": [], "points": [{"x": "2023-03-12"}, {"x": "2023-03-10"}]}
    assert selected_dates(points) == (date(2023, 3, 10), date(2023, 3, 12))
    assert selected_dates({"box": [], "points": []}) is None
    assert selected_dates(None) is None


def test_a_combined_killed_or_injured_count_has_its_own_colour_panel_and_plain_title():
    totals = pd.DataFrame({
        "source": ["Wire", "Wire"], "category": ["killed", "killed_or_injured"],
        "total": [4, 30], "incidents": [1, 1],
    })
    fig = figures_by_source(totals)
    combined = next(t for t in fig.data if t.name == "killed_or_injured")
    assert combined.marker.color == "#a6611a" and list(combined.x) == [30]
    assert _annotation_texts(fig) == ["killed", "killed<br>or injured"]  # two lines in a narrow panel
    assert fig.layout.margin.t == 70  # room above the panels for the second line
    totals = pd.DataFrame([{"category": "killed_or_injured", "incidents": 1, "conservative": 30, "low": 30,
                            "high": 30, "reports": 1, "sources": 1}])
    assert list(totals_by_category(totals).data[0].y) == ["killed or injured"]


def _daily(first: str, days: int) -> pd.DataFrame:
    """A killed and a displaced incident on every one of `days` days from `first`."""
    dates = [d.date() for d in pd.date_range(first, periods=days)]
    return pd.DataFrame({
        "date": dates * 2, "category": ["killed"] * days + ["displaced"] * days,
        "conservative": list(range(1, days + 1)) + [10] * days, "incidents": 1,
        "incident_ids": [f"K{i}" for i in range(days)] + [f"D{i}" for i in range(days)],
    })


def test_totals_over_time_draw_a_bar_per_day_over_a_few_months():
    fig = totals_over_time(_daily("2023-01-01", 120))
    assert [len(t.x) for t in fig.data] == [120, 120]
    assert "week" not in fig.layout.title.text and "month" not in fig.layout.title.text


def test_totals_over_time_sum_weeks_over_a_year_and_months_over_years_and_say_so():
    over = _daily("2023-01-02", 365)  # a Monday
    fig = totals_over_time(over)
    killed = next(t for t in fig.data if t.name == "killed")
    assert len(killed.x) == 53 and sum(killed.y) == over.loc[over["category"] == "killed", "conservative"].sum()
    assert list(killed.y[:2]) == [sum(range(1, 8)), sum(range(8, 15))]  # Monday to Sunday
    assert "week of event date" in fig.layout.title.text and "365 days, a bar per week" in fig.layout.title.text
    assert list(killed.customdata[0][3:]) == ["2023-01-02", "2023-01-08", "week of 2 Jan 2023"]
    fig = totals_over_time(_daily("2021-01-01", 3 * 366 + 40))
    killed = next(t for t in fig.data if t.name == "killed")
    assert len(killed.x) == 38 and "a bar per month" in fig.layout.title.text
    assert list(killed.customdata[1][3:]) == ["2021-02-01", "2021-02-28", "February 2021"]


def test_a_summed_bar_lists_some_incidents_and_counts_the_rest():
    fig = totals_over_time(_daily("2023-01-02", 365))
    first_week = next(t for t in fig.data if t.name == "killed").customdata[0]
    assert first_week[0] == 7 and first_week[1] == "K0; K1; K2; K3; K4; K5; K6"
    month = _daily("2023-01-01", 400)
    fig = totals_over_time(month.assign(incident_ids=month["incident_ids"] + "; X" + month["incident_ids"]))
    ids = next(t for t in fig.data if t.name == "killed").customdata[1][1]  # 2 to 8 Jan 2023
    assert ids.count("; ") == IDS_IN_HOVER - 1 and ids.endswith("… and 2 more")  # 7 days × 2 ids


def test_a_click_on_a_summed_bar_selects_its_whole_period():
    fig = totals_over_time(_daily("2023-01-02", 365))
    bar = next(t for t in fig.data if t.name == "killed")
    point = {"x": bar.x[2], "customdata": list(bar.customdata[2])}
    assert selected_dates({"box": [], "points": [point]}) == (date(2023, 1, 16), date(2023, 1, 22))
