"""XSS in a real browser: article bodies, titles and source names carrying script, event-handler
and markdown payloads are shown as text on every page and never run.

Each payload would set `window.__xss`; after visiting every page, hovering a chart, opening the
expanders and a sidebar dropdown, the flag must still be undefined and the payloads must be
readable literally somewhere on the page.
"""

from __future__ import annotations

import csv
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
SVG = "<svg onload=window.__xss=1>"
LINK = "[click](javascript:window.__xss=1)"
MARKUP = ("**bold**", "<b>")
PAYLOADS = (SCRIPT, IMG, SVG, LINK, *MARKUP)

ROWS = [
    {"title": f"{SCRIPT} Shelling hits Kharkiv", "source": "Wire A", "published": "2022-03-01",
     "text": f"{SCRIPT} At least 12 people were killed and 30 were injured when shelling hit Kharkiv on "
             f"Tuesday, officials said. {IMG}\n\nThe governor said on Monday that **bold** claims and "
             f"<b>tags</b> {LINK} would not stop the evacuation of Kharkiv. {SVG}\n\n"
             "Ukraine and Russia traded accusations in Kyiv and Moscow."},
    {"title": f"{SVG} **bold** <b>Kharkiv</b> toll rises", "source": IMG, "published": "2022-03-02",
     "text": f"Officials in Kharkiv said 14 people were killed in the shelling on Tuesday. {LINK} <i>italic</i> "
             f"{SCRIPT}\n\nHundreds of families were displaced, the mayor said on Wednesday. {IMG} "
             "Ukraine blamed Russia."},
    {"title": f"{LINK} <b>evacuation</b>", "source": LINK, "published": "2022-03-03",
     "text": f"The evacuation of Kharkiv continued on Thursday after 15 people were killed in shelling, "
             f"Ukraine said. {SVG}\n\nRussia denied targeting civilians in Kharkiv. {SCRIPT} {IMG}"},
]

PAGES = {
    "overview": "/",
    "entities": "/entities",
    "casualties": "/casualties",
    "timeline": "/timeline",
    "sentiment": "/sentiment",
    "compare": f"/compare?cmp={quote('s:Wire A')}&cmp={quote('s:' + IMG)}&cmp={quote('s:' + LINK)}",
}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, start_server):
    path = tmp_path_factory.mktemp("xss") / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    return start_server(PARALLAX_CORPUS=str(path))


def _interact(page) -> None:
    """Hover the first chart, open every expander and the sidebar's source dropdown."""
    plot = page.locator("[data-testid='stPlotlyChart'] .nsewdrag:visible").first
    if plot.count():
        plot.scroll_into_view_if_needed()
        page.mouse.move(*_centre(plot))  # a hover label draws the point's text (source, title)
        page.wait_for_timeout(300)
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        if summary.is_visible():
            summary.click()
    source = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Source")
    if source.count():
        source.first.locator("input").click()
        page.wait_for_selector("[role='listbox']", timeout=10_000)
        page.wait_for_timeout(300)


def _centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_no_payload_runs_on_any_page_and_every_payload_reads_as_text(chromium, hostile_server, ui):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    seen: dict[str, str] = {}
    try:
        for name, path in PAGES.items():
            page.goto(hostile_server + path, wait_until="domcontentloaded")
            ui.wait_for_page(page)
            assert ui.error_boxes(page) == [], name
            _interact(page)
            # Every frame: a payload run inside a component's iframe would set the flag there.
            assert all(frame.evaluate("typeof window.__xss") == "undefined" for frame in page.frames), name
            assert page.locator("a[href^='javascript:' i], [href^='javascript:' i]").count() == 0, name
            seen[name] = page.inner_text("body")
            page.keyboard.press("Escape")
    finally:
        context.close()
    assert dialogs == []
    # Shown, escaped: each payload is readable literally, on the pages that show article text.
    for payload in PAYLOADS:
        assert all(payload in seen[name] for name in ("casualties", "timeline", "sentiment", "compare")), payload
    # Titles and source names are text in the articles table and in the sidebar's source list.
    assert IMG in seen["overview"] and LINK in seen["overview"]
    assert all(IMG in text for text in seen.values())


def test_the_health_endpoint_answers(chromium, hostile_server):
    context = chromium.new_context()
    try:
        response = context.request.get(hostile_server + "/_stcore/health")
        assert response.status == 200
        assert response.text().strip() == "ok"
    finally:
        context.close()
