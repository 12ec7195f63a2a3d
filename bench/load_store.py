"""The dashboard on an analysis store, measured in a real browser (a benchmark, not a timed test).

Starts `streamlit run dashboard/app.py` with PARALLAX_STORE naming the store, then, in one
headless Chromium session, goes through it as a visitor does: opens the app (Overview: the
browser loads Streamlit's frontend and the server opens the store), opens every other page
through its sidebar link (each page's first render), and on every page adds a source to the
sidebar's Source filter (a filter change: a view not asked for before, so nothing is reused). A
filter change is timed from the moment the source is chosen (Enter in the box) to the page
drawn again; the time from the first click in the box, typing the source's name included, is
printed beside it, and so are the CPU seconds the server spent on each first render and filter
change and those the browser spent on each filter change (on the shared machine, what each side's
work costs whatever else runs). A step counts as rendered when the page title is drawn, the app's
script run is over and every chart has its SVG (as bench/load.py counts it). Prints each time, the errors (exception or error
boxes, page errors, timeouts: must be 0) and the server's peak resident memory (sampled VmRSS and
VmHWM). With --screenshots DIR it saves a PNG of each page after its first render and after the
filter change, in a 4,000-pixel-tall window (Streamlit scrolls inside the page, so a screenshot
holds only the window). Pages that draw a tab's content only when it is opened (the Entities and
Sentiment charts, the Casualties tables) are measured as a visitor lands on them: first tab open.

Usage: python bench/load_store.py STORE [--screenshots DIR]
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
    cpu_seconds,
    descendants,
    free_port,
    proc_status_kb,
    started,
    stop_server,
)

PAGES = [("overview", "Overview"), ("compare", "Compare"), ("entities", "Entities"), ("casualties", "Casualties"),
         ("timeline", "Timeline"), ("sentiment", "Sentiment")]
SOURCE_BOX = "[data-testid='stSidebar'] [data-testid='stMultiSelect']:has(label:has-text('Source'))"


def browser_cpu_seconds(server_pid: int) -> float:
    """CPU seconds of every process this benchmark started but the server (Chromium's, and
    Playwright's driver): the drawing the server's answer costs in the browser."""
    return sum(cpu_seconds(pid) for pid in descendants(os.getpid()) if pid != server_pid)


def rendered(page, title: str) -> None:
    page.wait_for_selector(f"[data-testid='stMain'] h1:has-text('{title}')", timeout=STEP_TIMEOUT_MS)
    page.wait_for_selector(IDLE, timeout=STEP_TIMEOUT_MS)
    page.wait_for_function(
        "!document.querySelector(\"[data-testid='stStatusWidget']\") && "
        "[...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")].every(c => c.querySelector('.main-svg'))",
        timeout=STEP_TIMEOUT_MS)


def pick_source(page, source: str) -> float:
    """Choose `source` in the sidebar's Source filter, as a visitor does: click, type, Enter.
    Returns when it was chosen (time.perf_counter() just before Enter)."""
    page.locator(SOURCE_BOX).first.locator("input").click()  # the box's middle may be a chip's ×
    page.keyboard.type(source)
    chosen = time.perf_counter()
    page.keyboard.press("Enter")
    # The widget sends its value when the list closes: a click outside it, as a visitor does.
    page.locator("[data-testid='stMain'] h1").first.click()
    return chosen


def check(page, where: str, errors: list[str]) -> None:
    errors.extend(f"{where}: error box: {text[:160]}" for text in page.locator(ERRORS).all_inner_texts())


def timed(step) -> float:
    began = time.perf_counter()
    step()
    return time.perf_counter() - began


def measure(base: str, sources: list[str], shots: Path | None, errors: list[str],
            server_pid: int) -> tuple[float, list[tuple[str, float, float, float, float, float, float]]]:
    """The first open of the app (the browser loads Streamlit's frontend), then, in the same
    session as a visitor goes on: (page, first render through the sidebar link, the rerun after
    adding a source to the filter from the moment it is chosen, the same from the first click
    in the box, the server's CPU seconds for the first render and for the filter change, and the
    browser's for the filter change) for every page. Each page's filter change adds another source,
    so every change is a view nobody has asked for yet."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    figures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=True, args=CHROMIUM_ARGS,
                                    **({"executable_path": executable} if executable else {}))
        # Streamlit scrolls inside the page, so a screenshot holds what the window shows.
        context = browser.new_context(viewport={"width": 1400, "height": 4000 if shots else 1000})
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
        try:
            opening_cpu = cpu_seconds(server_pid)
            opened = timed(lambda: (page.goto(f"{base}/overview", wait_until="domcontentloaded",
                                              timeout=STEP_TIMEOUT_MS), rendered(page, "Overview")))
            opened_cpu = cpu_seconds(server_pid) - opening_cpu
            check(page, "first open", errors)
            for (path, title), source in zip(PAGES, sources):
                try:
                    began, cpu_began = time.perf_counter(), cpu_seconds(server_pid)
                    if path != "overview":  # the app opened on it
                        page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click(
                            timeout=STEP_TIMEOUT_MS)
                        rendered(page, title)
                    first = opened if path == "overview" else time.perf_counter() - began
                    first_cpu = opened_cpu if path == "overview" else cpu_seconds(server_pid) - cpu_began
                    check(page, f"/{path}", errors)
                    if shots is not None:
                        page.wait_for_timeout(1000)  # charts finish drawing after their SVG appears
                        page.screenshot(path=str(shots / f"{path}.png"))
                    began, cpu_began = time.perf_counter(), cpu_seconds(server_pid)
                    browser_began = browser_cpu_seconds(server_pid)
                    chosen = pick_source(page, source)
                    page.wait_for_function(
                        f"new URLSearchParams(location.search).getAll('source').includes({source!r})",
                        timeout=STEP_TIMEOUT_MS)
                    rendered(page, title)
                    done, change_cpu = time.perf_counter(), cpu_seconds(server_pid) - cpu_began
                    browser_cpu = browser_cpu_seconds(server_pid) - browser_began
                    check(page, f"/{path} with a source filter", errors)
                    if shots is not None:
                        page.wait_for_timeout(1000)
                        page.screenshot(path=str(shots / f"{path}-filtered.png"))
                    figures.append((title, first, done - chosen, done - began, first_cpu, change_cpu, browser_cpu))
                except Exception as error:
                    errors.append(f"/{path}: {type(error).__name__}: {str(error).splitlines()[0][:160]}")
        finally:
            context.close()
            browser.close()
    return opened, figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="an analysis store (python -m analysis CORPUS --format store --out STORE)")
    parser.add_argument("--screenshots", type=Path, help="save a PNG of every page here")
    args = parser.parse_args(argv)

    from analysis.store import read_manifest
    from analysis.store.query import StoreQueries

    manifest = read_manifest(args.store)
    sources = list(StoreQueries(args.store).choices().sources)
    sources = (sources * len(PAGES))[:len(PAGES)]
    print(f"store: {args.store} · {len(manifest['articles']):,} articles · filter changes add the sources "
          f"{', '.join(dict.fromkeys(sources))}")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)

    load_before = os.getloadavg()
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
        opened, figures = measure(base, sources, args.screenshots, errors, server.pid)
        hwm_kb = proc_status_kb(server.pid, "VmHWM") or 0
    finally:
        stop_server(server, sampler)

    load_after = os.getloadavg()
    print(f"\nload average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)} · after: "
          f"{', '.join(f'{x:.2f}' for x in load_after)} (2 cores, shared)")
    print(f"first open of the app (Streamlit's frontend loaded, store opened): {opened:.2f} s")
    print(f"{'page':<12} {'first render':>13} {'filter change':>14} {'with typing':>12} "
          f"{'server CPU: first':>18} {'change':>8} {'browser CPU: change':>20}")
    for title, first, change, typed, first_cpu, change_cpu, browser_cpu in figures:
        print(f"{title:<12} {first:>11.2f} s {change:>12.2f} s {typed:>10.2f} s {first_cpu:>16.2f} s "
              f"{change_cpu:>6.2f} s {browser_cpu:>18.2f} s")
    print("(browser CPU from the first click in the box: typing the source's name included)")
    if figures:
        print(f"slowest first render {max(f[1] for f in figures):.2f} s (target < 10 s) · slowest filter change "
              f"{max(f[2] for f in figures):.2f} s (target < 2 s; {max(f[3] for f in figures):.2f} s with typing)")
    print(f"server memory: peak RSS sampled {sampler.peak_kb / 1024:.0f} MB · VmHWM {hwm_kb / 1024:.0f} MB "
          "(target < 2048 MB)")
    print(f"errors: {len(errors)} (server log: {log})")
    for error in errors[:20]:
        print(f"  {error}")
    return 0 if figures and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
