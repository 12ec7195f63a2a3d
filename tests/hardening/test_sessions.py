"""Session isolation in a real browser: what one visitor uploads is never visible to another,
not even to a visitor who opens the uploader's own link (which names the uploaded corpus)."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.browser

PAGES = ("/", "/entities", "/casualties", "/timeline", "/sentiment", "/compare")


def _upload_csv(marker: str) -> bytes:
    rows = [
        f'"{marker} report on the Kharkiv shelling",{marker} Wire,2022-03-01,'
        f'"At least 12 people were killed in Kharkiv on Tuesday, {marker} officials said."',
        f'"Kharkiv toll rises, {marker} says",Other Wire,2022-03-02,'
        f'"Officials said 14 people were killed in Kharkiv on Tuesday. {marker} confirmed it."',
    ]
    return ("title,source,published,text\n" + "\n".join(rows) + "\n").encode()


def _choose_uploads(page, ui) -> None:
    page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text="My articles").click()
    page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stFileUploader']", timeout=ui.timeout_ms)
    ui.wait_until_idle(page)


def _upload(page, ui, name: str, data: bytes) -> None:
    """Open the page, switch to uploads and hand the uploader one file."""
    ui.wait_for_page(page)
    _choose_uploads(page, ui)
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}])


def test_an_upload_is_seen_by_its_session_only(chromium, seeds_server, ui):
    marker = "Qz" + uuid.uuid4().hex[:10]
    first = chromium.new_context(viewport={"width": 1400, "height": 1000})
    second = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        a = first.new_page()
        a.goto(seeds_server + "/", wait_until="domcontentloaded")
        _upload(a, ui, "mine.csv", _upload_csv(marker))
        a.wait_for_selector("text=Your upload (2 articles)", timeout=ui.timeout_ms)
        ui.wait_for_page(a)
        assert ui.error_boxes(a) == []
        assert marker in a.inner_text("body")
        shared_link = a.url
        assert "corpus=upload-" in shared_link

        b = second.new_page()
        for url in [shared_link, *(seeds_server + path for path in PAGES)]:
            b.goto(url, wait_until="domcontentloaded")
            ui.wait_for_page(b, charts=False)
            assert ui.error_boxes(b) == []
            assert marker not in b.content(), url
        # The uploader's link tells the second visitor why it shows the seeds instead.
        b.goto(shared_link, wait_until="domcontentloaded")
        ui.wait_for_page(b, charts=False)
        assert "someone's uploaded articles" in b.inner_text("body")
        _choose_uploads(b, ui)
        assert "No files yet" in b.inner_text("body")
        assert marker not in b.content()

        # The first visitor still has its upload after the second one came and went, on every page
        # it switches to within its session (a reload would start a new, empty session).
        a.locator("[data-testid='stSidebarNav'] a").filter(has_text="Sentiment").click()
        a.wait_for_selector("[data-testid='stMain'] h1:has-text('Sentiment')", timeout=ui.timeout_ms)
        ui.wait_for_page(a)
        assert marker in a.inner_text("body")
    finally:
        first.close()
        second.close()


def test_an_article_longer_than_the_word_budget_is_shown_in_part_with_a_notice(chromium, start_server, ui):
    """A corpus whose one article exceeds the budget is analysed up to its last whole paragraph
    that fits, and says so; it is never reported as a corpus none of whose files could be read."""
    marker = "Qz" + uuid.uuid4().hex[:10]
    paragraphs = [f"{marker} officials said {n} people were killed in Kharkiv on Tuesday. " * 3 for n in (12, 14, 16)]
    body = "\n\n".join(p.strip() for p in paragraphs)  # three paragraphs of 33 words: 99 in all
    upload = (f'title,source,published,text\n"{marker} long report",{marker} Wire,2022-03-01,"' + body + '"\n').encode()
    server = start_server(PARALLAX_MAX_WORDS="80")
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(server + "/", wait_until="domcontentloaded")
        _upload(page, ui, "long.csv", upload)
        page.wait_for_selector("text=Your upload (1 articles)", timeout=ui.timeout_ms)
        ui.wait_for_page(page)
        text = page.inner_text("body")
        assert ui.error_boxes(page) == []
        assert "None of the files could be read" not in text
        assert "first 2 of 3 paragraphs" in text and "(66 words)" in text
        assert f"{marker} Wire" in text  # the article was analysed and is shown
    finally:
        context.close()
