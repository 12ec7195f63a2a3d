"""The Timeline page in a real browser: a box selection dragged across the chart becomes the date
filter and lands in the URL (Streamlit receives plotly selections, not zooms)."""

from __future__ import annotations

import os
import shutil
from urllib.parse import parse_qs, urlsplit

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


@pytest.fixture
def page():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        yield context.new_page()
        browser.close()


def settled(page) -> None:
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidget']\")",
                           timeout=LOAD_TIMEOUT_MS)


def test_a_box_selection_on_the_chart_sets_the_date_filter(page, streamlit_server):
    page.goto(f"{streamlit_server}/timeline")
    settled(page)
    assert page.locator("[data-testid='stException']").count() == 0
    area = page.locator("[data-testid='stPlotlyChart'] .nsewdrag").first.bounding_box()
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + area["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.7, y, steps=8)
    page.mouse.up()
    page.wait_for_function("window.location.search.includes('from=')", timeout=LOAD_TIMEOUT_MS)
    settled(page)
    query = parse_qs(urlsplit(page.evaluate("window.location.href")).query)
    # The chart opens on May-Oct 2021 for the seeds: the middle of it is inside the story's summer.
    assert query["from"][0] < query["to"][0]
    assert "2021-05" <= query["from"][0] <= "2021-09" and "2021-06" <= query["to"][0] <= "2021-10"
    assert page.locator("[data-testid='stException']").count() == 0
