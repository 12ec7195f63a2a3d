"""Incidents group one event's reports across sources; totals are per incident."""

from datetime import date

import pandas as pd
import pytest

from analysis.casualties import (
    assign_incidents,
    extract_casualties,
    figures_to_rows,
    group_incidents,
)
from analysis.casualties.incidents import INCIDENT_COLUMNS
from analysis.segmentation import split_sentences

ARTICLES = [
    ("a", "Reuters", date(2024, 3, 1),
     ("Gunmen attacked a market in the town of Jibia on Friday, killing 8 people, police said. "
      "Another 12 were wounded.")),
    ("b", "AP", date(2024, 3, 2),
     ("At least 11 people were killed in an attack on a market in the town of Jibia, including "
      "three children, residents said.")),
    ("c", "AFP", date(2024, 3, 20), "Eight people were killed in the town of Jibia in a new attack."),
    ("d", "BBC", date(2024, 3, 1), "Gunmen killed 9 people in the town of Gusau on Friday."),
]


def tables(articles):
    rows, sentence_rows = [], []
    for doc_id, _, published, text in articles:
        sentences = split_sentences(text)
        rows += figures_to_rows(extract_casualties(text, sentences), doc_id)
        sentence_rows += [{"doc_id": doc_id, "sent_id": s.sent_id, "date": published} for s in sentences]
    documents = pd.DataFrame([{"doc_id": d, "source": s, "published": p, "published_estimated": False}
                              for d, s, p, _ in articles])
    return pd.DataFrame(rows), documents, pd.DataFrame(sentence_rows)


@pytest.fixture(scope="module")
def grouped():
    casualties, documents, sentences = tables(ARTICLES)
    incidents, linked = group_incidents(casualties, documents, sentences)
    return casualties, incidents, linked


def test_same_attack_from_two_sources_is_one_incident(grouped):
    _, incidents, _ = grouped
    assert list(incidents.columns) == INCIDENT_COLUMNS
    jibia = incidents[(incidents.location == "Jibia") & (incidents.category == "killed")]
    first = jibia.sort_values("date").iloc[0]
    assert first.sources == "AP; Reuters" and first.n_sources == 2
    assert first.conservative == 8 and (first.low, first.high) == (8, 11)
    assert first.disagree and first.first_reported_by == "Reuters"


def test_a_later_attack_and_another_town_are_separate(grouped):
    _, incidents, _ = grouped
    killed = incidents[incidents.category == "killed"]
    assert len(killed) == 3  # Jibia 1-2 March, Jibia 20 March, Gusau
    assert set(killed.location) == {"Jibia", "Gusau"}


def test_subsets_are_linked_but_never_add(grouped):
    _, incidents, linked = grouped
    subset = linked[linked.part_of]
    assert len(subset) == 1
    incident = incidents.set_index("incident_id").loc[subset.incident_id.iloc[0]]
    assert incident.low == 8 and incident.high == 11  # the 3 children are inside the 11


def test_every_figure_gets_an_incident(grouped):
    casualties, _, linked = grouped
    assert linked.incident_id.notna().all()
    assert list(assign_incidents(*tables(ARTICLES))) == list(linked.incident_id)
    assert len(linked) == len(casualties)


def test_coordinated_groups_are_one_report():
    casualties, documents, sentences = tables([
        ("x", "AP", date(2024, 1, 5), "A bomb in the city of Kirkuk killed three soldiers and two civilians."),
        ("y", "AFP", date(2024, 1, 5), "Five people were killed by a bomb in the city of Kirkuk."),
    ])
    incidents, _ = group_incidents(casualties, documents, sentences)
    assert len(incidents) == 1
    row = incidents.iloc[0]
    assert (row.conservative, row.low, row.high, row.disagree) == (5, 5, 5, False)


def test_empty_input():
    empty = pd.DataFrame(columns=["doc_id", "sent_id", "category", "low", "high", "value", "location"])
    incidents, linked = group_incidents(empty, pd.DataFrame(columns=["doc_id", "source", "published"]),
                                        pd.DataFrame(columns=["doc_id", "sent_id", "date"]))
    assert incidents.empty and list(incidents.columns) == INCIDENT_COLUMNS
    assert "incident_id" in linked.columns
