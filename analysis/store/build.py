"""Building a store: stream the corpus, map the new or changed articles on Dask shard by shard,
then the corpus-level steps over every article's summary (analysis.store.reduce).

The client holds at most a few shards of documents per worker at a time (those queued on the
workers, and the last ones it keeps back to cut the corpus's tail evenly); the workers write each
shard's tables themselves, so the store's folder must be one every worker
sees (always so for a local cluster).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from analysis.document import Document, LoadError
from analysis.nlp import load_pipeline, pipeline_description
from analysis.store.layout import code_version, read_manifest, shard_name, write_manifest
from analysis.store.reading import stream_corpus
from analysis.store.reduce import reduce_store
from analysis.store.shards import ShardRead, read_shard

SHARD_SIZE = 200  # articles per map task: enough to amortise the task, small enough to spread
# Shards per worker a corpus's last articles are cut into. With 1,000 articles in five shards of
# 200, one of two workers ran three shards and the other two, in the map and again in the
# figures step (16.3 s busy against 13.6 s there); cut into eight, each runs four (18.1 s
# against 18.0 s).
TAIL_SHARDS_PER_WORKER = 4


@dataclass
class BuildReport:
    """What a build did: the articles now in the store, those analysed by this run, those
    reused from the previous one and those dropped (no longer in the input), the problems
    met (each naming its file or article and the reason), the pipeline, the time of each stage
    in seconds and the peak resident memory of each worker process in MB."""

    articles: int = 0
    analysed: int = 0
    reused: int = 0
    dropped: int = 0
    errors: list[LoadError] = field(default_factory=list)
    pipeline: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    worker_peak_mb: dict[str, float] = field(default_factory=dict)


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None):
    """A Dask client: on the cluster at `scheduler` (tcp://host:port), else on a local cluster
    of `workers` single-threaded processes (default: one per core)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0",
                      memory_limit=0) as cluster, Client(cluster) as client:
        yield client


def build_store(paths: Iterable[str], out: str | os.PathLike, *, workers: int | None = None,
                scheduler: str | None = None, client=None, shard_size: int = SHARD_SIZE,
                show_progress: bool = True) -> BuildReport:
    """Analyse the articles at `paths` into the store at `out` (created if missing); see the
    module docstring. `client` reuses a Dask client; else one is made from `workers` or
    `scheduler` and closed at the end."""
    if client is not None:
        return _build(list(paths), Path(out), client, shard_size, show_progress)
    with dask_client(workers, scheduler) as own:
        return _build(list(paths), Path(out), own, shard_size, show_progress)


def _build(paths: list[str], root: Path, client, shard_size: int, show_progress: bool) -> BuildReport:
    report = BuildReport()
    started = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(root)
    pipeline = pipeline_description(load_pipeline())
    if manifest["version"] != code_version() or manifest["pipeline"] != pipeline:
        manifest["articles"] = {}  # another code or pipeline version: every article is read again
    manifest.update(version=code_version(), pipeline=pipeline)
    report.pipeline = pipeline

    mapper = _ShardMapper(client, root, manifest, report, show_progress)
    seen: set[str] = set()
    for shard in cut_shards(_changed_documents(paths, manifest, report, seen), shard_size, mapper.slots):
        mapper.submit(shard)
    mapper.finish()
    gone = [doc_id for doc_id in manifest["articles"] if doc_id not in seen]
    for doc_id in gone:
        del manifest["articles"][doc_id]
    report.dropped = len(gone)
    report.articles = len(manifest["articles"])
    manifest["complete"] = False  # readers wait for the corpus steps (see layout.check_complete)
    write_manifest(root, manifest)  # the map's work is kept even if the corpus steps fail
    report.timings["map"] = time.perf_counter() - started

    report.timings.update(reduce_store(root, manifest, client, show_progress))
    manifest["complete"] = True
    write_manifest(root, manifest)
    report.worker_peak_mb = _worker_peaks(client)
    report.timings["total"] = time.perf_counter() - started
    return report


def _changed_documents(paths: list[str], manifest: dict, report: BuildReport, seen: set[str]) -> Iterator[Document]:
    """The articles at `paths` that are new or changed since the store's last build, as the
    corpus streams in; each article's id goes into `seen`, the problems into the report."""
    for batch in stream_corpus(paths):
        report.errors.extend(batch.errors)
        for document in batch.documents:
            seen.add(document.doc_id)
            known = manifest["articles"].get(document.doc_id)
            if known is not None and known["hash"] == document.fingerprint():
                report.reused += 1
                continue
            yield document


def cut_shards(documents: Iterable[Document], shard_size: int, workers: int) -> Iterator[list[Document]]:
    """Shards of `shard_size` articles as the documents stream in, except the last ones: those
    are cut into TAIL_SHARDS_PER_WORKER shards per worker of equal size, so that every worker
    has work until the end (a corpus smaller than that is all tail)."""
    tail_shards = max(workers, 1) * TAIL_SHARDS_PER_WORKER
    held_back = tail_shards * shard_size
    pending: list[Document] = []
    for document in documents:
        pending.append(document)
        if len(pending) >= held_back + shard_size:
            yield pending[:shard_size]
            del pending[:shard_size]
    count = min(tail_shards, len(pending))
    for number in range(count):  # sizes differ by one at most
        part = pending[len(pending) * number // count:len(pending) * (number + 1) // count]
        if part:
            yield part


class _ShardMapper:
    """Shards submitted to the workers as the corpus streams in, with at most two per worker
    thread (`slots`) queued, so the client never holds much more than that many shards of text."""

    def __init__(self, client, root: Path, manifest: dict, report: BuildReport, show_progress: bool) -> None:
        from distributed import as_completed

        self.client, self.root, self.manifest, self.report = client, root, manifest, report
        self.slots = sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()) or 1
        self.limit = 2 * self.slots
        self.running = as_completed()
        self.in_flight = 0
        self.next_shard = max((int(s) for s in manifest["shards"]), default=-1) + 1
        self.bar = _progress_bar("reading articles", show_progress)

    def submit(self, documents: list[Document]) -> None:
        shard = shard_name(self.next_shard)
        self.next_shard += 1
        self.manifest["shards"].append(shard)  # in corpus order, whichever finishes first
        self.running.add(self.client.submit(read_shard, str(self.root), shard, documents, pure=False))
        self.in_flight += 1
        while self.in_flight >= self.limit:
            self._collect(next(self.running))

    def finish(self) -> None:
        for future in self.running:
            self._collect(future)
        self.bar.close()

    def _collect(self, future) -> None:
        self.in_flight -= 1
        done: ShardRead = future.result()
        future.release()
        for doc_id, digest in done.hashes.items():
            self.manifest["articles"][doc_id] = {"hash": digest, "shard": done.shard}
        self.report.errors.extend(LoadError(doc_id, reason) for doc_id, reason in done.failures)
        self.report.analysed += len(done.hashes)
        self.bar.update(len(done.hashes) + len(done.failures))


def _progress_bar(label: str, show: bool, total: int | None = None):
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit=" articles" if total is None else " shards", file=sys.stderr,
                disable=not show, dynamic_ncols=True)


def _peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peaks(client) -> dict[str, float]:
    try:
        return {address: round(peak, 1) for address, peak in client.run(_peak_mb).items()}
    except Exception:  # a cluster that refuses client.run still built the store
        return {}

