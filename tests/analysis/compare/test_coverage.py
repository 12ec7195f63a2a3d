"""Entity coverage and quotes on the test corpus; who says what in sentences written for it."""

import pytest

from analysis.compare.coverage import UNNAMED, coverage_table, quotes_table, speakers_by_side
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


SPEAKER_TEXT = (
    "According to a local security officer, the Taliban circled the city before dawn. "
    "Junta spokesman Maj. Gen. Zaw Min Tun said the air force had struck a camp of the People's Defence Force. "
    "Dr. Leyla Osman, who runs the burns unit at Banadir Hospital, said nine of the wounded were children. "
    "Al-Shabaab fighters had hidden in the market, according to an army officer. "
    "According to the United Nations, 900 families fled the district. "
    "The RSF, led by Gen. Mohamed Hamdan Dagalo, has besieged the city for a year, the army said. "
    "He said the Taliban had closed the road.")


@pytest.fixture(scope="module")
def speaker_quotes():
    from analysis import analyze
    from analysis.compare.selection import Side
    from analysis.document import Document

    result = analyze([Document("q1", "Speakers", "Shabelle Ledger", None, "", SPEAKER_TEXT)])
    sides = (Side("s:q", "Shabelle Ledger", "Shabelle Ledger", ("q1",)),)
    quotes = quotes_table(sides, result.sentences, result.mentions)
    return {" ".join(text.split()[:3]): (speaker, label)
            for text, speaker, label in quotes[["text", "speaker", "speaker_label"]].itertuples(index=False)}


def test_according_to_a_described_source_names_it_never_the_reported_actor(speaker_quotes):
    assert speaker_quotes["According to a"] == ("local security officer", UNNAMED)
    assert speaker_quotes["Al-Shabaab fighters had"] == ("army officer", UNNAMED)
    assert speaker_quotes["According to the"] == ("United Nations", "ORG")
    assert "Taliban" not in {speaker for speaker, _ in speaker_quotes.values()}


def test_a_named_source_is_its_entity_and_a_title_never_cuts_it(speaker_quotes):
    assert speaker_quotes["Junta spokesman Maj."] == ("Zaw Min Tun", "PERSON")
    assert speaker_quotes["Dr. Leyla Osman,"] == ("Leyla Osman", "PERSON")


def test_the_speaker_after_the_clause_is_the_source_not_a_name_inside_it(speaker_quotes):
    assert speaker_quotes["The RSF, led"] == ("army", UNNAMED)


def test_a_pronoun_names_no_speaker(speaker_quotes):
    assert "He said the" not in speaker_quotes
