"""A real browser at 1440x900: dates typed into the sidebar's box are applied and shown, an upload
opens on its own dates (never the seeds' range), failed files show their whole reason, and no
page asks any host but the dashboard's own for anything (fonts, icons, scripts)."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1440, "height": 900}
PAGES = ["/", "/compare", "/entities", "/casualties", "/timeline", "/sentiment"]

# Two short reports of invented events in real places, by made-up outlets; and two files that fail.
MARKET = ("Traders in Mopti counted their losses on Friday after a fire swept through the old fish "
          "market on Wednesday night.\n\nThe regional governor said on Thursday that two night "
          "watchmen died and eleven people were injured.\n\nMarket leaders recalled the flood of "
          "1994, when the river last closed the market for a month.\n")
FERRY = ("A ferry carrying cattle traders capsized on the Niger river near Konna on Tuesday, local "
         "officials said.\n\nAt least four passengers drowned and nine were rescued by fishermen, "
         "according to the mayor of Konna.\n")
METADATA = ("file,source,published,url,title\n"
            "market.txt,Sahel Ledger,2023-03-17,https://example.org/a,Fire guts Mopti's fish market\n"
            "ferry.txt,Delta Courier,2023-03-08,https://example.org/b,Ferry capsizes near Konna\n")
LONG_NAME = "a_table_without_any_article_text_column_exported_from_a_spreadsheet.csv"


def sidebar(page):
    return page.locator("[data-testid='stSidebar']")


def box_dates(page, timeout_ms: float = 60_000) -> list[str]:
    """The two ends the date box shows (its hidden ISO inputs), once the box is drawn: on a busy
    machine the sidebar's widgets may arrive after the page title."""
    fields = sidebar(page).locator("[data-testid='stDateInput'] input[type=date]")
    fields.first.wait_for(state="attached", timeout=timeout_ms)
    return [field.input_value() for field in fields.all()]


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def applied_caption(page) -> str:
    return sidebar(page).get_by_text("Applied:").inner_text()


@pytest.fixture
def wide_page(chromium):
    context = chromium.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()


def test_typed_dates_apply_and_an_upload_opens_on_its_own_dates(wide_page, seeds_server, ui, tmp_path):
    page = wide_page
    page.goto(seeds_server + "/", wait_until="domcontentloaded")
    ui.wait_for_page(page)
    assert box_dates(page) == ["2021-05-01", "2021-09-01"]  # the story, not 2001-2021
    sidebar(page).get_by_label("year, Date range start date").click()
    page.keyboard.type("20210710", delay=30)
    page.locator("[data-testid='stMain'] h1").click()  # leaving the box applies what was typed
    page.wait_for_function("location.search.includes('from=2021-07-10')", timeout=ui.timeout_ms)
    ui.wait_until_idle(page)
    assert box_dates(page) == ["2021-07-10", "2021-09-01"]
    assert applied_caption(page) == "Applied: 10 Jul 2021 – 1 Sep 2021."

    files = {"market.txt": MARKET, "ferry.txt": FERRY, "metadata.csv": METADATA,
             "empty.txt": "", LONG_NAME: "headline,author\nNo text here,Someone\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    sidebar(page).get_by_text("My articles").click()
    uploader = sidebar(page).locator("[data-testid='stFileUploaderDropzoneInput']")
    uploader.set_input_files([str(tmp_path / name) for name in files])
    page.wait_for_function("location.search.includes('corpus=upload')", timeout=ui.timeout_ms)
    ui.wait_for_page(page, charts=False)
    start, end = (date.fromisoformat(day) for day in box_dates(page))
    assert date(2023, 3, 1) <= start <= end <= date(2023, 3, 31)  # its own dates; 1994 stays out
    assert "2021" not in page.url
    assert applied_caption(page).startswith("Applied:") and "2023" in applied_caption(page)
    assert "is left out (it is dated 1 Jan 1994)" in sidebar(page).inner_text()  # the recalled flood (a year)
    # Each failed file with its whole reason, wrapped inside the sidebar.
    failures = sidebar(page).locator("[data-testid='stExpander']").filter(has_text="could not be read")
    assert LONG_NAME in failures.inner_text()
    overflowing = failures.evaluate("e => [...e.querySelectorAll('li')].filter(li => li.scrollWidth > li.clientWidth).length")
    assert overflowing == 0
    assert ui.error_boxes(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_no_page_asks_another_host_for_anything(chromium, seeds_server, ui, path):
    context = chromium.new_context(viewport=VIEWPORT)
    own = urlparse(seeds_server).netloc
    elsewhere: list[str] = []

    def only_our_server(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).netloc == own:
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort()

    context.route("**/*", only_our_server)
    page = context.new_page()
    try:
        page.goto(seeds_server + path, wait_until="domcontentloaded")
        ui.wait_for_page(page, charts=False)
        page.wait_for_timeout(1500)  # late requests: fonts and icons load after the first paint
    finally:
        context.close()
    assert elsewhere == []
