"""Server memory across large uploads, printed as figures (a benchmark, not a timed test).

Starts `streamlit run dashboard/app.py` on a free loopback port, then, one upload after another,
opens a browser session (one headless Chromium context: its own Streamlit session), chooses
"My articles", uploads a distinct generated corpus of about `--words` words (CSV files under
the 20 MB per-file limit), waits until the Overview page is drawn from its analysis and closes
the session. It prints the server's VmRSS and VmHWM (from /proc) after each upload with the
session open, again once it is closed, and at the end, after `--linger-s` seconds (longer than
the two minutes Streamlit keeps a closed session for a reconnect) and one short visit on the
seeds (a session's disconnect is what lets Streamlit reap the expired ones).

Each 5-million-word analysis takes about a minute of CPU; `--words 500000` iterates quickly.
`--app-root` runs the dashboard of another checkout (e.g. a `git worktree` of an older commit)
for a before/after comparison with the same corpora.

Run from the repository root (it reuses load.py's server helpers and bench.py's generator):
Usage: python bench/memory.py [--words 5000000] [--uploads 5] [--linger-s 150] [--app-root PATH]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load import CHROMIUM_ARGS, ROOT, MemorySampler, free_port, proc_status_kb, started, stop_server

from bench import build_corpus

PAGE_TIMEOUT_MS = 1_800_000  # a 5-million-word analysis on a busy 2-core machine, with room to spare
MAX_FILE_BYTES = 15_000_000  # under the dashboard's 20 MB per file
WORDS_PER_ARTICLE = 480  # bench.py's articles: 10-40 sentences, about 480 words on average
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"


def corpus_files(number: int, words: int, folder: Path) -> tuple[list[Path], int, int]:
    """Corpus `number` (its own random seed, so every corpus is distinct) of at most `words`
    words, written as CSV files of at most MAX_FILE_BYTES; (paths, articles, words)."""
    documents = build_corpus(words // WORDS_PER_ARTICLE + 200, seed=1000 + number)
    kept, total = [], 0
    for document in documents:
        size = len(document.text.split())
        if total + size > words:
            break
        kept.append(document)
        total += size
    paths: list[Path] = []
    buffer, writer = None, None
    for document in kept:
        if buffer is None or buffer.tell() > MAX_FILE_BYTES - 20_000:
            if buffer is not None:
                paths.append(_write(folder, number, len(paths), buffer))
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(["title", "source", "published", "text"])
        writer.writerow([f"Corpus {number} · {document.title}", document.source,
                         document.published.isoformat() if document.published else "", document.text])
    if buffer is not None:
        paths.append(_write(folder, number, len(paths), buffer))
    return paths, len(kept), total


def _write(folder: Path, number: int, part: int, buffer: io.StringIO) -> Path:
    path = folder / f"corpus{number}-part{part}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def memory(pid: int) -> str:
    rss, hwm = proc_status_kb(pid, "VmRSS") or 0, proc_status_kb(pid, "VmHWM") or 0
    return f"VmRSS {rss / 1024:6.0f} MB · VmHWM {hwm / 1024:6.0f} MB"


def wait_drawn(page) -> None:
    """The page's title and charts are drawn and the script run is over."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", state="attached", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(IDLE, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=PAGE_TIMEOUT_MS)


def visit_seeds(browser, base: str) -> None:
    """One short session on the bundled seeds, closed at once."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(base + "/", wait_until="domcontentloaded")
        wait_drawn(page)
    finally:
        context.close()


def upload_session(browser, base: str, paths: list[Path], articles: int, pid: int) -> list[str]:
    """Upload `paths` in a new session, wait for the analysed Overview, print the server's
    memory, close the session; the texts of any error boxes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(base + "/", wait_until="domcontentloaded")
        wait_drawn(page)
        page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text="My articles").click()
        page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stFileUploader']", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(IDLE, timeout=PAGE_TIMEOUT_MS)
        page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files([str(p) for p in paths])
        page.wait_for_selector(f"text=Your upload ({articles} articles)", timeout=PAGE_TIMEOUT_MS)
        wait_drawn(page)
        print(f"  drawn, session open:          {memory(pid)}")
        return page.locator(ERRORS).all_inner_texts()
    finally:
        context.close()


def start_server(app_root: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """The dashboard of `app_root` on a free loopback port with the default settings (the
    environment's corpus and word budget dropped); (process, base URL)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for name in ("PARALLAX_CORPUS", "PARALLAX_MAX_WORDS"):
        env.pop(name, None)
    port = free_port()
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=app_root, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    return server, f"http://127.0.0.1:{port}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5_000_000, help="words per uploaded corpus")
    parser.add_argument("--uploads", type=int, default=5, help="distinct corpora uploaded one after another")
    parser.add_argument("--settle-s", type=float, default=5, help="wait after closing each session")
    parser.add_argument("--linger-s", type=float, default=150, help="wait after the last upload before the end figure")
    parser.add_argument("--app-root", type=Path, default=ROOT, help="checkout whose dashboard is served")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as they are measured

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="parallax-memory-"))
    corpora = []
    for number in range(1, max(1, args.uploads) + 1):
        paths, articles, words = corpus_files(number, args.words, folder)
        corpora.append((paths, articles, words))
        print(f"corpus {number}: {articles:,} articles, {words:,} words in {len(paths)} CSV file(s)")

    log = folder / "streamlit.log"
    server, base = start_server(args.app_root.resolve(), log)
    sampler = MemorySampler(server.pid)
    errors: list[str] = []
    try:
        if not started(server, base):
            print(f"the server did not start; log: {log}")
            return 2
        print(f"server {args.app_root.resolve()} (pid {server.pid}) started: {memory(server.pid)}")
        sampler.start()
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as p:
            launch = {"executable_path": executable} if executable else {}
            browser = p.chromium.launch(headless=True, args=CHROMIUM_ARGS, **launch)
            try:
                visit_seeds(browser, base)
                print(f"after a visit on the seeds:   {memory(server.pid)}")
                for number, (paths, articles, words) in enumerate(corpora, start=1):
                    began = time.perf_counter()
                    print(f"upload {number}: {articles:,} articles, {words:,} words")
                    boxes = upload_session(browser, base, paths, articles, server.pid)
                    spent = time.perf_counter() - began
                    errors += [f"upload {number}: {box[:160]}" for box in boxes]
                    time.sleep(args.settle_s)
                    print(f"  closed ({spent:4.0f} s to draw):      {memory(server.pid)}")
                time.sleep(args.linger_s)
                visit_seeds(browser, base)
                time.sleep(args.settle_s)
                print(f"at the end (+{args.linger_s:.0f} s):      {memory(server.pid)}")
            finally:
                browser.close()
        alive = server.poll() is None
    finally:
        stop_server(server, sampler)
    print(f"peak VmRSS sampled: {sampler.peak_kb / 1024:.0f} MB · server alive at the end: {alive} · "
          f"errors: {len(errors)}")
    for error in errors[:10]:
        print(f"  error: {error}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if alive and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
