"""Incident grouping on a small multi-source corpus (tests/data/casualties/incidents.jsonl): six
outlets report one market attack with different figures and phrasings; one article is undated,
one names only the country, and Reuters gives its injured figure in a sentence (and paragraph)
of its own. Plus the place rules behind it, on hand-made reports."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import analyze
from analysis.casualties import group_incidents
from analysis.loading import load_corpus

CORPUS = Path(__file__).resolve().parents[2] / "data" / "casualties" / "incidents.jsonl"


@pytest.fixture(scope="module")
def attack():
    corpus = load_corpus([CORPUS])
    assert not corpus.errors and len(corpus.documents) == 6
    return analyze(corpus.documents)


def test_every_source_of_the_attack_joins_one_killed_incident(attack):
    killed = attack.incidents[attack.incidents["category"] == "killed"]
    assert len(killed) == 1
    row = killed.iloc[0]
    assert row["n_sources"] == 6 and row["location"] == "Gwoza"
    # The undated follow-up's "has risen to 14" revises the first day's 12 and 11s: they stay
    # in the revision list, superseded, and the incident's figure is the latest toll.
    assert (row["conservative"], row["best"], row["low"], row["high"], row["disagree"]) == (14, 14, 14, 14, False)
    assert row["revisions"].count("(superseded)") == 5
    assert row["revisions"].split("; ")[-1].endswith("Daily Post: 14")
    assert row["first_reported_by"] == "Reuters"


def test_an_injured_figure_in_its_own_sentence_joins_the_shared_injured_incident(attack):
    injured = attack.incidents[attack.incidents["category"] == "injured"]
    assert len(injured) == 1
    assert set(injured.iloc[0]["sources"].split("; ")) == {"AFP", "AP", "Al Jazeera", "Daily Post", "Reuters"}
    assert injured.iloc[0]["conservative"] == 22  # the undated follow-up: 22 still in hospital


def test_the_undated_article_is_dated_and_grouped(attack):
    docs = attack.documents.set_index("source")
    assert docs.loc["Daily Post", "published_estimated"]
    undated = attack.casualties.merge(attack.documents[["doc_id", "source"]], on="doc_id")
    assert undated[undated["source"] == "Daily Post"]["incident_id"].notna().all()


def test_the_town_wins_over_the_nearer_country(attack):
    leads = attack.casualties[attack.casualties["sent_id"] == 0]
    merged = leads.merge(attack.documents[["doc_id", "source"]], on="doc_id")
    by_source = dict(zip(merged["source"], merged["location"]))
    assert by_source["AP"] == "Gwoza"  # "in the town of Gwoza in northeast Nigeria, killing ..."
    assert by_source["BBC"] == "Nigeria"  # the only place it names


def _reports(*rows):
    casualties = pd.DataFrame([
        {"doc_id": d, "sent_id": 0, "category": "killed", "value": n, "low": n, "high": n, "location": place,
         "text": str(n), "part_of": False, "toll": False, "claim": 0, "period": None}
        for d, n, place, _ in rows])
    documents = pd.DataFrame([{"doc_id": d, "source": d.upper(), "published": day} for d, _, _, day in rows])
    sentences = pd.DataFrame([{"doc_id": d, "sent_id": 0, "date": day} for d, _, _, day in rows])
    _, linked = group_incidents(casualties, documents, sentences)
    return dict(zip(linked["doc_id"], linked["incident_id"]))


def test_a_country_or_province_report_joins_a_town_inside_it_when_dated():
    day = date(2025, 3, 7)
    ids = _reports(("a", 11, "Gwoza", day), ("b", 12, "Nigeria", day), ("c", 11, "Borno", day))
    assert ids["a"] == ids["b"] == ids["c"]


def test_places_that_cannot_hold_each_other_stay_apart():
    day = date(2025, 3, 7)
    ids = _reports(("a", 11, "Kandahar", day), ("b", 11, "Nigeria", day), ("c", 11, "Gwoza", day),
                   ("d", 11, "Gusau", day))
    assert ids["a"] != ids["b"]  # Kandahar is in Afghanistan
    assert ids["c"] != ids["d"]  # two towns
    undated = _reports(("a", 11, "Gwoza", day), ("b", 11, "Nigeria", None))
    assert undated["a"] != undated["b"]  # a country alone, with no date, says too little


def test_a_figure_without_a_place_takes_its_articles_place():
    day = date(2025, 3, 7)
    casualties = pd.DataFrame([
        {"doc_id": "a", "sent_id": 0, "category": "killed", "value": 12, "low": 12, "high": 12, "location": "Gwoza"},
        {"doc_id": "a", "sent_id": 3, "category": "injured", "value": 25, "low": 25, "high": 25, "location": None},
        {"doc_id": "b", "sent_id": 0, "category": "injured", "value": 25, "low": 25, "high": 25, "location": "Gwoza"},
    ])
    documents = pd.DataFrame([{"doc_id": d, "source": d, "published": day} for d in "ab"])
    sentences = pd.DataFrame([{"doc_id": d, "sent_id": s, "date": day} for d, s in (("a", 0), ("a", 3), ("b", 0))])
    incidents, linked = group_incidents(casualties, documents, sentences)
    assert linked.loc[1, "incident_id"] == linked.loc[2, "incident_id"]
    assert len(incidents) == 2
