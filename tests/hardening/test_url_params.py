"""Every URL parameter is read defensively: a malformed, oversized, repeated or deeply nested value
is ignored with a note, and the app opens on what is left, never with a traceback."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import Filters
from analysis.entities import EntityCorrections
from analysis.filters import MAX_CORRECTIONS_CHARS, MAX_PARAM_CHARS, MAX_PARAM_VALUES, param_values

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TIMEOUT = 120


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


DEEP = b64(b"[" * 3000)  # json.loads of this raises RecursionError


# --- the entity corrections ("fix") -----------------------------------------------------------------

@pytest.mark.parametrize("value, reason", [
    (DEEP, "not readable JSON"),
    ("%%%not-base64%%%", "not base64"),
    ("a" * (MAX_CORRECTIONS_CHARS + 1), "longer than"),
    (b64(b"\xff\xfe\x00"), "not readable JSON"),
    (b64(b'{"merges": []}'), "not a list of merges and splits"),
    (b64(b"[2, [], []]"), "not a list of merges and splits"),
    (b64(b"[true, [], []]"), "not a list of merges and splits"),
    (b64(b'[1, [["a"]], []]'), "not a list of merges and splits"),
    (b64(b"[1, [[1, 2]], []]"), "not a list of merges and splits"),
    (b64(b"[1, [], [null]]"), "not a list of merges and splits"),
    (b64(('[1, [], ["' + "x" * (MAX_PARAM_CHARS + 1) + '"]]').encode()), "not a list of merges and splits"),
])
def test_bad_corrections_are_ignored_with_the_reason(value, reason):
    corrections, why = EntityCorrections.parse_query_value(value)
    assert not corrections
    assert why is not None and why.startswith(reason)
    assert not EntityCorrections.from_query_value(value)


def test_good_corrections_round_trip():
    fixes = EntityCorrections().merge("Ankara", "Turkey").split("Kharkiv [city]")
    assert EntityCorrections.parse_query_value(fixes.to_query_value()) == (fixes, None)
    assert EntityCorrections.parse_query_value(None) == (EntityCorrections(), None)


# --- the filters (entity, type, source, from, to) --------------------------------------------------

def test_huge_and_numerous_values_are_bounded_with_notes():
    params = {"entity": ["x" * (MAX_PARAM_CHARS + 1)] + [f"e{i}" for i in range(MAX_PARAM_VALUES + 20)],
              "source": "Wire A"}
    filters, notes = Filters.parse_query_params(params)
    assert filters.entities == tuple(f"e{i}" for i in range(MAX_PARAM_VALUES))
    assert filters.sources == ("Wire A",)
    assert any("longer than" in note for note in notes)
    assert any(f"only the first {MAX_PARAM_VALUES} of {MAX_PARAM_VALUES + 20}" in note for note in notes)


@pytest.mark.parametrize("bad", ["not-a-date", "2022-02-30", "20220301", "2022-03-01T00:00", "9" * 5000])
def test_a_bad_date_is_ignored_with_a_note(bad):
    filters, notes = Filters.parse_query_params({"from": bad, "to": "2022-03-05"})
    assert filters.date_from is None and filters.date_to == date(2022, 3, 5)
    assert len(notes) == 1 and "“from”" in notes[0]


def test_wrong_types_are_ignored_with_a_note():
    filters, notes = Filters.parse_query_params({"entity": 5, "source": ["Wire A", None, 3]})
    assert filters.entities == () and filters.sources == ("Wire A",)
    assert any("“entity” ignored: not text" in note for note in notes)
    assert any("2 value(s) that are not text" in note for note in notes)


def test_a_clean_link_reads_without_notes():
    filters = Filters(entities=("Taliban",), labels=("ORG",), sources=("Wire A",),
                      date_from=date(2022, 3, 1), date_to=date(2022, 3, 5))
    assert Filters.parse_query_params(filters.to_query_params()) == (filters, [])


def test_param_values_keeps_the_first_distinct_values():
    values, notes = param_values({"k": [" a ", "a", "", "b"]}, "k", max_values=1)
    assert values == ("a",) and notes == ["Link parameter “k”: only the first 1 of 2 values are used."]


# --- the whole app through AppTest -------------------------------------------------------------------

def open_app(query: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def sidebar_text(at: AppTest) -> str:
    return " ".join(w.value for w in (*at.sidebar.warning, *at.sidebar.info))


def test_a_crafted_link_opens_the_app_with_notes_and_no_traceback():
    at = open_app({"fix": DEEP, "from": "yesterday", "corpus": "../../etc/passwd",
                   "entity": ["x" * 5000, "[click](https://example.invalid/x)"]})
    notes = sidebar_text(at)
    assert "entity corrections" in notes and "not readable JSON" in notes
    assert "not a date" in notes and "not the name of a corpus" in notes and "longer than" in notes
    # The unknown entity is reported, escaped: it reads as text, it is no link.
    warning = next(w for w in at.sidebar.warning if "Not in this corpus" in w.value)
    assert "\\[click\\]\\(https" in warning.value
    assert at.title[0].value == "Overview"


def test_compare_ignores_cmp_keys_that_name_nothing():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"cmp": ["zz:nothing", "s:" + "y" * 5000, "s:Republic World", "a:"]})
    at.run()
    at.switch_page("views/compare.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    warnings = " ".join(w.value for w in at.warning)
    assert "name no article" in warnings and "longer than" in warnings


def test_an_upload_link_without_the_upload_says_it_is_gone():
    at = open_app({"corpus": "upload-0123456789ab"})
    notice = sidebar_text(at)
    assert "gone once that session ends or the server restarts" in notice
    # Still there after a rerun: the URL now names the seeds, the visitor still needs to know.
    at.run()
    assert "server restarts" in sidebar_text(at)
