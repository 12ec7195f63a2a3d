"""The share store's databases: a SQLite file, and a real PostgreSQL server when
PARALLAX_TEST_POSTGRES_URL names one (`.ci/run` starts Debian's and sets it; in CI, where
PARALLAX_REQUIRE_POSTGRES is set, a missing server fails instead of skipping). Each PostgreSQL
test gets a schema of its own, dropped afterwards, so runs never see each other's shares."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

POSTGRES_ENV = "PARALLAX_TEST_POSTGRES_URL"
REQUIRE_ENV = "PARALLAX_REQUIRE_POSTGRES"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        if os.environ.get(REQUIRE_ENV):
            raise RuntimeError(f"{REQUIRE_ENV} is set but {POSTGRES_ENV} names no PostgreSQL server")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (.ci/run starts one)")
    return url


def schema_url(url: str, schema: str) -> str:
    """`url` with every connection's search_path set to `schema`."""
    return make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """A SQLAlchemy URL of an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shares.sqlite3'}"
        return
    url = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield schema_url(url, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def engine(database_url) -> Iterator[Engine]:
    made = create_engine(database_url)
    yield made
    made.dispose()
