"""The share store's databases: a SQLite file, and a schema of the test's own on the real
PostgreSQL server of tests/conftest.py's `postgres_schema_url`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """A SQLAlchemy URL of an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shares.sqlite3'}"
        return
    yield request.getfixturevalue("postgres_schema_url")


@pytest.fixture
def engine(database_url) -> Iterator[Engine]:
    made = create_engine(database_url)
    yield made
    made.dispose()
