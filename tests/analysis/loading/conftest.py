"""Shared helpers for the loading tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.document import Corpus

DATA = Path(__file__).resolve().parents[2] / "data" / "loading"
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _reasons(corpus: Corpus) -> dict[str, list[str]]:
    """Error reasons by the file name they name (last path component)."""
    found: dict[str, list[str]] = {}
    for path, reason in corpus.errors:
        found.setdefault(Path(path).name, []).append(reason)
    return found


@pytest.fixture
def reasons():
    """corpus -> {file name: [reasons]}."""
    return _reasons


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def make_entry():
    """An in-memory `Entry`, as a reader receives it."""
    from analysis.loading.entries import Entry

    def make(name: str, data: bytes = b"", folder: str = "folder") -> Entry:
        return Entry(label=f"{folder}/{name}", name=name, folder=folder, size=len(data), read=lambda: data)

    return make
