"""Every CSV export goes through analysis.export: formula cells neutralised, lists joined."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.export import (
    csv_bytes,
    csv_text,
    join_list,
    neutralise_cell,
    spreadsheet_safe,
    write_csv,
)

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
           "\tpadded", "\rreturn"]


@pytest.mark.parametrize("cell", HOSTILE)
def test_formula_cells_get_a_leading_apostrophe(cell):
    assert neutralise_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Kabul airport", "", "12 killed", "'already quoted", "a=b", "x-ray"])
def test_ordinary_text_is_unchanged(cell):
    assert neutralise_cell(cell) == cell


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_text_columns_are_neutralised_and_numbers_kept():
    frame = pd.DataFrame({"source": ["=HYPERLINK(\"http://x\")", "Wire"], "value": [-5, 12],
                          "low": pd.array([None, -1], dtype="Int64"), "when": [date(2021, 7, 1), None],
                          "flag": [True, False]})
    rows = _rows(csv_text(frame))
    assert rows[0] == ["source", "value", "low", "when", "flag"]
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "-5", "", "2021-07-01", "True"]
    assert rows[2] == ["Wire", "12", "-1", "", "False"]


def test_list_cells_are_joined_then_neutralised():
    frame = pd.DataFrame({"sources": [["=cmd", "Radio"], ("Wire",), {"b", "a"}], "n": [2, 1, 2]})
    rows = _rows(csv_text(frame))
    assert [row[0] for row in rows[1:]] == ["'=cmd; Radio", "Wire", "a; b"]


def test_array_cells_are_joined_like_lists():
    frame = pd.DataFrame({"aliases": [np.array(["US", "United States"], dtype=object), np.array([], dtype=object)]})
    assert [row[0] for row in _rows(csv_text(frame))[1:]] == ["US; United States", ""]
    assert join_list(np.array(["a", "b"])) == "a; b" and join_list(None) is None and join_list(3) == 3


def test_categorical_and_string_columns_are_neutralised():
    frame = pd.DataFrame({"cat": pd.Categorical(["@x", "y"]), "text": pd.array(["-z", None], dtype="string")})
    rows = _rows(csv_text(frame))
    assert rows[1] == ["'@x", "'-z"] and rows[2] == ["y", ""]


def test_column_names_are_neutralised_too():
    assert _rows(csv_text(pd.DataFrame({"=1+1": ["a"]})))[0] == ["'=1+1"]


def test_the_input_frame_is_not_changed():
    frame = pd.DataFrame({"source": ["=x"]})
    spreadsheet_safe(frame)
    assert frame["source"].tolist() == ["=x"]


def test_bytes_and_file_agree(tmp_path):
    frame = pd.DataFrame({"title": ["+tricky", "Ünïcode"]})
    path = tmp_path / "t.csv"
    write_csv(frame, path)
    assert path.read_bytes() == csv_bytes(frame)
    assert csv_bytes(frame).decode("utf-8").splitlines()[1:] == ["'+tricky", "Ünïcode"]


def test_no_csv_is_written_outside_this_module():
    """Every export path (CLI, every download button) goes through analysis.export."""
    root = Path(__file__).resolve().parents[2]
    writers = [path.relative_to(root).as_posix()
               for folder in ("analysis", "dashboard") for path in (root / folder).rglob("*.py")
               if ".to_csv(" in path.read_text(encoding="utf-8")]
    assert writers == ["analysis/export.py"]
