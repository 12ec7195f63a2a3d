"""The dashboard on an analysis store, measured in a real browser (a benchmark, not a timed test).

Starts `streamlit run dashboard/app.py` with PARALLAX_STORE naming the store, then, in one
headless Chromium session as a visitor would: opens every page fresh (a new browser session
each, so nothing of an earlier visit is reused: the first render), then changes a filter in the
sidebar (picks a source) on each page and times the rerun. A step counts as rendered when the
page title is drawn, the app's script run is over and every chart has its SVG (as bench/load.py
counts it). Prints each time, the errors (exception or error boxes, page errors, timeouts: must
be 0) and the server's peak resident memory (sampled VmRSS and VmHWM). With --screenshots DIR it
saves a PNG of each page after its first render and after the filter change, in a
4,000-pixel-tall window (Streamlit scrolls inside the page, so a screenshot holds only the window).

Usage: python bench/load_store.py STORE [--screenshots DIR] [--budget-s 900]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load import (
    CHROMIUM_ARGS,
    ERRORS,
    IDLE,
    ROOT,
    STEP_TIMEOUT_MS,
    MemorySampler,
    free_port,
    proc_status_kb,
    started,
    stop_server,
)

PAGES = [("overview", "Overview"), ("compare", "Compare"), ("entities", "Entities"), ("casualties", "Casualties"),
         ("timeline", "Timeline"), ("sentiment", "Sentiment")]
SOURCE_BOX = "[data-testid='stSidebar'] [data-testid='stMultiSelect']:has(label:has-text('Source'))"


def rendered(page, title: str) -> None:
    page.wait_for_selector(f"[data-testid='stMain'] h1:has-text('{title}')", timeout=STEP_TIMEOUT_MS)
    page.wait_for_selector(IDLE, timeout=STEP_TIMEOUT_MS)
    page.wait_for_function(
        "!document.querySelector(\"[data-testid='stStatusWidget']\") && "
        "[...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")].every(c => c.querySelector('.main-svg'))",
        timeout=STEP_TIMEOUT_MS)


def pick_source(page, source: str) -> None:
    """Choose `source` in the sidebar's Source filter, as a visitor does: click, type, Enter."""
    box = page.locator(SOURCE_BOX).first
    box.click()
    page.keyboard.type(source)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def measure(base: str, source: str, shots: Path | None, errors: list[str]) -> list[tuple[str, float, float]]:
    """(page, first render seconds, filter change seconds) for every page."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    figures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=True, args=CHROMIUM_ARGS,
                                    **({"executable_path": executable} if executable else {}))
        try:
            for path, title in PAGES:
                # Streamlit scrolls inside the page, so a screenshot holds what the viewport shows.
                context = browser.new_context(viewport={"width": 1400, "height": 4000 if shots else 1000})
                page = context.new_page()
                page.on("pageerror", lambda error, path=path: errors.append(f"/{path}: page error: {error}"))
                try:
                    began = time.perf_counter()
                    page.goto(f"{base}/{path}", wait_until="domcontentloaded", timeout=STEP_TIMEOUT_MS)
                    rendered(page, title)
                    first = time.perf_counter() - began
                    errors.extend(f"/{path}: error box: {text[:160]}" for text in page.locator(ERRORS).all_inner_texts())
                    if shots is not None:
                        page.wait_for_timeout(1000)  # charts finish drawing after their SVG appears
                        page.screenshot(path=str(shots / f"{path}.png"), full_page=True)
                    began = time.perf_counter()
                    pick_source(page, source)
                    page.wait_for_function("location.search.includes('source=')", timeout=STEP_TIMEOUT_MS)
                    rendered(page, title)
                    change = time.perf_counter() - began
                    errors.extend(f"/{path} filtered: error box: {text[:160]}"
                                  for text in page.locator(ERRORS).all_inner_texts())
                    if shots is not None:
                        page.wait_for_timeout(1000)
                        page.screenshot(path=str(shots / f"{path}-filtered.png"), full_page=True)
                    figures.append((title, first, change))
                except Exception as error:
                    errors.append(f"/{path}: {type(error).__name__}: {str(error).splitlines()[0][:160]}")
                finally:
                    context.close()
        finally:
            browser.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="an analysis store (python -m analysis CORPUS --format store --out STORE)")
    parser.add_argument("--screenshots", type=Path, help="save a PNG of every page here")
    args = parser.parse_args(argv)

    from analysis.store import read_manifest
    from analysis.store.query import StoreQueries

    manifest = read_manifest(args.store)
    source = StoreQueries(args.store).choices().sources[0]
    print(f"store: {args.store} · {len(manifest['articles']):,} articles · filter change: source = {source}")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PARALLAX_STORE": str(Path(args.store).resolve())}
    env.pop("PARALLAX_CORPUS", None)
    log = Path(tempfile.mkdtemp(prefix="parallax-load-store-")) / "streamlit.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    sampler = MemorySampler(server.pid)
    errors: list[str] = []
    try:
        if not started(server, base):
            print(f"the server did not start; log: {log}")
            return 2
        sampler.start()
        figures = measure(base, source, args.screenshots, errors)
        hwm_kb = proc_status_kb(server.pid, "VmHWM") or 0
    finally:
        stop_server(server, sampler)

    print(f"\n{'page':<12} {'first render':>13} {'filter change':>14}")
    for title, first, change in figures:
        print(f"{title:<12} {first:>11.2f} s {change:>12.2f} s")
    if figures:
        print(f"slowest first render {max(f for _, f, _ in figures):.2f} s (target < 10 s) · slowest filter change "
              f"{max(c for _, _, c in figures):.2f} s (target < 2 s)")
    print(f"server memory: peak RSS sampled {sampler.peak_kb / 1024:.0f} MB · VmHWM {hwm_kb / 1024:.0f} MB "
          "(target < 2048 MB)")
    print(f"errors: {len(errors)} (server log: {log})")
    for error in errors[:20]:
        print(f"  {error}")
    return 0 if figures and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
