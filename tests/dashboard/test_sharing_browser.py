"""Sharing in a real browser: upload, narrow the view, share, open the link in a fresh browser
context on another server reading the same store (the same view, with the uploader's text shown
as text), then delete the share from its private link and see the link say so."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

HOSTILE_TITLE = "[click me](https://example.invalid/x) **loud**"


def upload_csv(marker: str) -> bytes:
    rows = [
        f'"{marker} Mykolaiv port shelled overnight",Southern Dispatch,2022-04-05,'
        f'"Officials in Mykolaiv said 7 people were killed when shells hit the port district on Monday. {marker}."',
        f'"{HOSTILE_TITLE} {marker}",Harbour Ledger,2022-04-06,'
        f'"Rescuers in Mykolaiv said 9 people were killed in the shelling of the port on Monday. {marker} wrote it."',
        f'"{marker} grain terminal closed",Harbour Ledger,2022-04-07,'
        f'"The grain terminal in Odesa stayed closed on Wednesday after the strike, its manager said. {marker}."',
    ]
    return ("title,source,published,text\n" + "\n".join(rows) + "\n").encode()


def shot(page, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("PARALLAX_SCREENSHOT_DIR", tmp_path))
    page.screenshot(path=str(folder / name), full_page=True)


def sidebar_links(page) -> list[str]:
    """The links in the sidebar's code boxes (the share box's; the pipeline's command is not one)."""
    codes = page.locator("[data-testid='stSidebar'] [data-testid='stCode'] code").all_inner_texts()
    return [code.strip() for code in codes if "://" in code]


def checked_corpus(page) -> str:
    return page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label:has(input:checked)").inner_text().strip()


def pick_source(page, ui, source: str) -> None:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Source")
    box.locator("input").first.click()
    page.keyboard.type(source)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("location.search.includes('source=')", timeout=ui.timeout_ms)
    ui.wait_until_idle(page)


def test_a_shared_link_opens_the_same_view_elsewhere_until_it_is_deleted(chromium, start_server, ui, tmp_path):
    data = tmp_path / "data"
    first = start_server(PARALLAX_DATA_DIR=str(data))
    second = start_server(PARALLAX_DATA_DIR=str(data))  # another server of the deployment, same store
    marker = "Qs" + uuid.uuid4().hex[:8]
    contexts = [chromium.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(3)]
    try:
        sharer = contexts[0].new_page()
        sharer.goto(first + "/", wait_until="domcontentloaded")
        ui.wait_for_page(sharer)
        sharer.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text="My articles").click()
        sharer.wait_for_selector("[data-testid='stSidebar'] [data-testid='stFileUploader']", timeout=ui.timeout_ms)
        ui.wait_until_idle(sharer)
        assert not (data / "shares.sqlite3").exists()
        sharer.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(
            files=[{"name": "desk.csv", "mimeType": "text/csv", "buffer": upload_csv(marker)}])
        sharer.wait_for_selector("text=Your upload (3 articles)", timeout=ui.timeout_ms)
        ui.wait_for_page(sharer)
        sidebar = sharer.locator("[data-testid='stSidebar']")
        assert "for 90 days" in sidebar.inner_text()
        assert not (data / "shares.sqlite3").exists()  # nothing stored before the press
        shot(sharer, tmp_path, "share-offer.png")

        sidebar.get_by_role("button", name="Share these articles").click()
        sharer.wait_for_function("location.search.includes('share=')", timeout=ui.timeout_ms)
        ui.wait_for_page(sharer)
        pick_source(sharer, ui, "Harbour Ledger")
        sharer.locator("[data-testid='stSidebarNav'] a").filter(has_text="Sentiment").click()
        sharer.wait_for_selector("[data-testid='stMain'] h1:has-text('Sentiment')", timeout=ui.timeout_ms)
        ui.wait_for_charts(sharer, 1)
        assert ui.error_boxes(sharer) == []
        link, delete = sidebar_links(sharer)
        assert link == sharer.url  # the shown link is the address bar: page, corpus, share and filter
        assert urlsplit(link).path == "/sentiment" and parse_qs(urlsplit(link).query)["source"] == ["Harbour Ledger"]
        assert "unshare=" in delete
        shot(sharer, tmp_path, "share-sharer.png")

        reader = contexts[1].new_page()
        reader.goto(link.replace(first, second), wait_until="domcontentloaded")
        reader.wait_for_selector("[data-testid='stMain'] h1:has-text('Sentiment')", timeout=ui.timeout_ms)
        ui.wait_for_charts(reader, 1)
        assert ui.error_boxes(reader) == []
        side = reader.locator("[data-testid='stSidebar']")
        assert checked_corpus(reader) == "Shared articles"
        assert side.locator("[data-testid='stMultiSelect']").filter(has_text="Harbour Ledger").count() == 1
        assert marker in reader.inner_text("body")
        assert reader.locator("a[href*='example.invalid']").count() == 0  # shared text stays text
        assert sidebar_links(reader) == [reader.url]  # the link, and no delete link for a reader
        shot(reader, tmp_path, "share-reader.png")

        reader.goto(delete, wait_until="domcontentloaded")
        ui.wait_for_page(reader, charts=False)
        reader.get_by_role("button", name="Delete the shared articles").click()
        reader.wait_for_selector("text=The share is deleted", timeout=ui.timeout_ms)
        ui.wait_until_idle(reader)
        assert "unshare=" not in reader.url
        shot(reader, tmp_path, "share-deleted.png")

        late = contexts[2].new_page()
        late.goto(link, wait_until="domcontentloaded")
        late.wait_for_selector("text=No shared articles are stored under this link", timeout=ui.timeout_ms)
        ui.wait_for_charts(late, 1)
        assert marker not in late.content()
        assert checked_corpus(late) == "Bundled corpus" and "share=" not in late.url
        assert ui.error_boxes(late) == []
        shot(late, tmp_path, "share-after-delete.png")
    finally:
        for context in contexts:
            context.close()
