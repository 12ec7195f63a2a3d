"""Where a store keeps what, and reading and writing its Parquet files.

    STORE/manifest.json                          pipeline version; each article's hash and shard
    STORE/<table>/shard=<n>/part-0.parquet       documents, sentences, mentions, events
    STORE/<table>/part-0.parquet                 entities, casualties, incidents, statistics
    STORE/rollups/<name>/part-0.parquet          counts per source (analysis.store.rollups)
    STORE/articles/<table>/shard=<n>/...         the map's own output, reused by the next run:
                                                 documents, sentences, spans, events, texts

The tables at the top level are those of docs/ARCHITECTURE.md, as `analyze` returns them; the
ones with a row per sentence, mention or dated expression are partitioned by shard (a few
hundred articles each), so a reader can take them a shard at a time and DuckDB reads any of
them with `read_parquet('STORE/<table>/**/*.parquet', hive_partitioning=true)` (the partition
adds a `shard` column). A shard folder may also hold the rows of articles that changed since it
was written: `manifest.json` says which shard holds each article's current rows, and the
top-level tables hold only those.
"""

from __future__ import annotations

import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.result import Analysis

MANIFEST = "manifest.json"
STORE_FORMAT = 1
SHARDED_TABLES = ("documents", "sentences", "mentions", "events")
CORPUS_TABLES = ("entities", "casualties", "incidents", "statistics")
FINAL_TABLES = ("documents", "sentences", "mentions", "entities", "casualties", "events", "incidents", "statistics")
ARTICLE_TABLES = ("documents", "sentences", "spans", "events", "texts", "figures")


def code_version() -> str:
    """The version of the analysis code: a store written by another is analysed again."""
    try:
        package = version("parallax")
    except PackageNotFoundError:
        package = "unknown"
    return f"parallax {package}, store format {STORE_FORMAT}"


def shard_name(number: int) -> str:
    return f"{number:05d}"


def article_path(root: Path, table: str, shard: str) -> Path:
    return root / "articles" / table / f"shard={shard}" / "part-0.parquet"


def final_path(root: Path, table: str, shard: str | None = None) -> Path:
    if shard is None:
        return root / table / "part-0.parquet"
    return root / table / f"shard={shard}" / "part-0.parquet"


def rollup_path(root: Path, name: str) -> Path:
    return root / "rollups" / name / "part-0.parquet"


def write_table(frame: pd.DataFrame, path: Path, row_group_size: int | None = None) -> None:
    """Write `frame` to `path` atomically: a reader never sees half a file, and a run stopped
    midway leaves the previous file in place. Row groups of `row_group_size` rows let a reader
    of a sorted table skip the groups that cannot hold what it looks for."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    frame.to_parquet(partial, index=False, **({"row_group_size": row_group_size} if row_group_size else {}))
    os.replace(partial, path)


def read_table(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A table as `analyze` returns it: a column that was plain Python objects (lists, dates,
    strings mixed with None) is plain Python objects again, not arrays or a string dtype."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=columns)
    frame = table.to_pandas()
    declared = {c["name"]: c["numpy_type"] for c in (table.schema.pandas_metadata or {}).get("columns", [])}
    for column in frame.columns:
        if declared.get(column) == "object" and frame[column].dtype != object:
            frame[column] = pd.Series(table.column(column).to_pylist(), index=frame.index, dtype=object)
        elif frame[column].dtype == object:
            values = frame[column].tolist()
            if any(isinstance(value, np.ndarray) for value in values):
                frame[column] = pd.Series([v.tolist() if isinstance(v, np.ndarray) else v for v in values],
                                          index=frame.index, dtype=object)
    return frame


def concat_parts(parts: list[pd.DataFrame], columns: list[str] | None = None) -> pd.DataFrame:
    """Shard tables as one, with the dtypes one table of all their rows would have: a shard
    where a column holds only None has it as objects where another has strings, so such a
    column is inferred again from all its values, as building the whole table infers it."""
    kept = [part for part in parts if len(part)]
    if not kept:
        return parts[0] if parts else pd.DataFrame(columns=columns or [])
    frame = pd.concat(kept, ignore_index=True)
    for column in frame.columns:
        if len({str(part[column].dtype) for part in kept if column in part}) > 1:
            frame[column] = pd.Series(frame[column].tolist(), index=frame.index)
    return frame


def read_manifest(root: Path) -> dict:
    """The manifest of the store at `root`; an empty one when there is no store yet."""
    path = Path(root) / MANIFEST
    if not path.exists():
        return {"format": STORE_FORMAT, "version": None, "pipeline": None, "shards": [], "articles": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def write_manifest(root: Path, manifest: dict) -> None:
    path = Path(root) / MANIFEST
    partial = path.with_name(MANIFEST + ".partial")
    partial.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)


class StoreIncomplete(RuntimeError):
    """A store whose corpus steps are being run, or stopped before they finished: its
    top-level tables may mix two builds."""


def check_complete(root: Path, manifest: dict) -> None:
    """Raise StoreIncomplete, naming the store, unless its last build finished (a store written
    before builds said so counts as finished)."""
    if manifest.get("complete") is False:
        raise StoreIncomplete(
            f"{root}: the analysis store is being built, or its last build stopped before the corpus-level "
            "steps finished; wait for the build, or run `python -m analysis ... --out` on it again")


def live_shards(manifest: dict) -> list[str]:
    """The shards holding at least one current article, in the order they were written."""
    used = {entry["shard"] for entry in manifest["articles"].values()}
    return [shard for shard in manifest["shards"] if shard in used]


def load_store(root: str | os.PathLike) -> Analysis:
    """Every top-level table of the store at `root`, in one `Analysis` (for a corpus that fits
    in memory; larger ones are read a table or a shard at a time, or with DuckDB)."""
    root = Path(root)
    manifest = read_manifest(root)
    if manifest["version"] is None:
        raise FileNotFoundError(f"{root} holds no analysis store ({MANIFEST} is missing)")
    check_complete(root, manifest)
    tables: dict[str, pd.DataFrame] = {}
    for table in SHARDED_TABLES:
        parts = [read_table(final_path(root, table, shard)) for shard in live_shards(manifest)]
        tables[table] = concat_parts(parts) if parts else read_table(final_path(root, table))
    for table in CORPUS_TABLES:
        tables[table] = read_table(final_path(root, table))
    return Analysis(pipeline=manifest["pipeline"], **tables)
