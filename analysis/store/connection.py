"""A DuckDB connection over a store's Parquet files: one view per table, read in place.

Shared by the queries the dashboard asks (analysis.store.query) and the build's last step, the
per-source rollups (analysis.store.rollups), so both read the same tables the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from analysis.store.layout import CORPUS_TABLES, SHARDED_TABLES, final_path


def connect(root: Path, shards: list[str], *, threads: int | None = None, memory: str | None = None,
            held: Iterable[str] = (), corpus_tables: Iterable[str] = CORPUS_TABLES):
    """A DuckDB connection with a view of each sharded table over the live `shards` (its rows
    carry their `shard`) and of each of `corpus_tables`. The tables named in `held` are read
    into memory once instead. `threads` and `memory` cap DuckDB (its defaults otherwise)."""
    import duckdb

    config: dict = {}
    if threads is not None:
        config["threads"] = threads
    if memory is not None:
        config["memory_limit"] = memory
    db = duckdb.connect(config=config)
    db.execute("SET enable_progress_bar = false")  # a build prints its own; a dashboard has no terminal
    held = frozenset(held)
    for table in SHARDED_TABLES:
        if shards:
            add_view(db, root, table, [final_path(root, table, s) for s in shards], sharded=True, held=table in held)
        else:  # a store of no article: one empty file per table, and no shard column
            add_view(db, root, table, [final_path(root, table)], sharded=False, shard="CAST(NULL AS VARCHAR)",
                     held=table in held)
    for table in corpus_tables:
        add_view(db, root, table, [final_path(root, table)], sharded=False, held=table in held)
    return db


def add_view(db, root: Path, name: str, paths: list[Path], *, sharded: bool, shard: str | None = None,
             held: bool = False) -> None:
    """A view `name` of the Parquet files `paths`; a sharded table's rows carry their `shard`.
    With `held`, a table read once into memory instead: a scan of a sharded table opens one file
    per shard, and a table that nearly every query reads (the articles) would pay that many
    times over on each page."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"{root} is not a complete analysis store: {missing[0]} is missing "
                                "(a build may still be running, or it stopped midway; build it again)")
    extra = f", {shard} AS shard" if shard else ""
    kind = "TABLE" if held else "VIEW"
    # Matching columns by name reads every file's schema each time a query names the view:
    # only worth it when the shards differ (written by different versions of the build).
    by_name = str(len(paths) > 1 and not _one_schema(db, paths)).lower()
    db.execute(f"CREATE {kind} {name} AS SELECT *{extra} FROM read_parquet({sql_list(paths)}, "
               f"hive_partitioning = {str(sharded).lower()}, union_by_name = {by_name})")


def _one_schema(db, paths: list[Path]) -> bool:
    """Whether the Parquet files `paths` all hold the same columns of the same types."""
    row = db.execute(f"""SELECT count(DISTINCT columns) FROM (
        SELECT file_name, list(name || ' ' || type || ' ' || coalesce(logical_type, '') ORDER BY name) AS columns
        FROM parquet_schema({sql_list(paths)}) WHERE num_children IS NULL OR num_children = 0
        GROUP BY file_name)""").fetchone()
    return row is not None and row[0] == 1


def sql_list(values: Iterable[object]) -> str:
    """A SQL list of the text of `values` (file paths, names of the code), quoted."""
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"
