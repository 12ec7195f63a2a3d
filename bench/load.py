"""Concurrent load on one dashboard server, printed as figures (a benchmark, not a timed test).

Starts `streamlit run dashboard/app.py` on a free loopback port, then opens N sessions at once
(one headless Chromium, one browser context per session: separate Streamlit sessions). Each
session opens a deep link with filters, switches pages through the sidebar and opens more deep
links (entity, source, date range, a Compare selection). A step counts as rendered when the page
title is drawn, its charts have SVG and the app's status widget is idle.

It prints the errors (exception or error boxes, page errors, timeouts: must be 0), p50 and p95
of the time to render, the CPU seconds the server and the browser spent during the run (on a
shared machine the times vary with what else runs; the server's CPU seconds much less), the
machine's load average, and the server's peak resident memory (VmHWM from /proc, sampled VmRSS).
Loopback only; bounded in sessions, rounds and total time; stops the server itself.

With --warm-up one visit opens the app before the timed run, so the times measure a running
server and not its start (printed apart); without it the first step of every session also waits
for the language pipeline and the first analysis.

Usage: python bench/load.py [--sessions 20] [--rounds 2] [--warm-up] [--corpus PATH] [--budget-s 600]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
MAX_SESSIONS = 32
STEP_TIMEOUT_MS = 120_000
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"


@dataclass
class Tally:
    """What the sessions measured: render times in seconds and error descriptions."""

    times: list[tuple[str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def proc_status_kb(pid: int, key: str) -> int | None:
    """A `kB` field of /proc/<pid>/status (VmRSS, VmHWM), or None once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def cpu_seconds(pid: int, with_children: bool = False) -> float:
    """User plus system CPU seconds of a process (and of its waited-for children), from
    /proc/<pid>/stat; 0.0 once the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) ": state is fields[0]
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if with_children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (the browser's processes below this one), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class MemorySampler(threading.Thread):
    """Samples the server's VmRSS every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            rss = proc_status_kb(self.pid, "VmRSS")
            if rss is not None:
                self.peak_kb = max(self.peak_kb, rss)
            self.stop.wait(self.interval)


def corpus_choices(paths: list[str]) -> tuple[list[str], str | None, tuple[str, str] | None]:
    """Two sources, the most mentioned entity and the publication-date span of the corpus, so
    the deep links name filters that exist (the dashboard drops the ones that do not)."""
    from analysis import analyze, load_corpus

    documents = load_corpus(paths).documents[:200]  # enough to pick filters; bounded
    sources = sorted({d.source for d in documents if d.source})[:2]
    entities = analyze(documents).entities
    entity = str(entities.sort_values("mentions", ascending=False)["entity"].iloc[0]) if len(entities) else None
    dates = sorted(d.published for d in documents if d.published)
    span = (dates[0].isoformat(), dates[-1].isoformat()) if len(dates) > 1 and dates[0] != dates[-1] else None
    return sources, entity, span


def link(path: str, **params) -> str:
    query = urlencode([(k, v) for k, values in params.items() for v in (values if isinstance(values, list) else [values])])
    return path + ("?" + query if query else "")


def session_plan(sources: list[str], entity: str | None, span: tuple[str, str] | None) -> list[tuple[str, str]]:
    """One session's steps: ("goto", deep link) or ("click", page title in the sidebar)."""
    steps: list[tuple[str, str]] = []
    steps.append(("goto", link("/sentiment", source=sources[:1])))
    steps.append(("click", "Overview"))
    steps.append(("click", "Timeline"))
    steps.append(("goto", link("/casualties", **({"entity": entity} if entity else {}))))
    steps.append(("click", "Entities"))
    if span:
        steps.append(("goto", link("/timeline", **{"from": span[0], "to": span[1]})))
    if len(sources) >= 2:
        steps.append(("goto", link("/compare", cmp=[f"s:{s}" for s in sources])))
    steps.append(("click", "Sentiment"))
    return steps


