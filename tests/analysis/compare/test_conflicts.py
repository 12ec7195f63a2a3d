"""Figures and dates the four test articles disagree on."""

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
    assert "at least 15 killed" in set(lead["figure"])
    assert not figure_spread(figures).empty


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
