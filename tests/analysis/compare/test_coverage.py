"""Entity coverage and quotes on the test corpus."""

from analysis.compare.coverage import coverage_table, quotes_table, speakers_by_side
from analysis.compare.selection import build_sides

KEYS = ["a:horn_wire", "a:mogadishu_monitor", "a:horn_tribune", "a:ea_observer"]


def test_named_by_all_and_by_one(dev_result):
    sides = build_sides(KEYS, dev_result.documents)
    table = coverage_table(sides, dev_result.mentions).set_index("entity")
    assert table.at["Mogadishu", "named_by"] == "all"
    assert table.at["Fadumo Ali", "named_by"] == "only Horn Tribune"
    assert table.at["Khawarij", "named_by"] == "only Mogadishu Monitor"
    assert table.at["Sadiq Aden Ali", "n_sides"] == 2


def test_who_is_quoted_by_whom(dev_result):
    sides = build_sides(KEYS, dev_result.documents)
    quotes = quotes_table(sides, dev_result.sentences, dev_result.mentions)
    by_side = quotes.groupby("label")["speaker"].agg(set)
    assert {"Sadiq Aden Ali", "Abdikadir Farah"} <= by_side["Horn Wire"]
    assert {"Fadumo Ali", "Hawa Mohamed Nur"} <= by_side["Horn Tribune"]
    assert "Sadiq Aden Ali" not in by_side["Horn Tribune"]
    speakers = speakers_by_side(quotes, len(sides)).set_index("speaker")
    assert speakers.at["Sadiq Aden Ali", "n_sides"] == 2
