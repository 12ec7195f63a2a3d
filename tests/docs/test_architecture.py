"""docs/ARCHITECTURE.md is the reference for the tables, the public API and the CLI: these tests
hold it to the code, so a column, name or option changed on one side only fails here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

import analysis
from analysis import analyze, load_corpus
from analysis.casualties.kinds import INCIDENT, STATISTIC
from analysis.cli import _parser, _share_parser
from analysis.schema import CASUALTY_CATEGORIES, QUALIFIERS, TABLES
from analysis.timeline.model import Granularity

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
FURTHER = "Further columns:"


def _section(title: str) -> str:
    """The text of the `## title` section, up to the next `## ` heading."""
    start = DOC.index(f"\n## {title}\n")
    end = DOC.find("\n## ", start + 1)
    return DOC[start:end if end >= 0 else len(DOC)]


def _rows(text: str) -> dict[str, str]:
    """First cell (a `name`) -> second cell, for each row of the markdown tables in `text`."""
    return {m[1]: m[2].strip() for m in re.finditer(r"^\| `([^`]+)` \|(.*)\|$", text, re.MULTILINE)}


def _documented_tables() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """Table name -> (its contract columns, its further columns), each column -> meaning."""
    tables = {}
    for block in _section("Tables").split("\n### ")[1:]:
        name = re.match(r"`(\w+)`", block)[1]
        contract, _, further = block.partition(FURTHER)
        tables[name] = (_rows(contract), _rows(further))
    return tables


@pytest.fixture(scope="module")
def seeds_result():
    return analyze(load_corpus([ROOT / "seeds"]).documents)


def test_every_table_is_documented_with_its_schema_columns_in_order():
    documented = _documented_tables()
    assert list(documented) == list(TABLES)
    for name, (contract, _) in documented.items():
        assert list(contract) == TABLES[name], name


def test_every_column_the_analysis_writes_is_documented_and_nothing_else(seeds_result):
    documented = _documented_tables()
    assert list(seeds_result.tables()) == list(documented)
    for name, table in seeds_result.tables().items():
        assert not table.empty, name  # the seeds fill every table, so every column shows
        contract, further = documented[name]
        assert set(table.columns) == set(contract) | set(further), name
        assert set(contract) <= set(table.columns), name


def test_value_vocabularies_match_the_code():
    casualties = _documented_tables()["casualties"][0]
    assert casualties["category"] == ", ".join(CASUALTY_CATEGORIES[:-1]) + " or " + CASUALTY_CATEGORIES[-1]
    assert casualties["qualifier"] == ", ".join(QUALIFIERS[:-1]) + " or " + QUALIFIERS[-1]
    assert casualties["kind"].startswith(f"{INCIDENT} (") and f" or {STATISTIC} (" in casualties["kind"]
    grains = get_args(Granularity)
    events = _documented_tables()["events"][0]
    assert events["granularity"].startswith(", ".join(grains[:-1]) + " or " + grains[-1] + ":")


def test_every_public_name_is_documented():
    api = _rows(_section("Public API"))
    assert {re.match(r"\w+", name)[0] for name in api} == set(analysis.__all__)


def test_every_cli_option_is_documented_and_nothing_else():
    options = {option for parser in (_parser(), _share_parser()) for action in parser._actions
               for option in action.option_strings if option not in ("-h", "--help")}
    assert set(_rows(_section("Command line"))) == options


def test_nothing_points_to_a_design_file_outside_the_repository():
    sources = [ROOT / "README.md", *(p for folder in ("analysis", "dashboard", "tests", "bench")
                                     for p in (ROOT / folder).rglob("*.py"))]
    assert [p.relative_to(ROOT).as_posix() for p in sources
            if "DESIGN" + ".md" in p.read_text(encoding="utf-8")] == []
