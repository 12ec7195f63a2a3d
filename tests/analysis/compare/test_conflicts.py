"""Figures and dates the four test articles disagree on."""

import pandas as pd

from analysis.compare.conflicts import date_conflicts, figure_conflicts, figure_spread
from analysis.compare.selection import build_sides
from analysis.compare.statements import align_sides, sentence_table

KEYS = ["a:horn_wire", "a:mogadishu_monitor", "a:horn_tribune", "a:ea_observer"]


def _setup(result):
    sides = build_sides(KEYS, result.documents)
    rows = sentence_table(sides, result.sentences, align_sides(sides, result.sentences))
    return sides, rows


def test_the_death_toll_differs_across_all_four(dev_result):
    sides, rows = _setup(dev_result)
    figures = figure_conflicts(sides, dev_result.casualties, rows)
    killed = figures[figures["category"] == "killed"]
    lead = killed[killed["matched_by"] == killed["matched_by"].iloc[0]]
    assert dict(zip(lead["label"], lead["low"])) == {
        "Horn Wire": 15, "Mogadishu Monitor": 12, "Horn Tribune": 20, "East Africa Observer": 18}
    # One truth with the Casualties page: the grouping's incident, whose Monday reports (18,
    # "as many as 20") revise Saturday's (12, "at least 15"), shown marked, not compared.
    assert lead["matched_by"].iloc[0].startswith("incident ")
    assert "at least 15 killed (superseded)" in set(lead["figure"])
    assert dict(zip(lead["label"], lead["superseded"])) == {
        "Horn Wire": True, "Mogadishu Monitor": True, "Horn Tribune": False, "East Africa Observer": False}
    assert not figure_spread(figures).empty


def _linked(rows):
    columns = ["doc_id", "sent_id", "category", "value", "qualifier", "low", "high", "location", "evidence", "text",
               "incident_id", "superseded", "kind", "part_of"]
    return pd.DataFrame([dict(zip(columns, row)) for row in rows])


def test_a_revision_alone_is_no_disagreement_and_statistics_are_never_compared(dev_result):
    sides = build_sides(KEYS, dev_result.documents)
    first, second = sides[0].doc_ids[0], sides[1].doc_ids[0]
    casualties = _linked([
        (first, 0, "killed", 9, "exact", 9, 9, "Beledweyne", "A blast killed 9.", "9", "I1", True, "incident", False),
        (second, 0, "killed", 14, "exact", 14, 14, "Beledweyne", "The toll rose to 14.", "14", "I1", False, "incident", False),
        (first, 1, "killed", 300, "exact", 300, 300, "Hiraan", "300 were killed this year.", "300", "I2", False,
         "statistic", False),
        (second, 1, "killed", 500, "exact", 500, 500, "Hiraan", "500 died since January.", "500", "I2", False,
         "statistic", False),
    ])
    assert figure_conflicts(sides, casualties).empty


def test_friday_against_saturday(dev_result):
    sides, rows = _setup(dev_result)
    dates = date_conflicts(sides, dev_result.events, rows)
    by_side = dict(zip(dates["label"], dates["dates"]))
    assert by_side["Horn Tribune"] == "Fri 8 Mar 2024"
    assert "Sat 9 Mar 2024" in by_side["Mogadishu Monitor"]


def test_agreeing_sides_have_no_conflicts(dev_result):
    keys = ["a:mogadishu_monitor", "a:ea_observer"]  # both: Saturday; figures of different statements
    sides = build_sides(keys, dev_result.documents)
    rows = sentence_table(sides, dev_result.sentences, align_sides(sides, dev_result.sentences))
    assert date_conflicts(sides, dev_result.events, rows).empty
