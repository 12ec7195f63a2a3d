import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.entities import EntityCorrections, apply_corrections

MENTIONS = pd.DataFrame({
    "doc_id": ["a", "a", "b", "b"],
    "sent_id": [0, 1, 0, 1],
    "text": ["President Erdogan", "Recep Tayyip Erdoğan", "Ankara", "Turkish President Erdogan"],
    "label": ["PERSON", "PERSON", "GPE", "PERSON"],
    "entity": ["Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "Ankara", "Recep Tayyip Erdoğan"],
})


def test_no_corrections_is_a_copy():
    out = apply_corrections(MENTIONS, None)
    assert out.equals(MENTIONS) and out is not MENTIONS


def test_merge_applies_to_every_mention_and_chains():
    corrections = EntityCorrections().merge("Ankara", "Turkey").merge("Turkey", "Türkiye")
    assert list(apply_corrections(MENTIONS, corrections)["entity"])[2] == "Türkiye"


def test_a_merge_cycle_stops():
    corrections = EntityCorrections(merges=(("A", "B"), ("B", "A")))
    frame = MENTIONS.assign(entity=["A", "B", "C", "A"])
    assert list(apply_corrections(frame, corrections)["entity"]) == ["B", "A", "C", "B"]


def test_split_breaks_an_entity_into_its_surface_forms():
    out = apply_corrections(MENTIONS, EntityCorrections().split("Recep Tayyip Erdoğan"))
    assert list(out["entity"]) == ["Erdogan", "Recep Tayyip Erdoğan", "Ankara", "Erdogan"]


def test_split_then_merge_a_part_elsewhere():
    corrections = EntityCorrections(splits=("Recep Tayyip Erdoğan",), merges=(("Erdogan", "Erdoğan"),))
    assert list(apply_corrections(MENTIONS, corrections)["entity"]) == ["Erdoğan", "Recep Tayyip Erdoğan", "Ankara", "Erdoğan"]


def test_query_value_is_url_safe_and_empty_when_no_corrections():
    assert EntityCorrections().to_query_value() == ""
    value = EntityCorrections().merge("Kirby", "John F. Kirby").split("Erdoğan & Co/?").to_query_value()
    assert value and all(ch.isalnum() or ch in "-_" for ch in value)


def test_malformed_query_values_mean_no_corrections():
    for junk in (None, "", "!!!", "abc", "W10", "WzIsW10sW11d"):
        assert EntityCorrections.from_query_value(junk) == EntityCorrections()


names = st.text(min_size=1, max_size=12)


@given(st.lists(st.tuples(names, names), max_size=4), st.lists(names, max_size=3))
def test_query_value_round_trip(merges, splits):
    corrections = EntityCorrections(merges=tuple(merges), splits=tuple(splits))
    assert EntityCorrections.from_query_value(corrections.to_query_value()) == corrections
