"""Live Streamlit servers on free loopback ports (each with its own environment: corpus, word
budget) and one headless Chromium, for every real-browser test (dashboard and hardening); and a
PostgreSQL schema of a test's own for the share store's tests.

Test modules cannot import a conftest, so the page helpers reach them through the `ui` fixture.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 90
LOAD_TIMEOUT_MS = 120_000
# Headless as root, and no background calls home: the test machines reach only loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def live_server(log_dir: Path, **env: str) -> Iterator[str]:
    """`streamlit run dashboard/app.py` headless on 127.0.0.1 with `env` added (PARALLAX_CORPUS
    is dropped unless given); yields the base URL once /_stcore/health answers ok."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = log_dir / f"streamlit-{port}.log"
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    environment.pop("PARALLAX_CORPUS", None)
    environment.pop("PARALLAX_MAX_WORDS", None)
    environment.update(env)
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session; tests open their own contexts (sessions)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("PARALLAX_REQUIRE_BROWSER"):
            raise RuntimeError("PARALLAX_REQUIRE_BROWSER is set but no chromium is installed")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def start_server(tmp_path_factory) -> Iterator[Callable[..., str]]:
    """start_server(**env) -> base URL of a new server with `env`; all are stopped at the end."""
    with ExitStack() as servers:
        yield lambda **env: servers.enter_context(live_server(tmp_path_factory.mktemp("server"), **env))


@pytest.fixture(scope="session")
def seeds_server(start_server) -> str:
    """A server on the bundled seeds."""
    return start_server()


@pytest.fixture
def new_page(chromium):
    """A fresh browser session (its own cookies and Streamlit session) with a desktop viewport."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


def wait_until_idle(page) -> None:
    """Wait until the app is connected and its script run has finished (no status widget)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=LOAD_TIMEOUT_MS)


def wait_for_page(page, charts: bool = True) -> None:
    """The page is drawn: its main block has content, its charts have SVG, the run is over."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=LOAD_TIMEOUT_MS)
    if charts:
        # attached, not visible: charts in a closed tab or expander are drawn but hidden
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", state="attached", timeout=LOAD_TIMEOUT_MS)
    wait_until_idle(page)


def wait_for_charts(page, count: int = 1) -> None:
    """At least `count` plotly charts are drawn (attached: charts in closed tabs count) and the
    script run is over."""
    page.wait_for_function(
        f"document.querySelectorAll(\"[data-testid='stPlotlyChart'] .main-svg\").length >= {count}",
        timeout=LOAD_TIMEOUT_MS,
    )
    wait_until_idle(page)


def error_boxes(page) -> list[str]:
    """Texts of every exception or error box on the page."""
    boxes = page.locator("[data-testid='stException'], [data-testid='stAlertContentError']")
    return boxes.all_inner_texts()


@pytest.fixture(scope="session")
def ui() -> SimpleNamespace:
    """The page helpers above, for test modules (which cannot import this conftest)."""
    return SimpleNamespace(wait_for_page=wait_for_page, wait_until_idle=wait_until_idle, error_boxes=error_boxes,
                           wait_for_charts=wait_for_charts, timeout_ms=LOAD_TIMEOUT_MS)


POSTGRES_ENV = "PARALLAX_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "PARALLAX_REQUIRE_POSTGRES"


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A URL of the PostgreSQL server PARALLAX_TEST_POSTGRES_URL names (`.ci/run` starts
    Debian's), whose connections use a schema of this test's own, dropped afterwards, so runs
    never see each other's rows. Skips without a server, unless PARALLAX_REQUIRE_POSTGRES is set
    (in CI a missing server is a failure)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        if os.environ.get(REQUIRE_POSTGRES_ENV):
            raise RuntimeError(f"{REQUIRE_POSTGRES_ENV} is set but {POSTGRES_ENV} names no PostgreSQL server")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (.ci/run starts one)")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