async def rendered(page, title: str) -> None:
    """Until the page's title is drawn, the script run is over and every chart has its SVG (a
    page may have none: filters that leave nothing to plot show a message instead)."""
    await page.wait_for_selector(f"[data-testid='stMain'] h1:has-text('{title}')", timeout=STEP_TIMEOUT_MS)
    await page.wait_for_selector(IDLE, timeout=STEP_TIMEOUT_MS)
    await page.wait_for_function(
        "!document.querySelector(\"[data-testid='stStatusWidget']\") && "
        "[...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")].every(c => c.querySelector('.main-svg'))",
        timeout=STEP_TIMEOUT_MS)


TITLES = {"": "Overview", "overview": "Overview", "sentiment": "Sentiment", "timeline": "Timeline",
          "casualties": "Casualties", "entities": "Entities", "compare": "Compare"}


async def run_session(browser, base: str, number: int, steps: list[tuple[str, str]], rounds: int,
                      tally: Tally) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.on("pageerror", lambda error: tally.errors.append(f"session {number}: page error: {error}"))
    try:
        for _ in range(rounds):
            for kind, target in steps:
                title = TITLES[target.split("?")[0].strip("/")] if kind == "goto" else target
                began = time.perf_counter()
                try:
                    if kind == "goto":
                        await page.goto(base + target, wait_until="domcontentloaded", timeout=STEP_TIMEOUT_MS)
                    else:
                        await page.locator("[data-testid='stSidebarNav'] a").filter(has_text=target).first.click(
                            timeout=STEP_TIMEOUT_MS)
                    await rendered(page, title)
                except Exception as error:
                    tally.errors.append(f"session {number}: {kind} {target}: {type(error).__name__}: "
                                        f"{str(error).splitlines()[0][:160]}")
                    continue
                elapsed = time.perf_counter() - began
                boxes = await page.locator(ERRORS).all_inner_texts()
                if boxes:
                    tally.errors.append(f"session {number}: {kind} {target}: error box: {boxes[0][:160]}")
                else:
                    tally.times.append((f"{kind} {title}", elapsed))
    finally:
        await context.close()


async def warm_up(base: str) -> float:
    """One visit to the first page before the timed run, so the figures measure a running server
    rather than its one-time start (loading the language pipeline, analysing the corpus)."""
    from playwright.async_api import async_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    began = time.perf_counter()
    async with async_playwright() as p:
        launch = {"executable_path": executable} if executable else {}
        browser = await p.chromium.launch(headless=True, args=CHROMIUM_ARGS, **launch)
        try:
            page = await browser.new_page()
            await page.goto(base + "/", wait_until="domcontentloaded", timeout=STEP_TIMEOUT_MS)
            await rendered(page, "Overview")
        finally:
            await browser.close()
    return time.perf_counter() - began


async def drive(base: str, sessions: int, rounds: int, steps: list[tuple[str, str]], budget_s: float,
                server_pid: int) -> tuple[Tally, float]:
    """Runs the sessions; returns what they measured and the CPU seconds the browser spent."""
    from playwright.async_api import async_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    tally = Tally()
    async with async_playwright() as p:
        launch = {"executable_path": executable} if executable else {}
        browser = await p.chromium.launch(headless=True, args=CHROMIUM_ARGS, **launch)
        try:
            work = asyncio.gather(*(run_session(browser, base, n, steps, rounds, tally) for n in range(sessions)))
            try:
                await asyncio.wait_for(work, timeout=budget_s)
            except TimeoutError:
                tally.errors.append(f"the run did not finish within {budget_s:.0f} s")
            browser_cpu = sum(cpu_seconds(pid, with_children=True) for pid in descendants(os.getpid())
                              if pid != server_pid)
        finally:
            await browser.close()
    return tally, browser_cpu


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


