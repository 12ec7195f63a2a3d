"""Markdown injection in a real browser: sources, titles and URL parameters carrying markdown links,
remote images and Streamlit's own syntax are shown as text on every page.

The hostile image points at a small local HTTP server that records every request: after every
page is visited (with Compare comparing the hostile sources, its tabs and every expander opened),
that server must have seen nothing, no link to example.invalid may exist, no exception box may
show, and the hostile text must be readable literally.
"""

from __future__ import annotations

import csv
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest

from dashboard.markup import WORD_JOINER

pytestmark = pytest.mark.browser

LINK = "[click me](https://example.invalid/x)"
PARAM_LINK = "[click](https://example.invalid/y)"


class PixelServer:
    """A loopback HTTP server that answers every GET with a 1x1 GIF and remembers the paths."""

    GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x00;"

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.end_headers()
                self.wfile.write(PixelServer.GIF)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def pixel():
    server = PixelServer()
    yield server
    server.close()


def hostile_rows(image: str) -> list[dict[str, str]]:
    """Three reports of one shelling: the link-named source reports it first, so the Casualties
    page names it in "first reported by"."""
    return [
        {"title": f"{LINK} Shelling hits Kharkiv", "source": LINK, "published": "2022-03-01",
         "text": "At least 12 people were killed and 30 were injured when shelling hit Kharkiv on Tuesday, "
                 "officials said.\n\nThe governor said the evacuation of Kharkiv would continue. "
                 "Ukraine and Russia traded accusations in Kyiv and Moscow."},
        {"title": f"{image} Kharkiv toll rises", "source": image, "published": "2022-03-02",
         "text": "Officials in Kharkiv said 14 people were killed in the shelling on Tuesday.\n\n"
                 "Hundreds of families were displaced, the mayor said on Wednesday. Ukraine blamed Russia."},
        {"title": "Evacuation :material/home: :x: $x$ **bold**", "source": "Wire :red[C]",
         "published": "2022-03-03",
         "text": "The evacuation of Kharkiv continued on Thursday after 15 people were killed in shelling, "
                 "Ukraine said.\n\nRussia denied targeting civilians in Kharkiv."},
    ]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, start_server, pixel):
    image = f"![p]({pixel.url}/pixel.png)"
    path = tmp_path_factory.mktemp("markdown") / "hostile.csv"
    rows = hostile_rows(image)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return start_server(PARALLAX_CORPUS=str(path)), image


def query(image: str) -> str:
    """Hostile parameters of every kind the router and the Compare page read."""
    return urlencode([
        ("entity", PARAM_LINK), ("source", f"![q]({PARAM_LINK})"), ("type", "**ORG**"),
        ("fix", "W" * 4000), ("from", image), ("to", "2022-13-45"),
        ("cmp", f"s:{LINK}"), ("cmp", f"s:{image}"), ("cmp", f"zz:{PARAM_LINK}"),
    ])


PAGES = ("overview", "compare", "entities", "casualties", "timeline", "sentiment")


def _open_everything(page) -> str:
    """Every tab of the page in turn, and every expander in it; the text read on the way (a
    closed tab's text is not part of the page's visible text)."""
    texts = []
    tabs = page.locator("[data-testid='stMain'] [role='tab']")
    for index in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(index).click()
            page.wait_for_timeout(200)
        for summary in page.locator("[data-testid='stExpander'] summary").all():
            closed = summary.evaluate("e => !e.closest('[inert]') && !e.closest('details').open")
            if summary.is_visible() and closed:
                summary.click()
        page.wait_for_timeout(300)
        texts.append(page.inner_text("body"))
    return "\n".join(texts)


def test_no_markdown_from_sources_titles_or_link_becomes_a_link_or_image(chromium, hostile, pixel, ui,
                                                                         tmp_path_factory):
    server, image = hostile
    shots = tmp_path_factory.mktemp("screens")
    context = chromium.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    seen: dict[str, str] = {}
    try:
        for name in PAGES:
            page.goto(f"{server}/{name}?{query(image)}", wait_until="domcontentloaded")
            ui.wait_for_page(page, charts=False)  # Compare draws its charts in closed tabs too
            text = _open_everything(page)
            assert page.locator("[data-testid='stException']").count() == 0, name
            assert page.locator("a[href*='example.invalid']").count() == 0, name
            assert page.locator(f"img[src^='{pixel.url}']").count() == 0, name
            seen[name] = text.replace(WORD_JOINER, "")
            page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    finally:
        context.close()
    print(f"screenshots in {shots}")
    assert pixel.hits == []
    everywhere = " ".join(seen.values())
    # The link parameters are reported as text in the sidebar notes.
    assert f"entity “{PARAM_LINK}”" in seen["overview"]
    assert "“from”" in seen["overview"] and "“fix” (entity corrections) ignored" in seen["overview"]
    # The hostile source names read literally where they are labels: Compare's side headings and
    # "Only …" expanders, and the Casualties caption naming who reported first.
    assert f"Only {LINK}:" in seen["compare"] and f"Only {image}:" in seen["compare"]
    assert "name no article" in seen["compare"]
    assert f"first reported by {LINK}" in seen["casualties"]
    assert "Evacuation :material/home: :x: $x$ **bold**" in everywhere
