"""The Entities page in a real browser: a click on a chart point (a network node, a heatmap cell)
filters the dashboard by that entity, through plotly's selection event, and lists its mentions."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

LOAD_TIMEOUT_MS = 120_000
HEATMAP, NETWORK = 1, 3  # chart order on the page


@pytest.fixture
def page(new_page, seeds_server, ui):
    new_page.goto(seeds_server + "/entities", wait_until="domcontentloaded")
    ui.wait_for_charts(new_page, 4)
    return new_page


def entities_in_url(page) -> list[str]:
    return parse_qs(urlparse(page.evaluate("location.href")).query).get("entity", [])


def wait_for_filter(page) -> list[str]:
    page.wait_for_function("new URLSearchParams(location.search).has('entity')", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector("mark", timeout=LOAD_TIMEOUT_MS)  # the mentions in context are listed
    return entities_in_url(page)


def test_clicking_a_network_node_filters_by_its_entity(page):
    chart = page.locator("[data-testid='stPlotlyChart']").nth(NETWORK)
    chart.scroll_into_view_if_needed()
    nodes = chart.locator("g.trace.scatter g.points path")
    assert nodes.count() >= 10
    nodes.first.click(force=True)
    chosen = wait_for_filter(page)
    assert len(chosen) == 1
    marks = page.locator("mark").all_inner_texts()
    assert marks and all(m.strip() for m in marks)
    assert page.locator("[data-testid='stException']").count() == 0


def settled_box(locator, page) -> dict:
    """The element's bounding box once two readings 300 ms apart agree: on a busy machine the
    page still moves while charts below it are drawn, and a click at a stale position misses."""
    box = locator.bounding_box()
    for _ in range(20):
        page.wait_for_timeout(300)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def test_clicking_a_heatmap_cell_filters_by_its_row(page):
    chart = page.locator("[data-testid='stPlotlyChart']").nth(HEATMAP)
    chart.scroll_into_view_if_needed()
    plot = settled_box(chart.locator("rect.nsewdrag").first, page)
    top_row = chart.locator(".js-plotly-plot").evaluate("g => g.data[1].customdata[0][0]")
    # Off-centre in the first cell of the top row (the most mentioned entity).
    page.mouse.click(plot["x"] + plot["width"] * 0.1, plot["y"] + 6)
    assert wait_for_filter(page) == [top_row]
