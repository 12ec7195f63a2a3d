"""The engine's record-to-table step: one transpose for a list of records of one type."""

from datetime import date

import pandas as pd

from analysis.casualties import CasualtyFigure
from analysis.engine import _records_frame
from analysis.schema import CASUALTIES, EVENTS
from analysis.timeline import ReferenceEvent, TemporalEvent

DAY = date(2021, 7, 13)


def _figure(value: int, **extra) -> CasualtyFigure:
    return CasualtyFigure(sent_id=0, start=0, end=2, category="killed", value=value, qualifier="exact", low=value,
                          high=value, victims=None, location="Gwoza", attribution=None, evidence="...", **extra)


def _event(expression: str) -> TemporalEvent:
    return TemporalEvent(0, 0, len(expression), expression, DAY, DAY, "day", False, expression)


def test_named_tuples_become_columns_with_doc_id_first_and_the_design_columns_in_order():
    table = _records_frame(["a", "b"], [_figure(3), _figure(5, corrected_from=4)], CASUALTIES)
    assert list(table.columns[: len(CASUALTIES)]) == CASUALTIES
    assert table["doc_id"].tolist() == ["a", "b"]
    assert table["value"].tolist() == [3, 5]
    assert table["corrected_from"].tolist()[1] == 4 and pd.isna(table["corrected_from"].tolist()[0])


def test_dataclasses_become_columns_too():
    table = _records_frame(["a", "a"], [_event("Monday"), _event("July 7")], EVENTS)
    assert list(table.columns) == EVENTS
    assert table["expression"].tolist() == ["Monday", "July 7"]
    assert table["date"].tolist() == [DAY, DAY]


def test_records_of_mixed_kinds_keep_every_field_of_each():
    reference = ReferenceEvent(0, 0, 3, "now", DAY, DAY, "day", True, "now", reference="PRESENT_REF")
    table = _records_frame(["a", "a"], [_event("Monday"), reference], EVENTS)
    assert table["reference"].tolist()[1] == "PRESENT_REF" and pd.isna(table["reference"].tolist()[0])


def test_no_records_gives_the_empty_table_with_its_columns():
    table = _records_frame([], [], CASUALTIES)
    assert table.empty and list(table.columns) == CASUALTIES


def test_statistics_stay_out_of_incidents_and_get_their_own_table():
    from analysis.engine import _incidents_and_statistics

    figures = [_figure(40, kind="statistic", period="Since May")._replace(
                   evidence="Since May, 40 people were killed, the UN said."),
               _figure(6)._replace(evidence="A blast killed 6 people in Gwoza on Monday.")]
    casualties = _records_frame(["a", "a"], figures, CASUALTIES)
    documents = pd.DataFrame({"doc_id": ["a"], "source": ["Lake Wire"], "published": [DAY]})
    sentences = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "date": [DAY]})
    no_events = _records_frame([], [], EVENTS)
    incidents, linked, statistics = _incidents_and_statistics(casualties, documents, sentences, no_events)
    assert incidents["kind"].tolist() == ["incident"]
    assert incidents["conservative"].tolist() == [6]
    assert linked["incident_id"].isna().tolist() == [True, False]
    assert linked["statistic_id"].tolist() == ["S0001", None]
    assert statistics[["category", "low", "issuer"]].values.tolist() == [["killed", 40, "UN"]]
