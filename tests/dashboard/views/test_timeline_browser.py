"""The Timeline page in a real browser: a box selection dragged across the chart becomes the date
filter and lands in the URL (Streamlit receives plotly selections, not zooms)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

LOAD_TIMEOUT_MS = 120_000


def test_a_box_selection_on_the_chart_sets_the_date_filter(new_page, seeds_server, ui):
    page = new_page
    page.goto(f"{seeds_server}/timeline")
    ui.wait_for_charts(page)
    assert page.locator("[data-testid='stException']").count() == 0
    before = page.evaluate("window.location.search")  # the default range may be in the URL already
    area = page.locator("[data-testid='stPlotlyChart'] .nsewdrag").first.bounding_box()
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + area["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.7, y, steps=8)
    page.mouse.up()
    page.wait_for_function("([before]) => window.location.search !== before && window.location.search.includes('to=')",
                           arg=[before], timeout=LOAD_TIMEOUT_MS)
    ui.wait_for_charts(page)
    query = parse_qs(urlsplit(page.evaluate("window.location.href")).query)
    # The chart opens on May-Oct 2021 for the seeds: the middle of it is inside the story's summer.
    assert query["from"][0] < query["to"][0]
    assert "2021-05" <= query["from"][0] <= "2021-09" and "2021-06" <= query["to"][0] <= "2021-10"
    assert page.locator("[data-testid='stException']").count() == 0
