"""Actor labels: the phrases written next to a name, read on sentences from other conflicts."""

import pandas as pd

from analysis.compare.labels import actor_labels, epithets, is_loaded, phrases_near
from analysis.compare.selection import Side


def near(text: str, name: str, label: str) -> set[str]:
    start = text.index(name)
    return {phrase for phrase, _ in phrases_near(text, start, start + len(name), label)}


def test_descriptor_after_the_name():
    assert "rebels" in near("Houthi rebels fired a missile at a tanker.", "Houthi", "NORP")
    assert "militants" in near("Police said Taliban militants attacked the post.", "Taliban", "ORG")


def test_appositive():
    text = "Hamas, the militant group that rules Gaza, said it fired the rockets."
    assert "militant group" in near(text, "Hamas", "ORG")
    text = "The RSF, a paramilitary force, denied the claim."
    assert "paramilitary force" in near(text, "RSF", "ORG")


def test_modifiers_between_article_and_name():
    assert "hardline Islamist" in near("Talks with the hardline Islamist Taliban stalled.", "Taliban", "ORG")


def test_role_before_a_person_stays_within_its_sentence():
    text = "The city fell. Army spokesman Nabil Saeed said troops withdrew."
    assert "Army spokesman" in near(text, "Nabil Saeed", "PERSON")
    assert not any("fell" in p for p in near(text, "Nabil Saeed", "PERSON"))


def test_self_naming():
    text = "The Taliban, which calls itself the Islamic Emirate of Afghanistan, issued a statement."
    assert "Islamic Emirate of Afghanistan" in near(text, "Taliban", "ORG")


def test_an_organisation_is_not_labelled_by_an_official_s_role():
    assert "envoy" not in near("The United Nations envoy called for calm.", "United Nations", "ORG")


def test_epithets_per_side_leave_out_bare_institutions():
    sides = (Side("a:x", "X", "X", ("x",)), Side("a:y", "Y", "Y", ("y",)))
    texts = {"x": "The terror group claimed it. The government condemned the attack.",
             "y": "The insurgents claimed it. The rebels later withdrew."}
    table = epithets(sides, texts)
    assert set(table[table["side"] == 0]["phrase"]) == {"terror group"}
    assert set(table[table["side"] == 1]["phrase"]) == {"insurgents", "rebels"}


def test_loaded_versus_institutional():
    assert is_loaded("terror group") and is_loaded("Islamist insurgents") and is_loaded("Islamic Emirate")
    assert not is_loaded("Turkish government") and not is_loaded("forces")


def test_actor_labels_on_the_test_corpus(dev_result, dev_texts):
    keys = ["horn_wire", "mogadishu_monitor", "horn_tribune", "ea_observer"]
    sides = [Side(f"a:{k}", k, k, (k,)) for k in keys]
    table = actor_labels(sides, dev_texts, dev_result.mentions)
    phrases = {(row.label, row.phrase) for row in table.itertuples()}
    assert ("horn_wire", "al Qaeda-linked militant group") in phrases
    assert ("mogadishu_monitor", "terrorists") in phrases
    assert ("ea_observer", "insurgents") in phrases
    assert ("horn_tribune", "Islamist insurgents") in phrases


def test_no_mentions_no_labels():
    empty = pd.DataFrame(columns=["doc_id", "start", "end", "entity", "label"])
    assert actor_labels([Side("a:x", "X", "X", ("x",))], {"x": "text"}, empty).empty


def test_abbreviated_titles_do_not_cut_the_role_off_a_person():
    text = "Army spokesman Lt. Col. Amadou Traore said the convoy was ambushed."
    assert "Army spokesman" in near(text, "Amadou Traore", "PERSON")
    text = "Police chief Brig. Gen. Hamza Yusuf said the curfew holds."
    assert "Police chief" in near(text, "Hamza Yusuf", "PERSON")


def test_a_role_set_off_by_commas_before_a_person():
    text = "The clinic's director, Dr. Farida Noori, said 30 were treated."
    assert "director" in " ".join(near(text, "Farida Noori", "PERSON"))
    # a comma alone is no apposition: the name is the subject of a new clause
    assert near("Speaking to the governor, Omar Haidari said nothing.", "Omar Haidari", "PERSON") == set()


def test_a_reporting_verb_is_no_descriptor():
    assert near("Idris Musa said troops withdrew.", "Idris Musa", "PERSON") == set()
    assert "naval forces" in near("Ships were hit by Houthi naval forces.", "Houthi", "NORP")
