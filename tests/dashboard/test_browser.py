"""A real browser against a live server: the pages draw their charts with no error box, and a
deep link opens with its filters, also after a page switch."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("PARALLAX_REQUIRE_BROWSER"):
    raise RuntimeError("PARALLAX_REQUIRE_BROWSER is set but no chromium is installed")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
LOAD_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def wait_for_charts(page, count: int = 1) -> None:
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(
        f"document.querySelectorAll(\"[data-testid='stPlotlyChart'] .main-svg\").length >= {count}",
        timeout=LOAD_TIMEOUT_MS,
    )
    page.wait_for_function(  # the script run has finished: no "running" indicator
        "!document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=LOAD_TIMEOUT_MS)


def assert_no_error(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0


def test_overview_draws_its_charts(page, streamlit_server, tmp_path):
    page.goto(streamlit_server + "/", wait_until="domcontentloaded")
    wait_for_charts(page, 2)
    assert_no_error(page)
    assert page.get_by_text("Overview").first.is_visible()
    shot = Path(os.environ.get("PARALLAX_SCREENSHOT_DIR", tmp_path)) / "overview.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_sentiment_page_draws_its_charts(page, streamlit_server, tmp_path):
    page.goto(streamlit_server + "/sentiment", wait_until="domcontentloaded")
    wait_for_charts(page, 2)
    assert_no_error(page)
    shot = Path(os.environ.get("PARALLAX_SCREENSHOT_DIR", tmp_path)) / "sentiment.png"
    page.screenshot(path=str(shot), full_page=True)


def test_deep_link_shows_its_filter_and_keeps_it_across_pages(page, streamlit_server):
    page.goto(f"{streamlit_server}/sentiment?source={quote('Republic World')}&entity=Taliban",
              wait_until="domcontentloaded")
    wait_for_charts(page, 1)
    assert_no_error(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Republic World").count() == 1
    assert sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Taliban").count() == 1
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Overview").click()
    page.wait_for_function("!location.pathname.includes('sentiment')", timeout=LOAD_TIMEOUT_MS)
    wait_for_charts(page, 2)
    page.wait_for_function("location.search.includes('entity=Taliban')", timeout=LOAD_TIMEOUT_MS)
    assert "source=Republic+World" in page.url or "source=Republic%20World" in page.url
    assert_no_error(page)


def test_health_endpoint(page, streamlit_server):
    response = page.request.get(streamlit_server + "/_stcore/health")
    assert response.ok and response.text().strip() == "ok"
