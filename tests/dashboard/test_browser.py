"""A real browser against a live server: the pages draw their charts with no error box, and a
deep link opens with its filters, also after a page switch."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def test_overview_draws_its_charts(new_page, seeds_server, ui, tmp_path):
    page = new_page
    page.goto(seeds_server + "/", wait_until="domcontentloaded")
    ui.wait_for_charts(page, 2)
    assert ui.error_boxes(page) == []
    assert page.get_by_text("Overview").first.is_visible()
    shot = Path(os.environ.get("PARALLAX_SCREENSHOT_DIR", tmp_path)) / "overview.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_sentiment_page_draws_its_charts(new_page, seeds_server, ui, tmp_path):
    page = new_page
    page.goto(seeds_server + "/sentiment", wait_until="domcontentloaded")
    ui.wait_for_charts(page, 2)
    assert ui.error_boxes(page) == []
    shot = Path(os.environ.get("PARALLAX_SCREENSHOT_DIR", tmp_path)) / "sentiment.png"
    page.screenshot(path=str(shot), full_page=True)


def test_deep_link_shows_its_filter_and_keeps_it_across_pages(new_page, seeds_server, ui):
    page = new_page
    page.goto(f"{seeds_server}/sentiment?source={quote('Republic World')}&entity=Taliban",
              wait_until="domcontentloaded")
    ui.wait_for_charts(page, 1)
    assert ui.error_boxes(page) == []
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Republic World").count() == 1
    assert sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Taliban").count() == 1
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Overview").click()
    page.wait_for_function("!location.pathname.includes('sentiment')", timeout=ui.timeout_ms)
    ui.wait_for_charts(page, 2)
    page.wait_for_function("location.search.includes('entity=Taliban')", timeout=ui.timeout_ms)
    url = page.evaluate("location.href")
    assert "source=Republic+World" in url or "source=Republic%20World" in url
    assert ui.error_boxes(page) == []


def test_health_endpoint(new_page, seeds_server):
    response = new_page.request.get(seeds_server + "/_stcore/health")
    assert response.ok and response.text().strip() == "ok"


# Every page opened by its own path, the default page's included: Streamlit serves the default at
# "/" and would answer "/overview" with a "Page not found" dialog over the page.
PAGE_PATHS = [("/", "Overview"), ("/overview", "Overview"), ("/compare", "Compare"), ("/entities", "Entities"),
              ("/casualties", "Casualties"), ("/timeline", "Timeline"), ("/sentiment", "Sentiment")]


@pytest.mark.parametrize(("path", "title"), PAGE_PATHS)
def test_a_page_opened_by_its_path_draws_with_no_page_not_found(new_page, seeds_server, ui, path, title):
    page = new_page
    page.goto(seeds_server + path, wait_until="domcontentloaded")
    page.wait_for_selector(f"[data-testid='stMain'] h1:has-text('{title}')", timeout=ui.timeout_ms)
    ui.wait_until_idle(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[role='dialog']").count() == 0
    assert ui.error_boxes(page) == []
    assert page.evaluate("location.pathname") == path  # no redirect: the link keeps its path