def started(server: subprocess.Popen, base: str, timeout_s: float = 90) -> bool:
    """Whether the server at `base` answers its health check before it exits or `timeout_s` passes."""
    deadline = time.monotonic() + timeout_s
    while not healthy(base):
        if server.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.3)
    return True


def stop_server(server: subprocess.Popen, sampler: MemorySampler) -> None:
    """Stop sampling, then the server: politely, and by force after ten seconds."""
    sampler.stop.set()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help=f"concurrent sessions (at most {MAX_SESSIONS})")
    parser.add_argument("--rounds", type=int, default=2, help="times each session repeats its steps")
    parser.add_argument("--corpus", action="append", help="corpus path(s) served instead of the seeds")
    parser.add_argument("--warm-up", action="store_true",
                        help="open the app once before the timed run (its time is printed apart)")
    parser.add_argument("--app", default="dashboard/app.py",
                        help="the Streamlit script to serve (bench/floor_app.py: the same pages, one chart each)")
    parser.add_argument("--budget-s", type=float, default=600, help="stop after this many seconds")
    args = parser.parse_args(argv)
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    rounds = max(1, min(args.rounds, 10))
    paths = args.corpus or [str(ROOT / "seeds")]

    sources, entity, span = corpus_choices(paths)
    steps = session_plan(sources, entity, span)
    print(f"corpus: {', '.join(paths)} · filters: source={sources[:1]}, entity={entity}, dates={span}")
    print(f"app: {args.app}")
    print(f"{sessions} concurrent sessions × {rounds} round(s) × {len(steps)} steps (deep links and page switches)")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PARALLAX_CORPUS", None)
    if args.corpus:
        env["PARALLAX_CORPUS"] = os.pathsep.join(paths)
    log = Path(tempfile.mkdtemp(prefix="parallax-load-")) / "streamlit.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", args.app, "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    sampler = MemorySampler(server.pid)
    try:
        if not started(server, base):
            print(f"the server did not start; log: {log}")
            return 2
        if args.warm_up:
            print(f"warm-up visit (server start: pipeline and analysis): {asyncio.run(warm_up(base)):.1f} s")
        idle_kb = proc_status_kb(server.pid, "VmRSS") or 0
        sampler.start()
        load_before = os.getloadavg()[0]
        server_cpu_before = cpu_seconds(server.pid)
        began = time.perf_counter()
        tally, browser_cpu = asyncio.run(drive(base, sessions, rounds, steps, args.budget_s, server.pid))
        wall = time.perf_counter() - began
        server_cpu = cpu_seconds(server.pid) - server_cpu_before
        load_after = os.getloadavg()[0]
        hwm_kb = proc_status_kb(server.pid, "VmHWM") or 0
        alive = server.poll() is None
    finally:
        stop_server(server, sampler)

    times = [t for _, t in tally.times]
    print(f"\nwall time: {wall:.1f} s · rendered steps: {len(times)} · errors: {len(tally.errors)}"
          f" · server alive at the end: {alive}")
    for error in tally.errors[:20]:
        print(f"  error: {error}")
    if times:
        print(f"time to render: p50 {percentile(times, 50):.2f} s · p95 {percentile(times, 95):.2f} s · "
              f"max {max(times):.2f} s")
        by_step: dict[str, list[float]] = {}
        for name, t in tally.times:
            by_step.setdefault(name, []).append(t)
        for name, values in sorted(by_step.items()):
            print(f"  {name:<22} n={len(values):<3} p50 {statistics.median(values):.2f} s  max {max(values):.2f} s")
    print(f"CPU during the run: server {server_cpu:.1f} s · browser {browser_cpu:.1f} s · "
          f"machine load average {load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} cores)")
    print(f"server memory: idle {idle_kb / 1024:.0f} MB · peak RSS sampled {sampler.peak_kb / 1024:.0f} MB · "
          f"VmHWM {hwm_kb / 1024:.0f} MB")
    return 0 if not tally.errors and times else 1


if __name__ == "__main__":
    sys.exit(main())
