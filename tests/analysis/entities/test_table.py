import math

import pandas as pd

from analysis.entities import ENTITY_COLUMNS, EntityCorrections, build_entity_tables
from analysis.schema import ENTITIES

DOCUMENTS = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Wire", "Outlet"]})
SENTENCES = pd.DataFrame({
    "doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "compound": [-0.5, 0.5, 0.1],
})
MENTIONS = pd.DataFrame({
    "doc_id": ["a", "a", "a", "b", "b"],
    "sent_id": [0, 0, 1, 0, 0],
    "start": [0, 10, 0, 0, 20],
    "end": [5, 20, 6, 6, 26],
    "text": ["Kabul", "the Pentagon", "Kabul's", "KABUL", "Moscow"],
    "label": ["GPE", "ORG", "GPE", "GPE", "GPE"],
})


def test_mentions_gain_the_canonical_entity():
    mentions, _ = build_entity_tables(MENTIONS, SENTENCES, DOCUMENTS)
    assert list(mentions["entity"]) == ["Kabul", "Pentagon", "Kabul", "Kabul", "Moscow"]
    assert list(mentions.columns[:6]) == list(MENTIONS.columns)


def test_entities_table_counts_and_sentiment():
    _, entities = build_entity_tables(MENTIONS, SENTENCES, DOCUMENTS)
    assert list(entities.columns) == ENTITY_COLUMNS
    assert set(ENTITIES) <= set(entities.columns)
    kabul = entities.iloc[0]
    assert kabul["entity"] == "Kabul" and kabul["label"] == "GPE"
    assert (kabul["mentions"], kabul["documents"], kabul["sources"]) == (3, 2, 2)
    assert kabul["source_list"] == ["Outlet", "Wire"]
    assert kabul["aliases"] == ["KABUL", "Kabul", "Kabul's"]
    assert math.isclose(kabul["compound"], (-0.5 + 0.5 + 0.1) / 3)
    assert list(entities["mentions"]) == sorted(entities["mentions"], reverse=True)


def test_a_sentence_counts_once_for_the_mean():
    mentions = MENTIONS.assign(sent_id=[0, 0, 0, 0, 0], doc_id=["a"] * 5)
    _, entities = build_entity_tables(mentions, SENTENCES, DOCUMENTS)
    assert math.isclose(entities.set_index("entity").loc["Kabul", "compound"], -0.5)


def test_corrections_apply_to_both_tables():
    corrections = EntityCorrections().merge("Moscow", "Kabul")
    mentions, entities = build_entity_tables(MENTIONS, SENTENCES, DOCUMENTS, corrections)
    assert "Moscow" not in set(mentions["entity"]) and "Moscow" not in set(entities["entity"])
    assert entities.set_index("entity").loc["Kabul", "mentions"] == 4


def test_empty_mentions_give_empty_tables_with_columns():
    empty = MENTIONS.iloc[0:0]
    mentions, entities = build_entity_tables(empty, SENTENCES, DOCUMENTS)
    assert mentions.empty and "entity" in mentions.columns
    assert entities.empty and list(entities.columns) == ENTITY_COLUMNS


def test_an_acronym_in_parentheses_is_read_from_the_sentence_text():
    text = "Aid came from the Disaster and Emergency Management Authority (AFAD), the AFP agency said."
    name, acronym, agency = "Disaster and Emergency Management Authority", "AFAD", "AFP"
    sentences = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [len(text)], "text": [text],
                              "compound": [0.0]})
    spans = [(text.index(t), text.index(t) + len(t), t) for t in (name, acronym, agency)]
    mentions = pd.DataFrame({
        "doc_id": ["a"] * 3, "sent_id": [0] * 3, "start": [s for s, _, _ in spans], "end": [e for _, e, _ in spans],
        "text": [t for _, _, t in spans], "label": ["ORG"] * 3,
    })
    resolved, _ = build_entity_tables(mentions, sentences, DOCUMENTS)
    assert resolved["entity"].tolist() == [name, name, agency]
    # the same mentions without the sentence text: a translated acronym stays apart
    resolved, _ = build_entity_tables(mentions, sentences.drop(columns=["text"]), DOCUMENTS)
    assert resolved["entity"].tolist() == [name, acronym, agency]
