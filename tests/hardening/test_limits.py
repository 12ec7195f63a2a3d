"""Limits and feedback in a real browser: the uploader states the configured size limit, a large
corpus shows a spinner with the elapsed time while it is analysed, and a corpus over the word
budget (PARALLAX_MAX_WORDS) is cut to its newest articles with a message in the sidebar."""

from __future__ import annotations

import csv
import random
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 1_500
BUDGET = 150_000  # words: about 60% of the corpus below
PLACES = ["Kharkiv", "Kyiv", "Mariupol", "Odesa", "Donetsk", "Kherson", "Lviv", "Dnipro"]
SOURCES = ["Wire A", "Wire B", "Daily C", "Radio D", "Agency E"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Records every text a spinner shows, however briefly, from the first paint on.
RECORD_SPINNERS = """
window.__spinners = [];
new MutationObserver(() => {
  for (const el of document.querySelectorAll("[data-testid='stSpinner']")) {
    const text = el.innerText.trim();
    if (text && !window.__spinners.includes(text)) window.__spinners.push(text);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def _write_corpus(path: Path) -> int:
    """ARTICLES short articles on one story; returns their total word count."""
    rnd = random.Random(7)
    words = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "source", "published", "text"])
        for i in range(ARTICLES):
            place = rnd.choice(PLACES)
            paragraphs = [
                f"At least {rnd.randrange(2, 90)} people were killed and {rnd.randrange(5, 200)} injured when "
                f"shelling hit {place} on {rnd.choice(DAYS)}, officials said. The governor of {rnd.choice(PLACES)} "
                f"said hundreds of families were displaced since March {rnd.randrange(1, 28)}. Ukraine and Russia "
                "traded accusations as talks in Istanbul stalled, the ministry said."
                for _ in range(4)
            ]
            text = "\n\n".join(paragraphs)
            words += len(text.split())
            published = date(2022, 3, 1) + timedelta(days=rnd.randrange(60))
            writer.writerow([f"Shelling in {place}, report {i}", rnd.choice(SOURCES), published.isoformat(), text])
    return words


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("large") / "large.csv"
    return path, _write_corpus(path)


@pytest.fixture(scope="module")
def budget_server(start_server, large_corpus) -> str:
    path, words = large_corpus
    assert words > BUDGET
    return start_server(PARALLAX_CORPUS=str(path), PARALLAX_MAX_WORDS=str(BUDGET))


def test_a_large_corpus_shows_progress_then_is_cut_to_the_budget_with_a_message(chromium, budget_server,
                                                                                  large_corpus, ui):
    _, words = large_corpus
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(RECORD_SPINNERS)
    try:
        page = context.new_page()
        page.goto(budget_server + "/", wait_until="domcontentloaded")
        ui.wait_for_page(page)
        assert ui.error_boxes(page) == []
        spinners = page.evaluate("window.__spinners")
        analysing = [s for s in spinners if s.startswith("Analysing")]
        assert analysing, spinners
        assert any(re.search(r"\(\d+\.\d seconds\)", s) for s in analysing), analysing

        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        message = re.search(r"This corpus has ([\d,]+) words; the dashboard analyses at most ([\d,]+) at once, "
                            r"so it shows the newest ([\d,]+) of ([\d,]+) articles", sidebar)
        assert message, sidebar
        total, budget, kept, articles = (int(g.replace(",", "")) for g in message.groups())
        assert (total, budget, articles) == (words, BUDGET, ARTICLES)
        assert 0 < kept < ARTICLES
        # The page shows what was kept: the Articles figure is the newest `kept` articles.
        articles_metric = page.locator("[data-testid='stMetric']").filter(has_text="Articles").first
        assert articles_metric.locator("[data-testid='stMetricValue']").inner_text().replace(",", "") == str(kept)
    finally:
        context.close()


def test_the_uploader_states_the_configured_size_limit(chromium, budget_server, ui):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit = config["server"]["maxUploadSize"]
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(budget_server + "/", wait_until="domcontentloaded")
        ui.wait_for_page(page)
        page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text="My articles").click()
        uploader = page.locator("[data-testid='stSidebar'] [data-testid='stFileUploader']")
        uploader.wait_for(timeout=ui.timeout_ms)
        assert f"{limit}MB per file" in uploader.inner_text()  # "Limit 200MB per file" when wider
    finally:
        context.close()
